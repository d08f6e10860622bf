#!/usr/bin/env bash
# Quote-extraction ratchet: builds kutip, runs it on the gold sets in
# ../shared/eval (relative to the repository root) and fails when a key
# number drops below its minimum in eval/ratchet.txt.
#
# eval/ratchet.txt: one `SET METRIC MINIMUM` per line (`#` comments). METRIC
# is a short name (quoted_f1, quoted_recall, quoted_precision, attribution,
# quoted_with_speaker_f1, indirect_f1, indirect_with_speaker_f1,
# indirect_attribution) or a dotted path into score.py's --json output
# (`quoted.f1`). Raise the minimums when the numbers improve.
#
# Usage: scripts/eval.sh            (from anywhere inside the repository)
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
evaldir="$root/../shared/eval"
ratchet="$root/eval/ratchet.txt"
if [[ ! -f "$evaldir/score.py" ]]; then
    echo "eval.sh: gold sets not found at $evaldir (expected score.py and the set folders)" >&2
    exit 2
fi
if [[ ! -f "$ratchet" ]]; then
    echo "eval.sh: $ratchet missing" >&2
    exit 2
fi

cargo build --release --quiet
target="${CARGO_TARGET_DIR:-$root/target}"
bin="$target/release/kutip"

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

sets=$(grep -v '^\s*#' "$ratchet" | awk 'NF {print $1}' | sort -u)
for s in $sets; do
    if [[ ! -d "$evaldir/$s/docs" ]]; then
        echo "eval.sh: gold set $s not found at $evaldir/$s" >&2
        exit 2
    fi
    "$bin" extract "$evaldir/$s/docs" --out "$work/$s" --force -q
    python3 "$evaldir/score.py" "$evaldir/$s" "$work/$s" --json > "$work/$s.json"
    python3 "$evaldir/score.py" "$evaldir/$s" "$work/$s" | grep '^summary:' | sed "s/^/$s /"
done

python3 - "$ratchet" "$work" <<'PY'
import json, sys
ratchet, work = sys.argv[1], sys.argv[2]
short = {
    "quoted_f1": "quoted.f1", "quoted_recall": "quoted.recall",
    "quoted_precision": "quoted.precision", "attribution": "attribution.accuracy",
    "quoted_with_speaker_f1": "quoted_with_speaker.f1", "indirect_f1": "indirect.f1",
    "indirect_recall": "indirect.recall", "indirect_precision": "indirect.precision",
    "indirect_with_speaker_f1": "indirect_with_speaker.f1",
    "indirect_attribution": "indirect_attribution.accuracy",
}
failed = 0
for n, line in enumerate(open(ratchet, encoding="utf-8"), 1):
    line = line.split("#", 1)[0].split()
    if not line:
        continue
    if len(line) != 3:
        sys.exit(f"eval.sh: {ratchet}:{n}: expected SET METRIC MINIMUM")
    s, metric, minimum = line[0], line[1], float(line[2])
    value = json.load(open(f"{work}/{s}.json", encoding="utf-8"))
    for key in short.get(metric, metric).split("."):
        if not isinstance(value, dict) or key not in value:
            sys.exit(f"eval.sh: {ratchet}:{n}: no metric {metric!r} in score.py output")
        value = value[key]
    ok = value >= minimum
    failed += not ok
    print(f"{'ok  ' if ok else 'FAIL'} {s:12} {metric:26} {value:.4f} (minimum {minimum:.3f})")
if failed:
    print(f"eval.sh: {failed} number(s) dropped below eval/ratchet.txt", file=sys.stderr)
    sys.exit(1)
PY
