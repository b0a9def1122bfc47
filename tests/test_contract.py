"""Every output validates against the published JSON Schema and keeps the contract's promises."""

import json

from contract import check_contract

from letopis.schema import chronology_schema


def test_schema_is_the_published_contract_version():
    schema = chronology_schema()
    assert schema["$defs"]["Chronology"]["properties"]["schema"] == {"enum": ["letopis.chronology/1"]}


def test_example_chronology_keeps_the_contract(example_chronology, example_doc):
    data = json.loads(example_chronology.to_json())
    check_contract(data, {example_doc.id: example_doc.text})


def test_several_texts_make_one_chronology_with_one_document_each():
    import letopis

    texts = [
        "19 августа 1944 года в Париже началось восстание. Генерал Шарль де Голль вернулся в Париж.",
        "25 августа 1944 года де Голль вернулся в Париж.",
    ]
    chron = letopis.extract(texts)
    data = chron.to_dict()
    check_contract(data, {"d1": texts[0], "d2": texts[1]})
    assert [d["id"] for d in data["documents"]] == ["d1", "d2"]
    assert {e["doc"] for e in data["events"]} == {"d1", "d2"}
    # One person named in both documents is one entity with mentions in both.
    gaulle = [e for e in data["entities"] if "Голль" in e["name"]]
    assert len(gaulle) == 1 and {m["doc"] for m in gaulle[0]["mentions"]} == {"d1", "d2"}


def test_events_are_sorted_by_their_bounds():
    import letopis

    text = "25 августа 1944 года союзники вошли в Париж. Восстание началось 19 августа 1944 года."
    data = letopis.extract(text).to_dict()
    dated = [e["time"]["earliest"] for e in data["events"] if e["time"]["earliest"]]
    assert dated == sorted(dated)
