"""`week`, `today`, `plan`, `list` and `show`: the JSON contracts of the running week."""

from __future__ import annotations

import json

import pytest

from runstrong import settings
from runstrong.cli import main
from runstrong.settings import Settings

WEDNESDAY = "2026-11-25"


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def use(**values: object) -> None:
    settings.save(Settings(**values))  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("run_days", "key"),
    [
        (("tue", "thu"), ("thu",)),
        (("mon", "tue", "thu", "fri"), ("tue", "thu")),
        (("mon", "tue", "wed", "thu", "fri"), ("tue", "thu")),
    ],
)
def test_week_json_is_seven_days_monday_first(
    capsys: pytest.CaptureFixture[str], run_days: tuple[str, ...], key: tuple[str, ...]
) -> None:
    use(plan="off-season", run_days=run_days, key_run_days=key, long_run_day="sun")
    code, out, _ = run(capsys, "week", "--date", WEDNESDAY, "--json")
    days = json.loads(out)
    assert code == 0 and len(days) == 7
    assert days[0]["date"] == "2026-11-23" and days[-1]["date"] == "2026-11-29"
    assert [d["weekday"] for d in days] == ["mon", "tue", "wed", "thu", "fri", "sat", "sun"]
    assert days[-1]["run"] == "long"
    for day in days:
        assert set(day) == {
            "date",
            "weekday",
            "run",
            "session",
            "light",
            "when",
            "reason",
            "plan_week",
            "easier_week",
        }
        assert day["run"] in {"none", "easy", "key", "long", "race"}
        assert day["plan_week"] is None  # no `plan use` yet
        assert day["when"] in {"before-run", "after-run", "any", None}
        assert isinstance(day["light"], bool) and day["reason"]
        if day["session"] is None:
            assert day["when"] is None
    # Wednesday onwards is a forecast: the plan's three sessions all find a day.
    counted = [d for d in days[2:] if d["session"] and not d["session"].endswith("activation")]
    assert len(counted) == 3
    for day in days[2:]:
        if day["run"] == "easy":  # rule 2: activation before, or the session after
            assert (day["session"], day["when"]) == ("pre-run-activation", "before-run") or (
                not day["session"].endswith("activation") and day["when"] == "after-run"
            )


def test_today_json_matches_the_week(capsys: pytest.CaptureFixture[str]) -> None:
    use(plan="in-season", run_days=("mon", "wed", "fri"), key_run_days=("tue",))
    _, out, _ = run(capsys, "week", "--date", WEDNESDAY, "--json")
    wednesday = json.loads(out)[2]
    code, out, _ = run(capsys, "today", "--date", WEDNESDAY, "--json")
    today = json.loads(out)
    assert code == 0
    assert (today["session"], today["light"], today["when"], today["reason"], today["run"]) == (
        wednesday["session"],
        wednesday["light"],
        wednesday["when"],
        wednesday["reason"],
        wednesday["run"],
    )
    assert today["date"] == WEDNESDAY and today["plan"] == "in-season"
    assert set(wednesday) <= set(today) and today["weekday"] == "wed"


def test_week_and_today_text(capsys: pytest.CaptureFixture[str]) -> None:
    use(plan="beginner", run_days=("tue",), key_run_days=("thu",))
    code, out, _ = run(capsys, "week", "--date", WEDNESDAY)
    assert code == 0 and "Beginner: the week of Mon 23 Nov 2026, 2 sessions" in out
    assert "Sun 29  long run  " in out and "Wed 25  no run    " in out
    code, out, _ = run(capsys, "today", "--date", "2026-11-24")
    assert code == 0 and "Today: " in out
    assert "After your easy run" in out and "runstrong start " in out


def test_bad_date_is_a_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as stop:
        main(["week", "--date", "2026-13-01"])
    assert stop.value.code == 2
    assert "expected a date such as 2026-11-23, got '2026-13-01'" in capsys.readouterr().err


def test_plan_json(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "plan", "--json")
    plans = {p["slug"]: p for p in json.loads(out)}
    assert code == 0 and {"beginner", "in-season", "off-season"} <= set(plans)
    for plan in plans.values():
        assert {"slug", "name", "sessions_per_week", "rotation", "days"} <= set(plan)
    assert plans["off-season"]["sessions_per_week"] == 3
    assert "feet-and-ankles" in plans["off-season"]["rotation"]
    assert plans["beginner"]["active"] is True


def test_list_and_show_json_carry_intensity_and_category(
    capsys: pytest.CaptureFixture[str],
) -> None:
    _, out, _ = run(capsys, "list", "--json")
    levels = {row["slug"]: row["intensity"] for row in json.loads(out)}
    assert levels["power"] == "hard" and levels["pre-run-activation"] == "easy"
    assert levels["core-stability"] == "moderate"
    _, out, _ = run(capsys, "show", "power", "--json")
    exercises = json.loads(out)["exercises"]
    assert [e["category"] for e in exercises[:2]] == ["warm-up", "warm-up"]
    assert all(isinstance(e["estimated_seconds"], int) for e in exercises)
    assert "plyometric" in {e["category"] for e in exercises}
    _, out, _ = run(capsys, "show", "in-season-strength", "--light", "--json")
    light = json.loads(out)
    assert light["intensity"] == "moderate"  # light leg work still counts as moderate
    assert not {"plyometric", "loaded"} & {e["category"] for e in light["exercises"]}


def test_long_run_day_setting_is_checked(tmp_path: object) -> None:
    chosen, warnings = settings.from_mapping({"long_run_day": "Saturday"}, "s.toml")
    assert chosen.long_run_day == "sat" and not warnings
    chosen, warnings = settings.from_mapping({"long_run_day": "someday"}, "s.toml")
    assert chosen.long_run_day == "sun"
    assert warnings and "s.toml: long_run_day: unknown day 'someday'" in warnings[0]
    assert Settings().long_run_day == "sun"
    chosen, _ = settings.from_mapping({"long_run_day": ""}, "s.toml")
    assert chosen.long_run_day == ""
