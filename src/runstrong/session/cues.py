"""Which sound cues fall inside a stretch of a step's elapsed time.

Cues fire when the time crosses their moment between two updates, so a stalled event loop
neither skips a cue nor plays it twice.
"""

from __future__ import annotations

import math

from runstrong.session.events import Cue, CueEvent, Event
from runstrong.session.timeline import SessionPhase, Step

TICK_SECONDS = (3, 2, 1)
HALFWAY_MIN_HOLD = 20.0


def cues_between(step: Step, duration: float | None, before: float, after: float) -> list[Event]:
    """Cues whose moment lies in (before, after] of the step's elapsed time."""
    if after <= before:
        return []
    phase = step.phase
    if phase is not None and phase.is_paced and phase.tempo:
        first = math.floor(before / phase.tempo + 1e-9) + 1
        last = min(phase.target or 0, math.floor(after / phase.tempo + 1e-9))
        # The last rep's tick would land on top of the next step's own cue.
        return [CueEvent(Cue.REP) for n in range(first, last + 1) if n < (phase.target or 0)]
    if duration is None:
        return []
    events: list[Event] = []
    if step.kind is SessionPhase.HOLD and duration >= HALFWAY_MIN_HOLD:
        half = duration / 2
        if before < half <= after:
            events.append(CueEvent(Cue.HALFWAY))
    for left in TICK_SECONDS:
        moment = duration - left
        if moment > 0 and before < moment <= after:
            events.append(CueEvent(Cue.TICK))
    return events


def next_cue(step: Step, duration: float | None, elapsed: float) -> float | None:
    """The moment (in the step's elapsed time) of the first cue `cues_between` would still
    fire after `elapsed`, or None."""
    phase = step.phase
    if phase is not None and phase.is_paced and phase.tempo:
        rep = math.floor(elapsed / phase.tempo + 1e-9) + 1
        return rep * phase.tempo if rep < (phase.target or 0) else None
    if duration is None:
        return None
    moments = [duration - left for left in TICK_SECONDS if duration - left > 0]
    if step.kind is SessionPhase.HOLD and duration >= HALFWAY_MIN_HOLD:
        moments.append(duration / 2)
    return min((m for m in moments if m > elapsed), default=None)
