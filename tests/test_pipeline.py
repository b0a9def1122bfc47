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


def test_stages_run_in_order():
    first, second = Adds("a", assigns=["tokens"]), Adds("b", requires=["tokens"], assigns=["timexes"])
    doc = Pipeline([first, second])(Doc("d1", "Текст."))
    assert [entry["stage"] for entry in doc.trace] == ["a", "b"]


def test_a_stage_whose_needs_are_unmet_is_refused_when_the_pipeline_is_built():
    with pytest.raises(PipelineError, match="needs tokens"):
        Pipeline([Adds("b", requires=["tokens"])])


def test_timings_are_kept_per_stage():
    pipe = Pipeline([Adds("a")])
    pipe(Doc("d1", "Текст."))
    pipe(Doc("d2", "Ещё текст."))
    assert set(pipe.timings) == {"a"} and pipe.timings["a"] >= 0.0


def test_default_pipeline_order():
    import letopis

    assert letopis.default_pipeline().names == [
        "segment", "morph", "syntax", "ner", "entities", "timex", "places_in_time", "events", "factuality", "roles",
        "time_links", "coreference", "relations", "dating",
    ]


def test_on_stage_is_told_as_each_stage_begins():
    import letopis

    seen: list[tuple[str, int, int]] = []
    doc = letopis.analyse("19 августа 1944 года в Париже началось восстание.",
                          on_stage=lambda name, number, count: seen.append((name, number, count)))
    names = letopis.default_pipeline().names
    assert seen == [(name, n, len(names)) for n, name in enumerate(names, 1)]
    assert doc.events


@pytest.mark.parametrize("stage", [Adds("a", requires=["tokenz"]), Adds("a", assigns=["chronology"])])
def test_a_name_that_is_no_layer_is_refused(stage):
    with pytest.raises(PipelineError, match="names no layer"):
        Pipeline([stage])


def test_something_that_is_no_stage_is_refused():
    with pytest.raises(PipelineError, match="is no stage"):
        Pipeline([lambda doc: doc])


def test_a_partial_pipeline_says_what_it_is_given():
    Pipeline([Adds("b", requires=["tokens", "syntax"])], given=["text", "tokens", "syntax"])


def test_a_partial_pipeline_refuses_a_doc_without_what_it_needs():
    pipe = Pipeline([Adds("b", requires=["tokens", "syntax"])], given=["text", "tokens", "sentences", "morph", "syntax"])
    with pytest.raises(PipelineError, match="has no tokens, syntax"):
        pipe(Doc("d1", "Текст."))


def test_a_partial_pipeline_runs_on_an_analysed_doc():
    import letopis

    full = letopis.default_pipeline().stages
    at = [s.name for s in full].index("roles")
    head = Pipeline(full[:at])
    doc = letopis.analyse("Восстание началось 19 августа 1944 года.", pipeline=head)
    tail = Pipeline(full[at:], given=["text", *(layer for s in full[:at] for layer in s.assigns)])
    assert tail(doc).events[0].time.earliest == "1944-08-19"
    with pytest.raises(PipelineError, match="has no tokens"):
        tail(letopis.Doc("d2", "Восстание началось 19 августа 1944 года."))


def test_every_stage_of_the_default_pipeline_names_only_layers_and_what_it_reads():
    import letopis

    names = {s.name: s for s in letopis.default_pipeline().stages}
    assert "timexes" in names["events"].requires  # the classifier's features read them
    assert "roles" in names["time_links"].requires  # a date comes from Event.timexes too
    assert "relations" in names["dating"].requires  # bounds are carried along the relations
