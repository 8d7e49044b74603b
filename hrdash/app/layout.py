"""The page layout on narrow screens (phones): CSS every page gets from app.py (style.apply).

Streamlit stacks columns below 640 px; what it does not do is keep a world map readable there. A map of the world
is about twice as wide as tall, so at a phone's 390 px it would be under 200 px tall: on narrow screens a map is
drawn at least `MAP_MIN_WIDTH` px wide (its plot area over 300 px tall) in its own horizontal scroller, and the
rest of the page keeps the screen's width. Maps are found by what they draw (a geo subplot in plotly's geo layer,
which every plotly chart has, empty), so every world map of every page is covered; the Country profile's regional
map, fitted to its region, keeps the screen's width.
"""

from __future__ import annotations

from typing import TypeVar

from .profile_ui import MAP_KEY

T = TypeVar("T")

NARROW = 640  # px: Streamlit's own breakpoint, where columns stack
MAP_MIN_WIDTH = 680  # px: a natural-earth world map this wide is about 320 px tall

# Every map but the Country profile's regional one, fitted to its region (about as tall as wide: it fits a phone).
WORLD_MAPS = f".stElementContainer:has(.geolayer > .geo):not(.st-key-{MAP_KEY})"
NARROW_CSS = f"""<style>
@media (max-width: {NARROW}px) {{
  {WORLD_MAPS} {{ overflow-x: auto; overscroll-behavior-x: contain; }}
  {WORLD_MAPS} > div {{ min-width: {MAP_MIN_WIDTH}px; }}
}}
</style>"""


TILES_PER_ROW = 4  # the Overview's scorecard: seven EAs and the data tile, two even rows at desktop width


def rows(items: list[T], per_row: int) -> list[list[T]]:
    """Return `items` cut into rows of `per_row` (the last may be shorter), in reading order."""
    return [items[i : i + per_row] for i in range(0, len(items), per_row)]
