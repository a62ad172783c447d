from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest

from runstrong.session.timeline import Timing
from runstrong.workout.model import Exercise

from . import fuzzing
from .fakes import FakeClock, FakePlayer
from .helpers import session as session_of

if TYPE_CHECKING:
    from runstrong.tui.app import RunstrongApp


@pytest.fixture(autouse=True)
def isolated_dirs(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """Every test gets its own config and data folders; nobody's real files are touched."""
    config, data = tmp_path / "config", tmp_path / "data"
    monkeypatch.setenv("RUNSTRONG_CONFIG_DIR", str(config))
    monkeypatch.setenv("RUNSTRONG_DATA_DIR", str(data))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "xdg-config"))
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg-data"))
    yield tmp_path


@pytest.fixture
def user_workouts(isolated_dirs: Path) -> Path:
    folder = isolated_dirs / "config" / "workouts"
    folder.mkdir(parents=True)
    return folder


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--runslow",
        action="store_true",
        help="also run the slow tests: real processes in pseudo-terminals, "
        "kill -9, building the wheel, real sound",
    )


def pytest_configure(config: pytest.Config) -> None:
    # Before the test modules are imported: their fuzz settings read this.
    fuzzing.use_profile(thorough=bool(config.getoption("--runslow")))
    quicken_pilot()


def quicken_pilot() -> None:
    """Let Pilot see an idle app in 5 ms steps instead of 20, and repaint within 1 ms.

    Every `press` and `pause` ends by waiting for the app to go idle: it sleeps in steps and
    compares CPU time with wall time (textual._wait). A step must outlast the screen's repaint
    period (1/60 s), or a callback waiting on the next repaint (`call_after_refresh`) is
    mistaken for idle. With a 1 ms repaint period a 5 ms step is as sure, and four times
    sooner: about a third of the fast suite's time. Worker threads are waited for by name
    (`workers.wait_for_complete()`), never by hoping a step is long enough.
    """
    # Set here rather than by TEXTUAL_FPS: a pytest plugin has imported Textual by now.
    import textual._wait as wait
    import textual.screen as screen

    screen.UPDATE_PERIOD = 1 / 1000  # type: ignore[misc]
    wait.SLEEP_GRANULARITY = 1 / 200
    wait.SLEEP_IDLE = wait.SLEEP_GRANULARITY / 20


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    if config.getoption("--runslow"):
        return
    skip = pytest.mark.skip(reason="slow: run with --runslow (CI and the README command do)")
    for item in items:
        if "slow" in item.keywords:
            item.add_marker(skip)


# -- the app as the TUI tests run it, and what its screen says --------------------------------
def make_app(
    *exercises: Exercise,
    timing: Timing | None = None,
    rest_between_exercises: int = 20,
    **kwargs: Any,
) -> tuple[RunstrongApp, FakeClock, FakePlayer]:
    """The app on a fake clock (monotonic and wall alike) with a player that records cues.

    Exercises make the session it starts in; `timing` replaces the person's settings (GET
    READY, switch sides); anything else goes to RunstrongApp as it is (catalog, session...).
    """
    # Imported here: a conftest import would load Textual for the tests that prove it is not.
    from runstrong.settings import Settings
    from runstrong.tui.app import RunstrongApp

    clock, player = FakeClock(), FakePlayer()
    if exercises:
        kwargs["session"] = session_of(*exercises, rest_between_exercises=rest_between_exercises)
    if timing is not None:
        chosen = kwargs.pop("settings", None) or Settings()
        kwargs["settings"] = replace(
            chosen,
            get_ready=timing.get_ready,
            switch_sides=timing.switch_sides,
            count_in=round(timing.count_in),
        )
    app = RunstrongApp(clock=clock, wall=clock.wall, player=player, **kwargs)
    return app, clock, player


def screen_text(app: Any, selector: str | None = None) -> str:
    """The text on the app's screen: of one Static (`selector`), or of every Static and Digits."""
    from textual.widgets import Digits, Static

    screen = app.screen
    if selector is not None:
        return str(screen.query_one(selector, Static).render())
    parts = [str(widget.render()) for widget in screen.query(Static)]
    parts += [digits.value for digits in screen.query(Digits)]
    return "\n".join(parts)
