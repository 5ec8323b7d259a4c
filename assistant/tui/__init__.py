"""The review app (Textual): `assistant.tui.app.ReviewApp`.

A shell over the library: items and decisions come from `assistant.store`, the chat pane's
answers from `assistant.chat` (which has no Textual in it).
"""
