"""Query parameters shared by API routes and dashboard pages, validated at the edge."""

from __future__ import annotations

import re
from datetime import date
from typing import Annotated

from fastapi import HTTPException, Query

from .queries import Filters

DATE = r"^\d{4}-\d{2}(-\d{2})?$"
CODE = r"^[A-Za-z0-9]{1,32}$"
ROOTS = r"^\d{1,2}(,\d{1,2})*$"
CURSOR = r"^\d{8}:\d+$"
MAX_LIMIT = 1000
MODALITIES = ("asserted", "negated", "planned", "pledged", "possible", "alleged", "denied",
              "demanded")


def _blank(value: str | None) -> str | None:
    """Empty form fields (``?actor=``) mean "no filter", as a browser sends them."""
    return value if value not in (None, "") else None


def real_date(name: str, value: str | None) -> str | None:
    """``value`` if it names a real day (``YYYY-MM`` means the month's first day)."""
    if value is None:
        return None
    try:
        date.fromisoformat(value if len(value) == 10 else value + "-01")
    except ValueError:
        raise HTTPException(422, f"{name}: no such date {value!r}") from None
    return value


async def event_filters(
    actor: Annotated[str | None, Query(description="Either side's actor code prefix (PRK).")]
    = None,
    source: Annotated[str | None, Query(description="Source actor code prefix.")] = None,
    target: Annotated[str | None, Query(description="Target actor code prefix.")] = None,
    root: Annotated[str | None, Query(description="CAMEO root code(s): 19 or 18,19,20.")]
    = None,
    cameo: Annotated[str | None, Query(description="CAMEO code prefix (190).")] = None,
    plover: Annotated[str | None, Query(description="PLOVER event type (ASSAULT).")] = None,
    since: Annotated[str | None, Query(description="First day, YYYY-MM-DD or YYYY-MM.")]
    = None,
    until: Annotated[str | None, Query(description="Last day, YYYY-MM-DD or YYYY-MM.")]
    = None,
    quad: Annotated[str | None, Query(description="Quad class 1–4.")] = None,
    country: Annotated[str | None, Query(description="ISO alpha-3 of the place.")] = None,
    min_mentions: Annotated[int | None, Query(ge=1)] = None,
    modality: Annotated[str | None, Query(description=", ".join(MODALITIES))] = None,
    outlet: Annotated[str | None, Query(description="Events this outlet reported.")] = None,
) -> Filters:
    """Turn query parameters into ``Filters``; 422 with the parameter named when one is bad.

    ``async`` because it only checks strings: FastAPI then calls it on the event loop
    instead of in a thread-pool hop per request.
    """
    def check(name: str, value: str | None, pattern: str, hint: str) -> str | None:
        value = _blank(value)
        if value is not None and not re.match(pattern, value):
            raise HTTPException(422, f"{name}: {hint}, not {value!r}")
        return value

    actor, source, target, cameo = (
        check(n, v, CODE, "an actor/CAMEO code of letters and digits")
        for n, v in (("actor", actor), ("source", source), ("target", target),
                     ("cameo", cameo))
    )
    root_s = check("root", root, ROOTS, "CAMEO root codes like 19 or 18,19")
    since = real_date("since", check("since", since, DATE, "a date YYYY-MM-DD"))
    until = real_date("until", check("until", until, DATE, "a date YYYY-MM-DD"))
    plover = check("plover", plover, r"^[A-Za-z_]{2,40}$", "a PLOVER type like ASSAULT")
    country = check("country", country, r"^[A-Za-z]{3}$", "an ISO alpha-3 code")
    quad_s = check("quad", quad, r"^[1-4]$", "a quad class 1–4")
    modality = _blank(modality)
    if modality is not None and modality.lower() not in MODALITIES:
        raise HTTPException(422, f"modality: one of {', '.join(MODALITIES)}, not {modality!r}")
    if since and until and since > until:
        raise HTTPException(422, f"since ({since}) is after until ({until})")
    return Filters(
        actor=actor, source=source, target=target,
        root=tuple(r.zfill(2) for r in root_s.split(",")) if root_s else None,
        cameo=cameo, plover=plover.upper() if plover else None, since=since, until=until,
        quad_class=int(quad_s) if quad_s else None, country=country, min_mentions=min_mentions,
        modality=modality.lower() if modality else None, outlet=_blank(outlet),
    )


Limit = Annotated[int, Query(ge=1, le=MAX_LIMIT, description=f"At most {MAX_LIMIT}.")]
Offset = Annotated[int, Query(ge=0, le=1_000_000)]
Cursor = Annotated[str | None, Query(pattern=CURSOR, description="next_cursor of a page.")]
