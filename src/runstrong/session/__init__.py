"""A session in time: the timeline of steps, the pure engine on an injected clock, its View,
cues and events."""
