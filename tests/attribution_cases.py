"""The attribution of one invented text, for the unit tests of the attribution rules: every
row is checked for traceability (``text[cue_start:cue_end]`` is the cue, inside its clause)."""
from analysis.attribution import find_attributions
from analysis.corpus import Document


def acts(text: str, home: str = "SA"):
    df = find_attributions(Document("t", text, {"outlet": "X"}), home_country=home)
    for r in df.itertuples():
        assert text[r.cue_start:r.cue_end] == r.cue
        assert r.start <= r.cue_start < r.cue_end <= r.end
    return df


def one(text: str, home: str = "SA"):
    """The only act of ``text``."""
    df = acts(text, home)
    assert len(df) == 1, df[["cue", "speaker"]].values.tolist()
    return df.iloc[0]
