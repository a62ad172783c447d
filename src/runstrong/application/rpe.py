"""Effort ratings (RPE) from the number keys: 1-9, and 0 for 10."""

RPE_KEYS = {str(n): n for n in range(1, 10)} | {"0": 10}
