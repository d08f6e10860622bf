#!/usr/bin/env python3
"""Runs a corpus through kutip on Apache Spark and checks the tables.

    python run_spark.py --kutip /abs/path/to/kutip [--corpus FILE.jsonl]

1. Builds the corpus (default: samples/corpus/wire.jsonl plus the .txt
   samples as JSONL records, and a few lines a real corpus has: a record
   without id, a bad line, a blank line, a repeated id).
2. Runs `kutip extract corpus.jsonl` locally: the reference tables.
3. Runs the same file on Spark (local mode, 4 partitions): each line is
   numbered `corpus.jsonl:LINE<TAB>record` (zipWithIndex), piped through
   `kutip map --numbered` (rdd.pipe, empty environment, checkCode=True),
   saved with saveAsTextFile; then `kutip merge` on the part files.
4. Does it again without numbering (`kutip map`, ids from content), and
   checks Spark gives what a local `kutip map | kutip merge -` gives.

Exits 0 when the tables are byte-identical, 1 when they differ.
"""

import argparse
import json
import os
import shlex
import shutil
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
TABLES = ["documents.csv", "mentions.csv", "entities.csv", "quotes.csv"]


def build_corpus(path: Path) -> None:
    samples = ROOT / "samples" / "corpus"
    lines = (samples / "wire.jsonl").read_text(encoding="utf-8").splitlines()
    for txt in sorted(samples.glob("*.txt")):
        text = txt.read_text(encoding="utf-8")
        lines.append(json.dumps({"id": txt.name, "text": text}, ensure_ascii=False))
    lines += [
        json.dumps({"text": "Prabowo bertemu Wang Yi di Jakarta. \u201cKami sepakat,\u201d kata Wang."}),
        "{not json",
        "",
        lines[0],  # the same id again: renamed wire-001#2
    ]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def kutip(binary: str, args: list, cwd: Path, stdin=None) -> int:
    return subprocess.run([binary, *args], cwd=cwd, stdin=stdin).returncode


def same_tables(a: Path, b: Path) -> bool:
    ok = True
    for t in TABLES:
        if not (a / t).exists() and not (b / t).exists():
            continue  # a table neither run made (--tables)
        x, y = (a / t).read_bytes(), (b / t).read_bytes()
        if x != y:
            print(f"DIFFERENT: {a / t} vs {b / t}", file=sys.stderr)
            ok = False
        else:
            print(f"identical: {t} ({len(x)} bytes)")
    return ok


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--kutip", required=True, help="absolute path of the kutip binary")
    ap.add_argument("--corpus", help="a .jsonl corpus (default: built from samples/)")
    ap.add_argument("--partitions", type=int, default=4)
    ap.add_argument("--work", default=str(Path(__file__).resolve().parent / "work"))
    ap.add_argument("--tables", help="kutip's --tables for extract and map (default: all four)")
    args = ap.parse_args()
    tables = ["--tables", args.tables] if args.tables else []

    binary = str(Path(args.kutip).resolve())
    work = Path(args.work).resolve()
    shutil.rmtree(work, ignore_errors=True)
    work.mkdir(parents=True)
    corpus = work / "corpus.jsonl"
    if args.corpus:
        shutil.copyfile(args.corpus, corpus)
    else:
        build_corpus(corpus)

    # The reference: one machine. Exit 1 only means a document failed.
    if kutip(binary, ["extract", "corpus.jsonl", "--out", "local", "-q", *tables], work) not in (0, 1):
        return 1

    from pyspark.sql import SparkSession

    started = time.time()
    spark = (
        SparkSession.builder.master("local[2]")
        .appName("kutip")
        .config("spark.ui.enabled", "false")
        .config("spark.ui.showConsoleProgress", "false")
        .config("spark.driver.memory", "1g")
        .getOrCreate()
    )
    spark.sparkContext.setLogLevel("WARN")
    sc = spark.sparkContext
    try:
        lines = sc.textFile(str(corpus), args.partitions)
        # FILE:LINE is the line's place in the file, as `kutip extract
        # corpus.jsonl` numbers it (from 1, blank lines included).
        numbered = lines.zipWithIndex().map(lambda p: f"corpus.jsonl:{p[1] + 1}\t{p[0]}")
        print(f"spark: {numbered.getNumPartitions()} partitions")
        # pipe() runs the command with an empty environment (env={}).
        numbered.pipe(shlex.join([binary, "map", "--numbered", "-q", *tables]), checkCode=True).saveAsTextFile(
            str(work / "spark-numbered")
        )
        lines.pipe(shlex.join([binary, "map", "-q", *tables]), checkCode=True).saveAsTextFile(str(work / "spark-plain"))
    finally:
        spark.stop()
    print(f"spark: jobs done in {time.time() - started:.1f}s")

    if kutip(binary, ["merge", "spark-numbered", "--out", "merged", "-q"], work) not in (0, 1):
        return 1
    if kutip(binary, ["merge", "spark-plain", "--out", "merged-plain", "-q"], work) not in (0, 1):
        return 1
    # The plain reference: map and merge on one machine.
    with open(corpus, "rb") as f:
        local_map = subprocess.run([binary, "map", "-q", *tables], stdin=f, stdout=subprocess.PIPE, check=True).stdout
    if subprocess.run([binary, "merge", "-", "--out", "local-plain", "-q"], cwd=work, input=local_map).returncode not in (0, 1):
        return 1

    print("== Spark + kutip merge vs kutip extract (numbered)")
    ok = same_tables(work / "local", work / "merged")
    print("== Spark + kutip merge vs local map | merge (plain)")
    ok = same_tables(work / "local-plain", work / "merged-plain") and ok
    print("OK: identical tables" if ok else "FAILED: tables differ")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
