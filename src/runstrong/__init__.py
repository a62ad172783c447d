"""runstrong: a terminal workout timer for runners' strength and coordination training."""

__version__ = "0.1.0"
