"""The worker's agents: extraction (articles -> quotes, meetings) and indexing (-> Elasticsearch).

Every agent consumes with ``stream.noack_take(n, within=...)`` and acks an event only after its
outcome is durable: produced to Kafka, written to Elasticsearch, or produced to the
dead-letter topic. Faust commits only acked offsets, so a crash or a stop mid-batch replays the
batch, and deterministic ids make the replay harmless.
"""

from __future__ import annotations

import faust

from newsmon_worker.agents.extraction import extraction_agent
from newsmon_worker.agents.indexing import article_index_agent, meeting_index_agent, quote_index_agent
from newsmon_worker.app import WorkerContext


def register(app: faust.App, ctx: WorkerContext, enabled: set[str]) -> None:
    """Attach the ``enabled`` agents to ``app``."""
    if "extract" in enabled:
        app.agent(ctx.topics.articles, name="extract")(extraction_agent(ctx))
    if "articles" in enabled:
        app.agent(ctx.topics.articles, name="index-articles")(article_index_agent(ctx))
    if "quotes" in enabled:
        app.agent(ctx.topics.quotes, name="index-quotes")(quote_index_agent(ctx))
    if "meetings" in enabled:
        app.agent(ctx.topics.meetings, name="index-meetings")(meeting_index_agent(ctx))
