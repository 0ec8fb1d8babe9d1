"""Append documents to mixed5. stdin: blocks separated by a line '=====';
each block: first line compact JSON label, then document (title line, blank line, body).
keys: id (only to refill a withdrawn id), t="tibet,xinjiang,hong_kong,taiwan,pp", hr, f(framing), s(stratum), src(URL), lang, p(prisoners), n(notes), lic."""
import json, os, sys, re
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from excl import EX, norm
D = '/work/label_mixed5'
L = os.path.join(D, 'labels.jsonl')
LIC = {'web': 'excerpt of a public web page, quoted for research evaluation'}
used = set(); ids = []
if os.path.exists(L):
    for x in open(L):
        if x.strip():
            r = json.loads(x); ids.append(r['id']); used.add(norm(r['source']))
n = max([int(i[1:]) for i in ids] or [0])
for blk in sys.stdin.read().split('\n=====\n'):
    blk = blk.strip('\n')
    if not blk.strip():
        continue
    head, _, body = blk.partition('\n')
    c = json.loads(head)
    k = norm(c['src'])
    assert k not in EX, 'source already used (exclusion set): ' + c['src']
    assert k not in used, 'source already used here: ' + c['src']
    used.add(k)
    c.setdefault('lic', LIC['web'])
    src = 'web page excerpt: ' + c['src']
    body = body.strip('\n') + '\n'
    assert body.split('\n')[1] == '', 'need title line + blank line'
    lang = c.get('lang', 'en')
    txt = body.split('\n', 2)[2]
    size = len(txt.split()) if lang == 'en' else len(re.findall(r'[\u4e00-\u9fff]', txt))
    lo, hi = (150, 600) if lang == 'en' else (250, 650)
    assert lo <= size <= hi, 'size out of range: %d' % size
    if c['s'].startswith('neg:'):
        assert c['t'] == '0,0,0,0,0' and not c.get('p'), 'negative with a topic'
        assert re.search(r'Tibet|Xinjiang|Uyghur|Uighur|Hong Kong|Taiwan|西藏|藏族|新疆|维吾尔|維吾爾|香港|台湾|台灣|臺灣', body), 'negative names no place'
    for p in c.get('p', []):
        assert p in body, 'prisoner name not in text as written: ' + p
    t = [int(x) for x in c['t'].split(',')]
    assert len(t) == 5
    if 'id' in c:   # replacement of a withdrawn document under the same id
        fid = c['id']; assert fid not in ids, 'id in use: ' + fid
    else:
        n += 1
        fid = 'v%03d' % n
    rec = {'id': fid, 'source': src, 'lang': lang,
           'topics': dict(zip(['tibet', 'xinjiang', 'hong_kong', 'taiwan', 'political_prisoners'], t)),
           'human_rights': bool(c['hr']), 'prisoners': c.get('p', []), 'framing': c['f'],
           'stratum': c['s'], 'licence': c['lic'], 'notes': c.get('n', '')}
    open(os.path.join(D, 'docs', fid + '.txt'), 'w').write(body)
    with open(L, 'a') as fh:
        fh.write(json.dumps(rec, ensure_ascii=False) + '\n')
    ids.append(fid)
    print(fid, size, 'words' if lang == 'en' else 'han', c['s'], c['t'], rec['prisoners'])
