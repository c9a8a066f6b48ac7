# Selection rule of tests/eval/heldout2 (run from the worktree root). Prints the chosen sources; reads only
# file names, `ID` fields and text lengths/hashes, never shows article text.
import hashlib, json, os
C = '/work/shared/corpora'
prev = [a for f in ('tests/eval/labels.json', 'tests/eval/heldout/labels.json')
        for a in json.load(open(f))['articles']]
done_src = {a['source'] for a in prev}
done_id = {a['id'] for a in prev}

def text(p):
    if p.startswith('allsides'):
        return json.load(open(os.path.join(C, p))).get('content_original') or ''
    return open(os.path.join(C, p), encoding='utf-8', errors='replace').read()

def rid(p):
    if p.startswith('allsides'):
        return json.load(open(os.path.join(C, p))).get('ID')
    return os.path.basename(p)[:-4]

done_hash = set()
for a in prev:
    if a['source'].startswith(('allsides', 'bbc')):
        done_hash.add(hashlib.sha1(text(a['source']).strip().encode()).hexdigest())

alls = sorted(os.path.relpath(os.path.join(dp, f), C)
              for dp, _, fs in os.walk(C + '/allsides-congress') for f in fs if f.endswith('.json'))
bbc = sorted('bbc-politics/' + f for f in os.listdir(C + '/bbc-politics')
             if len(f) == 7 and f.endswith('.txt') and f[:3].isdigit())
chosen, skipped = [], []
for lst, n in ((alls, 28), (bbc, 12)):
    lst = [p for p in lst if p not in done_src and rid(p) not in done_id]
    k = len(lst) // n
    print(f'{lst[0].split("/")[0]}: N = {len(lst)}, step {k}, offset {k // 3}')
    for j in range(n):
        i = k // 3 + k * j
        while True:
            p = lst[i]
            t = text(p)
            h = hashlib.sha1(t.strip().encode()).hexdigest()
            if len(t) < 200 or h in done_hash:
                skipped.append((p, len(t)))
                i += 1
                continue
            break
        done_hash.add(h)
        chosen.append(p)
print('skipped:', skipped)
for p in chosen:
    print(p, rid(p))
