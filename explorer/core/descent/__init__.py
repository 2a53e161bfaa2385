"""Gradient descent, animated: optimizers racing on a typed f, diagnosed and explained (no Qt)."""
