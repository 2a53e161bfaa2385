"""Left-to-right layered layout of a computational graph (Sugiyama style, no Graphviz).

1. Layers by longest path: nodes without producers (the inputs) go in layer 0, every other node
   one layer right of its furthest producer; constants (leaves that are not inputs) sit just left
   of their first consumer instead of far away in layer 0. The output is always last.
2. Edges spanning several layers get a waypoint per layer they cross (a "dummy" node), so long
   edges are routed between cards instead of through them. An edge spanning more than six
   layers (a value reused much later) would add a waypoint to every layer it passes, which
   costs time and space in each of them; it runs instead along a lane above or below the cards
   of the layers it passes (whichever side is nearer its ends), and so never through a card.
   Long edges from one source share a lane (a trunk they leave at their own targets); trunks
   passing the same layers get lanes of their own.
3. Order within layers: barycentre sweeps (down and up) until a sweep removes no crossing,
   keeping the order with the fewest crossings between adjacent layers (counted exactly with a
   Fenwick tree).
4. Coordinates: x is the layer index; y is pulled towards the mean of the neighbours and then
   spread to keep one unit between cards (half a unit between waypoints); then the lanes.

Coordinates are in abstract units (one layer apart in x, one card apart in y); the view scales
them. ``wrap_layout`` cuts a long layout into bands stacked top to bottom (an export of a
12-step chain fills a page instead of a thin strip); edges crossing into the next band are
marked so the view routes them back along the gap between the bands.

Everything is iterative and roughly O((nodes + edges) · log) per sweep: a 500-node graph takes
milliseconds.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

_SWEEPS = 6
_SPACING_NODE = 1.0
_SPACING_WAYPOINT = 0.5
_STRAIGHTEN_PASSES = 4
# Edges crossing more layers than this run along a lane (see the module's step 2).
_MAX_ROUTED_SPAN = 6
_LANE_CLEARANCE = 0.75  # from the nearest card's centre to the first lane (a card is ~0.7 high)
_LANE_SPACING = 0.4  # between lanes that overlap


@dataclass(frozen=True)
class Layout:
    """Where every node sits, and the polyline of every edge (by index in the edge list)."""

    positions: dict[int, tuple[float, float]]
    layer_of: dict[int, int]
    layers: tuple[tuple[int, ...], ...]  # real node ids per layer, top to bottom
    edge_routes: tuple[tuple[tuple[float, float], ...], ...]
    crossings: int
    # Wrapped layouts: the band of every point of every route, and the y of the gap below each
    # band but the last (where edges into the next band run back to its left side).
    route_bands: tuple[tuple[int, ...], ...] = ()
    band_gaps: tuple[float, ...] = ()

    @property
    def band_count(self) -> int:
        return len(self.band_gaps) + 1

    @property
    def width(self) -> int:
        return len(self.layers)


def assign_layers(
    node_ids: Sequence[int],
    edges: Sequence[tuple[int, int]],
    *,
    inputs: Iterable[int] = (),
    output_id: int | None = None,
) -> dict[int, int]:
    """Longest-path layering; ``node_ids`` must be in topological order (producers first)."""
    producers: dict[int, list[int]] = {node: [] for node in node_ids}
    consumers: dict[int, list[int]] = {node: [] for node in node_ids}
    for source, target in edges:
        producers[target].append(source)
        consumers[source].append(target)
    input_set = set(inputs)
    layer: dict[int, int] = {}
    for node in node_ids:
        sources = producers[node]
        layer[node] = 1 + max(layer[s] for s in sources) if sources else 0
    # Constants drift right to sit next to their first consumer (walk consumers-first).
    for node in reversed(node_ids):
        if not producers[node] and node not in input_set and consumers[node]:
            layer[node] = max(0, min(layer[c] for c in consumers[node]) - 1)
    if output_id is not None and len(node_ids) > 1:
        others = max(layer[n] for n in node_ids if n != output_id)
        layer[output_id] = max(layer[output_id], others + 1)
    return layer


def layered_layout(
    node_ids: Sequence[int],
    edges: Sequence[tuple[int, int]],
    *,
    inputs: Iterable[int] = (),
    output_id: int | None = None,
) -> Layout:
    """Lay out the graph left to right; ``edges`` are (source, target) pairs, repeats allowed."""
    layer = assign_layers(node_ids, edges, inputs=inputs, output_id=output_id)
    chains, vertex_layer = _insert_waypoints(node_ids, edges, layer)
    layer_count = max(layer.values(), default=-1) + 1
    laned = [chain is None for chain in chains]
    ordered = [chain for chain in chains if chain is not None]
    order = _initial_order(node_ids, ordered, vertex_layer, layer_count)
    neighbours_up, neighbours_down = _adjacency(ordered)
    order, crossings = _minimise_crossings(order, neighbours_up, neighbours_down)
    waypoint_ids = {v for chain in ordered for v in chain[1:-1]}
    y = _assign_y(order, neighbours_up, neighbours_down, waypoint_ids)
    positions = {v: (float(vertex_layer[v]), y[v]) for v in vertex_layer}
    lanes = _lanes(edges, layer, order, y, laned)
    routes = tuple(
        _lane_route(positions, layer, edge, lanes[index])
        if laned[index]
        else tuple(positions[v] for v in chains[index])
        for index, edge in enumerate(edges)
    )
    real = set(node_ids)
    layers = tuple(tuple(v for v in level if v in real) for level in order)
    node_positions = {node: positions[node] for node in node_ids}
    return Layout(node_positions, dict(layer), layers, routes, crossings)


def _insert_waypoints(
    node_ids: Sequence[int], edges: Sequence[tuple[int, int]], layer: dict[int, int]
) -> tuple[list[list[int] | None], dict[int, int]]:
    """Each edge becomes a chain of vertices, one per layer; waypoints get negative ids. An edge
    spanning more than ``_MAX_ROUTED_SPAN`` layers gets None: it runs along a lane."""
    vertex_layer = dict(layer)
    chains: list[list[int] | None] = []
    next_id = -1
    for source, target in edges:
        levels = list(range(layer[source] + 1, layer[target]))
        if len(levels) > _MAX_ROUTED_SPAN:
            chains.append(None)
            continue
        chain = [source]
        for level in levels:
            vertex_layer[next_id] = level
            chain.append(next_id)
            next_id -= 1
        chain.append(target)
        chains.append(chain)
    return chains, vertex_layer


def _lanes(
    edges: Sequence[tuple[int, int]],
    layer: dict[int, int],
    order: list[list[int]],
    y: dict[int, float],
    laned: list[bool],
) -> dict[int, float]:
    """The y of each long edge's lane: clear of every vertex in the layers it passes, on the side
    nearer its ends, and apart from the lanes of long edges passing the same layers. Long edges
    from one source share one lane (a trunk over all the layers they pass, each edge leaving it
    at its own target), so an input used by every definition draws one line, not a bundle."""
    tops = [min((y[v] for v in level), default=0.0) for level in order]
    bottoms = [max((y[v] for v in level), default=0.0) for level in order]
    taken: list[tuple[int, int, float]] = []  # first and last layer passed, lane y
    # Each long edge runs on the side of the cards it passes that is nearer its ends; those
    # from one source on one side share a trunk.
    trunks: dict[tuple[int, float], list[int]] = {}
    for index, is_laned in enumerate(laned):
        if is_laned:
            source, target = edges[index]
            first, last = layer[source] + 1, layer[target] - 1
            top, bottom = min(tops[first : last + 1]), max(bottoms[first : last + 1])
            ends = (y[source] + y[target]) / 2
            direction = -1.0 if ends - top <= bottom - ends else 1.0
            trunks.setdefault((source, direction), []).append(index)
    spans = {
        key: (layer[key[0]] + 1, max(layer[edges[i][1]] for i in members) - 1)
        for key, members in trunks.items()
    }
    lanes: dict[int, float] = {}
    # Shorter trunks first, so they take the lanes nearest the cards.
    for key in sorted(trunks, key=lambda k: (spans[k][1] - spans[k][0], k)):
        members, direction = trunks[key], key[1]
        first, last = spans[key]
        top, bottom = min(tops[first : last + 1]), max(bottoms[first : last + 1])
        base = top if direction < 0 else bottom
        near = sorted(
            (direction * (other - base) for a, b, other in taken if a <= last and first <= b),
        )
        # The nearest free lane: walk outwards past the lanes already taken there.
        distance = _LANE_CLEARANCE
        for other in near:
            if other > distance - _LANE_SPACING + 1e-9:
                if other - distance >= _LANE_SPACING - 1e-9:
                    break
                distance = other + _LANE_SPACING
        lane = base + direction * distance
        taken.append((first, last, lane))
        lanes.update((index, lane) for index in members)
    return lanes


def _lane_route(
    positions: dict[int, tuple[float, float]],
    layer: dict[int, int],
    edge: tuple[int, int],
    lane: float,
) -> tuple[tuple[float, float], ...]:
    """Source, the lane at the first and last layer passed, target."""
    source, target = edge
    return (
        positions[source],
        (float(layer[source] + 1), lane),
        (float(layer[target] - 1), lane),
        positions[target],
    )


def _initial_order(
    node_ids: Sequence[int],
    chains: list[list[int]],
    vertex_layer: dict[int, int],
    layer_count: int,
) -> list[list[int]]:
    """Depth-first from the output backwards, so related nodes start out close together."""
    order: list[list[int]] = [[] for _ in range(layer_count)]
    producers: dict[int, list[int]] = {}
    for chain in chains:
        for upstream, downstream in zip(chain, chain[1:], strict=False):
            producers.setdefault(downstream, []).append(upstream)
    seen: set[int] = set()
    for root in reversed(node_ids):
        stack = [root]
        while stack:
            vertex = stack.pop()
            if vertex in seen:
                continue
            seen.add(vertex)
            order[vertex_layer[vertex]].append(vertex)
            stack.extend(reversed(producers.get(vertex, [])))
    return order


def _adjacency(chains: list[list[int]]) -> tuple[dict[int, list[int]], dict[int, list[int]]]:
    up: dict[int, list[int]] = {}
    down: dict[int, list[int]] = {}
    for chain in chains:
        for upstream, downstream in zip(chain, chain[1:], strict=False):
            up.setdefault(downstream, []).append(upstream)
            down.setdefault(upstream, []).append(downstream)
    return up, down


def _minimise_crossings(
    order: list[list[int]], up: dict[int, list[int]], down: dict[int, list[int]]
) -> tuple[list[list[int]], int]:
    best = [list(level) for level in order]
    best_crossings = count_crossings(best, down)
    current = [list(level) for level in order]
    for _ in range(_SWEEPS):
        if best_crossings == 0:
            break
        for index in range(1, len(current)):
            _sort_by_barycentre(current, index, index - 1, up)
        for index in range(len(current) - 2, -1, -1):
            _sort_by_barycentre(current, index, index + 1, down)
        crossings = count_crossings(current, down)
        if crossings >= best_crossings:
            break  # a sweep that gains nothing: the order has settled (as dot stops)
        best, best_crossings = [list(level) for level in current], crossings
    return best, best_crossings


def _sort_by_barycentre(
    order: list[list[int]], index: int, fixed_index: int, neighbours: dict[int, list[int]]
) -> None:
    position = {vertex: i for i, vertex in enumerate(order[fixed_index])}
    keys = {}
    for current_position, vertex in enumerate(order[index]):
        linked = [position[n] for n in neighbours.get(vertex, ()) if n in position]
        keys[vertex] = sum(linked) / len(linked) if linked else float(current_position)
    order[index].sort(key=keys.__getitem__)  # stable: ties keep their previous order


def count_crossings(order: list[list[int]], down: dict[int, list[int]]) -> int:
    """Edge crossings between each pair of adjacent layers (inversions, Fenwick tree)."""
    total = 0
    for index in range(len(order) - 1):
        lower_position = {vertex: i for i, vertex in enumerate(order[index + 1])}
        pairs = sorted(
            (upper, lower_position[n])
            for upper, vertex in enumerate(order[index])
            for n in down.get(vertex, ())
            if n in lower_position
        )
        total += _inversions([lower for _, lower in pairs], len(order[index + 1]))
    return total


def _inversions(values: list[int], size: int) -> int:
    tree = [0] * (size + 1)
    inversions = 0
    for seen, value in enumerate(values):
        # Count earlier values strictly greater than this one.
        index, not_greater = value + 1, 0
        while index > 0:
            not_greater += tree[index]
            index -= index & -index
        inversions += seen - not_greater
        index = value + 1
        while index <= size:
            tree[index] += 1
            index += index & -index
    return inversions


def _assign_y(
    order: list[list[int]],
    up: dict[int, list[int]],
    down: dict[int, list[int]],
    waypoints: set[int],
) -> dict[int, float]:
    y: dict[int, float] = {}
    for level in order:
        _spread(level, [float(i) for i in range(len(level))], waypoints, y)
    for _ in range(_STRAIGHTEN_PASSES):
        for level in order:
            desired = []
            for vertex in level:
                linked = [y[n] for n in (*up.get(vertex, ()), *down.get(vertex, ()))]
                desired.append(sum(linked) / len(linked) if linked else y[vertex])
            _spread(level, desired, waypoints, y)
    return y


def _spread(
    level: list[int], desired: list[float], waypoints: set[int], y: dict[int, float]
) -> None:
    """Place a layer near ``desired`` while keeping its order and the minimum gaps."""
    placed: list[float] = []
    for index, vertex in enumerate(level):
        if index == 0:
            placed.append(desired[0])
            continue
        gap = _gap(level[index - 1], vertex, waypoints)
        placed.append(max(desired[index], placed[-1] + gap))
    if placed:
        shift = sum(desired) / len(desired) - sum(placed) / len(placed)
        for vertex, value in zip(level, placed, strict=True):
            y[vertex] = value + shift


def _gap(previous: int, vertex: int, waypoints: set[int]) -> float:
    if previous in waypoints and vertex in waypoints:
        return _SPACING_WAYPOINT
    if previous in waypoints or vertex in waypoints:
        return (_SPACING_NODE + _SPACING_WAYPOINT) / 2
    return _SPACING_NODE


def wrap_layout(layout: Layout, bands: int, gap: float = 1.0) -> Layout:
    """``layout`` cut into ``bands`` bands of consecutive layers, stacked top to bottom.

    Layer ``j`` goes to band ``j // per_band`` and column ``j % per_band``; each band keeps its
    own vertical arrangement, shifted down below the previous band plus ``gap`` (in card units).
    """
    count = len(layout.layers)
    bands = max(1, min(bands, count))
    if bands == 1:
        return layout
    per_band = -(-count // bands)
    points = [point for route in layout.edge_routes for point in route]
    points += list(layout.positions.values())
    top: dict[int, float] = {}
    bottom: dict[int, float] = {}
    for x, y in points:
        band = min(int(round(x)) // per_band, bands - 1)
        top[band] = min(top.get(band, y), y)
        bottom[band] = max(bottom.get(band, y), y)
    offsets: dict[int, float] = {}
    gaps: list[float] = []
    cursor = 0.0
    for band in range(bands):
        if band not in top:
            top[band] = bottom[band] = 0.0
        offsets[band] = cursor - top[band]
        cursor += bottom[band] - top[band] + 1.0 + gap
        gaps.append(cursor - gap / 2 - 0.5)

    def place(x: float, y: float) -> tuple[tuple[float, float], int]:
        band = min(int(round(x)) // per_band, bands - 1)
        return (x - band * per_band, y + offsets[band]), band

    positions = {node: place(*point)[0] for node, point in layout.positions.items()}
    routes, route_bands = [], []
    for route in layout.edge_routes:
        placed = [place(*point) for point in route]
        routes.append(tuple(point for point, _ in placed))
        route_bands.append(tuple(band for _, band in placed))
    return Layout(
        positions,
        layout.layer_of,
        layout.layers,
        tuple(routes),
        layout.crossings,
        tuple(route_bands),
        tuple(gaps[:-1]),
    )
