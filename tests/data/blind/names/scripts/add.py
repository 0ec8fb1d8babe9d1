"""Append documents. stdin: blocks separated by a line '=====';
each block: first line compact JSON label, then document (title line, blank line, body).
keys: t="tibet,xinjiang,hong_kong,taiwan,pp", hr, f, s(stratum), src, lang, p, n, lic;
corpus excerpts: cid, a (start anchor), b (end anchor), title."""
import json, os, sys, re
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from excl import EX, RES, norm
D = '/work/label_names'
L = os.path.join(D, 'labels.jsonl')
LIC = {'us': 'US government work, public domain',
       'web': 'excerpt of a public web page, quoted for research evaluation'}
used = set()
ids = []
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
    rec_extra = {}
    if 'cid' in c:
        assert c['cid'] not in RES and c['cid'].lower() not in EX
        for line in open('/tmp/lg_ok.jsonl'):
            if line.startswith('{"id": "%s"' % c['cid']):
                r = json.loads(line); break
        else:
            raise SystemExit('no record ' + c['cid'])
        t = r['text']
        st = t.index(c['a']); en = t.index(c['b'], st) + len(c['b'])
        cut = not (st == 0 and en == len(t))
        body = (c.get('title') or r['title']) + '\n\n' + t[st:en]
        src = r['source'] + '; us_gov_english.jsonl.gz id ' + c['cid'] + ' [%d,%d]' % (st, en)
        c['src'] = src; c.setdefault('lic', LIC['us'])
        rec_extra = {'corpus_id': c['cid'], 'excerpt': [st, en]}
    else:
        k = norm(c['src'])
        assert k not in EX, 'source already used (exclude list): ' + c['src']
        assert k not in used, 'source already used here: ' + c['src']
        c.setdefault('lic', LIC['web'])
        c['src'] = c['src'] if c['src'].startswith('web page') else 'web page excerpt: ' + c['src']
    body = body.strip('\n') + '\n'
    assert body.split('\n')[1] == '', 'need title line + blank line'
    lang = c.get('lang', 'en')
    words = len(body.split()) if lang == 'en' else len(re.findall(r'[\u4e00-\u9fff]', body))
    n += 1
    fid = 'p%03d' % n
    t = [int(x) for x in c['t'].split(',')]
    rec = {'id': fid, 'source': c['src'], 'lang': lang,
           'topics': dict(zip(['tibet', 'xinjiang', 'hong_kong', 'taiwan', 'political_prisoners'], t)),
           'human_rights': bool(c['hr']), 'prisoners': c.get('p', []), 'framing': c['f'],
           'stratum': c['s'], 'licence': c['lic'], 'notes': c.get('n', '')}
    rec.update(rec_extra)
    open(os.path.join(D, 'docs', fid + '.txt'), 'w').write(body)
    with open(L, 'a') as fh:
        fh.write(json.dumps(rec, ensure_ascii=False) + '\n')
    print(fid, words, 'words/han', c['s'], c['t'], rec['prisoners'])
