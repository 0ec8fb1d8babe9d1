import re
from urllib.parse import unquote
def norm(u):
    u=u.strip()
    u=re.sub(r'^(web page excerpt:|pages corpus:)\s*','',u)
    u=unquote(u.split(' ')[0]).replace('\uff0c',',')
    u=re.sub(r'^(https?://)?(www\.)?','',u).rstrip('/')
    return u.lower()
EX=set(); RAW=open('/work/notes/label_exclude.txt').read()
for x in RAW.splitlines():
    if x.strip(): EX.add(norm(x))
RES=set(l.strip() for l in open('/work/shared/corpus/large/RESERVED-IDS.txt') if l.strip() and not l.startswith('#'))
