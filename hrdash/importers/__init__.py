"""Importing real data: official formats, our own tables and templates, into the database, safely.

Reading (one module per layout): canonical.py (our tables, CSV/Excel, the templates), ratification.py
(per-treaty tables; UN Treaty Collection CSV/HTML, with untc.py for its brackets and footnotes),
ohchr_dashboard.py (OHCHR's ratification dashboard export), upr_files.py (Terman year files; UPR Info
CSV/.xls), upr_matrix.py (OHCHR's UPR matrices, .docx), uhri.py (UHRI Excel export); sniff.py and
tabular.py turn bytes into cells (csvtext.py reads CSV strictly, zipparts.py checks .xlsx/.docx packages before
they are parsed, limits.py holds the limits every reader stops at), detect.py names the layout, countries are
resolved by countries.py.
validate.py checks staged rows against the schema itself. pipeline.py checks a file into a Plan
(problems, preview, Parquet of the rows to load); commit.py compares it with the database and load.py loads it
in one transaction (replacement, supersession of demo rows, import_log); store.py keeps accepted imports, with
checksums, in the database's store so that a rebuild re-applies them (replay.py); restore.py tells when an
import's rows or stored copy are lost, so that importing its file again restores it. driver.py is the one way in
(lock, read-write connection, check, load), used by `python -m hrdash import` (hrdash/cli/imports.py), `update` and
the Data page (page.py); dictionary.py is the data dictionary (tables, columns, import rules).
"""
