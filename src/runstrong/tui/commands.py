"""Command palette entries: start any session by name."""

from __future__ import annotations

from functools import partial
from typing import TYPE_CHECKING

from textual.command import Hit, Hits, Provider

from runstrong.session.timeline import estimate_minutes

if TYPE_CHECKING:
    from runstrong.tui.app import RunstrongApp


class SessionCommands(Provider):
    async def search(self, query: str) -> Hits:
        app: RunstrongApp = self.app  # type: ignore[assignment]
        matcher = self.matcher(query)
        for session in app.catalog.sessions:
            label = f"Start {session.name}"
            score = matcher.match(label)
            if score > 0:
                yield Hit(
                    score,
                    matcher.highlight(label),
                    partial(app.request_session, session),
                    help=f"about {estimate_minutes(session)} min · " + ", ".join(session.focus),
                )
