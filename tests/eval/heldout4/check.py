# Checks tests/eval/heldout4 (run from the repository root): each part's own check (every label and alias occurs in
# its article's text, no duplicates, sponsors are labelled people, bioguide ids in the roster), that labels.json is
# exactly the parts joined in order, and that the articles are exactly the ones select.py chose.
import sys
sys.path.pop(0)  # this folder's select.py would shadow the standard library's select module
import json, subprocess
parts = ['a', 'b', 'c', 'd', 'e']
bad = 0
for p in parts:
    out = subprocess.run([sys.executable, f'tests/eval/heldout4/check_{p}.py'], capture_output=True, text=True).stdout
    last = out.strip().splitlines()[-1]
    print(p, last)
    if 'problems: 0' not in last:
        bad += 1
joined = [a for p in parts for a in json.load(open(f'tests/eval/heldout4/labels-{p}.json'))['articles']]
if json.load(open('tests/eval/heldout4/labels.json'))['articles'] != joined:
    print('labels.json is not the parts joined: run merge.py'); bad += 1
chosen = subprocess.run([sys.executable, 'tests/eval/heldout4/select.py'], capture_output=True, text=True).stdout
picks = [(l.split()[0], l.split()[2]) for l in chosen.splitlines() if l.split()[0] in ('uniform', 'bills') and ':' not in l.split()[0] and len(l.split()) == 3]
got = [('bills' if a.get('stratum') == 'bills' else 'uniform', a['id']) for a in joined]
if got != picks:
    print('articles differ from select.py:', set(picks) ^ set(got)); bad += 1
print(len(joined), 'articles;', 'problems:', bad)
sys.exit(1 if bad else 0)
