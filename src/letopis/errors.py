"""Library errors. Each carries a message a user can act on; the CLI prints it and exits non-zero."""


class LetopisError(Exception):
    """Base of every error letopis raises on purpose."""


class UsageError(LetopisError):
    """The command is used wrongly: an option's value or a combination of options
    (`--jobs 0`, `--engine dask` without `--scheduler`). The CLI exits with code 2."""


class InputError(LetopisError):
    """The input cannot be read as a document (empty, binary, undecodable, too large)."""


class PipelineError(LetopisError):
    """A pipeline is assembled wrongly: a stage needs what no earlier stage assigns."""


class ModelError(LetopisError):
    """A bundled model or resource could not be loaded."""


class UnreadableInput(InputError):
    """The input cannot be opened: missing, a directory, or not readable."""


class EmptyInput(InputError):
    """The input holds no text: zero bytes, only whitespace, or markup with no visible text."""


class BinaryInput(InputError):
    """The input is binary (a PDF, an archive, an image, random bytes), not text."""


class UndecodableInput(InputError):
    """The input's bytes match none of the encodings letopis recognises."""


class InputTooLarge(InputError):
    """The input is larger than the size limit (`max_bytes`, the CLI's --max-size)."""


class StoreError(LetopisError):
    """The corpus store cannot answer: its file is locked, damaged or lacks a table it needs."""
