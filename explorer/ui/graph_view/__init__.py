"""The graph view's Qt drawing: node cards, edges with partial labels, the zoomable view.

``GraphScene.show_model(model)`` draws a core ``GraphModel``; ``apply_state`` shows one step;
``GraphView`` adds zoom, pan and fit. The panel (``explorer.ui.panels.graph_panel``) wires them up.
"""
