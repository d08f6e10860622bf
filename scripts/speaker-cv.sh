#!/usr/bin/env bash
# Scores the speaker ranker's cross-validation folds written by
#   cargo run --release --example train_speakers -- DATA --cv DIR
# with score.py: per fold, the rules alone (rule/) and the ranker (out/),
# then the mean of each measure over the folds.
# Usage: scripts/speaker-cv.sh DIR [SCORE_PY]
set -euo pipefail
dir=${1:?usage: speaker-cv.sh DIR [SCORE_PY]}
score=${2:-../shared/eval/score.py}
for which in rule out; do
  for f in "$dir"/fold*; do
    python3 "$score" "$f/gold" "$f/$which" | grep '^summary:' | sed "s|^|$which $(basename "$f") |"
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
    keys = ["quoted_f1", "attribution", "quoted_with_speaker_f1", "indirect_with_speaker_f1"]
    print(which, "mean of", len(folds), "folds:",
          " ".join(f"{k}={sum(float(f[k]) for f in folds) / len(folds):.3f}" for k in keys))
PY
