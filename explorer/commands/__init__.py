"""Subcommands of ``calculus-explorer``: one module per command, each with ``register(registry)``.

This package's own module holds what commands share, so no command imports ``explorer.cli``:
the ``CommandRegistry`` they register with, ``CommandError`` and the exit codes. Modules here
must import Qt lazily (inside functions): ``--version`` and the text-only commands stay fast and
work without a display. ``explorer.cli`` discovers the modules, builds the parser and runs them.
``add_expression_argument`` / ``expression_argument`` are the one way a command takes its
expression: positionally or as ``--expr``.
"""

from __future__ import annotations

import argparse
import os
import signal
import sys
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from explorer.core.text import pasteable_numbers

PROG = "calculus-explorer"
EXIT_OK = 0
EXIT_FAILURE = 1
EXIT_USAGE = 2  # bad input: a bad expression, range, size or file name
# What a shell reports for a process stopped by SIGPIPE (128 + 13), e.g. `diff ... | head`.
EXIT_BROKEN_PIPE = 128 + getattr(signal, "SIGPIPE", 13)

Configure = Callable[[argparse.ArgumentParser], None]


class CommandError(Exception):
    """A problem to report on stderr (no traceback) with an exit code."""

    def __init__(self, message: str, exit_code: int = EXIT_USAGE):
        super().__init__(message)
        self.message = message
        self.exit_code = exit_code


# The image size of an export when --width/--height are left out (unless the kind says otherwise).
DEFAULT_EXPORT_SIZE = (1200, 800)


@dataclass(frozen=True)
class ExportKind:
    name: str
    help: str
    configure: Configure
    # Builds what to render (a panel, plot view or scene) from the parsed arguments. Runs after
    # the QApplication exists; raises ExprError or CommandError for bad input.
    build_target: Callable[[argparse.Namespace], Any]
    # What --help says the size is when not given; None: DEFAULT_EXPORT_SIZE.
    default_size_help: str | None = None
    # Formats the kind writes itself besides PNG/SVG, by suffix: writer(target, args) -> path
    # written (e.g. "gif" for an animation).
    extra_formats: dict[str, Callable[[Any, argparse.Namespace], str]] | None = None


class CommandRegistry:
    """Collects the subcommands contributed by the modules in ``explorer.commands``."""

    def __init__(self) -> None:
        self.commands: dict[str, tuple[str, Configure, Callable[[argparse.Namespace], int]]] = {}
        self.exports: dict[str, ExportKind] = {}

    def add_command(
        self,
        name: str,
        *,
        help: str,  # noqa: A002 - mirrors argparse
        configure: Configure,
        run: Callable[[argparse.Namespace], int],
    ) -> None:
        """A top-level subcommand; ``run(args)`` returns the exit code."""
        if name in self.commands or name in ("export",):
            raise ValueError(f"command {name!r} is already registered")
        self.commands[name] = (help, configure, run)

    def add_export(
        self,
        name: str,
        *,
        help: str,  # noqa: A002 - mirrors argparse
        configure: Configure,
        build_target: Callable[[argparse.Namespace], Any],
        default_size_help: str | None = None,
        extra_formats: dict[str, Callable[[Any, argparse.Namespace], str]] | None = None,
    ) -> None:
        """A kind for ``export KIND --out FILE [--width W --height H]``.

        The common options are added for you; ``configure`` adds the kind's own. A kind that
        sizes its image itself when no size is given (its ``configure`` changes the defaults)
        says how in ``default_size_help``, which --help shows for both options.
        """
        if name in self.exports:
            raise ValueError(f"export kind {name!r} is already registered")
        self.exports[name] = ExportKind(
            name, help, configure, build_target, default_size_help, extra_formats
        )


def use_offscreen_qt_without_display() -> None:
    """Pick Qt's offscreen platform on X11/Wayland systems that have no display (CI, ssh)."""
    if sys.platform.startswith(("win", "darwin")) or os.environ.get("QT_QPA_PLATFORM"):
        return
    if not (os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")):
        os.environ["QT_QPA_PLATFORM"] = "offscreen"


def add_expression_argument(
    parser: argparse.ArgumentParser,
    help: str,  # noqa: A002 - mirrors argparse
    metavar: str = "EXPR",
) -> None:
    """The expression, as ``COMMAND EXPR`` or ``COMMAND --expr EXPR`` (either, once)."""
    parser.add_argument("expression", nargs="?", metavar=metavar, help=help)
    parser.add_argument(
        "--expr", dest="expression_option", metavar=metavar, help="the same, given as an option"
    )


def expression_argument(args: argparse.Namespace) -> str:
    """The expression given either way; a missing or twice-given one is a usage error."""
    positional, option = args.expression, args.expression_option
    if positional is not None and option is not None:
        raise CommandError("give the expression once: as an argument or with --expr, not both")
    text = option if option is not None else positional
    if text is None:
        raise CommandError(
            'the expression is missing: add it, e.g. "x^3 - 1/x" or --expr "x^3" '
            "(an export may instead draw a saved view with --session FILE)"
        )
    return text


def print_text(text: str, end: str = "\n") -> None:
    """Print a command's plain-text answer with its numbers as Python reads them (ASCII minus,
    ``1.5e20``), so a learner can paste them; formulas keep their own typography."""
    print(pasteable_numbers(text), end=end)
