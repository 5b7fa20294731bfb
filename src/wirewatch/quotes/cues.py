"""The words that introduce reported speech and thought, by how much evidence they need.

``SPEECH`` verbs attribute whatever clause or quotation they govern ("said", "warned").
``THOUGHT`` verbs (belief, perception, evidence: "believes", "shows") attribute only a
full clause they govern, since "she found the keys" reports nothing.  ``DIRECTIVE`` verbs
report a demand or promise through an infinitive ("urged the factory to move ahead",
"vowed to retaliate").  Lemmas, as spaCy's English lemmatizer gives them.
"""

from __future__ import annotations


def _words(block: str) -> frozenset[str]:
    return frozenset(block.split())


SPEECH: frozenset[str] = _words(
    """
    say tell add note state claim argue insist explain announce report write tweet post
    warn predict acknowledge admit deny confirm declare reply respond answer repeat recall
    stress emphasize emphasise contend maintain assert allege concede complain testify
    describe mention remark comment caution joke quip boast brag lament speculate reiterate
    tout pledge vow promise threaten proclaim disclose reveal inform assure reassure retort
    counter contest dispute conclude observe recount affirm opine charge accuse
    blast slam criticize criticise praise hail predict forecast estimate tease suggest
    indicate signal hint imply acknowledge confide whisper shout yell scream chant cry
    continue agree disagree echo cite quote lament apologize apologise admit concur
    decry denounce condemn ask question wonder urge demand
    """
)

THOUGHT: frozenset[str] = _words(
    """
    believe think feel fear hope expect worry know guess suspect assume reckon consider
    doubt figure imagine realize realise understand find show demonstrate reveal prove
    suggest indicate mean acknowledge recognize recognise see notice learn determine
    conclude decide agree insist project estimate
    """
)

DIRECTIVE: frozenset[str] = _words(
    """
    urge call ask vow pledge promise threaten demand order tell warn encourage beg
    implore advise instruct direct appeal press push plead
    """
)

ATTITUDE: frozenset[str] = _words(
    """
    support endorse praise thank criticize criticise slam attack mock blast condemn
    call announce discuss mention want prefer oppose reject applaud accuse
    blame defend deny propose vote favor favour cite quote describe refer talk ask express
    remember question challenge dispute tout hail laud blast decry denounce lambaste
    ridicule deride label brand dub characterize characterise pledge promise request
    demand recommend advocate champion refuse hope intend threaten
    """
)
"""Stances and speech acts about a thing: the object is what is reported ("praised the
deal", "called for a ceasefire", "wants a recount")."""

QUOTING: frozenset[str] = _words(
    """
    read exclaim interrupt intone recite sing chant mutter murmur snap gush sigh scoff
    laugh marvel fume muse interject
    """
)
"""Verbs that report words only next to a quotation or a colon ("“Stay!” read one sign")."""

NOUNS: frozenset[str] = _words(
    """
    claim statement remark comment assertion argument suggestion belief view warning
    promise pledge vow demand announcement accusation allegation insistence admission
    denial prediction fear hope concern contention notion complaint assurance threat
    message charge declaration criticism praise call
    """
)
"""Nouns that report speech or belief through a clause: "his claim that the vote was rigged"."""

RELAYING: frozenset[str] = _words(
    """
    say report tell write state add announce quote cite note explain claim describe publish
    broadcast tweet post according carry
    """
)
"""Cues that can relay someone else's words ("Kim urged …, state media said"): the speaker
of an attribution with one of these cues becomes the ``via`` of attributions inside it."""

PHRASES: tuple[str, ...] = ("according to",)
"""Multi-word cues that take their source as object: "according to KCNA"."""

def is_cue_lemma(lemma: str) -> bool:
    """Whether ``lemma`` can introduce reported speech or thought at all."""
    return (lemma in SPEECH or lemma in THOUGHT or lemma in DIRECTIVE or lemma in ATTITUDE
            or lemma in QUOTING)
