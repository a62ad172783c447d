"""`plan`, `plan use`, `today` and `new`: the running week from the command line."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from pathlib import Path

from rich.console import Console
from rich.table import Table
from rich.text import Text

from runstrong import paths, settings
from runstrong.checks import did_you_mean
from runstrong.exit_codes import EXIT_INVALID, EXIT_USAGE
from runstrong.planning.plans import InvalidPlan, load_plans
from runstrong.planning.today import Verdict
from runstrong.planning.week import DEFAULT_PLAN, name_of, today_for
from runstrong.workouts import load_catalog


def cmd_plan_list(out: Console, err: Console) -> int:
    catalog = load_catalog()
    chosen, warnings = settings.load()
    for warning in warnings:
        err.print(Text(warning), style="yellow", soft_wrap=True)
    plans = load_plans(catalog.entries)
    active = (chosen.plan or DEFAULT_PLAN)
    table = Table(title="Plans", title_justify="left")
    for name in ("", "plan", "name", "a week", "rotation", "source"):
        table.add_column(name)
    for slug, plan in plans.items():
        mark = "*" if slug == active else ""
        if isinstance(plan, InvalidPlan):
            table.add_row("", Text(slug), Text(f"error: {plan.problems[0]}", style="red"),
                          "", "", "")
            continue
        table.add_row(mark, Text(slug), Text(plan.name), str(plan.sessions_per_week),
                      Text(" → ".join(plan.rotation)), plan.source)
    out.print(table)
    out.print("* active plan. Change it with `runstrong plan use NAME`.")
    return 0


def cmd_plan_use(out: Console, err: Console, name: str) -> int:
    catalog = load_catalog()
    plans = load_plans(catalog.entries)
    plan = plans.get(name)
    if plan is None:
        err.print(Text(f"runstrong: no plan called '{name}'{did_you_mean(name, list(plans))}"),
                  style="red")
        return EXIT_USAGE
    if isinstance(plan, InvalidPlan):
        for problem in plan.problems:
            err.print(Text(str(problem)), style="red", soft_wrap=True)
        return EXIT_INVALID
    chosen, _ = settings.load()
    path = settings.save(replace(chosen, plan=name))
    out.print(Text(f"Active plan: {plan.name} ({plan.sessions_per_week} a week). "
                   f"Saved in {path}."))
    return 0


def cmd_today(out: Console, err: Console, *, on: date | None = None) -> int:
    catalog = load_catalog()
    chosen, warnings = settings.load()
    for warning in warnings:
        err.print(Text(warning), style="yellow", soft_wrap=True)
    plan, today = today_for(catalog, chosen, on)
    if plan is None or today is None:
        err.print(Text(f"runstrong: the active plan '{chosen.plan}' is missing or invalid; "
                       "see `runstrong plan`"), style="red")
        return 0
    # Each thing once: the reason may already say the day's verdict or the week's count.
    if today.verdict is Verdict.SESSION and today.slug:
        light = " --light" if today.light else ""
        out.print(Text(f"Today: {name_of(catalog, today.slug)}"
                       f"{' (light)' if today.light else ''}", style="bold"))
        out.print(Text(today.reason))
        out.print(Text(f"Start it with: runstrong start {today.slug}{light}", style="dim"))
    else:
        done = today.verdict is Verdict.DONE
        headline = "Done for today." if done else "Rest day."
        if not today.reason.startswith(headline.rstrip(".")):
            out.print(Text(headline, style="bold green" if done else "bold"))
        out.print(Text(today.reason, style="bold green" if done else "bold"))
    if "this week" not in today.reason:
        out.print(Text(f"{plan.name}: {today.done_this_week} of {today.per_week} this week",
                       style="dim"))
    return 0


STARTER = '''# A runstrong session. Check it with: runstrong validate {path}
# Run it with: runstrong start {slug}

[session]
name = "{name}"
description = "What this session is for, in a sentence."
focus = ["core"]
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
'''


def cmd_new(out: Console, err: Console, name: str) -> int:
    slug = "-".join("".join(c if c.isalnum() else " " for c in name.lower()).split())
    if not slug:
        err.print(Text(f"runstrong: '{name}' has no letters or digits to name a file after"),
                  style="red")
        return EXIT_USAGE
    path: Path = paths.user_workouts_dir() / f"{slug}.toml"
    if path.exists():
        err.print(Text(f"runstrong: {path} already exists; pick another name or edit it"),
                  style="red")
        return EXIT_USAGE
    path.parent.mkdir(parents=True, exist_ok=True)
    safe_name = name.replace("\\", "\\\\").replace('"', '\\"')
    path.write_text(STARTER.format(path=path, slug=slug, name=safe_name), encoding="utf-8")
    print(path)
    return 0
