"""``wirewatch extract``: one input (or a JSONL batch) to document JSON."""

from __future__ import annotations

import json
import sys
from typing import IO

import click

from ..records import Document, Failure
from ._common import config_option, handle_errors, settings_from


def render_text(doc: Document, explain: bool = False) -> str:
    """A human-readable summary of a document."""
    a = doc.article
    lines = [
        f"# {a.title or '(untitled)'}",
        f"id: {doc.id}   published: {a.published or 'unknown'}   outlet: {a.outlet or '-'}",
    ]
    if a.authors:
        lines.append(f"by: {', '.join(a.authors)}")
    if a.dateline:
        lines.append(f"dateline: {a.dateline}")
    if a.credits:
        lines.append(f"credits: {', '.join(a.credits)}")
    lines += ["", a.text, ""]
    if a.removed:
        lines.append(f"removed ({len(a.removed)}):")
        lines += [f"  - [{r.reason}] {r.text[:90]}" for r in a.removed]
    if doc.entities:
        lines.append(f"entities ({len(doc.entities)}):")
        for e in doc.entities:
            role = f" — {', '.join(e.roles)}" if e.roles else ""
            lines.append(f"  - {e.name} [{e.type}] {e.actor_code or ''}{role}")
    if doc.quotes:
        lines.append(f"quotes ({len(doc.quotes)}):")
        for q in doc.quotes:
            who = q.speaker.name if q.speaker else "?"
            lines.append(f"  - {who} ({q.kind}, {q.cue or '-'}): {q.text[:100]}")
    if doc.events:
        lines.append(f"events ({len(doc.events)}):")
        for ev in doc.events:
            src = "+".join(x.actor_code or x.name for x in ev.source) or "-"
            tgt = "+".join(x.actor_code or x.name for x in ev.target) or "-"
            trig = ev.trigger.text if ev.trigger else ""
            lines.append(f"  - {src} {ev.cameo} {tgt} [{ev.modality}] “{trig}”")
            if explain and ev.pattern:
                lines.append(f"      pattern: {ev.pattern}")
    lines.append("pipeline: " + ", ".join(f"{s.stage}.v{s.version}" for s in doc.pipeline))
    return "\n".join(lines)


def _explained(doc: Document) -> dict[str, object]:
    data = doc.to_dict()
    data["explain"] = [
        {"event": ev.id, "pattern": ev.pattern,
         "trigger": ev.trigger.text if ev.trigger else None,
         "sentence": doc.article.text[ev.sentence.start:ev.sentence.end] if ev.sentence else None}
        for ev in doc.events
    ]
    return data


@click.command()
@click.argument("input_spec", metavar="INPUT", required=False)
@click.option("--batch", "batch", type=click.File("r", encoding="utf-8"), default=None,
              help="JSONL file ('-' for stdin) of {id, html|text, url?, published?, outlet?}.")
@click.option("--published", help="Publication date to use (beats the page).")
@click.option("--outlet", help="Outlet name to use (beats the page).")
@click.option("--url", help="URL of the page (for metadata and ids).")
@click.option("--format", "fmt", type=click.Choice(["json", "text"]), default="json",
              show_default=True)
@click.option("--explain", is_flag=True, help="Show which pattern fired for each event.")
@click.option("--indent/--no-indent", default=None, help="Pretty-print JSON (default: on a tty).")
@config_option
@handle_errors
def extract(
    input_spec: str | None, batch: IO[str] | None, published: str | None,
    outlet: str | None, url: str | None, fmt: str, explain: bool, indent: bool | None,
    config_path: str | None,
) -> None:
    """Extract the article (and entities, quotes, events) from INPUT: a path, - or a URL."""
    from ..ingest import iter_batch, read_input
    from ..pipeline import Pipeline

    if (input_spec is None) == (batch is None):
        raise click.UsageError("give exactly one of INPUT or --batch FILE")
    settings = settings_from(config_path, explain=explain)
    pipeline = Pipeline(settings)
    if batch is not None:
        failures = 0
        out = sys.stdout
        for item in pipeline.process_many(iter_batch(batch, getattr(batch, "name", "batch"))):
            if isinstance(item, Failure):
                failures += 1
                out.write(json.dumps({"id": item.id, "error": item.error}, ensure_ascii=False))
            else:
                data = _explained(item) if explain else item.to_dict()
                out.write(json.dumps(data, ensure_ascii=False))
            out.write("\n")
            out.flush()
        if failures:
            click.echo(f"wirewatch: {failures} input(s) failed (see their error lines)", err=True)
        return
    assert input_spec is not None
    raw = read_input(input_spec, settings, url=url, published=published, outlet=outlet)
    doc = pipeline.process(raw)
    if fmt == "text":
        click.echo(render_text(doc, explain))
    else:
        pretty = sys.stdout.isatty() if indent is None else indent
        data = _explained(doc) if explain else doc.to_dict()
        click.echo(json.dumps(data, ensure_ascii=False, indent=2 if pretty else None))


def register(group: click.Group) -> None:
    group.add_command(extract)
