"""`stats` over a long history reads an index in order rather than sorting every set."""

from __future__ import annotations

from pathlib import Path

from runstrong.history import HistoryStore
from runstrong.history.queries import EXERCISE_GROUPS


def test_the_stats_group_reads_a_covering_index(tmp_path: Path) -> None:
    store = HistoryStore(tmp_path / "history.sqlite3")
    plan = " ".join(
        str(row[-1]) for row in store.db.execute("EXPLAIN QUERY PLAN " + EXERCISE_GROUPS)
    )
    assert "COVERING INDEX sets_by_kind" in plan
    assert "TEMP B-TREE FOR GROUP BY" not in plan
