"""Optional polishing of drafted measures by a language model the analyst runs (off by default).

The drafter's points are ranked and cause-matched by rule; a model may only reword them.
It is asked through an OpenAI-compatible `chat/completions` endpoint named by environment
variables — nothing is contacted unless the analyst sets them and asks for `--polish`:

    JIXIAO_LLM_URL      base address, e.g. http://127.0.0.1:8000/v1
    JIXIAO_LLM_MODEL    model name sent with the request (default: default)
    JIXIAO_LLM_KEY      bearer token, if the endpoint wants one
    JIXIAO_LLM_TIMEOUT  seconds to wait (default 30)

Every reworded point passes the drafter's own audit or is dropped (the drafted wording stays):
no number that the problem and its sources do not print, no unfilled slot, no personal
contact, the same move as the drafted point (its words overlap), about the same length.  A
kept point keeps its provenance and says which model reworded it.  If the endpoint cannot
be reached or answers nonsense, the draft stays as drafted and a note says why.
"""
from __future__ import annotations

import json
import os
import re
import urllib.error
import urllib.request
from dataclasses import dataclass, replace
from decimal import Decimal

from rapidfuzz import fuzz

from assistant.draft.sentences import Draft, Sentence, drafting, numbers_in, words

ENV_URL, ENV_MODEL, ENV_KEY, ENV_TIMEOUT = "JIXIAO_LLM_URL", "JIXIAO_LLM_MODEL", "JIXIAO_LLM_KEY", "JIXIAO_LLM_TIMEOUT"


class PolishUnavailable(Exception):
    """`--polish` was asked for but no endpoint is configured."""


@dataclass(frozen=True)
class Endpoint:
    url: str                    # base address; `/chat/completions` is appended
    model: str = "default"
    key: str = ""
    timeout: float = 30.0

    @classmethod
    def from_env(cls, env: dict[str, str] | None = None) -> Endpoint:
        """The endpoint the environment names; PolishUnavailable (a Chinese line) if none."""
        env = dict(os.environ if env is None else env)
        url = env.get(ENV_URL, "").strip()
        if not url:
            raise PolishUnavailable(f"未设置 {ENV_URL}：润色需要一个兼容 OpenAI 的接口地址"
                                    f"（如 http://127.0.0.1:8000/v1）；不润色则去掉 --polish")
        if not re.match(r"^https?://", url):
            raise PolishUnavailable(f"{ENV_URL}={url}：地址须以 http:// 或 https:// 开头")
        try:
            timeout = float(env.get(ENV_TIMEOUT) or 30)
        except ValueError:
            raise PolishUnavailable(f"{ENV_TIMEOUT}={env.get(ENV_TIMEOUT)}：须是秒数（如 30）") from None
        return cls(url.rstrip("/"), env.get(ENV_MODEL, "").strip() or "default", env.get(ENV_KEY, "").strip(), timeout)


def polish_draft(draft: Draft, problem: str, endpoint: Endpoint, known: set[Decimal] | None = None) -> Draft:
    """`draft` with its numbered points reworded by the model where each passes the audit;
    its `notes` say which kept their drafted wording, and why (Chinese)."""
    cfg = drafting("polish")
    points = [_clause(s.text) for s in draft.sentences]
    if not points:
        return draft
    prompt = cfg["user"].format(problem=problem, points="\n".join(f"{k + 1}. {p}" for k, p in enumerate(points)),
                                n=len(points))
    try:
        answer = _ask(endpoint, cfg["system"], prompt)
    except PolishUnavailable as exc:
        return replace(draft, notes=[str(exc)])
    rewritten = _points(answer)
    if len(rewritten) != len(points):
        return replace(draft, notes=[f"润色结果有 {len(rewritten)} 条，原稿 {len(points)} 条：保留原稿"])
    allowed = numbers_in(problem) | (known or set())
    sentences, notes = [], []
    for k, (s, old, new) in enumerate(zip(draft.sentences, points, rewritten)):
        why = _refuse(old, new, allowed | numbers_in(old), cfg)
        if why:
            notes.append(f"第{k + 1}条保留原稿：{why}")
            sentences.append(s)
            continue
        head = m.group() if (m := _ORDINAL.match(s.text)) else ""
        end = s.text[-1] if s.text[-1:] in "；。" else ""
        prov = replace(s.provenance, polished_by=endpoint.model)
        sentences.append(Sentence(f"{head}{new}{end}", prov))
    # `clauses` stay the moves' drafted wording: a report draft avoids repeating a move by
    # them, and a polished point must not free its move for the next section
    return replace(draft, sentences=sentences, notes=notes)


# -------------------------------------------------------------------------------- helpers

_ORDINAL = re.compile(r"^(?:[一二三四五六七八九十]+是|[（(]?\d+[)）.．、])")
_PHONE = re.compile(r"(?<!\d)1[3-9]\d{9}(?!\d)|(?<!\d)0\d{2,3}-?\d{7,8}(?!\d)")
_FENCE = re.compile(r"^```(?:json)?\s*|\s*```$")


def _clause(text: str) -> str:
    """A point's words: no ordinal, no closing mark."""
    return _ORDINAL.sub("", text.strip()).rstrip("；;。 ").strip()


def _ask(endpoint: Endpoint, system: str, user: str) -> str:
    body = json.dumps({"model": endpoint.model, "temperature": 0,
                       "messages": [{"role": "system", "content": system},
                                    {"role": "user", "content": user}]}, ensure_ascii=False).encode("utf-8")
    headers = {"Content-Type": "application/json"}
    if endpoint.key:
        headers["Authorization"] = f"Bearer {endpoint.key}"
    request = urllib.request.Request(f"{endpoint.url}/chat/completions", data=body, headers=headers, method="POST")
    try:
        with urllib.request.urlopen(request, timeout=endpoint.timeout) as response:
            data = json.loads(response.read().decode("utf-8"))
        return str(data["choices"][0]["message"]["content"])
    except urllib.error.HTTPError as exc:
        raise PolishUnavailable(f"润色接口 {endpoint.url} 返回 HTTP {exc.code}：保留原稿") from None
    except (urllib.error.URLError, TimeoutError, OSError) as exc:
        reason = getattr(exc, "reason", exc)
        raise PolishUnavailable(f"无法连接润色接口 {endpoint.url}（{reason}）：保留原稿") from None
    except (ValueError, KeyError, IndexError, TypeError):
        raise PolishUnavailable(f"润色接口 {endpoint.url} 的回答不是 chat/completions 格式：保留原稿") from None


def _points(answer: str) -> list[str]:
    """The reworded points of an answer: a JSON list of strings, else one numbered line each."""
    text = _FENCE.sub("", answer.strip())
    try:
        data = json.loads(text)
        if isinstance(data, list) and all(isinstance(x, str) for x in data):
            return [_clause(x) for x in data if x.strip()]
    except ValueError:
        pass
    return [_clause(line) for line in text.splitlines() if line.strip()]


def _refuse(old: str, new: str, allowed: set[Decimal], cfg: dict) -> str:
    """Why a reworded point may not replace the drafted one ("" when it may)."""
    if not new:
        return "润色结果为空"
    if "{" in new or "}" in new:
        return "含未填的占位符"
    if _PHONE.search(new):
        return "含电话号码"
    foreign = sorted(str(n) for n in numbers_in(new) - allowed)
    if foreign:
        return f"出现原文没有的数字（{'、'.join(foreign)}）"
    lo, hi = cfg["length_ratio"]
    if not lo * len(old) <= len(new) <= hi * len(old):
        return f"长度由 {len(old)} 字变为 {len(new)} 字"
    overlap = fuzz.token_set_ratio(words(old), words(new))
    if overlap < cfg["min_overlap"]:
        return f"与原稿措施用词重合 {overlap:.0f}，低于 {cfg['min_overlap']}：可能换了措施"
    return ""
