"""Classify a large JSON Lines corpus with Spark in local mode and write Parquet.

Usage:
    python python/examples/spark_large_corpus.py CORPUS.jsonl[.gz] [--cores N] [--limit DOCS]
        [--out DIR] [--partitions P]

CORPUS is JSON Lines with ``id`` and ``text`` fields (other fields are kept), for example the
shared corpus ``us_gov_english.jsonl.gz``. The script runs in two timed stages:

1. load: read the file, spread it over P partitions (a gzip file is read by one task) and cache
   it in memory;
2. classify: ``rightslens.spark.classify_column`` on every document, written to Parquet.

and prints documents/s for the classify stage, per core and in all. It needs pyspark, pandas,
pyarrow, Java 17 and this package installed in the Python that runs it.
"""

from __future__ import annotations

import argparse
import os
import shutil
import sys
import tempfile
import time


def _descendants() -> list[int]:
    """This process and its descendants (the JVM of local mode, Spark's Python workers),
    from Linux's /proc; empty elsewhere."""
    if not os.path.isdir("/proc"):
        return []
    parent: dict[int, int] = {}
    for name in os.listdir("/proc"):
        try:
            with open(f"/proc/{name}/stat") as f:
                stat = f.read()
            parent[int(name)] = int(stat[stat.rfind(")") + 2 :].split()[1])
        except (OSError, ValueError):
            continue
    tree, todo = [], [os.getpid()]
    while todo:
        pid = todo.pop()
        tree.append(pid)
        todo += [child for child, ppid in parent.items() if ppid == pid]
    return tree


def tree_cpu_seconds() -> float | None:
    """CPU seconds used so far by this process and its descendants (including their waited-for
    children). Counts work, not waiting, so it stays meaningful on a busy machine."""
    total = 0
    pids = _descendants()
    for pid in pids:
        try:
            with open(f"/proc/{pid}/stat") as f:
                stat = f.read()
        except OSError:
            continue
        # utime, stime, cutime, cstime: fields 14-17 of proc(5)
        total += sum(int(x) for x in stat[stat.rfind(")") + 2 :].split()[11:15])
    return total / os.sysconf("SC_CLK_TCK") if pids else None


def peak_memory_mb() -> dict[str, float]:
    """Peak resident memory (VmHWM) of the JVM and of the largest Spark Python worker, in MB."""
    peaks: dict[str, float] = {}
    for pid in _descendants()[1:]:
        try:
            with open(f"/proc/{pid}/status") as f:
                status = dict(line.split(":", 1) for line in f if ":" in line)
        except OSError:
            continue
        kind = "jvm" if status.get("Name", "").strip() == "java" else "python worker"
        mb = int(status.get("VmHWM", "0 kB").split()[0]) / 1024
        peaks[kind] = max(peaks.get(kind, 0.0), mb)
    return peaks


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("corpus", help="JSON Lines file (optionally .gz) with id and text fields")
    ap.add_argument("--cores", type=int, default=os.cpu_count() or 2, help="local[N] cores")
    ap.add_argument("--limit", type=int, default=None, help="classify only the first DOCS")
    ap.add_argument("--out", default=None, help="Parquet output folder (default: a temp folder)")
    ap.add_argument("--partitions", type=int, default=None, help="default: 4 per core")
    ap.add_argument("--passes", type=int, default=1,
                    help="classify the cached documents this many times (later passes show the "
                         "warm rate, with Python workers and JIT already started)")
    ap.add_argument("--driver-memory", default="2g", help="JVM heap of local mode (default 2g)")
    args = ap.parse_args()

    # Spark's Python workers must run this interpreter, the one with rightslens installed.
    os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    os.environ.setdefault("PYSPARK_DRIVER_PYTHON", sys.executable)
    os.environ.setdefault("SPARK_LOCAL_IP", "127.0.0.1")

    from pyspark.sql import SparkSession

    import rightslens
    from rightslens.spark import classify_column

    partitions = args.partitions or 4 * args.cores
    spark = (
        SparkSession.builder.master(f"local[{args.cores}]")
        .appName("rightslens-large-corpus")
        .config("spark.ui.enabled", "false")
        .config("spark.ui.showConsoleProgress", "false")
        .config("spark.driver.host", "127.0.0.1")
        .config("spark.driver.bindAddress", "127.0.0.1")
        .config("spark.driver.memory", args.driver_memory)
        .config("spark.sql.shuffle.partitions", str(partitions))
        .config("spark.sql.execution.arrow.maxRecordsPerBatch", "1000")
        .getOrCreate()
    )
    spark.sparkContext.setLogLevel("ERROR")
    out_dir = args.out or tempfile.mkdtemp(prefix="rightslens-parquet-")
    try:
        t0, cpu0 = time.perf_counter(), tree_cpu_seconds()
        docs = spark.read.json(
            args.corpus,
            schema="id string, collection string, date string, title string, text string",
        )
        if args.limit:
            docs = docs.limit(args.limit)
        docs = docs.repartition(partitions).cache()
        n = docs.count()
        load, cpu1 = time.perf_counter() - t0, tree_cpu_seconds()

        print(f"documents:        {n:,}")
        print(f"load + cache:     {load:.1f} s" + (
            f", {cpu1 - cpu0:.1f} CPU-s" if cpu0 is not None and cpu1 is not None else ""))
        for k in range(1, args.passes + 1):
            t1, cpu1 = time.perf_counter(), tree_cpu_seconds()
            out = classify_column(docs, text_col="text", classifier=rightslens.Classifier())
            out.write.mode("overwrite").parquet(out_dir)
            classify, cpu2 = time.perf_counter() - t1, tree_cpu_seconds()
            cpu = "" if cpu1 is None or cpu2 is None else (
                f", {cpu2 - cpu1:.1f} CPU-s = {n / (cpu2 - cpu1):,.0f} documents per CPU-second")
            print(f"{f'pass {k}:':<18}classify + write {classify:.1f} s on local[{args.cores}] = "
                  f"{n / classify:,.0f} documents/s ({n / classify / args.cores:,.0f} per core)" + cpu)
        memory = peak_memory_mb()

        result = spark.read.parquet(out_dir)
        present = {
            t: result.filter(f"{t}_present").count() for t in rightslens.Classifier().topics
        }
        named = result.filter("size(prisoners) > 0").count()
        if memory:
            print("peak memory:      " + ", ".join(f"{k} {v:,.0f} MB" for k, v in memory.items()))
        print("present:          " + ", ".join(f"{t} {c:,}" for t, c in present.items()))
        print(f"naming prisoners: {named:,}")
        print(f"parquet:          {out_dir}" + ("" if args.out else " (temporary, removed)"))
    finally:
        spark.stop()
        if args.out is None:
            shutil.rmtree(out_dir, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
