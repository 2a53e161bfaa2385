"""``calculus-explorer graph``/``export graph``: printed lines, unused --at names, per-command
hints and the note about a graph too large for a readable unsized export."""

import json

from cli_runner import run_cli

from explorer.core.graph.presets import TWO_X_T_X

FORTY = "a1 = sin(x)*x + y\n" + "\n".join(
    f"a{i} = sin(a{i - 1})*x + y*a{i - 1} - a{i - 1}/(1+x^2)" for i in range(2, 41)
)


def test_graph_keeps_what_a_python_program_prints(tmp_path):
    program = tmp_path / "twoxtx.py"
    program.write_text(TWO_X_T_X, encoding="utf-8")
    data = json.loads(run_cli("graph", str(program), "--json").stdout)
    # x = arange(4): ∇(2xᵀx) = 4x = [0, 4, 8, 12] (the seed's numbers), then the comparison.
    assert len(data["printed"]) == 2
    assert all(str(n) in data["printed"][0] for n in (0, 4, 8, 12))
    text = run_cli("graph", str(program)).stdout
    assert "printed:" in text and data["printed"][0] in text
    expression = json.loads(run_cli("graph", "x*y", "--at", "x=1,y=2", "--json").stdout)
    assert expression["printed"] == []


def test_graph_warns_about_at_names_the_program_does_not_use():
    result = run_cli("graph", "x*y", "--at", "x=1,y=2,q=3")
    assert result.returncode == 0, result.stderr
    assert "warning: --at gives q" in result.stderr
    clean = run_cli("graph", "x*y", "--at", "x=1,y=2")
    assert "warning" not in clean.stderr


def test_a_missing_value_hint_names_only_options_the_command_has(tmp_path):
    graph = run_cli("graph", "x*y", "--at", "x=1")
    assert graph.returncode == 2 and "--at" in graph.stderr
    assert "--stage" not in graph.stderr
    export = run_cli("export", "graph", "x*y", "--at", "x=1", "--out", str(tmp_path / "g.svg"))
    assert export.returncode == 2 and "--stage start" in export.stderr


def test_an_unsized_export_of_a_large_graph_does_not_say_leave_out_the_size(tmp_path):
    out = tmp_path / "big.png"
    result = run_cli(
        "export", "graph", FORTY, "--at", "x=0.5,y=-2", "--view", "operations", "--out", str(out)
    )
    assert result.returncode == 0, result.stderr
    assert "note: the graph is large" in result.stderr
    assert "leave out" not in result.stderr and "--view named" in result.stderr
