"""Resolve the country names and codes real files use to the ISO3 keys of the country table.

Order (first hit wins): ISO3 code, ISO2 code, the alias table (data/reference/country_alias.csv),
the country table's names compared in a squashed form (no accents, case, spaces or punctuation,
so "bosniaandherzegovina" matches), then country_converter's regular expressions. Results are
cached per distinct name: country_converter costs about a millisecond per name, a real file has
at most a few hundred distinct names, a canonical file of a million rows only ~200.
"""

from __future__ import annotations

import html
import logging
import re
import unicodedata
from dataclasses import dataclass
from functools import cache, lru_cache
from typing import Literal

import pandas as pd

from .paths import REFERENCE

UNKNOWN = "UNKNOWN"
Status = Literal["state", "outside", "unknown", "unresolved"]

_FOOTNOTES = re.compile(r"(?:\s+\d{1,2}(?:\s*,\s*\d{1,2})*)+$")  # "Albania 3", "Participant 2, 3, 4"
_TRAILING = re.compile(r"[\s;,.:*]+$")
_JOINT = re.compile(r"\s*(?:,|;|\band\b|&)\s*", re.IGNORECASE)
_NOT_FOUND = "\x00not found"


def squash(name: str) -> str:
    """Return the name without accents, case, spaces or punctuation ("Côte d'Ivoire" -> "cotedivoire")."""
    decomposed = unicodedata.normalize("NFKD", name)
    return "".join(ch for ch in decomposed if ch.isascii() and ch.isalpha()).lower()


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
    how: str = ""  # iso3 / iso2 / alias / name / library / joint

    @property
    def status(self) -> Status:
        if self.codes == (UNKNOWN,):
            return "unknown"
        if self.codes and not self.outside:
            return "state"
        if self.outside and not self.codes:
            return "outside"
        return "unresolved"


class Resolver:
    """Resolves names and codes against the country table; one per process (see `resolver()`)."""

    def __init__(self, countries: pd.DataFrame, aliases: pd.DataFrame) -> None:
        self.iso3 = set(countries["iso3"])
        self.iso2 = dict(zip(countries["iso2"], countries["iso3"]))
        self.names = dict(zip(countries["iso3"], countries["name"]))
        self.by_key: dict[str, str] = {}
        for col in ("official_name", "name"):  # short names win over official ones
            self.by_key.update({squash(n): i for n, i in zip(countries[col], countries["iso3"])})
        self.alias_names: dict[str, tuple[str, ...]] = {}
        self.alias_codes: dict[str, tuple[str, ...]] = {}
        for r in aliases.itertuples(index=False):
            codes = tuple(c.strip() for c in r.iso3.split(";"))
            if r.context == "code":
                self.alias_codes[r.alias.strip()] = codes
            else:
                self.alias_names[squash(clean(r.alias))] = codes

    def _result(self, name: str, codes: tuple[str, ...], how: str) -> Resolution:
        inside = tuple(c for c in codes if c in self.iso3 or c == UNKNOWN)
        return Resolution(name, inside, tuple(c for c in codes if c not in inside), how)

    @lru_cache(maxsize=65536)  # noqa: B019 - one Resolver per process, kept for its lifetime
    def resolve(self, raw: str, multi: bool = False) -> Resolution:
        """Return what a country name (or code) stands for; `multi` allows "Ecuador and Spain"."""
        name = clean(raw)
        if not name:
            return Resolution(name)
        if re.fullmatch(r"[A-Za-z]{3}", name) and name.upper() in self.iso3:
            return self._result(name, (name.upper(),), "iso3")
        if re.fullmatch(r"[A-Z]{2}", name) and name in self.iso2:
            return self._result(name, (self.iso2[name],), "iso2")
        key = squash(name)
        if key in self.alias_names:
            found = self._result(name, self.alias_names[key], "alias")
            return found if multi or len(found.codes) + len(found.outside) == 1 else Resolution(name, how="joint")
        if key in self.by_key:
            return self._result(name, (self.by_key[key],), "name")
        codes = _library(name)
        if len(codes) == 1:
            return self._result(name, codes, "library")
        if multi and _JOINT.search(name):
            parts = [self.resolve(p) for p in _JOINT.split(name) if p.strip()]
            if parts and all(p.status == "state" for p in parts):
                return self._result(name, tuple(c for p in parts for c in p.codes), "joint")
        if multi and len(codes) > 1:
            return self._result(name, codes, "library")
        return Resolution(name, how="joint" if len(codes) > 1 else "")

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
        codes = _library(code, src="ISO2") if len(code) == 2 else ()
        return self._result(code, codes, "library") if codes else Resolution(code)

    def name_of(self, iso3: str) -> str:
        """Return the country table's short name of an ISO3 code (the code itself if unknown)."""
        return self.names.get(iso3, iso3)


@cache
def _converter():
    import country_converter as coco

    logging.getLogger("country_converter").setLevel(logging.ERROR)  # it logs every miss
    return coco.CountryConverter()


@lru_cache(maxsize=65536)
def _library(name: str, src: str = "regex") -> tuple[str, ...]:
    out = _converter().convert(name, src=src, to="ISO3", not_found=_NOT_FOUND, enforce_list=True)
    flat = [c for item in out for c in (item if isinstance(item, list) else [item])]
    return tuple(c for c in flat if isinstance(c, str) and re.fullmatch(r"[A-Z]{3}", c))


def read_aliases() -> pd.DataFrame:
    """Return the alias table (data/reference/country_alias.csv)."""
    return pd.read_csv(REFERENCE / "country_alias.csv", dtype=str, keep_default_na=False)


@cache
def resolver() -> Resolver:
    """Return the process-wide resolver built from the reference country and alias tables."""
    countries = pd.read_csv(REFERENCE / "country.csv", dtype=str, keep_default_na=False)
    return Resolver(countries, read_aliases())
