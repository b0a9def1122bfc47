import pytest

from letopis.doc import Doc
from letopis.errors import PipelineError
from letopis.pipeline import Pipeline


class Adds:
    def __init__(self, name, requires=(), assigns=()):
        self.name, self.requires, self.assigns = name, tuple(requires), tuple(assigns)
        self.calls = 0

    def __call__(self, doc):
        self.calls += 1
        doc.note(self.name, "ran", 0, 0)
        return doc


def test_stages_run_in_order_and_record_what_they_assign():
    first, second = Adds("a", assigns=["x"]), Adds("b", requires=["x"], assigns=["y"])
    doc = Pipeline([first, second])(Doc("d1", "Текст."))
    assert [entry["stage"] for entry in doc.trace] == ["a", "b"]
    assert {"x", "y"} <= doc.done


def test_a_stage_whose_needs_are_unmet_is_refused_when_the_pipeline_is_built():
    with pytest.raises(PipelineError, match="needs x"):
        Pipeline([Adds("b", requires=["x"])])


def test_timings_are_kept_per_stage():
    pipe = Pipeline([Adds("a")])
    pipe(Doc("d1", "Текст."))
    pipe(Doc("d2", "Ещё текст."))
    assert set(pipe.timings) == {"a"} and pipe.timings["a"] >= 0.0


def test_default_pipeline_order():
    import letopis

    assert letopis.default_pipeline().names == [
        "segment", "morph", "syntax", "ner", "entities", "timex", "events", "roles", "link",
    ]


def test_on_stage_is_told_as_each_stage_begins():
    import letopis

    seen: list[tuple[str, int, int]] = []
    doc = letopis.analyse("19 августа 1944 года в Париже началось восстание.",
                          on_stage=lambda name, number, count: seen.append((name, number, count)))
    names = letopis.default_pipeline().names
    assert seen == [(name, n, len(names)) for n, name in enumerate(names, 1)]
    assert doc.events
