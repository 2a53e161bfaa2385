"""The colours stay apart for colour-blind readers: every pair of curve roles, and above all the
tangent and the secant, under simulated protanopia, deuteranopia and tritanopia.

Simulation: Machado, Oliveira & Fernandes (2009), severity 1, on linear RGB; distance: CIE76 ΔE
in CIELAB (D65). The old secant (orange) beside the tangent (vermilion) is the counter-example.
"""

from __future__ import annotations

import itertools

import numpy as np
import pytest

from explorer.ui import palette

MACHADO_2009 = {
    "protanopia": [
        [0.152286, 1.052583, -0.204868],
        [0.114503, 0.786281, 0.099216],
        [-0.003882, -0.048116, 1.051998],
    ],
    "deuteranopia": [
        [0.367322, 0.860646, -0.227968],
        [0.280085, 0.672501, 0.047413],
        [-0.011820, 0.042940, 0.968881],
    ],
    "tritanopia": [
        [1.255528, -0.076749, -0.178779],
        [-0.078411, 0.930809, 0.147602],
        [0.004733, 0.691367, 0.303900],
    ],
    "normal vision": np.eye(3).tolist(),
}
ROLES = {
    "f": palette.FUNCTION,
    "f′": palette.DERIVATIVE,
    "f″": palette.SECOND_DERIVATIVE,
    "tangent": palette.TANGENT,
    "secant": palette.SECANT,
}


def linear_rgb(colour: str) -> np.ndarray:
    srgb = np.array(palette.rgb(colour)) / 255.0
    return np.where(srgb <= 0.04045, srgb / 12.92, ((srgb + 0.055) / 1.055) ** 2.4)


def lab(linear: np.ndarray) -> np.ndarray:
    to_xyz = np.array(
        [[0.4124, 0.3576, 0.1805], [0.2126, 0.7152, 0.0722], [0.0193, 0.1192, 0.9505]]
    )
    xyz = to_xyz @ np.clip(linear, 0.0, 1.0) / np.array([0.95047, 1.0, 1.08883])
    f = np.where(xyz > (6 / 29) ** 3, np.cbrt(xyz), xyz / (3 * (6 / 29) ** 2) + 4 / 29)
    return np.array([116 * f[1] - 16, 500 * (f[0] - f[1]), 200 * (f[1] - f[2])])


def seen_apart(a: str, b: str, vision: str) -> float:
    matrix = np.array(MACHADO_2009[vision])
    return float(np.linalg.norm(lab(matrix @ linear_rgb(a)) - lab(matrix @ linear_rgb(b))))


@pytest.mark.parametrize("vision", list(MACHADO_2009))
def test_tangent_and_secant_are_told_apart(vision):
    assert seen_apart(palette.TANGENT, palette.SECANT, vision) > 40


@pytest.mark.parametrize("vision", list(MACHADO_2009))
def test_every_pair_of_curve_roles_stays_apart(vision):
    for (name_a, a), (name_b, b) in itertools.combinations(ROLES.items(), 2):
        assert seen_apart(a, b, vision) > 15, (name_a, name_b, vision)


@pytest.mark.parametrize("vision", ["protanopia", "deuteranopia", "tritanopia"])
def test_the_old_orange_secant_was_the_problem(vision):
    # Orange sits less than a third as far from the tangent's vermilion as the sky blue does.
    old = seen_apart(palette.TANGENT, palette.ORANGE, vision)
    assert old < seen_apart(palette.TANGENT, palette.SECANT, vision) / 3


def test_roles_are_okabe_ito_colours():
    assert set(ROLES.values()) <= set(palette.OKABE_ITO)
    assert set(palette.CURVE_CYCLE) <= set(palette.OKABE_ITO)
