"""Find attributed statements in a parsed article: content, cue and source.

Rules over the dependency parse, per cue word (first rule that finds content wins):

- *colon* — "Pence said: Well, look, ..." (the rest of the paragraph, or the next one);
- *clause* — a speech or thought verb with a clausal complement ("Cheong said Kim's visits
  likely had a dual goal"), in either order ("..., KCNA reported");
- *parenthetical* — "This campaign, he says, is different";
- *directive* — "urged the factory to move ahead", "vowed to retaliate", "called for talks";
- *quoted-object* — "described it as “very rare”", "called the delivery “a top priority”";
- *adjacent-quote* — "“…,” she said" / "she said: “…”" when the parse finds no clause;
- *object* — stances about a thing: "praised the deal", "criticized the plan";
- *according* — "according to X" vouches for the sentence it opens or closes;
- *noun* — "his claim that the vote was rigged";
- *label* — "PENCE: Well, ..." or a headline "Poll: Voters ...";
- *evidence* — "a new poll shows Sanders leading" (a thought verb whose subject is evidence);
- *passive* — "the plan was rejected by 64 percent of voters" (the subject, by the agent);
- *unnamed* — the whole clause, no speaker: "seems ready to", "is expected to", "is seen as",
  "It appears that ...", "was reportedly on that trip";
- *question* — "Asked whether he would run, ..." (what was asked);
- *relative* — "the point Feinstein acknowledged" (the noun a relative clause hangs on);
- *topic* — "still believe in the American dream" (what a thought is about);
- *adjective* — "is confident that ...", "eager to debate", "critical of the deal";
- *unsourced* — a speech verb's clause whose subject the parse cannot find, or a stance
  whose holder is the subject of the clause above ("... in endorsing Ryan");
- *frame* — "In Professor Lund's view, ..." / "In a new CBS poll, ..." (where nothing else
  attributes the sentence).

The lexicon of each class lives in ``data/cues.txt`` (see ``cues.py``).

Then quotations: content touching a quotation grows to the whole of it (quotes run over
sentences and paragraphs); a quotation resumed after "he said" joins its content; a quoted
paragraph with no cue continues the quotation before it; other sentence-like quotations go
to the nearest speech verb's subject.  A cue inside a quotation is part of what the quoted
speaker said and is not reported on its own.
An attribution inside another's content is dropped (PolNeAR marks few such nested ones),
except a named speaker's words relayed by a reporting cue ("Kim urged …, state media said").
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from functools import cache
from typing import Any

from ..nlp.spans import doc_text
from .cues import (
    ADVERBS,
    ATTITUDE,
    DIRECTIVE,
    EVIDENCE_SUBJECTS,
    EVIDENCE_VERBS,
    EVIDENTIAL,
    FRAME_NOUNS,
    INTENT,
    INTENT_NOUNS,
    LEMMA_FIX_SOURCES,
    NOUNS,
    PASSIVE,
    QUOTING,
    RELAYING,
    SPEECH,
    STANCE_ADJECTIVES,
    STANCE_NOUNS,
    THOUGHT,
    cue_lemma,
)
from .marks import QuotedSpan, QuoteIndex, find_quoted
from .spans import Token, char_span, contains, hull, overlaps, same_paragraph, trim
from .speakers import RELATIVE_PRONOUNS, Source, source_of

_COMPLEMENT_DEPS = ("dobj", "oprd", "attr", "prep", "dative", "acomp")


@dataclass(slots=True)
class Attribution:
    """One statement found in the text (mutable while the rules refine it)."""

    parts: list[tuple[int, int]]
    """Content span(s) in the text, in order (a quote resumed after "he said" adds one)."""
    cue: tuple[int, int] | None
    source: Source | None
    rule: str
    cue_token: Token | None = None
    follows: int | None = None
    """Index of the attribution whose speaker a cue-less continuation takes."""
    extra: dict[str, Any] = field(default_factory=dict)

    @property
    def start(self) -> int:
        return self.parts[0][0]

    @property
    def end(self) -> int:
        return self.parts[-1][1]


def _cue_span(tok: Token) -> tuple[int, int]:
    """The cue words: the verb plus its particle ("pointed out"), or "according to"."""
    last = tok
    if tok.lower_ == "according":
        last = next((c for c in tok.children if c.lower_ == "to"), tok)
    else:
        for child in tok.rights:
            if child.dep_ == "prt" and child.i == last.i + 1:
                last = child
    return char_span(tok, last)


def _clause_content(text: str, cue: Token, comp: Token, source: Source | None) -> tuple[int, int]:
    """Content of a clausal complement, on either side of its cue."""
    sent = cue.sent
    if comp.i < cue.i:  # "X did Y, officials said": content runs up to the attribution clause
        attr_first = cue.left_edge if source is None else min(
            source.head.left_edge, cue, key=lambda t: t.i)
        attr_first = min(attr_first, cue, key=lambda t: t.i)
        if attr_first.i <= comp.i:
            attr_first = cue
        first = comp.left_edge
        start = first.idx
        end = attr_first.idx
        if start >= end:
            start, end = char_span(comp.left_edge, comp.right_edge)
        return trim(text, start, end)
    start = comp.left_edge.idx
    last = min(comp.right_edge, sent[-1], key=lambda t: t.i)
    for tok in comp.subtree:  # "..., according to KCNA" vouches for the whole, not part of it
        if tok.lower_ == "according" and tok.i > comp.i:
            last = min(last, tok.doc[max(tok.i - 1, comp.i)], key=lambda t: t.i)
        elif tok.i > comp.i and (_next_statement(tok) or _coordinated_cue(tok)):
            # "..., claiming that ..." or "... and calls her ...": a new statement
            last = min(last, tok.doc[max(tok.i - 2, comp.i)], key=lambda t: t.i)
    return trim(text, start, last.idx + len(last.text), ".")


def _next_statement(tok: Token) -> bool:
    """A participle after a comma that makes its own statement: "..., claiming that ..."."""
    return (tok.tag_ == "VBG" and tok.dep_ in ("advcl", "conj", "xcomp") and tok.i > 0
            and tok.doc[tok.i - 1].text == "," and _is_cue_verb(tok))


def _coordinated_cue(tok: Token) -> bool:
    """A speech or stance verb joined by "and" with no subject of its own: "says he respects
    her and calls her “a friend”" makes two statements, not one."""
    lemma = cue_lemma(tok)
    return (tok.dep_ == "conj" and tok.i > 1 and tok.doc[tok.i - 1].lower_ in ("and", "but")
            and (lemma in SPEECH or lemma in DIRECTIVE)
            and tok.pos_ == "VERB"
            and not any(c.dep_ in ("nsubj", "nsubjpass") for c in tok.children))


def _coordinated_source(tok: Token) -> Source | None:
    """The speaker of a cue coordinated into another cue's clause ("Lee says he respects
    her and calls her ..."): Lee, not the subject of the clause it hangs on."""
    if not _coordinated_cue(tok):
        return None
    head = tok.head
    while head.dep_ == "conj" and head.head is not head:
        head = head.head
    if head.dep_ == "ccomp" and head.i > head.head.i and _is_cue_verb(head.head):
        return source_of(head.head)
    return None


def _according_content(text: str, cue: Token) -> tuple[int, int] | None:
    """What "according to X" vouches for: the rest of the sentence when the phrase opens or
    closes it, else the clause it is attached to."""
    head = cue.head
    if head is cue:
        return None
    sent = cue.sent
    before = [t for t in sent if t.i < cue.i and not t.is_punct and not t.is_space]
    after = [t for t in sent if t.i > cue.right_edge.i and not t.is_punct and not t.is_space]
    if before and not after:  # "Y, according to X."
        return trim(text, before[0].idx, cue.idx, ".")
    if after and not before:  # "According to X, Y."
        return trim(text, after[0].idx, sent.end_char, ".")
    skip = set(t.i for t in cue.subtree)
    toks = [t for t in head.subtree if t.i not in skip and t.sent == cue.sent]
    if not toks:
        return None
    # keep the contiguous run on the side of the clause, not what the phrase interrupts
    if cue.i < head.i:  # "According to X, Y"
        toks = [t for t in toks if t.i > cue.right_edge.i]
    else:  # "Y, according to X"
        toks = [t for t in toks if t.i < cue.i]
    span = hull(toks)
    return trim(text, *span, ".") if span else None


def _complement(tok: Token) -> Token | None:
    """The clausal complement in the cue's own paragraph (the one after it, if two)."""
    comps = _complements(tok)
    return max(comps, key=lambda c: c.i) if comps else None


def _complements(tok: Token) -> list[Token]:
    return [c for c in tok.children if c.dep_ == "ccomp" and same_paragraph(
        tok, c.left_edge if c.i > tok.i else c.right_edge)]


def _directive(tok: Token) -> tuple[int, int] | None:
    """The infinitive of a directive or promise: "urged X to ...", "vowed to ..."."""
    for child in tok.rights:
        if child.dep_ == "xcomp" and any(a.dep_ == "aux" and a.lower_ == "to"
                                         for a in child.lefts):
            first = next((c for c in tok.rights if c.dep_ in ("dobj", "dative")), child.left_edge)
            first = min(first.left_edge, child.left_edge, key=lambda t: t.i)
            return char_span(first, child.right_edge)
    if cue_lemma(tok) in ("call", "appeal"):
        for child in tok.rights:
            if child.dep_ == "prep" and child.lower_ in ("for", "on"):
                return char_span(next(child.rights, child), child.right_edge) if any(
                    True for _ in child.rights) else None
    return None


def _quoted_complement(tok: Token, quotes: list[QuotedSpan]) -> tuple[int, int] | None:
    """The object or "as" phrase of a speech verb, when it holds a quotation."""
    comps = [c for c in tok.rights if c.dep_ in _COMPLEMENT_DEPS]
    if not comps:
        return None
    span = char_span(comps[0].left_edge, comps[-1].right_edge)
    if any(overlaps(span, (q.inner_start, q.inner_end)) for q in quotes):
        return span
    return None


_ADDRESSEE_VERBS = frozenset({"tell", "inform", "assure", "reassure", "remind", "warn", "ask"})
"""Verbs whose direct object is the listener, not what was said."""

_REFUSING = frozenset({"decline", "refuse"})

_HEDGING_SUBJECTS = frozenset({"i", "you"})
"""Subjects of a thought verb that hedge rather than report ("I think", "you know")."""

_NO_OBJECT_VERBS = frozenset({"add", "maintain", "continue", "note", "write", "read"})
"""Speech verbs whose bare object is not a stance ("added a clause", "maintained a lead")."""


def _after_colon(text: str, tok: Token) -> tuple[int, int] | None:
    """ "Pence said: Well, look, ..." — the rest of the paragraph (or the next one)."""
    end_of_clause = tok.sent.end_char
    colon = text.find(":", tok.idx, min(end_of_clause + 1, tok.idx + 40))
    if colon < 0 or any(ch in text[tok.idx:colon] for ch in ".!?\n"):
        return None
    _, end = _paragraph_bounds(text, colon)
    content = trim(text, colon + 1, end)
    if content[0] >= content[1] and end < len(text):  # the colon ends its paragraph
        nxt = end
        while nxt < len(text) and text[nxt] == "\n":
            nxt += 1
        content = trim(text, *_paragraph_bounds(text, nxt)) if nxt < len(text) else content
    return content if content[0] < content[1] else None


def _first_words(sent: Any, n: int) -> list[Token]:
    """The first ``n`` tokens of ``sent`` that are not whitespace (without a full scan)."""
    out: list[Token] = []
    doc = sent.doc
    for i in range(sent.start, sent.end):
        tok = doc[i]
        if not tok.is_space:
            out.append(tok)
            if len(out) == n:
                break
    return out


LABEL_MIN_WORDS = 6
"""Fewer words after "Name:" make a heading or a list item, not a statement."""


def _labelled_paragraphs(text: str, parsed: Any, found: list[Attribution]) -> list[Attribution]:
    """ "PENCE: Well, look ..." or "Poll: Voters ..." — a short name, a colon, what it says."""
    out: list[Attribution] = []
    for sent in parsed.sents:
        toks = _first_words(sent, 6)
        colon = next((t for t in toks if t.text == ":"), None)
        if colon is None or colon.i == toks[0].i:
            continue
        label = [t for t in toks if t.i < colon.i]
        if not label[0].text[:1].isupper() or any(t.pos_ in ("VERB", "AUX") for t in label):
            continue
        if not any(t.pos_ in ("PROPN", "NOUN") for t in label):
            continue
        _, para_end = _paragraph_bounds(text, colon.idx)
        content = trim(text, colon.idx + 1, para_end)
        if content[0] >= content[1] or _covered(content, found) or len(
                text[content[0]:content[1]].split()) < LABEL_MIN_WORDS:
            continue  # "Sanders: Win in a walk." is a heading, not a statement
        head = max(label, key=lambda t: t.i if t.pos_ in ("PROPN", "NOUN") else -1)
        src = Source(head, label[0].idx, label[-1].idx + len(label[-1].text))
        out.append(Attribution([content], (colon.idx, colon.idx + 1), src, "label", colon))
    return out


_OBJECT_PREPS = frozenset({"about", "for", "on", "against", "as", "to"})
_VAGUE_OBJECTS = frozenset({"it", "this", "that", "so", "something", "anything", "nothing",
                            "what", "which", "them", "him", "her", "me", "us", "you"})


def _object(tok: Token) -> tuple[int, int] | None:
    """The object a stance or speech act is about: "praised the deal", "called for X"."""
    comps = [c for c in tok.rights if c.dep_ in ("dobj", "oprd", "dative", "attr")
             or (c.dep_ == "prep" and c.lower_ in _OBJECT_PREPS)]
    if not comps:
        return None
    first = comps[0]
    if first.dep_ == "prep":
        objs = [c for c in first.children if c.dep_ in ("pobj", "pcomp")]
        if not objs:
            return None
        first = objs[0]
    if first.lower_ in _VAGUE_OBJECTS and len(comps) == 1 and first.n_rights == 0:
        return None
    return char_span(first.left_edge, comps[-1].right_edge)


_RELATIVE_OBJECTS = frozenset({"that", "which", "what", "whom"})
_CIRCUMSTANCE_NOUNS = frozenset({"time", "way", "day", "year", "moment", "place", "reason",
                                 "week", "month", "night", "interview", "speech", "event"})


def _relative_object(tok: Token) -> tuple[int, int] | None:
    """ "the point Feinstein acknowledged", "allegations, which he denied": the noun the
    relative clause hangs on is what was said or judged (its relative pronoun included)."""
    head = tok.head
    if head.pos_ not in ("NOUN", "PRON", "PROPN") or head.i > tok.i or head.ent_type_ in (
            "DATE", "TIME") or head.lemma_ in _CIRCUMSTANCE_NOUNS:
        return None  # "every time he thinks", "a year ago he said": no object
    objects = [c for c in tok.children if c.dep_ in ("dobj", "ccomp", "xcomp", "oprd", "attr")]
    if any(c.lower_ not in _RELATIVE_OBJECTS for c in objects):
        return None
    if any(c.dep_ == "prep" and not any(g.dep_ == "pobj" for g in c.children)
           for c in tok.children):
        return None  # "the issue he talked about": a stranded preposition, not an object
    last = max([head, *(c for c in tok.children if c.lower_ in _RELATIVE_OBJECTS)],
               key=lambda t: t.i)
    return char_span(head.left_edge, last)


_TOPIC_PREPS = frozenset({"about", "in", "of"})


def _thought_topic(tok: Token) -> tuple[int, int] | None:
    """What a thought is about: "worries about the deficit", "believe in the dream"."""
    prep = next((c for c in tok.rights if c.dep_ == "prep" and c.lower_ in _TOPIC_PREPS), None)
    obj = next((c for c in prep.children if c.dep_ in ("pobj", "pcomp")), None) if (
        prep is not None) else None
    if obj is None or obj.lower_ in _VAGUE_OBJECTS:
        return None
    return char_span(obj.left_edge, obj.right_edge)


def _is_cue_verb(tok: Token) -> bool:
    lemma = cue_lemma(tok)
    return tok.pos_ in ("VERB", "AUX") and (
        lemma in SPEECH or lemma in THOUGHT or lemma in DIRECTIVE
        or lemma in ATTITUDE or lemma in QUOTING or lemma in INTENT or lemma in EVIDENCE_VERBS
    )


def find_attributions(text: str, parsed: Any,
                      quotes: list[QuotedSpan] | None = None) -> list[Attribution]:
    """All attributions in ``text`` given its spaCy parse ``parsed`` (and, if already found,
    its quotations ``quotes``)."""
    if quotes is None:
        quotes = find_quoted(text)
    index = QuoteIndex(quotes)
    found: list[Attribution] = []
    late: list[Attribution] = []
    """Sentence frames ("in a new poll, ..."), kept only where nothing else attributes."""
    triggers = _triggers()
    for tok in parsed:
        if tok.lemma_ not in triggers and tok.lower_ not in triggers:
            continue  # no rule below can fire on it
        if tok.lower_ == "according" and any(c.lower_ == "to" for c in tok.children):
            content = _according_content(text, tok)
            if content and content[0] < content[1]:
                found.append(Attribution([content], _cue_span(tok), source_of(tok),
                                         "according", tok))
            continue
        if index.inside(tok.idx):
            continue  # a cue inside a quotation is part of what the quoted speaker said
        if tok.pos_ == "NOUN" and tok.lemma_ in FRAME_NOUNS and tok.dep_ == "pobj" and (
                tok.head.lower_ == "in"):
            framed = _frame_attribution(text, tok)
            if framed is not None:
                late.append(framed)
            continue
        if tok.pos_ == "NOUN" and (tok.lemma_ in NOUNS or tok.lemma_ in INTENT_NOUNS
                                   or tok.lemma_ in STANCE_NOUNS):
            noun = _noun_attribution(text, tok)
            if noun is not None:
                found.append(noun)
            continue
        if tok.pos_ == "ADJ" and tok.lemma_ in STANCE_ADJECTIVES:
            stance = _adjective_attribution(text, tok)
            if stance is not None:
                found.append(stance)
            continue
        unnamed = _unnamed_attribution(text, tok)
        if unnamed is not None:
            found.append(unnamed)
            continue
        if not _is_cue_verb(tok) or _not_a_cue(tok):
            continue  # a cue inside a quotation is part of what the quoted speaker said
        src = _coordinated_source(tok) or source_of(tok)
        if src is not None and src.head.lower_ in _HEDGING_SUBJECTS and cue_lemma(tok) in (
                THOUGHT) and cue_lemma(tok) not in SPEECH:
            continue  # "I think ..." hedges the speaker's own words
        if src is None or index.inside(src.head.idx):
            src = _source_after_quote(tok, quotes)
        if src is None:
            unsourced = _unsourced_clause(text, tok) or _unsourced_object(text, tok)
            if unsourced is not None:
                found.append(unsourced)
            continue
        found_one = _verb_attribution(text, tok, src, quotes)
        if found_one is not None:
            found.append(found_one)
    found.extend(a for a in late if not _covered((a.start, a.end), found))
    found.extend(_labelled_paragraphs(text, parsed, found))
    found = [_clip_to_paragraph(text, a) for a in found]
    found = [a for a in found if a.start < a.end]
    found = [_grow_to_quotes(_past_colon(text, a, quotes), quotes) for a in found]
    found = _dedupe(found)
    found = _drop_nested(found)
    found = _resumed_quotes(text, found, quotes)
    found.extend(_orphan_quotes(text, parsed, found, quotes, index))
    found.sort(key=lambda a: (a.start, a.end))
    return found


@cache
def _triggers() -> frozenset[str]:
    """Every lemma or word form a rule in ``find_attributions`` starts from (lemmas that
    ``cue_lemma`` repairs included)."""
    return frozenset().union(
        SPEECH, THOUGHT, DIRECTIVE, ATTITUDE, QUOTING, INTENT, EVIDENCE_VERBS, EVIDENTIAL,
        PASSIVE, ADVERBS, NOUNS, INTENT_NOUNS, STANCE_NOUNS, STANCE_ADJECTIVES, FRAME_NOUNS,
        QUESTIONING, LEMMA_FIX_SOURCES, {"according"})


def _not_a_cue(tok: Token) -> bool:
    """Phrasal verbs ("shows off") and passives ("when asked") report nobody's words."""
    if any(c.dep_ == "prt" and c.lower_ not in ("out",) for c in tok.children):
        return True
    if tok.dep_ == "xcomp" and cue_lemma(tok.head) in _REFUSING:
        return True  # "declined to comment": the refusal is the attribution
    has_subject = any(c.dep_ in ("nsubj", "nsubjpass") for c in tok.children)
    if tok.dep_ == "advcl" and tok.tag_ != "VBG" and not has_subject:
        return True  # "When asked whether ...": the question, not an answer
    if (tok.tag_ == "VBN" and not any(c.dep_ in ("aux", "nsubj") for c in tok.children)
            and (any(c.dep_ == "auxpass" for c in tok.children) or tok.dep_ in ("advcl", "acl"))):
        return not any(c.dep_ == "agent" for c in tok.children)
    return False


def _clip_to_paragraph(text: str, att: Attribution) -> Attribution:
    """Paraphrased content stays in the paragraph of its cue (parses leak across them)."""
    if att.cue is None:
        return att
    para_start, para_end = _paragraph_bounds(text, att.cue[0])
    start, end = max(att.start, para_start), min(att.end, para_end)
    if (start, end) == (att.start, att.end):
        return att
    return replace(att, parts=[trim(text, start, end)])


def _verb_attribution(
    text: str, tok: Token, src: Source, quotes: list[QuotedSpan]
) -> Attribution | None:
    """The first rule that finds content for cue verb ``tok`` with source ``src``."""
    lemma = cue_lemma(tok)
    cue = _cue_span(tok)
    if lemma in SPEECH or lemma in QUOTING:
        span = _after_colon(text, tok)
        if span is not None:
            return Attribution([span], cue, src, "colon", tok)
    if lemma in QUOTING:
        span = _adjacent_quote(text, tok, src, quotes)
        return Attribution([span], cue, src, "adjacent-quote", tok) if span else None
    comp = _complement(tok)
    if comp is not None:
        content = _clause_content(text, tok, comp, src)
        after = [c for c in _complements(tok) if c.i > tok.i]
        if len(after) > 1:  # "said he saw no need ... and he would stay": one statement
            content = (min(content[0], after[0].left_edge.idx), content[1])
        if content[0] < content[1]:
            return Attribution([content], cue, src, "clause", tok)
    if (tok.dep_ == "parataxis" or _aside(tok)) and (lemma in SPEECH or lemma in THOUGHT):
        around = _parenthetical_content(text, tok)
        if around is not None:
            return Attribution([around], cue, src, "parenthetical", tok)
    if lemma in DIRECTIVE or lemma in ATTITUDE or lemma in INTENT:
        span = _directive(tok)
        if span is not None:
            return Attribution([trim(text, *span, ".")], cue, src, "directive", tok)
    if lemma in SPEECH:
        span = _quoted_complement(tok, quotes)
        if span is not None:
            return Attribution([trim(text, *span)], cue, src, "quoted-object", tok)
        span = _adjacent_quote(text, tok, src, quotes)
        if span is not None:
            return Attribution([span], cue, src, "adjacent-quote", tok)
    if tok.dep_ == "relcl" and src.antecedent is None and (lemma in SPEECH or lemma in THOUGHT):
        span = _relative_object(tok)
        if span is not None:
            return Attribution([trim(text, *span)], cue, src, "relative", tok)
    if (lemma in ATTITUDE or lemma in SPEECH) and _passive(tok) and any(
            c.dep_ == "agent" for c in tok.children):
        subject = next((c for c in tok.children if c.dep_ == "nsubjpass"), None)
        if subject is not None and subject.lower_ not in _VAGUE_OBJECTS:
            # "The plan was rejected by 64 percent of voters": the plan is what they judged
            span = char_span(subject.left_edge, subject.right_edge)
            return Attribution([trim(text, *span, ".")], cue, src, "passive", tok)
    if lemma in EVIDENCE_VERBS and src.head.lemma_ in EVIDENCE_SUBJECTS:
        span = _object(tok)  # "a new poll shows Sanders leading"
        if span is not None:
            return Attribution([trim(text, *span, ".")], cue, src, "evidence", tok)
    if lemma in THOUGHT and not (lemma in SPEECH or lemma in ATTITUDE or lemma in EVIDENCE_VERBS):
        span = _thought_topic(tok)  # "still believe in the American dream"
        if span is not None:
            return Attribution([trim(text, *span, ".")], cue, src, "topic", tok)
    if (lemma in ATTITUDE or lemma in SPEECH) and lemma not in _ADDRESSEE_VERBS and (
            lemma not in _NO_OBJECT_VERBS):
        span = _object(tok)
        if span is not None:
            return Attribution([trim(text, *span, ".")], cue, src, "object", tok)
    return None


def _unsourced_clause(text: str, tok: Token) -> Attribution | None:
    """A speech verb with a clause but no subject the parse can find ("by saying the judge
    was biased"): the clause is still reported, by nobody named."""
    comp = _complement(tok) if cue_lemma(tok) in SPEECH else None
    if comp is None or comp.i < tok.i:
        return None
    content = _clause_content(text, tok, comp, None)
    if content[0] >= content[1]:
        return None
    return Attribution([content], _cue_span(tok), None, "unsourced", tok)


def _unsourced_object(text: str, tok: Token) -> Attribution | None:
    """A stance or plan whose verb has no subject of its own ("... in endorsing Ryan", "ads
    backing the mayor"): its infinitive or object, held by the subject above, if any."""
    lemma = cue_lemma(tok)
    if tok.dep_ not in ("pcomp", "conj", "acl", "advcl", "xcomp") or tok.tag_ == "VBN":
        return None
    planned = lemma in DIRECTIVE or lemma in ATTITUDE or lemma in INTENT
    span = _directive(tok) if planned else None
    rule = "directive"
    if span is None and (lemma in ATTITUDE or lemma in SPEECH) and lemma not in (
            _ADDRESSEE_VERBS | _NO_OBJECT_VERBS):
        span, rule = _object(tok), "object"
    if span is None:
        return None
    content = trim(text, *span, ".")
    if content[0] >= content[1]:
        return None
    return Attribution([content], _cue_span(tok), _governing_subject(tok), rule, tok)


def _governing_subject(tok: Token) -> Source | None:
    """The subject of the nearest clause above ``tok`` ("Pence had no trouble ... in
    endorsing Ryan": Pence)."""
    head = tok
    for _ in range(5):
        if head.head.i == head.i:
            return None
        head = head.head
        if head.pos_ in ("VERB", "AUX"):
            subj = next((c for c in head.children if c.dep_ in ("nsubj", "nsubjpass")
                         and c.lower_ not in RELATIVE_PRONOUNS), None)
            if subj is not None:
                return source_of(head)
    return None


def _noun_attribution(text: str, tok: Token) -> Attribution | None:
    """ "Trump's claim that the vote was rigged", "the party's decision to bury the debates",
    "support for the New York businessman": the clause, infinitive or object, and the
    possessor as source."""
    lemma = tok.lemma_
    span: tuple[int, int] | None = None
    clause = None
    if lemma in NOUNS:
        clause = next((c for c in tok.rights if c.dep_ in ("acl", "ccomp", "relcl") and any(
            m.dep_ == "mark" and m.lower_ == "that" for m in c.children)), None)
    if clause is None and lemma in INTENT_NOUNS:
        clause = next((c for c in tok.rights if c.dep_ in ("acl", "relcl") and any(
            a.dep_ == "aux" and a.lower_ == "to" for a in c.lefts)), None)
    if clause is not None:
        span = char_span(clause.left_edge, clause.right_edge)
    elif lemma in STANCE_NOUNS:
        span = _prep_object(tok, _STANCE_PREPS)
    if span is None:
        return None
    content = trim(text, *span, ".")
    owner = next((c for c in tok.lefts if c.dep_ == "poss" or (
        c.dep_ in ("compound", "amod", "nmod") and c.pos_ == "PROPN")), None)
    src = None
    if owner is not None:
        src = Source(owner, *char_span(owner.left_edge, owner))
    return Attribution([content], char_span(tok, tok), src, "noun", tok)


_STANCE_PREPS = frozenset({"for", "of", "to", "on", "against", "about"})


def _prep_object(tok: Token, preps: frozenset[str]) -> tuple[int, int] | None:
    """The object of the first of ``preps`` after ``tok`` ("support for the deal": the deal),
    unless it is a vague word."""
    prep = next((c for c in tok.rights if c.dep_ == "prep" and c.lower_ in preps), None)
    obj = next((c for c in prep.children if c.dep_ in ("pobj", "pcomp")), None) if (
        prep is not None) else None
    if obj is None or obj.lower_ in _VAGUE_OBJECTS:
        return None
    return char_span(obj.left_edge, obj.right_edge)


_LINKING = frozenset({"be", "seem", "appear", "remain", "become", "grow", "feel", "sound"})
_ADJECTIVE_PREPS = frozenset({"of", "about", "in", "with", "to", "by", "on", "over", "toward",
                              "towards", "at"})


def _adjective_attribution(text: str, tok: Token) -> Attribution | None:
    """ "Voters are sure that ...", "she is eager to debate", "critical of the deal": the
    complement of a stance adjective after "be", held by the subject."""
    verb = tok.head
    if tok.dep_ != "acomp" or cue_lemma(verb) not in _LINKING:
        return None
    comp = next((c for c in tok.rights if c.dep_ in ("ccomp", "xcomp")), None)
    if comp is None:
        comp = next((c for c in verb.rights if c.dep_ == "ccomp" and c.i > tok.i), None)
    span: tuple[int, int] | None = None
    if comp is not None:
        span = char_span(comp.left_edge, comp.right_edge)
    else:
        span = _prep_object(tok, _ADJECTIVE_PREPS)
    if span is None:
        return None
    content = trim(text, *span, ".")
    if content[0] >= content[1]:
        return None
    return Attribution([content], char_span(tok, tok), source_of(verb), "adjective", tok)


def _frame_attribution(text: str, tok: Token) -> Attribution | None:
    """ "In Professor Knittel's view, ..." or "In a new poll, ...": the rest of the sentence,
    vouched for by the possessor or the poll."""
    prep = tok.head
    content = _according_content(text, prep)
    if content is None or content[0] >= content[1]:
        return None
    owner = next((c for c in tok.lefts if c.dep_ == "poss"), None)
    if owner is not None:
        src = Source(owner, *char_span(owner.left_edge, owner))
    elif tok.tag_ == "NN" and prep.i < prep.head.i and any(
            c.lower_ in ("a", "an") or c.dep_ in ("compound", "nmod", "amod")
            for c in tok.lefts):  # "In a new CBS poll, ...", not "trails in the polls"
        src = Source(tok, *char_span(tok.left_edge, tok.right_edge))
    else:
        return None
    return Attribution([content], char_span(tok, tok), src, "frame", tok)


def _passive(tok: Token) -> bool:
    return any(c.dep_ == "auxpass" for c in tok.children) or (
        tok.tag_ == "VBN" and tok.dep_ in ("acl", "relcl", "advcl"))


def _agent(tok: Token) -> Source | None:
    for child in tok.children:
        if child.dep_ == "agent":
            obj = next((g for g in child.children if g.dep_ == "pobj"), None)
            if obj is not None:
                return Source(obj, *char_span(obj.left_edge, obj))
    return None


def _unnamed_attribution(text: str, tok: Token) -> Attribution | None:
    """Clauses vouched for without a named speaker: "Both houses seem intent on ...",
    "The bank is expected to act", "He is seen as a uniter", "was reportedly on that trip".
    The content is the whole clause, cue included; a passive's agent is its source."""
    if tok.lower_ in ADVERBS and tok.dep_ == "advmod" and tok.head.pos_ in ("VERB", "AUX"):
        span = _clause_span(text, tok.head)
        return Attribution([span], char_span(tok, tok), None, "adverb", tok) if span else None
    if tok.pos_ not in ("VERB", "AUX"):
        return None
    lemma = cue_lemma(tok)
    if lemma in QUESTIONING and ((tok.tag_ == "VBN" and _passive(tok)) or _bare_advcl(tok)):
        span = _question(text, tok)
        return Attribution([span], _cue_span(tok), None, "question", tok) if span else None
    evidential = lemma in EVIDENTIAL
    if not evidential and not (lemma in PASSIVE and _passive(tok)):
        return None
    comps = {c.dep_: c for c in tok.children}
    subject = comps.get("nsubj") or comps.get("nsubjpass")
    if "ccomp" in comps and (subject is None or subject.lower_ == "it" or not evidential):
        comp = comps["ccomp"]  # "It appears that ...", "it is expected that ..."
        span = trim(text, *char_span(comp.left_edge, comp.right_edge), ".")
    elif any(d in comps for d in ("xcomp", "oprd", "acomp", "attr")) or any(
            c.dep_ == "prep" and c.lower_ in ("as", "like", "of") for c in tok.rights):
        span = _clause_span(text, tok)
    else:
        return None
    if span is None or span[0] >= span[1]:
        return None
    return Attribution([span], _cue_span(tok), _agent(tok), "unnamed", tok)


QUESTIONING = frozenset({"ask", "question", "press", "quiz"})
"""Verbs whose passive reports a question put to someone ("Asked whether he would run")."""


def _question(text: str, tok: Token) -> tuple[int, int] | None:
    """What was asked: the clause ("whether ...") or the topic ("about the loan")."""
    for child in tok.rights:
        if child.dep_ in ("ccomp", "xcomp"):
            return trim(text, *char_span(child.left_edge, child.right_edge), ".?")
        if child.dep_ == "prep" and child.lower_ in ("about", "on", "over"):
            obj = next((g for g in child.children if g.dep_ in ("pobj", "pcomp")), None)
            if obj is not None:
                return trim(text, *char_span(obj.left_edge, obj.right_edge), ".?")
    return None


def _bare_advcl(tok: Token) -> bool:
    """An adverbial clause with no subject or mark, tagged past tense: "Asked about X, he ..."."""
    return tok.dep_ == "advcl" and tok.tag_ == "VBD" and not any(
        c.dep_ in ("nsubj", "nsubjpass", "mark") for c in tok.children)


def _clause_span(text: str, head: Token) -> tuple[int, int] | None:
    """The clause headed by ``head`` within its sentence, without its agent phrase."""
    skip: set[int] = set()
    for child in head.children:
        if child.dep_ == "agent" or (child.i > head.i and _next_statement(child)):
            skip.update(t.i for t in child.subtree)
    toks = [t for t in head.subtree if t.sent == head.sent and t.i not in skip
            and not (t.i < head.i and t.dep_ in ("cc", "mark") and t.head is head)]
    span = hull(toks)
    return trim(text, *span, ".") if span else None


_ASIDE_MARKS = frozenset({"as"})


def _aside(tok: Token) -> bool:
    """A speech verb hung on the clause it reports, with nothing of its own: "..., she said."
    parsed as an adverbial clause, or "as The Times reported, ..."."""
    if tok.dep_ != "advcl" or tok.head.pos_ not in ("VERB", "AUX"):
        return False
    marks = [c.lower_ for c in tok.children if c.dep_ == "mark"]
    if any(m not in _ASIDE_MARKS for m in marks):
        return False
    own = ("ccomp", "xcomp", "dobj", "dative") if marks else ("ccomp", "xcomp", "dobj", "dative",
                                                              "prep")
    return not any(c.dep_ in own for c in tok.children)  # "as X reported on Tuesday"


def _parenthetical_content(text: str, tok: Token) -> tuple[int, int] | None:
    """ "This campaign, he says, is different": the clause around the parenthetical cue."""
    inner = {t.i for t in tok.subtree}
    toks = [t for t in tok.head.subtree if t.i not in inner and t.sent == tok.sent]
    if not any(t.i > tok.right_edge.i and not t.is_punct for t in toks):
        toks = [t for t in toks if t.i < tok.left_edge.i]  # "Y, as X reported."
    span = hull(toks)
    return trim(text, *span, ".") if span else None


def _source_after_quote(tok: Token, quotes: list[QuotedSpan]) -> Source | None:
    """ "“…,” Brent Bozell, a founder of …, tells": the name between quotation and cue."""
    sent = tok.sent
    before = [q for q in quotes if sent.start_char - 2 <= q.end <= tok.idx]
    if not before:
        return None
    q_end = before[-1].end
    for t in sent:
        if q_end <= t.idx < tok.idx and t.pos_ in ("PROPN", "NOUN", "PRON") and t.text.isalpha():
            head = t
            while head.dep_ in ("compound", "flat") and head.head.i > head.i:
                head = head.head
            return Source(head, t.idx, head.idx + len(head.text))
    return None


def _adjacent_quote(
    text: str, tok: Token, src: Source, quotes: list[QuotedSpan]
) -> tuple[int, int] | None:
    """A quotation right before ("“…,” she said") or after ("she said: “…”") the cue."""
    sent_start = tok.sent.start_char
    sent_end = tok.sent.end_char
    attr_start = min(src.start, tok.idx)
    attr_end = max(src.end, tok.idx + len(tok.text))
    for q in quotes:
        if q.start <= tok.idx < q.end:
            continue
        gap_before = text[q.end:attr_start]
        gap_after = text[attr_end:q.start]
        if 0 <= attr_start - q.end <= 3 and not gap_before.strip(" ,"):
            return q.start, q.end
        gap = gap_after.strip(" ,")
        if 0 <= q.start - attr_end <= 40 and q.start < sent_end + 2 and (
            not gap or (gap.endswith(":") and not any(ch in gap for ch in ".!?"))
        ):
            return q.start, q.end
        if q.start < sent_start and q.end > sent_start and q.end <= attr_start:
            return q.start, q.end
    return None


def _past_colon(text: str, att: Attribution, quotes: list[QuotedSpan]) -> Attribution:
    """Content ending in a colon at the end of its paragraph goes on with the quotation
    that opens the next paragraph ("... on both sides:\n\n“There is only one ...”")."""
    rest = text[att.end:att.end + 4]
    if not rest.lstrip(" ").startswith(":"):
        return att
    after = att.end + rest.index(":") + 1
    for q in quotes:
        if q.start >= after and not text[after:q.start].strip() and "\n" in text[after:q.start]:
            return replace(att, parts=[(att.start, q.end)])
    return att


def _grow_to_quotes(att: Attribution, quotes: list[QuotedSpan]) -> Attribution:
    """Content touching a quotation covers all of it (unless the cue is inside it)."""
    start, end = att.start, att.end
    for q in quotes:
        if att.cue and contains((q.start, q.end), att.cue):
            continue
        if overlaps((start, end), (q.inner_start, q.inner_end)):
            start = min(start, q.start)
            end = max(end, q.end)
    if (start, end) == (att.start, att.end):
        return att
    return replace(att, parts=[(start, end)])


def _dedupe(found: list[Attribution]) -> list[Attribution]:
    """One attribution per content span: the first cue found wins."""
    seen: set[tuple[int, int]] = set()
    out: list[Attribution] = []
    for att in found:
        key = (att.start, att.end)
        if key in seen:
            continue
        seen.add(key)
        out.append(att)
    return out


def _drop_nested(found: list[Attribution]) -> list[Attribution]:
    """Drop an attribution whose cue and content lie inside another's content ("He said
    Clinton's plan to raise taxes would fail": not a report of the plan).  PolNeAR marks few
    of these (about one in five on train), so only the words of a speaker named by a noun,
    relayed by a reporting cue, stay ("Kim urged …, state media said")."""
    out: list[Attribution] = []
    for att in found:
        outer = None if att.cue is None else next(
            (o for o in found if o is not att and o.cue is not None
             and o.start <= att.start and att.end <= o.end
             and (o.start, o.end) != (att.start, att.end)
             and any(contains(p, att.cue) for p in o.parts)), None)
        if outer is None or _relays_named(outer, att):
            out.append(att)
    return out


_SPEECH_RULES = frozenset({"clause", "directive", "colon", "parenthetical", "adjacent-quote",
                           "quoted-object"})
"""Rules that find someone's words, not a stance or a topic."""


def _relays_named(outer: Attribution, inner: Attribution) -> bool:
    """Whether ``outer`` relays the words of a named speaker (``inner``)."""
    tok = outer.cue_token
    src = inner.source
    if tok is None or cue_lemma(tok) not in RELAYING or src is None or (
            inner.rule not in _SPEECH_RULES):
        return False
    phrase = src.head.doc.char_span(src.start, src.end, alignment_mode="expand") or ()
    return any(t.pos_ == "PROPN" for t in phrase)  # "Kim", "Russia's foreign ministry"


def _paragraph_bounds(text: str, pos: int) -> tuple[int, int]:
    start = text.rfind("\n", 0, pos) + 1
    end = text.find("\n", pos)
    return start, len(text) if end < 0 else end


def _covered(span: tuple[int, int], found: list[Attribution]) -> bool:
    return any(overlaps(span, p) for a in found for p in a.parts)


def _resumed_quotes(
    text: str, found: list[Attribution], quotes: list[QuotedSpan]
) -> list[Attribution]:
    """“A,” he said. “B.” — a quotation resumed in the same paragraph after the cue joins A."""
    for att in found:
        if att.cue is None or att.cue[0] < att.end:
            continue
        if not any((q.start, q.end) == (att.start, att.end) or
                   (q.start <= att.start and q.end >= att.end) for q in quotes):
            continue
        _, para_end = _paragraph_bounds(text, att.cue[0])
        for q in quotes:
            if att.cue[1] <= q.start < para_end and not _covered((q.start, q.end), found):
                between = text[att.end:q.start]
                if len(between) <= 120:
                    att.parts.append((q.start, q.end))
                break
    return found


def _orphan_quotes(
    text: str, parsed: Any, found: list[Attribution], quotes: list[QuotedSpan],
    index: QuoteIndex,
) -> list[Attribution]:
    """Quotations no cue claimed: a quoted paragraph continues the quotation before it; any
    other sentence-like quotation goes to the nearest earlier speaker."""
    extra: list[Attribution] = []
    ordered = sorted(found, key=lambda a: a.start)
    for q in quotes:
        span = (q.start, q.end)
        if _covered(span, found) or _covered(span, extra):
            continue
        before = [a for a in ordered if a.end <= q.start and a.source is not None]
        prev = before[-1] if before else None
        if _continues(text, q, prev, quotes):
            extra.append(Attribution([span], None, prev.source if prev else None,
                                     "continuation"))
        elif _sentence_like(text[q.inner_start:q.inner_end]):
            src = _nearby_speaker(parsed, q, index)
            if src is None and prev is not None and q.start - prev.end < 600:
                src = prev.source
            extra.append(Attribution([span], None, src, "orphan"))
    return extra


def _continues(text: str, q: QuotedSpan, prev: Attribution | None,
               quotes: list[QuotedSpan]) -> bool:
    """A whole quoted paragraph right after a quoted speaker's paragraph."""
    if prev is None:
        return False
    para_start, para_end = _paragraph_bounds(text, q.start)
    if text[para_start:q.start].strip() or len(text[q.end:para_end].strip()) > 1:
        return False  # not a whole quoted paragraph
    gap = text[prev.end:q.start]
    if gap.count("\n\n") > 1 and gap.count("\n") > 2:
        return False
    return any(contains((p.start, p.end), part) for p in quotes for part in prev.parts)


NEARBY_CHARS = 150
"""How far outside a cue-less quotation to look for a speech verb and its subject."""


def _nearby_speaker(parsed: Any, q: QuotedSpan, index: QuoteIndex) -> Source | None:
    """The subject of the nearest speech verb just outside the quotation (any quotation)."""
    best: tuple[int, Source] | None = None
    for tok in parsed.char_span(max(0, q.start - NEARBY_CHARS), q.start, alignment_mode="expand") \
            or ():
        best = _closer(best, tok, q.start - tok.idx, index)
    end = min(len(doc_text(parsed)), q.end + NEARBY_CHARS)
    for tok in parsed.char_span(q.end, end, alignment_mode="expand") or ():
        best = _closer(best, tok, tok.idx - q.end, index)
    return best[1] if best else None


def _closer(best: tuple[int, Source] | None, tok: Token, distance: int,
            index: QuoteIndex) -> tuple[int, Source] | None:
    if not (tok.lemma_ in SPEECH or tok.lemma_ in QUOTING) or index.inside(tok.idx):
        return best
    if best is not None and best[0] <= distance:
        return best
    src = source_of(tok)
    if src is None or index.inside(src.head.idx):
        return best
    return distance, src


MIN_QUOTE_WORDS = 5
"""A quotation with fewer words and no cue is a title or a scare quote, not a statement."""


def _sentence_like(inner: str) -> bool:
    words = inner.split()
    return len(words) >= MIN_QUOTE_WORDS and inner.rstrip()[-1:] in ".,!?…—-"
