#!/usr/bin/env python3
"""Reference values for src/agree/tests.rs: Cohen's kappa (scikit-learn) and
Krippendorff's alpha, nominal (the `krippendorff` package), on the same data
as the Rust tests. Not part of `npm test`; run it in a scratch venv:

    python3 -m venv /tmp/venv && /tmp/venv/bin/pip install scikit-learn krippendorff
    /tmp/venv/bin/python scripts/agree-reference.py

Kappa cases are two strings of labels, one character per item; alpha cases are
one string per annotator, one character per unit, `.` for a missing value.
"""
import warnings

import krippendorff
import numpy as np
from sklearn.metrics import cohen_kappa_score

KAPPA = [
    ("qqruqrq", "qrruqqq"),  # mixed kinds
    ("xyx", "xyx"),  # perfect agreement
    ("xxx", "xxx"),  # one category only
    ("10", "01"),  # opposite
    ("11000100", "10001100"),  # a verdict tag present or not
    ("xx", "yy"),  # each constant, different
]
ALPHA = [
    ["123321412...", "1233224125.3", ".3332342251.", "12332441251."],  # Krippendorff (2011)
    ["1212", "1212", "12.2"],  # perfect agreement
    ["1123.1", "12231.", ".12111"],  # three annotators, missing values
    ["111", "111", "11."],  # one category only
    ["1..", ".2.", "..1"],  # no overlap: no unit with two values
]

from importlib.metadata import version

print(f"scikit-learn {version('scikit-learn')}, krippendorff {version('krippendorff')}")
for a, b in KAPPA:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        print(f"kappa {a!r} {b!r}: {cohen_kappa_score(list(a), list(b))!r}")
for rows in ALPHA:
    data = [[np.nan if c == "." else float(c) for c in r] for r in rows]
    try:
        value = repr(krippendorff.alpha(reliability_data=data, level_of_measurement="nominal"))
    except Exception as e:  # the package refuses degenerate data
        value = f"refused: {e}"
    print(f"alpha {rows!r}: {value}")
