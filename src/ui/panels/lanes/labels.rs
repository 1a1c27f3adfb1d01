//! Where the lanes' labels go: each label is wanted beside its anchor (a dot), below it,
//! above it, right or left of it; a label goes where it covers no other label, no dot and
//! no obstacle and stays inside the bounds, or is dropped. Labels that must be kept (the
//! selected manager's) are placed first, pushed inside the bounds (so never over the lane
//! labels outside them), and never dropped. Pure geometry: no painting, no egui context.

use egui::{Align2, Pos2, Rect, Vec2, pos2, vec2};

/// Space between a label and its anchor, points.
const GAP: f32 = 1.0;

/// A label to place.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Wanted {
    /// What the label belongs to (a dot's rectangle); other labels never cover it.
    pub anchor: Rect,
    /// The label's size.
    pub size: Vec2,
    /// Kept whatever it covers (the selected manager's label).
    pub keep: bool,
}

/// The places tried for a label, in order: below, above, right, left of the anchor (a kept
/// label: above first, where the eye looks for it).
fn candidates(w: &Wanted) -> [Rect; 4] {
    let a = w.anchor;
    let at = |align: Align2, p: Pos2| align.anchor_size(p, w.size);
    let below = at(Align2::CENTER_TOP, pos2(a.center().x, a.bottom() + GAP));
    let above = at(Align2::CENTER_BOTTOM, pos2(a.center().x, a.top() - GAP));
    let right = at(Align2::LEFT_CENTER, pos2(a.right() + GAP, a.center().y));
    let left = at(Align2::RIGHT_CENTER, pos2(a.left() - GAP, a.center().y));
    if w.keep { [above, below, right, left] } else { [below, above, right, left] }
}

/// `r` moved the least distance to lie inside `bounds` (its top left corner inside when it
/// is larger).
fn inside(r: Rect, bounds: Rect) -> Rect {
    let dx = if r.right() > bounds.right() { bounds.right() - r.right() } else { 0.0 };
    let dy = if r.bottom() > bounds.bottom() { bounds.bottom() - r.bottom() } else { 0.0 };
    let r = r.translate(vec2(dx, dy));
    let dx = if r.left() < bounds.left() { bounds.left() - r.left() } else { 0.0 };
    let dy = if r.top() < bounds.top() { bounds.top() - r.top() } else { 0.0 };
    r.translate(vec2(dx, dy))
}

/// Places `wanted` labels: for each its rectangle, or `None` when it was dropped. No two
/// placed rectangles intersect (when at most one label is kept); a label that is not kept
/// covers no anchor of another label and no obstacle, and lies inside `bounds`.
#[must_use]
pub fn place(wanted: &[Wanted], obstacles: &[Rect], bounds: Rect) -> Vec<Option<Rect>> {
    let mut placed: Vec<Option<Rect>> = vec![None; wanted.len()];
    let mut taken: Vec<Rect> = Vec::new();
    let order = (0..wanted.len()).filter(|&k| wanted[k].keep).chain((0..wanted.len()).filter(|&k| !wanted[k].keep));
    for k in order {
        let w = &wanted[k];
        let covers_anchor = |r: &Rect| wanted.iter().enumerate().any(|(j, o)| j != k && o.anchor.intersects(*r));
        let free = |r: &Rect| {
            !taken.iter().any(|t| t.intersects(*r)) && !obstacles.iter().any(|o| o.intersects(*r)) && !covers_anchor(r)
        };
        let spot = if w.keep {
            let moved = candidates(w).map(|r| inside(r, bounds));
            moved.iter().copied().find(|r| free(r)).or_else(|| {
                // Covering a dot is better than covering a label, and one dot better than
                // two: the place that covers the fewest labels, then the fewest dots and
                // obstacles (the first of equals, in the order tried).
                let cost = |r: &Rect| {
                    let labels = taken.iter().filter(|t| t.intersects(*r)).count();
                    let dots = wanted.iter().enumerate().filter(|(j, o)| *j != k && o.anchor.intersects(*r)).count();
                    (labels, dots + obstacles.iter().filter(|o| o.intersects(*r)).count())
                };
                moved.iter().copied().min_by_key(cost)
            })
        } else {
            candidates(w).into_iter().find(|r| bounds.contains_rect(*r) && free(r))
        };
        if let Some(r) = spot {
            taken.push(r);
        }
        placed[k] = spot;
    }
    placed
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn dot(x: f32, y: f32) -> Rect {
        Rect::from_center_size(pos2(x, y), vec2(14.0, 14.0))
    }

    fn initials(anchor: Rect) -> Wanted {
        Wanted { anchor, size: vec2(20.0, 13.0), keep: false }
    }

    #[test]
    fn a_lone_dot_gets_its_label_below_it() {
        let bounds = Rect::from_min_max(pos2(0.0, 0.0), pos2(500.0, 60.0));
        let placed = place(&[initials(dot(100.0, 20.0))], &[], bounds);
        // Centred under the dot: x 90–110, y from 27 + 1 to 41.
        assert_eq!(placed, vec![Some(Rect::from_min_max(pos2(90.0, 28.0), pos2(110.0, 41.0)))]);
    }

    #[test]
    fn a_kept_label_without_a_free_place_covers_the_fewest_dots() {
        // A lane 40 points high: above and below are pushed back over the dot's own row.
        // Two dots right of the selected one (x 130, 160), one left (x 70): every place
        // covers a dot, and left covers one where above, below and right cover two.
        let bounds = Rect::from_min_max(pos2(0.0, 10.0), pos2(500.0, 50.0));
        let selected = Wanted { anchor: dot(100.0, 30.0), size: vec2(80.0, 16.0), keep: true };
        let wanted = [selected, initials(dot(130.0, 30.0)), initials(dot(160.0, 30.0)), initials(dot(70.0, 30.0))];
        let placed = place(&wanted, &[], bounds);
        let kept = placed[0].expect("kept");
        assert!(kept.right() <= 93.0, "left of the dot: {kept:?}");
        let covered = wanted[1..].iter().filter(|w| w.anchor.intersects(kept)).count();
        assert_eq!(covered, 1, "{kept:?}");
    }

    #[test]
    fn two_close_dots_get_labels_below_and_above() {
        let bounds = Rect::from_min_max(pos2(0.0, 0.0), pos2(500.0, 60.0));
        // Dots 10 points apart: the second's label cannot go below (covers the first's
        // label) and goes above.
        let placed = place(&[initials(dot(100.0, 30.0)), initials(dot(110.0, 30.0))], &[], bounds);
        let (a, b) = (placed[0].expect("first"), placed[1].expect("second"));
        assert!(a.top() > 30.0 && b.bottom() < 30.0, "{a:?} {b:?}");
        assert!(!a.intersects(b));
    }

    #[test]
    fn a_label_with_no_room_is_dropped_and_an_obstacle_is_never_covered() {
        // A lane only as high as the dot: no room above or below; right and left are
        // taken by the neighbours' dots.
        let bounds = Rect::from_min_max(pos2(0.0, 0.0), pos2(500.0, 16.0));
        let wanted: Vec<Wanted> = [80.0, 100.0, 120.0].iter().map(|&x| initials(dot(x, 8.0))).collect();
        let placed = place(&wanted, &[], bounds);
        assert_eq!(placed[1], None, "the middle dot's label has no room");
        let obstacle = Rect::from_min_max(pos2(0.0, 0.0), pos2(500.0, 60.0));
        assert_eq!(place(&[initials(dot(100.0, 20.0))], &[obstacle], obstacle), vec![None]);
    }

    #[test]
    fn the_kept_label_is_pushed_inside_the_bounds_and_off_the_lane_labels() {
        // The lane labels end at x = 190; a dot at the axis' left end, x = 195, selected
        // with a label 200 points wide.
        let bounds = Rect::from_min_max(pos2(190.0, 0.0), pos2(1400.0, 240.0));
        let lane_label = Rect::from_min_max(pos2(0.0, 40.0), pos2(182.0, 80.0));
        let wanted = Wanted { anchor: dot(195.0, 100.0), size: vec2(200.0, 22.0), keep: true };
        let r = place(&[wanted], &[lane_label], bounds)[0].expect("kept");
        assert_eq!(r.left(), 190.0);
        assert!(!r.intersects(lane_label));
        assert_eq!(r.bottom(), 100.0 - 7.0 - GAP, "above the dot");
    }

    fn wanted_strategy() -> impl Strategy<Value = (Vec<Wanted>, Option<usize>)> {
        let one = (0.0f32..600.0, 0.0f32..120.0, 6.0f32..60.0, 8.0f32..24.0);
        (prop::collection::vec(one, 0..60), any::<prop::sample::Index>(), any::<bool>()).prop_map(
            |(items, pick, with_keep)| {
                let mut wanted: Vec<Wanted> = items
                    .into_iter()
                    .map(|(x, y, w, h)| Wanted { anchor: dot(x, y), size: vec2(w, h), keep: false })
                    .collect();
                let keep = (with_keep && !wanted.is_empty()).then(|| pick.index(wanted.len()));
                if let Some(k) = keep {
                    wanted[k].keep = true;
                    wanted[k].size = vec2(180.0, 22.0);
                }
                (wanted, keep)
            },
        )
    }

    proptest! {
        #[test]
        fn no_two_placed_labels_intersect_and_the_kept_one_is_always_placed(
            (wanted, keep) in wanted_strategy(),
            obstacle_x in 0.0f32..600.0,
        ) {
            let bounds = Rect::from_min_max(pos2(0.0, 0.0), pos2(600.0, 120.0));
            let obstacles = [Rect::from_min_size(pos2(obstacle_x, 0.0), vec2(30.0, 15.0))];
            let placed = place(&wanted, &obstacles, bounds);
            prop_assert_eq!(placed.len(), wanted.len());
            let rects: Vec<(usize, Rect)> = placed.iter().enumerate().filter_map(|(k, r)| r.map(|r| (k, r))).collect();
            for (a, (ka, ra)) in rects.iter().enumerate() {
                for (kb, rb) in &rects[a + 1..] {
                    prop_assert!(!ra.intersects(*rb), "{} {:?} and {} {:?}", ka, ra, kb, rb);
                }
                if !wanted[*ka].keep {
                    prop_assert!(bounds.contains_rect(*ra));
                    prop_assert!(!obstacles[0].intersects(*ra));
                    for (j, w) in wanted.iter().enumerate() {
                        prop_assert!(j == *ka || !w.anchor.intersects(*ra), "label {} covers dot {}", ka, j);
                    }
                }
            }
            if let Some(k) = keep {
                let r = placed[k];
                prop_assert!(r.is_some(), "the kept label was dropped");
                prop_assert!(r.is_some_and(|r| r.left() >= bounds.left() && r.top() >= bounds.top()));
            }
        }
    }
}
