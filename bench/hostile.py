"""The hostile corpus's worst cases, measured: each file `redress check` must refuse, its time
and peak memory (the issue asks for the worst case's; a timed test would be flaky)."""
from __future__ import annotations

import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))
from test_hostile_yaml import BOMBS  # type: ignore[import-not-found]  # noqa: E402  (the tests' own)

EVIDENCE = "data/evidence.yml"
CASES = {
    "alias bomb": BOMBS[0], "merge-key bomb": BOMBS[1], "alias bomb as a key": BOMBS[2],
    "500 levels of indentation": BOMBS[3], "60 KB of nested brackets": BOMBS[4],
    "a 5 MB single line": "a: " + "x" * 5_000_000 + "\n",
    "5 MB of short lines": "".join(f"- id: e{n}\n" for n in range(500_000)),
}


def measure(text: str) -> tuple[int, float, float]:
    """`redress check` on a minimal copy with evidence.yml replaced: exit code, seconds, MiB."""
    with tempfile.TemporaryDirectory() as folder:
        copy = Path(folder) / "project"
        shutil.copytree(ROOT / "tests" / "fixtures" / "minimal", copy)
        (copy / EVIDENCE).write_text(text, encoding="utf-8")
        before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
        started = time.perf_counter()
        done = subprocess.run([sys.executable, "-m", "redress", "--root", str(copy), "check"],
                              cwd=ROOT, capture_output=True, text=True, timeout=300)
        seconds = time.perf_counter() - started
        peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
        assert "Traceback" not in done.stdout + done.stderr, done
        return done.returncode, seconds, max(peak, before) / 1024


def main() -> None:
    print(f"{'case':<28} {'exit':>4} {'seconds':>8} {'peak MiB':>9}")
    for name, text in CASES.items():
        code, seconds, mib = measure(text)
        print(f"{name:<28} {code:>4} {seconds:>8.2f} {mib:>9.0f}")
    print("(peak memory is the largest child so far: ru_maxrss of RUSAGE_CHILDREN only grows)")


if __name__ == "__main__":
    main()
