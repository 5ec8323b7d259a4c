"""绩效评价助手 (jixiao-assistant): read Chinese budget-performance reports into reviewable data.

The library is the product; `assistant.cli` and `assistant.tui` are thin shells over it.

    from assistant.extract import extract_path
    report = extract_path("report.txt")

    import assistant
    nlp = assistant.load()              # the same extraction as a spaCy pipeline
    doc = nlp(text); doc._.report; doc.spans["problem"]
"""
__version__ = "0.1.0"


def load(lexicon=()):
    """The extraction pipeline as a spaCy `Language` (see `assistant.language`); spaCy is
    imported only when this is called."""
    from assistant.language import load as _load
    return _load(lexicon)
