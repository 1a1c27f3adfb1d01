//! The top bar's pool gauge in two parts (001), when the session has a part financed by
//! documented savings: within the lønsumsloft and from documented savings, each with its
//! own bar and figure (the engine's `pool_parts`, computed once per change in `Derived`).

use egui::{Color32, RichText, Sense, Stroke, StrokeKind};
use rust_decimal::Decimal;
use rust_decimal::prelude::ToPrimitive;

use crate::engine::PoolStatus;
use crate::engine::pool_parts::PartStatus;
use crate::model::PoolPart;
use crate::model::money::{format_kr, format_percent_fixed};

use crate::ui::theme;

/// The short name on the bar and the whole sentence for hover and screen readers.
fn texts(p: &PartStatus) -> (String, String) {
    let status = PoolStatus { pool: p.pool, used: p.used, left: p.left };
    let percent = status.used_percent().map_or_else(|| "–".to_string(), |x| format_percent_fixed(x.round_dp(0), 0));
    let short = match p.part {
        PoolPart::WithinCeiling => format!("Lønsumsloft {percent}"),
        PoolPart::Savings => format!("Besparelser {percent}"),
    };
    let rest = if status.exceeded() {
        format!("overskredet med {}", format_kr(-p.left))
    } else {
        format!("rest {}", format_kr(p.left))
    };
    let whole = format!("{}: brugt {} af {} ({percent}), {rest}", p.part.label(), format_kr(p.used), format_kr(p.pool));
    (short, whole)
}

/// Two bars stacked, at least `width` points wide, in the height of two lines.
pub fn ui(ui: &mut egui::Ui, all: &[PartStatus; 2], width: f32) {
    let font = egui::FontId::proportional(ui.text_style_height(&egui::TextStyle::Small).max(13.0));
    let labels: Vec<(String, String)> = all.iter().map(texts).collect();
    let text_w = labels
        .iter()
        .map(|(s, _)| crate::ui::one_line_width(ui, RichText::new(s).font(font.clone()), egui::TextStyle::Small))
        .fold(0.0, f32::max);
    let height = ui.text_style_height(&egui::TextStyle::Body) - 1.0;
    ui.vertical(|ui| {
        ui.spacing_mut().item_spacing.y = 2.0;
        for (p, (short, whole)) in all.iter().zip(labels) {
            let (rect, response) = ui.allocate_exact_size(egui::vec2(width.max(text_w + 16.0), height), Sense::hover());
            let painter = ui.painter_at(rect);
            painter.rect_filled(rect, 3.0, theme::GAUGE_BG);
            // The float only sizes the bar; the percentage shown is the engine's.
            let share = if p.pool > Decimal::ZERO { (p.used / p.pool).to_f32().unwrap_or(0.0) } else { 0.0 };
            let over = p.used > p.pool;
            let mut used = rect;
            used.set_width(rect.width() * if over { 1.0 } else { share.clamp(0.0, 1.0) });
            painter.rect_filled(used, 3.0, if over { theme::ERROR } else { theme::OK });
            painter.rect_stroke(rect, 3.0, Stroke::new(1.0, theme::MUTED), StrokeKind::Inside);
            let dark = over || share > 0.55;
            painter.text(
                rect.center(),
                egui::Align2::CENTER_CENTER,
                &short,
                font.clone(),
                if dark { Color32::WHITE } else { Color32::BLACK },
            );
            response.widget_info(|| egui::WidgetInfo::labeled(egui::Role::ProgressIndicator, true, &whole));
            response.on_hover_text(whole);
        }
    });
}
