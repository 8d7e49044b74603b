"""Pure figure builders of the pages that have many (a DataFrame or a chart spec in, a plotly figure out)."""
