"""The workout format, files -> model: the exercise library, sessions, their checks and the
catalog."""
