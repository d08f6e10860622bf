#!/usr/bin/env python3
"""Generate a news-like benchmark corpus of .txt articles for kutip.

    python3 bench/gen_corpus.py --mb 200 --gazetteer bench/data/gaz200k.tsv \
        --out bench/data/corpus200

Standard library only, seeded and deterministic. Writes about --mb MB of
articles (~3 KB each, one per file) into subfolders of at most 1000 files.
Each article is Indonesian or English (about half each), has a title line,
paragraphs with names at news density (people, places and organizations of
the generated gazetteer and of kutip's own gazetteers/*.tsv, plus some
unlisted names), quotes in both languages (“…,” kata X / "…," X said /
X mengatakan bahwa …) and some page debris lines (Baca juga, loading...,
Advertisement, (esn), repeated paragraphs).
"""

import argparse
import csv
import os
import random
import sys

csv.field_size_limit(sys.maxsize)


def read_tsv(path):
    """Yields (type, name, aliases) from a kutip gazetteer TSV."""
    with open(path, encoding="utf-8") as f:
        header = None
        for line in f:
            line = line.rstrip("\n")
            if not line or line.startswith("#"):
                continue
            cols = line.split("\t")
            if header is None:
                header = cols
                continue
            row = dict(zip(header, cols))
            aliases = [a.lstrip("=") for a in row.get("aliases", "").split("|") if a]
            yield row["type"], row["name"].lstrip("="), aliases


class Names:
    def __init__(self, rng):
        self.rng = rng
        self.by_type = {}

    def add(self, kind, name, aliases):
        self.by_type.setdefault(kind, []).append((name, aliases))

    def pick(self, kind, skew):
        lst = self.by_type.get(kind) or self.by_type["LOCATION"]
        # Skewed towards the head of the list: a few entities are in the news a lot.
        i = int(len(lst) * (self.rng.random() ** skew))
        return lst[min(i, len(lst) - 1)]


EN_FILLER = ("the government", "officials", "the ministry", "the committee", "analysts",
             "the agreement", "the talks", "the region", "the economy", "investors",
             "the plan", "local residents", "the police", "the court", "the delegation",
             "the budget", "the election", "the proposal", "security forces", "the company")
EN_VERBS = ("announced", "discussed", "rejected", "welcomed", "criticized", "approved",
            "reviewed", "delayed", "supported", "questioned", "signed", "expanded")
EN_TAIL = ("on Tuesday", "last week", "earlier this month", "after a long meeting",
           "despite strong objections", "in a statement", "amid rising tensions",
           "for the second time this year", "during a visit", "according to sources")
EN_QUOTES = ("We will not accept any delay in this process", "This is a historic day for our people",
             "The situation remains under control", "We are ready to work with all parties",
             "Nobody should doubt our commitment to peace", "The numbers speak for themselves",
             "Our priority is the safety of citizens", "We need more time to study the proposal",
             "There is no alternative to dialogue", "The investigation is still ongoing")
EN_CUES = ("said", "told reporters", "added", "stressed", "explained", "noted", "warned")

ID_FILLER = ("pemerintah", "para pejabat", "kementerian", "komisi", "para analis",
             "kesepakatan itu", "perundingan", "kawasan tersebut", "perekonomian", "investor",
             "rencana itu", "warga setempat", "polisi", "pengadilan", "delegasi",
             "anggaran", "pemilihan umum", "usulan tersebut", "aparat keamanan", "perusahaan")
ID_VERBS = ("mengumumkan", "membahas", "menolak", "menyambut", "mengkritik", "menyetujui",
            "meninjau", "menunda", "mendukung", "mempertanyakan", "menandatangani", "memperluas")
ID_TAIL = ("pada Selasa", "pekan lalu", "awal bulan ini", "setelah rapat panjang",
           "meskipun ada keberatan", "dalam sebuah pernyataan", "di tengah ketegangan",
           "untuk kedua kalinya tahun ini", "saat kunjungan kerja", "menurut sumber")
ID_QUOTES = ("Kami tidak akan menerima penundaan dalam proses ini",
             "Ini hari bersejarah bagi rakyat kita", "Situasi masih terkendali",
             "Kami siap bekerja sama dengan semua pihak",
             "Tidak ada yang boleh meragukan komitmen kami terhadap perdamaian",
             "Angka-angka itu berbicara sendiri", "Prioritas kami adalah keselamatan warga",
             "Kami butuh waktu lebih untuk mempelajari usulan itu",
             "Tidak ada alternatif selain dialog", "Penyelidikan masih berlangsung")
ID_CUES = ("kata", "ujar", "ucap", "jelas", "tegas", "tutur", "ungkap")

DEBRIS = ("loading...", "Advertisement", "A", "(esn)", "(rtr)", "Scroll to continue with content",
          "ADVERTISEMENT", "(nvl/dhf)")


class Article:
    def __init__(self, rng, names, lang, target_bytes):
        self.rng = rng
        self.names = names
        self.lang = lang
        self.target = target_bytes
        # The cast: entities this article is about.
        self.people = [self.entity("PERSON") for _ in range(rng.randint(2, 5))]
        self.orgs = [self.entity("ORGANIZATION") for _ in range(rng.randint(1, 3))]
        self.places = [self.entity("LOCATION") for _ in range(rng.randint(1, 3))]
        self.countries = [names.pick("COUNTRY", 1.5)[0] for _ in range(2)]

    def entity(self, kind):
        r = self.rng.random()
        if r < 0.6:
            src = "gen"
        elif r < 0.9:
            src = "kutip"
        else:
            src = "unlisted"
        name, aliases = self.names[src].pick(kind, 1.5)
        return name, aliases

    def mention(self, ent, first=False):
        name, aliases = ent
        if not first and aliases and self.rng.random() < 0.3:
            return self.rng.choice(aliases)
        return name

    def person_ref(self, p, first):
        name = self.mention(p, first)
        if not first and self.rng.random() < 0.4:
            return name.split()[-1]  # surname short form
        return name

    def clause(self):
        rng = self.rng
        en = self.lang == "en"
        filler = EN_FILLER if en else ID_FILLER
        verbs = EN_VERBS if en else ID_VERBS
        tail = EN_TAIL if en else ID_TAIL
        subj = rng.choice([rng.choice(filler), self.mention(rng.choice(self.orgs)),
                           self.person_ref(rng.choice(self.people), False)])
        obj = rng.choice(filler)
        where = self.mention(rng.choice(self.places))
        if en:
            extra = rng.choice([f" in {where}", f" with {self.mention(rng.choice(self.orgs))}",
                                f" near {where}", f" on behalf of {rng.choice(self.countries)}", ""])
        else:
            extra = rng.choice([f" di {where}", f" bersama {self.mention(rng.choice(self.orgs))}",
                                f" dekat {where}", f" atas nama {rng.choice(self.countries)}", ""])
        s = f"{subj} {rng.choice(verbs)} {obj}{extra} {rng.choice(tail)}"
        return s[0].upper() + s[1:] + "."

    def quote(self):
        rng = self.rng
        p = rng.choice(self.people)
        who = self.person_ref(p, False)
        if self.lang == "en":
            q = rng.choice(EN_QUOTES)
            form = rng.randrange(4)
            if form == 0:
                return f'"{q}," {who} {rng.choice(EN_CUES)}.'
            if form == 1:
                return f"“{q},” {who} said in {self.mention(rng.choice(self.places))}."
            if form == 2:
                return f"{who} said that {rng.choice(EN_FILLER)} would {rng.choice(('review', 'support', 'reject'))} the plan."
            return f'According to {who}, "{q.lower()}."'
        q = rng.choice(ID_QUOTES)
        form = rng.randrange(4)
        if form == 0:
            return f"“{q},” {rng.choice(ID_CUES)} {who}."
        if form == 1:
            return f'"{q}," {rng.choice(ID_CUES)} {who} di {self.mention(rng.choice(self.places))}.'
        if form == 2:
            return f"{who} mengatakan bahwa {rng.choice(ID_FILLER)} akan {rng.choice(ID_VERBS)} {rng.choice(ID_FILLER)}."
        return f"Menurut {who}, {rng.choice(ID_FILLER)} {rng.choice(ID_VERBS)} {rng.choice(ID_FILLER)}."

    def text(self):
        rng = self.rng
        en = self.lang == "en"
        p0 = self.mention(self.people[0], True)
        o0 = self.mention(self.orgs[0], True)
        title = (f"{p0} Meets {o0} Leaders Over {self.countries[0]} Dispute" if en
                 else f"{p0} Temui Pimpinan {o0} Bahas Sengketa {self.countries[0]}")
        place = self.mention(self.places[0], True).upper()
        first = (f"{place} - {p0} {rng.choice(EN_VERBS)} {rng.choice(EN_FILLER)} with "
                 f"{o0} {rng.choice(EN_TAIL)}, officials in {self.countries[0]} said." if en else
                 f"{place} - {p0} {rng.choice(ID_VERBS)} {rng.choice(ID_FILLER)} bersama "
                 f"{o0} {rng.choice(ID_TAIL)}, kata pejabat di {self.countries[0]}.")
        paras = [title, first]
        size = len(title) + len(first)
        while size < self.target:
            r = rng.random()
            if r < 0.06:
                para = rng.choice(DEBRIS)
            elif r < 0.09:
                para = "Baca juga: " + self.clause() if not en else "Read also: " + self.clause()
            elif r < 0.11 and len(paras) > 3:
                para = rng.choice(paras[2:])  # scraper repeat
            elif r < 0.45:
                para = self.quote() + " " + self.clause()
            else:
                para = " ".join(self.clause() for _ in range(rng.randint(2, 4)))
            paras.append(para)
            size += len(para.encode("utf-8")) + 1
        return "\n".join(paras) + "\n"


def unlisted_names(rng):
    """Plausible names that no gazetteer lists (false-positive bait)."""
    sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
    import gen_gazetteer as gg
    n = Names(rng)
    words = gg.word_pool(random.Random(99991), 3000, 2, 3)
    for i in range(2000):
        a, b = words[i % 3000], words[(i * 7 + 3) % 3000]
        n.add("PERSON", f"{a} {b}z", [])
        n.add("ORGANIZATION", f"{a} Konsortium", [])
        n.add("LOCATION", f"{b}grad", [])
    return n


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--mb", type=float, default=200, help="corpus size in MB (10^6 bytes)")
    ap.add_argument("--gazetteer", required=True, help="generated gazetteer TSV to draw names from")
    ap.add_argument("--kutip-gazetteers", default=os.path.join(
        os.path.dirname(os.path.abspath(__file__)), "..", "gazetteers"),
        help="folder of kutip's default *.tsv lists")
    ap.add_argument("--out", required=True, help="output folder")
    ap.add_argument("--seed", type=int, default=7)
    a = ap.parse_args()

    rng = random.Random(a.seed)
    gen = Names(rng)
    for kind, name, aliases in read_tsv(a.gazetteer):
        gen.add(kind, name, aliases)
    kutip = Names(rng)
    for fn in sorted(os.listdir(a.kutip_gazetteers)):
        if fn.endswith(".tsv"):
            for kind, name, aliases in read_tsv(os.path.join(a.kutip_gazetteers, fn)):
                kutip.add(kind, name, aliases)
    names = {"gen": gen, "kutip": kutip, "unlisted": unlisted_names(rng)}
    # Countries always come from kutip's list (the generated one has none).
    for src in names.values():
        src.by_type["COUNTRY"] = kutip.by_type["COUNTRY"]
    class Multi(dict):
        def pick(self, kind, skew):
            return self["kutip"].pick(kind, skew)
    multi = Multi(names)

    target = int(a.mb * 1_000_000)
    total = 0
    i = 0
    while total < target:
        lang = "id" if rng.random() < 0.5 else "en"
        art = Article(rng, multi, lang, rng.randint(1500, 4500))
        body = art.text().encode("utf-8")
        d = os.path.join(a.out, f"{i // 1000:04d}")
        if i % 1000 == 0:
            os.makedirs(d, exist_ok=True)
        with open(os.path.join(d, f"{lang}-{i:07d}.txt"), "wb") as f:
            f.write(body)
        total += len(body)
        i += 1
    print(f"{a.out}: {i} files, {total} bytes", file=sys.stderr)


if __name__ == "__main__":
    main()
