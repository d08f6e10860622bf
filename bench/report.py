#!/usr/bin/env python3
"""Turn bench results (JSON lines from measure.py) into a Markdown report.

    report.py RESULTS.jsonl OUT.md --corpus-bytes N --subset-bytes N [--mode TEXT]
"""

import argparse
import datetime
import json
import os
import platform
import subprocess


def cpu_model():
    try:
        for line in open("/proc/cpuinfo"):
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or "?"


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("results")
    ap.add_argument("out")
    ap.add_argument("--corpus-bytes", type=int, required=True)
    ap.add_argument("--corpus", default="")
    ap.add_argument("--mode", default="")
    a = ap.parse_args()
    rows = [json.loads(l) for l in open(a.results) if l.strip()]
    by = {r["label"]: r for r in rows}
    loads = {r["label"]: r for r in rows if r["kind"] == "load"}
    full_mb = a.corpus_bytes / 1e6

    def e2e(r):
        """(MB/s end to end, scan MB/s without load, note) on the full corpus."""
        if r.get("extrapolate"):
            pass
        if r["kind"] == "subset" and "match_s" in r:
            # Projected full-corpus time: load once + matching scaled by size.
            scale = a.corpus_bytes / r["bytes"]
            t = r["load_s"] + r["match_s"] * scale
            return full_mb / t, r["bytes"] / 1e6 / r["match_s"], \
                f"extrapolated from a {r['bytes'] / 1e6:.1f} MB subset"
        mbs = r["mb_s"]
        scan = None
        if "match_s" in r and r["match_s"] > 0:
            scan = r["bytes"] / 1e6 / r["match_s"]
        elif r.get("load_label") in loads:
            t = r["median_s"] - loads[r["load_label"]]["median_s"]
            if t > 0:
                scan = r["bytes"] / 1e6 / t
        return mbs, scan, ""

    base = by.get("kutip 1 thread, 200k names")
    base_mbs, base_scan, _ = e2e(base) if base else (None, None, "")
    lines = []
    lines.append("| tool | names | MB/s | ratio to kutip 1T 200k | scan MB/s (minus load) | scan ratio | peak RSS MB | note |")
    lines.append("|---|---|---:|---:|---:|---:|---:|---|")
    for r in rows:
        if r["kind"] not in ("throughput", "subset"):
            continue
        mbs, scan, note = e2e(r)
        note = "; ".join(x for x in (r.get("note", ""), note) if x)
        ratio = f"{mbs / base_mbs:.2f}" if base_mbs else ""
        sratio = f"{scan / base_scan:.2f}" if (scan and base_scan) else ""
        lines.append(f"| {r['label']} | {r.get('names', '')} | {mbs:.1f} | {ratio} | "
                     f"{f'{scan:.1f}' if scan else ''} | {sratio} | {r['rss_kb'] / 1024:.0f} | {note} |")
    table = "\n".join(lines)

    # The full job on the English files of the subset: kutip against the
    # full-job peers, each one process, end to end.
    english = [r for r in rows if r["kind"] == "english"]
    kfull = by.get("kutip 1 thread, English (all four tables)")
    etab = ["| tool | model or lists | MB/s | kutip (all four tables) is × faster | peak RSS MB | note |",
            "|---|---|---:|---:|---:|---|"]
    for r in english:
        times = f"{kfull['mb_s'] / r['mb_s']:.0f}" if kfull and not r["label"].startswith("kutip") else ""
        etab.append(f"| {r['label']} | {r.get('names', '')} | {r['mb_s']:.3f} | {times} | "
                    f"{r['rss_kb'] / 1024:.0f} | {r.get('note', '')} |")
    if not any("spaCy" in r["label"] for r in english):
        etab.append("| spaCy peers | not measured: no small English model installed (see run.sh's output) | | | | |")

    ltab = ["| gazetteer | entities | load+compile time s (median) | peak RSS MB | how |", "|---|---:|---:|---:|---|"]
    for r in loads.values():
        ltab.append(f"| {r['label']} | {r.get('names', '')} | {r['median_s']:.2f} | {r['rss_kb'] / 1024:.0f} | {r.get('note', '')} |")

    def mb(label):
        r = by.get(label)
        return e2e(r) if r else (None, None, "")

    checks = []
    k1 = mb("kutip 1 thread, 200k names")
    k2 = mb("kutip 2 threads, 200k names")
    kd1 = mb("kutip 1 thread, default gazetteers")
    kd2 = mb("kutip 2 threads, default gazetteers")
    ft = mb("FlashText")
    ac = mb("pyahocorasick whole-word")
    ro = mb("read-only Rust, 1 thread")
    n1 = mb("kutip names only, 1 thread, 200k names")
    n2 = mb("kutip names only, 2 threads, 200k names")
    nd1 = mb("kutip names only, 1 thread, default gazetteers")
    bare = mb("bare aho-corasick scan, Rust, 1 thread")

    def chk(name, have, want):
        if have is None:
            checks.append(f"| {name} | n/a | {want} | ? |")
        else:
            checks.append(f"| {name} | {have:.2f}× | ≥ {want:.3g}× | {'yes' if have >= want else '**no**'} |")
    # kutip with 200k names against each name-only matcher, end to end and
    # without the load.
    for peer, (mbs, scan, _), want in (
        ("FlashText", ft, 10),
        ("pyahocorasick whole-word", ac, 2),
        ("bare aho-corasick whole-word scan, Rust 1T", bare, 2),
    ):
        if k1[0] and mbs:
            chk(f"kutip 1T 200k / {peer} (end to end)", k1[0] / mbs, want)
        if k1[1] and scan:
            chk(f"kutip 1T 200k / {peer} (scan, minus load)", k1[1] / scan, want)
    # Names only (--tables mentions,entities), issue 19's targets.
    for peer, (mbs, scan, _), want in (
        ("FlashText", ft, 10),
        ("bare aho-corasick whole-word scan, Rust 1T", bare, 1.5),
    ):
        if n1[0] and mbs:
            chk(f"kutip names only 1T 200k / {peer} (end to end)", n1[0] / mbs, want)
    if nd1[0] and ro[0]:
        chk("kutip names only 1T default lists / read-only Rust 1T", nd1[0] / ro[0], 1 / 3)
    if kd1[0] and ro[0]:
        chk("kutip 1T default lists, all four tables / read-only Rust 1T", kd1[0] / ro[0], 1 / 3)
    if k1[0] and k2[0]:
        chk("kutip 2T / 1T, 200k names", k2[0] / k1[0], 1.8)
    if kd1[0] and kd2[0]:
        chk("kutip 2T / 1T, default gazetteers", kd2[0] / kd1[0], 1.8)
    if n1[0] and n2[0]:
        chk("kutip names only 2T / 1T, 200k names", n2[0] / n1[0], 1.8)
    # A/B against an earlier build measured in the same run.
    for r in rows:
        if not r["label"].startswith("before ("):
            continue
        mine = kd1 if "default gazetteers" in r["label"] else k1
        if mine[0]:
            have = mine[0] / r["mb_s"]
            chk(f"kutip 1T all four tables / {r['label']}", have, 2)
            checks.append(f"| the same, issues 16 and 17 (at least 0.8 of before) | {have:.2f}× | ≥ 0.8× | "
                          f"{'yes' if have >= 0.8 else '**no**'} |")
    nm = by.get("kutip 1 thread, default gazetteers, --no-model")
    if kd1[0] and nm:
        have = kd1[0] / nm["mb_s"]
        per_mb = 1 / kd1[0] - 1 / nm["mb_s"]
        checks.append(f"| kutip 1T default lists / the same with --no-model (the tagger costs "
                      f"{per_mb * 1000:.1f} ms per MB) | {have:.2f}× | ≥ 0.8× | {'yes' if have >= 0.8 else '**no**'} |")
    tenth = by.get("kutip 1 thread, default gazetteers, a tenth of the corpus")
    kd = by.get("kutip 1 thread, default gazetteers")
    if tenth and kd:
        have = kd["rss_kb"] / tenth["rss_kb"]
        checks.append(f"| peak RSS, whole corpus / a tenth of it ({kd['bytes'] / 1e6:.0f} MB / "
                      f"{tenth['bytes'] / 1e6:.0f} MB) | {have:.2f}× | ≤ 1.1× | {'yes' if have <= 1.1 else '**no**'} |")
    ek = by.get("kutip 1 thread, English (all four tables)")
    for label, want in (("spaCy small English model, NER alone", 150),
                        ("spaCy small English model + textacy quotes", 300)):
        if ek and label in by:
            chk(f"kutip 1T all four tables / {label} (English)", ek["mb_s"] / by[label]["mb_s"], want)

    try:
        ver = subprocess.run(["git", "rev-parse", "--short", "HEAD"], capture_output=True,
                             text=True).stdout.strip()
        dirty = subprocess.run(["git", "status", "--porcelain", "src"], capture_output=True,
                               text=True).stdout.strip()
        if dirty:
            ver += " + uncommitted changes in src/"
    except OSError:
        ver = "?"
    cmds = "\n".join(f"# {r['label']} ({len(r['runs'])} run(s))\n{r['cmd']}" for r in rows)
    md = f"""# kutip benchmark results

- date: {datetime.datetime.now().astimezone().isoformat(timespec='seconds')}
- machine: {os.cpu_count()} CPUs (nproc {subprocess.run(['nproc'], capture_output=True, text=True).stdout.strip()}), {cpu_model()}, {platform.system()} {platform.release()}
- kutip: {ver}
- mode: {a.mode}
- corpus: `{a.corpus}`, {a.corpus_bytes / 1e6:.1f} MB (warm page cache)

MB/s = corpus bytes / median wall time of the whole process (start, load,
match, write, exit). "scan MB/s" leaves out the load: for the peers their own
timing of the matching loop, for kutip the wall time minus the median
load-only run of the same gazetteer. Ratios are to kutip with 1 thread and
the 200k gazetteer. Peak RSS is /usr/bin/time -v "Maximum resident set
size" (largest over the runs; for a pipeline, its largest process).

{table}

## The full job on English news

The English files of the spaCy subset, one process each, end to end (load
included).

{chr(10).join(etab)}

## Gazetteer load and compile

{chr(10).join(ltab)}

## Targets

| target | measured | wanted | met |
|---|---:|---:|---|
{chr(10).join(checks)}

## Commands

```
{cmds}
```
"""
    with open(a.out, "w") as f:
        f.write(md)
    print(md)


if __name__ == "__main__":
    main()
