"""Classify a Spark DataFrame column with rightslens, in parallel, on the executors.

>>> from rightslens.spark import classify_column
>>> out = classify_column(spark.read.json("statements.jsonl"), text_col="text")  # doctest: +SKIP
>>> out.select("id", "tibet_score", "tibet_present", "prisoners").show()          # doctest: +SKIP

How it runs: :func:`classify_column` adds the output columns with ``mapInPandas``. Each Arrow
batch of a partition reaches a Python worker as a pandas DataFrame; the worker classifies the
batch in one call into the compiled library (one thread per Spark task, since Spark already runs
one task per core) and returns the columns. The classifier is built once per Python worker
process and kept in a module-level cache (Spark reuses its Python workers between tasks by
default, ``spark.python.worker.reuse``), so lexicons are compiled once per executor process,
not once per batch or row.

Requirements: ``pyspark`` with ``pandas`` and ``pyarrow`` on the driver and the executors, and
this package installed on the executors (the same wheel). Lexicon files given to the
:class:`~rightslens.Classifier` must be readable at the same path on every executor.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

from . import Classifier

if TYPE_CHECKING:  # pragma: no cover
    import pandas
    from pyspark.sql import DataFrame

__all__ = ["classify_column", "output_schema", "topic_columns"]

# One classifier per settings per Python worker process.
_CACHE: dict[str, Classifier] = {}


def _cached(settings: dict[str, Any]) -> Classifier:
    key = repr(sorted(settings.items()))
    clf = _CACHE.get(key)
    if clf is None:
        clf = Classifier(**settings)
        _CACHE[key] = clf
    return clf


def topic_columns(topics: list[str]) -> list[str]:
    """The per-topic output column names: ``<topic>_score``, ``<topic>_present``,
    ``<topic>_primary`` for each topic in order."""
    return [f"{t}_{suffix}" for t in topics for suffix in ("score", "present", "primary")]


def output_schema(
    input_schema: Any, topics: list[str], text_col: str, keep_text: bool, prisoners_col: str
) -> Any:
    """The schema :func:`classify_column` returns: the input columns (without the text unless
    ``keep_text``), three columns per topic, then ``prisoners_col`` as ``array<string>``."""
    from pyspark.sql.types import ArrayType, BooleanType, DoubleType, StringType, StructField, StructType

    fields = [f for f in input_schema.fields if keep_text or f.name != text_col]
    taken = {f.name for f in fields}
    added = []
    for t in topics:
        added += [
            StructField(f"{t}_score", DoubleType(), False),
            StructField(f"{t}_present", BooleanType(), False),
            StructField(f"{t}_primary", BooleanType(), False),
        ]
    added.append(StructField(prisoners_col, ArrayType(StringType(), False), False))
    clash = sorted(taken & {f.name for f in added})
    if clash:
        raise ValueError(
            f"the input already has column(s) {', '.join(clash)}; rename them or pass"
            " another prisoners_col"
        )
    return StructType(fields + added)


def _mapper(settings: dict[str, Any], text_col: str, keep: list[str], prisoners_col: str):
    def classify_batches(batches: Iterator[pandas.DataFrame]) -> Iterator[pandas.DataFrame]:
        from . import _texts

        clf = _cached(settings)
        for pdf in batches:
            topics, score, present, primary, prisoners = clf._inner.classify_wide(
                _texts(pdf[text_col]), 1
            )
            out = pdf[keep].copy() if keep else pdf.iloc[:, :0].copy()
            for k, t in enumerate(topics):
                out[f"{t}_score"] = score[k]
                out[f"{t}_present"] = present[k]
                out[f"{t}_primary"] = primary[k]
            out[prisoners_col] = prisoners
            yield out

    return classify_batches


def classify_column(
    df: DataFrame,
    text_col: str = "text",
    classifier: Classifier | None = None,
    keep_text: bool = False,
    prisoners_col: str = "prisoners",
) -> DataFrame:
    """Classifies the text column of a Spark DataFrame; lazy, like any transformation.

    Args:
        df: the documents, one per row.
        text_col: the string column to classify (a null reads as empty text).
        classifier: the settings to use (built-in lexicons by default). It is not shipped as
            compiled code: each executor's Python worker rebuilds it once from its settings.
        keep_text: keep the text column in the output (dropped by default to keep rows small).
        prisoners_col: name of the output column with the prisoners named.

    Returns:
        A DataFrame with the input's other columns, then for each topic ``<topic>_score``
        (double), ``<topic>_present`` and ``<topic>_primary`` (boolean), then
        ``prisoners_col``: the canonical names of the people named, in order of first mention.
        Rows keep their partition and order.
    """
    if text_col not in df.columns:
        raise ValueError(f"no column {text_col!r} in the DataFrame (columns: {df.columns})")
    clf = classifier or Classifier()
    schema = output_schema(df.schema, clf.topics, text_col, keep_text, prisoners_col)
    keep = [c for c in df.columns if keep_text or c != text_col]
    return df.mapInPandas(_mapper(clf.settings, text_col, keep, prisoners_col), schema)
