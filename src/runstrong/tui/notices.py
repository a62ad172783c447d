"""How long a notification stays, by what it says: named once so every screen agrees."""

BRIEF = 2.0
"""A toggle confirmed (sound on or off)."""
DONE = 6.0
"""Something was saved or moved."""
WARNING = 10.0
"""Something to fix; the work goes on (a setting that fell back, a sound problem)."""
ERROR = 15.0
"""Something failed or is not being saved."""
