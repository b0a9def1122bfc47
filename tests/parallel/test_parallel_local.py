"""The local process pool: input order, bad files, workers that die, and --jobs 2 == --jobs 1."""

from __future__ import annotations

import json
import multiprocessing
import os
import signal
import threading
import time
from pathlib import Path

import pytest
from conftest import ACCOUNTS
from contract import check_contract

from letopis.chronology import build
from letopis.cli import EXIT_SOME_FAILED, main
from letopis.parallel import analyse_files, relabel


def _workers() -> list[multiprocessing.Process]:
    return [p for p in multiprocessing.active_children() if p.name == "letopis-worker"]


def test_outcomes_keep_input_order_and_a_bad_file_is_reported(accounts, empty):
    inputs = [str(p) for p in (accounts[0], empty, accounts[1], accounts[2], accounts[3])]
    pooled = list(analyse_files(inputs, jobs=2))
    assert [o.name for o in pooled] == inputs
    assert [o.ok for o in pooled] == [True, False, True, True, True]
    assert "empty.txt" in pooled[1].error and "empty" in pooled[1].error.lower()
    for outcome in pooled:
        if outcome.ok:
            assert outcome.chronology["documents"][0]["source"] == outcome.name
            assert outcome.chronology["events"], outcome.name
    serial = list(analyse_files(inputs, jobs=1))
    assert [(o.chronology, o.error, o.text) for o in pooled] == [(o.chronology, o.error, o.text) for o in serial]


def test_inputs_are_taken_a_few_at_a_time_and_workers_stop_with_the_stream(accounts):
    taken = []

    def inputs():
        for number in range(200):
            taken.append(number)
            yield str(accounts[number % len(accounts)])

    stream = analyse_files(inputs(), jobs=2)
    first = next(stream)
    assert first.ok and first.name == str(accounts[0])
    assert len(taken) <= 5, "at most two documents per worker are in flight"
    stream.close()
    assert not _workers()


def _reader_of(fifo: Path) -> int | None:
    """The pid of the worker that has `fifo` open."""
    for worker in _workers():
        try:
            fds = os.listdir(f"/proc/{worker.pid}/fd")
            if any(os.readlink(f"/proc/{worker.pid}/fd/{fd}") == str(fifo) for fd in fds):
                return worker.pid
        except OSError:
            continue
    return None


def _dead(pid: int) -> bool:
    try:
        with open(f"/proc/{pid}/stat") as stat:
            return stat.read().rsplit(")", 1)[1].split()[0] in ("Z", "X")
    except FileNotFoundError:
        return True


class FifoKiller(threading.Thread):
    """Kills with SIGKILL each worker that opens `fifo` to read its document, while it reads.

    Before each kill the path is given a new FIFO (so the retry waits for this thread,
    not for the dead worker's pipe) or, once `kills` workers are dead and `text` is given,
    a plain file holding `text`, which the retry then analyses."""

    def __init__(self, fifo: Path, kills: int, text: str | None = None):
        super().__init__(daemon=True)
        self.fifo, self.kills, self.text = fifo, kills, text
        self.killed: list[int] = []
        self.done = threading.Event()

    def _writer(self) -> int | None:
        while not self.done.is_set():
            try:
                return os.open(self.fifo, os.O_WRONLY | os.O_NONBLOCK)  # fails until a reader opens it
            except OSError:
                time.sleep(0.02)
        return None

    def _replace_path(self) -> None:
        fresh = self.fifo.with_name(self.fifo.name + ".new")
        if len(self.killed) + 1 >= self.kills and self.text is not None:
            fresh.write_text(self.text, encoding="utf-8")
        else:
            os.mkfifo(fresh)
        os.replace(fresh, self.fifo)

    def run(self) -> None:
        while (fd := self._writer()) is not None:
            pid = None
            while pid is None and not self.done.is_set():
                pid = _reader_of(self.fifo)
                time.sleep(0 if pid else 0.005)
            if pid is not None:
                self._replace_path()
                os.kill(pid, signal.SIGKILL)
                self.killed.append(pid)
                while not _dead(pid):
                    time.sleep(0.01)
            os.close(fd)
            if not self.fifo.is_fifo():
                return  # the retry reads the text from a plain file


@pytest.fixture
def fifo(tmp_path: Path) -> Path:
    path = tmp_path / "pipe.txt"
    os.mkfifo(path)
    return path


def _run_with_killer(inputs: list[str], killer: FifoKiller) -> list:
    killer.start()
    try:
        return list(analyse_files(inputs, jobs=2))
    finally:
        killer.done.set()
        killer.join(timeout=5)


def test_a_worker_killed_holding_a_document_loses_nothing(accounts, fifo):
    inputs = [str(accounts[0]), str(accounts[1]), str(fifo), str(accounts[2]), str(accounts[3])]
    killer = FifoKiller(fifo, kills=1, text=ACCOUNTS[1])
    outcomes = _run_with_killer(inputs, killer)
    assert len(killer.killed) == 1
    assert [o.name for o in outcomes] == inputs
    assert all(o.ok for o in outcomes), [o.error for o in outcomes]
    # The document the dead worker held was analysed again, in full, on a fresh worker.
    assert outcomes[2].chronology["events"] == outcomes[1].chronology["events"]
    serial = list(analyse_files([inputs[i] for i in (0, 1, 3, 4)], jobs=1))
    assert [o.chronology for o in serial] == [outcomes[i].chronology for i in (0, 1, 3, 4)]


def test_a_document_that_kills_its_worker_twice_is_reported_and_the_rest_go_on(accounts, fifo):
    inputs = [str(accounts[0]), str(fifo), str(accounts[1]), str(accounts[2])]
    killer = FifoKiller(fifo, kills=5)
    outcomes = _run_with_killer(inputs, killer)
    assert len(killer.killed) == 2, "tried once more, then reported"
    assert [o.ok for o in outcomes] == [True, False, True, True]
    assert "pipe.txt" in outcomes[1].error and "died twice" in outcomes[1].error and "SIGKILL" in outcomes[1].error
    serial = list(analyse_files([inputs[i] for i in (0, 2, 3)], jobs=1))
    assert [o.chronology for o in serial] == [outcomes[i].chronology for i in (0, 2, 3)]


def test_relabel_renames_a_document_everywhere(analyse):
    text = ACCOUNTS[0]  # «Генерал ...»: an entity attribute quotes its document
    renamed = build([relabel(analyse(text, doc_id="d1"), "d2")]).to_dict()
    direct = build([analyse(text, doc_id="d2")]).to_dict()
    assert any("title_mentions" in e["attributes"] for e in direct["entities"])
    assert renamed == direct


def run_cli(capsys, *args) -> tuple[int, str, str]:
    code = main([str(a) for a in args])
    out, err = capsys.readouterr()
    assert "Traceback" not in err
    return code, out, err


def test_extract_jobs_2_prints_what_jobs_1_prints(capsys, accounts, empty):
    inputs = [accounts[0], accounts[1], empty, accounts[2], accounts[3]]
    code1, out1, err1 = run_cli(capsys, "extract", *inputs, "--jobs", "1", "-q")
    code2, out2, err2 = run_cli(capsys, "extract", *inputs, "--jobs", "2", "-q")
    assert code1 == code2 == EXIT_SOME_FAILED
    assert out2 == out1 and err2 == err1
    data = json.loads(out2)
    check_contract(data, {f"d{n}": text for n, text in enumerate(ACCOUNTS, 1)})
    assert [d["source"] for d in data["documents"]] == [str(p) for p in accounts]
    # One chronology: entities unified across documents (Наполеон is named in three of them).
    napoleon = [e for e in data["entities"] if e["name"] == "Наполеон"]
    assert len(napoleon) == 1 and {m["doc"] for m in napoleon[0]["mentions"]} == {"d1", "d3", "d4"}

