"""The Dask engine gives what the local engine gives."""

from __future__ import annotations

import json

import pytest
from conftest import ACCOUNTS

from letopis.cli import EXIT_OK, EXIT_SOME_FAILED, EXIT_USAGE, main
from letopis.parallel import Settings, analyse_files

distributed = pytest.importorskip("distributed")
dask_bag = pytest.importorskip("dask.bag")


@pytest.fixture(scope="module")
def client():
    """One worker thread in this process: the models are already loaded here."""
    cluster = distributed.LocalCluster(n_workers=1, threads_per_worker=1, processes=False, dashboard_address=None)
    client = distributed.Client(cluster)
    yield client
    client.close()
    cluster.close()


def test_dask_outcomes_equal_the_local_ones(client, accounts, empty):
    from letopis.engines import dask

    inputs = [str(accounts[0]), str(empty), str(accounts[1])]
    remote = list(dask.analyse_files(inputs, client=client, settings=Settings(keep_docs=True)))
    local = list(analyse_files(inputs, jobs=1))
    assert [o.name for o in remote] == inputs
    assert [(o.chronology, o.error) for o in remote] == [(o.chronology, o.error) for o in local]
    assert remote[0].doc is not None and remote[0].doc.events


def test_a_bag_of_texts_gives_the_chronologies_of_the_texts(client, analyse):
    from letopis.chronology import build
    from letopis.engines.dask import analyse_bag

    bag = dask_bag.from_sequence([("first", ACCOUNTS[1]), ("second", ACCOUNTS[2]), ("blank", "  ")], npartitions=2)
    first, second, blank = analyse_bag(bag).compute()
    assert first == build([analyse(ACCOUNTS[1], source="first")]).to_dict()
    assert second["documents"][0]["source"] == "second" and second["events"]
    assert blank["source"] == "blank" and blank["error"]


@pytest.mark.slow
def test_extract_on_a_local_cluster_prints_what_the_local_engine_prints(capsys, accounts, empty):
    inputs = [str(p) for p in (accounts[0], empty, *accounts[1:])]
    code, out, _ = _run(capsys, "extract", *inputs, "--engine", "dask", "--scheduler", "local", "--jobs", "2", "-q")
    local_code, local_out, _ = _run(capsys, "extract", *inputs, "--jobs", "1", "-q")
    assert code == local_code == EXIT_SOME_FAILED
    assert out == local_out and json.loads(out)["documents"]


def test_scheduler_is_required_with_the_dask_engine(capsys, accounts):
    code, out, err = _run(capsys, "extract", str(accounts[0]), "--engine", "dask")
    assert code == EXIT_USAGE and out == "" and "--scheduler" in err


def _run(capsys, *args):
    code = main(list(args))
    out, err = capsys.readouterr()
    assert "Traceback" not in err
    return code, out, err
