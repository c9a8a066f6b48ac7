# Selection rule of tests/eval/heldout4 (run from the repository root). Prints the chosen sources; reads only
# file names, `ID` fields and text lengths/hashes, never shows article text.
#
# uniform: 34 allsides (both subfolders) + 14 BBC, from the files in none of the earlier sets
#          (labels.json, heldout, heldout2, heldout3), step k = N div n, offset k div 6
#          (earlier sets: k div 2, k div 3, k * 2 div 3).
# bills:   16 from allsides-congress/bill_citing_other_topics/, minus every earlier set and the uniform picks,
#          step k = N div 16, offset k div 3; reported apart from the uniform sample (it was chosen for citing bills).
# A file under 200 characters of text, or identical (after trimming) to a labelled or chosen one, is replaced by
# the next file in order.
import hashlib, json, os
C = '/work/shared/corpora'
prev = [a for f in ('tests/eval/labels.json', 'tests/eval/heldout/labels.json', 'tests/eval/heldout2/labels.json',
                          'tests/eval/heldout3/labels.json')
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

def pick(lst, n, offset_of, label):
    lst = [p for p in lst if p not in done_src and rid(p) not in done_id and p not in chosen]
    k = len(lst) // n
    off = offset_of(k)
    print(f'{label}: N = {len(lst)}, step {k}, offset {off}')
    for j in range(n):
        i = off + k * j
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
        print(label, p, rid(p))

pick(alls, 34, lambda k: k // 6, 'uniform')
pick(bbc, 14, lambda k: k // 6, 'uniform')
pick([p for p in alls if '/bill_citing_other_topics/' in p], 16, lambda k: k // 3, 'bills')
print('skipped:', skipped)
