#!/usr/bin/env bash
# Scores the speaker ranker's cross-validation folds written by
#   cargo run --release --example train_speakers -- DATA --cv DIR
# with score.py: per fold, the rules alone (rule/) and the ranker (out/),
# then the mean of each measure over the folds, and the precision of named
# speakers (of the matched quotes given a speaker, the share right).
# Usage: scripts/speaker-cv.sh DIR [SCORE_PY]
set -euo pipefail
dir=${1:?usage: speaker-cv.sh DIR [SCORE_PY]}
score=${2:-../shared/eval/score.py}
for which in rule out; do
  for f in "$dir"/fold*; do
    python3 "$score" "$f/gold" "$f/$which" -v | python3 -c '
import re, sys
lines = sys.stdin.read().splitlines()
right = next(int(m[1]) for l in lines if (m := re.match(r"attribution\s+\S+ \((\d+)/", l)))
wrong = sum(1 for l in lines if l.startswith("  attribution wrong:") and "got=\x27\x27" not in l)
summary = next(l for l in lines if l.startswith("summary:"))
print(f"{summary} named_precision={right / max(right + wrong, 1):.4f}")
' | sed "s|^|$which $(basename "$f") |"
  done
done | tee "$dir/summary.txt"
python3 - "$dir/summary.txt" <<'PY'
import re, sys
rows = {}
for line in open(sys.argv[1]):
    which = line.split()[0]
    vals = dict(re.findall(r"(\w+)=([\d.]+)", line))
    rows.setdefault(which, []).append(vals)
for which, folds in rows.items():
    keys = ["quoted_f1", "attribution", "quoted_with_speaker_f1", "indirect_with_speaker_f1", "named_precision"]
    print(which, "mean of", len(folds), "folds:",
          " ".join(f"{k}={sum(float(f[k]) for f in folds) / len(folds):.3f}" for k in keys))
PY
