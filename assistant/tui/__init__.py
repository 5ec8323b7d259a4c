"""The review app (Textual): `assistant.tui.app.ReviewApp`.

This package's `__init__` imports nothing, so `assistant.tui.chat` (the conversational
logic) stays importable without Textual.
"""
