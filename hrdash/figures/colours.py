"""The dashboard's colours, defined once for its figures and its slides (no plotly import, so the deck writer
and the command line load it cheaply)."""

# Okabe & Ito's palette: eight colours told apart with every common colour-vision deficiency.
OKABE_ITO = ["#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#F0E442", "#000000"]
HIGHLIGHT = OKABE_ITO[5]  # the chosen country among its neighbours (profile chart and slide)
NO_DATA_GREY = "#D9D9D9"
SEQUENTIAL = "Viridis"  # perceptually uniform and colour-blind safe
