"""What the review app's own screens share: the app they belong to is a ReviewApp (typed),
what a chat request on them refers to, and where focus returns when the chat pane closes."""
from __future__ import annotations

from typing import TYPE_CHECKING

from textual.screen import Screen

if TYPE_CHECKING:
    from assistant.tui.app import ReviewApp


class ReviewScreen(Screen):
    if TYPE_CHECKING:
        app: ReviewApp          # the review app, with its store, lexicon and conversation

    def chat_selection(self) -> tuple[int | None, int | None]:
        """(document, item) the conversational pane's requests refer to."""
        return None, None

    def focus_main(self) -> None:
        """Give focus back to the screen's main table."""
