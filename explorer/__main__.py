"""`python -m explorer` does what the `calculus-explorer` command does."""

from explorer.cli import main

raise SystemExit(main())
