"""Command line: ``calculus-explorer`` opens the window; subcommands export images and more.

Subcommands live in modules of ``explorer.commands`` (whose package module holds the
registry, ``CommandError`` and the exit codes); each has ``register(registry)`` and calls
``registry.add_command(...)`` (a top-level command such as ``diff``) or
``registry.add_export(...)`` (a kind for ``calculus-explorer export KIND``). Adding a command is
adding a module. Command modules must not import Qt at import time: ``--version`` and the
text-only commands stay fast and work without a display.

Values may start with a minus sign (``diff "-x^2"``, ``--xrange -2pi 2pi``, ``--at -pi/2``):
``ArgumentParser`` reads such a token as a value unless it is one of the parser's own options
(see ``looks_like_negative_value``).
"""

from __future__ import annotations

import argparse
import importlib
import os
import pkgutil
import sys
from collections.abc import Sequence

from explorer import __version__
from explorer.commands import (
    DEFAULT_EXPORT_SIZE,
    EXIT_BROKEN_PIPE,
    EXIT_FAILURE,
    EXIT_OK,
    EXIT_USAGE,
    PROG,
    CommandError,
    CommandRegistry,
    ExportKind,
    use_offscreen_qt_without_display,
)
from explorer.core.expr.errors import ExprError

SESSION_SUFFIX = ".calcx"  # explorer.core.session.SUFFIX, without importing the session module


def looks_like_negative_value(token: str) -> bool:
    """True for ``-x^2``, ``-2pi``, ``-.5``, ``-(x+1)``, ``-|x|``, ``-inf``: a minus sign, then a
    digit, point, bracket, bar or letter. ``--long`` options and a bare ``-`` are not values."""
    return len(token) >= 2 and token[0] == "-" and (token[1].isalnum() or token[1] in ".(|")


class ArgumentParser(argparse.ArgumentParser):
    """``argparse.ArgumentParser`` that takes expressions starting with a minus sign as values.

    Plain argparse reads any token starting with ``-`` as an option unless it is a plain negative
    number, so ``diff "-x^2"`` and ``--xrange -2pi 2pi`` failed with "arguments are required" or
    "expected 2 arguments". Here a token that ``looks_like_negative_value`` and is not one of this
    parser's own option strings (``-h``) is a value, wherever it stands. A ``--`` right before
    such a value is dropped, so ``diff -- "-x^2" --at 1`` still reads ``--at`` as an option.
    Subparsers are built with this class too (``add_subparsers`` uses ``type(self)``).
    """

    def parse_known_args(self, args=None, namespace=None):  # noqa: ANN001, ANN201 - argparse's
        tokens = list(sys.argv[1:] if args is None else args)
        kept = [
            token
            for index, token in enumerate(tokens)
            if not (
                token == "--"
                and index + 1 < len(tokens)
                and looks_like_negative_value(tokens[index + 1])
            )
        ]
        return super().parse_known_args(kept, namespace)

    def _parse_optional(self, arg_string):  # noqa: ANN001, ANN202 - argparse's private hook
        # None means "a positional or an option's value" in every Python from 3.10 on.
        if arg_string not in self._option_string_actions and looks_like_negative_value(arg_string):
            return None
        return super()._parse_optional(arg_string)


def discover(registry: CommandRegistry) -> CommandRegistry:
    """Import every module in ``explorer.commands`` and let it register its commands."""
    import explorer.commands as package

    for module_info in sorted(pkgutil.iter_modules(package.__path__), key=lambda m: m.name):
        if module_info.name.startswith("_"):
            continue
        module = importlib.import_module(f"{package.__name__}.{module_info.name}")
        module.register(registry)
    return registry


def build_parser(registry: CommandRegistry) -> argparse.ArgumentParser:
    parser = ArgumentParser(
        prog=PROG,
        description="Explore the calculus behind deep learning. Without a command, open the app.",
    )
    parser.add_argument("--version", action="version", version=f"{PROG} {__version__}")
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND")
    export_parser = subparsers.add_parser(
        "export", help="render an image (PNG or SVG) without opening a window"
    )
    kinds = export_parser.add_subparsers(dest="kind", metavar="KIND", required=True)
    for kind in registry.exports.values():
        kind_parser = kinds.add_parser(kind.name, help=kind.help, description=kind.help)
        _add_common_export_options(kind_parser, kind.default_size_help)
        kind.configure(kind_parser)
        _needed_unless_session(kind_parser)
    for name, (help_text, configure, _run) in registry.commands.items():
        configure(subparsers.add_parser(name, help=help_text, description=help_text))
    return parser


def _add_common_export_options(
    parser: argparse.ArgumentParser, default_size_help: str | None = None
) -> None:
    width, height = DEFAULT_EXPORT_SIZE
    parser.add_argument("--out", required=True, help="output file; .png or .svg picks the format")
    parser.add_argument(
        "--width",
        type=int,
        default=width,
        help=f"image width in pixels (default: {default_size_help or width})",
    )
    parser.add_argument(
        "--height",
        type=int,
        default=height,
        help=f"image height in pixels (default: {default_size_help or height})",
    )
    parser.add_argument(
        "--session",
        metavar="FILE",
        help="draw the view saved in this session file (.calcx) instead of the options below",
    )


def _needed_unless_session(parser: argparse.ArgumentParser) -> None:
    """A kind's required options (``--expr`` …) may be left out when ``--session`` gives the view;
    ``run_export`` asks for them otherwise, in argparse's words."""
    needed = []
    for action in parser._actions:  # argparse keeps no public list of a parser's arguments
        if action.required and action.dest != "out":
            action.required = False
            needed.append(("/".join(action.option_strings) or action.dest, action.dest))
    parser.set_defaults(needed_unless_session=needed)


def session_file_argument(tokens: Sequence[str]) -> str | None:
    """``calculus-explorer lesson.calcx``: a lone session file is opened in the app."""
    if len(tokens) == 1 and tokens[0].lower().endswith(SESSION_SUFFIX):
        return tokens[0]
    return None


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of ``calculus-explorer`` and ``python -m explorer``; returns the exit code."""
    session = session_file_argument(list(argv) if argv is not None else sys.argv[1:])
    if session is not None:
        from explorer.ui.app import run_gui

        return run_gui(session=session)
    registry = discover(CommandRegistry())
    parser = build_parser(registry)
    try:
        try:
            args = parser.parse_args(list(argv) if argv is not None else None)  # --help prints
            return _run(registry, args)
        finally:
            # Flushed here, even on --help's SystemExit, so a reader that went away (`| head`)
            # is noticed inside this try and not at interpreter exit. (No stdout at all under
            # pythonw, which runs the Windows gui-script.)
            if sys.stdout is not None:
                sys.stdout.flush()
    except BrokenPipeError:
        return _quiet_after_broken_pipe()
    except ExprError as error:
        return _fail(str(error), EXIT_USAGE)
    except CommandError as error:
        return _fail(error.message, error.exit_code)


def _run(registry: CommandRegistry, args: argparse.Namespace) -> int:
    if args.command is None:
        from explorer.ui.app import run_gui

        return run_gui()
    if args.command == "export":
        return run_export(registry.exports[args.kind], args)
    return registry.commands[args.command][2](args)


def _quiet_after_broken_pipe() -> int:
    """The reader of stdout closed it (``| head``): stop quietly, as a SIGPIPE'd tool does.

    Python's documented recipe: point stdout at devnull so the flush at interpreter exit
    does not raise a second BrokenPipeError and print "Exception ignored".
    """
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError):  # stdout without a file descriptor (tests capture it)
        pass
    return EXIT_BROKEN_PIPE


def run_export(kind: ExportKind, args: argparse.Namespace) -> int:
    """Render ``kind`` offscreen and write ``args.out``; nothing is written when input is bad."""
    needed = getattr(args, "needed_unless_session", [])
    missing = [label for label, dest in needed if getattr(args, dest, None) is None]
    if missing and args.session is None:
        raise CommandError(
            f"the following arguments are required: {', '.join(missing)} (or --session FILE)"
        )
    use_offscreen_qt_without_display()
    from explorer.ui import export
    from explorer.ui.app import ensure_application

    writer = (kind.extra_formats or {}).get(os.path.splitext(args.out)[1].lower().lstrip("."))
    try:
        if writer is None:
            export.format_for_path(args.out)
        export.check_size(args.width, args.height)
    except export.ExportError as error:
        raise CommandError(str(error)) from None
    ensure_application()
    if args.session is None:
        written = _write(writer, kind.build_target(args), args)
    else:
        from explorer.core.session import SessionError
        from explorer.ui.session_export import session_view

        try:
            with session_view(kind.name.title(), args.session) as panel:
                written = _write(writer, panel.export_target(), args)
        except SessionError as error:
            raise CommandError(f"{args.session}: {error}") from None
    print(f"Wrote {written} ({args.width}×{args.height})")
    return EXIT_OK


def _write(writer, target, args: argparse.Namespace):  # noqa: ANN001, ANN202
    from explorer.ui import export

    try:
        export.check_destination(args.out)  # before drawing: a wrong folder is exit 1 at once
        if writer is None:
            return export.export_image(target, args.out, args.width, args.height)
        return writer(target, args)
    except export.DestinationError as error:
        raise CommandError(str(error), EXIT_FAILURE) from None
    except export.ExportError as error:
        raise CommandError(str(error)) from None
    except OSError as error:
        message = f"Cannot write {args.out}: {error.strerror or error}"
        raise CommandError(message, EXIT_FAILURE) from None


def _fail(message: str, code: int) -> int:
    print(f"{PROG}: error: {message}", file=sys.stderr)
    return code
