"""Event coding accuracy on PETRARCH-2's validation records and PLOVER's gold.

    .venv/bin/python benchmarks/events.py [--limit N]

Writes the summary and per-group tables to the ``events`` section of BENCHMARKS.md.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from benchmarks._report import shared, write_section

NOTES = """\
Columns: PETRARCH's own *correct / uncoded / extra* (percent of gold (source, event, target)
triples; compound actors are expanded to one triple per actor pair, as PETRARCH codes them);
micro precision/recall/F1 of event codes per sentence at full CAMEO code, two-digit root, quad
class and PLOVER type; *PLOVER top-1 acc*: the sentence's most confident event has the gold
PLOVER type (uncoded sentences count as misses); *any acc*: one of its events has it; actor
match: the gold source's country (first three letters) or full country+sector code is among
the sources of the predicted event of the same PLOVER type; *false-event rate*: sentences
whose gold has no event but which got one.  Only events a CAMEO coder would record count
(modality asserted, pledged or planned).  PLOVER's gold uses PLOVER 0.6 labels, renamed to the
current ones (DEMAND→REQUEST, DISAPPROVE/INVESTIGATE→ACCUSE, FIGHT→ASSAULT).  PETRARCH's
records are coded against its toy dictionaries: its fictional actors and agents are loaded as
user dictionaries, and its verb dictionary (mostly WEIS-era codes, read by
``events/petrarch_verbs.py``: the verb's default code, words before and after the verb matched
in order, synsets, ``%`` compound subjects; patterns that place ``$``/``+`` before the verb are
left out) is the only lexicon in the first row; the second row
codes the same records with wirewatch's own CAMEO lexicon, so its code-level figures only
show where the two agree."""


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--limit", type=int, default=None)
    parser.add_argument("--no-write", action="store_true")
    args = parser.parse_args()
    data = shared("events")
    if data is None:
        return
    from wirewatch.events.evaluate import evaluate_dir

    t = time.perf_counter()
    report = evaluate_dir(data, limit=args.limit)
    seconds = time.perf_counter() - t
    body = report.markdown() + f"\n\n{NOTES}\n\n(run time {seconds:.0f} s)"
    print(body)
    if not args.no_write:
        write_section("events", "Events: CAMEO/PLOVER coding against public gold data",
                      ".venv/bin/python benchmarks/events.py", body)


if __name__ == "__main__":
    main()
