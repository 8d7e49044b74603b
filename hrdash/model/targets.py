"""EA2's target rules: what each kind of ratification target in `ea_target` asks for, in words.

The rules themselves run in SQL (queries/ratification_ea2_targets.sql) over the ratification table,
so "met" and "since when" are computed, never typed. This module names and explains them for the
pages that show targets (Ratification, Expected accomplishments, Country profile); a test keeps its
labels equal to the query's.

- `ratify_covenant_or_icerd`, `ratify_cmw`, `ratify_ccpr_op2`, `ratify_cescr_op`: the country is a
  party to any of the target's instruments (`ea_target.instruments`); met on the first consent date.
- `ratify_optional_protocols`: the country becomes a party to at least one optional protocol it was
  not party to at the baseline (31 December 2013, the Management Plan's baseline); so it is never met
  at the baseline itself, and protocols ratified before it do not count.
- `withdraw_reservations`: no instrument the country is party to carries reservations. The data hold
  only a current reservations flag, not withdrawal dates, so the date it was met is unknown, and
  before the last date of the ratification data "met" is unknown unless a reservation still in force
  had already been made (then it is "no").
"""

from __future__ import annotations

from dataclasses import dataclass

from .indicators import BASELINE_YEAR

QUERY = "ratification_ea2_targets"
MET_VALUES = ("yes", "no", "unknown")


@dataclass(frozen=True)
class TargetRule:
    """One kind of EA2 target: its label, the rule in words, and whether its date can be known."""

    kind: str
    label: str
    rule: str
    date_known: bool = True


RULES: dict[str, TargetRule] = {
    r.kind: r
    for r in [
        TargetRule(
            "ratify_covenant_or_icerd",
            "Ratify one of the two Covenants or ICERD",
            "Met once the country is a party to the ICCPR, the ICESCR or ICERD (any one of them).",
        ),
        TargetRule(
            "ratify_cmw",
            "Ratify the Migrant Workers Convention (ICMW)",
            "Met once the country is a party to the ICMW.",
        ),
        TargetRule(
            "ratify_ccpr_op2",
            "Ratify the Second Optional Protocol to the ICCPR (death penalty)",
            "Met once the country is a party to the Second Optional Protocol to the ICCPR.",
        ),
        TargetRule(
            "ratify_cescr_op",
            "Ratify the Optional Protocol to the ICESCR",
            "Met once the country is a party to the Optional Protocol to the ICESCR.",
        ),
        TargetRule(
            "ratify_optional_protocols",
            "Ratify an Optional Protocol not ratified by the baseline",
            f"Met once the country is a party to at least one optional protocol it was not party to on "
            f"31 December {BASELINE_YEAR} (the baseline); protocols ratified earlier do not count.",
        ),
        TargetRule(
            "withdraw_reservations",
            "Withdraw reservations",
            "Met when no instrument the country is party to carries reservations. The data record current "
            "reservations only, not when one was withdrawn: the date is unknown, and so is the status on "
            "earlier dates unless a reservation still in force had already been made. Where the data do not say "
            "whether a party made reservations (the bundled UN Treaty Collection status does not give them), the "
            "status reads 'not known' and the target is 'unknown'.",
            date_known=False,
        ),
    ]
}


def rule(kind: str) -> TargetRule:
    """Return the rule of an EA2 target kind; raise KeyError naming the kinds that exist."""
    try:
        return RULES[kind]
    except KeyError:
        raise KeyError(f"no EA2 target rule {kind!r}; the rules are {', '.join(RULES)}") from None


def params(year_to: int, baseline_year: int = BASELINE_YEAR) -> dict[str, int]:
    """Return the non-filter parameters of the targets query: the date to evaluate and the baseline."""
    return {"year_to": year_to, "baseline_year": baseline_year}


def summary(met: list[str]) -> dict[str, int]:
    """Return how many targets are met, not met and unknown, from the query's `met` column."""
    unexpected = set(met) - set(MET_VALUES)
    if unexpected:
        raise ValueError(f"unexpected 'met' values {sorted(unexpected)}; expected {MET_VALUES}")
    return {v: met.count(v) for v in MET_VALUES}
