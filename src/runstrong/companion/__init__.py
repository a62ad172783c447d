"""A page on the phone beside the mat: the running session's clock and big buttons.

Served by the app itself (the `companion` extra: aiohttp, aiohttp-sse, segno).
"""
