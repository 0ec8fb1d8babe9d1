import sys
sys.path.insert(0,'/work/label_names/scripts'); from excl import *
RAWL=open('/work/notes/label_exclude.txt').read().lower()
for u in sys.argv[1:]:
    k=norm(u); dom=k.split('/')[0]
    print('EXCLUDED' if k in EX else 'ok', u, '| same-domain entries:', RAWL.count(dom))
    for l in RAWL.splitlines():
        if dom in l: print('    ', l[:160])
