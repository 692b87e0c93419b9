"""The synthetic sizes: full builds from 50 to 1,000 situations (time per page, memory, search
index), and at the largest the zh build against Python-Markdown alone and against jieba."""
from __future__ import annotations

import shutil
import sys
from itertools import pairwise
from pathlib import Path
from typing import Any

from measures import load_share
from memory import run_sampled
from report import Report, seconds, size
from runs import Timing, environment, measure, mkdocs_build, run_timed
from synth import make_synthetic
from variants import CONFIGS, floor_seconds, page_texts
from weight import search_index

FLOOR_TARGET, MEMORY_TARGET, FLAT = 2.5, 1 << 30, 1.15


def pages_in(site: Path) -> int:
    return sum(1 for lang in CONFIGS for _ in (site / lang).rglob("*.html"))


def full_build(project: Path, data: Path, out: Path) -> tuple[float, int]:
    """The real `python -m redress build`: seconds, and the peak memory of all its processes."""
    command = [sys.executable, "-m", "redress", "--root", str(data), "build", "--out", str(out)]
    took, peak = run_sampled(command, project, environment(data))
    return took, peak.group


def scaling(project: Path, work: Path, report: Report, sizes: list[int]) -> None:
    base, rows = work / "base", list[dict[str, Any]]()
    for count in sizes:
        data = work / f"s{count}"
        if not make_synthetic(base, data, count):
            report.note(f"{count} types skipped: the base data has that many already")
            continue
        print(f"{count} types", flush=True)
        out = work / f"site-{count}" / "site"
        out.parent.mkdir()
        took, peak = full_build(project, data, out)
        pages = pages_in(out)
        index = {lang: search_index(out, lang)["gzip"] for lang in ("zh", "en")}
        rows.append({"types": count, "seconds": took, "pages": pages, "peak_bytes": peak,
                     "index_gzip": index})
        report.add(f"8 search index, {count} situations", " · ".join(
            f"{lang} {size(gz)} gz ({gz / count / 1024:.2f} KiB a situation)" for lang, gz in index.items()))
        report.add(f"6 full build, {count} situations", f"{seconds(took)} ({pages} pages, "
                   f"{took / pages * 1000:.1f} ms/page)", how="1 run")
        if count == max(sizes):
            at_largest(project, data, out, work, report, rows[-1])
        shutil.rmtree(out.parent, ignore_errors=True)
        shutil.rmtree(data, ignore_errors=True)
    flat(rows, report)
    index_linear(rows, report)
    report.details["scaling"] = rows


def index_linear(rows: list[dict[str, Any]], report: Report) -> None:
    """The search index's bytes each added situation costs, last step against the first: linear
    if it does not grow (issue 13: the index stays linear in situations)."""
    for lang in ("zh", "en"):
        slopes = [(after["index_gzip"][lang] - before["index_gzip"][lang])
                  / (after["types"] - before["types"]) for before, after in pairwise(rows)]
        if len(slopes) >= 2 and slopes[0] > 0:
            growth = slopes[-1] / slopes[0]
            report.add(f"8 search index {lang}: marginal bytes a situation, last / first step",
                       f"{growth:.2f}", f"≤ {FLAT}", growth <= FLAT, "linear in situations")


def flat(rows: list[dict[str, Any]], report: Report) -> None:
    """The time each added page costs, between one size and the next: flat if it does not
    grow (a startup of a few seconds makes the smallest size's ms/page higher)."""
    slopes = []
    for before, after in pairwise(rows):
        slope = (after["seconds"] - before["seconds"]) / (after["pages"] - before["pages"])
        after["marginal_per_page"] = slope
        slopes.append(slope)
        report.add(f"6 marginal, {before['types']}→{after['types']} situations",
                   f"{slope * 1000:.1f} ms/page")
    if len(slopes) >= 2:
        growth = slopes[-1] / slopes[0]
        report.add("6 marginal ms/page, last / first step", f"{growth:.2f}", f"≤ {FLAT}",
                   growth <= FLAT, "flat: no page costs more as the site grows")


def at_largest(project: Path, data: Path, out: Path, work: Path, report: Report,
               row: dict[str, Any]) -> None:
    load_share(data, Timing([row["seconds"]]), report)
    report.add(f"10 peak memory, full build, {row['types']} situations",
               size(row["peak_bytes"]), "≤ 1 GiB", row["peak_bytes"] <= MEMORY_TARGET,
               "every process of the build at once, sampled every 0.2 s")
    for lang in CONFIGS:
        index = search_index(out, lang)
        report.details.setdefault("search_index_largest", {})[lang] = index
        report.add(f"8 search index {lang}, {row['types']} situations",
                   f"{size(index['gzip'])} gz ({size(index['raw'])})")
    against_floor(project, data, work, report, row["types"])


def without_rjieba(work: Path) -> str:
    """A folder that, first on PYTHONPATH, makes `import rjieba` fail: Material keeps jieba."""
    stub = work / "no-rjieba" / "rjieba"
    stub.mkdir(parents=True, exist_ok=True)
    (stub / "__init__.py").write_text('raise ImportError("the bench measures jieba")\n')
    return str(stub.parent)


def against_floor(project: Path, data: Path, work: Path, report: Report, count: int) -> None:
    """One language against Python-Markdown alone on the same pages, its pages made by the build
    (first run) and then reused (second run: the same files); and with jieba instead of rjieba."""
    def zh_build(**extra: str) -> float:
        return run_timed(mkdocs_build(CONFIGS["zh"], work / "zh-out"), project,
                         environment(data, **extra))[0]

    made, kept, jieba = zh_build(), zh_build(), zh_build(PYTHONPATH=without_rjieba(work))
    shutil.rmtree(work / "zh-out", ignore_errors=True)
    texts = page_texts(project, data, "zh")
    (floor,) = measure(lambda: floor_seconds(project, "zh", texts), rounds=3)  # it varies
    report.details["floor"] = {"types": count, "pages": len(texts), "zh_build_plan_made": made,
                               "zh_build_plan_kept": kept, "zh_build_jieba": jieba,
                               "markdown_alone": floor.runs, "ratio": kept / floor.median}
    for label, taken, target in (("plan kept", kept, FLOOR_TARGET), ("plan made", made, None),
                                 ("plan kept, jieba", jieba, None)):
        ratio = taken / floor.median
        report.add(f"3 zh build ({label}) / Markdown alone, {count} situations",
                   f"{ratio:.2f} ({seconds(taken)} / {seconds(floor.median)})",
                   f"≤ {target}" if target else "", ratio <= target if target else None,
                   f"1 run / {floor.how}")
    report.add(f"3 zh build, rjieba / jieba, {count} situations",
               f"{kept / jieba:.2f} ({seconds(kept)} / {seconds(jieba)})", how="1 run each")

