"""Library errors. Each carries a message a user can act on; the CLI prints it and exits non-zero."""


class LetopisError(Exception):
    """Base of every error letopis raises on purpose."""


class InputError(LetopisError):
    """The input cannot be read as a document (empty, binary, undecodable, too large)."""


class PipelineError(LetopisError):
    """A pipeline is assembled wrongly: a stage needs what no earlier stage assigns."""


class ModelError(LetopisError):
    """A bundled model or resource could not be loaded."""
