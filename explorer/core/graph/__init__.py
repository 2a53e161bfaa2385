"""The backprop graph view's core: graph model, layout, stepping, forward mode, interpreter, CLI.

Qt-free; the Graph panel only draws what these modules compute.

- ``from_text.build_graph(GraphRequest(text, mode, view, values, ...))`` → ``GraphBuild``: the
  one way from graph text to a model, for the panel, ``graph`` and ``export graph``
- ``model.build_model(source, values, requires_grad=..., detach=...)`` / ``graph_from_tensor``
  → ``GraphModel`` (nodes and edges are ``autodiff.introspect.GraphNode``/``GraphEdge``)
- ``named_steps.build_named_model(source, values, ...)`` → the named-steps ``GraphModel``: inputs
  and named definitions only, edges carrying single-step partials (the seed's picture)
- ``labels``: every text a card or an edge label shows; ``explain``: the chain-rule sentences
- ``stepper.Stepper(model)``: step_forward / step_backward / next / back / run_all / reset / seek
- ``forward_mode.forward_tangents(model, input)`` and ``passes_note(model)``
- ``interpreter.run_program(source)``: restricted PyTorch-style Python on the autodiff core
- ``tasks``: that interpreter in the worker process; ``plain``: a build as plain data for it
- ``sandbox``: second backward, freed graph, non-scalar output; ``presets``; ``cli_text``
"""
