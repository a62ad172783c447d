"""What runstrong's exit status means, in one place for every command."""

EXIT_OK = 0
EXIT_INVALID = 1
"""Something was wrong with a file or a value (an invalid workout, a refused import...)."""
EXIT_ERROR = 1
"""A command could not do its work (a damaged history, an unwritable folder...)."""
EXIT_USAGE = 2
"""The command line itself was wrong (an unknown session, no terminal for the app)."""
EXIT_INTERRUPTED = 130
"""Ctrl+C at a prompt: 128 + SIGINT."""
