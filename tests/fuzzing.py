"""How hard the property tests try. The fast edit-and-test loop runs a fifth of each test's
examples; `--runslow` (the README's command and CI) runs them all. conftest sets `THOROUGH`
before any test module is imported, so the decorators below see it."""

from __future__ import annotations

from hypothesis import HealthCheck, settings

THOROUGH = True
FAST_SHARE = 5


def fuzz(examples: int) -> settings:
    """Settings for a property test that tries `examples` inputs when run thoroughly."""
    return settings(
        max_examples=examples if THOROUGH else max(20, examples // FAST_SHARE),
        deadline=None,
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
    )


def use_profile(thorough: bool) -> None:
    """How hard every property test tries: the ones above by their own numbers, the rest by
    Hypothesis's default (100 examples) thoroughly, a fifth of it in the fast loop."""
    global THOROUGH
    THOROUGH = thorough
    settings.register_profile("fast", max_examples=100 // FAST_SHARE)
    settings.load_profile("default" if thorough else "fast")
