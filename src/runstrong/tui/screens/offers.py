"""Questions the app asks before a session: resume a crashed one, take a progression, and what
to do with a history file that is not ours. Each returns its own answer type."""

from __future__ import annotations

from enum import Enum

from rich.text import Text

from runstrong.application.resume import ResumeAnswer
from runstrong.formatting import amount, load_text, when_text
from runstrong.history import Unfinished
from runstrong.history.database import iso
from runstrong.planning.progression import Suggestion
from runstrong.tui.screens.dialogs import Answer, Choice, kept_sentence


class HistoryAnswer(Enum):
    MOVE_ASIDE = "move aside"
    CARRY_ON = "carry on"  # without saving this time


class ProgressionAnswer(Enum):
    ACCEPT = "accept"
    KEEP = "keep"


def resume_offer(unfinished: Unfinished, *, fresh: bool = False) -> Choice[ResumeAnswer]:
    """`fresh`: the person asked to start this session, so the other way is to start over
    rather than to close it."""
    light = " (light)" if unfinished.light else ""
    body = Text(
        f"{unfinished.name}{light} was left unfinished on "
        f"{when_text(iso(unfinished.started_ts))}. "
        f"{kept_sentence(unfinished.sets_logged)} "
    )
    if fresh:
        body.append("Pick it up from the first set not done, or start it again from the beginning.")
        return Choice(
            "Unfinished session",
            body,
            [
                Answer("r", "Resume", ResumeAnswer.RESUME),
                Answer("f", "Start fresh", ResumeAnswer.FRESH),
            ],
            otherwise=ResumeAnswer.LATER,
        )
    body.append("Pick it up from the first set not done, or close it as stopped.")
    return Choice(
        "Unfinished session",
        body,
        [Answer("r", "Resume", ResumeAnswer.RESUME), Answer("c", "Close it", ResumeAnswer.CLOSE)],
        otherwise=ResumeAnswer.LATER,
    )


def history_problem(message: str, *, can_move: bool) -> Choice[HistoryAnswer]:
    body = Text(message + "\n\n")
    if can_move:
        body.append(
            "runstrong has not changed the file. It can rename it (adding the date "
            "and time) and start a new, empty history beside it. Or carry on without "
            "saving this time."
        )
        return Choice(
            "History file problem",
            body,
            [
                Answer("m", "Move it aside", HistoryAnswer.MOVE_ASIDE),
                Answer("n", "Don't save this time", HistoryAnswer.CARRY_ON),
            ],
            otherwise=HistoryAnswer.CARRY_ON,
        )
    body.append("Sessions will run, but nothing can be saved until this is fixed.")
    return Choice(
        "History file problem",
        body,
        [Answer("n", "Carry on without saving", HistoryAnswer.CARRY_ON)],
        otherwise=HistoryAnswer.CARRY_ON,
    )


def progression_offer(offers: list[Suggestion], units: str = "kg") -> Choice[ProgressionAnswer]:
    body = Text("From how your last full session went, today:\n\n")
    for offer in offers:
        target, was = amount(offer.suggested, offer.unit), amount(offer.current, offer.unit)
        if offer.load_kg is not None:
            target += f" at {load_text(offer.load_kg, units)}"
            was += f" at {load_text(offer.current_load_kg, units)}"
        body.append(f"  {offer.name}: {target}", style="bold")
        body.append(f" (now: {was})\n")
        if offer.why:
            body.append(f"    {offer.why}\n", style="dim")
    body.append("\nAccepted targets are used for this session and saved with its sets.")
    return Choice(
        "Your next targets",
        body,
        [
            Answer("a", "Accept", ProgressionAnswer.ACCEPT),
            Answer("k", "Keep file values", ProgressionAnswer.KEEP),
        ],
        otherwise=ProgressionAnswer.KEEP,
    )
