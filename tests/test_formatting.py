"""The words the command line and the screens share: one way to say each thing."""

from __future__ import annotations

from runstrong.formatting import (
    amount_text,
    balance_text,
    counted,
    damaged_text,
    duration_text,
    lag_text,
    sets_done_text,
)
from runstrong.history.balance import Balance
from runstrong.workout.builder import DraftExercise
from runstrong.workout.model import Phase, PhaseKind


def test_amounts_are_said_one_way() -> None:
    assert amount_text(30, "hold") == amount_text(30, PhaseKind.HOLD) == "30 s"
    assert amount_text(12, "reps") == "12"
    assert amount_text(12, PhaseKind.REPS, reps_word=True) == "12 reps"
    assert amount_text(1, "reps", reps_word=True) == "1 rep"


def test_plurals_agree_with_the_number() -> None:
    assert [counted(n, "week") for n in (0, 1, 2)] == ["0 weeks", "1 week", "2 weeks"]
    assert counted(3, "bad line") == "3 bad lines"


def test_sets_done_cell() -> None:
    assert sets_done_text(7, 8) == "7/8"
    assert sets_done_text(7, None) == sets_done_text(7, 0) == "7"


def test_the_balance_sentence() -> None:
    lagging = Balance("clamshell", "Clamshell", "hold", left=80, right=100, sessions=3)
    assert lagging.weaker == "left"
    sentence = balance_text(lagging.name, lagging.weaker, lagging.lag_percent, lagging.sessions)
    assert sentence == (
        "Clamshell: your left side is 20% behind the other over the last 3 sessions"
    )
    assert lag_text("right", 11, 1).endswith("over the last 1 session")


def test_the_damage_sentence_names_the_file_and_says_what_to_do() -> None:
    text = damaged_text("/data/history.sqlite3", "database disk image is malformed")
    assert "/data/history.sqlite3 is damaged (database disk image is malformed)" in text
    assert "has not been changed" in text and "move it aside" in text


def test_estimates_past_an_hour_keep_their_hours() -> None:
    # `list` and `show` say session lengths through duration_text (no `62:05`).
    assert duration_text(3725) == "1:02:05"
    assert duration_text(1650) == "27:30"


def test_the_builder_words_a_draft_as_a_session_phase() -> None:
    draft = DraftExercise("plank", "Plank", sets=3, reps=None, hold=30, sides=True)
    assert draft.describe() == f"3 x {Phase(PhaseKind.HOLD, 30).describe()} per side"
    paced = DraftExercise("taps", "Taps", reps=10, tempo=2.0)
    assert paced.describe() == "2 x 10 reps @ 2 s"
