"""Optional polishing by the analyst's own model: a local stub of an OpenAI-compatible server
stands in for it (never the network); every reworded point is audited or dropped."""
from __future__ import annotations

import json
import re
import sys
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from assistant.cli import main
from assistant.draft import draft_measures, draft_report
from assistant.draft.polish import Endpoint, PolishUnavailable
from assistant.draft.sentences import numbers_in
from tests.test_draft import _report

PROBLEM = "部分项目资金拨付滞后，预算执行率仅为65.3%。"


class Stub:
    """A chat/completions endpoint whose answer is made from the points it is sent."""

    def __init__(self, reword):
        self.reword = reword            # list of points → answer text (or an int: an HTTP status)
        self.requests: list[dict] = []
        stub = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self):
                body = json.loads(self.rfile.read(int(self.headers["Content-Length"])))
                stub.requests.append({"path": self.path, "body": body, "auth": self.headers.get("Authorization")})
                points = re.findall(r"^\d+\. (.+)$", body["messages"][-1]["content"], re.M)
                answer = stub.reword(points)
                if isinstance(answer, int):
                    self.send_response(answer)
                    self.end_headers()
                    return
                data = json.dumps({"choices": [{"message": {"role": "assistant", "content": answer}}]}).encode()
                self.send_response(200)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)

            def log_message(self, *args):
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}/v1"
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def endpoint(self, **kw) -> Endpoint:
        return Endpoint(self.url, model="stub-model", timeout=5, **kw)

    def close(self):
        self.server.shutdown()
        self.server.server_close()


@pytest.fixture
def stub():
    made = []

    def make(reword):
        s = Stub(reword)
        made.append(s)
        return s
    yield make
    for s in made:
        s.close()


def firmly(points):
    return json.dumps(["切实" + p for p in points], ensure_ascii=False)


def test_reworded_points_keep_their_order_ordinals_and_provenance(stub):
    s = stub(firmly)
    [plain] = draft_measures(PROBLEM)
    [done] = draft_measures(PROBLEM, polish=s.endpoint(key="secret"))
    assert len(done.sentences) == len(plain.sentences) >= 2
    for old, new in zip(plain.sentences, done.sentences):
        assert new.text[:2] == old.text[:2] and new.text[2:4] == "切实"        # 一是切实…
        assert new.text[-1] == old.text[-1]
        assert new.provenance.template == old.provenance.template
        assert new.provenance.polished_by == "stub-model"
        assert "润色" in new.provenance.label()
    assert done.notes == []
    [request] = s.requests
    assert request["path"] == "/v1/chat/completions" and request["auth"] == "Bearer secret"
    assert request["body"]["model"] == "stub-model" and request["body"]["temperature"] == 0
    assert PROBLEM in request["body"]["messages"][-1]["content"]


def test_a_point_with_a_number_the_problem_does_not_print_is_dropped(stub):
    s = stub(lambda points: json.dumps([points[0] + "，力争执行率达到95%"] + ["切实" + p for p in points[1:]],
                                       ensure_ascii=False))
    [plain] = draft_measures(PROBLEM)
    [done] = draft_measures(PROBLEM, polish=s.endpoint())
    assert done.sentences[0].text == plain.sentences[0].text            # kept as drafted
    assert done.sentences[0].provenance.polished_by == ""
    assert all("切实" in x.text for x in done.sentences[1:])
    assert len(done.notes) == 1 and "95" in done.notes[0] and "第1条" in done.notes[0]
    for x in done.sentences:
        assert numbers_in(x.text) <= numbers_in(PROBLEM)


def test_a_point_that_changes_the_measure_or_leaks_a_phone_number_is_dropped(stub):
    s = stub(lambda points: json.dumps([("组织干部职工外出考察学习，" * 9)[:len(points[0])]] +
                                       [p + "，联系人电话13912345678" for p in points[1:]], ensure_ascii=False))
    [plain] = draft_measures(PROBLEM)
    [done] = draft_measures(PROBLEM, polish=s.endpoint())
    assert [x.text for x in done.sentences] == [x.text for x in plain.sentences]
    assert any("换了措施" in n for n in done.notes)
    assert any("电话" in n for n in done.notes)


@pytest.mark.parametrize("answer, words", [
    (lambda points: json.dumps(["只剩一条"], ensure_ascii=False), "保留原稿"),     # points merged
    (lambda points: 500, "HTTP 500"),                                            # the server fails
    (lambda points: "not json at all", "保留原稿"),
])
def test_an_answer_that_cannot_be_trusted_leaves_the_draft_as_drafted(stub, answer, words):
    s = stub(answer)
    [plain] = draft_measures(PROBLEM)
    [done] = draft_measures(PROBLEM, polish=s.endpoint())
    assert done.text == plain.text
    assert any(words in n for n in done.notes), done.notes


def test_an_unreachable_endpoint_is_a_note_not_a_failure():
    [done] = draft_measures(PROBLEM, polish=Endpoint("http://127.0.0.1:9/v1", timeout=2))
    assert done.text == draft_measures(PROBLEM)[0].text
    assert done.notes and "无法连接" in done.notes[0]


def test_a_report_draft_polishes_its_suggestions_and_still_passes_its_audit(stub):
    s = stub(firmly)
    report, text = _report()
    d = draft_report(report, text, polish=s.endpoint())
    polished = [x for x in d.section("measures").sentences() if x.provenance.polished_by]
    assert polished and all("切实" in x.text for x in polished)
    assert d.audit() == []
    assert all(not x.provenance.polished_by for x in d.section("problems").sentences())


def test_the_endpoint_comes_from_the_environment():
    e = Endpoint.from_env({"JIXIAO_LLM_URL": "http://127.0.0.1:8000/v1/", "JIXIAO_LLM_MODEL": "qwen",
                           "JIXIAO_LLM_TIMEOUT": "12"})
    assert (e.url, e.model, e.key, e.timeout) == ("http://127.0.0.1:8000/v1", "qwen", "", 12.0)
    for env in ({}, {"JIXIAO_LLM_URL": "ftp://x"}, {"JIXIAO_LLM_URL": "http://x", "JIXIAO_LLM_TIMEOUT": "soon"}):
        with pytest.raises(PolishUnavailable):
            Endpoint.from_env(env)


def test_polish_without_an_endpoint_is_one_chinese_line(capsys, monkeypatch):
    monkeypatch.delenv("JIXIAO_LLM_URL", raising=False)
    monkeypatch.delenv("JIXIAO_LANG", raising=False)
    monkeypatch.setattr(sys, "argv", ["jixiao", "draft", "measures", PROBLEM, "--polish"])
    with pytest.raises(SystemExit) as done:
        main()
    err = capsys.readouterr().err
    assert done.value.code == 2 and "Traceback" not in err
    assert err.startswith("错误：") and "JIXIAO_LLM_URL" in err and len(err.strip().splitlines()) == 1


def test_the_command_polishes_with_the_stub(stub, capsys, monkeypatch):
    s = stub(firmly)
    monkeypatch.setenv("JIXIAO_LLM_URL", s.url)
    monkeypatch.setattr(sys, "argv", ["jixiao", "draft", "measures", PROBLEM, "--polish"])
    with pytest.raises(SystemExit) as done:
        main()
    out = capsys.readouterr().out
    assert done.value.code in (0, None)
    assert out.startswith("一是切实")
