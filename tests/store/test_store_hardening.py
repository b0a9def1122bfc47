"""The store faces files it did not make and failures of the disk: one line, nothing changed.

Each test is a case from the hardening review (issue 22), named after it.
"""

from __future__ import annotations

import sqlite3
import threading

import pytest

from letopis.cli import main
from letopis.errors import StoreError
from letopis.store import migrations, open_store
from letopis.store import sqlite as store_sqlite


def _tables_and_mode(path) -> tuple[list[str], str]:
    raw = sqlite3.connect(path)
    try:
        tables = sorted(row[0] for row in raw.execute("SELECT name FROM sqlite_master"))
        return tables, raw.execute("PRAGMA journal_mode").fetchone()[0]
    finally:
        raw.close()


def _foreign(path, with_documents: bool) -> None:
    raw = sqlite3.connect(path)
    if with_documents:  # another program's table of the same name
        raw.execute("CREATE TABLE documents (title TEXT, body TEXT)")
        raw.execute("INSERT INTO documents VALUES ('Опись', 'Книга первая')")
    else:
        raw.execute("CREATE TABLE книги (название TEXT)")
    raw.execute("PRAGMA user_version = 3")
    raw.commit()
    raw.close()


@pytest.mark.parametrize("with_documents", [False, True], ids=["other-tables", "own-documents-table"])
@pytest.mark.parametrize("command", [["events"], ["entities"], ["conflicts"], ["merge", "--list"],
                                     ["export", "-f", "csv", "-o", "OUT", "--corpus"]])
def test_a_foreign_sqlite_file_is_refused_and_left_as_it_was(tmp_path, capsys, command, with_documents):
    path = tmp_path / "someone-else.db"
    _foreign(path, with_documents)
    before = _tables_and_mode(path)
    code = main([*[str(tmp_path / "out.csv") if word == "OUT" else word for word in command], "--db", str(path)])
    err = capsys.readouterr().err
    assert code != 0 and "not a letopis corpus" in err
    assert "Traceback" not in err and len(err.strip().splitlines()) == 1
    assert _tables_and_mode(path) == before  # no table added, not switched to WAL


def test_a_foreign_sqlite_file_is_refused_by_ingest_before_any_analysis(tmp_path, capsys, monkeypatch):
    from letopis import parallel

    path = tmp_path / "someone-else.db"
    _foreign(path, True)
    text = tmp_path / "t.txt"
    text.write_text("В 1812 году Наполеон вошёл в Москву.", encoding="utf-8")
    monkeypatch.setattr(parallel, "analyse_files", lambda *a, **k: pytest.fail("analysed before the store was checked"))
    code = main(["ingest", str(text), "--db", str(path), "-q"])
    assert code != 0 and "not a letopis corpus" in capsys.readouterr().err
    assert _tables_and_mode(path) == (["documents"], "delete")


@pytest.mark.parametrize("command", [["events"], ["entities"], ["conflicts"], ["merge", "--list"],
                                     ["export", "-f", "csv", "-o", "OUT"], ["serve", "--port", "0"],
                                     ["serve", "--port", "0", "--writable"]])
def test_a_newer_schema_is_refused_by_every_command(tmp_path, capsys, command):
    path = tmp_path / "future.db"
    open_store(path).close()
    raw = sqlite3.connect(path)
    raw.execute(f"PRAGMA user_version = {migrations.latest_version() + 1}")
    raw.close()
    code = main([*[str(tmp_path / "out.csv") if word == "OUT" else word for word in command], "--db", str(path)])
    err = capsys.readouterr().err
    assert code != 0 and "newer than this letopis" in err and "upgrade letopis" in err
    assert "Traceback" not in err and len(err.strip().splitlines()) == 1


@pytest.mark.parametrize("readonly", [True, False], ids=["read", "write"])
def test_a_corrupt_database_is_one_line_that_says_what_to_do(tmp_path, store, readonly):
    path = tmp_path / "corpus.db"
    store.close()
    raw = sqlite3.connect(path)
    raw.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    raw.close()
    data = bytearray(path.read_bytes())
    data[4096:4096 * 4] = b"\xa5" * (4096 * 3)  # pages 2-4 overwritten: the schema is intact, the tables are not
    path.write_bytes(bytes(data))
    with pytest.raises(StoreError, match="damaged.*restore it from a copy"):
        corpus = open_store(path, readonly=readonly)
        corpus.documents()
        corpus.events()
        corpus.search("Париж")


def test_a_lock_held_longer_than_the_wait_is_one_line(tmp_path, store, analysed, monkeypatch):
    monkeypatch.setattr(store_sqlite, "BUSY_MS", 50)
    holder = sqlite3.connect(tmp_path / "corpus.db", isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")  # another process writing, for longer than the wait
    try:
        with pytest.raises(StoreError, match="locked by another process.*run the command again"):
            open_store(tmp_path / "corpus.db")
    finally:
        holder.execute("ROLLBACK")
        holder.close()


def test_a_full_disk_is_one_line_and_stores_nothing(tmp_path, analysed):
    path = tmp_path / "small.db"
    with open_store(path) as corpus:
        pages = corpus.connection.execute("PRAGMA page_count").fetchone()[0]
        corpus.connection.execute(f"PRAGMA max_page_count = {pages + 2}")  # the disk fills during the write
        with pytest.raises(StoreError, match="disk is full; free some space"):
            corpus.add_document(analysed[0].source, analysed[0].text, analysed[0].chronology)
    with open_store(path, readonly=True) as corpus:
        assert corpus.documents() == []


def test_a_read_only_database_is_refused_before_ingest_analyses(tmp_path, capsys, monkeypatch, analysed):
    """Opening for writing probes the file first, so minutes of analysis are never thrown away
    because the write at the end fails."""
    path = tmp_path / "corpus.db"
    open_store(path).close()
    real = sqlite3.connect

    def read_only(database, *args, **kwargs):  # what SQLite says of a file it may not write (root ignores chmod)
        return real(f"file:{database}?mode=ro", *args, **{**kwargs, "uri": True})

    monkeypatch.setattr(store_sqlite.sqlite3, "connect", read_only)
    from letopis import parallel

    monkeypatch.setattr(parallel, "analyse_files", lambda *a, **k: pytest.fail("analysed before the store was checked"))
    code = main(["ingest", str(analysed[1].path), "--db", str(path), "-q"])
    err = capsys.readouterr().err
    assert code != 0 and "read-only" in err and "Traceback" not in err


def test_an_ingest_stops_at_the_first_failed_write(tmp_path, capsys, monkeypatch, analyse_once, analysed, texts_dir):
    path = tmp_path / "corpus.db"
    open_store(path).close()

    def full(self, *args, **kwargs):
        raise StoreError(f"the corpus at {self.path} cannot be written: the disk is full; free some space")

    monkeypatch.setattr(store_sqlite.SqliteStore, "store_document", full)
    code = main(["ingest", *sorted(str(p) for p in texts_dir.iterdir()), "--db", str(path), "-q"])
    err = capsys.readouterr().err
    assert code != 0 and "disk is full" in err and "run the same command again to resume" in err
    assert len(err.strip().splitlines()) == 1


def test_a_corpus_in_a_read_only_folder_can_be_viewed(tmp_path, store, monkeypatch):
    """On a read-only medium SQLite cannot make the -shm file a WAL reader needs, so the store
    reads the file as immutable and makes nothing beside it (the medium is simulated: the
    tests run as root, who may write anywhere)."""
    path = tmp_path / "corpus.db"
    expected = store.documents()
    store.close()  # the last writer removes -wal and -shm
    assert not (tmp_path / "corpus.db-shm").exists()
    monkeypatch.setattr(store_sqlite, "_on_read_only_medium", lambda path: True)
    with open_store(path, readonly=True) as corpus:
        assert corpus.documents() == expected and corpus.search("Париж")
        assert not (tmp_path / "corpus.db-shm").exists()
    monkeypatch.setattr(store_sqlite, "_on_read_only_medium", lambda path: False)
    with open_store(path, readonly=True) as corpus:  # elsewhere a reader makes it, as it should
        assert corpus.documents() == expected
        assert (tmp_path / "corpus.db-shm").exists()


def test_two_ingests_of_the_same_text_add_it_once(tmp_path, analysed):
    """Two processes that both found the text absent: one adds it, the other learns it was added."""
    path = tmp_path / "corpus.db"
    open_store(path).close()
    doc = analysed[1]
    results: list[tuple[str, bool]] = []
    barrier = threading.Barrier(2)

    def ingest() -> None:
        with open_store(path) as corpus:
            assert not corpus.has_document(doc.chronology["documents"][0]["sha256"])
            barrier.wait()
            results.append(corpus.store_document(doc.source, doc.text, doc.chronology))

    threads = [threading.Thread(target=ingest) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sorted(added for _, added in results) == [False, True]
    assert results[0][0] == results[1][0]
    with open_store(path, readonly=True) as corpus:
        assert len(corpus.documents()) == 1


def test_a_search_snippet_in_a_740000_character_document_is_cut_from_a_window(monkeypatch):
    """The snippet's cost does not grow with the document: only the words of a window
    around the first likely match are lemmatised (31 s of CPU per request before)."""
    from letopis.store import text as store_text

    filler = "Летописец записал, что зима выдалась снежной и долгой, а весна пришла поздно. "
    text = filler * 4800 + "В том году князь заложил новую крепость на берегу реки. " + filler * 4800
    assert len(text) > 740_000
    calls = []
    real = store_text.word_lemmas
    monkeypatch.setattr(store_text, "word_lemmas", lambda word: calls.append(word) or real(word))
    hit = store_text.document_snippet(text, "крепости")
    assert "[крепость]" in hit["snippet"] and hit["snippet"].startswith("…") and hit["snippet"].endswith("…")
    assert text[hit["start"]:hit["end"]] == hit["text"]
    assert len(calls) < 1000  # the whole document has over 100,000 words


def test_a_damaged_json_record_is_one_line(tmp_path, store):
    """Found by the store fuzzer (test_store_fuzz.py): one flipped byte inside an event's JSON
    gave a raw json.JSONDecodeError traceback."""
    path = tmp_path / "corpus.db"
    store.close()
    raw = sqlite3.connect(path)
    raw.execute("UPDATE events SET data = substr(data, 1, 40) || ',,' || substr(data, 41) WHERE rowid = "
                "(SELECT min(rowid) FROM events)")
    raw.commit()
    raw.close()
    with open_store(path, readonly=True) as corpus:
        with pytest.raises(StoreError, match="damaged.*not valid JSON.*restore it from a copy"):
            corpus.events()


def test_an_event_whose_document_is_gone_is_one_line(tmp_path, store):
    """Found by the store fuzzer: a damaged index hid an event's document row, and reading
    the event gave a raw TypeError. A failed read now asks SQLite whether the file is sound."""
    path = tmp_path / "corpus.db"
    event_id = store.events(limit=1)[0]["id"]
    store.close()
    raw = sqlite3.connect(path)
    raw.execute("PRAGMA foreign_keys = OFF")
    raw.execute("DELETE FROM documents WHERE id = ?", (event_id.split(".")[0],))
    raw.commit()
    raw.close()
    with open_store(path, readonly=True) as corpus:
        with pytest.raises(StoreError, match="damaged.*refers to a missing row of documents.*restore it"):
            corpus.event(event_id)


def test_a_record_that_cannot_be_read_in_a_sound_file_is_not_called_damage(store, monkeypatch):
    """Found by the store fuzzer: a flipped byte that leaves an event's JSON valid but without
    its `start` (KeyError). SQLite finds the file sound, so the line names both causes, and
    the original error stays attached for a bug report."""
    from letopis.store import sqlite as module

    monkeypatch.setattr(module, "assemble_events", lambda *a: [][0])
    with pytest.raises(StoreError, match="holds a record this letopis cannot read.*restore it.*report this as a bug") as caught:
        store.events()
    assert isinstance(caught.value.__cause__, IndexError) and "is damaged" not in str(caught.value)
