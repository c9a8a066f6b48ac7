#!/usr/bin/env python3
"""Builds assets/given_names.txt: given names that make an untitled capitalized pair a person.

Sources: the US Census Bureau's 1990 frequently occurring first names (public domain; the `dist.male.first` and
`dist.female.first` files, shipped for example by the MIT-licensed PyPI package `names` 0.3.0) and the first names
and nicknames of the roster (assets/roster.tsv, from congress-legislators, CC0).

Usage: python3 scripts/build_given.py CENSUS_DIR assets/roster.tsv > assets/given_names.txt

Kept: male names up to 90% and female names up to 85% cumulative frequency, and every roster first name and
nickname used at least as often as a first name as a surname in the roster. Left out: names that are also among the
US surnames more frequent as a surname than as a first name (a surname-like first word, "Carter Center", "Harris County", is ambiguous), and
the words below (places, months, common nouns and adjectives written with a capital at a sentence's start).
"""
import re
import sys

EXCLUDE = set("""
April August June May Autumn Summer Winter Easter Christmas Dawn Day
Virginia Georgia Carolina Dakota Florida Indiana Washington Montana Nevada Kansas Texas Alabama Tennessee
Jordan India Asia China Israel Paris Sydney Chelsea Houston Dallas Austin Denver Orlando Phoenix Cleveland Lincoln
Columbus Raleigh Florence Aurora Madison Charlotte Camden Milan Valencia Kenya Victoria Brooklyn Santa Sierra
Rose Crystal Faith Hope Grace Joy Charity Destiny Precious Merry Cherry Ivory Jade Raven Pearl Ruby Amber Opal
Brook Fern Ivy Holly Daisy Violet Olive Ginger Candy Sunny Windy Star Venus Angel Princess Queen King Prince
Major Royal Noble Chance Chase Young Long Sun Ma Mi Son Man Numbers Brain Ok Soon Lan Hong Chi Chung Chong Dong
Sung Jung Mei Mai Yong Sang Minh Thanh Tuan Hung Phuong Kyong Lupe Cruz Trinidad Guadalupe Santos Reyes Rosario
Dee Del Van Von Le Mac Jc Wm Robt Chas Jame Walker Porter Parker Foster Palmer Fletcher Warner Freeman Booker
Marshall Bishop Deacon Judge Sheriff Mayor Baron Duke Earl Knight Page Hunter Gay Lacy Reed Rich Berry Cole
Bud Buster Rusty Rocky Sal Sherry Brandy Champagne Tiffany Mercedes Porsche Lexus Liberty Unity Justice Harmony
Christian Catholic Muslim Jewish Germaine German Norman French English Irish Scot Wales Ireland Roman Carmel
Mickey Minnie Donald Goldie Tory Whig Labour Green Patriot Virgil Homer Truman Roosevelt Garfield Mckinley Napoleon
Forest Field Lane Hill Dale Glen Vale Ford Bridge Bell Cliff Rock Stone Wood Woods Heath Moss Marsh Banks
Will Bill Mark Pat Sue Don Art Bob Ray Rob Jack Frank Grant Gene Norm Herb Jim Penny Bonnie Mary Sharon
Ebony Harley Jaguar Mustang Bentley Rolls Mercury Jupiter Apollo Atlas Titan Orion Neptune Delta Alpha Omega
Spark Arch Carte Blanch Blanche Coy Ira Isis Kia Asia Aretha Elvis Madonna Oprah Hillary Kent Essex Devon Cornwall Chester Durham Lancaster York Bristol
Clinton Jefferson Jackson Madison Monroe Tyler Taylor Pierce Kennedy Reagan Nixon Johnson Carter Wilson Hoover
Jesus Christ Angel Moses Abraham Israel Ezra Elijah Noah Isaiah Solomon Jonah
Dominique Monique Antoine Jacques Pierre Michel Rene Marcel Claude Germaine Normand
""".split())
# Names the table of src/extract/given.rs already has need not be repeated, but they may be (harmless).


def main():
    census_dir, roster = sys.argv[1], sys.argv[2]
    surname_freq = {}
    for line in open(f"{census_dir}/dist.all.last"):
        parts = line.split()
        surname_freq[parts[0].title()] = float(parts[1])
    first_freq = {}
    for fname, cut in (("dist.male.first", 90.0), ("dist.female.first", 85.0)):
        for line in open(f"{census_dir}/{fname}"):
            parts = line.split()
            if float(parts[2]) <= cut:
                w = parts[0].title()
                first_freq[w] = max(first_freq.get(w, 0.0), float(parts[1]))
    # A name more frequent as a surname than as a first name is ambiguous ("Carter Center", "Harris County").
    names = {w for w, f in first_freq.items() if f >= surname_freq.get(w, 0.0)}
    surnames = {w for w, f in surname_freq.items() if f > first_freq.get(w, 0.0) and f >= 0.005}
    first, last = {}, {}
    for line in open(roster):
        if line.startswith("M\t"):
            f = line.rstrip("\n").split("\t")
            for w in (f[3], f[7]):
                first[w] = first.get(w, 0) + 1
            last[f[5]] = last.get(f[5], 0) + 1
    for w, n in first.items():
        if re.fullmatch(r"[A-Z][a-z]+", w) and n >= last.get(w, 0) and w not in surnames:
            names.add(w)
    names = sorted(n for n in names if n not in EXCLUDE and len(n) >= 3)
    print("# Given names (US Census 1990 first names, public domain; roster first names, CC0). scripts/build_given.py")
    for n in names:
        print(n)


main()
