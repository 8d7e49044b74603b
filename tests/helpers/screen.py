"""What a page drew, read back from an AppTest run: plotly specs (typed arrays decoded), traces and tables."""

from __future__ import annotations

import base64
import json

import numpy as np
import pandas as pd
from streamlit.testing.v1 import AppTest


def decode(value):
    """Return a plotly JSON value as plain Python: typed arrays ({"dtype", "bdata", "shape"}) decoded."""
    if isinstance(value, dict) and "bdata" in value:
        arr = np.frombuffer(base64.b64decode(value["bdata"]), dtype=np.dtype(value["dtype"]))
        if "shape" in value:
            arr = arr.reshape([int(n) for n in str(value["shape"]).split(",")])
        return arr.tolist()
    return value


def values(v) -> list:
    """Return a plotly spec's array as a list (plain JSON lists, or plotly's typed "bdata" arrays)."""
    if isinstance(v, dict) and "bdata" in v:
        return np.frombuffer(base64.b64decode(v["bdata"]), dtype=np.dtype(v["dtype"])).tolist()
    return list(v)


def charts(at: AppTest) -> dict[str, dict]:
    """Return {chart key: plotly spec} of the charts on the page."""
    return {e.proto.id.rsplit("-", 1)[-1]: json.loads(e.proto.spec) for e in at.get("plotly_chart")}


def traces(at: AppTest, key: str) -> list[dict]:
    """Return the traces of the plotly chart drawn with `key`, their arrays decoded."""
    found = [c for c in at.get("plotly_chart") if c.proto.id.endswith(f"-{key}")]
    assert len(found) == 1, f"expected one chart {key!r}, found ids {[c.proto.id for c in at.get('plotly_chart')]}"
    return [{k: decode(v) for k, v in t.items()} for t in json.loads(found[0].proto.spec)["data"]]


def trace(spec: dict, name_start: str) -> dict:
    """Return the first trace of `spec` whose name starts with `name_start`."""
    return next(t for t in spec["data"] if str(t.get("name", "")).startswith(name_start))


def xy(t: dict, horizontal: bool = False) -> dict:
    """Return {category: value} of a bar trace."""
    keys, vals = (values(t["y"]), values(t["x"])) if horizontal else (values(t["x"]), values(t["y"]))
    return dict(zip(keys, vals))


def table(at: AppTest, *columns: str) -> pd.DataFrame:
    """Return the one dataframe on screen that has all these columns (fails if there are none or several)."""
    found = [d.value for d in at.dataframe if set(columns) <= set(d.value.columns)]
    assert len(found) == 1, f"{len(found)} tables with columns {columns}"
    return found[0]


def first_table(at: AppTest, *columns: str) -> pd.DataFrame:
    """Return the first dataframe on screen that has all these columns."""
    return next(d.value for d in at.dataframe if set(columns) <= set(d.value.columns))
