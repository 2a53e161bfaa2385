"""The backprop graph view's core: graph model, layout, stepping, forward mode, interpreter, CLI.

Qt-free; the Graph panel only draws what these modules compute.

- ``model.build_model(source, values, requires_grad=..., detach=...)`` / ``graph_from_tensor``
  → ``GraphModel`` (nodes, edges with local partials and contributions, ``layout``)
- ``named_steps.build_named_model(source, values, ...)`` → the named-steps ``GraphModel``: inputs
  and named definitions only, edges carrying single-step partials (the seed's picture)
- ``stepper.Stepper(model)``: step_forward / step_backward / back / run_all / reset / seek
- ``forward_mode.forward_tangents(model, input)`` and ``passes_note(model)``
- ``interpreter.run_program(source)``: restricted PyTorch-style Python on the autodiff core
- ``sandbox``: second backward, freed graph, non-scalar output; ``presets``; ``cli_text``
"""
