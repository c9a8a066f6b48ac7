# Joins the labellers' parts (labels-a.json ... labels-e.json, in the order of select.py's output) into labels.json,
# the one file scored. Run from the repository root.
import json
parts = ['a', 'b', 'c', 'd', 'e']
arts = [a for p in parts for a in json.load(open(f'tests/eval/heldout4/labels-{p}.json'))['articles']]
with open('tests/eval/heldout4/labels.json', 'w') as f:
    json.dump({'articles': arts}, f, indent=1, ensure_ascii=False)
    f.write('\n')
print(len(arts), 'articles')
