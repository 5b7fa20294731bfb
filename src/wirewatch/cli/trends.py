"""``wirewatch trends``: trend, escalation alerts and reciprocity between two actors."""

from __future__ import annotations

from typing import Any

import click

from ._common import handle_errors
from .db import db_option

BAR = 30


def _bar(n: int, scale: float, char: str) -> str:
    return char * max(round(n * scale), 1 if n else 0)


def render(trend: dict[str, Any]) -> str:
    """The terminal view: one line per period, both directions, then alerts and reciprocity."""
    a, b = trend["a"], trend["b"]
    points = trend["points"]
    if not points:
        return f"no events between {a} and {b}"
    by = {(p["period"], p["direction"]): p for p in points}
    periods = sorted({p["period"] for p in points})
    most = max(p["events"] for p in points if p["direction"] != "both") or 1
    scale = BAR / most
    head = (f"{'period':<10}  {a + '→' + b:>6} {'coop/conflict':<{BAR}}  "
            f"{b + '→' + a:>6} {'coop/conflict':<{BAR}}  {'goldstein':>9}  index")
    lines = [f"{a}–{b} per {trend['period']}  (+ cooperation, x conflict)", head]
    for period in periods:
        cells = []
        for d in ("ab", "ba"):
            p = by[(period, d)]
            coop = p["verbal_cooperation"] + p["material_cooperation"]
            conf = p["verbal_conflict"] + p["material_conflict"]
            bar = _bar(coop, scale, "+") + _bar(conf, scale, "x")
            cells.append(f"{p['events']:>6} {bar:<{BAR}}")
        both = by[(period, "both")]
        idx = both["conflict_index"]
        lines.append(f"{period:<10}  {cells[0]}  {cells[1]}  {both['goldstein']:>9.1f}  "
                     f"{'' if idx is None else f'{idx:+.2f}'}")
    lines.append("")
    alerts = trend["alerts"]
    lines.append(f"escalation alerts: {len(alerts)}")
    lines += [f"  ! {x['description']}" for x in alerts]
    rec = trend["reciprocity"]
    lines.append(f"reciprocity (conflict answered in kind within {rec['window_days']} days):")
    for d in (rec["a_to_b"], rec["b_to_a"]):
        rate = "—" if d["rate"] is None else f"{100 * d['rate']:.0f}%"
        delay = "—" if d["median_delay_days"] is None else f"{d['median_delay_days']:g} d"
        lines.append(f"  {d['responder']} answers {d['initiator']}: {d['answered']}/{d['acts']}"
                     f" ({rate}), median delay {delay}")
    lines.append(f"  tit-for-tat cycles (≥3 acts): {rec['cycles']}, longest {rec['longest_cycle']}")
    return "\n".join(lines)


def plot(trend: dict[str, Any], path: str) -> None:
    """Write the trend chart (counts by quad class both ways, Goldstein, alerts) to ``path``."""
    try:
        import matplotlib

        matplotlib.use("Agg")
        import matplotlib.pyplot as plt
    except ImportError as exc:
        from ..errors import ConfigError

        raise ConfigError("--plot needs matplotlib (pip install matplotlib)") from exc
    from datetime import date

    a, b = trend["a"], trend["b"]
    colours = ("#74c69d", "#2d6a4f", "#f4a261", "#c1121f")
    keys = ("verbal_cooperation", "material_cooperation", "verbal_conflict",
            "material_conflict")
    fig, axes = plt.subplots(3, 1, figsize=(10, 7), sharex=True,
                             gridspec_kw={"height_ratios": [2, 2, 1]})
    width = 0.8 if trend["period"] == "day" else 5.6
    for ax, d, label in ((axes[0], "ab", f"{a} → {b}"), (axes[1], "ba", f"{b} → {a}")):
        pts = [p for p in trend["points"] if p["direction"] == d]
        xs = [date.fromisoformat(p["period"]) for p in pts]
        bottom = [0] * len(pts)
        for key, colour in zip(keys, colours, strict=True):
            ys = [p[key] for p in pts]
            ax.bar(xs, ys, width, bottom=bottom, color=colour, label=key.replace("_", " "))
            bottom = [x + y for x, y in zip(bottom, ys, strict=True)]
        ax.set_ylabel(f"{label}\nevents")
        twin = ax.twinx()
        twin.plot(xs, [p["goldstein"] for p in pts], color="#1d3557", lw=1.2)
        twin.set_ylabel("Goldstein sum")
    axes[0].legend(loc="upper left", fontsize=7, ncol=4)
    both = [p for p in trend["points"] if p["direction"] == "both"]
    axes[2].plot([date.fromisoformat(p["period"]) for p in both],
                 [p["conflict_index"] for p in both], marker=".", color="#555")
    axes[2].axhline(0, color="#bbb", lw=0.8)
    axes[2].set_ylim(-1.05, 1.05)
    axes[2].set_ylabel("conflict index")
    for alert in trend["alerts"]:
        for ax in axes:
            ax.axvspan(date.fromisoformat(alert["day"]), date.fromisoformat(alert["last_day"]),
                       color="#c1121f", alpha=0.15)
    fig.suptitle(f"{a}–{b} per {trend['period']}")
    fig.tight_layout()
    fig.savefig(path, dpi=110)
    plt.close(fig)


@click.command()
@click.option("--pair", required=True, help="Two actor code prefixes, e.g. PRK-USA.")
@db_option
@click.option("--since", help="First day (YYYY-MM-DD).")
@click.option("--until", help="Last day (YYYY-MM-DD).")
@click.option("--period", type=click.Choice(["day", "week"]), default="week", show_default=True)
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text",
              show_default=True)
@click.option("--plot", "plot_path", type=click.Path(dir_okay=False), default=None,
              help="Also draw the chart to this PNG file.")
@handle_errors
def trends(pair: str, db_url: str, since: str | None, until: str | None, period: str,
           fmt: str, plot_path: str | None) -> None:
    """Trend, escalation alerts and reciprocity between two actors (--pair PRK-USA)."""
    import json

    from ..analysis import parse_day, parse_pair
    from ..api.cache import TTLCache
    from ..api.queries import Filters
    from ..api.service import Service
    from ..store import open_store

    a, b = parse_pair(pair)
    for name, value in (("--since", since), ("--until", until)):
        if value:
            parse_day(value, origin=name)
    with open_store(db_url, create=False, migrate_schema=False) as store:
        trend = Service(store, TTLCache(0)).trend(a, b, period,
                                                  Filters(since=since, until=until))
    if fmt == "json":
        click.echo(json.dumps(trend, ensure_ascii=False))
    else:
        click.echo(render(trend))
    if plot_path:
        plot(trend, plot_path)
        click.echo(f"wirewatch: wrote {plot_path}", err=True)


def register(group: click.Group) -> None:
    group.add_command(trends)
