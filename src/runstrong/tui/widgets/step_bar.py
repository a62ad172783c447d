"""The step's progress bar: Textual's ProgressBar, redrawn on the session's beat only, and only
when the bar drawn would look different."""

from __future__ import annotations

from textual.events import Mount
from textual.widgets import ProgressBar


class StepBar(ProgressBar):
    """A ProgressBar without its own once-a-second refresh, set with `show(fraction)`.

    ProgressBar redraws itself every second to keep an ETA up to date. The session screen shows
    no ETA and sets the progress itself whenever it redraws, so that timer only woke the app
    (and repainted the bar) between the beats, out of step with the clock.
    """

    def __init__(self, *, id: str | None = None) -> None:  # noqa: A002
        super().__init__(total=1.0, show_eta=False, show_percentage=False, id=id)
        self._drawn: tuple[int, bool, int] | None = None

    def _on_mount(self, event: Mount) -> None:
        super()._on_mount(event)
        # Textual calls each class's mount handler down the MRO; stopping here skips
        # ProgressBar.on_mount and its set_interval(1, ...).
        event.prevent_default()
        self.update()

    def show(self, fraction: float) -> None:
        """Show `fraction` (0..1) done; the bar is redrawn only when it would change."""
        width = self.query_one("#bar").size.width
        # The bar draws whole half cells (Textual's Bar drops the rest of its percentage the
        # same way), and in another colour when complete.
        drawn = (int(fraction * width * 2), fraction >= 1, width)
        if drawn != self._drawn:
            self._drawn = drawn
            self.update(progress=fraction)
