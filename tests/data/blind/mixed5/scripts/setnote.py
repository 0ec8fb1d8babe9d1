"""Append text to the notes of one record: setnote.py ID 'text'"""
import json, sys
L = '/work/label_mixed5/labels.jsonl'
rs = [json.loads(l) for l in open(L) if l.strip()]
for r in rs:
    if r['id'] == sys.argv[1]:
        r['notes'] = (r['notes'] + ' ' + sys.argv[2]).strip()
open(L, 'w').write(''.join(json.dumps(r, ensure_ascii=False) + '\n' for r in rs))
