//! The dots' initials in the cached layout: unique within the view
//! ([`crate::ui::panels::lanes::initials`]) and placed lane by lane where they cover no
//! other label, dot, "+n" or mean mark ([`crate::ui::panels::lanes::labels`]).

use egui::{Pos2, Rect, Vec2, pos2, vec2};

use crate::ui::panels::lanes::geometry::{Label, More};
use crate::ui::panels::lanes::labels::{Wanted, place};
use crate::ui::state::axis::KrAxis;
use crate::ui::state::derived::Data;
use crate::ui::theme;

/// The rectangle of a dot at `p` (its ring included): what labels must not cover.
#[must_use]
pub fn dot_rect(p: Pos2) -> Rect {
    Rect::from_center_size(p, Vec2::splat(theme::DOT_RADIUS * 2.0))
}

/// The rectangle of a "+n" at `center` whose text is `text_width` wide.
#[must_use]
pub fn more_rect(center: Pos2, text_width: f32) -> Rect {
    Rect::from_center_size(
        center,
        vec2((text_width + 8.0).max(theme::DOT_RADIUS * 2.0 + 4.0), theme::DOT_RADIUS * 2.0 + 4.0),
    )
}

/// The "Ø" beside a level's mean line (drawn by the lanes): no initials over it.
pub fn mean_mark(data: Data<'_>, axis: &KrAxis, level: usize, lane: Rect) -> Vec<Rect> {
    let stats = data.eval.stats.of_level(&data.session.levels[level].id).filter(|s| s.stats.n > 0);
    stats
        .map(|s| axis.x(s.stats.mean))
        .map(|x| {
            // The line itself may run through initials: dropping the initials of the dots
            // at the mean would hide more than the line does.
            vec![Rect::from_min_size(pos2(x + 2.0, lane.top() + 1.0), vec2(11.0, 16.0))]
        })
        .unwrap_or_default()
}

/// Places the initials of every dot in `dots`, lane by lane, inside `lanes` right of
/// `left`; `measure` gives a text's size in the initials' font.
#[must_use]
pub fn initials(
    data: Data<'_>,
    axis: &KrAxis,
    dots: &[(usize, Pos2)],
    more: &[More],
    lanes: &[(usize, Rect)],
    left: f32,
    measure: &dyn Fn(&str) -> Vec2,
) -> Vec<Label> {
    let names: Vec<&str> = dots.iter().map(|&(i, _)| data.session.managers[i].name.as_str()).collect();
    let texts = crate::ui::panels::lanes::initials::unique(&names);
    let mut labels = Vec::new();
    for &(li, lane) in lanes {
        let in_lane: Vec<usize> =
            (0..dots.len()).filter(|&k| data.eval.level_of.get(dots[k].0) == Some(&Some(li))).collect();
        if in_lane.is_empty() {
            continue;
        }
        let wanted: Vec<Wanted> = in_lane
            .iter()
            .map(|&k| Wanted { anchor: dot_rect(dots[k].1), size: measure(&texts[k]), keep: false })
            .collect();
        let mut obstacles: Vec<Rect> = more
            .iter()
            .filter(|m| m.level == li)
            .map(|m| more_rect(m.center, measure(&format!("+{}", m.managers.len())).x))
            .collect();
        obstacles.extend(mean_mark(data, axis, li, lane));
        let bounds = Rect::from_x_y_ranges(left..=lane.right(), lane.y_range());
        for (&k, rect) in in_lane.iter().zip(place(&wanted, &obstacles, bounds)) {
            if let Some(rect) = rect {
                labels.push(Label { manager: dots[k].0, text: texts[k].clone(), rect });
            }
        }
    }
    labels
}
