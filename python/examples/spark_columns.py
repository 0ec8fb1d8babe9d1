"""The README's Spark example: topic columns for a Spark DataFrame, in local mode."""

import os, sys
os.environ.setdefault("PYSPARK_PYTHON", sys.executable)   # workers use this venv's Python

from pyspark.sql import SparkSession
from rightslens.spark import classify_column

spark = (SparkSession.builder.master("local[2]")
         .config("spark.ui.enabled", "false")
         .config("spark.driver.bindAddress", "127.0.0.1")
         .getOrCreate())
df = spark.createDataFrame(
    [("readout", "The Secretary raised the cases of Ilham Tohti and Jimmy Lai "
                 "and urged China to end repression in Xinjiang and Tibet."),
     ("markets", "Hong Kong stocks closed higher on the Hang Seng.")],
    "id string, text string",
)
out = classify_column(df, text_col="text")
out.select("id", "xinjiang_score", "xinjiang_present", "tibet_primary", "prisoners") \
   .show(truncate=False)
spark.stop()
