"""The phone page's address, as text and (on the home network) as a QR code to scan."""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical, VerticalScroll
from textual.widgets import Static

from runstrong.tui.screens.dialogs import Dialog


class CompanionInfo(Dialog[None]):
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,w,enter", "close", "Close"),
    ]

    def __init__(self, url: str, qr: str | None, notice: str = "") -> None:
        super().__init__()
        self.url = url
        self.qr = qr
        self.notice = notice

    def compose(self) -> ComposeResult:
        with Vertical(id="dialog", classes="companion"), VerticalScroll(id="body"):
            yield Static(Text("Your phone as a remote"), classes="heading")
            if self.qr:
                yield Static(Text(self.qr, no_wrap=True), id="qr")
            yield Static(Text(self.url), id="companion-url")
            words = (
                "Scan the code, or open the address on your phone (same Wi-Fi). "
                if self.qr
                else "Open the address in a browser on this computer. "
            )
            words += "Anyone with the address can pause or end this session until it ends."
            if self.notice:
                words = f"{self.notice}\n{words}"
            yield Static(Text(words))
            yield Static(Text("Escape closes this; the session goes on."), classes="muted")

    def action_close(self) -> None:
        self.dismiss(None)
