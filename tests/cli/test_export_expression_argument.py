"""Every ``export`` kind takes its expression both positionally and as ``--expr``."""

from __future__ import annotations

import pytest
from cli_runner import run_cli

from explorer.cli import build_parser, discover
from explorer.commands import CommandError, CommandRegistry, expression_argument

REGISTRY = discover(CommandRegistry())
KINDS = sorted(REGISTRY.exports)
EXPRESSION = {"graph": "(w + x)^2", "descent": "x^2 + 2y^2", "gradient": "x^2 + y^2"}
REQUIRED = {"integral": ["--from", "0", "--to", "1"], "gradient": ["--at", "1,1"]}


@pytest.fixture(scope="module")
def parser():
    return build_parser(REGISTRY)


def test_every_export_kind_is_covered():
    assert {"function", "derivative", "graph", "integral", "descent"} <= set(KINDS)


@pytest.mark.parametrize("kind", KINDS)
def test_positional_and_option_read_the_same(parser, kind):
    text = EXPRESSION.get(kind, "-x^3 + 1/x")
    required = ["--out", "a.png", *REQUIRED.get(kind, [])]
    positional = parser.parse_args(["export", kind, text, *required])
    option = parser.parse_args(["export", kind, "--expr", text, *required])
    after_options = parser.parse_args(["export", kind, *required, text])
    assert expression_argument(positional) == expression_argument(option) == text
    assert expression_argument(after_options) == text


@pytest.mark.parametrize("kind", KINDS)
def test_missing_or_doubled_expression_is_a_usage_error(parser, kind):
    required = ["--out", "a.png", *REQUIRED.get(kind, [])]
    with pytest.raises(CommandError, match="missing"):
        expression_argument(parser.parse_args(["export", kind, *required]))
    with pytest.raises(CommandError, match="not both"):
        expression_argument(parser.parse_args(["export", kind, "x", "--expr", "x", *required]))


def test_a_positional_export_writes_the_same_picture(tmp_path):
    by_option = run_cli("export", "function", "--expr", "x^2", "--out", str(tmp_path / "a.png"),
                        "--width", "200", "--height", "120")  # fmt: skip
    positional = run_cli("export", "function", "x^2", "--out", str(tmp_path / "b.png"),
                         "--width", "200", "--height", "120")  # fmt: skip
    assert by_option.returncode == positional.returncode == 0, positional.stderr
    assert (tmp_path / "a.png").read_bytes() == (tmp_path / "b.png").read_bytes()
    missing = run_cli("export", "derivative", "--out", str(tmp_path / "c.png"))
    assert missing.returncode == 2 and "expression is missing" in missing.stderr
    assert not (tmp_path / "c.png").exists()
