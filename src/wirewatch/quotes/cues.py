"""The words that introduce reported speech and thought, by how much evidence they need.

``SPEECH`` verbs attribute whatever clause or quotation they govern ("said", "warned").
``THOUGHT`` verbs (belief, perception, evidence: "believes", "shows") attribute only a
full clause they govern, since "she found the keys" reports nothing.  ``DIRECTIVE`` verbs
report a demand or promise through an infinitive ("urged the factory to move ahead",
"vowed to retaliate").  Lemmas, as spaCy's English lemmatizer gives them.
"""

from __future__ import annotations

SPEECH: frozenset[str] = frozenset(
    """
    say tell add note state claim argue insist explain announce report write tweet post
    warn predict acknowledge admit deny confirm declare reply respond answer repeat recall
    stress emphasize emphasise contend maintain assert allege concede complain testify
    describe mention remark comment caution joke quip boast brag lament speculate reiterate
    tout pledge vow promise threaten proclaim disclose reveal inform assure reassure retort
    counter contest dispute conclude observe recount relate affirm opine charge accuse
    blast slam criticize criticise praise hail predict forecast estimate tease suggest
    indicate signal hint imply acknowledge confide whisper shout yell scream chant cry
    continue agree disagree echo cite quote lament apologize apologise admit concur
    decry denounce condemn ask question wonder urge demand
    """.split()
)

THOUGHT: frozenset[str] = frozenset(
    """
    believe think feel fear hope expect worry know guess suspect assume reckon consider
    doubt figure imagine realize realise understand find show demonstrate reveal prove
    suggest indicate mean acknowledge recognize recognise see notice learn determine
    conclude decide agree insist project estimate
    """.split()
)

DIRECTIVE: frozenset[str] = frozenset(
    """
    urge call ask vow pledge promise threaten demand order tell warn encourage beg
    implore advise instruct direct appeal press push plead
    """.split()
)

ATTITUDE: frozenset[str] = frozenset(
    """
    support back endorse praise thank criticize criticise slam attack mock blast condemn
    call announce discuss mention want prefer oppose reject dismiss welcome applaud accuse
    blame defend deny propose vote favor favour cite quote describe refer talk ask express
    remember question challenge dispute tout hail laud blast decry denounce lambaste
    ridicule deride label brand dub characterize characterise name pledge promise request
    seek demand recommend advocate champion push plan refuse hope intend aim threaten
    """.split()
)
"""Stances and speech acts about a thing: the object is what is reported ("praised the
deal", "called for a ceasefire", "wants a recount")."""

PHRASES: tuple[str, ...] = ("according to",)
"""Multi-word cues that take their source as object: "according to KCNA"."""

VIA_NOUNS: frozenset[str] = frozenset(
    """
    media agency news report reports newspaper broadcaster television radio outlet
    kcna xinhua tass ria yonhap reuters ap afp bloomberg
    """.split()
)
"""Heads of speaker phrases that usually relay another's words ("state media said")."""


def is_cue_lemma(lemma: str) -> bool:
    """Whether ``lemma`` can introduce reported speech or thought at all."""
    return lemma in SPEECH or lemma in THOUGHT or lemma in DIRECTIVE or lemma in ATTITUDE
