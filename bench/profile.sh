#!/usr/bin/env bash
# Where kutip's time goes: callgrind (instruction counts, noise-free) of
# `kutip extract --threads 1` on a 2 MB corpus, with the 200k gazetteer and
# with the default gazetteers; plus `perf stat -e instructions,cycles` when
# perf works here. Needs bench/run.sh's generated data (bench/data/gaz200k.tsv).
#
#   bash bench/profile.sh        # writes bench/data/profile/*.txt and prints the top functions
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
B=$ROOT/bench
D=$B/data
P=$D/profile
mkdir -p "$P"
# Without LTO, so that callgrind can tell the stages apart (LTO inlines them
# into one function); instruction counts are within a few percent of the
# LTO build's.
TARGET=$D/target-profile
CARGO_PROFILE_RELEASE_LTO=off CARGO_PROFILE_RELEASE_CODEGEN_UNITS=16 \
    CARGO_TARGET_DIR=$TARGET cargo build --release --quiet
KUTIP=$TARGET/release/kutip
command -v valgrind >/dev/null || { apt-get update -qq && apt-get install -y -qq valgrind >/dev/null; }

[[ -s $D/gaz200k.tsv ]] || python3 "$B/gen_gazetteer.py" --n 200000 "$D/gaz200k.tsv"
C2=$D/corpus-2mb
if [[ ! -f $C2/.done ]]; then
    rm -rf "$C2"
    python3 "$B/gen_corpus.py" --mb 2 --gazetteer "$D/gaz200k.tsv" --out "$C2"
    touch "$C2/.done"
fi

run_cg() {  # name, extra kutip args...
    local name=$1; shift
    valgrind --tool=callgrind --callgrind-out-file="$P/callgrind.$name.out" \
        "$KUTIP" extract "$C2" --out "$D/out/profile" --force --quiet --threads 1 "$@" 2> "$P/valgrind.$name.log"
    callgrind_annotate --inclusive=no "$P/callgrind.$name.out" > "$P/self.$name.txt" 2>/dev/null
    callgrind_annotate --inclusive=yes "$P/callgrind.$name.out" > "$P/inclusive.$name.txt" 2>/dev/null
    echo "== callgrind, $name: where the instructions go, by stage (inclusive)"
    local total
    total=$(grep -m1 -E '^ *[0-9,]+ \(100.0%\) +PROGRAM TOTALS' "$P/self.$name.txt" | awk '{gsub(",","",$1); print $1}')
    # Inside quotes::extract: the per-document word index, then both
    # attribution passes (quotes::pass::run, twice), split into reported
    # speech (indirect::sentence, which reads every sentence for cues),
    # quoted spans (quoted::quoted: classify, then the sieves) and indexing
    # each paragraph's speakers.
    for f in 'kutip::quotes::extract' '  kutip::quotes::context::index::DocIndex::build' \
             '  kutip::quotes::pass::run' '    kutip::quotes::indirect::sentence' \
             '    kutip::quotes::quoted::quoted' \
             '    kutip::quotes::context::Context::paragraph_done' \
             'kutip::document::segment' 'kutip::tokens::tokenize_into' \
             'kutip::matcher::Matcher::find_in_tokens' 'kutip::mentions::resolve::resolve' \
             'kutip::document::detect_language_in' 'kutip::tables::writer::TableWriter::write' \
             'kutip::pipeline::PipelineBuilder::build'; do
        local label=$f
        f=${f##* }
        grep -E "^ *[0-9,]+ .*:$f( |\$)" "$P/inclusive.$name.txt" | head -1 |
            awk -v f="$label" -v t="$total" '{gsub(",","",$1); printf "  %-58s %5.1f%%\n", f, 100*$1/t}' || true
    done
    echo "== callgrind, $name: self cost (top 30; full: $P/self.$name.txt, inclusive: $P/inclusive.$name.txt)"
    grep -m 30 -E '^ *[0-9,]+ \(' "$P/self.$name.txt" | sed -n '2,31p' || true
}
run_cg gaz200k --gazetteer "$D/gaz200k.tsv" --no-default-gazetteers
run_cg default

if perf stat -e instructions,cycles true >/dev/null 2>&1; then
    for t in 1 2; do
        echo "== perf stat, default gazetteers, --threads $t"
        perf stat -e instructions,cycles,task-clock "$KUTIP" extract "$C2" --out "$D/out/profile" --force --quiet --threads "$t" 2>&1 | tail -12
    done
else
    echo "== perf stat not available here (no permission or no PMU)"
fi
