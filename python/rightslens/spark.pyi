"""Type stubs of ``rightslens.spark``."""

from typing import Any

from pyspark.sql import DataFrame

from . import Classifier

def topic_columns(topics: list[str]) -> list[str]: ...
def output_schema(
    input_schema: Any, topics: list[str], text_col: str, keep_text: bool, prisoners_col: str
) -> Any: ...
def classify_column(
    df: DataFrame,
    text_col: str = "text",
    classifier: Classifier | None = None,
    keep_text: bool = False,
    prisoners_col: str = "prisoners",
) -> DataFrame: ...
