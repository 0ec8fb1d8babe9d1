"""Disjointness check: for every news document, the share of its word 8-grams (English) or
character 12-grams (Chinese, whitespace removed) that also occur in any document of dev, wh,
world, gov, custody or fresh; reports the maximum per news document and the worst pairs. Also checks sources."""
import glob, json, os, re, collections
B = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
SETS = {'dev': '/work/shared/corpus/dev/docs/*.txt', 'wh': '/work/shared/corpus/wh/docs/*.txt',
        'world': B + '/world/docs/*.txt', 'gov': B + '/gov/docs/*.txt',
        'custody': B + '/custody/docs/*.txt', 'fresh': B + '/fresh/docs/*.txt'}
def grams(t):
    cjk = len(re.findall(r'[\u4e00-\u9fff]', t))
    if cjk > len(t) * 0.2:
        s = re.sub(r'\s+', '', t)
        return {s[i:i+12] for i in range(len(s) - 11)}, 'c12'
    w = re.findall(r"[a-z0-9]+", t.lower())
    return {' '.join(w[i:i+8]) for i in range(len(w) - 7)}, 'w8'
index = collections.defaultdict(set)
for name, pat in SETS.items():
    for f in glob.glob(pat):
        g, _ = grams(open(f, encoding='utf-8').read())
        key = name + '/' + os.path.basename(f)
        for x in g:
            index[x].add(key)
print('reference docs indexed:', sum(len(glob.glob(p)) for p in SETS.values()))
rows = []
for f in sorted(glob.glob(os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(__file__))), 'docs', '*.txt'))):
    g, kind = grams(open(f, encoding='utf-8').read())
    hits = collections.Counter()
    for x in g:
        for k in index.get(x, ()):
            hits[k] += 1
    best = hits.most_common(1)
    share = best[0][1] / max(1, len(g)) if best else 0.0
    rows.append((share, os.path.basename(f), kind, best[0][0] if best else '-'))
rows.sort(reverse=True)
print('max overlap share: %.3f' % rows[0][0])
for r in rows[:8]:
    print('%.3f %s %s %s' % r)
print('docs with any shared n-gram:', sum(1 for r in rows if r[0] > 0))
# source/URL check against dev and world labels
own = [json.loads(l) for l in open(os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(__file__))), 'labels.jsonl'))]
other = open('/work/shared/corpus/dev/labels.jsonl').read() + open(B + '/world/labels.jsonl').read() + open(B + '/gov/labels.jsonl').read() + open(B + '/custody/labels.jsonl').read() + open(B + '/fresh/labels.jsonl').read()
urls = [re.search(r'https?://\S+', d['source']) for d in own]
dup = [u.group(0) for u in urls if u and u.group(0).rstrip(')') in other]
print('news URLs also cited in dev/world/gov/custody/fresh labels:', dup or 'none')
