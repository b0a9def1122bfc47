"""Schema migrations: applied in order, versioned, each all or nothing."""

from __future__ import annotations

import sqlite3

import pytest

from letopis.errors import LetopisError, StoreError
from letopis.store import migrations, open_store


def test_a_new_corpus_has_every_migration(tmp_path):
    with open_store(tmp_path / "c.db") as store:
        assert store.stats()["schema_version"] == migrations.latest_version() == migrations.MIGRATIONS[-1].version
        assert store.connection.execute("PRAGMA journal_mode").fetchone()[0] == "wal"


def test_an_old_corpus_is_upgraded_and_its_rows_backfilled(tmp_path, analysed, monkeypatch):
    """A corpus stored before migration 2 gains events.sentence_row from its search rows."""
    path = tmp_path / "c.db"
    with open_store(path) as store:
        store.add_document(analysed[3].source, analysed[3].text, analysed[3].chronology)
        expected = [e["id"] for e in store.events(search="забастовка")]
    assert expected
    monkeypatch.setattr(migrations, "MIGRATIONS", migrations.MIGRATIONS[:2])  # as if later ones were not written yet
    raw = sqlite3.connect(path)  # make it a version-1 corpus again
    raw.executescript("DROP INDEX events_sentence_row; ALTER TABLE events DROP COLUMN sentence_row; "
                      "PRAGMA user_version = 1;")
    raw.close()
    with pytest.raises(LetopisError, match="older schema"):
        open_store(path, readonly=True)
    with open_store(path) as store:
        assert store.stats()["schema_version"] == 2
        assert [e["id"] for e in store.events(search="забастовка")] == expected


def test_a_failing_migration_leaves_the_previous_version(tmp_path, monkeypatch):
    path = tmp_path / "c.db"
    open_store(path).close()
    broken = migrations.Migration(migrations.latest_version() + 1, "fails half way",
                                  "CREATE TABLE half_done (a); INSERT INTO no_such_table VALUES (1);")
    monkeypatch.setattr(migrations, "MIGRATIONS", [*migrations.MIGRATIONS, broken])
    with pytest.raises(StoreError, match="no_such_table"):  # one line, never SQLite's traceback
        open_store(path)
    raw = sqlite3.connect(path)
    assert raw.execute("PRAGMA user_version").fetchone()[0] == broken.version - 1
    assert raw.execute("SELECT count(*) FROM sqlite_master WHERE name = 'half_done'").fetchone()[0] == 0
    raw.close()


def test_an_appended_migration_runs_once(tmp_path, monkeypatch):
    runs = []

    def add_table(connection):
        runs.append(1)
        connection.execute("CREATE TABLE merge_clusters (entity TEXT, cluster TEXT)")

    version = migrations.latest_version() + 1
    monkeypatch.setattr(migrations, "MIGRATIONS", [*migrations.MIGRATIONS, migrations.Migration(version, "x", add_table)])
    for _ in range(2):
        with open_store(tmp_path / "c.db") as store:
            assert store.stats()["schema_version"] == version
            store.connection.execute("SELECT count(*) FROM merge_clusters").fetchone()
    assert runs == [1]


def test_a_corpus_from_a_newer_letopis_is_refused(tmp_path):
    path = tmp_path / "c.db"
    open_store(path).close()
    raw = sqlite3.connect(path)
    raw.execute(f"PRAGMA user_version = {migrations.latest_version() + 5}")
    raw.close()
    with pytest.raises(LetopisError, match="newer"):
        open_store(path)


def test_versions_must_increase(monkeypatch, tmp_path):
    monkeypatch.setattr(migrations, "MIGRATIONS", [*migrations.MIGRATIONS, migrations.MIGRATIONS[0]])
    with pytest.raises(LetopisError, match="increasing"):
        open_store(tmp_path / "c.db")


@pytest.mark.parametrize("script, count", [
    ("CREATE TABLE a (x);\nCREATE TABLE b (y);", 2),
    ("CREATE TRIGGER t AFTER INSERT ON a BEGIN\n  INSERT INTO b VALUES (1);\nEND;\n-- done\n", 1),
])
def test_split_sql(script, count):
    assert len(migrations.split_sql(script)) == count
