"""Pipelines by stage name: exclude, disable, and stage arguments from outside."""

import pytest

import letopis
from letopis.errors import PipelineError
from letopis.models.linear import Linear
from letopis.registry import DEFAULT, make_pipeline
from letopis.stages.cause_pairs import CauseModel
from letopis.stages.roles import Linker

LINKING = ["time_links", "coreference", "relations", "dating"]  # the stages after roles


def test_the_default_pipeline_is_every_stage_in_order():
    assert letopis.default_pipeline().names == list(DEFAULT)


def test_excluded_stages_are_not_made():
    pipeline = make_pipeline(exclude=["roles", *LINKING])
    assert pipeline.names[-2:] == ["events", "factuality"] and pipeline.disabled == []


def test_disabled_stages_are_made_but_do_not_run():
    pipeline = make_pipeline(disable=["dating"])
    assert "dating" not in pipeline.names and [s.name for s in pipeline.disabled] == ["dating"]
    doc = letopis.analyse("19 августа 1944 года в Париже началось восстание.", pipeline=pipeline)
    assert doc.events and all(e.time.basis == "unknown" for e in doc.events)


@pytest.mark.parametrize("left_out", ["roles", "events", "segment"])
def test_leaving_out_a_stage_another_needs_is_refused(left_out):
    with pytest.raises(PipelineError, match="needs"):
        make_pipeline(exclude=[left_out])


@pytest.mark.parametrize("arguments", [{"exclude": ["lemmas"]}, {"disable": ["lemmas"]}, {"config": {"lemmas": {}}}])
def test_a_stage_the_pipeline_does_not_have_is_refused(arguments):
    with pytest.raises(PipelineError, match="has no stage 'lemmas'"):
        make_pipeline(**arguments)


def test_an_unknown_stage_name_is_refused():
    with pytest.raises(PipelineError, match="no stage is called 'lemmas'"):
        make_pipeline(["segment", "lemmas"])


def test_a_model_is_passed_in_from_outside():
    linker = Linker()
    pipeline = make_pipeline(config={"roles": {"linker": linker}})
    assert next(s for s in pipeline.stages if s.name == "roles").linker is linker


def test_the_cause_model_is_passed_in_from_outside():
    sure = CauseModel(Linear({"bias": 30.0}), threshold=0.5, word_threshold=2.0)  # every event pair is a cause
    pipeline = make_pipeline(config={"relations": {"cause_model": sure}})
    doc = letopis.analyse("Полиция захватила префектуру, и немцы отступили.", pipeline=pipeline)
    assert next(s for s in pipeline.stages if s.name == "relations").cause_model is sure
    assert any(t["rule"] == "cause_model" for t in doc.trace)


def test_without_the_learnt_causes_only_the_rules_find_causes():
    pipeline = make_pipeline(config={"relations": {"learnt_causes": False}})
    doc = letopis.analyse("Из-за забастовки поезда остановились, и рабочий умер от сердечного приступа.", pipeline=pipeline)
    assert not any(t["rule"].startswith("cause_model") for t in doc.trace)


def test_a_partial_pipeline_by_name_runs_on_an_analysed_doc():
    head = make_pipeline(exclude=["roles", *LINKING])
    doc = letopis.analyse("Восстание началось 19 августа 1944 года.", pipeline=head)
    tail = make_pipeline(["roles", *LINKING], given=["text", *(layer for s in head.stages for layer in s.assigns)])
    assert tail(doc).events[0].time.earliest == "1944-08-19"
