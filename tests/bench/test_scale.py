"""Fast checks of the scale benchmark's own logic: documents, process memory, timing, tables."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from argparse import Namespace
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from bench import scale  # noqa: E402
from bench.datasets import DATA  # noqa: E402

needs_data = pytest.mark.skipif(not (DATA / "nerel").is_dir(), reason="shared data absent")


def test_repeated_cycles_in_order() -> None:
    assert scale.repeated(["a", "b", "c"], 7) == ["a", "b", "c", "a", "b", "c", "a"]
    assert scale.repeated(["a"], 0) == []
    assert scale.repeated([], 3) == []


@pytest.mark.parametrize("size", [1, 40, 100, 1000])
def test_text_of_size_stays_within_the_size(size: int) -> None:
    texts = ["Москва — столица России.", "В 1812 году армия вошла в город."]
    text = scale.text_of_size(texts, size)
    assert len(text.encode("utf-8")) <= size
    if size >= 100:
        assert "\n\n" in text  # texts joined by blank lines
        assert len(text.encode("utf-8")) > size - 40  # cut at the last space, not far before
    if size >= 1000:  # long enough to need the texts again
        assert text.count("Москва") >= 2


def test_text_of_size_never_splits_a_character() -> None:
    text = scale.text_of_size(["ёёёёёёёёёё"], 7)  # two bytes a letter: 7 bytes hold three letters
    assert text == "ёёё"


def test_tree_follows_parent_links() -> None:
    links = {1: 0, 10: 1, 11: 10, 12: 10, 20: 1, 30: 2}
    assert scale.tree(10, links) == [10, 11, 12]
    assert scale.tree(1, links) == [1, 10, 11, 12, 20]
    assert scale.tree(99, links) == [99]


def test_proc_status_reads_this_process() -> None:
    status = scale.proc_status(os.getpid())
    assert status["VmRSS"] > 1000 and status["VmHWM"] >= status["VmRSS"]
    assert scale.proc_status(2**31 - 1) == {}  # no such process


def test_sampler_sees_a_child_process() -> None:
    child = subprocess.Popen([sys.executable, "-c", "import time; x = bytearray(60_000_000); time.sleep(2)"])
    try:
        time.sleep(0.8)  # let the child allocate its memory
        sampler = scale.Sampler(interval=0.1, done=lambda: 5)
        with sampler:
            time.sleep(0.3)
    finally:
        child.wait()
    assert child.pid in sampler.peaks and os.getpid() in sampler.peaks
    assert sampler.peaks[child.pid] > 50_000  # kB: the child's 60 MB
    assert sampler.samples and all(docs == 5 for _, docs, _ in sampler.samples)


def test_flatness_compares_the_first_warm_sample_with_the_last() -> None:
    samples = [(0.0, 0, 100), (1.0, 4, 200), (2.0, 5, 300), (3.0, 50, 310), (4.0, 100, 320)]
    assert scale.flatness(samples, 100) == (300, 310, 320)  # 5% of 100 documents is 5; half is 50
    assert scale.flatness(samples[:2], 100) is None


def test_clock_leaves_out_loading_and_the_first_document() -> None:
    clock = scale.Clock(began=0.0)
    for moment, chars in [(10.0, 999), (12.0, 100), (14.0, 300)]:
        clock.first = clock.first  # unchanged: tick reads perf_counter, so drive it by hand
        _tick(clock, moment, chars)
    summary = clock.summary()
    assert summary["docs"] == 3 and summary["first_result_s"] == 10.0
    assert summary["docs_per_s"] == 0.5  # two documents in the four seconds after the first
    assert summary["chars_per_s"] == 100.0  # 400 characters after the first document


def _tick(clock: scale.Clock, moment: float, chars: int) -> None:
    original = time.perf_counter
    try:
        time.perf_counter = lambda: moment  # type: ignore[assignment]
        clock.tick(chars)
    finally:
        time.perf_counter = original  # type: ignore[assignment]


def test_clock_counts_errors_and_keeps_the_first() -> None:
    clock = scale.Clock()
    clock.tick(10, "a.txt: broken")
    clock.tick(10)
    clock.tick(10, "b.txt: broken too")
    assert clock.summary()["errors"] == 2 and clock.summary()["first_error"] == "a.txt: broken"


def _args(**extra) -> Namespace:
    values = {"docs": 100, "dask_docs": 10, "jobs": [1, 2], "curve": [1.0, 10.0], "systems": "letopis,natasha,dask,curve"}
    return Namespace(**{**values, **extra})


def test_plan_runs_every_configuration_once_long_ones_first() -> None:
    configs = scale.plan(_args())
    assert [c.worker for c in configs] == ["letopis:1", "natasha:1", "letopis:2", "letopis:2", "dask:2", "length:1", "length:10"]
    assert [c.docs for c in configs] == [100, 100, 100, 10, 10, 0, 0]  # Dask compares with the local engine on its documents
    assert len({c.key for c in configs}) == len(configs)


def test_plan_takes_a_subset() -> None:
    assert [c.worker for c in scale.plan(_args(systems="curve"))] == ["length:1", "length:10"]
    assert [c.worker for c in scale.plan(_args(dask_docs=0, systems="letopis,dask"))] == ["letopis:1", "letopis:2"]
    assert [c.worker for c in scale.plan(_args(dask_docs=100, systems="letopis,dask"))] == ["letopis:1", "letopis:2", "dask:2"]


def _throughput(docs_per_s: float, peak_kb: int) -> dict:
    return {"docs": 100, "errors": 0, "first_error": "", "first_result_s": 5.0, "wall_s": 30.0,
            "docs_per_s": docs_per_s, "chars_per_s": docs_per_s * 2000, "peak_rss_kb": {"1": peak_kb, "2": 1024},
            "flatness_kb": [500 * 1024, 505 * 1024, 510 * 1024]}


def test_render_puts_the_figures_and_ratios_side_by_side() -> None:
    configs = scale.plan(_args())
    results = {
        "letopis-1": _throughput(10.0, 600 * 1024),
        "letopis-2": _throughput(18.0, 650 * 1024),
        "natasha": _throughput(8.0, 300 * 1024),
        "dask-2": {"failure": "exit 1", "worker": "dask:2"},
        "length-1": {"worker": "length:1", "size_kb": 1.0, "bytes": 1024, "chars": 560, "tokens": 90, "seconds": 0.1,
                     "cpu_s": 0.05, "stage_s": {"segment": 0.01}, "stage_cpu_s": {"segment": 0.01},
                     "peak_rss_kb": {"1": 500 * 1024}},
        "length-10": {"failure": "over the 60 s limit", "worker": "length:10"},
    }
    text = scale.render(results, configs)
    assert "| letopis, 1 worker " in text and "| 10.00 " in text and "| 600 " in text and "500 → 505 → 510" in text
    assert "scaling from 1 to 2 workers: 1.80×" in text
    assert "letopis, 1 worker against the natasha pipeline: 1.25×" in text
    assert "exit 1" in text and "Dask LocalCluster against the local engine, same number of workers and documents: n/a" in text
    assert "| 1 KB " in text and "| 50.0 " in text  # 0.05 CPU s over 1 KB
    assert "over the 60 s limit" in text


def test_ratio_without_a_figure_is_not_a_number() -> None:
    assert scale.ratio(3.0, 2.0) == "1.50×"
    assert scale.ratio(None, 2.0) == "n/a" and scale.ratio(3.0, None) == "n/a"


@needs_data
def test_nerel_paths_are_train_and_dev() -> None:
    paths = scale.nerel_paths()
    assert len(paths) == len(list((DATA / "nerel" / "train").glob("*.txt"))) + len(list((DATA / "nerel" / "dev").glob("*.txt")))
    assert {p.parent.name for p in paths} == {"train", "dev"}


@pytest.mark.slow
@needs_data
def test_a_small_run_end_to_end(tmp_path: Path) -> None:
    """Every kind of measured process runs for real and the tables come out."""
    done = subprocess.run(
        [sys.executable, "-m", "bench.scale", "--docs", "4", "--dask-docs", "0", "--jobs", "1", "--curve", "1",
         "--out", str(tmp_path), "--timeout", "600"],
        cwd=ROOT, capture_output=True, text=True, timeout=900,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    assert "| letopis, 1 worker " in done.stdout and "| natasha pipeline, 1 process " in done.stdout
    assert "| 1 KB " in done.stdout and "n/a" not in done.stdout.split("Cost against length")[1]


def test_blas_environment_sets_every_library_or_none() -> None:
    env = scale.blas_environment(1, {"PATH": "/bin", "OPENBLAS_NUM_THREADS": "8"})
    assert env == {"PATH": "/bin", "OPENBLAS_NUM_THREADS": "1", "OMP_NUM_THREADS": "1", "MKL_NUM_THREADS": "1"}
    assert scale.blas_environment(0, {"PATH": "/bin"}) == {"PATH": "/bin"}
