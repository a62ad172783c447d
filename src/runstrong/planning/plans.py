"""Training plans: how many sessions a week, and which ones in turn.

Plans are TOML files like workouts: bundled in `workouts/plans/`, the person's own in
`<config dir>/plans/` (same slug overrides), validated with the same kind of messages.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, replace
from importlib.resources.abc import Traversable
from pathlib import Path
from typing import Any

from runstrong import paths
from runstrong.checks import (
    SESSIONS_PER_WEEK,
    Checker,
    Problem,
    did_you_mean,
    parse_document,
)
from runstrong.reading import Refused, read_capped
from runstrong.settings import WEEKDAYS

PLAN_KEYS = (
    "name",
    "description",
    "sessions_per_week",
    "rotation",
    "days",
    "variants",
    "extras",
    "start_weeks",
    "start_swaps",
)
START_WEEKS = (1, 12)


@dataclass(frozen=True, slots=True)
class Plan:
    slug: str
    name: str
    sessions_per_week: int
    rotation: tuple[str, ...]
    days: tuple[str, ...] = ()
    description: str = ""
    source: str = "bundled"
    # (session, stand-in): a session that may replace one in the rotation, e.g. at home.
    variants: tuple[tuple[str, str], ...] = ()
    # Sessions offered on a free day beside the plan, not counted among its sessions.
    extras: tuple[str, ...] = ()
    # A gentle start: for this many weeks from `plan use`, one set of each exercise and the
    # body-weight version of loaded ones (`start_swaps`: library id -> library id).
    start_weeks: int = 0
    start_swaps: tuple[tuple[str, str], ...] = ()

    def counts(self, slug: str) -> bool:
        """Whether doing `slug` is one of this plan's sessions."""
        return slug in self.rotation or any(slug == alt for _, alt in self.variants)

    def original(self, slug: str) -> str:
        """The rotation session `slug` stands in for (itself when it is not a variant)."""
        return next((main for main, alt in self.variants if alt == slug), slug)

    def variant_of(self, slug: str) -> str | None:
        return next((alt for main, alt in self.variants if main == slug), None)


@dataclass(frozen=True, slots=True)
class InvalidPlan:
    slug: str
    path: str
    problems: tuple[Problem, ...]


def parse_plan(
    doc: Mapping[str, Any], file: str, slug: str, known_sessions: Iterable[str]
) -> tuple[Plan | None, list[Problem]]:
    check = Checker(file)
    check.unknown_keys(doc, ("plan",), "")
    head = doc.get("plan")
    if not isinstance(head, dict):
        check.add(
            "missing; expected a [plan] table with name, sessions_per_week and rotation", "", "plan"
        )
        return None, check.problems
    where = "[plan]"
    check.unknown_keys(head, PLAN_KEYS, where)
    name = check.text(head, "name", where)
    if not name:
        check.add("missing; expected the plan's name as text", where, "name")
    per_week = check.integer(head, "sessions_per_week", SESSIONS_PER_WEEK, where, "sessions a week")
    if "sessions_per_week" not in head:
        check.add("missing; expected a whole number from 1 to 7", where, "sessions_per_week")
    known = list(known_sessions)
    rotation = check.text_list(head, "rotation", where)
    if not rotation:
        check.add(
            'missing; expected the session slugs in turn, e.g. ["power", "core-stability"]',
            where,
            "rotation",
        )
    for slug_ in rotation:
        if slug_ not in known:
            check.add(f"no session '{slug_}'" + did_you_mean(slug_, known), where, "rotation")
    days = tuple(d.lower()[:3] for d in check.text_list(head, "days", where))
    for day in days:
        if day not in WEEKDAYS:
            check.add(
                f"unknown day '{day}'; expected mon, tue, wed, thu, fri, sat or sun", where, "days"
            )
    variants = _variants(check, head.get("variants"), known, rotation, where)
    extras = check.text_list(head, "extras", where)
    for slug_ in extras:
        if slug_ not in known:
            check.add(f"no session '{slug_}'" + did_you_mean(slug_, known), where, "extras")
    start_weeks = check.integer(head, "start_weeks", START_WEEKS, where, "weeks")
    swaps = _swaps(check, head.get("start_swaps"), where)
    if check.problems or name is None or per_week is None:
        return None, check.problems
    return Plan(
        slug,
        name,
        per_week,
        rotation,
        days,
        check.text(head, "description", where, multiline=True) or "",
        variants=variants,
        extras=extras,
        start_weeks=start_weeks or 0,
        start_swaps=swaps,
    ), []


def _swaps(check: Checker, raw: Any, where: str) -> tuple[tuple[str, str], ...]:
    if raw is None:
        return ()
    if not isinstance(raw, dict) or not all(isinstance(v, str) for v in raw.values()):
        check.add(
            'expected a table of exercise ids such as { goblet-squat = "body-squat" }',
            where,
            "start_swaps",
        )
        return ()
    return tuple((str(k), str(v)) for k, v in raw.items())


def _variants(
    check: Checker, raw: Any, known: list[str], rotation: tuple[str, ...], where: str
) -> tuple[tuple[str, str], ...]:
    if raw is None:
        return ()
    if not isinstance(raw, dict) or not all(isinstance(v, str) for v in raw.values()):
        check.add('expected a table such as { power = "power-home" }', where, "variants")
        return ()
    pairs: list[tuple[str, str]] = []
    for main, alt in raw.items():
        if main not in rotation:
            check.add(f"'{main}' is not in the rotation", where, f"variants.{main}")
        elif alt not in known:
            check.add(f"no session '{alt}'" + did_you_mean(alt, known), where, f"variants.{main}")
        else:
            pairs.append((main, alt))
    return tuple(pairs)


def _plan_files(folder: Traversable | Path) -> list[Traversable | Path]:
    try:
        if not folder.is_dir():
            return []
        return sorted(
            (e for e in folder.iterdir() if e.name.endswith(".toml")), key=lambda e: e.name
        )
    except OSError:
        return []


def load_plan_file(
    entry: Traversable | Path, known: Iterable[str], source: str, label: str | None = None
) -> Plan | InvalidPlan:
    label = label or str(entry)
    slug = Path(entry.name).stem
    try:
        data = read_capped(entry, "plan file")
    except Refused as refused:
        return InvalidPlan(slug, label, (Problem(label, str(refused)),))
    doc, problems = parse_document(data, label, "a [plan] table")
    if doc is not None:
        plan, problems = parse_plan(doc, label, slug, known)
        if plan is not None:
            return replace(plan, source=source)
    return InvalidPlan(slug, label, tuple(problems))


def load_plans(known_sessions: Iterable[str]) -> dict[str, Plan | InvalidPlan]:
    known = list(known_sessions)
    plans: dict[str, Plan | InvalidPlan] = {}
    for entry in _plan_files(paths.bundled_workouts() / "plans"):
        plans[Path(entry.name).stem] = load_plan_file(
            entry, known, "bundled", f"bundled plans/{entry.name}"
        )
    for entry in _plan_files(paths.user_plans_dir()):
        plans[Path(entry.name).stem] = load_plan_file(entry, known, "user")
    return plans
