//! The reference in the lanes: per level, the reference's interquartile range as a ghost
//! band and its median as a mark, or "ingen reference" where it withheld or lacks the level.

use egui::{Align2, FontId, Rect, Stroke, pos2};

use crate::engine::reference::Comparison;

use crate::ui::state::axis::KrAxis;
use crate::ui::state::derived::Data;
use crate::ui::state::view::ViewState;
use crate::ui::theme;

/// Draws the reference of every lane (nothing without an attached reference).
pub fn ui(painter: &egui::Painter, axis: &KrAxis, data: Data<'_>, view: &ViewState, lanes: &[(usize, Rect)]) {
    let comparisons = crate::ui::state::references::comparisons(data, &view.references);
    for c in &comparisons {
        let Some(li) = data.session.levels.iter().position(|l| l.id == c.level) else { continue };
        let Some(&(_, lane)) = lanes.iter().find(|(l, _)| *l == li) else { continue };
        let y = lane.center().y;
        let ghost = theme::MUTED;
        match &c.comparison {
            Comparison::Compared { reference, indeks } => {
                if let (Some(q1), Some(q3)) = (reference.q1.shown(), reference.q3.shown()) {
                    let band = Rect::from_x_y_ranges(axis.x(q1)..=axis.x(q3), y - 17.0..=y + 17.0);
                    painter.rect_filled(band, 3.0, ghost.gamma_multiply(0.12));
                    painter.rect_stroke(
                        band,
                        3.0,
                        Stroke::new(1.0, ghost.gamma_multiply(0.7)),
                        egui::StrokeKind::Inside,
                    );
                }
                if let Some(median) = reference.median.shown() {
                    let x = axis.x(median);
                    painter.line_segment([pos2(x, y - 19.0), pos2(x, y + 19.0)], Stroke::new(2.0, ghost));
                    painter.text(
                        pos2(x + 3.0, y + 19.0),
                        Align2::LEFT_BOTTOM,
                        "ref.",
                        FontId::proportional(11.0),
                        ghost,
                    );
                }
                if let Some(i) = indeks {
                    let text = crate::ui::panels::spread_reference::indeks_label(*i);
                    painter.text(
                        pos2(lane.right() - 6.0, y + 11.0),
                        Align2::RIGHT_CENTER,
                        text,
                        FontId::proportional(13.0),
                        ghost,
                    );
                }
            }
            Comparison::Suppressed { .. } | Comparison::Missing => {
                painter.text(
                    pos2(lane.right() - 6.0, y + 11.0),
                    Align2::RIGHT_CENTER,
                    "ingen reference",
                    FontId::proportional(13.0),
                    ghost,
                );
            }
        }
    }
}
