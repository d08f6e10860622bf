"""Shared pieces of the gazetteer build: the entity model, name clean-up and
the readers of the hand-written tables in scripts/gazetteer-data/ (TSV and
word files, each with a header comment giving source, license and as-of date)."""
from __future__ import annotations

import csv
import os
import re
import unicodedata
from dataclasses import dataclass, field

HEADER = ["id", "type", "name", "aliases", "country", "priority"]
# people.tsv has one more column: the offices a person holds or held, from
# this fixed vocabulary (the Rust loader rejects any other code)
OFFICES = ["head-of-state", "head-of-government", "vice-president", "foreign-minister", "minister",
           "governor", "party-chair", "org-head", "legislature-head"]
FILES = {
    "COUNTRY": "countries.tsv",
    "LOCATION": "locations.tsv",
    "ORGANIZATION": "organizations.tsv",
    "PERSON": "people.tsv",
}

# ---------------------------------------------------------------------------
# hand-written tables: TSV and word files in scripts/gazetteer-data/, each
# with a header comment giving its source, license and as-of date
# ---------------------------------------------------------------------------
TABLES = os.path.join(os.path.dirname(os.path.abspath(__file__)), "gazetteer-data")


def read_table(name):
    """Rows of a TSV data file as dicts keyed by its header row (# lines are comments)."""
    path = os.path.join(TABLES, name)
    rows, header, section = [], None, ""
    with open(path, encoding="utf-8") as f:
        for n, line in enumerate(f, 1):
            line = line.rstrip("\n")
            if line.startswith("#") and header is not None:
                section = line.lstrip("# ").strip()  # a section comment between rows
            if not line or line.startswith("#"):
                continue
            cells = line.split("\t")
            if header is None:
                header = cells
                continue
            if len(cells) != len(header):
                raise SystemExit(f"{path}:{n}: {len(cells)} columns, the header has {len(header)}")
            row = dict(zip(header, cells))
            row["_group"] = f"{section} ({name})" if section else name
            rows.append(row)
    return rows


def read_words(name):
    """Non-comment, non-empty lines of a word file."""
    with open(os.path.join(TABLES, name), encoding="utf-8") as f:
        return [x.strip() for x in f if x.strip() and not x.startswith("#")]


def rows4(name):
    """(id, name, aliases, country) tuples of a place table."""
    return [(r["id"], r["name"], r["aliases"], r["country"]) for r in read_table(name)]


# ---------------------------------------------------------------------------
# entity model
# ---------------------------------------------------------------------------
@dataclass
class Entity:
    id: str
    type: str
    name: str
    aliases: list = field(default_factory=list)
    country: str = ""
    priority: int = 0
    # aliases from bulk sources that may be dropped when they collide
    weak: set = field(default_factory=set)
    # office codes (OFFICES), people only
    offices: set = field(default_factory=set)
    # what the entity was built from (the README's counts table)
    group: str = ""

    def add(self, *names, weak=False):
        for n in names:
            n = clean(n)
            if not n:
                continue
            if n not in self.aliases:
                self.aliases.append(n)
                if weak:
                    self.weak.add(n)
            elif not weak:
                self.weak.discard(n)


def clean(s):
    if s is None:
        return ""
    s = unicodedata.normalize("NFC", str(s))
    s = s.replace("\u2019", "'").replace("\u2018", "'").replace("\u00a0", " ")
    s = re.sub(r"\s+", " ", s).strip()
    s = s.replace("|", "/").replace("\t", " ")
    return s


def fold(s):
    """ASCII transliteration for names with diacritics (Erdoğan -> Erdogan)."""
    s = s.replace("ı", "i").replace("İ", "I").replace("ł", "l").replace("Ł", "L")
    s = s.replace("đ", "d").replace("Đ", "D").replace("ø", "o").replace("Ø", "O")
    s = s.replace("ß", "ss").replace("æ", "ae").replace("Æ", "AE")
    n = unicodedata.normalize("NFKD", s)
    n = "".join(c for c in n if not unicodedata.combining(c))
    return n if n.isascii() else s


def slug(s):
    s = fold(s).lower()
    s = re.sub(r"[^a-z0-9]+", "-", s).strip("-")
    return s


def read_csv(path):
    with open(path, encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))

