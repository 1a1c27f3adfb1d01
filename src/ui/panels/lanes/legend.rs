//! The lanes' legend: one small row under the axis explaining every mark – dot, last
//! year, proposal, band, overlap, inversion, fejl, låst, mean, density strip – so colour is
//! never the only signal.

use egui::{Align2, Color32, FontId, Pos2, Rect, Stroke, pos2, vec2};

use crate::ui::panels::lanes::layout as lanes_layout;
use crate::ui::theme;

/// The legend: one small row explaining every mark of the lanes.
pub(crate) fn ui(painter: &egui::Painter, rect: Rect, proposal: bool) {
    let font = FontId::proportional(theme::LEGEND_SIZE);
    let y = rect.center().y;
    let mut x = rect.left() + 6.0;
    let color = theme::level_color(0);
    let r = theme::DOT_RADIUS - 1.0;
    let mut item = |draw: &dyn Fn(&egui::Painter, Pos2), text: &str| {
        let at = pos2(x + 8.0, y);
        let galley = painter.layout_no_wrap(text.to_string(), font.clone(), theme::MUTED);
        if x + 22.0 + galley.size().x > rect.right() {
            return;
        }
        draw(painter, at);
        painter.galley(pos2(x + 19.0, y - galley.size().y / 2.0), galley.clone(), theme::MUTED);
        x += 19.0 + galley.size().x + 16.0;
    };
    item(
        &|p, at| {
            p.add(lanes_layout::dot_shape(at, r, color, Stroke::new(1.0, Color32::WHITE)));
        },
        "leder",
    );
    item(
        &|p, at| {
            p.add(lanes_layout::hollow_shape(at, theme::GHOST));
        },
        "sidste år",
    );
    if proposal {
        item(
            &|p, at| {
                p.add(lanes_layout::hollow_shape(at, theme::PROPOSAL));
            },
            "forslag",
        );
    }
    item(
        &|p, at| {
            let band = Rect::from_center_size(at, vec2(16.0, 10.0));
            p.rect_filled(band, 3.0, theme::band_fill(color));
            p.rect_stroke(band, 3.0, Stroke::new(1.5, color), egui::StrokeKind::Inside);
        },
        "spænd",
    );
    item(
        &|p, at| {
            p.rect_filled(Rect::from_center_size(at, vec2(16.0, 14.0)), 0.0, theme::OVERLAP);
        },
        "overlap",
    );
    item(
        &|p, at| {
            p.line_segment([at - vec2(8.0, -4.0), at + vec2(8.0, -4.0)], Stroke::new(2.0, theme::ERROR));
        },
        "inversion",
    );
    item(
        &|p, at| {
            p.add(lanes_layout::dot_shape(at, r, color, Stroke::new(2.5, theme::ERROR)));
        },
        "fejl",
    );
    item(
        &|p, at| {
            p.add(lanes_layout::dot_shape(at, r, color, Stroke::new(2.0, Color32::BLACK)));
        },
        "låst",
    );
    item(
        &|p, at| {
            let x = at.x - 6.0;
            p.line_segment([pos2(x, at.y - 7.0), pos2(x, at.y + 7.0)], Stroke::new(2.5, Color32::BLACK));
            p.text(pos2(x + 2.0, at.y - 7.0), Align2::LEFT_TOP, "Ø", FontId::proportional(10.0), Color32::BLACK);
        },
        "gennemsnit",
    );
    item(
        &|p, at| {
            for (k, h) in [5.0, 10.0, 7.0, 3.0].iter().enumerate() {
                let x = at.x - 8.0 + k as f32 * lanes_layout::STRIP_BIN;
                p.rect_filled(Rect::from_min_max(pos2(x, at.y + 6.0 - h), pos2(x + 3.0, at.y + 6.0)), 0.0, color);
            }
        },
        "tæthed (klik: vis i tabellen)",
    );
}
