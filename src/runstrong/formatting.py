"""Times and durations the way people read them (shared by the CLI and the screens)."""

from __future__ import annotations

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


def when_text(stamp: str) -> str:
    """An ISO time as 'Tue 24 Nov 18:05' in the time zone it was recorded in."""
    try:
        moment = datetime.fromisoformat(stamp)
    except ValueError:
        return stamp
    return moment.strftime("%a %d %b %Y %H:%M")


def counted(count: int, singular: str, plural: str | None = None) -> str:
    """'1 set', '3 sets': a number with its noun in the right form."""
    return f"{count} {singular if count == 1 else plural or singular + 's'}"


def amount(count: int | None, unit: str) -> str:
    """A hold or a rep count with its unit: '30 s', '1 rep', '12 reps' (never '1 reps')."""
    return f"{count} s" if unit == "s" else counted(count or 0, "rep")


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


def distance_text(km: float | None, units: str = "kg") -> str:
    """A run's distance: km with kg, miles with lb (the person's choice of `units`)."""
    if km is None:
        return "-"
    if units == "lb":
        return f"{km / KM_PER_MI:.1f} mi"
    return f"{km:.1f} km"
