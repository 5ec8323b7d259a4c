"""绩效评价助手 (jixiao-assistant): read Chinese budget-performance reports into reviewable data.

The library is the product; `assistant.cli` and `assistant.tui` are thin shells over it.

    from assistant.extract import extract_path
    report = extract_path("report.txt")
"""
__version__ = "0.1.0"
