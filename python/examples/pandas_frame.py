"""The README's pandas example: tidy topic and prisoner tables of a DataFrame."""

import pandas as pd
import rightslens

clf = rightslens.Classifier()
df = pd.DataFrame({
    "id": ["readout", "markets"],
    "text": [
        "The Secretary raised the cases of Ilham Tohti and Jimmy Lai and urged China "
        "to end repression in Xinjiang and Tibet.",
        "Hong Kong stocks closed higher on the Hang Seng; Taiwan's chipmakers gained.",
    ],
})
topics = clf.classify_frame(df, id_col="id")
print(topics[topics.present].round(3).to_string(index=False))
print()
print(clf.prisoners_frame(df, id_col="id").to_string(index=False))
