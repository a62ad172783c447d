"""The big number: time left, time held, or reps done, as large as its space allows."""

from __future__ import annotations

from typing import ClassVar

from rich.align import Align
from rich.console import RenderableType
from rich.padding import Padding
from rich.segment import Segment
from rich.style import Style
from rich.text import Text
from textual.app import RenderResult
from textual.events import Resize
from textual.geometry import Region
from textual.renderables.digits import Digits as DigitsRenderable
from textual.strip import Strip
from textual.widgets import Digits

from runstrong.tui.widgets import block_font

# Glyph sizes are chosen for the widest common reading, so the clock keeps one size for a
# whole step instead of growing when 1:00 turns into 59.
SIZING_TEMPLATE = "0:00"
SIDE_PADDING = 2


class StepClock(Digits):
    """Textual's 3-row Digits when space is short; block digits 5 rows and taller otherwise.

    The screen decides the space (CSS height); the clock fills it. It redraws only when the
    text, the flash or its size changes: at 4 Hz ticks most calls to `show` change nothing.
    """

    COMPONENT_CLASSES: ClassVar[set[str]] = {"step-clock--flash"}
    DEFAULT_CSS = """
    StepClock {
        width: 1fr;
        text-style: bold;
        color: $text;
    }
    StepClock > .step-clock--flash {
        background: $warning;
        color: $background;
    }
    """

    glyph_rows: int | None = None
    """Rows the block digits use, or None while the 3-row Digits are shown."""
    _strips_key: tuple[object, ...] | None = None
    _strips: list[Strip] = []  # noqa: RUF012 (replaced, never changed in place)

    def show(self, value: str, *, flash: bool) -> None:
        if value != self.value:
            before = self._glyph_box()
            if before is None or not block_font.can_draw(value):
                self.update(value)
            else:
                # The block digits fill a size the screen gives, so a new number needs no
                # layout, and only the cells of the old and the new digits are sent again.
                self._value = value
                after = self._glyph_box()
                self.refresh(before if after is None else before.union(after))
            self._choose_rows()
        self.set_class(flash, "-flash")

    def _glyph_box(self) -> Region | None:
        """Where the block digits (and the margin that flashes with them) are drawn."""
        if self.glyph_rows is None or not block_font.can_draw(self.value):
            return None
        width, height = self.content_size
        framed = block_font.text_width(self.value, self.glyph_rows) + 2 * SIDE_PADDING
        left = max(0, (width - framed) // 2)
        top = max(0, (height - self.glyph_rows) // 2)
        return Region(left, top, min(framed, width), min(self.glyph_rows, height))

    def on_resize(self, event: Resize) -> None:
        self._choose_rows()

    def _choose_rows(self) -> None:
        width, height = self.content_size
        rows = None
        if block_font.can_draw(self.value):
            rows = block_font.rows_that_fit(
                width - 2 * SIDE_PADDING, height, self.value, SIZING_TEMPLATE
            )
        if rows != self.glyph_rows:
            self.glyph_rows = rows
            self.refresh()

    def render_line(self, y: int) -> Strip:
        if self.glyph_rows is None:
            return super().render_line(y)
        strips = self._block_strips(self.value, self.glyph_rows, self.has_class("-flash"))
        return strips[y] if y < len(strips) else Strip.blank(self.content_size.width)

    def _block_strips(self, value: str, rows: int, flash: bool) -> list[Strip]:
        """The block digits centred in the widget, line by line: the same cells `render` would
        give through Rich's Align and Padding, built straight as strips and kept until the
        number, its size or the flash changes (the clock repaints every second)."""
        width, height = self.content_size
        base = self.visual_style.rich_style
        key = (value, rows, flash, width, height, base)
        if key == self._strips_key:
            return self._strips
        box = base + self.get_component_rich_style("step-clock--flash") if flash else base
        lines = block_font.glyph_lines(value, rows)
        framed = len(lines[0]) + 2 * SIDE_PADDING
        left = max(0, (width - framed) // 2)
        right = max(0, width - framed - left)
        top = max(0, (height - rows) // 2)
        pad = " " * SIDE_PADDING
        blank = Strip.blank(width, base)
        strips = [blank] * top
        for line in lines:
            segments = [Segment(" " * left, base), Segment(pad + line + pad, box)]
            strips.append(Strip([*segments, Segment(" " * right, base)]).crop(0, width))
        strips += [blank] * max(0, height - len(strips))
        self._strips_key, self._strips = key, strips[:height]
        return self._strips

    def render(self) -> RenderResult:
        box = Style()
        if self.has_class("-flash"):
            # Only the digits and a margin flash, not the whole width of the screen.
            box = self.get_component_rich_style("step-clock--flash")
        glyphs: RenderableType
        if self.glyph_rows is None:
            glyphs = DigitsRenderable(self.value, self.rich_style + box)
        else:
            lines = block_font.glyph_lines(self.value, self.glyph_rows)
            glyphs = Text("\n".join(lines), no_wrap=True, overflow="crop")
        framed = Padding(glyphs, (0, SIDE_PADDING), style=box, expand=False)
        return Align(framed, "center", vertical="middle", height=self.content_size.height)
