"""Colour-vision helpers for tests: simulate deuteranopia and protanopia, and measure colour differences (CIE ΔE76).

The simulation is Machado, Oliveira & Fernandes (2009) at full severity, applied in linear RGB; the difference is the
Euclidean distance in CIELAB (D65). Enough to check that two colours stay apart for a reader with a red-green
deficiency (a ΔE of about 10 is clearly visible side by side; over 20 is a different colour).
"""

from __future__ import annotations

import numpy as np

MACHADO = {
    "normal": np.eye(3),
    "deuteranopia": np.array(
        [[0.367322, 0.860646, -0.227968], [0.280085, 0.672501, 0.047413], [-0.011820, 0.042940, 0.968881]]
    ),
    "protanopia": np.array(
        [[0.152286, 1.052583, -0.204868], [0.114503, 0.786281, 0.099216], [-0.003882, -0.048116, 1.051998]]
    ),
}


def _linear(hex_colour: str) -> np.ndarray:
    c = np.array([int(hex_colour.lstrip("#")[i : i + 2], 16) / 255 for i in (0, 2, 4)])
    return np.where(c <= 0.04045, c / 12.92, ((c + 0.055) / 1.055) ** 2.4)


def lab(hex_colour: str, vision: str = "normal") -> np.ndarray:
    """Return the CIELAB coordinates of a colour as seen with `vision` (normal, deuteranopia, protanopia)."""
    rgb = np.clip(MACHADO[vision] @ _linear(hex_colour), 0, 1)
    xyz = (
        np.array(
            [[0.4124564, 0.3575761, 0.1804375], [0.2126729, 0.7151522, 0.0721750], [0.0193339, 0.1191920, 0.9503041]]
        )
        @ rgb
    )
    xyz = xyz / np.array([0.95047, 1.0, 1.08883])
    f = np.where(xyz > (6 / 29) ** 3, np.cbrt(xyz), xyz / (3 * (6 / 29) ** 2) + 4 / 29)
    return np.array([116 * f[1] - 16, 500 * (f[0] - f[1]), 200 * (f[1] - f[2])])


def delta_e(a: str, b: str, vision: str = "normal") -> float:
    """Return the CIE76 colour difference of two colours as seen with `vision`."""
    return float(np.linalg.norm(lab(a, vision) - lab(b, vision)))
