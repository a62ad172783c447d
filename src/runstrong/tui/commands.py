"""Command palette entries: start any session by name."""

from __future__ import annotations

from functools import partial
from typing import TYPE_CHECKING, Protocol, cast

from textual.command import Hit, Hits, Provider

from runstrong.session.timeline import estimate_minutes

if TYPE_CHECKING:
    from runstrong.tui.session_flow import SessionFlow
    from runstrong.workout.catalog import Catalog


class StartsSessions(Protocol):
    """What the palette needs of the app: the sessions, and the flow that starts one."""

    @property
    def catalog(self) -> Catalog: ...

    flow: SessionFlow


class SessionCommands(Provider):
    async def search(self, query: str) -> Hits:
        app = cast("StartsSessions", self.app)
        matcher = self.matcher(query)
        for session in app.catalog.sessions:
            label = f"Start {session.name}"
            score = matcher.match(label)
            if score > 0:
                yield Hit(
                    score,
                    matcher.highlight(label),
                    partial(app.flow.request, session),
                    help=f"about {estimate_minutes(session)} min · " + ", ".join(session.focus),
                )
