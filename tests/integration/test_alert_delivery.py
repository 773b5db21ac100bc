"""Delivery over real HTTP to local receivers: every platform, 429/Retry-After, 500s, timeouts."""

from __future__ import annotations

import time

import pytest
from pydantic import SecretStr

from newsmon_alerter.delivery import Sender, TokenBucket, parse_retry_after
from newsmon_alerter.formats import build_view, render
from newsmon_alerter.formats.webhook import verify
from newsmon_alerter.receiver import Receiver
from newsmon_alerter.rules import Destination
from newsmon_alerter.settings import AlerterSettings

ITEM = {
    "id": "q-1",
    "speaker": "Sergei Ryabkov",
    "text": "We need legally binding guarantees. " * 200,  # long: cut per platform
    "outlet": "Reuters",
    "url": "https://example.org/a",
}


def settings(**over) -> AlerterSettings:
    base = dict(
        alerter_backoff_base_s=0.05,
        alerter_backoff_max_s=0.2,
        alerter_max_attempts=4,
        alerter_http_timeout_s=0.5,
        alerter_rate_per_minute=6000,
    )
    return AlerterSettings(**(base | over))


@pytest.fixture
def rx():
    with Receiver() as receiver:
        yield receiver


def dest(rx, path, kind="webhook", secret=None):
    return Destination(type=kind, url=SecretStr(rx.url(path)), secret=SecretStr(secret) if secret else None)


def send(sender, d, kind=None):
    payload = render(kind or d.type, [build_view("r1", "quotes", ITEM, "http://kibana", "newsmon")])
    return sender.send("test-dest", d, payload, "c-123:test-dest")


@pytest.mark.parametrize("kind", ["slack", "teams", "discord", "mattermost", "google_chat", "webhook"])
def test_each_platform_receives_its_documented_shape(rx, kind):
    sender = Sender(settings())
    result = send(sender, dest(rx, f"/{kind}", kind))
    assert result.delivered and len(result.attempts) == 1
    (got,) = rx.wait_for(f"/{kind}", 1)
    body = got.json()
    assert got.headers["Content-Type"] == "application/json"
    if kind == "slack":
        sections = [b for b in body["blocks"] if b["type"] == "section"]
        assert body["text"] and sections and all(len(b["text"]["text"]) <= 3000 for b in sections)
    elif kind == "teams":
        assert body["type"] == "message"
        assert body["attachments"][0]["content"]["type"] == "AdaptiveCard"
        assert len(got.body) <= 28_000
    elif kind == "discord":
        assert len(body["embeds"][0]["description"]) <= 4096 and len(body["content"]) <= 2000
    elif kind == "mattermost":
        assert body["text"] and body["attachments"][0]["title"].startswith("Sergei Ryabkov")
    elif kind == "google_chat":
        assert len(body["text"]) <= 4096 and body["cardsV2"][0]["card"]["sections"]
    else:
        assert body["items"][0]["item"]["id"] == "q-1" and "sent_at" in body
        assert got.headers["X-Newsmon-Delivery"] == "c-123:test-dest"


def test_webhook_is_signed_with_hmac(rx):
    sender = Sender(settings())
    assert send(sender, dest(rx, "/signed", secret="s3cret")).delivered
    (got,) = rx.wait_for("/signed", 1)
    assert got.headers["X-Newsmon-Signature"].startswith("sha256=")
    assert verify(got.body, "s3cret", got.headers["X-Newsmon-Signature"])
    assert not verify(got.body, "wrong", got.headers["X-Newsmon-Signature"])
    assert int(got.headers["X-Newsmon-Timestamp"]) == got.json()["sent_at"]


def test_429_retry_after_is_honoured(rx):
    rx.script("/busy", (429, {"Retry-After": "1"}, 0.0), (200, {}, 0.0))
    sender = Sender(settings())
    t0 = time.monotonic()
    result = send(sender, dest(rx, "/busy"))
    elapsed = time.monotonic() - t0
    assert result.delivered
    assert [a.http_status for a in result.attempts] == [429, 200]
    assert result.attempts[0].wait_s >= 1.0 and elapsed >= 1.0  # not the 0.05 s backoff
    assert len(rx.wait_for("/busy", 1)) == 1


def test_500_for_a_while_then_ok(rx):
    rx.script("/flaky", (500, {}, 0.0), (503, {}, 0.0), (200, {}, 0.0))
    result = send(Sender(settings()), dest(rx, "/flaky"))
    assert result.delivered
    assert [a.status for a in result.attempts] == ["retry", "retry", "delivered"]
    waits = [a.wait_s for a in result.attempts[:2]]
    assert 0.025 <= waits[0] <= 0.05 and 0.05 <= waits[1] <= 0.1  # exponential, jittered
    assert rx.rejected == 2 and len(rx.on("/flaky")) == 1


def test_gives_up_after_the_last_retry(rx):
    rx.script("/down", (500, {}, 0.0))
    result = send(Sender(settings()), dest(rx, "/down"))
    assert not result.delivered and len(result.attempts) == 4
    assert result.attempts[-1].status == "failed" and "HTTP 500" in result.reason


def test_client_errors_are_not_retried(rx):
    rx.script("/gone", (404, {}, 0.0))
    result = send(Sender(settings()), dest(rx, "/gone"))
    assert not result.delivered and len(result.attempts) == 1
    assert result.reason.startswith("not retriable")


def test_timeout_then_success(rx):
    rx.script("/slow", (200, {}, 2.0), (200, {}, 0.0))
    result = send(Sender(settings(alerter_http_timeout_s=0.3)), dest(rx, "/slow"))
    assert result.delivered
    assert result.attempts[0].error.startswith("timeout") and result.attempts[1].status == "delivered"
    # the slow request may still be processed by the receiver: the shared delivery id lets it dedupe
    got = rx.wait_for("/slow", 2, timeout=10)
    assert {g.headers["X-Newsmon-Delivery"] for g in got} == {"c-123:test-dest"}


def test_per_destination_rate_limit(rx):
    sender = Sender(settings(alerter_rate_per_minute=300, alerter_rate_burst=1))  # 5 per second
    t0 = time.monotonic()
    for _ in range(4):
        assert send(sender, dest(rx, "/limited")).delivered
    assert time.monotonic() - t0 >= 0.55  # 1 free + 3 x 0.2 s


def test_token_bucket_and_retry_after_parsing():
    now = [0.0]
    bucket = TokenBucket(rate_per_s=2, burst=2, clock=lambda: now[0])
    assert [bucket.reserve(), bucket.reserve()] == [0.0, 0.0]
    assert bucket.reserve() == pytest.approx(0.5)
    now[0] = 10.0
    assert bucket.reserve() == 0.0
    assert parse_retry_after("3") == 3.0
    assert parse_retry_after("Wed, 21 Oct 2015 07:28:00 GMT", now=1445412470.0) == pytest.approx(10.0)
    assert parse_retry_after("soon") is None and parse_retry_after(None) is None
