"""Recorded activities from watches and Strava: GPX, FIT and Strava's export, read into one
plain `Activity` each. Pure: no database, no terminal; the caller decides what to keep."""

from runstrong.activities.model import Activity, NotAnActivity, is_running

__all__ = ["Activity", "NotAnActivity", "is_running"]
