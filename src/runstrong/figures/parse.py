"""A figure from its TOML table, every mistake reported through the shared Checker.

    [front-plank.figure]
    view = "side"                      # "side" (moves front to back) or "front" (sideways)
    feet = 2                           # optional: draw the feet larger, for an ankle move
    close_up = "ankle_r"               # optional: draw only the room round this body point
    path = ["knee_r"]                  # optional: draw where these points travel in a rep
    circles = ["hip"]                  # optional: these points go round in small circles
    guide = ["hip", "head"]            # optional: a straight alignment line through them
    loop = true                        # optional: the rep goes round (a circle), not back
    works = "left"                     # one-sided: the side the drawing shows working
    plan = "forehead on hands"         # optional: a boxed view from above (lying face down)
    props = [{ kind = "box", x = 25, w = 45, h = 40 }]
    hold = { torso = 80, shoulder = 80, elbow = 90, ankle = 40, on = ["toes", "elbows"] }

Each other key is a key position (in order: start, end; hold for a hold): joint angles in
degrees, one number for both sides or [left, right]; `on` lists what rests where ("feet",
"toe_l", "hands@box", "hand_r@wall"); `x` moves the hips across, `lift` raises a body with
nothing on the ground (a jump); `view` shows this position from the other side ("front" for
a lunge to the side in a figure otherwise seen from the side).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from runstrong.checks import Checker, did_you_mean, type_name
from runstrong.figures.figure import (
    GROUND,
    HELD_PROPS,
    PROP_DEFAULTS,
    Contact,
    Figure,
    KeyPosition,
    Plan,
    Prop,
    PropKind,
)
from runstrong.figures.skeleton import (
    BODY_JOINTS,
    FOOT_SCALE,
    LIMB_JOINTS,
    SIDES,
    Point,
    View,
    joint_ranges,
)
from runstrong.figures.validate import check_figure
from runstrong.text import clean_text

FIGURE_KEYS = (
    "view",
    "props",
    "feet",
    "close_up",
    "path",
    "circles",
    "guide",
    "loop",
    "works",
    "plan",
)
PLACEMENT_KEYS = ("on", "x", "lift", "view")
POSITION_KEYS = (*BODY_JOINTS, *LIMB_JOINTS, *PLACEMENT_KEYS)
MAX_POSITIONS = 4
# `ankle = "flat"`: whatever angle puts the sole level on the floor (side view).
FLAT = "flat"
POINTS = (
    "head",
    "neck",
    "shoulder",
    "hip",
    *(
        f"{part}_{side}"
        for part in ("shoulder", "elbow", "hand", "hip", "knee", "shin", "ankle", "heel", "toe")
        for side in SIDES
    ),
)
GROUPS: dict[str, tuple[str, ...]] = {
    "feet": ("heel_l", "toe_l", "heel_r", "toe_r"),
    "foot_l": ("heel_l", "toe_l"),
    "foot_r": ("heel_r", "toe_r"),
    "toes": ("toe_l", "toe_r"),
    "heels": ("heel_l", "heel_r"),
    "knees": ("knee_l", "knee_r"),
    "elbows": ("elbow_l", "elbow_r"),
    "hands": ("hand_l", "hand_r"),
    "back": ("hip", "shoulder"),
}
SURFACES = (GROUND, "box", "step", "chair", "roller", "wall", "wedge")
PROP_KEYS = ("kind", "x", "w", "h", "at", "from", "to")
LENGTH = (-300.0, 300.0)
WORKING_SIDES = ("left", "right")


def _prop(check: Checker, raw: Any, where: str, key: str) -> Prop | None:
    kinds = [kind.value for kind in PropKind]
    table: Mapping[str, Any] = {"kind": raw} if isinstance(raw, str) else raw
    if not isinstance(table, dict):
        check.add(
            f'expected a prop name such as "box" or a table {{ kind = "box", x = 20 }}, '
            f"got {type_name(raw)}",
            where,
            key,
        )
        return None
    check.unknown_keys(table, PROP_KEYS, where, key + ".")
    kind_name = table.get("kind")
    if kind_name not in kinds:
        shown = repr(kind_name) if isinstance(kind_name, str) else type_name(kind_name)
        hint = did_you_mean(kind_name, kinds) if isinstance(kind_name, str) else ""
        check.add(
            f"unknown prop {shown}{hint}; expected one of {', '.join(kinds)}",
            where,
            key + ".kind" if isinstance(raw, dict) else key,
        )
        return None
    kind = PropKind(kind_name)
    x, w, h = PROP_DEFAULTS.get(kind, (0.0, 0.0, 0.0))
    sizes = [check.decimal(table, name, LENGTH, where, "cm", key + ".") for name in "xwh"]
    x, w, h = (
        default if given is None else given for given, default in zip(sizes, (x, w, h), strict=True)
    )
    at = table.get("at", "hand_r")
    if kind in HELD_PROPS and at not in POINTS:
        check.add(
            f'expected a body point such as "hand_r", got {type_name(at)}'
            + (did_you_mean(at, POINTS) if isinstance(at, str) else ""),
            where,
            key + ".at",
        )
        return None
    ends: list[str | Point] = []
    if kind is PropKind.BAND:
        for end_key in ("from", "to"):
            end = _band_end(check, table.get(end_key), where, f"{key}.{end_key}")
            if end is None:
                return None
            ends.append(end)
    return Prop(
        kind,
        x,
        w,
        h,
        at=at if kind in HELD_PROPS else "",
        ends=(ends[0], ends[1]) if ends else ("", ""),
    )


def _band_end(check: Checker, raw: Any, where: str, key: str) -> str | Point | None:
    if isinstance(raw, str) and raw in POINTS:
        return raw
    if isinstance(raw, list) and len(raw) == 2 and all(type(v) in (int, float) for v in raw):
        return (float(raw[0]), float(raw[1]))
    hint = did_you_mean(raw, POINTS) if isinstance(raw, str) else ""
    check.add(
        f'expected a body point such as "ankle_l" or a place [x, y] in cm, got '
        f"{type_name(raw)}{hint}",
        where,
        key,
    )
    return None


def _contacts(check: Checker, raw: Any, where: str, key: str) -> tuple[Contact, ...] | None:
    if isinstance(raw, str):
        raw = [raw]
    if not isinstance(raw, list) or not all(isinstance(v, str) for v in raw):
        check.add(
            f'expected a list such as ["feet"] or ["toes", "elbows"], got {type_name(raw)}',
            where,
            key,
        )
        return None
    contacts: list[Contact] = []
    for text in raw:
        part, _, surface = text.partition("@")
        surface = surface or GROUND
        points = GROUPS.get(part) or ((part,) if part in POINTS else ())
        if not points:
            names = [*GROUPS, *POINTS]
            check.add(
                f"unknown body point {clean_text(part)!r}{did_you_mean(part, names)}", where, key
            )
            return None
        if surface not in SURFACES:
            check.add(
                f"unknown surface {clean_text(surface)!r}"
                f"{did_you_mean(surface, SURFACES)}; expected one of " + ", ".join(SURFACES),
                where,
                key,
            )
            return None
        contacts.append(Contact(points, surface, clean_text(text)))
    return tuple(contacts)


def _flat(angles: dict[str, float], side: str) -> float:
    """The ankle angle that sets the foot level with the floor, given the leg above it."""
    shin = (
        -angles.get("torso", 0.0) + angles.get(f"hip_{side}", 0.0) - angles.get(f"knee_{side}", 0.0)
    )
    return max(-40.0, min(90.0, (shin + 180.0) % 360.0 - 180.0))


def _position(
    check: Checker, name: str, table: Mapping[str, Any], view: View, where: str, prefix: str
) -> KeyPosition | None:
    key = prefix + name
    check.unknown_keys(table, POSITION_KEYS, where, key + ".")
    before = len(check.problems)
    own = _view(check, table.get("view"), where, key + ".view") if "view" in table else None
    if own is None and "view" in table:
        return None
    view = own or view
    ranges = joint_ranges(view)
    angles: dict[str, float] = {}
    for joint in BODY_JOINTS:
        value = check.decimal(table, joint, ranges[joint], where, "degrees", key + ".")
        if value is not None:
            angles[joint] = value
    for joint in LIMB_JOINTS:
        raw = table.get(joint)
        if raw is None:
            continue
        pair = raw if isinstance(raw, list) else [raw, raw]
        if joint == "ankle" and view is View.SIDE:
            pair = [
                _flat(angles, side) if value == FLAT else value
                for side, value in zip(SIDES, pair, strict=False)
            ]
        if len(pair) != 2:
            check.add(
                f"expected one angle for both sides or two as [left, right], got {type_name(raw)}",
                where,
                f"{key}.{joint}",
            )
            continue
        for side, value in zip(SIDES, pair, strict=True):
            checked = check.decimal(
                {joint: value},
                joint,
                ranges[f"{joint}_{side}"],
                where,
                f"degrees ({'left' if side == 'l' else 'right'})",
                key + ".",
            )
            if checked is not None:
                angles[f"{joint}_{side}"] = checked
    x = check.decimal(table, "x", LENGTH, where, "cm", key + ".") or 0.0
    lift = check.decimal(table, "lift", (0.0, 200.0), where, "cm", key + ".") or 0.0
    contacts: tuple[Contact, ...] | None = ()
    if "on" in table:
        contacts = _contacts(check, table["on"], where, key + ".on")
    elif not lift:
        check.add(
            "missing; expected on = [...] naming what rests on the ground, such as "
            '["feet"], or lift = CM for a body in the air',
            where,
            key + ".on",
        )
    if len(check.problems) != before or contacts is None:
        return None
    return KeyPosition(name, angles, contacts, x, lift, own)


def _view(check: Checker, raw: Any, where: str, key: str) -> View | None:
    if raw in [view.value for view in View]:
        return View(raw)
    check.add(f'expected "side" or "front", got {type_name(raw)}', where, key)
    return None


def _path(check: Checker, raw: Any, where: str, key: str) -> tuple[str, ...]:
    items = [raw] if isinstance(raw, str) else raw
    if not isinstance(items, list) or not all(isinstance(v, str) for v in items):
        check.add(
            f'expected a list of body points such as ["knee_r"], got {type_name(raw)}', where, key
        )
        return ()
    for item in items:
        if item not in POINTS:
            check.add(
                f"unknown body point {clean_text(item)!r}{did_you_mean(item, POINTS)}", where, key
            )
            return ()
    return tuple(items)


def parse_figure(check: Checker, raw: Any, where: str, prefix: str = "figure.") -> Figure | None:
    """The figure a table describes, or None after recording why it cannot be drawn."""
    if not isinstance(raw, dict):
        check.add(
            f"expected a table of key positions, got {type_name(raw)}", where, prefix.rstrip(".")
        )
        return None
    before = len(check.problems)
    view = _view(check, raw.get("view", View.SIDE.value), where, prefix + "view")
    if view is None:
        return None
    raw_props = raw.get("props", [])
    if not isinstance(raw_props, list):
        raw_props = [raw_props]
    props = [
        _prop(check, item, where, f"{prefix}props[{n}]")
        for n, item in enumerate(raw_props, start=1)
    ]
    positions: list[KeyPosition] = []
    for name, table in raw.items():
        if name in FIGURE_KEYS:
            continue
        if not isinstance(table, dict):
            check.add(
                f'expected a key position as a table {{ torso = 0, on = ["feet"] }}, '
                f"or one of {', '.join(FIGURE_KEYS)}; got {type_name(table)}",
                where,
                prefix + name,
            )
            continue
        position = _position(check, name, table, view, where, prefix)
        if position:
            positions.append(position)
    if not positions and len(check.problems) == before:
        check.add(
            "missing; expected at least one key position such as start = { ... }",
            where,
            prefix.rstrip("."),
        )
    if len(positions) > MAX_POSITIONS:
        check.add(
            f"expected at most {MAX_POSITIONS} key positions, got {len(positions)}",
            where,
            prefix.rstrip("."),
        )
    if len(check.problems) != before or not positions:
        return None
    feet = check.decimal(raw, "feet", FOOT_SCALE, where, "times life size", prefix)
    close_up = raw.get("close_up", "")
    if close_up not in ("", *POINTS):
        hint = did_you_mean(close_up, POINTS) if isinstance(close_up, str) else ""
        check.add(
            f'expected a body point such as "ankle_r", got {type_name(close_up)}{hint}',
            where,
            prefix + "close_up",
        )
    path = _path(check, raw.get("path", []), where, prefix + "path")
    circles = _path(check, raw.get("circles", []), where, prefix + "circles")
    guide = _path(check, raw.get("guide", []), where, prefix + "guide")
    if len(guide) == 1:
        check.add(
            'expected at least two body points for a line, such as ["hip", "head"]',
            where,
            prefix + "guide",
        )
    loop = raw.get("loop", False)
    if not isinstance(loop, bool):
        check.add(f"expected true or false, got {type_name(loop)}", where, prefix + "loop")
    works = raw.get("works", "")
    if works not in ("", *WORKING_SIDES):
        check.add(
            f'expected "left" or "right" (the side the drawing shows working), got '
            f"{type_name(works)}",
            where,
            prefix + "works",
        )
    plans = [plan.value for plan in Plan]
    plan = raw.get("plan")
    if plan is not None and plan not in plans:
        hint = did_you_mean(plan, plans) if isinstance(plan, str) else ""
        check.add(
            "expected one of "
            + ", ".join(f'"{p}"' for p in plans)
            + f", got {type_name(plan)}{hint}",
            where,
            prefix + "plan",
        )
    if len(check.problems) != before:
        return None
    figure = Figure(
        view,
        tuple(positions),
        tuple(p for p in props if p is not None),
        feet=feet or 1.0,
        close_up=close_up,
        path=path,
        circles=circles,
        guide=guide,
        loop=bool(loop),
        works=works,
        plan=None if plan is None else Plan(plan),
    )
    for position_name, message in check_figure(figure):
        check.add(message, where, prefix + position_name)
    return None if len(check.problems) != before else figure
