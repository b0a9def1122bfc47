"""letopis: source-linked chronologies from Russian historical narrative."""

__version__ = "0.1.0"
