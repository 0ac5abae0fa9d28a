"""Kennisnetwerk: the platform of the regional networks that support Dutch SMEs."""

__version__ = "0.1.0"
