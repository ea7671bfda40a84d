"""seance: a terminal workspace for bilan de compétences séances."""

__version__ = "0.1.0"
