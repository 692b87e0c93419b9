"""The law texts the data quotes travel inside the repository, unmodified, with origin and sha256."""
from __future__ import annotations

import shlex
import shutil
import subprocess
from pathlib import Path

import pytest
from conftest import LAWS, MINIMAL, ROOT, UPSTREAM, run_redress
from ruamel.yaml import YAML

from redress.cli.laws import refresh_laws
from redress.data.law_copies import copies_out_of_step, read_manifest
from redress.data.loading import load_knowledge_base
from redress.problems import DataProblems


def cited(root: Path) -> set[str]:
    laws = YAML(typ="safe").load((root / "data" / "laws.yml").read_text(encoding="utf-8"))
    return {law["reference"] for law in laws}


def test_the_manifest_holds_every_copy_byte_for_byte_and_every_cited_text() -> None:
    manifest = read_manifest(LAWS)
    assert copies_out_of_step(LAWS) == {}
    assert cited(ROOT) | cited(MINIMAL) <= set(manifest)
    assert all(len(copy.commit) == 40 and copy.repository and copy.path for copy in manifest.values())


def test_a_stored_text_edited_by_hand_is_a_located_problem(tmp_path: Path) -> None:
    laws = tmp_path / "laws"
    shutil.copytree(LAWS, laws)
    copy = laws / next(iter(cited(MINIMAL)))
    copy.write_text(copy.read_text(encoding="utf-8").replace("消费者", "顾客", 1), encoding="utf-8")
    with pytest.raises(DataProblems) as caught:
        load_knowledge_base(MINIMAL, laws)
    assert any(p.where.startswith("data/laws.yml:") and "does not match laws/manifest.json (changed)"
               in p.english() for p in caught.value.problems)


def test_without_law_texts_the_check_fails_loudly(tmp_path: Path) -> None:
    result = run_redress("check", "--laws", str(tmp_path / "none"))
    assert result.returncode == 1 and "NO LAW TEXTS" in result.stdout


def test_the_check_says_how_many_quotations_it_compared() -> None:
    result = run_redress("check")
    assert result.returncode == 0, result.stdout
    assert " quotations compared with the stored law texts" in result.stdout


def test_refreshing_from_upstream_reproduces_the_copies(tmp_path: Path) -> None:
    if not (UPSTREAM / "reference.md").is_file():
        pytest.skip("../shared/laws is not beside this checkout")
    (tmp_path / "data").mkdir()
    shutil.copyfile(ROOT / "data" / "laws.yml", tmp_path / "data" / "laws.yml")
    shutil.copyfile(ROOT / "data" / "platform_rules.yml", tmp_path / "data" / "platform_rules.yml")
    refresh_laws(tmp_path, UPSTREAM)
    assert read_manifest(tmp_path / "laws") == read_manifest(LAWS)
    assert copies_out_of_step(tmp_path / "laws") == {}


def test_a_quotation_that_differs_shows_where_and_a_command_that_works(minimal_copy: Path) -> None:
    path = minimal_copy / "data" / "legal_bases.yml"
    path.write_text(path.read_text(encoding="utf-8").replace("商品或者服务不符合质量要求", "商品或服务不符合质量要求", 1),
                    encoding="utf-8")
    with pytest.raises(DataProblems) as caught:
        load_knowledge_base(minimal_copy, LAWS)
    said = caught.value.problems[0].english()
    assert "after「经营者提供的商品或」it has「服务不符合质量要求的，消」where the text has「者服务不符合质量要求的，」" in said
    command = shlex.split(said.split("copy the article again with: ")[1].rstrip(")"))
    printed = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, timeout=60)
    assert printed.returncode == 0 and "经营者提供的商品或者服务不符合质量要求的" in printed.stdout
