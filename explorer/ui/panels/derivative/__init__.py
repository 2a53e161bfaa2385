"""The Derivative panel: f, f′ (and f″), a draggable tangent, secant → tangent, error vs h.

``panel`` (``DerivativePanel``) wires the parts together; ``formula`` shows a derivative our
rules derived and sympy's tidier form from the worker (used for f′ and f″) and fits the plot
title; ``side_column`` holds the controls and readouts, ``controls`` the h slider and steps pane,
``x0_input`` the x₀ box, ``items`` the tangent, secant and band drawn on the plot, and ``limits``
the h → 0 table and error-vs-h views.
"""
