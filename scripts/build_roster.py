#!/usr/bin/env python3
"""Builds assets/roster.tsv, Cloakroom's compact roster of Congress, presidents and vice presidents.

Source: the unitedstates/congress-legislators data (CC0, https://github.com/unitedstates/congress-legislators):
legislators-current.yaml (every term, leadership roles), legislators-historical.csv (last term only) and
executive.yaml. Members of the historical file born before MIN_BIRTH_YEAR are left out (they could not be in
office on any date a news story carries); the header records the source commit.

    python3 scripts/build_roster.py /work/shared/corpora/congress-legislators > assets/roster.tsv

Needs PyYAML. The output is deterministic for a given source.
"""
import csv
import re
import sys
from pathlib import Path

import yaml

MIN_BIRTH_YEAR = 1900
PARTY = {"Republican": "R", "Democrat": "D", "Independent": "I", "Democratic": "D"}


def clean(s):
    s = "" if s is None else str(s)
    return " ".join(s.replace("\t", " ").split())


def display(s):
    """A Wikipedia or Ballotpedia title as a plain name: "John Kennedy (Louisiana politician)" -> "John Kennedy"."""
    return clean(re.sub(r"\s*\(.*?\)", "", clean(s)))


def party(p):
    p = clean(p)
    return PARTY.get(p, p)


def forms(*names):
    out = []
    for n in names:
        n = display(n)
        if n and n not in out:
            out.append(n)
    return ";".join(out)


def member_line(bio, name, birthday, also):
    return "\t".join(["M", bio, clean(name.get("official_full")), clean(name.get("first")),
                      clean(name.get("middle")), clean(name.get("last")), clean(name.get("suffix")),
                      clean(name.get("nickname")), clean(birthday), also])


def term_line(kind, state, district, p, start, end):
    return "\t".join(["T", kind, clean(state), clean(district), party(p), clean(start), clean(end)])


def main(src):
    src = Path(src)
    commit = (src / "SOURCE_COMMIT.txt").read_text().split("\n")
    people = {}  # bioguide -> (member line, [term lines], [leadership lines])
    order = []
    for m in yaml.safe_load((src / "legislators-current.yaml").read_text()):
        bio = m["id"]["bioguide"]
        also = forms(m["name"].get("official_full"), m["id"].get("wikipedia"), m["id"].get("ballotpedia"))
        terms = [term_line(t["type"], t.get("state"), t.get("district"), t.get("party"), t.get("start"),
                           t.get("end")) for t in m["terms"]]
        roles = ["\t".join(["L", clean(r["title"]), clean(r.get("chamber")), clean(r.get("start")),
                            clean(r.get("end"))]) for r in m.get("leadership_roles", [])]
        people[bio] = [member_line(bio, m["name"], m["bio"].get("birthday"), also), terms, roles]
        order.append(bio)
    with open(src / "legislators-historical.csv", newline="") as f:
        for r in csv.DictReader(f):
            bio = r["bioguide_id"]
            year = r["birthday"][:4]
            if not bio or not year.isdigit() or int(year) < MIN_BIRTH_YEAR:
                continue
            name = {"official_full": r["full_name"], "first": r["first_name"], "middle": r["middle_name"],
                    "last": r["last_name"], "suffix": r["suffix"], "nickname": r["nickname"]}
            also = forms(r["full_name"], r["wikipedia_id"], r["ballotpedia_id"])
            # The historical file gives the last term without its dates.
            term = term_line(r["type"], r["state"], r["district"], r["party"], "", "")
            people[bio] = [member_line(bio, name, r["birthday"], also), [term], []]
            order.append(bio)
    for e in yaml.safe_load((src / "executive.yaml").read_text()):
        bio = e["id"].get("bioguide")
        if not bio:
            continue  # no bioguide id (Donald Trump): not linkable
        terms = [term_line(t["type"], "", "", t.get("party"), t.get("start"), t.get("end")) for t in e["terms"]]
        if bio not in people:
            year = clean(e["bio"].get("birthday"))[:4]
            if not year.isdigit() or int(year) < MIN_BIRTH_YEAR:
                continue
            also = forms(e["name"].get("official_full"), e["id"].get("wikipedia"))
            people[bio] = [member_line(bio, e["name"], e["bio"].get("birthday"), also), [], []]
            order.append(bio)
        people[bio][1].extend(terms)
    out = sys.stdout
    out.write("# Cloakroom roster: members of Congress (current: every term and leadership role; historical, born "
              f"{MIN_BIRTH_YEAR} or later: last term, no dates), presidents and vice presidents with a bioguide id.\n")
    out.write("# Source: unitedstates/congress-legislators (CC0 1.0), " + " | ".join(l for l in commit if l) + "\n")
    out.write("# Regenerate: python3 scripts/build_roster.py PATH/congress-legislators > assets/roster.tsv\n")
    out.write("# M bioguide official first middle last suffix nickname birthday also(;) / "
              "T type state district party start end / L title chamber start end\n")
    for bio in order:
        line, terms, roles = people[bio]
        out.write(line + "\n")
        for t in terms:
            out.write(t + "\n")
        for r in roles:
            out.write(r + "\n")


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "/work/shared/corpora/congress-legislators")
