"""The integral lab's core: bounds, Riemann sums, their convergence, mpmath quadrature with its
hard cases named, the accumulation function F(x) = ∫ₐˣ f and the fundamental theorem's check.

Qt-free; sympy runs only in the worker task module ``explorer.core.integral.tasks``.
"""
