"""mixed5: list exclusion-set entries (decoded, lower-cased) containing any of the given keywords, to skip covered events."""
import sys, os
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from excl import EX
for k in sorted(EX):
    if any(w.lower() in k for w in sys.argv[1:]): print('   ', k[:160])
