"""Entities: normal forms, rule mentions, titles, merging, coreference and places.

`stages/entities.py` runs these in order; each module is usable on its own.
"""
