"""Shared fixtures: the repository, the command-line tool, generated documents, Spark."""

from __future__ import annotations

import json
import os
import random
import shutil
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = ROOT / "examples" / "data"


def example_texts() -> dict[str, str]:
    """The shipped sample statements, by file stem, read as the tool reads them (UTF-8)."""
    return {
        p.stem: p.read_bytes().decode("utf-8")
        for p in sorted(EXAMPLES.iterdir())
        if p.suffix == ".txt"
    }


def generated_documents(n: int = 300, seed: int = 22) -> list[dict[str, str]]:
    """`n` documents mixing paragraphs of the samples (and some filler), deterministic."""
    paragraphs = [
        para.strip()
        for text in example_texts().values()
        for para in text.split("\n\n")
        if para.strip()
    ]
    filler = [
        "The committee met on Tuesday and adopted its agenda.",
        "Markets in Shanghai and Tokyo closed slightly higher.",
        "Officials discussed trade, tariffs and supply chains.",
    ]
    rng = random.Random(seed)
    docs = []
    for i in range(n):
        parts = rng.sample(paragraphs, rng.randint(1, 4))
        if rng.random() < 0.3:
            parts.insert(rng.randint(0, len(parts)), rng.choice(filler))
        docs.append({"id": f"gen-{i:04d}", "text": "\n\n".join(parts)})
    return docs


def _find_cli() -> Path:
    explicit = os.environ.get("RIGHTSLENS_BIN")
    if explicit:
        return Path(explicit)
    for profile in ("release", "debug"):
        p = ROOT / "target" / profile / "rightslens"
        if p.is_file():
            return p
    if shutil.which("cargo") is None:
        pytest.skip("no rightslens binary and no cargo to build one (set RIGHTSLENS_BIN)")
    subprocess.run(
        ["cargo", "build", "--release", "--bin", "rightslens"], cwd=ROOT, check=True
    )
    return ROOT / "target" / "release" / "rightslens"


@pytest.fixture(scope="session")
def cli() -> Path:
    """The `rightslens` command-line tool built from this repository."""
    return _find_cli()


def run_cli(cli: Path, args: list[str], stdin: str | None = None) -> list[dict]:
    """Runs `rightslens classify ARGS --format jsonl`; returns its records in order."""
    out = subprocess.run(
        [str(cli), "classify", *args, "--format", "jsonl"],
        input=stdin,
        capture_output=True,
        text=True,
        check=True,
        cwd=ROOT,
    )
    return [json.loads(line) for line in out.stdout.splitlines() if line.strip()]


@pytest.fixture(scope="session")
def spark():
    """A local Spark session on two cores.

    Skipped, with the reason, without Java or pyspark, unless RIGHTSLENS_REQUIRE_SPARK is set
    (as CI sets it where Java is installed): then a missing piece fails the tests.
    """
    required = bool(os.environ.get("RIGHTSLENS_REQUIRE_SPARK"))
    give_up = pytest.fail if required else pytest.skip
    try:
        import pyspark
    except ImportError:
        give_up("pyspark is not installed")
    if not (os.environ.get("JAVA_HOME") or shutil.which("java")):
        give_up("Spark tests need Java (no JAVA_HOME and no `java` on PATH)")
    import sys

    from pyspark.sql import SparkSession

    # Workers must run this interpreter, the one with rightslens installed.
    os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    os.environ.setdefault("PYSPARK_DRIVER_PYTHON", sys.executable)
    os.environ.setdefault("SPARK_LOCAL_IP", "127.0.0.1")
    session = (
        SparkSession.builder.master("local[2]")
        .appName("rightslens-tests")
        .config("spark.ui.enabled", "false")
        .config("spark.driver.host", "127.0.0.1")
        .config("spark.driver.bindAddress", "127.0.0.1")
        .config("spark.sql.shuffle.partitions", "2")
        .config("spark.default.parallelism", "2")
        .config("spark.sql.execution.arrow.pyspark.enabled", "true")
        .config("spark.sql.execution.arrow.maxRecordsPerBatch", "64")
        .config("spark.driver.memory", "1g")
        .getOrCreate()
    )
    session.sparkContext.setLogLevel("ERROR")
    assert pyspark.__version__
    yield session
    session.stop()
