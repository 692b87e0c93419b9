"""The machine, the table printed to the terminal, and bench/results.json."""
from __future__ import annotations

import datetime
import json
import os
import platform
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any


def machine() -> dict[str, Any]:
    """CPU model, cores, Python and the date, as the results record them."""
    model = "unknown"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    return {"cpu": model, "cores": os.cpu_count(), "memory": memory(),
            "python": platform.python_version(),
            "platform": platform.platform(), "load_average_at_start": os.getloadavg()[0],
            "date": datetime.datetime.now().astimezone().isoformat(timespec="seconds")}


@dataclass
class Row:
    """One line of the table: what, the number, the target and whether it is met, how measured."""

    what: str
    value: str
    target: str = ""
    met: bool | None = None
    how: str = ""
    load: float = field(default_factory=lambda: os.getloadavg()[0])  # when it was measured

    def order(self) -> int:
        """Rows sort by the number of the measure they belong to (as in the brief); others last."""
        number = self.what.split()[0]
        return int(number) if number.isdigit() else 99

    @property
    def verdict(self) -> str:
        return {True: "ok", False: "MISSED", None: ""}[self.met]


@dataclass
class Report:
    """Everything measured: rows for the terminal, details for the JSON file."""

    rows: list[Row] = field(default_factory=list)
    details: dict[str, Any] = field(default_factory=dict)
    notes: list[str] = field(default_factory=list)

    def add(self, what: str, value: str, target: str = "", met: bool | None = None,
            how: str = "") -> None:
        self.rows.append(Row(what, value, target, met, how))
        print(f"  {what}: {value}", flush=True)

    def note(self, text: str) -> None:
        print(f"  note: {text}", flush=True)
        self.notes.append(text)

    def table(self, header: dict[str, Any]) -> str:
        lines = [describe(header)]
        head = ("measure", "value", "target", "", "load", "how")
        rows = sorted(self.rows, key=Row.order)
        cells = [head, *((r.what, r.value, r.target, r.verdict, f"{r.load:.1f}", r.how)
                         for r in rows)]
        widths = [max(len(c[i]) for c in cells) for i in range(len(head))]
        for index, cell in enumerate(cells):
            padded = (text.ljust(width) for text, width in zip(cell, widths, strict=True))
            lines.append("  ".join(padded).rstrip())
            if index == 0:
                lines.append("  ".join("-" * width for width in widths))
        lines += [f"note: {text}" for text in self.notes]
        return "\n".join(lines)

    def write(self, path: Path, header: dict[str, Any]) -> None:
        rows = [{"measure": r.what, "value": r.value, "target": r.target, "met": r.met,
                 "how": r.how, "load_average": r.load} for r in self.rows]
        document = {"machine": header, "table": rows, "details": self.details,
                    "notes": self.notes}
        path.write_text(json.dumps(document, ensure_ascii=False, indent=2) + "\n",
                        encoding="utf-8")


def describe(header: dict[str, Any]) -> str:
    """The machine in one line: what ran the bench, and how busy it was (others share it)."""
    load = f"load average {header['load_average_at_start']:.2f} at the start"
    if "load_average_at_end" in header:
        load += f", {header['load_average_at_end']:.2f} at the end"
    return (f"Redress bench — {header['cpu']}, {header['cores']} cores, {header['memory']}, "
            f"Python {header['python']}, {header['date']}; {load}")


def memory() -> str:
    try:
        total = next(line for line in Path("/proc/meminfo").read_text().splitlines()
                     if line.startswith("MemTotal:"))
    except (OSError, StopIteration):
        return "memory unknown"
    return f"{int(total.split()[1]) / 1048576:.0f} GiB"


def seconds(value: float) -> str:
    return f"{value:.2f} s" if value < 100 else f"{value:.0f} s"


def size(value: int) -> str:
    return f"{value / 1024:.0f} KiB" if value < 10 * 1024 * 1024 else f"{value / 1048576:.1f} MiB"
