"""The pure model of Calculus Explorer: numpy and sympy only, never Qt or pyqtgraph."""
