"""The paths the tests read: the repository, ../shared (real files and seeds) and the import fixtures."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
SHARED = ROOT.parent / "shared"
SEEDS = SHARED / "seeds"
IMPORT_FIXTURES = ROOT / "tests" / "fixtures" / "import"


def seed_text(number: str) -> str:
    """Return the text of seed document NNN (the test is skipped when ../shared is absent)."""
    if not SEEDS.exists():
        pytest.skip(f"seed documents not found at {SEEDS} (../shared is absent)")
    return next(SEEDS.glob(f"{number}_*.txt")).read_text()
