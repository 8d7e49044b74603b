"""What pages export: tables as CSV and Excel (tables), charts as slide items (deck), the PowerPoint writer (pptx)."""
