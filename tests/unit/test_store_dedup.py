"""Near-duplicate detection (MinHash/LSH) and event-mention clustering, without a database."""

from __future__ import annotations

from wirewatch.records import Actor, Event, EventDate, Location, Plover
from wirewatch.store.clustering import (
    Candidate,
    best_candidate,
    cluster_key,
    parse_day,
    places_compatible,
    sectors_compatible,
    shift_day,
)
from wirewatch.store.codes import parse_code
from wirewatch.store.minhash import (
    NEAR_DUPLICATE_JACCARD,
    band_hashes,
    is_empty,
    shingles,
    signature_bytes,
    signature_from_bytes,
    signature_of,
    similarity,
)
from wirewatch.store.synthetic import pairwise_prf

STORY = ("Officials in the capital said on Monday that the new bridge over the river would "
         "open to traffic next spring, two years later than first planned, after engineers "
         "found cracks in several of its concrete supports during routine inspections. The "
         "city council has asked the builder to cover the cost of the repairs.")


def test_reworded_copy_is_near_duplicate_and_other_story_is_not() -> None:
    copy = STORY.replace("said on Monday", "stated on Monday").replace("asked", "told")
    other = ("The football club confirmed on Monday that its captain would miss the rest of "
             "the season with a knee injury sustained in training, and said a replacement "
             "would be chosen by the coaching staff before the next home match.")
    sig = signature_of(STORY)
    assert similarity(sig, signature_of(copy)) >= NEAR_DUPLICATE_JACCARD
    assert similarity(sig, signature_of(other)) < 0.2
    assert similarity(sig, signature_of(STORY)) == 1.0


def test_similar_documents_share_an_lsh_band_and_signatures_round_trip() -> None:
    a, b = signature_of(STORY), signature_of(STORY + " Work resumes in June.")
    assert set(band_hashes(a)) & set(band_hashes(b))
    assert (signature_from_bytes(signature_bytes(a)) == a).all()
    assert is_empty(signature_of("")) and not is_empty(a)
    assert shingles("One two") == {"one two"} and len(shingles("a b c d e")) == 3


def ev(source: str, target: str, root: str = "19", plover: str = "ASSAULT") -> Event:
    return Event("e", (Actor("s", actor_code=source),), (Actor("t", actor_code=target),),
                 root + "0", root, Plover(plover), date=EventDate("2024-03-05"))


def test_actors_match_at_country_and_sector_level() -> None:
    assert cluster_key(ev("PRKMILELI", "KOR")) == cluster_key(ev("PRKMIL", "KORGOV"))
    assert cluster_key(ev("PRKMIL", "USA")) != cluster_key(ev("PRKMIL", "KOR"))
    assert cluster_key(ev("PRKMIL", "KOR", "18")) != cluster_key(ev("PRKMIL", "KOR"))
    assert cluster_key(ev("PRKMIL", "KOR", plover="COERCE")) != cluster_key(ev("PRKMIL", "KOR"))
    named = Event("e", (Actor("Some Militia"),), (), "190", "19")
    assert cluster_key(named).startswith("~some militia|-|19")
    assert sectors_compatible(["PRKMILELI"], ["PRKMIL"])
    assert sectors_compatible(["USA"], ["USAGOV"])  # a side without sector matches
    assert not sectors_compatible(["PRKGOV"], ["PRKMIL"])
    cands = [Candidate(1, 20240305, None, 0, ("PRKGOV",), ("KOR",)),
             Candidate(2, 20240305, None, 0, ("PRKMIL",), ("KORMIL",))]
    assert best_candidate(20240305, None, cands, (("PRKMIL",), ("KOR",))) == cands[1]
    assert best_candidate(20240305, None, cands, (("PRKCOP",), ("KOR",))) is None


def test_actor_codes_split_like_gdelt() -> None:
    p = parse_code("prkgovmil")
    assert p is not None and (p.country, p.types, p.cluster_key) == ("PRK", ("GOV", "MIL"),
                                                                      "PRKGOV")
    un = parse_code("IGOUNO")
    assert un is not None and (un.country, un.known_group, un.types) == (None, "UNO", ("IGO",))
    assert parse_code(None) is None


def test_places_and_dates_decide_between_candidates() -> None:
    kyiv = Location("Kyiv", "UKR", 703448, 50.45, 30.52)
    kharkiv = Location("Kharkiv", "UKR", None, 49.99, 36.23)
    assert places_compatible(kyiv, None) and places_compatible(kyiv, Location("Kiev", "UKR"))
    assert not places_compatible(kyiv, kharkiv)
    assert not places_compatible(kyiv, Location("Moscow", "RUS"))
    day = parse_day("2024-03-05T10:00:00Z")
    assert day == 20240305 and shift_day(20240301, -2) == 20240228
    cands = [Candidate(1, 20240301, kyiv), Candidate(2, 20240306, kharkiv),
             Candidate(3, 20240304, None, 5), Candidate(4, 20240306, kyiv)]
    assert best_candidate(20240305, kyiv, cands) == cands[2]  # closest day, compatible place
    assert best_candidate(20240320, kyiv, cands) is None


def test_pairwise_scores() -> None:
    truth = {"a": 1, "b": 1, "c": 2, "d": 2}
    assert pairwise_prf(truth, truth) == (1.0, 1.0, 1.0)
    p, r, _ = pairwise_prf({"a": 1, "b": 1, "c": 1, "d": 2}, truth)
    assert (p, r) == (1 / 3, 0.5)
