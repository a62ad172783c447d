"""The reasons a runner reads beside each day of the week: short, and saying which rule decided."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import date

from runstrong.planning.placement import Choice, Coach, Day, Done, plan_week_number
from runstrong.planning.rules import (
    EASY_ONLY,
    NOTHING_HARD_BEFORE,
    RACE_EASY_ONLY_BEFORE,
    RACE_NOTHING_HARD_AFTER,
    RACE_NOTHING_HARD_BEFORE,
    RunKind,
    When,
    day_refusal,
    race_ahead,
    race_behind,
    race_words,
    run_on,
)
from runstrong.planning.start import in_start, start_note
from runstrong.workout.model import Intensity

AFTER = {
    RunKind.NONE: "No run today.",
    RunKind.EASY: "After your easy run.",
    RunKind.KEY: "After your key run; nothing hard today.",
    RunKind.LONG: "After your long run; nothing hard today.",
    RunKind.RACE: "After your race; easy work only.",
}
BEFORE = {
    RunKind.EASY: "Easy run: activation before you go, strength another day.",
    RunKind.KEY: "Key run: only activation before it; no strength work after.",
    RunKind.LONG: "Long run: only activation before it; rest your legs after.",
    RunKind.RACE: "Race day: only activation before it. Run well.",
}
DONE_RUN = {RunKind.KEY: "Key run", RunKind.LONG: "Long run", RunKind.RACE: "Race"}


@dataclass(frozen=True, slots=True)
class Words:
    coach: Coach
    runs: Mapping[date, RunKind]
    ran: frozenset[date]  # days whose run is recorded: it is behind them
    today: date

    def name(self, slug: str) -> str:
        return self.coach.name_of(slug)

    def done_name(self, done: Done) -> str:
        """The catalog's name, or the logged one for a session the catalog does not hold."""
        name = self.name(done.slug)
        return done.name if name == done.slug and done.name else name

    def waiting(
        self, own: Sequence[str], chosen: Sequence[Choice], free: Sequence[date]
    ) -> dict[date, str]:
        """Why each of the week's own sessions that found no day waits, on the day that
        took its place (rule 4)."""
        placed = {c.slug for c in chosen}
        notes = [self._why_waits(slug, free) for slug in own if slug not in placed]
        if not notes or not free:
            return {}
        # Each stand-in says which session's day it took; any left over go on the last.
        days = [c.day for c in chosen if not c.own] or [c.day for c in chosen][:1] or [free[0]]
        said: dict[date, list[str]] = {}
        for n, note in enumerate(notes):
            said.setdefault(days[min(n, len(days) - 1)], []).append(note)
        return {day: " ".join(texts) for day, texts in said.items()}

    def _why_waits(self, slug: str, free: Sequence[date]) -> str:
        level = self.coach.intensity(slug)
        legs = self.coach.legs(slug)
        why = [day_refusal(self.runs, day, level, legs) for day in free]
        name = self.name(slug)
        if any(w is None for w in why):
            return f"{name} waits: no day this week has room for it."
        races = sorted({w.split(":")[0] for w in why if w and w.startswith("Race on")})
        if races:
            return f"{name} waits: no day this week is clear of the race ({races[0]})."
        if level is Intensity.HARD and any(w and "key run" in w for w in why):
            return f"{name} waits: no day this week is clear of key runs."
        return f"{name} waits: no day this week is clear of the long run."

    def days(
        self,
        week: Sequence[date],
        logged: Mapping[date, list[Done]],
        chosen: Mapping[date, Choice],
        waiting: Mapping[date, str],
        done_count: int,
    ) -> list[Day]:
        plan = self.coach.plan
        result: list[Day] = []
        number = done_count
        for day in week:
            run = run_on(self.runs, day)
            if logged[day]:
                entry = self.logged(day, run, logged[day])
            elif day in chosen:
                number += 1
                entry = self.placed(chosen[day], run, number)
            elif day < self.today:
                entry = Day(day, run, None, False, None, "Nothing logged.")
            else:
                entry = self.free(day, run, number >= plan.sessions_per_week)
            week_number = plan_week_number(self.coach.started, day)
            entry = replace(entry, plan_week=week_number)
            if not entry.done and day >= self.today:
                entry = replace(entry, reason=self._notes(entry, waiting.get(day)))
            result.append(entry)
        return result

    def _notes(self, entry: Day, waits: str | None) -> str:
        text = entry.reason
        plan = self.coach.plan
        if waits:
            text += f" {waits}"
        if entry.counts and in_start(plan, entry.plan_week):
            text += f" {start_note(entry.plan_week or 1)}"
        # The words follow the rules: easy only in the last days, nothing hard before that;
        # on the day itself the reason already says it is race day.
        race_day = run_on(self.runs, entry.day) is RunKind.RACE
        if not race_day and (race := race_ahead(self.runs, entry.day, RACE_EASY_ONLY_BEFORE)):
            text += f" {race_words(race)}: {EASY_ONLY}."
        elif not race_day and (race := race_ahead(self.runs, entry.day, RACE_NOTHING_HARD_BEFORE)):
            text += f" {race_words(race)}: {NOTHING_HARD_BEFORE}."
        elif race := race_behind(self.runs, entry.day, RACE_NOTHING_HARD_AFTER):
            text += f" {race_words(race)}: nothing hard for three days after."
        return text

    def logged(self, day: date, run: RunKind, items: list[Done]) -> Day:
        main = next((d for d in items if self.coach.plan.counts(d.slug)), items[0])
        return Day(
            day,
            run,
            main.slug,
            main.light,
            None,
            f"Done: {self.done_name(main)}" + (" (light)." if main.light else "."),
            done=True,
            counts=self.coach.plan.counts(main.slug),
            sessions_done=sum(1 for d in items if self.coach.plan.counts(d.slug)),
        )

    def placed(self, choice: Choice, run: RunKind, number: int) -> Day:
        plan = self.coach.plan
        when = When.ANY if run is RunKind.NONE else When.AFTER_RUN
        if choice.day in self.ran and run is not RunKind.NONE:
            big = run in DONE_RUN
            text = f"{DONE_RUN.get(run, 'Run')} done: the session comes after your run" + (
                "; nothing hard today." if big else "."
            )
        else:
            # The session's name and when to do it are shown beside the reason: not again.
            text = AFTER[run]
        text += f" {plan.name}, session {number} of {plan.sessions_per_week} this week."
        variant = plan.variant_of(choice.slug)
        if variant:
            text += f" No kit for it? {self.name(variant)} ({variant}) does the same job."
        return Day(choice.day, run, choice.slug, False, when, text, counts=True)

    def free(self, day: date, run: RunKind, week_full: bool) -> Day:
        coach = self.coach
        activation = coach.activation
        if run in (RunKind.KEY, RunKind.RACE) and coach.key_activation:
            activation = coach.key_activation
        if day in self.ran:
            text = (
                "Rest day: this week's sessions are done or placed."
                if week_full
                else "Run done: rest your legs."
            )
            return Day(day, run, None, False, None, text)
        if run is not RunKind.NONE and activation is not None:
            return Day(day, run, activation, False, When.BEFORE_RUN, BEFORE[run])
        tomorrow = run_on(self.runs, day.fromordinal(day.toordinal() + 1))
        if week_full:
            text = "Rest day: this week's sessions are done or placed."
        elif tomorrow is RunKind.KEY:
            text = "Rest: key run tomorrow."
        elif run is RunKind.NONE:
            text = "Rest day."
        else:
            text = "Run day."
        if run is RunKind.NONE and coach.plan.extras:
            extras = ", ".join(f"{self.name(s)} ({s})" for s in coach.plan.extras)
            text += f" Optional extra: {extras}."
        return Day(day, run, None, False, None, text)
