"""Left against right: whether one side lags the other, from sets done on both sides."""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass

from runstrong.history.queries import shown

BALANCE_LAG = 0.10
BALANCE_SESSIONS = 3


@dataclass(frozen=True, slots=True)
class Balance:
    exercise: str
    name: str
    kind: str
    left: int
    right: int
    sessions: int

    @property
    def unit(self) -> str:
        return "s" if self.kind == "hold" else "reps"

    @property
    def weaker(self) -> str | None:
        """The side that lags the other by more than 10%, once three sessions show it."""
        strong = max(self.left, self.right)
        if (
            self.sessions < BALANCE_SESSIONS
            or strong == 0
            or min(self.left, self.right) >= strong * (1 - BALANCE_LAG)
        ):
            return None
        return "left" if self.left < self.right else "right"

    @property
    def lag_percent(self) -> int:
        strong = max(self.left, self.right)
        return 0 if strong == 0 else round(100 * (strong - min(self.left, self.right)) / strong)


# A set that says something about a side: a hold that ran to its end (or a hold to the
# limit, the person's own effort) or reps the person counted; never reps the timer paced, a
# set cut short, or a warm-up drill. NULL (an older version, an import): reps only when they
# reached their target.
TELLS = """
    coalesce({t}.warm_up, 0) = 0 AND (
        ({t}.kind = 'hold' AND ({t}.target IS NULL OR {t}.actual >= {t}.target))
        OR ({t}.kind = 'reps' AND ({t}.paced = 0
            OR ({t}.paced IS NULL AND {t}.actual >= coalesce({t}.target, 0)))))
"""


def balances(db: sqlite3.Connection, sessions_back: int = BALANCE_SESSIONS) -> list[Balance]:
    """Left vs right totals of each per-side exercise over its last few sessions.

    Only sets done on both sides in the same session are compared (a session stopped after
    the left side says nothing about the right), and only sets that tell (TELLS).
    """
    rows = db.execute(
        f"""
        WITH pairs AS (
            SELECT l.exercise, l.kind, l.session_id, l.exercise_name,
                   l.actual AS left_actual, r.actual AS right_actual,
                   max(l.completed_ts, r.completed_ts) AS done_ts
            FROM sets l JOIN sets r
              ON r.session_id = l.session_id AND r.exercise_index = l.exercise_index
             AND r.set_number = l.set_number AND r.phase_index = l.phase_index
             AND r.kind = l.kind AND r.side = 'right'
            WHERE l.side = 'left' AND {TELLS.format(t="l")} AND {TELLS.format(t="r")}
        ),
        ranked AS (
            SELECT *, dense_rank() OVER (
                PARTITION BY exercise, kind ORDER BY session_id DESC) AS age
            FROM pairs
        )
        SELECT exercise, max(exercise_name) AS name, kind,
               sum(left_actual) AS left_total, sum(right_actual) AS right_total,
               count(DISTINCT session_id) AS n
        FROM ranked WHERE age <= ?
        GROUP BY exercise, kind
        ORDER BY name
        """,
        (sessions_back,),
    ).fetchall()
    return [
        Balance(
            r["exercise"], shown(r["name"]), r["kind"], r["left_total"], r["right_total"], r["n"]
        )
        for r in rows
    ]
