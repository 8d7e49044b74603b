"""Everything Streamlit: data access for the app, sidebar, page frame, widgets, presenting, the Data page."""
