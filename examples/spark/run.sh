#!/usr/bin/env bash
# The Spark example, from nothing: Java 17 (installed with apt-get when
# missing and we are root), a venv with the pinned pyspark, a release
# build of kutip, then run_spark.py (exit 1 when the tables differ).
#   bash examples/spark/run.sh [run_spark.py options]
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"

if ! java -version >/dev/null 2>&1; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    echo "run.sh: installing Java 17 (openjdk-17-jre-headless)"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq openjdk-17-jre-headless >/dev/null
  else
    echo "run.sh: Spark needs Java 17 or newer (java -version); install it first" >&2
    exit 2
  fi
fi
java -version 2>&1 | head -1

if [ ! -x "$here/.venv/bin/python" ]; then
  python3 -m venv "$here/.venv"
fi
"$here/.venv/bin/pip" install --quiet --disable-pip-version-check -r "$here/requirements.txt"

(cd "$root" && cargo build --release --quiet)
kutip="${CARGO_TARGET_DIR:-$root/target}/release/kutip"
case "$kutip" in /*) ;; *) kutip="$root/$kutip" ;; esac

start=$(date +%s)
"$here/.venv/bin/python" "$here/run_spark.py" --kutip "$kutip" "$@"
echo "run.sh: Spark example done in $(( $(date +%s) - start ))s"
