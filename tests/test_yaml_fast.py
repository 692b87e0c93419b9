"""The fast loader reads every YAML file exactly as ruamel's stock safe loader does."""
from __future__ import annotations

from pathlib import Path

import pytest
from conftest import MINIMAL, ROOT
from ruamel.yaml import YAML
from ruamel.yaml.constructor import ConstructorError, DuplicateKeyError
from test_loading import problems_in

from redress.data.yaml_fast import fast_loader

SAMPLES = {
    "scalars": "a: yes\nb: 010\nc: 0o10\nd: 0x1f\ne: 1.5\nf: .inf\ng: ~\nh:\ni: true\n"
               "j: 2026-11-23\nk: '2026-11-23'\nl: 12:30\nm: \"引号里的文字\"\nn: |\n  块\n  文字\n",
    "nested": "- id: one\n  list:\n    - x\n    - {k: v}\n  map: {a: [1, 2]}\n- [c, d]\n",
    "anchors": "base: &b {k: v, n: 1}\nuse: *b\nlist: &l [1, 2]\nagain: *l\n",
    "merge keys": "base: &b {k: v, n: 1}\nmerged:\n  <<: *b\n  n: 2\n",
    "non-string keys": "7: seven\nfalse: no\n2026-11-23: day\n[a, b]: pair\n",
    "empty": "",
}


def stock(text: str) -> object:
    return YAML(typ="safe").load(text)


@pytest.mark.parametrize("name", SAMPLES)
def test_the_fast_loader_gives_what_the_stock_loader_gives(name: str) -> None:
    assert fast_loader().load(SAMPLES[name]) == stock(SAMPLES[name])


def test_an_alias_is_the_same_object_as_its_anchor() -> None:
    data = fast_loader().load(SAMPLES["anchors"])
    assert data["use"] is data["base"] and data["again"] is data["list"]


@pytest.mark.parametrize("text", ["&a [1, *a]\n", "&m {self: *m}\n"])
def test_an_alias_inside_itself_is_the_object_itself(text: str) -> None:
    for data in (stock(text), fast_loader().load(text)):
        inner = data[1] if isinstance(data, list) else data["self"]
        assert inner is data


@pytest.mark.parametrize("folder", [ROOT / "data", MINIMAL / "data"])
def test_every_data_file_loads_the_same(folder: Path) -> None:
    for path in sorted(folder.glob("*.yml")):
        text = path.read_text(encoding="utf-8")
        assert fast_loader().load(text) == stock(text), path.name


@pytest.mark.parametrize(("text", "error"), [("a: 1\na: 2\n", DuplicateKeyError),
                                             ("a: !unknown 1\n", ConstructorError)])
def test_what_the_stock_loader_refuses_is_refused_alike(text: str, error: type) -> None:
    with pytest.raises(error):
        stock(text)
    with pytest.raises(error):
        fast_loader().load(text)


def test_a_yaml_version_directive_is_refused_with_its_line(minimal_copy: Path) -> None:
    path = minimal_copy / "data" / "groups.yml"
    path.write_text("%YAML 1.1\n---\n" + path.read_text(encoding="utf-8"), encoding="utf-8")
    assert problems_in(minimal_copy) == [
        "data/groups.yml:1:1 › groups: the file declares a YAML version (%YAML) "
        "(delete that line: data files are always read as YAML 1.2)"]
