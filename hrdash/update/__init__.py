"""Refresh the database from the official sources: the UN Treaty Collection's status pages and the UHRI export.

`python -m hrdash update` (hrdash/cli/update.py) and the Data page's "Update from official sources" (page.py) download
each file (fetch.py) from the addresses in the settings (settings.py, sources.py), check that it is what was
expected (expect.py) and import it through the import driver (importers/driver.py), one transaction per file
(run.py, importing.py).
"""
