"""People: the Wikidata exports, world-leaders-current and the hand-written
tables people.tsv and id-people.tsv, with the offices each person held."""
from __future__ import annotations

import glob
import json
import os
import re

from gazetteer_model import Entity, clean, fold, read_csv, read_table, read_words, slug
from gazetteer_places import NON_ISO_ROWS


# Office holders since 2015 (heads of state/government, foreign ministers)
# for G20, ASEAN, P5, Central Asia and CSTO members, plus heads of the main
# international organizations (gazetteer-data/people.tsv). The qid column is
# only filled where we are sure; otherwise the build looks the name (or one of
# its aliases) up in the Wikidata exports, and falls back to a kutip: id.
PEOPLE = read_table("people.tsv") + read_table("id-people.tsv")

# names in the Wikidata exports that we print differently (label -> canonical)
PERSON_RENAME = {r["label"]: r["name"] for r in read_table("person-renames.tsv")}

# sub-national or non-ISO polities in the Wikidata exports -> ISO code used
# for the `country` column (disputed states are left empty on purpose)
NON_ISO_COUNTRY = {r["qid"]: r["country"] for r in NON_ISO_ROWS if r["country"]}

# countries whose world-leaders-current offices are not used
CURRENT_OFFICES_DOUBTFUL = set(read_words("current-offices-doubtful.txt"))


def office_of_position(label):
    """The office code of a world-leaders-2021 position label, or None
    (governors-general, Swiss Federal Council members)."""
    low = label.lower()
    if re.search(r"prime minister|premier|chancellor|taoiseach|chief minister|minister of state of monaco"
                 r"|chairman of the council of ministers", low):
        return "head-of-government"
    if re.search(r"governor-general|federal council|military leader", low):
        return None
    return "head-of-state"


# world-leaders-current QIDs confirmed by hand (the others are only used when
# the Wikidata exports agree)
CURRENT_QID_CONFIRMED = set(read_words("current-qids-confirmed.txt"))


def build_people(data, country_qid_to_cc):
    notes = []
    wd = {}   # qid -> [label, cc]
    labels = {}  # qid -> original Wikidata label (kept as alias when renamed)
    wd_offices = {}  # qid -> office codes from the exports
    cmap = dict(NON_ISO_COUNTRY, **country_qid_to_cc)
    for path, qk, nk, ck in ((os.path.join(data, "world-leaders-2021", "wikidata.csv"), "officeholder", "officeholderLabel", "countryid"),
                             (os.path.join(data, "foreign-ministers-2023", "wikidata.csv"), "person", "name", "country")):
        for r in read_csv(path):
            q, n = r[qk].strip(), clean(r[nk])
            cc = cmap.get(r[ck], "")
            if q and n and re.fullmatch(r"Q[0-9]+", q):
                office = office_of_position(r["positionLabel"]) if "officeholder" in r else "foreign-minister"
                if office:
                    wd_offices.setdefault(q, set()).add(office)
                labels.setdefault(q, n)
                if q not in wd:
                    wd[q] = [PERSON_RENAME.get(n, n), cc]
                elif not wd[q][1]:
                    wd[q][1] = cc
    name_to_qid = {}
    for q, (n, _) in wd.items():
        name_to_qid.setdefault(n, q)

    # world-leaders-current
    current = []
    for path in sorted(glob.glob(os.path.join(data, "world-leaders-current", "countries", "*", "current.json"))):
        with open(path, encoding="utf-8") as f:
            d = json.load(f)
        cc = d.get("country", {}).get("iso_code", "")
        is_country = len(cc) == 2 and cc != "EU"
        for pos in sorted(d.get("positions", {})):
            h = (d["positions"][pos] or {}).get("current_holder") or {}
            n = clean(h.get("name_en"))
            if not n:
                continue
            q = h.get("wikidata_id") or ""
            if q in wd and wd[q][0] != n and PERSON_RENAME.get(wd[q][0]) != n:
                notes.append(f"world-leaders-current: {n} ({cc}) has {q}, which the Wikidata exports give to {wd[q][0]}; QID not used")
                q = ""
            if n in name_to_qid and q and name_to_qid[n] != q:
                notes.append(f"world-leaders-current: {n} ({cc}) has {q}, the Wikidata exports have {name_to_qid[n]}; using the latter")
                q = name_to_qid[n]
            if q and q not in wd and q not in CURRENT_QID_CONFIRMED:
                q = ""  # unconfirmed: fall back to name lookup / kutip id
            office = {"head_of_state": "head-of-state", "head_of_government": "head-of-government"}.get(pos)
            if not is_country:
                office = "org-head"
            if cc in CURRENT_OFFICES_DOUBTFUL:
                office = None
            current.append((cc if is_country else "", n, q, office))

    ents, by_id = [], {}

    def get_or_make(qid, name, cc):
        if qid in by_id:
            return by_id[qid]
        e = Entity(qid, "PERSON", name, country=cc)
        by_id[qid] = e
        ents.append(e)
        return e

    # 1. curated list first (most newsworthy, controls canonical spelling)
    alias_to_id = {}
    for row in PEOPLE:
        cc, name, qid = row["country"], clean(row["name"]), row["qid"].strip()
        aliases = [clean(a) for a in row["aliases"].split("|") if clean(a)]
        found = name_to_qid.get(name) or next((name_to_qid[a] for a in aliases if a in name_to_qid), "")
        if qid and found and qid != found:
            raise SystemExit(f"people: {name}: hand QID {qid} but Wikidata exports say {found}")
        qid = qid or found or "kutip:" + slug(name)
        if qid in by_id:
            raise SystemExit(f"people: duplicate entry {name} ({qid})")
        if qid in wd and wd[qid][0] != name:
            aliases = [name] + aliases
            name = wd[qid][0]  # canonical = Wikidata English label
        e = get_or_make(qid, name, cc)
        e.group = row["_group"]
        for lab in (wd.get(qid, [""])[0], labels.get(qid, "")):
            if lab and lab != name:
                e.add(lab)
        e.add(*aliases)
        e.offices |= {o for o in row["offices"].split("|") if o} | wd_offices.get(qid, set())
        for n in [name] + aliases:
            alias_to_id[n] = qid
    # 2. world-leaders-current (may add current holders missing above)
    for cc, n, q, office in current:
        held = {office} if office else set()
        qid = q or name_to_qid.get(n) or alias_to_id.get(n) or "kutip:" + slug(PERSON_RENAME.get(n, n))
        if qid in by_id:
            e = by_id[qid]
            if n != e.name:
                e.add(n)
            e.offices |= held
            continue
        if n in alias_to_id:
            by_id[alias_to_id[n]].offices |= held
            continue
        if qid in wd:
            cc = wd[qid][1] or cc
        e = get_or_make(qid, PERSON_RENAME.get(n, n), cc)
        e.group = "current heads of state and government (world-leaders-current)"
        e.offices |= held | wd_offices.get(qid, set())
        notes.append(f"world-leaders-current only: {n} ({cc}) added as {qid}")
    # 3. everyone else in the Wikidata exports
    for q in sorted(wd, key=lambda x: int(x[1:])):
        n, cc = wd[q]
        if q in by_id:
            continue
        if n in alias_to_id:
            notes.append(f"Wikidata export person {n} {q} matches curated {alias_to_id[n]}")
            by_id[alias_to_id[n]].offices |= wd_offices.get(q, set())
            continue
        e = get_or_make(q, n, cc)
        e.group = "heads of state and government 2021, foreign ministers 2023 (Wikidata exports)"
        e.offices |= wd_offices.get(q, set())
        if labels.get(q) and labels[q] != n:
            e.add(labels[q])
    for e in ents:
        f = fold(e.name)
        if f != e.name:
            e.add(f)
        e.aliases = [a for a in e.aliases if a != e.name]
    return ents, notes
