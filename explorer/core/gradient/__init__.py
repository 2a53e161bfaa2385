"""The Gradient lab's model: f(x, y) on grids, partials and the gradient, level curves,
directional derivatives, linear approximation, critical points and the seed's vector rules."""
