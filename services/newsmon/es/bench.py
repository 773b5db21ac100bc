"""``python -m newsmon.es.bench``: indexing throughput, each safeguard on and off in one run.

Prints documents per second for

* ``BulkWriter.index_docs`` (quotes, batches of 500) without and with the replay lookup, on an
  alias with one index and on one that has rolled over (so the lookup searches the older index);
* ``MeetingIndexer.write`` without and with the routing of vaguer dates, on mentions of which a
  sixth are dated to a month only and a sixth are undated.

The runs alternate (off, on, off, on, ...) so load from other jobs on a shared machine hits both
alike, and the ratio on/off is printed. It needs a running Elasticsearch (``newsmon stack up``)
and deletes the indices it made.
"""

from __future__ import annotations

import argparse
import statistics
import time
import uuid
from collections.abc import Callable
from functools import partial
from typing import Any

from newsmon.es.bulk import BulkWriter, Doc
from newsmon.es.documents import quote_doc
from newsmon.es.meetings import MeetingIndexer
from newsmon.es.setup import IndexNames, ensure_templates, make_client
from newsmon.extract.meeting_key import meeting_key
from newsmon.settings import ElasticsearchSettings


def quote(i: int, run: str) -> dict[str, Any]:
    return {
        "id": f"q-{run}-{i}",
        "article_id": f"a-{run}-{i // 10}",
        "text": f"We need legally binding guarantees, number {i}.",
        "parts": [{"start": 0, "end": 40}],
        "speaker": "Sergei Ryabkov",
        "direct": True,
        "partial": False,
        "confidence": 0.8,
        "published": "2022-01-11T10:00:00Z",
        "extracted_at": "2022-01-11T10:01:00Z",
    }


def mention(i: int, run: str) -> dict[str, Any]:
    parties = [
        {"name": f"Person{i % 50} Lastname{i % 50}", "type": "person"},
        {"name": "Russia", "type": "country"},
    ]
    date = {0: "2022-01", 1: None}.get(i % 6, f"2022-01-{1 + i % 50 // 2:02d}")
    return {
        "id": f"m-{run}-{i}",
        "article_id": f"a-{run}-{i}",
        "outlet": "wire",
        "published": f"2022-01-{1 + i % 28:02d}T10:00:00Z",
        "participants": parties,
        "date": date,
        "status": "held",
        "kind": "talks",
        "confidence": 0.7,
        "meeting_key": meeting_key(parties, date, "talks"),
    }


def write_all(write: Callable[[Any], Any], batches: list[Any]) -> None:
    for batch in batches:
        write(batch)


def rate(count: int, work: Callable[[], Any]) -> float:
    start = time.perf_counter()
    work()
    return count / (time.perf_counter() - start)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m newsmon.es.bench", description=__doc__.split("\n")[0])
    parser.add_argument("--quotes", type=int, default=5000)
    parser.add_argument("--mentions", type=int, default=1500)
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args(argv)
    prefix = f"nmbench-{uuid.uuid4().hex[:8]}"
    settings = ElasticsearchSettings(es_index_prefix=prefix)
    es = make_client(settings, request_timeout=60)
    ensure_templates(es, settings)
    names = IndexNames(prefix)
    results: dict[str, list[float]] = {}
    try:
        for stage in ("one index", "rolled over"):
            if stage == "rolled over":
                es.indices.rollover(alias=names.quotes)
            for r in range(args.rounds):
                for lookup in (False, True):
                    run = f"{stage[0]}{r}{int(lookup)}"
                    docs = [
                        Doc(names.quotes, *quote_doc(m), m)
                        for m in (quote(i, run) for i in range(args.quotes))
                    ]
                    writer = BulkWriter(es, replay_lookup=lookup)
                    doc_batches = [docs[k : k + 500] for k in range(0, len(docs), 500)]
                    label = f"quotes, {stage}, replay lookup {'on' if lookup else 'off'}"
                    results.setdefault(label, []).append(
                        rate(len(docs), partial(write_all, writer.index_docs, doc_batches))
                    )
        for r in range(args.rounds):
            for route in (False, True):
                run = f"m{r}{int(route)}"
                msgs = [mention(i, run) for i in range(args.mentions)]
                indexer = MeetingIndexer(es, names.meetings, route_vaguer_dates=route)
                batches = [msgs[k : k + 200] for k in range(0, len(msgs), 200)]
                label = f"meetings, routing of vaguer dates {'on' if route else 'off'}"
                results.setdefault(label, []).append(
                    rate(len(msgs), partial(write_all, indexer.write, batches))
                )
                es.indices.delete(index=f"{names.meetings}-*")
                ensure_templates(es, settings)
    finally:
        es.options(ignore_status=404).indices.delete(index=f"{prefix}-*")
        for kind in ("articles", "quotes", "meetings"):
            es.options(ignore_status=404).indices.delete_index_template(name=names.template(kind))
    medians = {label: statistics.median(values) for label, values in results.items()}
    for label, value in medians.items():
        print(f"{label:<50} {value:8.0f} docs/s  (runs: {', '.join(f'{v:.0f}' for v in results[label])})")
    for off in [label for label in medians if label.endswith(" off")]:
        on = off[: -len("off")] + "on"
        print(f"ratio on/off, {off[: -len(' off')]}: {medians[on] / medians[off]:.2f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
