"""`python -m letopis.schema`: write `chronology.schema.json` from `letopis.contract`."""

from . import FILE, write

print(f"{FILE.name}: {'written' if write() else 'up to date'}")
