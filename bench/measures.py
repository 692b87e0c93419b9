"""The measurements themselves: the real data first, then synthetic sizes."""
from __future__ import annotations

import sys
import time
from collections.abc import Callable
from pathlib import Path

from repair import prepare_base
from report import Report, seconds, size
from runs import (
    CommandFailed,
    Timing,
    environment,
    measure,
    mkdocs_build,
    one_after_another,
    run_timed,
    side_by_side,
)
from serve import live_reload
from synth import copy_project_data
from variants import CONFIGS, write_disk_variant
from weight import export_steps, page_weight, search_index

from redress.data.loading import load_knowledge_base
from redress.data.registry import SITUATIONS
from redress.data.yaml_files import parsed

FIXTURE = Path("tests/fixtures/minimal")
EXPORT_LIMIT, EXPORT_TARGET = 600.0, 60.0
PAGE_TARGET, INDEX_TARGET = 90 * 1024, 150 * 1024


def full_build(project: Path, data: Path, out: Path) -> float:
    """The real `python -m redress build` into out (replacing what is there)."""
    command = [sys.executable, "-m", "redress", "--root", str(data), "build", "--out", str(out)]
    return run_timed(command, project, environment(data))[0]


def languages(project: Path, data: Path, out: Path, report: Report, label: str) -> None:
    """Both languages at once on the cores, against one after the other."""
    commands = [mkdocs_build(config, out / lang) for lang, config in CONFIGS.items()]
    env = environment(data)
    both, serial = measure(lambda: side_by_side(commands, project, env),
                           lambda: one_after_another(commands, project, env))
    ratio = both.median / serial.median
    report.details[f"languages_{label}"] = {"side_by_side": both.runs, "one_after_another":
                                            serial.runs, "ratio": ratio}
    report.add(f"4 zh+en side by side / one after other ({label})",
               f"{ratio:.2f} ({seconds(both.median)} / {seconds(serial.median)})", "≤ 0.6",
               ratio <= 0.6, both.how)


def real_size(project: Path, work: Path, report: Report, export: bool, serve: bool) -> None:
    base = work / "base"
    what = prepare_base(project, project / FIXTURE, base)
    kb = load_knowledge_base(base)
    types = len(kb.of(SITUATIONS))
    report.details["base"] = {"data": what, "types": types}
    if what != "real data":
        report.note(what)
    print(f"real size: {types} types ({what})", flush=True)
    site = work / "real" / "site"
    site.parent.mkdir()
    (build,) = measure(lambda: full_build(project, base, site))
    report.details["full_build_real"] = {"types": types, "runs": build.runs}
    report.add(f"1 full build, both sites ({types} types)", seconds(build.median), how=build.how)

    generation_overhead(project, base, work, report)
    load_share(base, build, report)
    languages(project, base, work / "lang-out", report, f"{types} types")
    weights(site, f"situations/{next(iter(kb.of(SITUATIONS)))}/index.html", report)
    if export:
        run_export(project, base, site, report)
    if serve:
        copy_project_data(base, project)  # the served site reads the project's own data
        edits = Timing(live_reload(project, 3, work / "serve.log"))
        report.details["live_reload"] = edits.runs
        report.add("7 live reload after a YAML edit (zh)", seconds(edits.median), "≤ 1.0 s",
                   edits.median <= 1.0, f"median of {len(edits.runs)} edits")


def generation_overhead(project: Path, base: Path, work: Path, report: Report) -> None:
    """The hook's pages against the same Markdown on disk: with the site plan kept from an
    earlier build of the same files (as every build after the first), and made afresh."""
    env, fresh = environment(base), environment(base, REDRESS_CACHE="off")
    disk_config = write_disk_variant(project, base, "zh", work / "disk")

    def build(config: str, out: str, variables: dict[str, str]) -> Callable[[], float]:
        return lambda: run_timed(mkdocs_build(config, work / out), project, variables)[0]

    build(CONFIGS["zh"], "hook-out", env)()  # keeps the plan the timed runs then reuse
    kept, made, disk = measure(build(CONFIGS["zh"], "hook-out", env),  # a 5% difference
                               build(CONFIGS["zh"], "fresh-out", fresh),  # needs more runs
                               build(str(disk_config), "disk-out", env), rounds=5)
    report.details["generation_overhead"] = {
        "lang": "zh", "hook_plan_kept": kept.runs, "hook_plan_made": made.runs,
        "disk": disk.runs, "ratio": kept.median / disk.median,
        "ratio_plan_made": made.median / disk.median}
    for label, hook, target in (("plan kept", kept, "≤ 1.05"), ("plan made afresh", made, "")):
        ratio = hook.median / disk.median
        report.add(f"2 hook ({label}) / Markdown on disk, zh",
                   f"{ratio:.3f} ({seconds(hook.median)} / {seconds(disk.median)})", target,
                   ratio <= 1.05 if target else None, hook.how)


def weights(site: Path, page: str, report: Report) -> None:
    found = {}
    for lang in CONFIGS:
        index = search_index(site, lang)
        weight = page_weight(site, lang, page)
        found[lang] = {"search_index": index, "guide_page": page, "page_weight": weight}
        report.add(f"8 search index {lang}, today's size", f"{size(index['gzip'])} gz "
                   f"({size(index['raw'])})", "≤ 150 KiB", index["gzip"] <= INDEX_TARGET)
        report.add(f"8 guide page + CSS + JS, {lang}", f"{size(int(weight['total']))} gz",
                   "≤ 90 KiB", weight["total"] <= PAGE_TARGET,
                   f"html {size(int(weight['html']))}, css {size(int(weight['css']))}, "
                   f"js {size(int(weight['js']))}")
    report.details["weight"] = found


def run_export(project: Path, base: Path, site: Path, report: Report) -> None:
    command = [sys.executable, "-m", "redress", "--root", str(base), "export", "--out", str(site)]
    try:
        total, output = run_timed(command, project, environment(base), EXPORT_LIMIT)
    except (CommandFailed, OSError) as failure:
        report.note(f"export skipped: {str(failure).strip().splitlines()[-1][:200]}")
        return
    steps = export_steps(output)
    report.details["export"] = {"total": total, "steps": steps}
    report.add("8 export, whole (make export)", seconds(total), f"≤ {EXPORT_TARGET:.0f} s",
               total <= EXPORT_TARGET, "1 run")
    for name, step in steps.items():
        report.add(f"8 export: {name}", seconds(step), how="as the export prints it")


def load_share(data: Path, build: Timing, report: Report) -> int:
    """Data loading in process, as a share of the full build of the same data."""
    count = len(load_knowledge_base(data).of(SITUATIONS))

    def load() -> float:
        parsed.cache_clear()  # a build parses every file once: none is parsed yet
        started = time.perf_counter()
        load_knowledge_base(data)
        return time.perf_counter() - started

    (loading,) = measure(load)
    share = loading.median / build.median
    report.details[f"load_{count}"] = {"types": count, "runs": loading.runs, "share": share}
    report.add(f"5 data loading share of build, {count} types",
               f"{share:.1%} ({seconds(loading.median)} / {seconds(build.median)})", "≤ 5%",
               share <= 0.05, f"{loading.how}; a build loads it once")
    return count
