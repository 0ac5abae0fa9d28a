"""Conversations (threads and posts) and the live questions of webinars.

The live questions live in models_live.py; importing them here registers them with this app.
"""

from .models_live import *  # noqa: F403
