"""Disjointness checks for mixed5.
1. URL check: every `source` of labels.jsonl, normalised, against the exclusion set (excl.py:
   `source` fields of the blind, dev and wh label files + URLs in the blind querylog.md files), and no duplicates.
2. Text check: word 12-gram shingles (and Han 12-character shingles) of each mixed5 document against
   every document in /work/main/tests/data/blind/*/docs, /work/shared/corpus/dev/docs and
   /work/shared/corpus/wh/docs; also word 8-gram / Han 12-gram overlap ratio (as in label_names).
   Only ids and scores are printed for the blind docs (their text is not shown).
3. Within-set near-duplicates."""
import glob, re, json, os, sys
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from excl import EX, norm
D = '/work/label_mixed5'
recs = [json.loads(l) for l in open(os.path.join(D, 'labels.jsonl')) if l.strip()]
bad = [r['id'] for r in recs if norm(r['source']) in EX]
keys = [norm(r['source']) for r in recs]
dups = sorted(set(k for k in keys if keys.count(k) > 1))
print('URL check: %d sources, %d in exclusion set %s, %d duplicated within set' % (len(recs), len(bad), bad, len(dups)))

def words(t): return re.findall(r"\w+", t.lower())
def han(t): return ''.join(re.findall(r'[\u4e00-\u9fff]', t))
def shingles(t, n=12):
    w = words(t); g = set(' '.join(w[i:i+n]) for i in range(len(w)-n+1))
    h = han(t); g |= set('H:' + h[i:i+12] for i in range(len(h)-11))
    return g
def grams8(t):
    w = words(t); g = set(' '.join(w[i:i+8]) for i in range(len(w)-7))
    h = han(t); g |= set('H:' + h[i:i+12] for i in range(len(h)-11))
    return g
refs = {}
for pat in ['/work/main/tests/data/blind/*/docs/*.txt', '/work/shared/corpus/dev/docs/*.txt', '/work/shared/corpus/wh/docs/*.txt']:
    for f in glob.glob(pat):
        t = open(f, encoding='utf-8', errors='replace').read()
        refs[f] = (shingles(t), grams8(t))
print('reference documents:', len(refs))
mine = {}
worst = 0; hits = 0
for f in sorted(glob.glob(os.path.join(D, 'docs', '*.txt'))):
    t = open(f).read(); s12 = shingles(t); g8 = grams8(t); mine[os.path.basename(f)[:-4]] = g8
    for rf, (r12, r8) in refs.items():
        sh = s12 & r12
        ratio = len(g8 & r8) / max(1, len(g8))
        worst = max(worst, ratio)
        if sh or ratio > 0.01:
            hits += 1
            name = rf.replace('/work/main/tests/data/blind/', 'blind/').replace('/work/shared/corpus/', '')
            shown = sorted(sh)[:3] if not rf.startswith('/work/main') else '(text not shown)'
            print('  %s vs %s: %d shared 12-shingles, 8-gram overlap %.3f %s' % (os.path.basename(f)[:-4], name, len(sh), ratio, shown))
print('pairs with any shared 12-shingle or >1%% 8-gram overlap: %d; highest 8-gram overlap %.3f' % (hits, worst))
ks = sorted(mine); w = 0
for i, a in enumerate(ks):
    for b in ks[i+1:]:
        s = len(mine[a] & mine[b]) / max(1, min(len(mine[a]), len(mine[b])))
        w = max(w, s)
        if s > 0.05: print('  within', a, b, round(s, 3))
print('within-set highest 8-gram overlap %.3f' % w)
