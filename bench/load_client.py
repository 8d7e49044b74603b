"""Simulated users of one `streamlit run`: each speaks Streamlit's websocket protocol as the browser does.

A user is one websocket session (`/_stcore/stream`). An action is what a link or a filter change sends: a
`rerun_script` message with the page and the URL's query string (the sidebar's filters are bound to the URL, so
`?region=Africa` is the filter change a manager makes). The server does all of its real work: it runs the page's
script, its queries and figures, serialises every element and streams the deltas. The time of an action runs from
the message sent until `script_finished` arrives; the browser's own drawing is not in it (the browser part of
load_bench.py measures that for a few users).

    results = asyncio.run(run_users("http://127.0.0.1:8501", users=10, seconds=60, think=3.0))
"""

from __future__ import annotations

import asyncio
import random
import time
from dataclasses import dataclass, field
from urllib.parse import urlencode

import websockets
from streamlit.proto.BackMsg_pb2 import BackMsg
from streamlit.proto.ForwardMsg_pb2 import ForwardMsg

from hrdash.app import pages
from hrdash.model.filters import OHCHR_REGIONS

ACTION_TIMEOUT = 120.0  # seconds: an action slower than this counts as failed
COUNTRIES = ("Kenya", "Nepal", "Colombia", "Senegal", "Germany", "Tunisia", "Kazakhstan", "Philippines")
EA_CODES = ("EA2", "EA6", "EA7", "EA11")


@dataclass(frozen=True)
class Action:
    """One step of a user: open `page` (its url_path) with the URL query `query`."""

    page: str
    query: str
    kind: str  # "page" (a sidebar link) or "filter" (a filter changed on the open page)


@dataclass
class Timing:
    action: Action
    seconds: float
    ok: bool
    error: str = ""
    texts: list[str] = field(default_factory=list)  # the markdown the server sent (checks that filters applied)


def scenario(rng: random.Random) -> list[Action]:
    """Return a user's session: every page of the registry in a random order, each followed by a filter change."""
    order = list(pages.PAGES)
    rng.shuffle(order)
    steps: list[Action] = []
    for page in order:
        query: dict[str, str] = {}
        if page is pages.COUNTRY_PROFILE:
            query["country"] = rng.choice(COUNTRIES)
        steps.append(Action(page.url_path, urlencode(query), "page"))
        query["region"] = rng.choice(OHCHR_REGIONS)
        if rng.random() < 0.5:
            query["year_from"] = str(rng.randint(2008, 2016))
        if rng.random() < 0.3:
            query["target_ea"] = rng.choice(EA_CODES)
        steps.append(Action(page.url_path, urlencode(query), "filter"))
    return steps


def _markdown(msg: ForwardMsg) -> str | None:
    if msg.WhichOneof("type") != "delta" or msg.delta.WhichOneof("type") != "new_element":
        return None
    element = msg.delta.new_element
    kind = element.WhichOneof("type")
    if kind == "exception":
        raise RuntimeError(f"the page raised: {element.exception.message}")
    return element.markdown.body if kind == "markdown" else None


async def _act(ws: websockets.ClientConnection, action: Action, keep_text: bool) -> Timing:
    msg = BackMsg()
    msg.rerun_script.page_name = action.page
    msg.rerun_script.query_string = action.query
    start = time.perf_counter()
    texts: list[str] = []
    try:
        await ws.send(msg.SerializeToString())
        async with asyncio.timeout(ACTION_TIMEOUT):
            while True:
                reply = ForwardMsg()
                reply.ParseFromString(await ws.recv())
                kind = reply.WhichOneof("type")
                if kind == "page_not_found":
                    raise RuntimeError(f"page not found: {action.page}")
                if (text := _markdown(reply)) is not None and keep_text:
                    texts.append(text)
                if kind == "script_finished":
                    break
    except (RuntimeError, TimeoutError, websockets.ConnectionClosed) as exc:
        return Timing(action, time.perf_counter() - start, False, str(exc) or type(exc).__name__)
    return Timing(action, time.perf_counter() - start, True, texts=texts)


async def user(
    url: str, deadline: float, think: float, rng: random.Random, keep_text: bool = False, max_actions: int = 0
) -> list[Timing]:
    """Return the timings of one simulated user acting until `deadline` (time.monotonic) or `max_actions`.

    Think time between actions: uniform in [think/2, 3·think/2] seconds (users read the page before the next
    click). The user starts after a random part of one think time, so N users do not click in step.
    """
    host = url.split("://", 1)[1]
    timings: list[Timing] = []
    await asyncio.sleep(rng.uniform(0, think))
    async with websockets.connect(
        f"ws://{host}/_stcore/stream",
        subprotocols=["streamlit"],
        origin=url,
        max_size=None,
        open_timeout=30,
        # behind deploy/nginx.conf a browser keeps its replica by this cookie; each user is a browser of its own
        additional_headers={"Cookie": f"hr_replica=user{rng.getrandbits(48):x}"},
    ) as ws:
        steps = scenario(rng)
        while time.monotonic() < deadline and (not max_actions or len(timings) < max_actions):
            timings.append(await _act(ws, steps[len(timings) % len(steps)], keep_text))
            await asyncio.sleep(rng.uniform(think / 2, think * 1.5))
    return timings


async def run_users(
    url: str, users: int, seconds: float, think: float, seed: int = 0, max_actions: int = 0, keep_text: bool = False
) -> list[Timing]:
    """Return the timings of `users` simulated users acting at once for `seconds` (each its own websocket session)."""
    deadline = time.monotonic() + seconds
    per_user = await asyncio.gather(
        *(user(url, deadline, think, random.Random(seed * 1000 + i), keep_text, max_actions) for i in range(users))
    )
    return [t for timings in per_user for t in timings]
