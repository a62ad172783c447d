"""`plan`, `plan use`, `today`, `week` and `new`: the running week from the command line."""

from __future__ import annotations

import sys
import unicodedata
from dataclasses import replace
from datetime import date, timedelta
from pathlib import Path

from rich.console import Console
from rich.padding import Padding
from rich.table import Table
from rich.text import Text

from runstrong import paths, settings
from runstrong.checks import did_you_mean
from runstrong.cli.record import read_record
from runstrong.cli.terminal import argument_text, ascii_only
from runstrong.exit_codes import EXIT_INVALID, EXIT_USAGE
from runstrong.planning.easier import WORDS as EASIER_WORDS
from runstrong.planning.plans import InvalidPlan, Plan, load_plans
from runstrong.planning.rules import weekday
from runstrong.planning.schedule import Day
from runstrong.planning.today import Today, Verdict, today_from_week
from runstrong.planning.week import DEFAULT_PLAN, name_of, record_window, week_for
from runstrong.text import clean_text, terminal_json
from runstrong.workout.catalog import Catalog, load_catalog


def _plan_json(slug: str, plan: Plan | InvalidPlan, active: str) -> dict[str, object]:
    if isinstance(plan, InvalidPlan):
        return {"slug": slug, "path": plan.path, "errors": [str(p) for p in plan.problems]}
    return {
        "slug": slug,
        "name": plan.name,
        "sessions_per_week": plan.sessions_per_week,
        "rotation": list(plan.rotation),
        "days": list(plan.days),
        "variants": dict(plan.variants),
        "description": plan.description,
        "source": plan.source,
        "active": slug == active,
    }


def cmd_plan_list(out: Console, err: Console, *, as_json: bool = False) -> int:
    catalog = load_catalog()
    chosen, warnings = settings.load()
    for warning in warnings:
        err.print(Text(warning), style="yellow", soft_wrap=True)
    plans = load_plans(catalog.entries)
    active = chosen.plan or DEFAULT_PLAN
    if as_json:
        print(
            terminal_json(
                [_plan_json(slug, plan, active) for slug, plan in plans.items()],
                indent=2,
                ascii_only=ascii_only(),
            )
        )
        return 0
    table = Table(title="Plans", title_justify="left")
    for name in ("", "plan", "name", "a week", "rotation", "source"):
        table.add_column(name)
    for slug, plan in plans.items():
        mark = "*" if slug == active else ""
        if isinstance(plan, InvalidPlan):
            table.add_row(
                "", Text(slug), Text(f"error: {plan.problems[0]}", style="red"), "", "", ""
            )
            continue
        table.add_row(
            mark,
            Text(slug),
            Text(plan.name),
            str(plan.sessions_per_week),
            Text(" → ".join(plan.rotation)),
            plan.source,
        )
    out.print(table)
    out.print("* active plan. Change it with `runstrong plan use NAME`.")
    return 0


def cmd_plan_use(out: Console, err: Console, name: str) -> int:
    catalog = load_catalog()
    plans = load_plans(catalog.entries)
    plan = plans.get(name)
    if plan is None:
        err.print(
            Text(f"runstrong: no plan called '{name}'{did_you_mean(name, list(plans))}"),
            style="red",
        )
        return EXIT_USAGE
    if isinstance(plan, InvalidPlan):
        for problem in plan.problems:
            err.print(Text(str(problem)), style="red", soft_wrap=True)
        return EXIT_INVALID
    chosen, _ = settings.load()
    try:
        # Week 1 of the plan starts today: a gentle start and the rotation count from it.
        path = settings.save(replace(chosen, plan=name, plan_started=today_date()))
    except settings.SettingsNotSaved as error:
        err.print(Text(f"runstrong: {error}"), style="red", soft_wrap=True)
        return EXIT_INVALID
    out.print(Text(f"Active plan: {plan.name} ({plan.sessions_per_week} a week). Saved in {path}."))
    return 0


def today_date() -> date:
    """The real today (tests replace it to look at a week from a fixed day)."""
    return date.today()


def _week_or_none(
    err: Console, on: date | None, *, as_today: bool = False
) -> tuple[Catalog, Plan, list[Day]] | None:
    """The week holding `on`. `as_today`: placed as if `on` were today (what `today --date`
    asks); otherwise a later week is forecast from the real today, as `plan export` does."""
    catalog = load_catalog()
    chosen, warnings = settings.load()
    for warning in warnings:
        err.print(Text(warning), style="yellow", soft_wrap=True)
    today = today_date()
    on = on or today
    if as_today:
        today = on
    first, _ = record_window(min(on, today))  # what week_for reads, and a little more
    record = read_record(first, max(on, today) + timedelta(days=1))
    plan, week = week_for(catalog, chosen, on, record, today=today)
    if plan is None:
        err.print(
            Text(
                f"runstrong: the active plan '{chosen.plan}' is missing or invalid; "
                "see `runstrong plan`"
            ),
            style="red",
        )
        return None
    return catalog, plan, week


def _today_json(today: Today, on: date, plan: Plan) -> dict[str, object]:
    return {
        "date": on.isoformat(),
        "weekday": weekday(on),
        "plan": plan.slug,
        "verdict": today.verdict.value,
        "session": today.slug,
        "light": today.light,
        "when": None if today.when is None else today.when.value,
        "run": today.run.value,
        "reason": today.reason,
        "done_this_week": today.done_this_week,
        "per_week": today.per_week,
        "plan_week": today.plan_week,
        "easier_week": today.easier_week,
    }


def cmd_today(out: Console, err: Console, *, on: date | None = None, as_json: bool = False) -> int:
    found = _week_or_none(err, on, as_today=True)
    if found is None:
        return 0
    catalog, plan, week = found
    on = on or today_date()
    today = today_from_week(plan, week, on)
    if as_json:
        print(terminal_json(_today_json(today, on, plan), indent=2, ascii_only=ascii_only()))
        return 0
    # Each thing once: the reason may already say the day's verdict or the week's count.
    if today.verdict is Verdict.SESSION and today.slug:
        light = " --light" if today.light else ""
        out.print(
            Text(
                f"Today: {name_of(catalog, today.slug)}{' (light)' if today.light else ''}",
                style="bold",
            )
        )
        out.print(Text(today.reason))
        out.print(Text(f"Start it with: runstrong start {today.slug}{light}", style="dim"))
    else:
        done = today.verdict is Verdict.DONE
        headline = "Done for today." if done else "Rest day."
        if not today.reason.startswith(headline.rstrip(".")):
            out.print(Text(headline, style="bold green" if done else "bold"))
        out.print(Text(today.reason, style="bold green" if done else "bold"))
    if today.easier_week:
        out.print(Text(EASIER_WORDS, style="bold yellow"))
    if "this week" not in today.reason:
        out.print(
            Text(f"{plan.name}: {today.done_this_week} of {today.per_week} this week", style="dim")
        )
    ran = [day for day in week if day.ran and day.day < on]
    for day in ran:
        out.print(Text(f"{day.day:%a %d}  {day.ran}", style="dim"))
    return 0


WHEN_WORDS = {"before-run": "before the run", "after-run": "after the run", "any": "any time"}
RUN_WORDS = {
    "none": "no run",
    "easy": "easy run",
    "key": "key run",
    "long": "long run",
    "race": "race",
}


def cmd_week(out: Console, err: Console, *, on: date | None = None, as_json: bool = False) -> int:
    found = _week_or_none(err, on)
    if found is None:
        return 0
    catalog, plan, week = found
    if as_json:
        print(terminal_json([day.as_json() for day in week], indent=2, ascii_only=ascii_only()))
        return 0
    on = on or today_date()
    out.print(
        Text(
            f"{plan.name}: the week of {week[0].day:%a %d %b %Y}, "
            f"{plan.sessions_per_week} sessions",
            style="bold",
        )
    )
    if week[0].easier_week:
        out.print(Text(EASIER_WORDS, style="bold yellow"))
    for day in week:
        line = Text(f"{day.day:%a %d}  ", style="reverse bold" if day.day == on else "")
        if day.ran:
            line.append(f"{day.ran}  ", style="cyan")
        else:
            line.append(f"{RUN_WORDS[day.run.value]:<10}", style="cyan")
        if day.session is None:
            line.append("no strength work", style="dim")
        else:
            line.append(
                name_of(catalog, day.session) + (" (light)" if day.light else ""),
                style="dim" if day.done else "bold",
            )
            if not day.done and day.when:
                line.append(f", {WHEN_WORDS[day.when.value]}")
        out.print(line)
        out.print(Padding(Text(day.reason, style="dim"), (0, 0, 0, 8), expand=False))
    return 0


STARTER = """# A runstrong session. Check it with: runstrong validate {path}
# Run it with: runstrong start {slug}

[session]
name = "{name}"
description = "What this session is for, in a sentence."
focus = ["core"]
intensity = "moderate"        # easy, moderate or hard (jumps or heavy lifts): the week uses it
rest_between_sets = 30        # seconds
rest_between_exercises = 45

# An exercise from the library, by id (runstrong show core-stability --json lists ids):
[[exercises]]
exercise = "front-plank"
sets = 2
hold = 30                     # seconds; "max" holds until you press enter
progression = {{ from = 30, to = 60, step = 5 }}

# Or one of your own, described here:
[[exercises]]
name = "Wall sit"
cues = ["Back flat to the wall", "Knees over ankles"]
sets = 2
hold = 30

[[exercises]]
name = "Single-leg calf raise"
sets = 2
reps = 12
tempo = 2.5                   # the timer counts the reps for you
sides = ["left", "right"]
"""


RESERVED_NAMES = {Path(paths.LIBRARY_FILE).stem: "the exercise library"}
MAX_FILE_NAME_BYTES = 255


def _name_problem(name: str, slug: str) -> str | None:
    """Why `name` would make a bad file, or None."""
    if any(unicodedata.category(char) in ("Cc", "Cf") for char in name):
        return "contains control characters; use letters, digits and spaces"
    if not slug:
        return "has no letters or digits to name a file after"
    if slug in RESERVED_NAMES:
        return (
            f"would be {slug}.toml, which is {RESERVED_NAMES[slug]}'s file name; pick another name"
        )
    size = len(f"{slug}.toml".encode())
    if size > MAX_FILE_NAME_BYTES:
        return (
            f"is too long for a file name ({size} bytes with .toml; at most "
            f"{MAX_FILE_NAME_BYTES}); pick a shorter name"
        )
    return None


def cmd_new(out: Console, err: Console, name: str) -> int:
    name = argument_text(name)
    slug = "-".join("".join(c if c.isalnum() else " " for c in name.lower()).split())
    try:
        slug.encode(sys.getfilesystemencoding())
    except UnicodeEncodeError:
        # A C locale names files in ASCII: "Über" becomes uber.toml, not a crash.
        folded = unicodedata.normalize("NFKD", slug).encode("ascii", "ignore").decode()
        slug = "-".join(folded.replace("-", " ").split())
    problem = _name_problem(name, slug)
    if problem:
        err.print(
            Text(f"runstrong: '{clean_text(name)[:60]}' {problem}"), style="red", soft_wrap=True
        )
        return EXIT_USAGE
    folder = paths.user_workouts_dir()
    path: Path = folder / f"{slug}.toml"
    if path.exists():
        err.print(
            Text(clean_text(f"runstrong: {path} already exists; pick another name or edit it")),
            style="red",
            soft_wrap=True,
        )
        return EXIT_USAGE
    safe_name = name.strip().replace("\\", "\\\\").replace('"', '\\"')
    try:
        folder.mkdir(parents=True, exist_ok=True)
        with path.open("x", encoding="utf-8") as handle:
            handle.write(STARTER.format(path=path, slug=slug, name=safe_name))
    except (FileExistsError, NotADirectoryError) as error:
        where = clean_text(str(error.filename or folder))
        err.print(
            Text(
                f"runstrong: cannot write {clean_text(str(path))}: {where} is a file, "
                "not a folder; move it aside and try again"
            ),
            style="red",
            soft_wrap=True,
        )
        return EXIT_INVALID
    except OSError as error:
        err.print(
            Text(clean_text(f"runstrong: cannot write {path}: {error.strerror or error}")),
            style="red",
            soft_wrap=True,
        )
        return EXIT_INVALID
    print(clean_text(str(path)))
    return 0
