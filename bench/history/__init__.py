"""The history benchmark: a gold chronology of real history texts and its scorer.

The texts stay in ../shared/data/history; the gold (`gold/*.json`) holds only offsets,
ids, dates and labels (`gold.py`). `annotate.py` turns an annotator's draft into gold and
back; `score.py` scores a system's events, dates, agents and factuality against it.
"""
