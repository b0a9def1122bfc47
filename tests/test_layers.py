"""The layers contract of `pyproject.toml` ([tool.importlinter]): no module imports from a
layer above its own (`lint-imports`)."""

from __future__ import annotations

import os
import pkgutil
import subprocess
import sys
import tomllib
from pathlib import Path

import letopis

ROOT = Path(__file__).resolve().parents[1]


def _layers() -> list[str]:
    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    contract = next(c for c in config["tool"]["importlinter"]["contracts"] if c["type"] == "layers")
    return contract["layers"]


def test_no_module_imports_from_a_higher_layer() -> None:
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(Path(letopis.__file__).parents[1]), os.environ.get("PYTHONPATH", "")])}
    done = subprocess.run(
        [sys.executable, "-c", "from importlinter.cli import lint_imports_command; lint_imports_command()"],
        cwd=ROOT, env=env, capture_output=True, text=True, timeout=300,
    )
    assert done.returncode == 0, done.stdout[-4000:] + done.stderr[-2000:]
    assert "0 broken" in done.stdout


def test_every_module_of_the_package_has_a_layer() -> None:
    named = {part.strip().removeprefix("letopis.") for layer in _layers() for part in layer.replace(":", "|").split("|")}
    modules = {info.name for info in pkgutil.iter_modules(letopis.__path__)}
    assert modules - named == set(), "add these modules to a layer of [tool.importlinter] in pyproject.toml"
