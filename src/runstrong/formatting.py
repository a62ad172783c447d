"""Times and durations the way people read them (shared by the CLI and the screens)."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime


def duration_text(seconds: float | None, *, short: bool = False) -> str:
    """Seconds as `1:05` or `1:02:03`; `short` shows under a minute as a sports watch does: `45`.

    Rounds to the nearest second; the session clock passes whole seconds it has already
    rounded the way it counts (up when counting down, down when counting up).
    """
    if seconds is None:
        return "-"
    whole = max(0, round(seconds))
    if short and whole < 60:
        return str(whole)
    hours, rest = divmod(whole, 3600)
    minutes, secs = divmod(rest, 60)
    return f"{hours}:{minutes:02d}:{secs:02d}" if hours else f"{minutes}:{secs:02d}"


def local_time(stamp: str) -> datetime | None:
    """A stored ISO time (UTC) in the reader's time zone; None when it cannot be read."""
    try:
        moment = datetime.fromisoformat(stamp)
        return moment.astimezone() if moment.tzinfo is not None else moment
    except (ValueError, OverflowError, OSError):
        return None


def when_text(stamp: str) -> str:
    """An ISO time as 'Tue 24 Nov 2026 18:05' in the reader's time zone (the history stores
    UTC; runs and sessions are shown alike wherever the person is now)."""
    moment = local_time(stamp)
    return stamp if moment is None else moment.strftime("%a %d %b %Y %H:%M")


def day_text(stamp: str) -> str:
    """An ISO time's local date, '2026-11-24'."""
    moment = local_time(stamp)
    return stamp[:10] if moment is None else moment.date().isoformat()


def counted(count: int, singular: str, plural: str | None = None) -> str:
    """'1 set', '3 sets': a number with its noun in the right form."""
    return f"{count} {singular if count == 1 else plural or singular + 's'}"


def amount_text(value: int, kind: str, *, reps_word: bool = False) -> str:
    """What a set did, one way everywhere: `30 s` for a hold, `12` for reps (a count), or
    `12 reps` with `reps_word` where holds and reps share a column."""
    if kind == "hold":
        return f"{value} s"
    return counted(value, "rep") if reps_word else str(value)


def sets_done_text(done: int, planned: int | None) -> str:
    """The sets-done cell: `7/8`, or `7` for a session saved before plans were counted."""
    return f"{done}/{planned}" if planned else str(done)


def lag_text(weaker: str, lag_percent: int, sessions: int) -> str:
    """One side behind the other, as the summary, `stats` and the history screen say it."""
    return (
        f"your {weaker} side is {lag_percent}% behind the other over the last "
        f"{counted(sessions, 'session')}"
    )


def balance_text(name: str, weaker: str, lag_percent: int, sessions: int) -> str:
    """The left/right sentence for an exercise: `Clamshell: your left side is 14% behind...`."""
    return f"{name}: {lag_text(weaker, lag_percent, sessions)}"


def damaged_text(path: object, reason: str) -> str:
    """A history found damaged, in the command line and the app alike."""
    return (
        f"the history file {path} is damaged ({reason}). It has not been changed, and nothing "
        "more is written into it; move it aside to start a new one."
    )


def amount(count: int | None, unit: str) -> str:
    """A hold or a rep count with its unit, "s" or "reps": '30 s', '1 rep', '12 reps'."""
    return amount_text(count or 0, "hold" if unit == "s" else "reps", reps_word=True)


KG_PER_LB = 0.45359237
KM_PER_MI = 1.609344


def load_text(kg: float | None, units: str = "kg") -> str:
    """A load in the person's units ("20 kg", "44.1 lb"); stored loads are always kg."""
    if kg is None:
        return "-"
    if units == "lb":
        return f"{round(kg / KG_PER_LB, 1):g} lb"
    return f"{round(kg, 2):g} kg"


def load_from(amount: float, units: str = "kg") -> float:
    """A load typed in the person's units, in kg for storage."""
    return round(amount * KG_PER_LB, 3) if units == "lb" else amount


def set_text(
    actual: int, kind: str, load_kg: float | None, units: str = "kg", *, reps_word: bool = False
) -> str:
    """One set, one way everywhere: `8 x 20 kg` when it carried a load, else `amount_text`."""
    if load_kg is not None:
        return f"{actual} x {load_text(load_kg, units)}"
    return amount_text(actual, kind, reps_word=reps_word)


def sets_text(sets: Sequence[tuple[int, str, float | None]], units: str = "kg") -> str:
    """Several sets (actual, kind, load), one way everywhere: `30 s, 28 s`, `8 x 20 kg, 6 x 22.5
    kg`; a load the same in every set is said once (`8 x 20 kg`: the sets are counted beside)."""
    words = [set_text(actual, kind, load, units) for actual, kind, load in sets]
    if len(set(words)) == 1 and sets[0][2] is not None:
        return words[0]
    return ", ".join(words)


def distance_text(km: float | None, units: str = "kg") -> str:
    """A run's distance: km with kg, miles with lb (the person's choice of `units`)."""
    if km is None:
        return "-"
    if units == "lb":
        return f"{km / KM_PER_MI:.1f} mi"
    return f"{km:.1f} km"
