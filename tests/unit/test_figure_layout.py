"""Where labels sit on the EA trend charts: the 2013 value is not under the baseline marker, no label leaves the plot.

Built from a small frame (the trend rows of two indicators); the positions are read from the figure's traces and
axes. A screenshot of the Expected accomplishments page showed the two defects fixed here.
"""

from __future__ import annotations

import pandas as pd

from hrdash.figures import ea
from hrdash.model import indicators


def trend_figure():
    inds = [indicators.get("EA6.1"), indicators.get("EA6.3")]  # a level target (71 by 2017); no target
    years = list(range(2008, 2027))
    series = [
        (ind, pd.DataFrame({"year": years, "numerator": [float(v) for v in values], "denominator": [None] * len(years),
                            "value": [float(v) for v in values]}))
        for ind, values in zip(inds, [range(28, 28 + 3 * len(years), 3), [238] * 18 + [525]])
    ]  # fmt: skip
    data = ea.trend_data(series, 2008, 2026)
    return ea.trends(data, inds).to_dict(), data


def test_the_baseline_value_is_printed_by_the_baseline_marker_not_under_it():
    fig, data = trend_figure()
    lines = [t for t in fig["data"] if t["name"] in ("EA6.1", "EA6.3")]
    marks = [t for t in fig["data"] if t["name"] == "2013 baseline"]
    assert len(lines) == len(marks) == 2
    for line, mark in zip(lines, marks):
        at = list(line["x"]).index(2013)
        shown = data[(data["code"] == line["name"]) & (data["year"] == 2013)]["shown"].iloc[0]
        # The line prints no label at 2013 (the diamond drawn over it hid it) ...
        assert line["text"][at] == "" and all(t for i, t in enumerate(line["text"]) if i != at)
        # ... the diamond prints it, above itself: offset by its own 14 px, so the label clears it.
        assert list(mark["text"]) == [shown] and mark["textposition"] == "top center"
        assert "text" in mark["mode"] and mark["marker"]["size"] >= 14
        assert line["customdata"][at] == shown  # the hover still says it


def test_every_label_stays_inside_its_plot():
    fig, data = trend_figure()
    layout = fig["layout"]
    for axis, code in (("", "EA6.1"), ("2", "EA6.3")):
        rows = data[data["code"] == code]
        x0, x1 = layout[f"xaxis{axis}"]["range"]
        y0, y1 = layout[f"yaxis{axis}"]["range"]
        # Half a year and more beyond the first and last years: the last label (centred on its point) fits.
        assert x0 <= rows["year"].min() - 0.5 and x1 >= rows["year"].max() + 0.5
        # Room above the highest point (or the target) for the label printed over it.
        top = max(rows["value"].max(), indicators.get(code).target or 0)
        assert y0 == 0 and y1 >= top * 1.15
    assert layout["yaxis2"]["range"][1] >= 525 * 1.15 and layout["yaxis"]["range"][1] >= 82 * 1.15
