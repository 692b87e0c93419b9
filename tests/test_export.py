"""make export: PDFs that read as Chinese and English, one-page checklists, offline zips that work."""
from __future__ import annotations

import shutil
import subprocess
import zipfile
from pathlib import Path

import pytest
from conftest import MINIMAL, ROOT, open_chromium, run_redress

from redress.data.loading import load_knowledge_base
from redress.data.registry import SITUATIONS, UI

# Every test here but the first bad-data one makes a real export: a build, then Chromium.


@pytest.fixture(scope="session")
def exported(built_site: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    site = tmp_path_factory.mktemp("export") / "site"
    shutil.copytree(built_site, site)
    result = run_redress("export", "--out", str(site))
    assert result.returncode == 0, result.stdout + result.stderr
    assert "✓ PDF files" in result.stdout  # progress is shown, with times
    assert "  PDF 1/" in result.stdout and "wrote " in result.stdout  # each PDF, then what was written where
    return site / "downloads"


def text_of(pdf: Path) -> str:
    return subprocess.run(["pdftotext", "-enc", "UTF-8", str(pdf), "-"], capture_output=True,
                          text=True, check=True).stdout


def pages_of(pdf: Path) -> int:
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True).stdout
    return int(next(line for line in info.splitlines() if line.startswith("Pages:")).split()[1])


@pytest.mark.site
@pytest.mark.browser  # the export prints its PDFs in Chromium
def test_every_checklist_is_exactly_one_a4_page(exported: Path) -> None:
    kb = load_knowledge_base(ROOT)
    for folder in ("zh", "en", "zh-en"):
        for cid in kb.of(SITUATIONS):
            pdf = exported / "checklists" / folder / f"{cid}.pdf"
            assert pages_of(pdf) == 1, pdf
            assert "(A4)" in subprocess.run(["pdfinfo", str(pdf)], capture_output=True,
                                                 text=True).stdout


@pytest.mark.site
@pytest.mark.browser  # the export prints its PDFs in Chromium
def test_the_booklets_hold_every_guide_title_with_extractable_text(exported: Path) -> None:
    kb = load_knowledge_base(ROOT)
    for lang in ("zh", "en"):
        pdf = exported / f"redress-{lang}.pdf"
        assert 40 <= pages_of(pdf) <= 1000
        text = " ".join(text_of(pdf).split())
        missing = [c.title.in_(lang) for c in kb.of(SITUATIONS).values()
                   if " ".join(c.title.in_(lang).split()) not in text]
        assert missing == []
        assert kb.of(UI)["data_as_of"].in_(lang).split("{")[0].strip() in text


@pytest.mark.site
@pytest.mark.browser  # the export prints its PDFs in Chromium
def test_chinese_in_the_pdfs_uses_embedded_simplified_chinese_fonts(exported: Path) -> None:
    fonts = subprocess.run(["pdffonts", str(exported / "checklists" / "zh" / "counterfeit.pdf")],
                           capture_output=True, text=True, check=True).stdout
    rows = [row for row in fonts.splitlines()[2:] if row.strip()]
    assert rows and all(" yes " in row for row in rows)  # every font embedded
    assert "假货" in text_of(exported / "checklists" / "zh" / "counterfeit.pdf")


@pytest.mark.site
@pytest.mark.browser  # the export prints its PDFs in Chromium
def test_the_downloads_page_links_every_file(exported: Path) -> None:
    page = (exported / "index.html").read_text(encoding="utf-8")
    for pdf in exported.rglob("*.pdf"):
        assert str(pdf.relative_to(exported)) in page
    assert 'href="redress-offline-zh.zip"' in page and 'href="redress-offline-en.zip"' in page


def unpack(exported: Path, target: Path) -> Path:
    for lang in ("zh", "en"):
        with zipfile.ZipFile(exported / f"redress-offline-{lang}.zip") as bundle:
            bundle.extractall(target)
    return target / "redress-offline"


def keep_on_this_machine(outside: list[str]):
    """A route handler that lets files from disk through and records anything else."""
    def handle(route) -> None:
        if route.request.url.startswith(("file:", "data:", "blob:")):
            route.continue_()
        else:
            outside.append(route.request.url)
            route.abort()
    return handle


@pytest.mark.site
@pytest.mark.browser
def test_the_offline_bundle_works_from_disk_with_and_without_javascript(
        exported: Path, tmp_path: Path, playwright) -> None:
    root = unpack(exported, tmp_path / "unzipped")
    for javascript in (True, False):
        context = open_chromium(playwright, tmp_path / f"profile-{javascript}",
                                java_script_enabled=javascript)
        tab = context.new_page()
        outside: list[str] = []
        tab.route("**/*", keep_on_this_machine(outside))
        tab.goto((root / "index.html").as_uri())
        tab.wait_for_url("**/zh/index.html")
        tab.goto((root / "zh" / "tree" / "index.html").as_uri())
        role = "button" if javascript else "link"  # the widget's buttons, or the plain links
        tab.get_by_role(role, name="东西到了，但有问题").click()
        tab.get_by_role(role, name="像是假货").click()
        tab.wait_for_url("**/tree/arrived-wrong/fake.html")
        assert "买到假货" in tab.locator("h1").first.inner_text()
        if javascript:
            assert "refund-refused" in " ".join(search_from_disk(tab, root, "en", "refund")[:3])
            tab.goto((root / "zh" / "situations" / "counterfeit.html").as_uri())
            tab.locator(".md-header__option .md-select").hover()
            tab.locator("a.md-select__link[hreflang='en']").click()
            tab.wait_for_url("**/en/index.html")
        context.close()
        assert outside == []


def search_from_disk(tab, root: Path, lang: str, query: str) -> list[str]:
    tab.goto((root / lang / "index.html").as_uri())
    tab.set_viewport_size({"width": 1280, "height": 900})
    tab.locator("input.md-search__input").click()
    tab.locator("input.md-search__input").press_sequentially(query, delay=30)
    tab.locator(".md-search-result__list > li a").first.wait_for(timeout=15_000)
    return [a.get_attribute("href") for a in tab.locator(".md-search-result__list > li a").all()]


@pytest.mark.site
@pytest.mark.browser
def test_chinese_search_works_from_disk(exported: Path, tmp_path: Path, playwright) -> None:
    root = unpack(exported, tmp_path / "unzipped")
    context = open_chromium(playwright, tmp_path / "profile")
    try:
        links = search_from_disk(context.new_page(), root, "zh", "退款")
    finally:
        context.close()
    assert "refund-refused" in " ".join(links[:3])


def test_export_on_bad_data_writes_nothing(tmp_path: Path, minimal_copy: Path) -> None:
    evidence = minimal_copy / "data" / "evidence.yml"
    evidence.write_text(evidence.read_text(encoding="utf-8").replace("    en: Chat records\n", ""),
                        encoding="utf-8")
    site = tmp_path / "site"
    site.mkdir()
    result = run_redress("--root", str(minimal_copy), "export", "--out", str(site))
    assert result.returncode == 1 and "evidence[chat-records].name.en" in result.stdout
    assert list(site.iterdir()) == []


@pytest.mark.site
def test_an_export_failing_halfway_keeps_the_previous_downloads(tmp_path: Path) -> None:
    site = tmp_path / "site"
    (site / "downloads").mkdir(parents=True)
    (site / "downloads" / "index.html").write_text("previous", encoding="utf-8")
    result = run_redress("--root", str(MINIMAL), "export", "--out", str(site),
                         env={"REDRESS_CHROMIUM": str(tmp_path / "no-such-browser")})
    assert result.returncode == 1 and "previous downloads are unchanged" in result.stdout
    assert (site / "downloads" / "index.html").read_text(encoding="utf-8") == "previous"
    assert sorted(p.name for p in site.iterdir()) == ["downloads"]
