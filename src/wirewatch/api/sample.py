"""A synthetic news corpus for trying the dashboard and testing the API (no model needed).

``sample_documents(days=120)`` writes short wire-style articles about a handful of actor
pairs, with coded events whose trigger and sentence offsets point into the text, places
with coordinates, quotes, and the same story told by two outlets now and then (so events
have several mentions).  The ``PRK``–``USA`` pair escalates over the last three weeks.
Every sentence is generated from templates here; no real news text is used.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import date, timedelta

from ..records import (
    Actor,
    Article,
    Document,
    Event,
    EventDate,
    Location,
    Plover,
    Quote,
    Span,
    Speaker,
    StageRun,
    content_id,
)


@dataclass(frozen=True)
class Act:
    cameo: str
    quad: int
    goldstein: float
    plover: str
    verb: str
    """Sentence template: ``{s}`` source, ``{t}`` target, ``{p}`` place; the trigger is
    the part between ``[`` and ``]``."""


ACTS = (
    Act("042", 1, 1.9, "CONSULT", "{s} officials [met] envoys from {t} in {p} on Tuesday."),
    Act("036", 1, 4.0, "CONSULT",
        "{s} [offered to resume talks] with {t}, a statement from {p} said."),
    Act("057", 1, 8.0, "AGREE", "{s} and {t} [signed] a fisheries accord in {p}."),
    Act("070", 2, 7.0, "AID", "{s} [sent] emergency grain shipments to {t} through {p}."),
    Act("111", 3, -2.0, "ACCUSE", "{s} [denounced] {t} over remarks made in {p}."),
    Act("130", 3, -4.4, "THREATEN", "{s} [warned] {t} of consequences after a meeting in {p}."),
    Act("150", 4, -7.2, "MOBILIZE", "{s} [staged artillery drills] aimed at {t} near {p}."),
    Act("190", 4, -10.0, "ASSAULT", "{s} forces [shelled] positions held by {t} near {p}."),
)
NAMES = {"PRK": "North Korea", "USA": "the United States", "KOR": "South Korea",
         "RUS": "Russia", "UKR": "Ukraine", "CHN": "China", "JPN": "Japan"}
PLACES = {
    "PRK": ("Pyongyang", 39.03, 125.75), "USA": ("Washington", 38.90, -77.04),
    "KOR": ("Seoul", 37.57, 126.98), "RUS": ("Moscow", 55.76, 37.62),
    "UKR": ("Kharkiv", 49.99, 36.23), "CHN": ("Beijing", 39.90, 116.40),
    "JPN": ("Tokyo", 35.68, 139.69),
}
PAIRS = (("PRK", "USA", 0.45), ("PRK", "KOR", 0.35), ("RUS", "UKR", 0.7),
         ("USA", "KOR", 0.05), ("CHN", "USA", 0.3), ("JPN", "KOR", 0.1))
"""Actor pairs and how conflictual their relations usually are."""
OUTLETS = ("Harbor Times", "Northern Ledger", "Capital Wire")
SPEAKERS = {"PRK": "a foreign ministry spokesperson", "USA": "a State Department official",
            "KOR": "a Unification Ministry official", "RUS": "a Kremlin spokesman",
            "UKR": "a regional governor", "CHN": "a foreign ministry spokeswoman",
            "JPN": "the chief cabinet secretary"}
RETORTS = ("We will answer every provocation in kind",
           "Dialogue remains possible if the other side shows restraint",
           "These actions only deepen mistrust in the region")


BACKGROUND = (
    ("Analysts", "Diplomats", "Officials", "Observers", "Residents", "Lawmakers", "Traders"),
    ("said the move", "described the step", "expect the dispute", "noted that the episode",
     "warned the exchange", "called the decision"),
    ("could shape talks", "would weigh on shipping", "might delay the harvest",
     "follows months of friction", "revives old grievances", "tests a fragile calm"),
    ("before the winter", "this quarter", "along the border", "at the coming summit",
     "across the region", "in the capital"),
)


def _background(rng: random.Random) -> str:
    """Two or three filler sentences so articles differ as real ones do."""
    out = []
    for _ in range(rng.randint(2, 3)):
        who, verb, what, where = (rng.choice(words) for words in BACKGROUND)
        out.append(f"{who} {verb} {what} {where}, {rng.randint(2, 90)} "
                   f"{rng.choice(('days', 'weeks', 'sources', 'vessels', 'delegates'))} "
                   f"{rng.choice(('later', 'on record', 'in all', 'so far', 'at most'))}.")
    return " ".join(out)


def _pick_act(rng: random.Random, hostility: float) -> Act:
    pool = [a for a in ACTS if (a.quad >= 3) == (rng.random() < hostility)]
    return rng.choice(pool)


def _sentence(act: Act, src: str, tgt: str, place: str) -> tuple[str, int, int]:
    s_name, t_name = NAMES[src], NAMES[tgt]
    raw = act.verb.format(s=s_name[0].upper() + s_name[1:], t=t_name, p=place)
    start = raw.index("[")
    end = raw.index("]") - 1
    return raw.replace("[", "").replace("]", ""), start, end


def _document(rng: random.Random, day: date, outlet: str,
              stories: list[tuple[Act, str, str]], quote_by: str | None) -> Document:
    text = ""
    events = []
    for i, (act, src, tgt) in enumerate(stories):
        place, lat, lon = PLACES[rng.choice((src, tgt))]
        sent, t0, t1 = _sentence(act, src, tgt, place)
        base = len(text) + (2 if text else 0)
        text = f"{text}\n\n{sent}" if text else sent
        events.append(Event(
            id=f"ev{i}", source=(Actor(NAMES[src], actor_code=f"{src}GOV", start=base,
                                       end=base + len(NAMES[src])),),
            target=(Actor(NAMES[tgt], actor_code=f"{tgt}GOV"),),
            cameo=act.cameo, cameo_root=act.cameo[:2], plover=Plover(act.plover),
            goldstein=act.goldstein, quad_class=act.quad,
            date=EventDate(day.isoformat(), "Tuesday", True),
            location=Location(place, src if place == PLACES[src][0] else tgt, None, lat, lon,
                              "city"),
            confidence=0.8, trigger=Span(base + t0, base + t1, sent[t0:t1]),
            sentence=Span(base, base + len(sent), sent),
            pattern=f"{act.cameo}: {act.verb.split('[')[1].split(']')[0]}",
            modality="asserted" if rng.random() > 0.15 else "alleged",
        ))
    text = f"{text}\n\n{_background(rng)}"
    quotes = []
    if quote_by:
        said = rng.choice(RETORTS)
        line = f'"{said}," {SPEAKERS[quote_by]} told reporters.'
        q0 = len(text) + 3
        text = f"{text}\n\n{line}"
        quotes.append(Quote("q0", said, "direct", q0, q0 + len(said),
                            Speaker(SPEAKERS[quote_by], actor_code=f"{quote_by}GOV"), "told"))
    first, src0, tgt0 = stories[0]
    title = f"{NAMES[src0][0].upper()}{NAMES[src0][1:]} and {NAMES[tgt0]}: {first.plover.lower()}"
    url = f"https://{outlet.lower().replace(' ', '')}.example/{day:%Y/%m/%d}/{content_id(text)[:8]}"
    return Document(
        id=content_id(url, text),
        article=Article(title=title, text=text, published=day.isoformat(), outlet=outlet,
                        url=url, language="en", input_kind="text"),
        quotes=tuple(quotes), events=tuple(events),
        pipeline=(StageRun("extract.article", "1"), StageRun("events.coder", "1")),
    )


def sample_documents(days: int = 120, seed: int = 7, end: date = date(2024, 6, 30),
                     per_day: int = 3) -> list[Document]:
    """About ``per_day`` articles a day for ``days`` days ending on ``end``."""
    rng = random.Random(seed)
    start = end - timedelta(days=days - 1)
    docs = []
    for i in range(days):
        day = start + timedelta(days=i)
        escalating = i >= days - 21
        for _ in range(per_day):
            a, b, hostility = rng.choice(PAIRS)
            if escalating and rng.random() < 0.35:
                a, b, hostility = "PRK", "USA", 0.9
            src, tgt = (a, b) if rng.random() < 0.5 else (b, a)
            stories = [(_pick_act(rng, hostility), src, tgt)]
            if rng.random() < 0.5:
                stories.append((_pick_act(rng, hostility), tgt, src))
            outlet = rng.choice(OUTLETS)
            quote_by = tgt if rng.random() < 0.5 else None
            docs.append(_document(rng, day, outlet, stories, quote_by))
            if rng.random() < 0.25:  # another outlet reports the same story
                other = rng.choice([o for o in OUTLETS if o != outlet])
                docs.append(_document(rng, day, other, stories[:1], None))
    return docs
