"""`-o` never harms what it names (issue 22, severe 2): devices, FIFOs and standard output are
written in place, a link to a file is refused, modes follow the umask or the file's own, and a
target that cannot be written is refused before the analysis."""

import json
import os
import stat
import subprocess
import sys
import threading
from pathlib import Path

import pytest

from letopis.cli import EXIT_FAILED, EXIT_OK, main
from letopis.output import OutputError, _kind, check_target, write_atomically

GOOD = "19 августа 1944 года в Париже началось восстание."
ROOT = os.geteuid() == 0


@pytest.fixture
def good(tmp_path: Path) -> Path:
    path = tmp_path / "good.txt"
    path.write_text(GOOD, encoding="utf-8")
    return path


def run(capsys, *args):
    code = main([str(a) for a in args])
    out, err = capsys.readouterr()
    assert "Traceback" not in err
    return code, out, err


def letopis(*args, **kwargs) -> subprocess.CompletedProcess:
    env = {**os.environ, "PYTHONPATH": str(Path(__file__).parents[1] / "src")}
    kwargs.setdefault("stdout", subprocess.PIPE)
    kwargs.setdefault("stderr", subprocess.PIPE)
    return subprocess.run([sys.executable, "-m", "letopis", *map(str, args)], env=env, timeout=300, **kwargs)


# What each kind of target is taken for; writing is decided from this alone, so the
# real devices are only ever written after this check passed.
@pytest.mark.parametrize("name, kind", [
    ("-", "fd"),
    ("/dev/stdout", "fd"),
    ("/dev/stderr", "fd"),
    ("/dev/fd/1", "fd"),
    ("/dev/null", "special"),
    ("/dev/full", "special"),
])
def test_standard_streams_and_devices_are_written_in_place(name, kind):
    if not os.path.exists(name) and name != "-":
        pytest.skip(f"{name} missing here")
    assert _kind(name) == kind


def test_dev_null_stays_a_device(capsys, good):
    assert _kind("/dev/null") == "special"  # guard: never run the write if it would replace it
    code, out, _ = run(capsys, "extract", good, "-o", "/dev/null", "-q")
    assert code == EXIT_OK and out == ""
    assert stat.S_ISCHR(os.stat("/dev/null").st_mode)


def test_dev_stdout_writes_to_standard_output(good):
    assert _kind("/dev/stdout") == "fd"
    result = letopis("extract", good, "-o", "/dev/stdout", "-q")
    assert result.returncode == EXIT_OK, result.stderr
    assert json.loads(result.stdout)["documents"][0]["length"] == len(GOOD)
    assert os.path.islink("/dev/stdout") or stat.S_ISCHR(os.stat("/dev/stdout").st_mode)


def test_dev_stdout_redirected_to_a_file_appends_rather_than_truncates(good, tmp_path):
    log = tmp_path / "log.txt"
    log.write_text("before\n", encoding="utf-8")
    with open(log, "a", encoding="utf-8") as out:
        result = letopis("extract", good, "-o", "/dev/stdout", "-q", stdout=out, stderr=subprocess.PIPE)
    assert result.returncode == EXIT_OK
    text = log.read_text(encoding="utf-8")
    assert text.startswith("before\n") and '"schema"' in text


def test_fifo_is_written_not_replaced(capsys, good, tmp_path):
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    got: list[bytes] = []
    reader = threading.Thread(target=lambda: got.append(fifo.read_bytes()), daemon=True)
    reader.start()
    code, _, _ = run(capsys, "extract", good, "-o", fifo, "-q")
    reader.join(60)
    assert code == EXIT_OK
    assert stat.S_ISFIFO(os.lstat(fifo).st_mode)
    assert json.loads(got[0])["documents"][0]["length"] == len(GOOD)


def test_link_to_a_file_is_refused_and_both_are_left_alone(capsys, good, tmp_path):
    real = tmp_path / "real.json"
    real.write_text("{}", encoding="utf-8")
    link = tmp_path / "link.json"
    link.symlink_to(real)
    code, _, err = run(capsys, "extract", good, "-o", link)
    assert code == EXIT_FAILED
    assert "symbolic link" in err and err.count("\n") == 1
    assert link.is_symlink() and real.read_text(encoding="utf-8") == "{}"


def test_link_to_a_device_writes_the_device(capsys, good, tmp_path):
    link = tmp_path / "sink"
    link.symlink_to("/dev/null")
    assert _kind(str(link)) == "special"
    code, _, _ = run(capsys, "extract", good, "-o", link, "-q")
    assert code == EXIT_OK and link.is_symlink()


def test_new_file_follows_the_umask(tmp_path):
    old = os.umask(0o027)
    try:
        write_atomically("x", tmp_path / "new.json")
    finally:
        os.umask(old)
    assert stat.S_IMODE(os.stat(tmp_path / "new.json").st_mode) == 0o640


def test_export_file_is_not_private_under_the_usual_umask(tmp_path):
    old = os.umask(0o022)
    try:
        write_atomically("x", tmp_path / "timeline.json")
    finally:
        os.umask(old)
    assert stat.S_IMODE(os.stat(tmp_path / "timeline.json").st_mode) == 0o644


def test_existing_file_keeps_its_mode(tmp_path):
    target = tmp_path / "kept.json"
    target.write_text("old", encoding="utf-8")
    os.chmod(target, 0o604)
    write_atomically("new", target)
    assert target.read_text(encoding="utf-8") == "new"
    assert stat.S_IMODE(os.stat(target).st_mode) == 0o604


def test_csv_zip_export_is_not_private(tmp_path, example_chronology):
    from letopis.export.tables import write_zip

    old = os.umask(0o022)
    try:
        write_zip(example_chronology.to_dict(), tmp_path / "tables.zip")
    finally:
        os.umask(old)
    assert stat.S_IMODE(os.stat(tmp_path / "tables.zip").st_mode) == 0o644


def _unwritable_folder(tmp_path: Path) -> Path:
    """A folder this user cannot write in: a read-only folder, or /proc for root."""
    if ROOT:
        return Path("/proc")
    folder = tmp_path / "ro"
    folder.mkdir()
    folder.chmod(0o555)
    return folder


def test_unwritable_folder_is_refused_before_the_analysis(capsys, tmp_path):
    target = _unwritable_folder(tmp_path) / "out.json"
    # The input does not exist: had the analysis started, its error would be reported too.
    code, _, err = run(capsys, "extract", tmp_path / "missing.txt", "-o", target)
    assert code == EXIT_FAILED
    assert "cannot write in folder" in err and "missing.txt" not in err
    with pytest.raises(OutputError):
        check_target(target)


def test_full_disk_on_stdout_is_one_line(good):
    if not os.path.exists("/dev/full"):
        pytest.skip("no /dev/full")
    with open("/dev/full", "w") as full:
        result = letopis("extract", good, "-q", stdout=full, stderr=subprocess.PIPE)
    err = result.stderr.decode()
    assert result.returncode == EXIT_FAILED
    assert "disk is full" in err and "Traceback" not in err and "Exception ignored" not in err


def test_full_disk_on_output_file_is_one_line(capsys, good):
    if not os.path.exists("/dev/full"):
        pytest.skip("no /dev/full")
    code, _, err = run(capsys, "extract", good, "-o", "/dev/full", "-q")
    assert code == EXIT_FAILED and "disk is full" in err
    assert stat.S_ISCHR(os.stat("/dev/full").st_mode)


def test_jsonl_stream_to_a_fifo(capsys, good, tmp_path):
    fifo = tmp_path / "pipe.jsonl"
    os.mkfifo(fifo)
    got: list[bytes] = []
    reader = threading.Thread(target=lambda: got.append(fifo.read_bytes()), daemon=True)
    reader.start()
    code, _, _ = run(capsys, "extract", good, good, "-o", fifo, "-f", "jsonl", "-q", "-j", "1")
    reader.join(60)
    assert code == EXIT_OK and stat.S_ISFIFO(os.lstat(fifo).st_mode)
    assert len(got[0].splitlines()) == 2
