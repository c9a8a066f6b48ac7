# Checks tests/eval/heldout4/labels.json (run from the repository root): JSON valid, labels.json is the five parts
# labels-a.json ... labels-e.json joined in order and its articles are exactly select.py's picks; no article twice,
# no person twice per article; every person, alias, optional person and bill label/alias (and optional_bills)
# occurs in its article's text (case-insensitive, whitespace and curly apostrophes normalized, periods removed,
# square brackets of quoted insertions dropped); every sponsor is a labelled person; every allsides record with
# people has a date; every bioguide id is in the roster under a surname the label contains; counts.
# The labellers' own checks (check_a.py ... check_e.py, in the history of this folder: 1c47b19 and before) are joined
# here; their extra rules hold for every part: a quoted nickname yields both plain forms, a glued tweet display name
# ('JohnCornyn (@JohnCornyn)') its spaced form, a name split by The Hill's inline link block ("Sarah Huckabee [...
# MORE] Sanders") passes when its last words follow "MORE " within 600 characters; one number alias of the lead.
import sys
sys.path.pop(0)  # this folder's select.py would shadow the standard library's select module
import csv, json, re, subprocess
C = '/work/shared/corpora/'
HERE = 'tests/eval/heldout4/'
NUMBER_ALIASES = {('EWxYggMZkMODcbUx', 'H.R. 1112')}  # the lead's: the article writes 'H.R. 8 and 1112'

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

bad = 0
labels = json.load(open(HERE + 'labels.json'))['articles']
joined = [a for p in 'abcde' for a in json.load(open(HERE + f'labels-{p}.json'))['articles']]
if labels != joined:
    print('labels.json is not the parts joined: run merge.py'); bad += 1
chosen = subprocess.run([sys.executable, HERE + 'select.py'], capture_output=True, text=True).stdout.splitlines()
picks = [(l.split()[0], l.split()[2]) for l in chosen if len(l.split()) == 3 and l.split()[0] in ('uniform', 'bills')]
if [('bills' if a.get('stratum') == 'bills' else 'uniform', a['id']) for a in labels] != picks:
    print('articles differ from select.py'); bad += 1

last = {}
for f in ('legislators-historical.csv', 'legislators-current.csv'):
    for row in csv.DictReader(open(C + 'congress-legislators/' + f)): last[row['bioguide_id']] = row['last_name']
fold = lambda x: x.lower().replace('\u00e1', 'a')

n = {k: 0 for k in ('articles', 'people', 'optional', 'linked', 'null', 'named', 'numbered', 'described',
                    'companion', 'optional_bills', 'stratum_bills')}
ids, linked = set(), set()
for a in labels:
    assert a['source'] not in ids, a['source']; ids.add(a['source'])
    t, date = text(a['source'])
    t = t + '\n' + '\n'.join(f'{g} {s}\n{k} {s}' for g, k, s in re.findall(r'(\w+) ["\u201c](\w+)["\u201d] (\w+)', t))
    t = t + '\n' + '\n'.join(re.sub(r'(?<=[a-z])(?=[A-Z])', ' ', g) for g in re.findall(r'\b([A-Z][a-z]+[A-Z]\w*) \(@\1\)', t))
    t = norm(t)
    n['articles'] += 1
    if a['source'].startswith('allsides') and not date and 'date' not in a and a['people']:
        print('no date:', a['id']); bad += 1
    def need(s, what, person=False):
        global bad
        if norm(s) in t or (a['id'], s) in NUMBER_ALIASES: return
        if person and split_by_link(s, t): return
        print(a['id'], what, 'NOT IN TEXT:', s); bad += 1
    names = set()
    for p in a['people'] + a.get('optional_people', []):
        p = {'name': p} if isinstance(p, str) else p
        assert p['name'] not in names, p['name']; names.add(p['name'])
        need(p['name'], 'person', True); [need(x, 'alias', True) for x in p.get('aliases', [])]
        if p.get('bioguide') and fold(last.get(p['bioguide'], '?')) not in fold(p['name']):
            print(a['id'], 'BIOGUIDE SURNAME MISMATCH:', p['name'], p['bioguide']); bad += 1
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
    here = [b['label'] for b in a['bills']]
    assert len(here) == len(set(here)), a['id']
    for b in a['bills']:
        n[b['kind']] += 1
        n['companion'] += 'companion_of' in b
        if 'companion_of' in b: assert b['companion_of'] in here, (a['id'], b['companion_of'])
        if b['kind'] == 'described': assert b.get('keywords') or b.get('sponsors'), (a['id'], b['label'])
        if b['kind'] != 'described': need(b['label'], 'bill')
        [need(x, 'bill alias') for x in b['aliases']]
        for s in b.get('sponsors', []):
            assert s in names or s in a.get('sponsor_note', ''), (a['id'], s)
print(n, 'distinct linked ids:', len(linked), 'problems:', bad)
sys.exit(1 if bad else 0)
