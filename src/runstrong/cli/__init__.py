"""The `runstrong` command line: argparse entry in `main`, one module per command group."""

from runstrong.cli.main import main

__all__ = ["main"]
