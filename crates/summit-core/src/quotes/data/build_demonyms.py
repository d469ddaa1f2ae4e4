#!/usr/bin/env python3
"""Rebuild demonyms.tsv from the CIA World Factbook JSON (CC0) in ../shared/gazetteers/factbook.

usage: python3 build_demonyms.py [FACTBOOK_DIR] > demonyms.tsv

One line per country: the nationality adjective(s), then the country's names (conventional
short form, conventional long form, abbreviation). The quote stage uses it to resolve role
descriptions ("the Russian leader" -> the entity whose role is "Russian President", or whose
roles mention Russia). Hand-made additions (metonyms such as the Kremlin or the White House)
live in metonyms.tsv, not here. Standard library only; deterministic output.
"""
import glob
import json
import os
import re
import sys


def text(d, *path):
    for p in path:
        if not isinstance(d, dict) or p not in d:
            return ""
        d = d[p]
    return d.get("text", "") if isinstance(d, dict) else ""


def split_names(s):
    s = re.sub(r"\(.*?\)", "", s)
    s = re.sub(r"note\b.*$", "", s, flags=re.S)
    out = []
    for part in re.split(r"[;,]| or ", s):
        part = part.strip()
        if part and part.lower() not in ("none", "no long form", "no short form"):
            out.append(part)
    return out


def main():
    root = sys.argv[1] if len(sys.argv) > 1 else os.path.join(
        os.path.dirname(__file__), "..", "..", "..", "..", "..", "..", "shared", "gazetteers", "factbook")
    rows = {}
    for path in sorted(glob.glob(os.path.join(root, "*", "*.json"))):
        with open(path, encoding="utf-8") as f:
            d = json.load(f)
        adj = text(d, "People and Society", "Nationality", "adjective")
        short = text(d, "Government", "Country name", "conventional short form")
        long_ = text(d, "Government", "Country name", "conventional long form")
        abbr = text(d, "Government", "Country name", "abbreviation")
        adjs = [a for a in split_names(adj) if a[:1].isupper()]
        names = []
        for n in split_names(short) + split_names(long_) + split_names(abbr):
            if n not in names:
                names.append(n)
        if not adjs or not names:
            continue
        key = names[0]
        if key not in rows:
            rows[key] = (adjs, names)
    print("# nationality adjectives -> country names, from the CIA World Factbook (CC0).")
    print("# Rebuild: python3 build_demonyms.py ../../../../../../shared/gazetteers/factbook > demonyms.tsv")
    print("# columns: adjectives (|-separated)\tcountry names (|-separated)")
    for key in sorted(rows):
        adjs, names = rows[key]
        print("|".join(adjs) + "\t" + "|".join(names))


if __name__ == "__main__":
    main()
