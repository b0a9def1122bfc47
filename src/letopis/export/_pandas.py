"""The one place letopis touches pandas (an optional extra: `letopis[pandas]`)."""

from __future__ import annotations

from typing import Any, Iterable

from .source import ExportError


def _pandas() -> Any:
    try:
        import pandas
    except ImportError:
        raise ExportError("pandas is not installed; install it with: pip install 'letopis[pandas]'") from None
    return pandas


def frame(rows: list[dict[str, Any]], columns: Iterable[str], integers: set[str], floats: set[str]) -> Any:
    """A DataFrame with the given columns in order: integer columns as nullable Int64,
    float columns as float64, everything else as pandas strings (None stays missing)."""
    pd = _pandas()
    columns = list(columns)
    df = pd.DataFrame.from_records(rows, columns=columns)
    types = {c: ("Int64" if c in integers else "float64" if c in floats else "string") for c in columns}
    return df.astype(types)
