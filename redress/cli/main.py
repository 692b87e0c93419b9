"""Owns the commands behind make: check the data, build both sites, export the dataset."""
from __future__ import annotations

import argparse
import datetime
from collections.abc import Callable
from pathlib import Path

from redress.cli.report import translation_report
from redress.cli.scaffold import new_type
from redress.data.law_texts import article_text
from redress.data.loading import load_knowledge_base, stale_warnings
from redress.languages import LANGS, Lang
from redress.outputs.build import build_site
from redress.outputs.export import export
from redress.outputs.schemas import write_data_schemas
from redress.outputs.stage import stage
from redress.pages.catalogue import STALE_AFTER_DAYS
from redress.problems import DataProblems

ROOT = Path(__file__).resolve().parents[2]
LAWS = ROOT.parent / "shared" / "laws" / "sources"  # the stored texts, beside the project


def check(root: Path, laws_dir: Path) -> int:
    """Validate the data (and the quotations, where the law texts are at hand); 0 when clean."""
    try:
        kb = load_knowledge_base(root, laws_dir if laws_dir.is_dir() else None)
    except DataProblems as problems:
        print(problems.report())
        return 1
    before = datetime.date.today() - datetime.timedelta(days=STALE_AFTER_DAYS)
    for warning in stale_warnings(root, kb, before):
        print(f"提醒 / warning: {warning}")
    print(f"数据无误 / data OK: {len(kb.complaint_types)} situations, "
          f"{len(kb.legal_bases)} articles, {len(kb.evidence)} evidence items")
    return 0


def reporting_problems(action: Callable[[], int]) -> int:
    """Run a build step; bad data is printed as the problem list (nothing was written)."""
    try:
        return action()
    except DataProblems as problems:
        print(problems.report())
        return 1


def build(data_root: Path, out: Path) -> int:
    """Build the whole site; on bad data print the problems and leave the old site alone."""
    return reporting_problems(lambda: build_site(ROOT, out, data_root))


def run_export(data_root: Path, site: Path) -> int:
    """Make the downloads; on bad data print the problems and write nothing."""
    try:
        return reporting_problems(lambda: export(ROOT, site, data_root))
    except RuntimeError as failure:
        print(f"export failed, the previous downloads are unchanged:\n{failure}")
        return 1


def run_stage(data_root: Path, lang: Lang, folder: Path) -> int:
    """Write one language's site as Markdown files and a config that needs no hook."""
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


def command_line() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="redress", description="Redress data tools")
    commands = parser.add_subparsers(dest="command", required=True)
    checking = commands.add_parser("check", help="validate data/ and guides/ (and quotations)")
    checking.add_argument("--laws", type=Path, default=LAWS)
    building = commands.add_parser("build", help="build both sites into site/")
    building.add_argument("--out", type=Path, default=ROOT / "site")
    commands.add_parser("schema", help="write data/schema/*.schema.json from the models")
    commands.add_parser("report", help="translation report: prose that lags the other language")
    scaffolding = commands.add_parser("new-type", help="add a skeleton situation to fill in")
    scaffolding.add_argument("id")
    staging = commands.add_parser("stage", help="one site as Markdown files and a config, no hook")
    staging.add_argument("lang", choices=LANGS, help="the site's language")
    staging.add_argument("dir", type=Path, help="the folder for docs/ and mkdocs.yml")
    exporting = commands.add_parser("export", help="PDFs and offline zips into site/downloads/")
    exporting.add_argument("--out", type=Path, default=ROOT / "site")
    quoting = commands.add_parser("quote", help="print an article from ../shared/laws")
    quoting.add_argument("reference", help="path under the laws folder, as in data/laws.yml")
    quoting.add_argument("article", type=int)
    quoting.add_argument("--laws", type=Path, default=LAWS)
    parser.add_argument("--root", type=Path, default=ROOT)
    return parser


def main(argv: list[str]) -> int:
    args = command_line().parse_args(argv)
    if args.command == "quote":
        return quote(args.laws, args.reference, args.article)
    if args.command == "build":
        return build(args.root, args.out)
    if args.command == "new-type":
        lines = new_type(args.root, args.id, datetime.date.today())
        print("\n".join(lines))
        return 0 if lines[0].startswith("added") else 1
    if args.command == "report":
        print("\n".join(translation_report(args.root)))
        return 0
    if args.command == "schema":
        for path in write_data_schemas(args.root / "data" / "schema"):
            print(f"wrote {path.relative_to(args.root)}")
        return 0
    if args.command == "stage":
        return run_stage(args.root, args.lang, args.dir)
    if args.command == "export":
        return run_export(args.root, args.out)
    return check(args.root, args.laws)
