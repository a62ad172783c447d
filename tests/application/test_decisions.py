"""The application's decisions in plain Python: which unfinished session to offer and what an
answer leaves in the history, the home screen's data (also from a damaged history), what a
draft would replace, and moving a history aside."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime
from pathlib import Path

import pytest

from runstrong import paths
from runstrong.application.drafts import clash
from runstrong.application.home import home_data
from runstrong.application.resume import (
    ResumeAnswer,
    offer_at_start,
    offer_for,
    settle,
)
from runstrong.application.summary import balance_notes
from runstrong.history import HistoryError, HistoryStore
from runstrong.history.aside import move_aside
from runstrong.history.balance import Balance
from runstrong.settings import Settings
from runstrong.workout.builder import Draft, from_library
from runstrong.workout.catalog import load_catalog
from runstrong.workout.model import Side

from ..helpers import exercise, hold, session

PLANK = session(exercise("Plank", hold(10)))
OTHER = replace(PLANK, slug="other", name="Other")


def _unfinished(store: HistoryStore, *sessions: object, at: float = 1000.0) -> None:
    for number, chosen in enumerate(sessions):
        store.begin_session(chosen, at + number, 1)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("answer", "left"),
    [
        (ResumeAnswer.RESUME, ["Other"]),  # the one resumed stays open; older ones close
        (ResumeAnswer.CLOSE, []),
        (ResumeAnswer.LATER, ["Other", "Test session"]),
        (None, ["Other", "Test session"]),
    ],
)
def test_an_answer_to_the_resume_offer(
    tmp_path: Path, answer: ResumeAnswer | None, left: list[str]
) -> None:
    store = HistoryStore(tmp_path / "h.sqlite3")
    _unfinished(store, PLANK, OTHER)
    offer = offer_at_start(store)
    assert offer is not None and offer.latest.name == "Other"
    assert [u.name for u in offer.older] == ["Test session"]
    settle(store, offer, answer, 2000.0)
    assert [u.name for u in store.unfinished()] == left


def test_starting_a_session_offers_only_its_own_unfinished_row(tmp_path: Path) -> None:
    store = HistoryStore(tmp_path / "h.sqlite3")
    assert offer_at_start(store) is None
    _unfinished(store, PLANK, OTHER)
    offer = offer_for(store, PLANK)
    assert offer is not None and offer.latest.slug == "test"
    settle(store, offer, ResumeAnswer.FRESH, 2000.0)
    assert [u.name for u in store.unfinished()] == ["Other"]


def test_home_data_without_a_history_places_the_week_from_the_settings() -> None:
    on = date(2026, 11, 25)
    data = home_data(load_catalog(), Settings(run_days=("tue", "sat")), on, None)
    assert data.today is not None and len(data.week) == 7
    assert data.recent == [] and data.damage is None


def test_home_data_from_a_damaged_history_reads_no_file_behind_the_store(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    store = HistoryStore(tmp_path / "h.sqlite3")
    _unfinished(store, PLANK)

    def damaged(*_: object, **__: object) -> list[object]:
        raise HistoryError(store.path, "is damaged or not a runstrong history (malformed)")

    monkeypatch.setattr(HistoryStore, "trained_sessions", damaged)
    monkeypatch.setattr(HistoryStore, "session_heads", damaged)
    opened: list[object] = []
    monkeypatch.setattr(HistoryStore, "for_reading", lambda path: opened.append(path))
    data = home_data(load_catalog(), Settings(), date(2026, 11, 25), store)
    assert data.damage is not None and "malformed" in str(data.damage)
    assert data.today is not None and len(data.week) == 7  # the plan still stands
    assert opened == []  # nothing reopened the history file (it may be the damaged one)


def test_balance_notes_name_only_this_sessions_one_sided_exercises() -> None:
    side = session(exercise("Side plank", hold(20), sides=(Side.LEFT, Side.RIGHT)))
    balances = [
        Balance("Side plank", "Side plank", "hold", 20, 25, 3),
        Balance("Clam", "Clam", "reps", 10, 14, 3),
    ]
    (note,) = balance_notes(side, balances)
    assert note.startswith("Side plank: your left side is 20% behind")


def test_a_draft_that_would_hide_a_bundled_session_says_so() -> None:
    catalog = load_catalog()
    draft = Draft(name="Core stability")
    draft.add(from_library(catalog.library["front-plank"]))
    path = draft.path()
    words = clash(draft, path, catalog.entries)
    assert words is not None and "hides it" in words and "(core-stability)" in words
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("# mine\n")
    assert "already exists" in (clash(draft, path, catalog.entries) or "")
    assert clash(Draft(name="Brand new"), Draft(name="Brand new").path(), catalog.entries) is None


def test_move_aside_keeps_the_file_under_a_dated_name() -> None:
    path = paths.history_file()
    path.parent.mkdir(parents=True)
    path.write_bytes(b"old")
    moved = move_aside(path, datetime(2026, 12, 6, 4, 15, 0))
    assert moved.name == "history.20261206-041500.sqlite3"
    assert moved.read_bytes() == b"old" and not path.exists()
