"""Optional LLM answerers: any OpenAI-compatible endpoint, or Ollama, via LangChain chat models.

The model sees numbered sources and must reply with JSON quotes tagged with
their source number. Its quotes then go through the same exact check as the
extractive answerer's (``assistant.verification``): what the article does
not contain is dropped and reported, never shown as a quote. The model's
prose is reduced to plain text (no markdown images, links or HTML), so an
article that smuggles in a tracking image or a link changes nothing.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from typing import Any

from assistant.schema import Answer, Citation, Passage
from index.errors import ConfigError, LLMError
from index.settings import Settings
from index.text.fold import locate
from prompts import load as load_prompt


def make_chat_model(settings: Settings) -> Any:
    if not settings.llm_model:
        raise ConfigError("an LLM backend needs a model name: set --llm-model or ASSISTANT_LLM_MODEL")
    if settings.llm == "openai":
        from langchain_openai import ChatOpenAI

        return ChatOpenAI(
            model=settings.llm_model, base_url=settings.llm_base_url or None,
            api_key=settings.llm_api_key or "not-needed", timeout=settings.llm_timeout, max_retries=1,
            temperature=0,
        )
    if settings.llm == "ollama":
        from langchain_ollama import ChatOllama

        return ChatOllama(model=settings.llm_model, base_url=settings.llm_base_url or None, temperature=0)
    raise ConfigError(f"unknown LLM backend {settings.llm!r}")


def _endpoint_failed(exc: Exception) -> LLMError:
    return LLMError(f"the LLM endpoint failed: {type(exc).__name__}: {exc}")


def _content(reply: Any) -> str:
    content = reply.content if hasattr(reply, "content") else reply
    if isinstance(content, list):
        content = "".join(part.get("text", "") if isinstance(part, dict) else str(part) for part in content)
    return str(content)


def _invoke(model: Any, messages: list[tuple[str, str]]) -> str:
    try:
        reply = model.invoke(messages)
    except Exception as exc:  # httpx, openai and ollama errors all end here
        raise _endpoint_failed(exc) from exc
    return _content(reply)


def format_sources(passages: list[Passage]) -> str:
    blocks = []
    for i, p in enumerate(passages, 1):
        head = " | ".join(x for x in (p.title, p.source, p.published[:10]) if x)
        blocks.append(f"[{i}] {head}\n{p.text}")
    return "\n\n".join(blocks)


def condense_with_llm(model: Any, question: str, history: list[tuple[str, str]]) -> str:
    convo = "\n".join(f"User: {u}\nAssistant: {a}" for u, a in history[-4:])
    text = _invoke(model, [("user", load_prompt("condense").format(history=convo, question=question))])
    text = text.strip().strip('"').splitlines()[0].strip() if text.strip() else ""
    return text or question


_IMAGE = re.compile(r"!\[[^\]]*\]\([^)]*\)")
_LINK = re.compile(r"\[([^\]]*)\]\((?:[^)]*)\)")
_TAG = re.compile(r"<[^>]{0,200}>")
_URL = re.compile(r"\b(?:https?|ftp)://\S+|\bwww\.\S+", re.IGNORECASE)


def plain_text(text: str) -> str:
    """Reduce model prose to plain text: no images, links, URLs or HTML tags."""
    text = _IMAGE.sub("", text)
    text = _LINK.sub(r"\1", text)
    text = _TAG.sub("", text)
    text = _URL.sub("", text)
    return re.sub(r"[ \t]{2,}", " ", text).strip()


def parse_reply(raw: str) -> dict[str, Any]:
    body = raw.strip()
    fence = re.search(r"```(?:json)?\s*(.*?)```", body, re.DOTALL)
    if fence:
        body = fence.group(1)
    start, end = body.find("{"), body.rfind("}")
    if start < 0 or end <= start:
        raise LLMError("the LLM reply was not a JSON object")
    try:
        data = json.loads(body[start : end + 1])
    except json.JSONDecodeError as exc:
        raise LLMError(f"the LLM reply was not valid JSON: {exc.msg}") from exc
    if not isinstance(data, dict):
        raise LLMError("the LLM reply was not a JSON object")
    return data


def _find_quote(quote: str, passages: list[Passage], cited: int) -> tuple[Passage, tuple[int, int]] | None:
    """Locate a model's quote in the article of the source it cites, else in another given source.

    Models often get the source number wrong while copying the words right; the
    citation then goes to the article that really contains them.
    """
    order = list(range(len(passages)))
    if 0 < cited <= len(passages):
        order.remove(cited - 1)
        order.insert(0, cited - 1)
    for i in order:
        p = passages[i]
        span = locate(quote, p.article_text, hint=p.start)
        if span is not None:
            return p, span
    return None


def _answer_messages(question: str, passages: list[Passage]) -> list[tuple[str, str]]:
    return [
        ("system", load_prompt("answer_system")),
        ("user", load_prompt("answer_user").format(sources=format_sources(passages), question=question)),
    ]


def answer_with_llm(model: Any, question: str, passages: list[Passage]) -> Answer:
    return answer_from_reply(_invoke(model, _answer_messages(question, passages)), question, passages)


def stream_answer_with_llm(model: Any, question: str, passages: list[Passage]) -> Iterator[str | Answer]:
    """Call the model with ``.stream()``: yield its answer prose so far, as plain text, each time it grows,
    then the ``Answer`` built from the whole reply exactly as ``answer_with_llm`` builds it (always last).

    Raises ``LLMError`` when the endpoint fails, before or while streaming.
    """
    raw: list[str] = []
    shown = ""
    try:
        for chunk in model.stream(_answer_messages(question, passages)):
            raw.append(_content(chunk))
            prose = plain_text(partial_answer_text("".join(raw)))
            if prose != shown:
                shown = prose
                yield prose
    except LLMError:
        raise
    except Exception as exc:  # httpx, openai and ollama errors all end here
        raise _endpoint_failed(exc) from exc
    yield answer_from_reply("".join(raw), question, passages)


_ANSWER_KEY = re.compile(r'"answer"\s*:\s*"')
_HIGH_SURROGATE = re.compile(r"\\u[dD][89abAB][0-9a-fA-F]{2}$")


def partial_answer_text(raw: str) -> str:
    """The value of the reply's ``"answer"`` string as far as it has arrived ("" before it starts).

    The reply is JSON still being written: the string is cut before an escape that has not
    fully arrived (and before a high surrogate still waiting for its pair), then decoded.
    """
    key = _ANSWER_KEY.search(raw)
    if key is None:
        return ""
    i, n = key.end(), len(raw)
    while i < n and raw[i] != '"':
        if raw[i] == "\\":
            width = 6 if raw[i + 1 : i + 2] == "u" else 2
            if i + width > n:
                break
            i += width
        else:
            i += 1
    body = raw[key.end() : i]
    if i >= n or raw[i] != '"':
        body = _HIGH_SURROGATE.sub("", body)
    try:
        return json.loads(f'"{body}"')
    except json.JSONDecodeError:
        return ""


def answer_from_reply(raw: str, question: str, passages: list[Passage]) -> Answer:
    """The model's whole JSON reply as an ``Answer``; quotes located in the sources (not yet verified)."""
    data = parse_reply(raw)
    citations: list[Citation] = []
    unverified: list[dict] = []
    for n, item in enumerate(data.get("quotes") or [], 1):
        if not isinstance(item, dict):
            continue
        quote = str(item.get("quote", ""))
        try:
            cited = int(item.get("source", 0))
        except (ValueError, TypeError):
            cited = 0
        found = _find_quote(quote, passages, cited)
        if found is None:
            unverified.append({"n": n, "article_id": passages[cited - 1].article_id if 0 < cited <= len(passages)
                               else "", "quote": quote, "reason": "not found verbatim in the given sources"})
            continue
        passage, (start, end) = found
        citations.append(Citation(
            n=n, article_id=passage.article_id, title=passage.title, source=passage.source, url=passage.url,
            published=passage.published, quote=passage.article_text[start:end], start=start, end=end,
            speaker=str(item.get("speaker") or ""), verified=False,
        ))
    answerable = bool(data.get("answerable", True))
    return Answer(
        question=question, standalone_question=question, answered=answerable,
        answer=plain_text(str(data.get("answer", ""))), citations=citations if answerable else [],
        unverified_quotes=unverified, answerer="llm",
    )


__all__ = [
    "answer_from_reply",
    "answer_with_llm",
    "condense_with_llm",
    "make_chat_model",
    "parse_reply",
    "partial_answer_text",
    "plain_text",
    "stream_answer_with_llm",
]
