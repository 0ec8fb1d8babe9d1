"""Append documents to the fresh set. stdin: blocks separated by a line '=====';
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
ids = []
if os.path.exists(L):
    ids = [json.loads(x)['id'] for x in open(L) if x.strip()]
n = max([int(i[1:]) for i in ids] or [0])
for blk in sys.stdin.read().split('\n=====\n'):
    blk = blk.strip('\n')
    if not blk.strip():
        continue
    head, body = blk.split('\n', 1)
    c = json.loads(head)
    body = body.strip('\n') + '\n'
    assert body.split('\n')[1] == '', 'need title line + blank line'
    n += 1
    fid = 'f%03d' % n
    t = [int(x) for x in c['t'].split(',')]
    rec = {'id': fid, 'source': c['src'], 'lang': c.get('lang', 'en'),
           'topics': dict(zip(['tibet', 'xinjiang', 'hong_kong', 'taiwan', 'political_prisoners'], t)),
           'human_rights': bool(c['hr']), 'prisoners': c.get('p', []), 'framing': c['f'],
           'stratum': c['s'], 'licence': c.get('lic', FR[c['f']]), 'notes': c.get('n', '')}
    open(os.path.join(D, 'docs', fid + '.txt'), 'w').write(body)
    with open(L, 'a') as fh:
        fh.write(json.dumps(rec, ensure_ascii=False) + '\n')
    print(fid, len(body.split()), 'words', c['s'], c['t'])
