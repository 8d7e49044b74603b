"""`python -m hrdash brief`: one country's deck, and one deck per target country of an EA, with progress."""

from __future__ import annotations

import io
import re
import shutil
import subprocess
import sys
from pathlib import Path

import duckdb
import pytest
from pptx import Presentation

from hrdash.__main__ import main
from tests.helpers.paths import ROOT


def deck(path: Path):
    return Presentation(io.BytesIO(path.read_bytes()))


def titles(path: Path) -> list[str]:
    return [s.shapes.title.text for s in deck(path).slides if s.shapes.title is not None]


def series_of(path: Path, title_start: str) -> dict[str, list[float]]:
    slide = next(s for s in deck(path).slides if s.shapes.title.text.startswith(title_start))
    chart = next(s.chart for s in slide.shapes if s.has_chart)
    return {s.name: list(s.values) for s in chart.plots[0].series}


def test_one_country_by_code(built_db, con, tmp_path, capsys):
    out = tmp_path / "briefs" / "liberia.pptx"
    assert main(["brief", "--country", "LBR", "--out", str(out), "--db", str(built_db)]) == 0
    assert capsys.readouterr().out.strip() == f"LBR → {out}"
    assert titles(out)[:3] == ["Country brief: Liberia", "Liberia: key figures", "Liberia compared with the Africa "
                               "region (2008–2026)"]  # fmt: skip
    assert titles(out)[-1] == "Sources"
    per_year = dict(con.execute("""select year(sent_date), count(*) from sp_communication
                                   where country_iso3 = 'LBR' group by 1""").fetchall())  # fmt: skip
    assert series_of(out, "Special Procedures communications")["Communications"] == [
        float(per_year.get(y, 0)) for y in range(2008, 2027)
    ]


def test_one_country_by_name_into_a_directory_for_some_years(built_db, con, tmp_path, capsys):
    out = tmp_path / "decks"
    assert main(["brief", "--country", "republic of moldova", "--out", str(out), "--db", str(built_db),
                 "--from", "2010", "--to", "2013"]) == 0  # fmt: skip
    path = out / "MDA.pptx"
    assert capsys.readouterr().out.strip() == f"MDA → {path}"
    first = "\n".join(s.text_frame.text for s in deck(path).slides[0].shapes if s.has_text_frame)
    assert "Filters: Country: Republic of Moldova (MDA); Years: 2010–2013" in first
    party = con.execute("select count(*) from ratification where country_iso3 = 'MDA' and consent_date <= '2013-12-31'")
    key_figures = "\n".join(s.text_frame.text for s in deck(path).slides[1].shapes if s.has_text_frame)
    assert f"Party to {party.fetchone()[0]} of 18 instruments as of 31 December 2013" in key_figures
    assert "Human Rights Adviser deployed since 2008 (source: seed:002)" in key_figures


def test_one_deck_per_target_country_with_progress(built_db, con, tmp_path, capsys):
    out = tmp_path / "ea11"
    assert main(["brief", "--targets", "EA11", "--out", str(out), "--db", str(built_db)]) == 0
    lines = capsys.readouterr().out.strip().split("\n")
    expected = [c for (c,) in con.execute(
        "select distinct country_iso3 from ea_target where ea_code = 'EA11' order by 1").fetchall()]  # fmt: skip
    assert lines[0] == f"{len(expected)} target countries of EA11 → {out}"
    assert lines[1:] == [f"[{i}/{len(expected)}] {c} → {out / (c + '.pptx')}" for i, c in enumerate(expected, 1)]
    assert sorted(p.stem for p in out.glob("*.pptx")) == expected
    names = dict(con.execute("select iso3, name from country").fetchall())
    for iso3 in expected:
        assert titles(out / f"{iso3}.pptx")[0] == f"Country brief: {names[iso3]}"


@pytest.mark.parametrize(
    "args, message",
    [
        (["--targets", "EA3", "--out", "x"], "no target countries for 'EA3'"),
        (["--country", "Atlantis"], "no country is called or coded 'Atlantis'"),
        (["--targets", "EA6"], "--targets needs --out DIR"),
    ],
)
def test_mistakes_are_said_plainly(built_db, tmp_path, capsys, args, message):
    assert main(["brief", *args, "--db", str(built_db)]) == 2
    assert message in capsys.readouterr().err


def test_a_missing_database_is_said(tmp_path, capsys):
    assert main(["brief", "--country", "LBR", "--db", str(tmp_path / "none.duckdb")]) == 2
    assert "no database at" in capsys.readouterr().err


def test_a_database_built_from_older_sources_is_said(built_db, tmp_path, capsys):
    old = tmp_path / "old.duckdb"
    shutil.copy(built_db, old)
    with duckdb.connect(str(old)) as con:  # as a database built before the schema or its macros changed
        con.execute("update build_info set value = 'older' where key = 'sources_hash'")
    assert main(["brief", "--country", "LBR", "--out", str(tmp_path), "--db", str(old)]) == 2
    assert "was built from older sources; run `python -m hrdash build`" in capsys.readouterr().err
    assert not (tmp_path / "LBR.pptx").exists()


def test_the_command_line_entry_point(built_db, tmp_path):
    proc = subprocess.run(
        [sys.executable, "-m", "hrdash", "brief", "--country", "TZA", "--out", str(tmp_path), "--db", str(built_db)],
        cwd=ROOT, capture_output=True, text=True, timeout=120,
    )  # fmt: skip
    assert proc.returncode == 0, proc.stderr
    assert re.fullmatch(r"TZA → .*TZA\.pptx\n", proc.stdout)
    cells = [c.text for slide in deck(tmp_path / "TZA.pptx").slides for shape in slide.shapes if shape.has_table
             for row in shape.table.rows for c in row.cells]  # fmt: skip
    assert "seed:001" in cells  # the UNCT's UPR follow-up plan in Tanzania, cited
