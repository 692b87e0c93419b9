"""Owns the command line: `python -m redress check|build|...` for make and for people."""
from __future__ import annotations

import sys

from redress.cli.main import main

sys.exit(main(sys.argv[1:]))
