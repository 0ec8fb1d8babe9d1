"""mixed5: final re-read aid. Prints every label compactly and asserts consistency rules of the codebook:
prisoners -> political_prisoners >= 1 and human_rights true; neg:* strata -> all topics 0, no prisoners;
every prisoner string occurs in the document; field set equals dev/labels.jsonl fields + stratum + licence."""
import json, re
D = '/work/label_mixed5'
dev = json.loads(open('/work/shared/corpus/dev/labels.jsonl').readline())
want = set(dev) | {'stratum', 'licence'}
K = ['tibet', 'xinjiang', 'hong_kong', 'taiwan', 'political_prisoners']
bad = 0
for l in open(D + '/labels.jsonl'):
    r = json.loads(l); t = r['topics']; txt = open(D + '/docs/%s.txt' % r['id']).read()
    errs = []
    if set(r) != want: errs.append('fields')
    if r['prisoners'] and (t['political_prisoners'] < 1 or not r['human_rights']): errs.append('pp/hr vs names')
    if r['stratum'].startswith('neg:') and (any(t.values()) or r['prisoners']): errs.append('neg with topic')
    if not r['stratum'].startswith('neg:') and not any(t.values()): errs.append('topic stratum without topic')
    if t['political_prisoners'] and not r['human_rights']: errs.append('pp without hr')
    for p in r['prisoners']:
        if p not in txt: errs.append('name not in text: ' + p)
    bad += bool(errs)
    print(r['id'], r['lang'], ''.join(str(t[k]) for k in K), 'HR' if r['human_rights'] else '--', r['framing'][:8].ljust(8),
          r['stratum'][:38].ljust(38), len(r['prisoners']), ' '.join(errs))
print('records with problems:', bad)
