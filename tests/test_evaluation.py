"""The evaluation engine on hand-made answers: reading test sets, scoring, summary, report, CLI."""

from __future__ import annotations

import json
import sys
import types
from pathlib import Path

import pytest
from click.testing import CliRunner

from assistant.evaluation import Case, PassRules, multihop_case, read_cases, run_eval, score_case
from assistant.schema import Answer, Citation
from index.errors import EvaluationError, LLMError, NotFound, StoreUnavailable

ARTICLES = {
    "fed-1": "The Federal Reserve raised rates by a quarter point on Wednesday. "
    "Chair Jerome Powell said \u201cinflation remains too high\u201d and more increases may follow.",
    "vote-2": "Voters in the city approved the new stadium.\nTurnout was 41\npercent, officials said.",
}
META = {
    "fed-1": {"title": "Fed Raises Rates Again", "url": "https://news.example/fed"},
    "vote-2": {"title": "Stadium vote passes", "url": "https://news.example/vote"},
}


def article_text(article_id: str) -> str:
    if article_id not in ARTICLES:
        raise NotFound(f"no article {article_id}")
    return ARTICLES[article_id]


def cite(n: int, article_id: str, quote: str, *, start: int | None = None) -> Citation:
    """A citation at the quote's real offsets (or at ``start`` to fake a bad one)."""
    text = ARTICLES[article_id]
    begin = text.find(quote) if start is None else start
    return Citation(
        n=n,
        article_id=article_id,
        title=META[article_id]["title"],
        source="Example News",
        url=META[article_id]["url"],
        published="2023-10-01",
        quote=quote,
        start=begin,
        end=begin + len(quote),
    )


def chunk(article_id: str, start: int = 0, end: int | None = None, *, with_text: bool = True) -> dict:
    entry = {
        "article_id": article_id,
        "chunk_id": f"{article_id}:{start}",
        "title": META[article_id]["title"],
        "score": 0.5,
    }
    if with_text:
        entry["text"] = ARTICLES[article_id][start:end]
    return entry


def make_answer(
    question: str, *, answered: bool = True, text: str = "", citations=(), retrieved=()
) -> Answer:
    return Answer(
        question=question,
        standalone_question=question,
        answered=answered,
        answer=text,
        citations=list(citations),
        retrieved=list(retrieved),
    )


class FakeAsk:
    """Returns the prepared Answer for each question and records what it was asked."""

    def __init__(self, answers: dict[str, Answer]) -> None:
        self.answers = answers
        self.calls: list[tuple[str, list]] = []

    def __call__(self, question: str, history: list[tuple[str, str]]) -> Answer:
        self.calls.append((question, history))
        result = self.answers[question]
        if isinstance(result, Exception):
            raise result
        return result


POWELL = "inflation remains too high"
GOOD = make_answer(
    "What did Powell say?",
    text=f"Jerome Powell said \u201c{POWELL}\u201d [1].",
    citations=[cite(1, "fed-1", f"Chair Jerome Powell said \u201c{POWELL}\u201d")],
    retrieved=[chunk("vote-2"), chunk("fed-1")],
)


def score(case: Case, answer: Answer, **kw):
    return score_case(case, answer, article_text=article_text, latency_ms=10.0, **kw)


# --- reading ---------------------------------------------------------------------


def write(tmp_path: Path, lines: list[str], name: str = "set.jsonl") -> Path:
    path = tmp_path / name
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_read_jsonl_defaults_and_fields(tmp_path):
    path = write(
        tmp_path,
        [
            json.dumps({"question": "Q one?"}),
            "",
            json.dumps(
                {
                    "id": "x",
                    "question": "Q two?",
                    "history": [["hi", "hello"]],
                    "answer": "A",
                    "quotes": ["q"],
                    "sources": ["s"],
                    "answerable": False,
                    "tags": ["t1", "t2"],
                }
            ),
        ],
    )
    first, second = read_cases(path)
    assert first == Case(id="1", question="Q one?")
    assert second.id == "x" and second.history == (("hi", "hello"),)
    assert (second.answer, second.quotes, second.sources, second.answerable, second.tags) == (
        "A",
        ("q",),
        ("s",),
        False,
        ("t1", "t2"),
    )


@pytest.mark.parametrize(
    ("line", "message"),
    [
        ("{not json", "not valid JSON"),
        ('{"id": "a"}', "'question' must be a non-empty string"),
        ('{"question": "q", "qoutes": []}', "unknown field 'qoutes'"),
        ('{"question": "q", "history": [["only one"]]}', "'history'"),
        ('{"question": "q", "quotes": "not a list"}', "'quotes' must be a list of strings"),
        ('{"question": "q", "answerable": "no"}', "'answerable' must be true or false"),
        ('["q"]', "must be a JSON object"),
    ],
)
def test_bad_line_is_named(tmp_path, line, message):
    path = write(tmp_path, [json.dumps({"question": "fine"}), line])
    with pytest.raises(EvaluationError) as err:
        read_cases(path)
    assert f"{path}:2:" in str(err.value) and message in str(err.value)
    assert "\n" not in str(err.value)


def test_duplicate_ids_missing_file_and_empty_set(tmp_path):
    dup = write(tmp_path, ['{"id": "a", "question": "q"}', '{"id": "a", "question": "r"}'])
    with pytest.raises(EvaluationError, match="duplicate id 'a'"):
        read_cases(dup)
    with pytest.raises(EvaluationError, match="not found"):
        read_cases(tmp_path / "missing.jsonl")
    with pytest.raises(EvaluationError, match="no cases"):
        read_cases(write(tmp_path, [""], "empty.jsonl"))
    (tmp_path / "bin.jsonl").write_bytes(b"\xff\xfe\x00")
    with pytest.raises(EvaluationError, match="UTF-8"):
        read_cases(tmp_path / "bin.jsonl")


MULTIHOP = [
    {
        "query_id": 7,
        "query": "Who was on trial?",
        "answer": "Sam Bankman-Fried",
        "question_type": "inference_query",
        "evidence_list": [
            {
                "title": "Trial begins",
                "source": "TechCrunch",
                "published_at": "2023-10-01",
                "url": "https://t.example/1",
                "fact": "The trial of Sam Bankman-Fried started Tuesday.",
            },
            {
                "title": "Verdict",
                "source": "The Verge",
                "published_at": "2023-11-02",
                "url": None,
                "fact": "A jury found him guilty.",
            },
        ],
    },
    {
        "query_id": 8,
        "query": "Which award did X win?",
        "answer": "Insufficient information.",
        "question_type": "null_query",
        "evidence_list": [],
    },
]


def test_read_multihop_queries(tmp_path):
    path = tmp_path / "queries.json"
    path.write_text(json.dumps(MULTIHOP), encoding="utf-8")
    hop, null = read_cases(path)
    assert hop.id == "7" and hop.question == "Who was on trial?" and hop.answerable
    assert hop.evidence == ("The trial of Sam Bankman-Fried started Tuesday.", "A jury found him guilty.")
    assert hop.sources == ("Trial begins", "https://t.example/1", "Verdict")
    assert hop.tags == ("inference_query",) and hop.answer == "Sam Bankman-Fried"
    assert not null.answerable and null.answer is None and null.tags == ("null_query",)
    with pytest.raises(EvaluationError, match="item 1: 'query' must be a non-empty string"):
        bad = tmp_path / "bad.json"
        bad.write_text(json.dumps([{"query_id": 1, "query": ""}]), encoding="utf-8")
        read_cases(bad)


REAL_QUERIES = Path(__file__).parent / "data" / "multihop-rag" / "queries.json"


def test_read_real_multihop_file():
    cases = read_cases(REAL_QUERIES)
    raw = json.loads(REAL_QUERIES.read_text(encoding="utf-8"))
    assert len(cases) == len(raw)
    assert sum(not c.answerable for c in cases) == sum(q["question_type"] == "null_query" for q in raw)
    assert all(c.evidence for c in cases if c.answerable)


# --- scoring -----------------------------------------------------------------------


def test_good_answer_passes_with_all_metrics():
    case = Case(
        id="1",
        question=GOOD.question,
        answer="inflation remains too high",
        quotes=[POWELL],
        sources=["Fed raises rates again"],
    )
    result = score(case, GOOD)
    assert result.passed, result.reasons
    mt = result.metrics
    assert (mt["refusal_correct"], mt["citation_validity"], mt["quote_recall"]) == (1.0, 1.0, 1.0)
    assert mt["answer_contained"] == 1.0 and mt["source_cited"] == 1.0 and mt["source_retrieved"] == 1.0
    assert mt["hit@k"] == 1.0 and mt["mrr"] == 0.5  # the source article is the 2nd retrieved chunk
    assert mt["latency_ms"] == 10.0


def test_quote_not_in_article_lowers_citation_validity_and_fails():
    bad = cite(2, "vote-2", "Turnout was 14", start=ARTICLES["vote-2"].find("Turnout"))
    answer = make_answer("q", text="x [1] [2]", citations=[GOOD.citations[0], bad])
    result = score(Case(id="1", question="q"), answer)
    assert result.metrics["citation_validity"] == 0.5
    assert not result.passed and result.invalid_citations == [2]
    assert any(r.startswith("BUG: citation validity 0.50") for r in result.reasons)


def test_answered_unanswerable_lowers_refusal_accuracy():
    case = Case(id="u", question="q", answerable=False)
    answered = score(case, make_answer("q", text="Something [1].", citations=GOOD.citations))
    refused = score(case, make_answer("q", answered=False, text="Not in the articles."))
    assert answered.metrics["refusal_correct"] == 0.0 and not answered.passed
    assert "answered an unanswerable question" in answered.reasons
    assert refused.metrics["refusal_correct"] == 1.0 and refused.passed
    # answer/quote/source metrics are not defined for unanswerable cases
    assert refused.metrics["quote_recall"] is None and refused.metrics["answer_f1"] is None


def test_refused_answerable_fails():
    result = score(Case(id="1", question="q"), make_answer("q", answered=False))
    assert not result.passed and result.reasons == ["refused an answerable question"]


def test_a_refusal_contains_no_answer():
    """A refusal saying "No retrieved article ..." does not contain the expected answer "no"."""
    refusal = make_answer("q", answered=False, text="The indexed articles don't say. No retrieved article mentions X.")
    result = score(Case(id="1", question="q", answer="no"), refusal)
    assert result.metrics["answer_contained"] == 0.0 and result.metrics["answer_f1"] == 0.0


def test_missing_fragment_lowers_quote_recall_and_threshold_is_a_parameter():
    case = Case(id="1", question="q", quotes=[POWELL, "rates will fall"])
    result = score(case, GOOD)
    assert result.metrics["quote_recall"] == 0.5 and result.passed  # 0.5 meets the default 0.5
    strict = score(case, GOOD, rules=PassRules(min_quote_recall=0.75))
    assert not strict.passed and "rates will fall" in strict.reasons[0]


def test_answer_match_rule_contained_or_f1():
    long_answer = make_answer("q", text="Rates rose by a quarter point [1].", citations=GOOD.citations)
    contained = score(Case(id="1", question="q", answer="a quarter point"), long_answer)
    assert contained.passed and contained.metrics["answer_contained"] == 1.0
    near = score(Case(id="2", question="q", answer="rates rose by a half point"), long_answer)
    assert near.metrics["answer_contained"] == 0.0 and near.metrics["answer_f1"] >= 0.5 and near.passed
    wrong = score(Case(id="3", question="q", answer="they were cut"), long_answer)
    assert not wrong.passed and "expected answer" in wrong.reasons[0]


def test_answered_without_citation_fails_by_default():
    bare = make_answer("q", text="Yes.")
    assert not score(Case(id="1", question="q"), bare).passed
    assert score(Case(id="1", question="q"), bare, rules=PassRules(require_citation=False)).passed


def test_source_rule_uses_citations_or_retrieved():
    by_url = score(Case(id="1", question="q", sources=["https://news.example/fed/"]), GOOD)
    assert by_url.metrics["source_cited"] == 1.0 and by_url.passed
    only_retrieved = score(Case(id="2", question="q", sources=["vote-2"]), GOOD)
    assert only_retrieved.metrics["source_cited"] == 0.0 and only_retrieved.metrics["source_retrieved"] == 1.0
    assert only_retrieved.passed and only_retrieved.metrics["mrr"] == 1.0
    nowhere = score(Case(id="3", question="q", sources=["other-9"]), GOOD)
    assert not nowhere.passed and nowhere.metrics["hit@k"] == 0.0 and nowhere.metrics["mrr"] == 0.0


def test_source_title_from_article_meta_when_retrieved_entry_lacks_it():
    answer = make_answer(
        "q",
        text="x [1]",
        citations=GOOD.citations,
        retrieved=[{"article_id": "vote-2", "chunk_id": "c", "score": 1.0}],
    )
    case = Case(id="1", question="q", sources=["STADIUM VOTE PASSES"])
    without = score_case(case, answer, article_text=article_text)
    with_meta = score_case(case, answer, article_text=article_text, article_meta=META.__getitem__)
    assert without.metrics["source_retrieved"] == 0.0
    assert with_meta.metrics["source_retrieved"] == 1.0 and with_meta.metrics["hit@k"] == 1.0


def test_evidence_hits_use_chunk_text_with_the_multihop_rule():
    retrieved = [chunk("fed-1"), chunk("vote-2", 0, 20), chunk("vote-2", 40)]
    answer = make_answer("q", text="x [1]", citations=GOOD.citations, retrieved=retrieved)
    case = Case(id="1", question="q", evidence=["Turnout was 41 percent, officials said."])
    result = score(case, answer)
    assert "Turnout was 41 percent" not in ARTICLES["vote-2"]  # only a newline differs
    assert result.metrics["hit@k"] == 1.0 and result.metrics["mrr"] == pytest.approx(1 / 3)
    case_changed = Case(id="2", question="q", evidence=["turnout was 41 percent, officials said."])
    assert score(case_changed, answer).metrics["hit@k"] == 0.0
    assert not score(case_changed, answer).passed  # evidence without sources: hit@k is the source rule


def test_evidence_without_chunk_text_is_skipped_not_failed():
    answer = make_answer(
        "q", text="x [1]", citations=GOOD.citations, retrieved=[chunk("vote-2", with_text=False)]
    )
    case = Case(id="1", question="q", evidence=["Turnout was 41 percent"], sources=["vote-2"])
    result = score(case, answer)
    assert result.metrics["hit@k"] is None and result.metrics["mrr"] is None
    assert result.metrics["source_retrieved"] == 1.0 and result.passed


# --- running and summary -----------------------------------------------------------


def test_run_eval_summary_history_and_tags():
    ask = FakeAsk(
        {
            "good": GOOD,
            "refuse": make_answer("refuse", answered=False, text="Not found."),
            "wrongly answered": make_answer("wrongly answered", text="x [1]", citations=GOOD.citations),
            "boom": LLMError("the LLM endpoint timed out"),
        }
    )
    cases = [
        Case(id="a", question="good", history=(("earlier q", "earlier a"),), quotes=[POWELL], tags=("easy",)),
        Case(id="b", question="refuse", answerable=False, tags=("null", "easy")),
        Case(id="c", question="wrongly answered", answerable=False, tags=("null",)),
        Case(id="d", question="boom", tags=("easy",)),
    ]
    seen = []
    report = run_eval(cases, ask, article_text=article_text, progress=lambda r: seen.append(r.case.id))
    assert seen == ["a", "b", "c", "d"]
    assert ask.calls[0] == ("good", [("earlier q", "earlier a")]) and ask.calls[1] == ("refuse", [])
    s = report.summary
    assert (s["n"], s["passed"], s["failed"], s["errors"]) == (4, 2, 2, 1)
    assert s["pass_rate"] == 0.5 and s["answered_unanswerable"] == 1
    assert s["metrics"]["refusal_correct"] == {"mean": pytest.approx(2 / 3), "n": 3}
    assert s["metrics"]["quote_recall"] == {"mean": 1.0, "n": 1}
    assert s["by_tag"]["easy"] == {"n": 3, "passed": 2, "pass_rate": pytest.approx(2 / 3)}
    assert s["by_tag"]["null"] == {"n": 2, "passed": 1, "pass_rate": 0.5}
    assert s["latency_ms"]["p50"] is not None and s["latency_ms"]["p95"] >= s["latency_ms"]["p50"]
    failed = {c.case.id: c for c in report.cases if not c.passed}
    assert failed["d"].reasons == ["error: the LLM endpoint timed out"] and failed["d"].answer is None
    data = json.loads(report.to_json())
    assert set(data) == {"summary", "cases"}
    first = data["cases"][0]
    assert {"id", "passed", "reasons", "metrics", "result"} <= set(first)
    assert first["result"]["citations"][0]["quote"] == GOOD.citations[0].quote
    assert data["cases"][3]["result"] is None


def test_run_eval_caches_article_text_and_stops_on_store_errors():
    reads = []

    def counting_text(article_id: str) -> str:
        reads.append(article_id)
        return article_text(article_id)

    ask = FakeAsk({"good": GOOD})
    run_eval([Case(id="1", question="good"), Case(id="2", question="good")], ask, article_text=counting_text)
    assert reads == ["fed-1"]
    down = FakeAsk({"q": StoreUnavailable("Chroma at localhost:8000 does not answer")})
    with pytest.raises(StoreUnavailable):
        run_eval([Case(id="1", question="q")], down, article_text=article_text)


def test_judge_hook_adds_metrics_without_changing_pass():
    report = run_eval(
        [Case(id="1", question="good")],
        FakeAsk({"good": GOOD}),
        article_text=article_text,
        judge=lambda case, answer: {"faithful": 0.25},
    )
    assert report.cases[0].metrics["judge_faithful"] == 0.25 and report.cases[0].passed
    assert report.summary["metrics"]["judge_faithful"]["mean"] == 0.25


def test_summary_notes_skipped_evidence_metrics():
    answer = make_answer(
        "q", text="x [1]", citations=GOOD.citations, retrieved=[chunk("fed-1", with_text=False)]
    )
    report = run_eval(
        [Case(id="1", question="q", evidence=["fact"])], FakeAsk({"q": answer}), article_text=article_text
    )
    assert report.summary["metrics"]["hit@k"]["n"] == 0
    assert any("no text" in n for n in report.summary["notes"])


def test_multihop_case_end_to_end():
    case = multihop_case(MULTIHOP[0], "item 1")
    retrieved = [
        {
            "article_id": "t",
            "chunk_id": "t:0",
            "title": "Trial begins",
            "score": 0.9,
            "text": "Intro.\nThe trial of Sam\nBankman-Fried started Tuesday. More.",
        }
    ]
    answer = make_answer(
        case.question, text="Sam Bankman-Fried [1].", citations=GOOD.citations, retrieved=retrieved
    )
    result = score(case, answer)
    assert result.metrics["hit@k"] == 1.0 and result.metrics["mrr"] == 1.0
    assert result.metrics["answer_contained"] == 1.0 and result.metrics["source_retrieved"] == 1.0
    assert result.passed, result.reasons


# --- report and CLI ------------------------------------------------------------------


def _small_report():
    evil = '<script>alert("x")</script>'
    ask = FakeAsk(
        {
            evil: make_answer(
                evil, text="<b>bold</b> [1]", citations=[cite(1, "fed-1", "The Federal", start=1)]
            ),
            "good": GOOD,
        }
    )
    cases = [
        Case(id="evil", question=evil, answer="<img src=x>", quotes=["<i>q</i>"], tags=("<t>",)),
        Case(id="ok", question="good", tags=("plain",)),
    ]
    return run_eval(cases, ask, article_text=article_text, meta={"testset": "<set>"})


def test_report_is_self_contained_and_escaped(tmp_path):
    from assistant.evaluation.report import write_report

    html_path, json_path = write_report(_small_report(), tmp_path / "out")
    page = html_path.read_text(encoding="utf-8")
    assert html_path.exists() and json_path.exists()
    assert page.count('<img src="data:image/png;base64,') == 3
    assert "<script>" not in page and "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;" in page
    assert "<b>bold</b>" not in page and "<img src=x>" not in page and "&lt;t&gt;" in page
    assert "http://cdn" not in page and "<link" not in page and "@import" not in page
    # failures come first
    assert page.index("FAIL</span> evil") < page.index("PASS</span> ok")
    assert json.loads(json_path.read_text(encoding="utf-8"))["summary"]["n"] == 2


@pytest.fixture
def fake_engine(monkeypatch):
    """Stand-in for assistant.engine.Engine: answers from the prepared answers above."""
    made = []

    class Engine:
        def __init__(self, settings):
            self.settings = settings
            made.append(self)

        def warm_up(self):
            self.warmed = True

        def ask(self, question, history=None, k=None):
            if question == "refuse":
                return make_answer(question, answered=False, text="Not found.")
            return GOOD

        def article_text(self, article_id):
            return article_text(article_id)

        def article_meta(self, article_id):
            return META[article_id]

    module = types.ModuleType("assistant.engine")
    module.Engine = Engine
    monkeypatch.setitem(sys.modules, "assistant.engine", module)
    return made


def test_cli_eval_json_report_and_fail_under(tmp_path, fake_engine, monkeypatch):
    from assistant.evaluation.cli import eval_command

    monkeypatch.delenv("ASSISTANT_K", raising=False)
    testset = write(
        tmp_path, [json.dumps({"question": "good", "tags": ["t"]}), json.dumps({"question": "refuse"})]
    )
    runner = CliRunner()
    result = runner.invoke(
        eval_command, [str(testset), "--json", "--k", "3", "--report", str(tmp_path / "r")]
    )
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["summary"]["n"] == 2 and data["summary"]["passed"] == 1
    assert fake_engine[0].settings.k == 3
    assert (tmp_path / "r" / "report.html").exists() and (tmp_path / "r" / "report.json").exists()

    text = runner.invoke(eval_command, [str(testset), "--fail-under", "0.9", "--limit", "1"])
    assert text.exit_code == 0 and "pass rate" not in text.stderr and "cases" in text.stdout

    failing = runner.invoke(eval_command, [str(testset), "--fail-under", "0.9"])
    assert failing.exit_code == 1 and "below --fail-under" in failing.stderr


def test_cli_eval_usage_and_testset_errors(tmp_path, fake_engine):
    from assistant.evaluation.cli import eval_command

    runner = CliRunner()
    assert runner.invoke(eval_command, [str(tmp_path / "missing.jsonl")]).exit_code == 2
    good = write(tmp_path, [json.dumps({"question": "good"})])
    assert runner.invoke(eval_command, [str(good), "--fail-under", "1.5"]).exit_code == 2
    broken = write(tmp_path, ["{oops"], "broken.jsonl")
    result = runner.invoke(eval_command, [str(broken)])
    assert result.exit_code == 1 and f"{broken}:1: not valid JSON" in result.stderr
