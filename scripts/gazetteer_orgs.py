"""Organizations: supraverden's international organizations and the hand-written
tables organizations.tsv and id-organizations.tsv."""
from __future__ import annotations

import os
import re

from gazetteer_model import Entity, clean, fold, read_table, read_words, slug


# Acronyms that are ordinary words or country codes in English or Indonesian;
# never used as aliases when they come from a bulk source.
ACRONYM_BLOCK = set(read_words("acronym-block.txt"))

# curated organizations: (qid or "", canonical name, aliases, cc, priority)
ORGS = [(r["id"], r["name"], r["aliases"], r["country"], int(r["priority"] or 0), r["_group"])
        for f in ("organizations.tsv", "id-organizations.tsv") for r in read_table(f)]

_ORG_EN_KEYS = ("Name_other_en", "Name_other_1_en", "Name_other_2_en", "Name_other_3_en", "Name_other_4_en")
_ORG_ABBR_KEYS = ("Abbreviation_en", "Abbreviation_other_en", "Abbreviation_other_2_en")


def build_organizations(data):
    import yaml

    path = os.path.join(data, "supraverden", "general_list.yaml")
    with open(path, encoding="utf-8") as f:
        raw = yaml.safe_load(f)
    by_qid, out = {}, []
    abbr_count = {}
    for key in raw:
        v = raw[key]
        for k in _ORG_ABBR_KEYS:
            a = clean(v.get(k))
            if a:
                abbr_count[a] = abbr_count.get(a, 0) + 1
    dropped_abbr = sorted(a for a, n in abbr_count.items() if n > 1)
    for key in raw:  # YAML mapping order is the file order: deterministic
        v = raw[key]
        qid = clean(v.get("Wikidata_code"))
        abbrs = [clean(v.get(k)) for k in _ORG_ABBR_KEYS if clean(v.get(k))]
        name_id = clean(v.get("Name_id"))
        if not abbrs and not name_id:
            continue
        name = clean(v.get("Name_en")) or clean(key)
        if not re.fullmatch(r"Q[0-9]+", qid) or qid in by_qid:
            qid = "kutip:" + slug(name)
        e = Entity(qid, "ORGANIZATION", name, group="international organizations (supraverden)")
        for k in _ORG_EN_KEYS:
            e.add(v.get(k), weak=True)
        for a in abbrs:
            if a in dropped_abbr or a.upper() in ACRONYM_BLOCK or len(a) < 2:
                continue
            e.add(a, weak=True)
        if name_id and name_id != name:
            e.add(name_id, weak=True)
        f = fold(name)
        if f != name:
            e.add(f, weak=True)
        by_qid[e.id] = e
        out.append(e)
    by_name = {e.name: e for e in out}
    curated = []
    for qid, name, al, cc, prio, group in ORGS:
        base = by_qid.get(qid) if qid.startswith("Q") else None
        if base is None:
            base = by_name.get(name)
        if base is not None:
            e = base
            if e.name != name:
                e.add(e.name, weak=True)
                e.name = name
            if qid and qid != e.id and qid.startswith("Q"):
                raise SystemExit(f"organization QID mismatch {qid} vs {e.id} for {name}")
        else:
            e = Entity(qid, "ORGANIZATION", name)
            curated.append(e)
        e.add(*[a for a in al.split("|") if a])
        e.country = cc
        e.priority = prio
        e.curated = True
        e.group = group
    # curated first (most newsworthy), then supraverden in file order
    rest = [e for e in out if getattr(e, "curated", False)] + [e for e in out if not getattr(e, "curated", False)]
    return curated + rest, dropped_abbr
