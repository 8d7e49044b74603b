"""Resolve the country names and codes real files use to the ISO3 keys of the country table.

Only exact matches count, never a name found inside a longer text ("Not Kenya" is not Kenya). In order:
ISO3 code, ISO2 code (upper case), the alias table (data/reference/country_alias.csv), then the names of the country
table and of country_converter's table (its short and official names: its regular expressions match
substrings, so they are not used) compared in a normalised form: no accents, case, spaces or punctuation,
"&" read as "and", "St" as "Saint", "the" left out, and "Moldova, Republic of" / "Iran (Islamic Republic
of)" also read turned round ("Republic of Moldova"), so "bosniaandherzegovina", "St Kitts & Nevis" and
"Congo, The Democratic Republic Of The" match. A list ("Ecuador and Spain", "Canada, Mexico") is split
where it matches exactly as several names. A name that does not match gets a "did you mean …?" from the
closest names. Results are cached per distinct name.
"""

from __future__ import annotations

import difflib
import html
import re
import unicodedata
from dataclasses import dataclass
from functools import cache, lru_cache
from typing import Literal

import pandas as pd

from ..paths import REFERENCE

UNKNOWN = "UNKNOWN"
Status = Literal["state", "outside", "unknown", "unresolved"]
MAX_PARTS = 24  # pieces of a list of names tried as a joint recommendation (the longest real one has 5)

_FOOTNOTES = re.compile(r"(?:\s+\d{1,2}(?:\s*,\s*\d{1,2})*)+$")  # "Albania 3", "Participant 2, 3, 4"
_TRAILING = re.compile(r"[\s;,.:*]+$")
_JOINT = re.compile(r"(\s*(?:,|;|\band\b|&)\s*)", re.IGNORECASE)
_WORDS = re.compile(r"[a-z0-9]+")
_COMMA = re.compile(r"^([^,()]+),\s*([^,()]+)$")  # "Moldova, Republic of"
_PAREN = re.compile(r"^([^()]+?)\s*\(([^()]+)\)$")  # "Iran (Islamic Republic of)"


def squash(name: str) -> str:
    """Return the name without accents, case, spaces or punctuation ("Côte d'Ivoire" -> "cotedivoire")."""
    decomposed = unicodedata.normalize("NFKD", name)
    return "".join(ch for ch in decomposed if ch.isascii() and ch.isalpha()).lower()


def _key(name: str) -> str:
    ascii_ = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode().lower().replace("&", " and ")
    words = ["saint" if w == "st" else w for w in _WORDS.findall(ascii_) if w != "the"]
    return "".join(w for w in words if not w.isdigit())


def keys(name: str) -> set[str]:
    """Return the normalised forms a name is compared in: as written, and turned round at a comma or parenthesis."""
    out = {_key(name)}
    for pattern in (_COMMA, _PAREN):
        if m := pattern.match(name.strip()):
            out.add(_key(f"{m.group(2)} {m.group(1)}"))
    return {k for k in out if k}


def clean(raw: object) -> str:
    """Return a name with HTML entities decoded, footnote numbers, trailing ';' and extra spaces removed."""
    if raw is None or (isinstance(raw, float) and pd.isna(raw)):
        return ""
    s = html.unescape(str(raw)).replace("\u00a0", " ")
    s = re.sub(r"\s+", " ", s).strip()
    s = _TRAILING.sub("", s)
    s = _FOOTNOTES.sub("", s)
    return _TRAILING.sub("", s).strip()


@dataclass(frozen=True)
class Resolution:
    """What a name stands for: ISO3 codes in the country table, codes outside it, or nothing."""

    name: str
    codes: tuple[str, ...] = ()  # ISO3 codes in the country table (or UNKNOWN)
    outside: tuple[str, ...] = ()  # ISO3 codes the library knows that are not in the country table
    how: str = ""  # iso3 / iso2 / alias / name / joint
    missing: tuple[str, ...] = ()  # the parts of a list that match nothing

    @property
    def status(self) -> Status:
        if self.codes == (UNKNOWN,):
            return "unknown"
        if self.codes and not self.outside and not self.missing:
            return "state"
        if self.outside and not self.codes and not self.missing:
            return "outside"
        return "unresolved"


class Resolver:
    """Resolves names and codes against the country table; one per process (see `resolver()`)."""

    def __init__(self, countries: pd.DataFrame, aliases: pd.DataFrame, library: pd.DataFrame | None = None) -> None:
        self.iso3 = set(countries["iso3"])
        self.iso2 = dict(zip(countries["iso2"], countries["iso3"]))
        self.names = dict(zip(countries["iso3"], countries["name"]))
        self.by_key: dict[str, tuple[str, ...]] = {}
        self.library_iso2: dict[str, str] = {}
        if library is not None:  # country_converter's names: weakest, so first (the later tables overwrite them)
            for col in ("name_official", "name_short"):
                for n, i in zip(library[col], library["ISO3"]):
                    self._add(str(n), (str(i),))
            self.library_iso2 = {str(a): str(b) for a, b in zip(library["ISO2"], library["ISO3"])}
            self.names |= {str(i): str(n) for n, i in zip(library["name_short"], library["ISO3"]) if i not in self.iso3}
        for col in ("official_name", "name"):  # short names win over official ones
            for n, i in zip(countries[col], countries["iso3"]):
                self._add(n, (i,))
        self.alias_codes: dict[str, tuple[str, ...]] = {}
        for r in aliases.itertuples(index=False):
            codes = tuple(c.strip() for c in r.iso3.split(";"))
            if r.context == "code":
                self.alias_codes[r.alias.strip()] = codes
            else:
                self._add(clean(r.alias), codes)
        self._suggestible = sorted(k for k, v in self.by_key.items() if len(v) == 1 and v[0] in self.iso3)

    def _add(self, name: str, codes: tuple[str, ...]) -> None:
        for k in {squash(name), *keys(name)}:  # squashed as written ("democraticrepublicofthecongo") too
            self.by_key[k] = codes

    def _result(self, name: str, codes: tuple[str, ...], how: str, missing: tuple[str, ...] = ()) -> Resolution:
        inside = tuple(c for c in codes if c in self.iso3 or c == UNKNOWN)
        return Resolution(name, inside, tuple(c for c in codes if c not in inside), how, missing)

    def _exact(self, name: str) -> tuple[tuple[str, ...], str] | None:
        """Return (codes, how) for a name that is a code, an alias or a name as a whole; None otherwise."""
        if re.fullmatch(r"[A-Z]{3}", name) and name in self.iso3:  # upper case: "and" is not Andorra
            return (name,), "iso3"
        if re.fullmatch(r"[A-Z]{2}", name) and name in self.iso2:
            return (self.iso2[name],), "iso2"
        for k in [squash(name), *keys(name)]:
            if k in self.by_key:
                return self.by_key[k], "name"
        return None

    @lru_cache(maxsize=65536)  # noqa: B019 - one Resolver per process, kept for its lifetime
    def resolve(self, raw: str, multi: bool = False) -> Resolution:
        """Return what a country name (or code) stands for; `multi` allows "Ecuador and Spain"."""
        name = clean(raw)
        if not name:
            return Resolution(name)
        found = self._exact(name)
        if found is not None:
            codes, how = found
            res = self._result(name, codes, how)
            return res if multi or len(codes) == 1 else Resolution(name, how="joint")
        parts = _JOINT.split(name)
        if len(parts) < 3 or len(parts) > 2 * MAX_PARTS:
            return Resolution(name)
        codes, missing = self._segments(parts[0::2], parts[1::2])
        if not multi:
            return Resolution(name, how="joint" if codes and not missing else "")
        return self._result(name, codes, "joint", missing) if codes or missing else Resolution(name)

    def _segments(self, pieces: list[str], seps: list[str]) -> tuple[tuple[str, ...], tuple[str, ...]]:
        """Return (codes, pieces matching nothing) of the split of a list that leaves the fewest pieces unmatched."""
        n = len(pieces)
        best: list[tuple[int, int, tuple[str, ...], tuple[str, ...]] | None] = [None] * n + [(0, 0, (), ())]
        for i in range(n - 1, -1, -1):
            options = []
            for j in range(i + 1, n + 1):
                text = "".join(p + s for p, s in zip(pieces[i:j], [*seps[i : j - 1], ""])).strip()
                found = self._exact(clean(text)) if text else None
                rest = best[j]
                if found is not None and rest is not None:
                    options.append((rest[0], rest[1] + 1, found[0] + rest[2], rest[3]))
            rest = best[i + 1]
            if rest is not None:  # this piece matches nothing
                options.append((rest[0] + 1, rest[1] + 1, rest[2], (pieces[i].strip(), *rest[3])))
            best[i] = min(options, key=lambda o: (o[0], o[1])) if options else None
        _, _, codes, missing = best[0] or (0, 0, (), ())
        return codes, tuple(m for m in missing if m)

    @lru_cache(maxsize=4096)  # noqa: B019
    def resolve_code(self, raw: str) -> Resolution:
        """Return what an ISO2/ISO3 code stands for, including the alias table's obsolete codes."""
        code = str(raw or "").strip()
        if code in self.alias_codes:
            return self._result(code, self.alias_codes[code], "alias")
        if code.upper() in self.iso3:
            return self._result(code, (code.upper(),), "iso3")
        if code.upper() in self.iso2:
            return self._result(code, (self.iso2[code.upper()],), "iso2")
        if len(code) == 2 and code.upper() in self.library_iso2:
            return self._result(code, (self.library_iso2[code.upper()],), "iso2")
        return Resolution(code)

    @lru_cache(maxsize=4096)  # noqa: B019
    def suggest(self, raw: str) -> str | None:
        """Return the country table's name closest to a name that matched nothing (a near miss), or None."""
        k = _key(clean(raw))
        if len(k) < 4:
            return None
        close = difflib.get_close_matches(k, self._suggestible, n=1, cutoff=0.8)
        return self.name_of(self.by_key[close[0]][0]) if close else None

    def name_of(self, iso3: str) -> str:
        """Return the country table's short name of an ISO3 code (the code itself if unknown)."""
        return self.names.get(iso3, iso3)


def read_aliases() -> pd.DataFrame:
    """Return the alias table (data/reference/country_alias.csv)."""
    return pd.read_csv(REFERENCE / "country_alias.csv", dtype=str, keep_default_na=False)


@cache
def _library() -> pd.DataFrame:
    import country_converter as coco

    data = coco.CountryConverter().data
    return data[["name_short", "name_official", "ISO2", "ISO3"]].astype(str)


@cache
def resolver() -> Resolver:
    """Return the process-wide resolver built from the reference country and alias tables and country_converter's."""
    countries = pd.read_csv(REFERENCE / "country.csv", dtype=str, keep_default_na=False)
    return Resolver(countries, read_aliases(), _library())
