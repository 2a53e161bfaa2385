"""``calculus-explorer graph`` and ``export graph``, run as a user would (cli_runner)."""

import json
import xml.etree.ElementTree as ET

import sympy as sp
from cli_runner import run_cli, run_cli_process

from explorer.core.graph.presets import SEED_CONTROL_FLOW, TWO_X_T_X

SEED = "a = (w + x + y + z)^2\nb = (w + x - y - z)^2\nu = (a + b)^2\nv = (a - b)^2\nf = (u + v)^2"


def test_graph_json_for_the_seed_example(tmp_path):
    program = tmp_path / "seed.txt"
    program.write_text(SEED, encoding="utf-8")
    result = run_cli("graph", str(program), "--at", "w=-1,x=0,y=-2,z=1", "--json")
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert data["output"] == {"label": "f", "value": 1024.0}
    assert data["gradients"] == {"w": -4096.0, "x": -4096.0, "y": -4096.0, "z": -4096.0}
    labels = {node["label"] for node in data["nodes"]}
    assert {"w", "x", "y", "z", "a", "b", "u", "v", "f"} <= labels
    u_node = next(node for node in data["nodes"] if node["label"] == "u")
    # ∂f/∂u = 2(u + v) = 64 at u = v = 16 (sympy, independently).
    u, v = sp.symbols("u v")
    assert u_node["grad"] == float(sp.diff((u + v) ** 2, u).subs({u: 16, v: 16}))
    assert all("local_partial" in edge for edge in data["edges"])
    assert len(data["edges"]) >= len(data["nodes"]) - 1


def test_graph_text_lists_nodes_and_edges():
    result = run_cli("graph", "log(exp(x) + exp(y))", "--at", "x=0,y=0")
    assert result.returncode == 0, result.stderr
    assert "∂out/∂x = 0.5" in result.stdout
    assert "nodes:" in result.stdout and "edges:" in result.stdout


def test_graph_runs_a_python_program_file(tmp_path):
    program = tmp_path / "control.py"
    program.write_text(SEED_CONTROL_FLOW, encoding="utf-8")
    result = run_cli("graph", str(program), "--json")
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    a = next(node for node in data["nodes"] if node["label"] == "a")
    assert abs(a["grad"] - data["output"]["value"] / a["value"]) < 1e-9 * abs(a["grad"])


def test_export_graph_svg(tmp_path):
    out = tmp_path / "g.svg"
    result = run_cli(
        "export", "graph", SEED, "--at", "w=-1,x=0,y=-2,z=1", "--stage", "backward",
        "--out", str(out), "--width", "1400", "--height", "700",
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    root = ET.parse(out).getroot()
    assert root.tag.endswith("svg")
    text = out.read_text(encoding="utf-8")
    assert "1024" in text and "−4096" in text


def test_export_graph_forward_stage_has_values_but_no_gradients(tmp_path):
    out = tmp_path / "g.svg"
    result = run_cli(
        "export", "graph", SEED, "--at", "w=-1,x=0,y=-2,z=1", "--stage", "forward",
        "--out", str(out),
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    text = out.read_text(encoding="utf-8")
    assert "1024" in text and "−4096" not in text


def _png_size(path):
    data = path.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    return int.from_bytes(data[16:20], "big"), int.from_bytes(data[20:24], "big")


def test_export_graph_png_at_the_size_asked_for(tmp_path):
    out = tmp_path / "g.png"
    result = run_cli(
        "export", "graph", "x*y + sin(x)", "--at", "x=1,y=2", "--out", str(out),
        "--width", "1200", "--height", "800",
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    assert _png_size(out) == (1200, 800)
    assert "Wrote" in result.stdout and "1200×800" in result.stdout


def test_export_graph_png_sized_from_the_drawing_without_a_size(tmp_path):
    """No --width/--height: the image is the drawing at 1.5× (labels ~17 px), not 1200×800
    with the seed's graph as a thin strip."""
    out = tmp_path / "seed.png"
    result = run_cli("export", "graph", SEED, "--at", "w=-1,x=0,y=-2,z=1", "--out", str(out))
    assert result.returncode == 0, result.stderr
    width, height = _png_size(out)
    assert f"{width}×{height}" in result.stdout
    assert (width, height) != (1200, 800) and width > 1200
    assert "note:" not in result.stderr  # the text is large enough to read


def test_bad_program_exits_2_with_line_and_column_and_writes_nothing(tmp_path):
    out = tmp_path / "g.svg"
    result = run_cli("export", "graph", "a = (w + x\nf = a", "--at", "w=1,x=2", "--out", str(out))
    assert result.returncode == 2
    assert "line 1, column" in result.stderr
    assert not out.exists()
    result = run_cli("graph", "import os\nx = 1")
    assert result.returncode == 2
    assert "line 1, column 1" in result.stderr and result.stdout == ""
    result = run_cli("graph", "x + y", "--at", "x=1,y=nan")
    assert result.returncode == 2 and "--at" in result.stderr


def test_graph_named_view_prints_the_seeds_single_step_partials():
    result = run_cli("graph", SEED, "--at", "w=-1,x=0,y=-2,z=1", "--view", "named", "--json")
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert [node["label"] for node in data["nodes"]] == list("wxyzabuvf")
    assert data["gradients"] == dict.fromkeys("wxyz", -4096.0)
    partials = {
        (e["source_label"], e["target_label"]): (e["local_partial_formula"], e["local_partial"])
        for e in data["edges"]
    }
    assert partials[("b", "v")] == ("−2(a − b)", -8.0)  # the seed's dv_db = -2 * (a - b)
    assert partials[("u", "f")] == ("2(u + v)", 64.0)
    assert len(partials) == 14
    text = run_cli("graph", SEED, "--at", "w=-1,x=0,y=-2,z=1", "--view", "named").stdout
    assert "  [4] a → [6] u: ∂u/∂a = 2(a + b) = 8; adds 512" in text.splitlines()


def test_graph_named_view_exports_and_refuses_python(tmp_path):
    out = tmp_path / "named.svg"
    result = run_cli(
        "export", "graph", SEED, "--at", "w=-1,x=0,y=-2,z=1", "--view", "named",
        "--out", str(out),
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    text = out.read_text(encoding="utf-8")
    assert "2(w + x + y + z)" in text and "−4096" in text
    result = run_cli("graph", SEED_CONTROL_FLOW, "--view", "named")
    assert result.returncode == 2 and "Python programs" in result.stderr


def test_export_defaults_to_named_steps_with_whole_edge_labels(tmp_path):
    out = tmp_path / "seed.svg"
    result = run_cli("export", "graph", SEED, "--at", "w=-1,x=0,y=-2,z=1", "--out", str(out))
    assert result.returncode == 0, result.stderr
    text = out.read_text(encoding="utf-8")
    # The seed's single-step partial, written out whole (no "…" anywhere in the picture).
    assert "∂a/∂w = 2(w + x + y + z)" in text and "…" not in text


def test_export_of_the_control_flow_chain_is_wrapped_to_fit_the_page(tmp_path):
    program = tmp_path / "control.py"
    program.write_text(SEED_CONTROL_FLOW, encoding="utf-8")
    out = tmp_path / "cf.png"
    result = run_cli("export", "graph", str(program), "--out", str(out))
    assert result.returncode == 0, result.stderr
    width, height = _png_size(out)
    assert width / height < 2.5  # a dozen nodes in a row would be about 30:1
    sized = tmp_path / "cf_1200.png"
    result = run_cli("export", "graph", str(program), "--out", str(sized), "--width", "1200",
                     "--height", "800")  # fmt: skip
    assert result.returncode == 0 and "note:" not in result.stderr  # text still readable


def test_export_start_stage_needs_no_values(tmp_path):
    out = tmp_path / "start.svg"
    result = run_cli("export", "graph", SEED, "--stage", "start", "--out", str(out))
    assert result.returncode == 0, result.stderr
    text = out.read_text(encoding="utf-8")
    assert "∂u/∂a = 2(a + b)" in text and "nan" not in text.lower()
    result = run_cli("export", "graph", SEED, "--stage", "forward", "--out", str(out))
    assert result.returncode == 2 and "pass every input with --at" in result.stderr


def test_graph_cli_accepts_log_2_and_reports_missing_files():
    result = run_cli("graph", "log(exp(x)+exp(y))", "--at", "x=0,y=log(2)", "--json")
    assert result.returncode == 0, result.stderr
    gradients = json.loads(result.stdout)["gradients"]
    x, y = sp.symbols("x y")
    f = sp.log(sp.exp(x) + sp.exp(y))
    point = {x: 0, y: sp.log(2)}
    assert abs(gradients["x"] - float(sp.diff(f, x).subs(point))) < 1e-12
    assert abs(gradients["y"] - float(sp.diff(f, y).subs(point))) < 1e-12
    result = run_cli("graph", "nonexist.py", "--at", "x=1")
    assert result.returncode == 2 and "File not found: nonexist.py" in result.stderr


def test_export_help_states_the_default_sizes_each_kind_really_uses():
    graph = run_cli("export", "graph", "--help")
    assert graph.returncode == 0, graph.stderr
    text = " ".join(graph.stdout.split())  # argparse wraps lines
    assert "1200" not in text and "800" not in text
    assert "image width in pixels (default: from the drawing" in text
    assert "without --width and --height the image takes the drawing's own size" in text
    function = run_cli("export", "function", "--help")
    assert function.returncode == 0, function.stderr
    text = " ".join(function.stdout.split())
    assert "image width in pixels (default: 1200)" in text
    assert "image height in pixels (default: 800)" in text


def test_graph_keeps_what_a_python_program_prints(tmp_path):
    program = tmp_path / "twoxtx.py"
    program.write_text(TWO_X_T_X, encoding="utf-8")
    # A real process: the program runs in its sandbox worker, started from the command's own.
    data = json.loads(run_cli_process("graph", str(program), "--json").stdout)
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


def test_an_unsized_export_of_a_large_graph_does_not_say_leave_out_the_size(
    tmp_path, forty_definitions
):
    out = tmp_path / "big.png"
    result = run_cli(
        "export",
        "graph",
        forty_definitions,
        "--at",
        "x=0.5,y=-2",
        "--view",
        "operations",
        "--out",
        str(out),
    )
    assert result.returncode == 0, result.stderr
    assert "note: the graph is large" in result.stderr
    assert "leave out" not in result.stderr and "--view named" in result.stderr
