"""reviewer: evaluation tool for the review committees of Seoul's R&D grant program."""

__version__ = "0.1.0"
