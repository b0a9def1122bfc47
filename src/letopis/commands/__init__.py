"""The `letopis` subcommands, one module each.

A module here defines `register(subparsers)`: it adds its parser and sets `run` to a
function taking the parsed arguments and returning the exit code. `letopis.cli` finds
the modules by itself, so adding a command touches no other file.
"""
