"""Search the large corpus (us_gov_english.jsonl.gz) paragraph by paragraph with a regex, skipping
reserved ids; marks records whose source file is already in the exclusion list. Usage:
python3 corpus_grep.py REGEX [collection-substring]"""
import gzip, json, re, sys
ex = open('/tmp/label_exclude2.txt').read()
res = set(x.strip() for x in open('/work/shared/corpus/large/RESERVED-IDS.txt') if x.strip() and not x.startswith('#'))
pat = re.compile(sys.argv[1])
coll = sys.argv[2] if len(sys.argv) > 2 else ''
n = 0
for line in gzip.open('/work/shared/corpus/large/us_gov_english.jsonl.gz', 'rt'):
    r = json.loads(line)
    if r['id'] in res or coll not in r['collection']: continue
    src = r['source']
    used = src in ex or r['id'] in ex
    off = 0
    for para in r['text'].split('\n\n'):
        if pat.search(para):
            print('==', r['id'], 'USED-FILE' if used else '', r['title'][:60], off, off+len(para), len(para.split()))
            print(para[:500].replace('\n',' '))
            n += 1
        off += len(para) + 2
    if n > 60: break
