from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from runstrong.text import clean_text


def test_escape_sequences_removed_whole() -> None:
    assert clean_text("\x1b[31mred\x1b[0m") == "red"
    assert clean_text("\x1b]8;;http://x\x1b\\link\x1b]8;;\x1b\\") == "link"
    assert clean_text("a\x07b\x00c\x7fd") == "abcd"
    assert clean_text("\u202eevil") == "evil"


def test_multiline_keeps_lines_and_right_to_left_letters() -> None:
    assert clean_text(" one \n\x1b[1mtwo\n", multiline=True) == "one\ntwo"
    assert clean_text("שלום e\u0301") == "שלום e\u0301"


@given(st.text())
def test_clean_text_leaves_no_control_characters(value: str) -> None:
    cleaned = clean_text(value, multiline=True)
    assert "\x1b" not in cleaned and "\x07" not in cleaned and "\x9b" not in cleaned
    assert all(ch == "\n" or ord(ch) >= 0x20 for ch in cleaned)


@given(st.text().filter(str.isprintable), st.booleans())
def test_plain_text_takes_the_quick_path_to_the_same_result(value: str, multiline: bool) -> None:
    # A bell forces the full clean-up over the same letters: both ways must agree.
    assert clean_text(value, multiline=multiline) == clean_text(value + "\x07", multiline=multiline)
