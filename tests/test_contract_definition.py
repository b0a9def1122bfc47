"""The contract is defined once (`letopis.contract`): the committed JSON Schema is what the
records generate, docs/contract.md names exactly their fields, and `validate` says where
data breaks the contract."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

import letopis
from letopis.contract import ContractError, field_paths, openapi_components, validate
from letopis.schema import FILE, generated

DOC = Path(__file__).resolve().parents[1] / "docs" / "contract.md"


def test_committed_schema_is_the_generated_one():
    assert FILE.read_text(encoding="utf-8") == generated(), "run `make schema` and commit the file"


def documented_paths(page: str) -> set[str]:
    """Field paths the page names: every key of its contract block, nested as written
    (`events.time.earliest`), and every `path` that opens a bullet of "Fields letopis adds"."""
    block = page.split("```", 2)[1]
    block = re.sub(r"#[^\n]*", "", block)
    paths: set[str] = set()
    opened: list[str | None] = []
    key: str | None = None
    for match in re.finditer(r'"(\w+)"\s*:|[{}]', block):
        if match.group(1):
            key = match.group(1)
            paths.add(".".join([k for k in opened if k] + [key]))
        elif match.group(0) == "{":
            opened.append(key)
            key = None
        else:
            opened.pop()
    added = page.split("## Fields letopis adds", 1)[1].split("\n## ", 1)[0]
    for bullet in re.findall(r"^- (.+)$", added, flags=re.M):
        paths.update(re.findall(r"`([a-z_]+(?:\.[a-z_]+)+)`", bullet.split(":", 1)[0]))
    return paths


def test_contract_page_names_exactly_the_fields_of_the_records():
    documented = documented_paths(DOC.read_text(encoding="utf-8"))
    defined = field_paths()
    # A documented field covers its parts (`events.cause_phrases` its `start`, `end`, ...).
    undocumented = {p for p in defined if not any(p == d or p.startswith(d + ".") for d in documented)}
    assert not undocumented, f"docs/contract.md does not name {sorted(undocumented)}"
    assert not documented - defined, f"docs/contract.md names fields the records lack: {sorted(documented - defined)}"


def test_openapi_components_are_the_records():
    components = openapi_components()
    assert components["EventRecord"]["properties"]["trigger"] == {"$ref": "#/components/schemas/TriggerRecord"}
    assert "lemma" in components["MentionRecord"]["properties"]


def test_trigger_and_mentions_carry_lemmas():
    data = letopis.extract("19 августа 1944 года в Париже началось восстание. Генерал Шарль де Голль вошёл в город.").to_dict()
    assert [e["trigger"]["lemma"] for e in data["events"]] == ["восстание", "войти"]
    paris = next(e for e in data["entities"] if e["name"] == "Париж")
    assert [m["lemma"] for m in paris["mentions"]] == ["париж"]


GOOD = {"schema": "letopis.chronology/1", "documents": [], "entities": [], "timexes": [], "events": [], "relations": []}


@pytest.mark.parametrize("change, message", [
    ({"schema": "letopis.chronology/2"}, "Invalid value 'letopis.chronology/2'"),
    ({"events": None}, "Expected `array`, got `null` at $.events"),
    ({"documents": [{"id": "d1", "source": "a.txt", "sha256": "x", "length": 3}]}, "at $.documents[0].sha256"),
    ({"relations": [{"type": "cause", "source": "a", "target": "b"}]}, '"evidence" is missing at $.relations[0]'),
])
def test_validate_says_where_the_contract_breaks(change, message):
    with pytest.raises(ContractError) as error:
        validate(GOOD | change)
    assert message in str(error.value)


def test_validate_leaves_unnamed_fields_free():
    data = GOOD | {"extra": 1}
    assert validate(data) is data
    missing = dict(GOOD)
    del missing["events"]
    with pytest.raises(ContractError, match='"events" is missing'):
        validate(missing)
