"""The application layer: what a screen, a command and the companion share.

Plain Python, no Textual."""
