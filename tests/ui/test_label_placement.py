"""Text boxes on a plot go where they fit: inside the area, apart, off the points they name, and
over the fewest curve samples."""

import numpy as np

from explorer.ui.label_placement import choose_spots, intersects, point_box, spots_beside

AREA = (0.0, 0.0, 400.0, 100.0)


def test_two_labels_that_would_overlap_side_by_side_are_moved_apart():
    # Two points close together: centred below / above each, the boxes would collide.
    first, second = (180.0, 40.0), (220.0, 60.0)
    size = (150.0, 20.0)
    spots = choose_spots(
        [spots_beside(first, size, AREA, 8), spots_beside(second, size, AREA, 8)],
        AREA,
        keep_clear=[point_box(*first, 8), point_box(*second, 8)],
    )
    assert spots is not None
    assert not intersects(*spots)
    for spot in spots:
        assert (
            spot[0] >= 0 and spot[1] >= 0 and spot[0] + spot[2] <= 400 and spot[1] + spot[3] <= 100
        )
        assert not intersects(spot, point_box(*first, 8))
        assert not intersects(spot, point_box(*second, 8))


def test_no_spot_when_the_boxes_cannot_fit():
    assert choose_spots([spots_beside((50, 50), (500.0, 20.0), AREA, 8)], AREA) is None


def test_the_spot_over_fewest_curve_samples_wins():
    # A curve just above the point: the label goes below it, though above is offered first.
    curve = np.column_stack([np.linspace(0, 400, 200), np.full(200, 30.0)])
    below, above = spots_beside((200, 50), (60.0, 20.0), AREA, 8)[:2]
    assert choose_spots([[above, below]], AREA, points=curve) == [below]
    assert choose_spots([[above, below]], AREA) == [above]
