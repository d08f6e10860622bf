#!/usr/bin/env python3
"""Run a command N times under /usr/bin/time -v; append one JSON line of results.

    measure.py --label NAME --runs 3 --bytes N --results FILE [--load-label L]
               [--note TEXT] -- CMD...

Records per run the wall time (time.perf_counter around the process), the
"Maximum resident set size" that /usr/bin/time -v reports, and the last JSON
object the command printed on stderr (the peers print their load/match
times). The results line holds the median wall time and the largest RSS.
Exits non-zero if any run fails.
"""

import argparse
import json
import shlex
import statistics
import subprocess
import sys
import tempfile
import time


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--label", required=True)
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--bytes", type=int, required=True, help="input bytes the command reads")
    ap.add_argument("--results", required=True)
    ap.add_argument("--kind", default="throughput", help="throughput | subset | load | english")
    ap.add_argument("--note", default="")
    ap.add_argument("--names", default="", help="what names were matched (for the report)")
    ap.add_argument("--load-label", default="", help="label of the load-only row to subtract")
    ap.add_argument("--stdout", default=None, help="send the command's stdout here")
    ap.add_argument("cmd", nargs=argparse.REMAINDER)
    a = ap.parse_args()
    cmd = a.cmd[1:] if a.cmd and a.cmd[0] == "--" else a.cmd
    runs = []
    for i in range(a.runs):
        with tempfile.NamedTemporaryFile("r") as tv, tempfile.TemporaryFile("w+") as err:
            out = open(a.stdout, "w") if a.stdout else subprocess.DEVNULL
            t0 = time.perf_counter()
            p = subprocess.run(["/usr/bin/time", "-v", "-o", tv.name] + cmd,
                               stdout=out, stderr=err)
            wall = time.perf_counter() - t0
            if a.stdout:
                out.close()
            err.seek(0)
            errtext = err.read()
            rss = None
            for line in open(tv.name):
                if "Maximum resident set size" in line:
                    rss = int(line.rsplit(":", 1)[1])
            extra = None
            for line in errtext.splitlines():
                line = line.strip()
                if line.startswith("{") and line.endswith("}"):
                    try:
                        extra = json.loads(line)
                    except ValueError:
                        pass
            if p.returncode != 0:
                sys.stderr.write(errtext[-2000:])
                sys.exit(f"measure.py: {a.label}: exit status {p.returncode}: {' '.join(cmd)}")
            runs.append({"wall_s": round(wall, 4), "rss_kb": rss, "extra": extra})
            print(f"  {a.label} run {i + 1}/{a.runs}: {wall:.3f} s, {rss / 1024:.0f} MB RSS",
                  file=sys.stderr)
    med = statistics.median(r["wall_s"] for r in runs)
    res = {
        "label": a.label, "kind": a.kind, "note": a.note, "names": a.names,
        "load_label": a.load_label, "bytes": a.bytes,
        "cmd": shlex.join(cmd), "runs": runs, "median_s": med,
        "mb_s": a.bytes / 1e6 / med if med > 0 else None,
        "rss_kb": max(r["rss_kb"] or 0 for r in runs),
    }
    extras = [r["extra"] for r in runs if r["extra"] and "match_s" in r["extra"]]
    if extras:
        res["load_s"] = statistics.median(e["load_s"] for e in extras)
        res["match_s"] = statistics.median(e["match_s"] for e in extras)
        res["matches"] = extras[0].get("matches")
    with open(a.results, "a") as f:
        f.write(json.dumps(res) + "\n")


if __name__ == "__main__":
    main()
