#!/usr/bin/env python3
"""Generate a large synthetic gazetteer in kutip's TSV format.

    python3 bench/gen_gazetteer.py --n 200000 bench/data/gaz200k.tsv
    python3 bench/gen_gazetteer.py --n 1000000 bench/data/gaz1m.tsv

Standard library only, seeded and deterministic: the same --n and --seed
give byte-identical files, and the first K entities of a larger list are the
K entities of the smaller one (so a corpus made for the 200k list has its
names in the 1M list too).

Entities are people, places and organizations with multiword, mixed-case
names (particles like `bin`, `van der`; `Mc`/`De` prefixes; hyphens;
acronym aliases in capitals). Names and aliases are unique across the list.
"""

import argparse
import random

TYPES = (("PERSON", 0.5), ("ORGANIZATION", 0.25), ("LOCATION", 0.25))
COUNTRIES = ("ID", "US", "GB", "AU", "MY", "SG", "CN", "RU", "IN", "JP", "FR", "DE",
             "NL", "KZ", "TH", "PH", "VN", "BR", "ZA", "NG", "EG", "TR", "SA", "")

ONSETS = ("b", "c", "d", "f", "g", "h", "j", "k", "l", "m", "n", "p", "r", "s", "t",
          "v", "w", "y", "z", "br", "dr", "gr", "kr", "pr", "tr", "st", "sh", "ch",
          "th", "ng", "ny", "sw", "kh", "bl", "fl", "")
VOWELS = ("a", "e", "i", "o", "u", "a", "i", "u", "ia", "ai", "au", "ei", "ou", "é", "ö")
CODAS = ("", "", "", "n", "r", "s", "t", "l", "m", "k", "ng", "h", "d", "x")


def make_word(rng, syllables):
    w = "".join(rng.choice(ONSETS) + rng.choice(VOWELS) + rng.choice(CODAS)
                for _ in range(syllables))
    return w


def word_pool(rng, n, lo, hi):
    """n distinct capitalised pseudo-words of lo..hi syllables."""
    seen = set()
    out = []
    while len(out) < n:
        w = make_word(rng, rng.randint(lo, hi))
        if len(w) < 3 or w in seen:
            continue
        seen.add(w)
        out.append(w[0].upper() + w[1:])
    return out


class Pools:
    """Word pools, independent of the list size."""

    def __init__(self, seed):
        rng = random.Random(seed * 7919 + 1)
        self.given = word_pool(rng, 30000, 2, 3)
        self.family = word_pool(rng, 120000, 2, 4)
        self.place = word_pool(rng, 80000, 2, 4)
        self.orgword = word_pool(rng, 40000, 2, 3)


PARTICLES = ("bin", "binti", "van der", "von", "de", "al", "dos", "da", "van")
ORG_PATTERNS = (
    "PT {a} {b}", "{a} {b} Holdings", "{a} Group", "Bank {a}", "Partai {a} {b}",
    "Universitas {a}", "University of {p}", "{a} Institute", "Yayasan {a} {b}",
    "{p} Football Club", "{a} {b} Corporation", "Kementerian {a} {b}",
    "Ministry of {a} Affairs", "{a} Energy", "{a} Airlines", "Dewan {a} {p}",
    "{p} Chamber of Commerce", "{a}{b} Technologies", "{a} & {b}", "Koperasi {a}",
)
PLACE_PATTERNS = (
    "{p}", "{p}", "{p}", "Kota {p}", "{p} City", "Lake {p}", "Mount {p}",
    "Kabupaten {p}", "{p} Regency", "Port {p}", "Pulau {p}", "{p} Valley",
    "Gunung {p}", "North {p}", "Selat {p}", "{p}-{q}", "San {p}", "{p} Baru",
)


def person(rng, pools):
    g = rng.choice(pools.given)
    f = rng.choice(pools.family)
    r = rng.random()
    if r < 0.55:
        name = f"{g} {f}"
    elif r < 0.80:
        name = f"{g} {rng.choice(pools.given)} {f}"
    elif r < 0.87:
        name = f"{g} {rng.choice(PARTICLES)} {f}"
    elif r < 0.92:
        name = f"{g}-{rng.choice(pools.given)} {f}"
    elif r < 0.96:
        name = f"{g} {rng.choice(('Mc', 'De', 'La', 'Mac'))}{f}"
    else:
        name = f"{g} {f} {rng.choice(('Jr.', 'III', 'II'))}"
    aliases = []
    last = name.split()[-1]
    if rng.random() < 0.3 and last[0].isupper() and not last.endswith("."):
        aliases.append(f"{g[0]}. {last}")
    if rng.random() < 0.1:
        aliases.append(rng.choice(pools.given) + rng.choice(("o", "i", "y")))
    return name, aliases


def organization(rng, pools):
    pat = rng.choice(ORG_PATTERNS)
    name = pat.format(a=rng.choice(pools.orgword), b=rng.choice(pools.orgword),
                      p=rng.choice(pools.place))
    aliases = []
    if rng.random() < 0.4:
        initials = "".join(w[0] for w in name.replace("-", " ").split() if w[0].isalpha())
        acr = initials.upper()
        if len(acr) < 3:
            acr += rng.choice(pools.orgword)[:2].upper()
        aliases.append(acr)
    if rng.random() < 0.1:
        aliases.append(name.lower().capitalize())
    return name, aliases


def location(rng, pools):
    pat = rng.choice(PLACE_PATTERNS)
    name = pat.format(p=rng.choice(pools.place), q=rng.choice(pools.place))
    aliases = []
    if rng.random() < 0.15:
        aliases.append(rng.choice(pools.place))
    return name, aliases


MAKERS = {"PERSON": person, "ORGANIZATION": organization, "LOCATION": location}


def entities(n, seed):
    """Yields (id, type, name, aliases, country) for n unique entities."""
    pools = Pools(seed)
    rng = random.Random(seed)
    used = set()
    i = 0
    while i < n:
        r = rng.random()
        acc = 0.0
        for kind, p in TYPES:
            acc += p
            if r < acc:
                break
        name, aliases = MAKERS[kind](rng, pools)
        if name in used:
            continue
        aliases = [a for a in dict.fromkeys(aliases) if a != name and a not in used]
        used.add(name)
        used.update(aliases)
        country = rng.choice(COUNTRIES)
        i += 1
        yield f"bench:{kind[0].lower()}{i}", kind, name, aliases, country


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("out", help="output .tsv path")
    ap.add_argument("--n", type=int, default=200000, help="number of entities")
    ap.add_argument("--seed", type=int, default=42)
    a = ap.parse_args()
    with open(a.out, "w", encoding="utf-8", newline="\n") as f:
        f.write(f"# kutip benchmark gazetteer: {a.n} synthetic entities, seed {a.seed}. "
                "Generated by bench/gen_gazetteer.py.\n")
        f.write("id\ttype\tname\taliases\tcountry\tpriority\n")
        for eid, kind, name, aliases, country in entities(a.n, a.seed):
            f.write(f"{eid}\t{kind}\t{name}\t{'|'.join(aliases)}\t{country}\t\n")


if __name__ == "__main__":
    main()
