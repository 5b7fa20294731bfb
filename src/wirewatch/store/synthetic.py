"""Synthetic documents with planted duplicate stories (tests and ``benchmarks/store.py``).

``planted_corpus(seed, stories)`` writes each real-world story (who did what to whom,
where, when) as several outlets would: some republish one agency copy with light edits
(near-duplicate articles), others write their own report (same event, different text).
Distractor stories share actors and action but differ in date or place.  Every document
knows its story and its copy group, so clustering precision/recall can be measured.
All text is generated from templates written for wirewatch.
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
    Span,
    StageRun,
    content_id,
)

PLACES: dict[str, list[tuple[str, float, float]]] = {
    "PRK": [("Pyongyang", 39.03, 125.75), ("Chongjin", 41.80, 129.78)],
    "KOR": [("Seoul", 37.57, 126.98), ("Busan", 35.10, 129.04)],
    "RUS": [("Moscow", 55.75, 37.62), ("Vladivostok", 43.12, 131.89)],
    "UKR": [("Kyiv", 50.45, 30.52), ("Kharkiv", 49.99, 36.23), ("Odesa", 46.48, 30.73)],
    "USA": [("Washington", 38.90, -77.04), ("New York", 40.71, -74.01)],
    "CHN": [("Beijing", 39.90, 116.41), ("Shanghai", 31.23, 121.47)],
    "ISR": [("Jerusalem", 31.77, 35.21), ("Haifa", 32.79, 34.99)],
    "IRN": [("Tehran", 35.69, 51.39), ("Isfahan", 32.65, 51.67)],
    "TUR": [("Ankara", 39.93, 32.86), ("Istanbul", 41.01, 28.98)],
    "IND": [("New Delhi", 28.61, 77.21), ("Mumbai", 19.08, 72.88)],
    "PAK": [("Islamabad", 33.68, 73.05), ("Karachi", 24.86, 67.01)],
    "FRA": [("Paris", 48.86, 2.35), ("Marseille", 43.30, 5.37)],
}
NAMES = {"PRK": "North Korea", "KOR": "South Korea", "RUS": "Russia", "UKR": "Ukraine",
         "USA": "the United States", "CHN": "China", "ISR": "Israel", "IRN": "Iran",
         "TUR": "Turkey", "IND": "India", "PAK": "Pakistan", "FRA": "France"}
SECTORS = {"GOV": ("government", "officials"), "MIL": ("military", "forces")}

ACTIONS = [
    # cameo, root, plover, quad class, goldstein, verb phrases
    ("190", "19", "ASSAULT", 4, -10.0, ["launched strikes on", "shelled positions held by",
                                        "carried out an attack on"]),
    ("138", "13", "THREATEN", 3, -7.0, ["threatened", "warned of military action against",
                                        "issued a stark threat to"]),
    ("043", "04", "CONSULT", 1, 2.8, ["hosted talks with", "held meetings with",
                                      "received a delegation from"]),
    ("057", "05", "AGREE", 1, 8.0, ["signed an agreement with", "reached a deal with",
                                    "concluded a pact with"]),
    ("112", "11", "ACCUSE", 3, -2.0, ["accused", "blamed", "publicly faulted"]),
    ("163", "16", "SANCTION", 4, -8.0, ["imposed sanctions on", "announced penalties against",
                                        "froze assets linked to"]),
    ("071", "07", "AID", 2, 7.4, ["sent aid to", "delivered relief supplies to",
                                  "pledged economic assistance to"]),
]

OUTLETS = ["Wire Service", "Daily Courier", "Evening Ledger", "Metro Herald", "Capital Post",
           "Harbor Times", "Northern Star", "Pacific Record", "Valley Gazette", "Global Dispatch"]

FILLER = [
    "Analysts said the move reflected months of rising friction between the two sides.",
    "The statement did not say how long the measures would remain in place.",
    "Officials declined to give further details, citing the sensitivity of the issue.",
    "Independent verification of the claims was not immediately possible.",
    "State media carried a brief report without commentary.",
]
_PEOPLE = ["Mira Hadley", "Tomas Okafor", "Lena Brandt", "Arjun Rao", "Sofia Marquez",
           "Daniel Kwon", "Irina Petrova", "Yusuf Demir", "Hannah Cole", "Kenji Sato",
           "Amal Haddad", "Peter Lindqvist", "Grace Mensah", "Oleg Sirko", "Nadia Farouk"]
_ROLES = ["a senior fellow", "a professor of politics", "a former diplomat", "an economist",
          "a security analyst", "a researcher", "a retired general", "a trade consultant"]
_PLACES_OF_WORK = ["the Institute for Regional Studies", "Westbrook University",
                   "the Centre for Security Policy", "a think tank in Geneva",
                   "the Asia Research Forum", "Northfield College", "an advisory firm",
                   "the Council on Strategic Affairs"]
_CLAIMS = ["the timing suggested careful planning", "both sides had misread each other",
           "domestic pressure was driving the decision", "allies were caught by surprise",
           "the economic cost would be felt for years", "talks could resume within weeks",
           "the region had seen nothing similar in a decade",
           "public opinion had hardened quickly", "the response would be closely watched",
           "the move had been discussed for months"]
_TOPICS = ["fuel prices", "grain exports", "border crossings", "shipping insurance",
           "airline routes", "currency markets", "student exchanges", "power supplies",
           "fishing rights", "mining licences", "tourist arrivals", "water sharing"]
_CHANGES = ["rose", "fell", "stalled", "recovered", "doubled", "dropped sharply"]
_PERIODS = ["in the first quarter", "last year", "since the spring", "over the winter",
            "in recent weeks", "during the previous crisis"]


def _filler(rng: random.Random) -> str:
    """One background sentence, assembled from slots so articles rarely share it."""
    kind = rng.randrange(4)
    if kind == 0:
        return (f"{rng.choice(_PEOPLE)}, {rng.choice(_ROLES)} at {rng.choice(_PLACES_OF_WORK)}, "
                f"said {rng.choice(_CLAIMS)}.")
    if kind == 1:
        return (f"Figures on {rng.choice(_TOPICS)} {rng.choice(_CHANGES)} "
                f"{rng.choice(_PERIODS)}, by {rng.randint(3, 48)} percent by one estimate.")
    if kind == 2:
        return (f"According to {rng.choice(_PEOPLE)}, {rng.choice(_CLAIMS)}, while "
                f"{rng.choice(_TOPICS)} {rng.choice(_CHANGES)} {rng.choice(_PERIODS)}.")
    return rng.choice(FILLER)


def _fillers(rng: random.Random, n: int) -> list[str]:
    return [_filler(rng) for _ in range(n)]


SYNONYMS = {"said": "stated", "officials": "authorities", "on": "on", "the": "the",
            "months": "many months", "expected": "due", "declined": "refused",
            "details": "information", "called": "appealed", "demanded": "sought",
            "warned": "cautioned", "quickly": "rapidly", "sharply": "steeply",
            "announcement": "statement", "closely": "carefully", "brief": "short"}
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]


@dataclass(frozen=True)
class Story:
    """One real-world event behind several articles."""

    id: int
    source: tuple[str, str]
    target: tuple[str, str]
    action: int
    day: date
    place: tuple[str, str, float, float]


@dataclass(frozen=True)
class PlantedDoc:
    """A synthetic document with its truth: the story and the copy group it belongs to."""

    doc: Document
    story: int
    copy_group: str


def _story_text(rng: random.Random, s: Story, style: int, fillers: list[str]) -> str:
    """The story in one of three house styles (lead, detail and order differ)."""
    src_c, src_s = s.source
    tgt_c, tgt_s = s.target
    verbs = ACTIONS[s.action][5]
    verb = verbs[style % len(verbs)]
    src = f"{NAMES[src_c]}'s {SECTORS[src_s][0]}"
    tgt = f"{NAMES[tgt_c]}'s {SECTORS[tgt_s][0]}".replace("the ", "")
    src_cap = src[0].upper() + src[1:]
    tgt_name = NAMES[tgt_c][0].upper() + NAMES[tgt_c][1:]
    place, weekday = s.place[0], WEEKDAYS[s.day.weekday()]
    if style % 3 == 0:
        lead = (f"{place.upper()} — {src_cap} {verb} {tgt} on {weekday}, "
                f"{SECTORS[src_s][1]} said.")
        detail = f"The {SECTORS[tgt_s][1]} in {NAMES[tgt_c]} described the step as unacceptable."
    elif style % 3 == 1:
        lead = (f"In a move reported from {place} late on {weekday}, {src} {verb} "
                f"{tgt}, raising questions about what comes next.")
        detail = f"{tgt_name} said it would respond in due course and urged calm."
    else:
        lead = (f"{weekday}'s decision by {src} — which {verb} {tgt} — was confirmed "
                f"by people familiar with the matter in {place}.")
        detail = f"It was the first such step by {NAMES[src_c]} this year, observers noted."
    paragraphs = [lead + " " + detail, *fillers]
    if style % 3 == 2:
        paragraphs.insert(1, paragraphs.pop())
    return "\n\n".join(paragraphs)


def _reword(rng: random.Random, text: str, rate: float) -> str:
    words = text.split(" ")
    out = [SYNONYMS.get(w, w) if rng.random() < rate else w for w in words]
    return " ".join(out)


def planted_corpus(seed: int = 7, stories: int = 120,
                   distractor_share: float = 0.3) -> list[PlantedDoc]:
    """Articles for ``stories`` events (+ distractors), each told by 1–5 outlets."""
    rng = random.Random(seed)
    countries = sorted(PLACES)
    base_day = date(2024, 1, 1)
    plan: list[Story] = []
    for i in range(stories):
        src_c, tgt_c = rng.sample(countries, 2)
        action = rng.randrange(len(ACTIONS))
        day = base_day + timedelta(days=rng.randrange(300))
        place_c = rng.choice((src_c, tgt_c))
        name, lat, lon = rng.choice(PLACES[place_c])
        s = Story(i, (src_c, rng.choice(list(SECTORS))), (tgt_c, rng.choice(list(SECTORS))),
                  action, day, (name, place_c, lat, lon))
        plan.append(s)
        if rng.random() < distractor_share:  # same dyad and action, another date or place
            if rng.random() < 0.5:
                other = Story(stories + i, s.source, s.target, action,
                              day + timedelta(days=rng.choice((-9, -6, 5, 8, 12))), s.place)
            else:
                far = [p for p in PLACES[place_c] if p[0] != name]
                n2, la2, lo2 = far[0]
                other = Story(stories + i, s.source, s.target, action, day,
                              (n2, place_c, la2, lo2))
            plan.append(other)
    out: list[PlantedDoc] = []
    for s in plan:
        outlets = rng.sample(OUTLETS, rng.randint(1, 5))
        wire_style = rng.randrange(3)
        wire = _story_text(rng, s, wire_style, _fillers(rng, 6))
        for k, outlet in enumerate(outlets):
            copies_wire = k == 0 or rng.random() < 0.5
            if copies_wire:
                text = _reword(rng, wire, 0.05)
                if rng.random() < 0.5:
                    text += "\n\n" + _filler(rng)
                group = f"{s.id}-wire"
            else:
                style = rng.choice([x for x in range(3) if x != wire_style])
                text = _story_text(rng, s, style, _fillers(rng, 6))
                group = f"{s.id}-{outlet}"
            out.append(PlantedDoc(_document(rng, s, outlet, text, k), s.id, group))
    rng.shuffle(out)
    return out


def _document(rng: random.Random, s: Story, outlet: str, text: str, k: int) -> Document:
    published = s.day + timedelta(days=rng.choice((0, 0, 1)))
    slug = outlet.lower().replace(" ", "-")
    url = f"https://{slug}.example/news/{s.id}-{k}"
    src_c, src_s = s.source
    tgt_c, tgt_s = s.target
    code_src = src_c + src_s + (rng.choice(("", "", "ELI")) if src_s == "GOV" else "")
    cameo, root, plover, quad, gold, _ = ACTIONS[s.action]
    resolved = rng.random() < 0.7
    name, country, lat, lon = s.place
    location = Location(name, country, None, lat, lon, "PPL") if rng.random() < 0.8 else None
    lead_end = text.find("\n\n")
    event = Event(
        id="ev1",
        source=(Actor(f"{NAMES[src_c]} {SECTORS[src_s][0]}", actor_code=code_src),),
        target=(Actor(f"{NAMES[tgt_c]} {SECTORS[tgt_s][0]}", actor_code=tgt_c + tgt_s),),
        cameo=cameo, cameo_root=root, plover=Plover(plover), goldstein=gold, quad_class=quad,
        date=EventDate(s.day.isoformat(), WEEKDAYS[s.day.weekday()], True) if resolved
        else EventDate(None, WEEKDAYS[s.day.weekday()], False),
        location=location, confidence=0.8,
        sentence=Span(0, lead_end if lead_end > 0 else len(text)),
    )
    article = Article(title=f"{NAMES[src_c]} and {NAMES[tgt_c]}: {ACTIONS[s.action][2].lower()}",
                      text=text, published=published.isoformat(), outlet=outlet, url=url)
    return Document(id=content_id(url, text), article=article, events=(event,),
                    pipeline=(StageRun("extract.article", "1"),))


def pairwise_prf(predicted: dict[str, object], truth: dict[str, object]) -> tuple[float, float,
                                                                                 float]:
    """Pairwise precision, recall and F1 of a clustering (item → cluster) against the truth."""
    from itertools import combinations

    def pairs(assign: dict[str, object]) -> set[tuple[str, str]]:
        groups: dict[object, list[str]] = {}
        for item, cluster in assign.items():
            groups.setdefault(cluster, []).append(item)
        return {tuple(sorted(p)) for g in groups.values() for p in combinations(g, 2)}  # type: ignore[misc]

    items = set(predicted) & set(truth)
    pred = pairs({k: predicted[k] for k in items})
    gold = pairs({k: truth[k] for k in items})
    tp = len(pred & gold)
    p = tp / len(pred) if pred else 1.0
    r = tp / len(gold) if gold else 1.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return p, r, f
