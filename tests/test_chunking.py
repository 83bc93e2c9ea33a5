from hypothesis import given, settings
from hypothesis import strategies as st

from index.chunking import chunk_text
from index.text.sentences import sentence_spans

WORDS = st.sampled_from(
    ["alpha", "Beta", "gamma.", "delta!", "eps?", "U.S.", "“quote”", "é", "\n", "\n\n", "  ", "x" * 50]
)


@settings(max_examples=300, deadline=None)
@given(words=st.lists(WORDS, max_size=400), size=st.integers(100, 600), overlap_frac=st.floats(0, 0.9))
def test_chunks_are_exact_slices_and_cover_the_text(words, size, overlap_frac):
    text = " ".join(words)
    overlap = int(size * overlap_frac)
    chunks = chunk_text(text, size, overlap)
    covered = [False] * len(text)
    for i, c in enumerate(chunks):
        assert c.index == i
        assert text[c.start : c.end] == c.text
        assert c.text == c.text.strip() and c.text
        assert c.end - c.start <= size
        for j in range(c.start, c.end):
            covered[j] = True
    missing = [ch for ch, cov in zip(text, covered) if not cov and not ch.isspace()]
    assert missing == []
    starts = [c.start for c in chunks]
    assert starts == sorted(set(starts))


@given(text=st.text(max_size=2000))
@settings(max_examples=200, deadline=None)
def test_arbitrary_unicode_text(text):
    for c in chunk_text(text, 150, 40):
        assert text[c.start : c.end] == c.text


def test_sentences_respect_abbreviations_and_overlap():
    text = "Mr. Smith went to the U.S. on Monday. He said it was fine! Was it? Yes. " * 20
    sents = [text[s.start : s.end] for s in sentence_spans(text)]
    assert sents[0] == "Mr. Smith went to the U.S. on Monday."
    chunks = chunk_text(text, 200, 80)
    assert len(chunks) > 5
    # neighbouring chunks share whole sentences when the overlap allows it
    assert any(chunks[i].start < chunks[i - 1].end for i in range(1, len(chunks)))


def test_deterministic():
    text = open(__file__, encoding="utf-8").read()
    assert chunk_text(text, 300, 50) == chunk_text(text, 300, 50)


@settings(max_examples=200, deadline=None)
@given(words=st.lists(WORDS, max_size=400), size=st.integers(100, 600))
def test_min_overlap_repeats_a_sentence_and_still_covers_the_text(words, size):
    text = " ".join(words)
    overlapped = chunk_text(text, size, 0, min_overlap_sentences=True)
    for c in overlapped:
        assert text[c.start : c.end] == c.text and c.end - c.start <= size
    covered = {j for c in overlapped for j in range(c.start, c.end)}
    assert all(ch.isspace() for j, ch in enumerate(text) if j not in covered)
    starts = [c.start for c in overlapped]
    assert starts == sorted(set(starts))


def test_min_overlap_repeats_the_last_sentence_even_past_the_overlap_budget():
    text = "".join(f"The council voted on item {i} to fund the harbour bridge repairs after a debate. "
                   for i in range(40))
    plain = chunk_text(text, 400, 50, min_overlap_sentences=False)
    overlapped = chunk_text(text, 400, 50, min_overlap_sentences=True)
    assert all(a.end <= b.start for a, b in zip(plain, plain[1:])), "sentences longer than the budget: no overlap"
    for a, b in zip(overlapped, overlapped[1:]):
        last = sentence_spans(a.text)[-1]
        assert b.start == a.start + last.start, "the next chunk starts with the previous chunk's last sentence"
