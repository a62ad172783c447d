"""Start runstrong's home screen and exit right after its first frame (for start-up timing)."""

from __future__ import annotations

from runstrong.tui.app import RunstrongApp


class FirstFrame(RunstrongApp):
    def on_mount(self) -> None:
        super().on_mount()
        # The home screen is pushed in on_mount; exit once it has been drawn.
        self.call_after_refresh(lambda: self.screen.call_after_refresh(self.exit))


if __name__ == "__main__":
    FirstFrame().run()
