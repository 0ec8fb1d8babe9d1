"""Exclusion set for mixed5: every `source` (and `corpus_id`) field of
/work/main/tests/data/blind/*/labels.jsonl (and blind/*/sources.jsonl where present), dev/labels.jsonl,
wh/labels.jsonl and wh/sources.jsonl, plus every URL named in /work/main/tests/data/blind/*/querylog.md.
Only the `source`/`corpus_id` fields of those label files are read."""
import re, json, glob
from urllib.parse import unquote
def norm(u):
    u = u.strip()
    u = re.sub(r'^(web page excerpt:|pages corpus:)\s*', '', u)
    u = unquote(u.split(' ')[0]).replace('\uff0c', ',')
    u = re.sub(r'^(https?://)?(www\.)?', '', u).rstrip('/')
    u = u.split('#')[0]
    return u.lower()
RAW = []
for f in glob.glob('/work/main/tests/data/blind/*/querylog.md'):
    for u in re.findall(r'https?://[^\s)\]>`"\'|]+', open(f, encoding='utf-8').read()):
        RAW.append(u.rstrip('.,;:'))
for f in (glob.glob('/work/main/tests/data/blind/*/labels.jsonl') + glob.glob('/work/main/tests/data/blind/*/sources.jsonl')
          + glob.glob('/work/shared/corpus/dev/labels.jsonl') + glob.glob('/work/shared/corpus/dev/sources.jsonl')
          + ['/work/shared/corpus/wh/labels.jsonl', '/work/shared/corpus/wh/sources.jsonl']):
    for l in open(f):
        if l.strip():
            r = json.loads(l)
            if r.get('source'): RAW.append(r['source'])
            if r.get('corpus_id'): RAW.append(str(r['corpus_id']))
EX = set(norm(x) for x in RAW)
