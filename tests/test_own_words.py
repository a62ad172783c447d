"""Bundled text is written in our own words: no six-word run copied from the seed articles.

The seed articles live outside the repository (../shared/seeds, or RUNSTRONG_SEEDS); without
them there is nothing to compare against and the test says so by skipping.
"""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHINGLE = 6


def _seed_folder() -> Path | None:
    candidates = [
        os.environ.get("RUNSTRONG_SEEDS", ""),
        str(ROOT.parent / "shared" / "seeds"),
        str(ROOT.parents[1] / "shared" / "seeds"),
    ]
    for candidate in candidates:
        if candidate and Path(candidate).is_dir() and any(Path(candidate).iterdir()):
            return Path(candidate)
    return None


def shingles(text: str) -> set[tuple[str, ...]]:
    words = re.findall(r"[a-z0-9]+", text.lower().replace("’", "'").replace("'", ""))
    return {tuple(words[i : i + SHINGLE]) for i in range(len(words) - SHINGLE + 1)}


def test_shingles_find_a_copied_run() -> None:
    assert shingles("Repeat for 10 reps on each leg, twice") & shingles(
        "then repeat for 10 reps on each leg for 2 sets"
    )


def test_no_six_word_run_from_the_seeds() -> None:
    folder = _seed_folder()
    if folder is None:
        pytest.skip("the seed articles are not next to this checkout")
    seeds: set[tuple[str, ...]] = set()
    for path in sorted(folder.iterdir()):
        seeds |= shingles(path.read_text(encoding="utf-8", errors="replace"))
    ours = [*sorted((ROOT / "workouts").rglob("*.toml")), ROOT / "README.md"]
    copied = {
        path.name: sorted(" ".join(s) for s in shingles(path.read_text()) & seeds) for path in ours
    }
    assert not any(copied.values()), {k: v for k, v in copied.items() if v}
