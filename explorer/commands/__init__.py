"""Subcommands of ``calculus-explorer``: one module per command, each with ``register(registry)``.

See ``explorer.cli`` for the registry. Modules here must import Qt lazily (inside functions).
"""
