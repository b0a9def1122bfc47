"""Date filters over events before our era and after it: the store compares day numbers
(`time.calendar`), and a corpus stored with the old year*10000 keys is migrated to them."""

from __future__ import annotations

import sqlite3

import pytest

from letopis.errors import LetopisError
from letopis.store import migrations, open_store
from letopis.time.calendar import day_number

TEXT = ("15 марта 44 года до н. э. в Риме был убит Гай Юлий Цезарь. "
        "19 августа 1944 года в Париже началось восстание.")

# (--from, --to, triggers of the events in range)
RANGES = [
    ("-0052-01-01", "-0043-12-31", ["убит"]),
    ("-0043-03-15", "-0043-03-15", ["убит"]),
    ("-0043-03-16", "1944-08-18", []),
    ("-0044-01-01", "1944-12-31", ["убит", "восстание"]),
    ("0001-01-01", "1944-12-31", ["восстание"]),
    ("-9999-01-01", "-0044-12-31", []),
]


@pytest.fixture(scope="module")
def chronology() -> dict:
    import letopis
    from letopis.chronology import build

    return build([letopis.analyse(TEXT, source="caesar.txt")]).to_dict()


@pytest.fixture
def corpus(tmp_path, chronology):
    with open_store(tmp_path / "c.db") as store:
        store.add_document("caesar.txt", TEXT, chronology)
        yield store


def _triggers(store, date_from: str, date_to: str) -> list[str]:
    return [e["trigger"]["text"] for e in store.events(date_from=date_from, date_to=date_to)]


@pytest.mark.parametrize("date_from, date_to, triggers", RANGES)
def test_events_within_a_range_of_days_bc_included(corpus, date_from, date_to, triggers):
    assert _triggers(corpus, date_from, date_to) == triggers


def test_events_come_bc_first(corpus):
    dated = [e["trigger"]["text"] for e in corpus.events() if e["time"]["earliest"]]
    assert dated[:2] == ["убит", "восстание"]


@pytest.mark.parametrize("bad", ["-44-03-15", "-0043-02-30", "44 до н. э."])
def test_a_bad_date_is_one_clear_error(corpus, bad):
    with pytest.raises(LetopisError, match="YYYY-MM-DD"):
        corpus.events(date_from=bad)


def test_a_corpus_with_the_old_keys_is_migrated_to_day_numbers(tmp_path, chronology):
    path = tmp_path / "old.db"
    with open_store(path) as store:
        store.add_document("caesar.txt", TEXT, chronology)
    raw = sqlite3.connect(path)  # the keys as version 3 wrote them: year * 10000 + month * 100 + day
    raw.execute("UPDATE events SET earliest_key = -430315, latest_key = -430315, sort_key = -430315 "
                "WHERE earliest = '-0043-03-15'")
    raw.execute("UPDATE events SET earliest_key = 19440819, sort_key = 19440819 WHERE earliest = '1944-08-19'")
    raw.execute("PRAGMA user_version = 3")
    raw.commit()
    raw.close()
    with open_store(path) as store:
        assert store.stats()["schema_version"] == migrations.latest_version()
        keys = store.connection.execute("SELECT earliest, earliest_key FROM events WHERE earliest IS NOT NULL").fetchall()
        assert keys and all(key == day_number(day) for day, key in keys)
        for date_from, date_to, triggers in RANGES:
            assert _triggers(store, date_from, date_to) == triggers


@pytest.mark.parametrize("date_from, date_to, triggers", RANGES)
def test_the_events_command_takes_bc_dates(capsys, tmp_path, chronology, date_from, date_to, triggers):
    import json

    from letopis.cli import main

    path = tmp_path / "c.db"
    with open_store(path) as store:
        store.add_document("caesar.txt", TEXT, chronology)
    code = main(["events", "--db", str(path), "--from", date_from, "--to", date_to, "-f", "json"])
    out, err = capsys.readouterr()
    assert code == 0, err
    assert [e["trigger"]["text"] for e in json.loads(out)] == triggers
