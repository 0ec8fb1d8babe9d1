import gzip, json, sys
sys.path.insert(0,'/work/label_names/scripts'); from excl import *
out=open('/tmp/lg_ok.jsonl','w'); n=0; skip=0
for line in gzip.open('/work/shared/corpus/large/us_gov_english.jsonl.gz','rt'):
    # id check first, on the raw prefix, before parsing text
    i=line.index('"id": "')+7; rid=line[i:line.index('"',i)]
    if rid in RES: skip+=1; continue
    r=json.loads(line)
    src=r['source'].lower()
    if rid.lower() in EX or src in EX or any(e.startswith(src) for e in EX if e.startswith('github:')):
        skip+=1; continue
    out.write(line); n+=1
print(n, skip)
