"""Append documents to the news set. stdin: blocks separated by a line '=====';
each block: first line a compact JSON label, then the document (title line, blank line, text).
Compact keys: t="tibet,xinjiang,hong_kong,taiwan,pp" levels, hr, f(framing), s(stratum), src, lang, p(prisoners), n(notes), lic."""
import json, os, sys
D = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
L = os.path.join(D, 'labels.jsonl')
FR = {'news': 'third-party copyrighted news text; internal evaluation only',
      'advocacy': 'third-party copyrighted NGO text; internal evaluation only',
      'other': 'third-party text; internal evaluation only',
      'official_prc': 'official statement relayed by a third-party page; internal evaluation only',
      'official_us': 'US government work (public domain)'}
import re
def norm(u):
    return re.sub(r'^(https?://)?(www\.)?', '', u.strip()).rstrip('/')
EX = set()
if os.path.exists('/tmp/label_exclude2.txt'):
    for x in open('/tmp/label_exclude2.txt'):
        x = x.strip()
        if x:
            for tok in x.split():
                EX.add(norm(tok))
ids = []
if os.path.exists(L):
    ids = [json.loads(x)['id'] for x in open(L) if x.strip()]
n = max([int(i[1:]) for i in ids] or [0])
for blk in sys.stdin.read().split('\n=====\n'):
    blk = blk.strip('\n')
    if not blk.strip():
        continue
    head, _, body = blk.partition('\n')
    c = json.loads(head)
    if 'cid' in c:  # excerpt of the large corpus: a = start anchor, b = end anchor
        import gzip
        for line in gzip.open('/work/shared/corpus/large/us_gov_english.jsonl.gz', 'rt'):
            r = json.loads(line)
            if r['id'] == c['cid']:
                break
        else:
            raise SystemExit('no record ' + c['cid'])
        t = r['text']
        st = t.index(c['a'])
        en = t.index(c['b'], st) + len(c['b'])
        body = (c.get('title') or r['title']) + '\n\n' + t[st:en]
        c['src'] = r['source'] + '; us_gov_english.jsonl.gz id ' + c['cid']
        c['lic'] = 'public domain (US government work)'
        c['_ex'] = [st, en]
        assert c['cid'] not in open('/work/shared/corpus/large/RESERVED-IDS.txt').read()
        assert c['cid'] not in open('/tmp/label_exclude2.txt').read()
        assert r['source'].split('github:')[-1] not in open('/tmp/label_exclude2.txt').read(), 'file used'
    body = body.strip('\n') + '\n'
    assert body.split('\n')[1] == '', 'need title line + blank line'
    assert 'cid' in c or norm(c['src'].split(' ')[0]) not in EX, 'source already used: ' + c['src']
    n += 1
    fid = 'n%03d' % n
    t = [int(x) for x in c['t'].split(',')]
    rec = {'id': fid, 'source': c['src'], 'lang': c.get('lang', 'en'),
           'topics': dict(zip(['tibet', 'xinjiang', 'hong_kong', 'taiwan', 'political_prisoners'], t)),
           'human_rights': bool(c['hr']), 'prisoners': c.get('p', []), 'framing': c['f'],
           'stratum': c['s'], 'licence': c.get('lic', FR[c['f']]), 'notes': c.get('n', '')}
    if 'cid' in c:
        rec['corpus_id'] = c['cid']
        rec['excerpt'] = c['_ex']
    open(os.path.join(D, 'docs', fid + '.txt'), 'w').write(body)
    with open(L, 'a') as fh:
        fh.write(json.dumps(rec, ensure_ascii=False) + '\n')
    print(fid, len(body.split()), 'words', c['s'], c['t'])
