"""Pure rules, no streamlit: filters, indicators, scorecard, targets, search, recognition, provenance, text, labels."""
