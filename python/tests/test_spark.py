"""Spark local mode: `rightslens.spark.classify_column` equals `rightslens classify`, document
for document."""

from __future__ import annotations

import json

import pytest

import rightslens
from conftest import generated_documents, run_cli

pytest.importorskip("pandas")
pytest.importorskip("pyarrow")


def test_spark_equals_the_cli(spark, cli):
    from rightslens.spark import classify_column, topic_columns

    docs = generated_documents(300)
    for i, d in enumerate(docs):
        d["n"] = i
    records = {
        r["id"]: r
        for r in run_cli(cli, ["-"], stdin="".join(json.dumps(d) + "\n" for d in docs))
    }
    assert len(records) == len(docs)

    df = spark.createDataFrame(docs, "id string, text string, n long").repartition(4)
    out = classify_column(df, text_col="text")
    topics = rightslens.Classifier().topics
    assert out.columns == ["id", "n", *topic_columns(topics), "prisoners"]
    rows = out.collect()
    assert sorted(r["id"] for r in rows) == sorted(records)
    for row in rows:
        record = records[row["id"]]
        assert row["n"] == int(row["id"][4:])
        for t in topics:
            expected = record["topics"][t]
            got = (row[f"{t}_score"], row[f"{t}_present"], row[f"{t}_primary"])
            assert got == (expected["score"], expected["present"], expected["primary"]), (
                row["id"],
                t,
            )
        assert list(row["prisoners"]) == [p["name"] for p in record["prisoners"]], row["id"]
    # The samples raise every topic somewhere, and name prisoners.
    assert all(any(r[f"{t}_present"] for r in rows) for t in topics)
    assert any(r["prisoners"] for r in rows)


def test_spark_keeps_text_and_custom_settings(spark):
    from rightslens.spark import classify_column

    df = spark.createDataFrame(
        [("a", "The Dalai Lama spoke about Tibet."), ("b", None)], "id string, body string"
    )
    clf = rightslens.Classifier(topics=["tibet"])
    out = classify_column(df, text_col="body", classifier=clf, keep_text=True, prisoners_col="people")
    assert out.columns == ["id", "body", "tibet_score", "tibet_present", "tibet_primary", "people"]
    rows = {r["id"]: r for r in out.collect()}
    assert rows["a"]["tibet_present"] and not rows["b"]["tibet_present"]
    assert rows["b"]["people"] == []
    with pytest.raises(ValueError, match="people"):
        classify_column(out, text_col="body", classifier=clf, prisoners_col="people")
