# Check of tests/eval/heldout4/labels-a.json (part a of the fourth held-out set; copy of ../heldout3/check.py) (run from the worktree root): JSON valid, every person, alias,
# optional person and bill label/alias occurs in its article's text (case-insensitive, whitespace and curly
# apostrophes normalized, periods removed, square brackets of quoted insertions dropped); counts.
# Also checks the labels of optional_bills (bills named only in furniture).
import json, re, sys
C = '/work/shared/corpora/'
def norm(s):
    s = s.replace('\u2019', "'").replace('\u2018', "'").replace('[', '').replace(']', '').replace('.', '')
    return re.sub(r'\s+', ' ', s).lower()
def text(src):
    if src.startswith('allsides'):
        d = json.load(open(C + src)); return d['title'] + '\n' + d['content_original'], d.get('date') or ''
    return open(C + src, encoding='utf-8', errors='replace').read(), ''
labels = json.load(open('tests/eval/heldout4/labels-a.json'))['articles']
bad = 0
n = {'articles': 0, 'people': 0, 'optional': 0, 'linked': 0, 'null': 0, 'named': 0, 'numbered': 0, 'described': 0, 'optional_bills': 0, 'stratum_bills': 0}
ids = set()
for a in labels:
    assert a['source'] not in ids, a['source']; ids.add(a['source'])
    t, date = text(a['source'])
    # a quoted nickname between given name and surname ('Cornelia "Nina" Pillard') also yields both plain forms
    t = t + '\n' + '\n'.join(f'{g} {s}\n{k} {s}' for g, k, s in re.findall(r'(\w+) ["\u201c](\w+)["\u201d] (\w+)', t))
    # a glued CamelCase display name in an embedded tweet's signature ('JohnCornyn (@JohnCornyn)') also yields its
    # spaced form ('John Cornyn')
    t = t + '\n' + '\n'.join(re.sub(r'(?<=[a-z])(?=[A-Z])', ' ', g) for g in re.findall(r'\b([A-Z][a-z]+[A-Z]\w*) \(@\1\)', t))
    t = norm(t)
    n['articles'] += 1
    if a['source'].startswith('allsides') and not date and 'date' not in a and a['people']: print('no date:', a['id'])
    def need(s, what):
        global bad
        if (a['id'], s) == ('EWxYggMZkMODcbUx', 'H.R. 1112'): return  # the lead's number alias ('H.R. 8 and 1112')
        if norm(s) not in t: print(a['id'], what, 'NOT IN TEXT:', s); bad += 1
    names = set()
    for p in a['people'] + a.get('optional_people', []):
        p = {'name': p} if isinstance(p, str) else p
        assert p['name'] not in names, p['name']; names.add(p['name'])
        need(p['name'], 'person'); [need(x, 'alias') for x in p.get('aliases', [])]
    for p in a['people']:
        n['people'] += 1
        if isinstance(p, dict) and 'bioguide' in p:
            n['linked' if p['bioguide'] else 'null'] += 1
    n['optional'] += len(a.get('optional_people', []))
    n['stratum_bills'] += a.get('stratum') == 'bills'
    for b in a.get('optional_bills', []):
        n['optional_bills'] += 1
        need(b['label'], 'optional bill'); [need(x, 'optional bill alias') for x in b['aliases']]
    for b in a['bills']:
        n[b['kind']] += 1
        if b['kind'] != 'described': need(b['label'], 'bill')
        [need(x, 'bill alias') for x in b['aliases']]
        for s in b.get('sponsors', []):
            assert s in names or s in a.get('sponsor_note', ''), (a['id'], s)
print(n, 'problems:', bad)
sys.exit(1 if bad else 0)
