# Final check of tests/eval/heldout4/labels-e.json (run from the worktree root): JSON valid, no article twice, no
# person twice per article, every person, alias, optional person and bill label/alias (and optional_bills) occurs in
# its article's text (case-insensitive, whitespace and curly apostrophes normalized, periods removed, square brackets
# of quoted insertions dropped), every sponsor is a labelled person, every allsides record with people has a date;
# counts. Copy of ../heldout3/check.py without its NUMBER_ALIASES, plus one rule: a name that The Hill's inline link
# block splits in two ("Sarah Huckabee [Sarah Elizabeth SandersBill Press: ... MORE] Sanders") passes when its first
# words are followed, within 600 characters, by "MORE " and its last words.
import json, re, sys
C = '/work/shared/corpora/'
def norm(s):
    s = s.replace('\u2019', "'").replace('\u2018', "'").replace('[', '').replace(']', '').replace('.', '')
    return re.sub(r'\s+', ' ', s).lower()
def text(src):
    if src.startswith('allsides'):
        d = json.load(open(C + src)); return d['title'] + '\n' + d['content_original'], d.get('date') or ''
    return open(C + src, encoding='utf-8', errors='replace').read(), ''
def split_by_link(name, t):
    w = norm(name).split(' ')
    for i in range(1, len(w)):
        head, tail = ' '.join(w[:i]) + ' ', 'more ' + ' '.join(w[i:])
        for m in re.finditer(re.escape(head), t):
            if tail in t[m.end():m.end() + 600]: return True
    return False
labels = json.load(open('tests/eval/heldout4/labels-e.json'))['articles']
bad = 0
n = {'articles': 0, 'people': 0, 'optional': 0, 'linked': 0, 'null': 0, 'named': 0, 'numbered': 0, 'described': 0, 'companion': 0, 'optional_bills': 0, 'stratum_bills': 0}
ids = set()
linked = set()
for a in labels:
    assert a['source'] not in ids, a['source']; ids.add(a['source'])
    t, date = text(a['source'])
    # a quoted nickname between given name and surname ('Cornelia "Nina" Pillard') also yields both plain forms
    t = t + '\n' + '\n'.join(f'{g} {s}\n{k} {s}' for g, k, s in re.findall(r'(\w+) ["\u201c](\w+)["\u201d] (\w+)', t))
    t = norm(t)
    n['articles'] += 1
    if a['source'].startswith('allsides') and not date and 'date' not in a and a['people']: print('no date:', a['id'])
    def need(s, what, person=False):
        global bad
        if norm(s) in t: return
        if person and split_by_link(s, t): print(a['id'], what, 'split by an inline link block (accepted):', s); return
        print(a['id'], what, 'NOT IN TEXT:', s); bad += 1
    names = set()
    for p in a['people'] + a.get('optional_people', []):
        p = {'name': p} if isinstance(p, str) else p
        assert p['name'] not in names, p['name']; names.add(p['name'])
        need(p['name'], 'person', True); [need(x, 'alias', True) for x in p.get('aliases', [])]
    for p in a['people']:
        n['people'] += 1
        if isinstance(p, dict) and 'bioguide' in p:
            n['linked' if p['bioguide'] else 'null'] += 1
            if p['bioguide']: linked.add(p['bioguide'])
    n['optional'] += len(a.get('optional_people', []))
    n['stratum_bills'] += a.get('stratum') == 'bills'
    for b in a.get('optional_bills', []):
        n['optional_bills'] += 1
        need(b['label'], 'optional bill'); [need(x, 'optional bill alias') for x in b['aliases']]
    labels_here = [b['label'] for b in a['bills']]
    assert len(labels_here) == len(set(labels_here)), a['id']
    for b in a['bills']:
        n[b['kind']] += 1
        n['companion'] += 'companion_of' in b
        if 'companion_of' in b: assert b['companion_of'] in labels_here, (a['id'], b['companion_of'])
        if b['kind'] == 'described': assert b.get('keywords') or b.get('sponsors'), (a['id'], b['label'])
        if b['kind'] != 'described': need(b['label'], 'bill')
        [need(x, 'bill alias') for x in b['aliases']]
        for s in b.get('sponsors', []):
            assert s in names or s in a.get('sponsor_note', ''), (a['id'], s)
print(n, 'distinct linked ids:', len(linked), 'problems:', bad)
sys.exit(1 if bad else 0)
