"""Word 8-gram (en) / Han 12-gram (zh) overlap of each document against the dev and wh corpora."""
import glob, re, json
def grams(t):
    w = re.findall(r"\w+", t.lower())
    g = set(' '.join(w[i:i+8]) for i in range(len(w)-7))
    h = ''.join(re.findall(r'[\u4e00-\u9fff]', t))
    g |= set(h[i:i+12] for i in range(len(h)-11))
    return g
ref = set()
for f in glob.glob('/work/shared/corpus/dev/docs/*.txt') + glob.glob('/work/shared/corpus/wh/docs/*.txt'):
    ref |= grams(open(f).read())
mine = {}
for f in sorted(glob.glob('/work/label_names/docs/*.txt')):
    g = grams(open(f).read()); mine[f[-8:-4]] = g
    s = len(g & ref) / max(1, len(g))
    if s > 0.01: print(f[-8:-4], round(s, 3))
# within-set near-duplicates
ks = sorted(mine)
for i, a in enumerate(ks):
    for b in ks[i+1:]:
        s = len(mine[a] & mine[b]) / max(1, min(len(mine[a]), len(mine[b])))
        if s > 0.05: print('within', a, b, round(s, 3))
print('done')
