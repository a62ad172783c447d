"""A forearm folded back across the body, seen from the side: a negative elbow."""

from __future__ import annotations

from runstrong.figures.skeleton import View, forward_kinematics, joint_ranges


def test_a_negative_elbow_folds_the_forearm_back_under_a_face_down_head() -> None:
    # Face down, head forward (+x), the upper arm reaching forward along the floor: a
    # forward bend lifts the hand over the head, a negative one folds it back underneath.
    pose = {"torso": 90.0, "shoulder_r": 158.0}
    under = forward_kinematics({**pose, "elbow_r": -158.0}, View.SIDE).points
    over = forward_kinematics({**pose, "elbow_r": 158.0}, View.SIDE).points
    elbow = under["elbow_r"]
    assert under["hand_r"][0] < elbow[0] - 20
    assert abs(under["hand_r"][1] - elbow[1]) < 5
    assert over["hand_r"][1] > elbow[1] + 15
    low, high = joint_ranges(View.SIDE)["elbow_r"]
    assert low < -150 and high == 160.0
