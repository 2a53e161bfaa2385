"""Edges spanning many layers run along lanes: clear of every card they pass, those from one
source along one trunk, trunks apart from each other, on the side nearer their ends, and the
layout stays fast for a long program."""

import time

from explorer.core.graph import layout as layouts
from explorer.core.graph.layout import layered_layout


def chain_with_reuse(length: int):
    """Node i reads node i-1; the last reads the first and the middle (long edges), and node
    0 feeds every fourth node (a fan of long edges from one input)."""
    edges = [(i - 1, i) for i in range(1, length)]
    edges += [(0, length - 1), (length // 2, length - 1)]
    edges += [(0, i) for i in range(4, length - 1, 4)]
    return list(range(length)), edges


def lanes_of(layout):
    """(first layer, last layer, lane y) of every edge routed along a lane."""
    return [
        (round(route[1][0]), round(route[2][0]), route[1][1])
        for route in layout.edge_routes
        if len(route) == 4
        and route[1][1] == route[2][1]
        and route[2][0] - route[1][0] >= layouts._MAX_ROUTED_SPAN
    ]


def passed_ys(layout, first, last):
    """The y of every card and every other edge's bend in layers ``first`` to ``last``."""
    ys = [y for x, y in layout.positions.values() if first <= x <= last]
    for route in layout.edge_routes:
        if len(route) != 4 or route[1][1] != route[2][1]:
            ys += [y for x, y in route[1:-1] if first <= x <= last]
    return ys


def test_a_lane_is_clear_of_every_card_and_waypoint_in_the_layers_it_passes():
    nodes, edges = chain_with_reuse(40)
    layout = layered_layout(nodes, edges, inputs=[0], output_id=39)
    lanes = lanes_of(layout)
    assert len(lanes) >= 8  # the case under test
    for first, last, lane in lanes:
        passed = passed_ys(layout, first, last)
        assert min(abs(lane - y) for y in passed) >= layouts._LANE_CLEARANCE - 1e-9


def laned_routes(layout, edges):
    """(source, first layer, last layer, lane y, y of the ends) of every edge along a lane."""
    return [
        (source, round(route[1][0]), round(route[2][0]), route[1][1], (route[0][1], route[3][1]))
        for (source, _), route in zip(edges, layout.edge_routes, strict=True)
        if len(route) == 4 and route[2][0] - route[1][0] >= layouts._MAX_ROUTED_SPAN
    ]


def test_long_edges_from_one_source_share_a_trunk_on_the_side_nearer_their_ends():
    nodes, edges = chain_with_reuse(40)
    layout = layered_layout(nodes, edges, inputs=[0], output_id=39)
    routes = laned_routes(layout, edges)
    for _, first, last, lane, ends in routes:
        # Every long edge runs on the side of the cards it passes nearer its ends.
        passed = passed_ys(layout, first, last)
        middle = (ends[0] + ends[1]) / 2
        if lane < min(passed):
            assert middle - min(passed) <= max(passed) - middle + 1e-9
        else:
            assert lane > max(passed) and middle - min(passed) > max(passed) - middle
    trunks: dict[tuple[int, bool], list] = {}
    for source, first, last, lane, _ in routes:
        above = lane < min(passed_ys(layout, first, last))
        trunks.setdefault((source, above), []).append((first, last, lane))
    assert max(len(members) for members in trunks.values()) >= 6  # node 0's fan: one trunk
    for members in trunks.values():
        assert len({lane for _, _, lane in members}) == 1
    spans = {
        key: (min(m[0] for m in members), max(m[1] for m in members), members[0][2])
        for key, members in trunks.items()
    }
    # Trunks passing the same layers keep apart.
    for key, (first, last, lane) in spans.items():
        for other_key, (other_first, other_last, other) in spans.items():
            if key < other_key and first <= other_last and other_first <= last:
                assert abs(lane - other) >= layouts._LANE_SPACING - 1e-9


def test_short_edges_still_get_a_waypoint_in_every_layer():
    nodes, edges = chain_with_reuse(12)
    layout = layered_layout(nodes, edges, inputs=[0], output_id=11)
    for (source, target), route in zip(edges, layout.edge_routes, strict=True):
        span = layout.layer_of[target] - layout.layer_of[source]
        if span - 1 <= layouts._MAX_ROUTED_SPAN:
            assert len(route) == span + 1


def test_a_long_program_with_many_lanes_is_laid_out_quickly():
    nodes, edges = chain_with_reuse(600)
    start = time.process_time()
    layout = layered_layout(nodes, edges, inputs=[0], output_id=599)
    assert len(lanes_of(layout)) > 100
    assert time.process_time() - start < 2.0  # CPU seconds: a busy machine cannot fail it
