"""Quotation marks: curly and straight, multi-paragraph, unbalanced; quote kinds."""

from __future__ import annotations

from wirewatch.quotes import find_quoted, quote_kind


def _texts(text: str) -> list[str]:
    return [text[q.start:q.end] for q in find_quoted(text)]


def test_curly_and_straight_quotes_are_found_with_their_marks() -> None:
    text = '“We will rebuild,” she said. He replied: "Not this year."'
    assert _texts(text) == ["“We will rebuild,”", '"Not this year."']


def test_inner_span_excludes_the_marks() -> None:
    text = 'He said "yes" twice.'
    (q,) = find_quoted(text)
    assert text[q.inner_start:q.inner_end] == "yes"


def test_a_quote_runs_over_several_sentences() -> None:
    text = "“The port is closed. The ships wait. Nobody knows for how long,” he said."
    assert _texts(text) == ["“The port is closed. The ships wait. Nobody knows for how long,”"]


def test_continuation_paragraph_extends_the_open_quote() -> None:
    text = "“The first paragraph opens and never closes.\n\n“The second one ends it.”\n\nAfter."
    (q,) = find_quoted(text)
    assert text[q.start:q.end].endswith("ends it.”")
    assert q.closed


def test_unclosed_quote_ends_with_its_paragraph() -> None:
    text = "“Nobody closed this one.\n\nThe next paragraph is narration."
    (q,) = find_quoted(text)
    assert text[q.start:q.end] == "“Nobody closed this one."
    assert not q.closed


def test_apostrophes_and_single_quotes_are_not_quotations() -> None:
    assert find_quoted("The minister's ‘red line’ was crossed, officials said.") == []


def test_straight_quote_direction_is_read_from_the_spaces_around_it() -> None:
    text = 'A "first" and a "second" quote.'
    assert _texts(text) == ['"first"', '"second"']


def test_quote_kinds_from_marks() -> None:
    text = "“All of it is quoted,” and part is “quoted here” in a longer paraphrase."
    quotes = find_quoted(text)
    whole = (0, text.index(" and"))
    assert quote_kind(text, [whole], quotes) == "direct"
    assert quote_kind(text, [(text.index("part"), len(text))], quotes) == "partial"
    assert quote_kind(text, [(text.index("in a"), len(text))], quotes) == "indirect"


def test_two_apostrophes_count_as_a_double_quote() -> None:
    text = "''We will rebuild the 'old' pier,'' she said. He said ''no.'''"
    assert _texts(text) == ["''We will rebuild the 'old' pier,''", "''no.'''"]
    first = find_quoted(text)[0]
    assert text[first.inner_start:first.inner_end] == "We will rebuild the 'old' pier,"
    assert _texts("It's the mayor's plan, isn't it?") == []


def test_quote_index_answers_inside_closed_quotations_only() -> None:
    from wirewatch.quotes.marks import QuoteIndex

    text = 'He said “stay calm” and “wait.\n\nThen he left "quietly" home.'
    quotes = find_quoted(text)
    index = QuoteIndex(quotes)
    for i in range(len(text)):
        expected = any(q.inner_start <= i < q.inner_end and q.closed for q in quotes)
        assert index.inside(i) == expected, i


def test_doubled_apostrophes_count_as_one_straight_quote() -> None:
    assert _texts("He called it ''a disgrace'' on Monday.") == ["''a disgrace''"]
