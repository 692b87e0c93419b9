"""make export: PDFs that read as Chinese and English, dated by the data, one-page checklists;
the booklet and leaflets in detail are tests/test_booklet.py, the offline zips in a browser
tests/test_offline.py."""
from __future__ import annotations

import subprocess
import time
from pathlib import Path

import pytest
from conftest import MINIMAL, ROOT, run_redress, unpack

from redress.data.loading import load_knowledge_base
from redress.data.registry import PLATFORMS, SITUATIONS, UI
from redress.outputs.chromium import CHROMIUM, CHROMIUM_FLAGS
from redress.outputs.export import checklist_batch
from redress.outputs.printed import booklet_job, page_numbers, print_job, print_page, variant_pdf, variants

# Every test here but the last two makes a real export: a build, then Chromium.


def text_of(pdf: Path, raw: bool = False) -> str:
    """The PDF's text; `raw` in the order it was drawn (a Latin run inside a Chinese line,
    drawn in another font, stays in its place)."""
    return subprocess.run(["pdftotext", *(["-raw"] if raw else []), "-enc", "UTF-8", str(pdf), "-"],
                          capture_output=True, text=True, check=True).stdout


def flat(text: str) -> str:
    """Without spaces and line breaks (a title may wrap), nor hyphens at a line's end."""
    return "".join(text.split()).replace("-", "")


def pages_of(pdf: Path) -> int:
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True).stdout
    return int(next(line for line in info.splitlines() if line.startswith("Pages:")).split()[1])


@pytest.mark.site
@pytest.mark.browser  # the export prints its PDFs in Chromium
def test_every_checklist_is_exactly_one_a4_page(exported: Path) -> None:
    """Every checklist, general and for each platform, in every language: one A4 page."""
    kb = load_knowledge_base(ROOT)
    pdfs = [variant_pdf(exported / "checklists" / folder, cid, platform)
            for folder in ("zh", "en", "zh-en") for cid, platform in variants(kb)]
    assert len(pdfs) == 3 * len(kb.of(SITUATIONS)) * (1 + len(kb.of(PLATFORMS)))
    for pdf in pdfs:
        info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True).stdout
        assert "Pages:           1\n" in info and "(A4)" in info, pdf


@pytest.mark.site
@pytest.mark.browser
@pytest.mark.parametrize("kind", ["checklists", "leaflets"])
def test_each_pdf_cut_from_a_batch_holds_its_own_document(exported: Path, kind: str) -> None:
    """Printed many to one document and cut apart, each zh PDF is its own situation for its
    own platform: its title, and its platform's button names (or none for the general one)."""
    kb = load_knowledge_base(ROOT)
    for cid, platform in variants(kb):
        situation = kb.of(SITUATIONS)[cid]
        text = flat(text_of(variant_pdf(exported / kind / "zh", cid, platform), raw=True))
        title = f"{situation.title.zh} · {platform.name.zh}" if platform else situation.title.zh
        assert flat(title) in text, (kind, cid, platform)
        ladder = {step.rung for step in situation.ladder}
        own = [v.name.zh for v in platform.rungs if v.rung in ladder] if platform else []
        assert all(flat(name) in text for name in own), (kind, cid, platform)
        if platform is None:
            assert not any(flat(f"{situation.title.zh} · {p.name.zh}") in text
                           for p in kb.of(PLATFORMS).values()), cid


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


def dates_of(pdf: Path) -> tuple[str, str]:
    info = subprocess.run(["pdfinfo", "-isodates", str(pdf)], capture_output=True, text=True,
                          check=True).stdout
    fields = dict(line.split(":", 1) for line in info.splitlines() if ":" in line)
    return fields["CreationDate"].strip(), fields["ModDate"].strip()


@pytest.mark.site
@pytest.mark.browser  # the export prints its PDFs in Chromium
def test_every_pdf_is_dated_by_the_data_not_by_the_clock(exported: Path) -> None:
    midnight = f"{load_knowledge_base(ROOT).data_date.isoformat()}T00:00:00Z"
    pdfs = sorted(exported.rglob("*.pdf"))
    assert len(pdfs) > 3 and {pdf.name: dates_of(pdf) for pdf in pdfs} == {
        pdf.name: (midnight, midnight) for pdf in pdfs}


@pytest.mark.site
@pytest.mark.browser
def test_printing_again_later_gives_the_exported_pdfs_byte_for_byte(
        exported: Path, tmp_path: Path, playwright) -> None:
    """Printed again seconds (or a clone) later: the zh checklists (a batch printed as one and
    cut apart, as the leaflets are) and the booklet (both its prints) come out as the export
    made them, so the downloads are reproducible like site/ and the zips."""
    root = unpack(exported, tmp_path / "unzipped")
    kb = load_knowledge_base(ROOT)
    checklists = checklist_batch(kb, root, tmp_path / "again", "zh")
    time.sleep(1.1)  # a clock in the file would now read differently
    browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_FLAGS)
    try:
        tab = browser.new_page()
        checklists.run(tab, kb.data_date)
        differ = [str(target.relative_to(tmp_path / "again")) for target in checklists.targets
                  if target.read_bytes() != (exported / target.relative_to(tmp_path / "again")).read_bytes()]
        assert len(checklists.targets) > 200 and differ == []
        first = booklet_job(kb, ROOT, "zh", tmp_path / "b.html", tmp_path / "b.pdf", None)
        print_page(tab, first.source, first.target, kb.data_date)
        final = booklet_job(kb, ROOT, "zh", tmp_path / "c.html", tmp_path / "c.pdf",
                            page_numbers(first))
        print_job(tab, final, kb.data_date)
        assert final.target.read_bytes() == (exported / "redress-zh.pdf").read_bytes()
    finally:
        browser.close()


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


def test_an_export_without_a_browser_says_so_in_one_line_before_building(tmp_path: Path) -> None:
    done = run_redress("--root", str(MINIMAL), "export", "--out", str(tmp_path / "site"),
                       env={"REDRESS_CHROMIUM": str(tmp_path / "no-chromium")})
    assert done.returncode == 1 and "Traceback" not in done.stdout + done.stderr
    assert done.stdout.strip().splitlines() == [
        f"没有找到 Chromium（{tmp_path / 'no-chromium'}）/ no Chromium at {tmp_path / 'no-chromium'}: "
        "sudo apt-get install chromium, or set REDRESS_CHROMIUM=/path/to/chrome; the previous "
        "downloads are unchanged"]
    assert not (tmp_path / "site" / "downloads").exists()
