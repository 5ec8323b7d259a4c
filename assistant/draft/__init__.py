"""Drafting: 存在问题, 未完成原因分析, 改进措施 and 评价结论 from a Report, the measure bank
(lexicons/measures.yaml) and a historical corpus — every sentence with its provenance.
"""
from assistant.draft.corpus import Corpus, load_corpus
from assistant.draft.measures import draft_measures, problem_themes, theme_codes
from assistant.draft.report import DraftReport, Section, draft_report, write_docx
from assistant.draft.sentences import Draft, Paragraph, Provenance, Sentence, audit_sentences

__all__ = ["Corpus", "Draft", "DraftReport", "Paragraph", "Provenance", "Section", "Sentence",
           "audit_sentences", "draft_measures", "draft_report", "load_corpus", "problem_themes",
           "theme_codes", "write_docx"]
