"""The conversational pane's logic: a Chinese request → an intent with slots → an answer from
the store.  Pure Python (no Textual): the review app's pane only shows it, and tests and other front
ends use it alone.

    chat = Chat(store)
    reply = chat.respond("列出执行率低于90%的项目", Context(doc_id=1, item_id=7))
    reply.text, reply.hits          # hits jump to items; reply.action asks the app to act

Intents, trigger phrases and slot words live in `lexicons/intents.yaml` (see its header for
how matching works); thresholds are there too.
"""
from assistant.chat.engine import Chat, Context, Hit, Reply, Request
from assistant.chat.intents import Lexicon, Slots, default_lexicon, intents_of, load_lexicon

__all__ = ["Chat", "Context", "Hit", "Reply", "Request", "Lexicon", "Slots", "default_lexicon", "intents_of", "load_lexicon"]
