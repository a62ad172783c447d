"""The fixed stick skeleton: bone lengths, joints and their ranges, and forward kinematics.

Lengths are centimetres of an average adult; angles are degrees. A pose only ever names
joint angles, so every limb hangs off its parent bone by construction: nothing a file says can
detach a forearm from its elbow.

Angle conventions, side view (the figure faces right):
- `torso`: the spine's lean from upright; +90 lies face down with the head forward,
  -90 lies on the back.
- `neck`: the head tipping forward (+) or back (-) from the line of the spine.
- `shoulder`: the upper arm raised forward from hanging along the trunk (180 = overhead).
- `elbow`, `knee`: bend (0 = straight). Elbows bend the hand forward, knees the foot back.
  A negative elbow folds the forearm the other way: a forearm across the body, seen from the
  side (lying face down with the forearms folded under the forehead).
- `hip`: the thigh raised forward from the line of the trunk (90 = sitting), - behind.
- `ankle`: toes pointed (+) or pulled up (-) from a right angle to the shin.
In the front view the same names turn the limbs sideways: + moves a limb outwards, `torso`
leans to the figure's left (the right of the picture), and `knee`/`elbow` bend inwards.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass
from enum import StrEnum

Point = tuple[float, float]

TORSO = 52.0
NECK = 5.0
HEAD_RADIUS = 10.0
UPPER_ARM = 30.0
FOREARM = 27.0
THIGH = 44.0
SHIN = 44.0
# The foot: the sole sits FOOT_DROP below the ankle, the heel a little behind, the toes ahead.
FOOT_DROP = 7.0
HEEL_BACK = 6.0
TOE_FORWARD = 17.0
# Seen from the front: half the sole's width, either side of the point under the ankle.
FRONT_FOOT_HALF = 5.0
# How far a figure may enlarge its feet (`feet = 2` in its table) for a move done by the ankle.
FOOT_SCALE = (1.0, 3.0)
# The nose: a short tick off the head towards where the face looks, so a body lying down
# shows whether it is on its back or its front, and which end is the head.
NOSE = 5.0
# Front view: half the width of the hips and of the shoulders.
HALF_HIPS = 9.0
HALF_SHOULDERS = 17.0

# How high above a surface a body point sits when it rests there: the body has some thickness
# even though it is drawn as lines (a back lying on a mat is not the mat).
REST_HEIGHT: dict[str, float] = {
    "head": HEAD_RADIUS,
    "shoulder": 12.0,
    "shoulder_l": 12.0,
    "shoulder_r": 12.0,
    "hip": 12.0,
    "hip_l": 12.0,
    "hip_r": 12.0,
    "elbow_l": 4.0,
    "elbow_r": 4.0,
    "hand_l": 2.0,
    "hand_r": 2.0,
    "knee_l": 5.0,
    "knee_r": 5.0,
    "ankle_l": 5.0,
    "ankle_r": 5.0,
    "heel_l": 0.0,
    "heel_r": 0.0,
    "toe_l": 0.0,
    "toe_r": 0.0,
}


class View(StrEnum):
    SIDE = "side"
    FRONT = "front"


# Joints a pose may set, with the range a human body can take them to (degrees).
BODY_JOINTS: dict[str, tuple[float, float]] = {"torso": (-180.0, 180.0), "neck": (-60.0, 70.0)}
LIMB_JOINTS: dict[str, tuple[float, float]] = {
    "shoulder": (-110.0, 260.0),
    "elbow": (-170.0, 160.0),
    "hip": (-50.0, 150.0),
    "knee": (0.0, 165.0),
    "ankle": (-40.0, 90.0),
}
# Front-view ranges: limbs move sideways far less than forwards. (A thigh raised in front of
# a seated body, knees up, is seen from the front pointing up: hence hips past 90, up to just
# past upright with the knees together, and the shin folded back down beside the thigh.)
FRONT_LIMB_JOINTS: dict[str, tuple[float, float]] = {
    "shoulder": (-40.0, 200.0),
    "elbow": (-120.0, 160.0),
    "hip": (-40.0, 195.0),
    "knee": (-40.0, 170.0),
    "ankle": (-40.0, 60.0),
}
SIDES = ("l", "r")


def joint_ranges(view: View) -> dict[str, tuple[float, float]]:
    limbs = FRONT_LIMB_JOINTS if view is View.FRONT else LIMB_JOINTS
    ranges = dict(BODY_JOINTS)
    for joint, bounds in limbs.items():
        for side in SIDES:
            ranges[f"{joint}_{side}"] = bounds
    return ranges


JOINTS: tuple[str, ...] = tuple(joint_ranges(View.SIDE))


@dataclass(frozen=True, slots=True)
class Bone:
    """A drawn line from one body point to another."""

    start: str
    end: str


# Every bone starts at a point an earlier bone (or the pelvis) has placed.
BONES: tuple[Bone, ...] = (
    Bone("hip", "neck"),
    Bone("shoulder_l", "elbow_l"),
    Bone("elbow_l", "hand_l"),
    Bone("shoulder_r", "elbow_r"),
    Bone("elbow_r", "hand_r"),
    Bone("hip_l", "knee_l"),
    Bone("knee_l", "ankle_l"),
    Bone("hip_r", "knee_r"),
    Bone("knee_r", "ankle_r"),
    # The foot as a triangle (ankle, heel, toes), so heel up and toes up read apart.
    Bone("ankle_l", "heel_l"),
    Bone("heel_l", "toe_l"),
    Bone("ankle_l", "toe_l"),
    Bone("ankle_r", "heel_r"),
    Bone("heel_r", "toe_r"),
    Bone("ankle_r", "toe_r"),
)
FRONT_BONES: tuple[Bone, ...] = (
    Bone("hip_l", "hip_r"),
    Bone("shoulder_l", "shoulder_r"),
)


def direction(degrees: float) -> Point:
    """A unit vector `degrees` round from straight down, turning towards +x (forward)."""
    radians = math.radians(degrees)
    return (math.sin(radians), -math.cos(radians))


def _along(origin: Point, degrees: float, length: float) -> Point:
    dx, dy = direction(degrees)
    return (origin[0] + dx * length, origin[1] + dy * length)


@dataclass(frozen=True, slots=True)
class Body:
    """Where every body point is, in centimetres, pelvis at the origin before placing."""

    points: dict[str, Point]
    head_center: Point
    bones: tuple[Bone, ...]
    # Unit vector the face looks along; None in the front view (the face looks at us).
    facing: Point | None = None
    # Which way the body is seen (a figure may show one key position from the front).
    view: View = View.SIDE

    def moved(self, dx: float, dy: float) -> Body:
        points = {name: (x + dx, y + dy) for name, (x, y) in self.points.items()}
        head = (self.head_center[0] + dx, self.head_center[1] + dy)
        return Body(points, head, self.bones, self.facing, self.view)

    def lowest(self) -> float:
        return min([y for _, y in self.points.values()] + [self.head_center[1] - HEAD_RADIUS])

    def extent(self) -> tuple[float, float, float, float]:
        """(left, bottom, right, top) of everything drawn."""
        xs = [x for x, _ in self.points.values()]
        ys = [y for _, y in self.points.values()]
        hx, hy = self.head_center
        return (
            min([*xs, hx - HEAD_RADIUS]),
            min([*ys, hy - HEAD_RADIUS]),
            max([*xs, hx + HEAD_RADIUS]),
            max([*ys, hy + HEAD_RADIUS]),
        )


def forward_kinematics(angles: Mapping[str, float], view: View, feet: float = 1.0) -> Body:
    """Joint angles -> body points. Missing joints take 0 (standing tall, arms down).
    `feet` enlarges the feet (a close look at an ankle move)."""

    def angle(name: str) -> float:
        return angles.get(name, 0.0)

    torso = angle("torso")
    up = 180.0 - torso  # the spine's direction, hip to neck
    down = -torso  # along the trunk towards the feet
    front = view is View.FRONT
    points: dict[str, Point] = {"hip": (0.0, 0.0)}
    points["neck"] = _along(points["hip"], up, TORSO)
    head_center = _along(points["neck"], up - angle("neck"), NECK + HEAD_RADIUS)
    points["head"] = head_center
    points["shoulder"] = points["neck"]
    for side in SIDES:
        # Side view: both limbs turn the same way. Front view: mirrored, + is outwards.
        turn = 1.0 if not front or side == "l" else -1.0
        across = (up - 90.0 * turn) if front else up
        if front:
            shoulder = _along(points["neck"], across, HALF_SHOULDERS)
            hip = _along(points["hip"], across, HALF_HIPS)
        else:
            shoulder, hip = points["neck"], points["hip"]
        points[f"shoulder_{side}"] = shoulder
        points[f"hip_{side}"] = hip
        upper = down + turn * angle(f"shoulder_{side}")
        elbow = _along(shoulder, upper, UPPER_ARM)
        points[f"elbow_{side}"] = elbow
        elbow_bend = -angle(f"elbow_{side}") if front else angle(f"elbow_{side}")
        points[f"hand_{side}"] = _along(elbow, upper + turn * elbow_bend, FOREARM)
        thigh = down + turn * angle(f"hip_{side}")
        knee = _along(hip, thigh, THIGH)
        points[f"knee_{side}"] = knee
        shin = thigh - turn * angle(f"knee_{side}")
        ankle = _along(knee, shin, SHIN)
        points[f"ankle_{side}"] = ankle
        # Not a joint: where a band sits "just above the ankle".
        points[f"shin_{side}"] = _along(knee, shin, SHIN * 0.7)
        if front:
            # Seen from the front the foot is a wedge under the ankle, its sole across: `heel`
            # is the sole's inner edge, `toe` its outer one. `ankle` tips it about the ankle:
            # + lifts the outer edge (turned out), - the inner (turned in).
            foot = shin + turn * angle(f"ankle_{side}")
            sole = _along(ankle, foot, FOOT_DROP * feet)
            half = FRONT_FOOT_HALF * feet
            points[f"heel_{side}"] = _along(sole, foot - 90.0 * turn, half)
            points[f"toe_{side}"] = _along(sole, foot + 90.0 * turn, half)
        else:
            foot = shin - angle(f"ankle_{side}")
            sole = _along(ankle, foot, FOOT_DROP * feet)
            points[f"heel_{side}"] = _along(sole, foot - 90.0, HEEL_BACK * feet)
            points[f"toe_{side}"] = _along(sole, foot + 90.0, TOE_FORWARD * feet)
    bones = BONES + (FRONT_BONES if front else ())
    facing = None if front else direction(up - angle("neck") - 90.0)
    return Body(points, head_center, bones, facing, view)
