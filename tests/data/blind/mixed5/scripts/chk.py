"""mixed5: check candidate URLs against the exclusion set; print same-domain excluded entries."""
import sys, os
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from excl import EX, RAW, norm
for u in sys.argv[1:]:
    k = norm(u); dom = k.split('/')[0]
    hits = [r for r in RAW if dom in r.lower()]
    print('EXCLUDED' if k in EX else 'ok', u, '| same-domain entries:', len(hits))
    for l in hits[:40]: print('    ', l[:170])
