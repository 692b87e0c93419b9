"""Owns the commands behind make: check the data, build both sites, export the dataset."""
from __future__ import annotations

import argparse
import datetime
import os
from collections.abc import Callable
from pathlib import Path

from redress.checks.quote_checks import quotations_compared
from redress.cli.in_step import record_in_step
from redress.cli.laws import refresh_laws
from redress.cli.report import translation_report
from redress.cli.scaffold import new_type
from redress.data.law_copies import stored_files
from redress.data.law_texts import article_text
from redress.data.loading import stale_warnings
from redress.data.registry import BASES, EVIDENCE, SITUATIONS
from redress.languages import LANGS, Lang
from redress.outputs.build import build_site
from redress.outputs.chromium import CHROMIUM
from redress.outputs.export import export
from redress.outputs.one_at_a_time import Interrupted, ending_whole_on_signals, only_build_writing
from redress.outputs.schemas import write_data_schemas
from redress.outputs.stage import stage
from redress.pages.links import load_checked
from redress.problems import DataProblems

ROOT = Path(__file__).resolve().parents[2]
LAWS = ROOT / "laws"  # the law texts the data quotes, kept in the repository (make laws)
UPSTREAM = ROOT.parent / "shared" / "laws"  # where make laws copies them from


def check(root: Path, laws_dir: Path) -> int:
    """Validate the data and compare every quotation with the stored law texts; 0 when clean."""
    if not (laws_dir.is_dir() and stored_files(laws_dir)):
        print(f"没有法律文本，引文无法核对 / NO LAW TEXTS at {laws_dir}: quotations cannot be "
              "compared (laws/ belongs to the repository; restore it, or run make laws)")
        return 1
    try:
        kb = load_checked(root, laws_dir)
    except DataProblems as problems:
        print(problems.report())
        return 1
    for warning in stale_warnings(root, kb, kb.stale_before(datetime.date.today())):
        print(f"提醒 / warning: {warning}")
    compared = quotations_compared(kb, laws_dir)
    print(f"数据无误 / data OK: {len(kb.of(SITUATIONS))} situations, "
          f"{len(kb.of(BASES))} articles, {len(kb.of(EVIDENCE))} evidence items; "
          f"引文核对 {compared} 条 / {compared} quotations compared with the stored law texts")
    return 0


def reporting_problems(action: Callable[[], int]) -> int:
    """Run a build step; bad data is printed as the problem list (nothing was written)."""
    try:
        return action()
    except DataProblems as problems:
        print(problems.report())
        return 1


def one_at_a_time(out: Path, action: Callable[[], int]) -> int:
    """A build or export: one at a time per output folder; Ctrl-C, SIGTERM and a failing
    machine (disk full, no permission) end it in one line, the last good site kept."""
    try:
        with only_build_writing(out), ending_whole_on_signals():
            return reporting_problems(action)
    except Interrupted as signal_name:
        print(f"已中断（{signal_name}），上一次的网站没有改动 / interrupted ({signal_name}): "
              f"the last good site is unchanged")
        return 130
    except OSError as failure:
        print(f"无法完成：{failure.strerror or failure}（{failure.filename or out}），上一次的网站没有改动"
              f" / could not finish: {failure.strerror or failure} ({failure.filename or out}); "
              "the last good site is unchanged")
        return 1


def build(data_root: Path, out: Path) -> int:
    """Build the whole site; on bad data print the problems and leave the old site alone."""
    return one_at_a_time(out, lambda: build_site(ROOT, out, data_root))


def run_export(data_root: Path, site: Path) -> int:
    """Make the downloads; on bad data print the problems and write nothing."""
    def exporting() -> int:
        if not os.access(CHROMIUM, os.X_OK):  # said before anything is built, not after
            print(f"没有找到 Chromium（{CHROMIUM}）/ no Chromium at {CHROMIUM}: sudo apt-get install "
                  "chromium, or set REDRESS_CHROMIUM=/path/to/chrome; the previous downloads are unchanged")
            return 1
        try:
            return export(ROOT, site, data_root)
        except RuntimeError as failure:
            print("导出失败，之前的下载文件没有改动 / export failed, the previous downloads are "
                  f"unchanged:\n{failure}")
            return 1

    return one_at_a_time(site, exporting)


def run_stage(data_root: Path, lang: Lang, folder: Path) -> int:
    """Write one language's site as Markdown files and a config that needs no page hook."""
    def staged() -> int:
        config = stage(ROOT, data_root, lang, folder)
        print(f"staged the {lang} site in {folder}: mkdocs build -f {config}")
        return 0

    return reporting_problems(staged)


def quote(laws_dir: Path, reference: str, number: int) -> int:
    """Print one article exactly as the stored text has it, to paste into legal_bases.yml."""
    text = article_text(laws_dir, reference, number)
    if text is None:
        print(f"no article {number} in {laws_dir / reference}")
        return 1
    print(text)
    return 0


def printed(lines: list[str], ok: bool = True) -> int:
    print("\n".join(lines))
    return 0 if ok else 1


def new_situation(args: argparse.Namespace) -> int:
    lines = new_type(args.root, args.id, datetime.date.today())
    return printed(lines, ok=lines[0].startswith("added"))


def schemas(args: argparse.Namespace) -> int:
    written = write_data_schemas(args.root / "data" / "schema")
    return printed([f"wrote {path.relative_to(args.root)}" for path in written])


# Each command: what it runs with the parsed arguments.
COMMANDS: dict[str, Callable[[argparse.Namespace], int]] = {
    "check": lambda args: check(args.root, args.laws),
    "build": lambda args: build(args.root, args.out),
    "export": lambda args: run_export(args.root, args.out),
    "schema": schemas,
    "report": lambda args: printed(translation_report(args.root)),
    "in-step": lambda args: printed(record_in_step(args.root, args.guides)),
    "new-type": new_situation,
    "stage": lambda args: run_stage(args.root, args.lang, args.dir),
    "laws": lambda args: printed(refresh_laws(args.root, args.upstream)),
    "quote": lambda args: quote(args.laws, args.reference, args.article),
}


def parser() -> argparse.ArgumentParser:
    parsing = argparse.ArgumentParser(prog="redress", description="Redress data tools")
    parsing.add_argument("--root", type=Path, default=ROOT)
    commands = parsing.add_subparsers(dest="command", required=True)
    checking = commands.add_parser("check", help="validate data/ and guides/ and every quotation")
    checking.add_argument("--laws", type=Path, default=LAWS)
    building = commands.add_parser("build", help="build both sites into site/")
    building.add_argument("--out", type=Path, default=ROOT / "site")
    exporting = commands.add_parser("export", help="PDFs and offline zips into site/downloads/")
    exporting.add_argument("--out", type=Path, default=ROOT / "site")
    commands.add_parser("schema", help="write data/schema/*.schema.json from the models")
    commands.add_parser("report", help="translation report: prose that lags the other language")
    in_step = commands.add_parser("in-step", help="record guides as reading the same in both languages")
    in_step.add_argument("guides", nargs="*", help="guide ids (all when none is given)")
    scaffolding = commands.add_parser("new-type", help="add a skeleton situation to fill in")
    scaffolding.add_argument("id")
    staging = commands.add_parser("stage", help="one site as Markdown files and a config, no page hook")
    staging.add_argument("lang", choices=LANGS, help="the site's language")
    staging.add_argument("dir", type=Path, help="the folder for docs/ and mkdocs.yml")
    laws = commands.add_parser("laws", help="copy the cited law texts into laws/ from upstream")
    laws.add_argument("--from", dest="upstream", type=Path, default=UPSTREAM)
    quoting = commands.add_parser("quote", help="print an article from the stored law texts")
    quoting.add_argument("reference", help="path under laws/, as in data/laws.yml")
    quoting.add_argument("article", type=int)
    quoting.add_argument("--laws", type=Path, default=LAWS)
    return parsing


def main(argv: list[str]) -> int:
    args = parser().parse_args(argv)
    return COMMANDS[args.command](args)
