//! Small cell widgets and texts shared by the table and the focus card.

use crate::document::Edit;
use egui::{Color32, RichText, Sense, Stroke, StrokeKind, pos2, vec2};
use rust_decimal::Decimal;
use rust_decimal::prelude::ToPrimitive;

use crate::engine::Severity;
use crate::engine::amounts::model_of;
use crate::model::money::{format_number, format_percent_fixed};
use crate::model::{AmountModel, Manager, MeetingStatus, Session};

use crate::ui::theme;

/// A signed amount without "kr.": "+5.000", "−10.000".
#[must_use]
pub fn signed(amount: Decimal) -> String {
    if amount > Decimal::ZERO { format!("+{}", format_number(amount)) } else { format_number(amount) }
}

/// A short Danish summary of the manager's assessment for the table.
#[must_use]
pub fn assessment_summary(session: &Session, m: &Manager, level: Option<usize>) -> String {
    let Some(level) = level.and_then(|l| session.levels.get(l)) else {
        return "ukendt niveau".to_string();
    };
    match model_of(m, level) {
        AmountModel::Box(model) => {
            let scores: Vec<String> =
                model.criteria.iter().map(|c| m.box_scores.get(&c.id).map_or("–".to_string(), u8::to_string)).collect();
            scores.join("·")
        }
        AmountModel::WeightedGoals { .. } => crate::engine::amounts::weighted_attainment(m)
            .map_or_else(|| "mål mangler".to_string(), |t| format!("{} opfyldt", format_percent_fixed(t, 0))),
        AmountModel::BandPosition { .. } => {
            m.overall_rating.map_or("ingen vurdering".into(), |r| format!("vurdering {r}"))
        }
        AmountModel::FixedTiers => m.tier.map_or("intet trin".into(), |t| format!("trin {}", t + 1)),
        AmountModel::Direct => "direkte".to_string(),
    }
}

/// The Danish status text with a symbol.
#[must_use]
pub fn status_text(status: MeetingStatus) -> RichText {
    match status {
        MeetingStatus::IkkeDroeftet => RichText::new("○ ikke drøftet").color(theme::MUTED),
        MeetingStatus::Droeftet => RichText::new("◐ drøftet").color(theme::INFO),
        MeetingStatus::Besluttet => RichText::new("● besluttet").color(theme::OK).strong(),
    }
}

/// A small bar showing the position in band 0–100 % (red beyond the band).
pub fn band_bar_ui(ui: &mut egui::Ui, percent: Option<Decimal>) {
    let (rect, response) = ui.allocate_exact_size(vec2(ui.available_width().min(76.0), 14.0), Sense::hover());
    let painter = ui.painter_at(rect.expand(1.0));
    painter.rect_filled(rect, 3.0, Color32::from_gray(225));
    let Some(p) = percent else {
        return;
    };
    let t = (p / Decimal::ONE_HUNDRED).to_f32().unwrap_or(0.0);
    let outside = !(0.0..=1.0).contains(&t);
    let x = rect.left() + rect.width() * t.clamp(0.0, 1.0);
    let color = if outside { theme::ERROR } else { theme::INFO };
    painter.rect_filled(
        egui::Rect::from_min_max(rect.left_top(), pos2(x, rect.bottom())),
        3.0,
        color.gamma_multiply(0.5),
    );
    painter.line_segment([pos2(x, rect.top() - 1.0), pos2(x, rect.bottom() + 1.0)], Stroke::new(2.5, color));
    painter.rect_stroke(rect, 3.0, Stroke::new(1.0, theme::MUTED), StrokeKind::Inside);
    response.on_hover_text(format!("{} af spændet", format_percent_fixed(p, 0)));
}

/// Finding markers: a coloured dot and the count.
pub fn findings_cell_ui(ui: &mut egui::Ui, worst: Option<Severity>, count: u32) {
    match worst {
        Some(s) => {
            ui.label(RichText::new(format!("● {count}")).color(theme::severity_color(s)).strong());
        }
        None => {
            ui.label(RichText::new("✔").color(theme::OK));
        }
    }
}

/// A finding's sentence as the screen shows it: in presentation mode without salaries,
/// and with initials when *Initialer* is on (the engine's one wording of findings).
#[must_use]
pub fn finding_message(
    f: &crate::engine::Finding,
    session: &crate::model::Session,
    view: &crate::ui::state::view::ViewState,
) -> String {
    let style = crate::engine::wording::Style {
        initials: view.presentation && view.initials,
        hide_salaries: !view.show_salaries(),
    };
    crate::engine::wording::finding_text(f, session, style)
}

/// Carries out an amount typed for manager `i`: a Danish amount becomes a
/// an amount edit, unless it probably meant
/// thousands (the engine's [`probable_thousands`](crate::engine::amounts::probable_thousands)):
/// then the question "Mente du 80.000 kr.?" waits in the view. Returns whether the text
/// was an amount (an error is reported in the top bar).
pub fn typed_amount(
    data: crate::ui::state::derived::Data<'_>,
    view: &mut crate::ui::state::view::ViewState,
    i: usize,
    text: &str,
    out: &mut Vec<crate::ui::command::Command>,
) -> bool {
    let name = view.display_name(&data.session.managers[i]);
    match crate::model::money::parse_kr(text) {
        Ok(typed) => {
            let band_min = data.eval.level_of[i].and_then(|l| data.session.levels.get(l)).map(|l| l.band.min);
            let step = data.session.policies.rounding_step;
            match crate::engine::amounts::probable_thousands(typed, step, band_min) {
                Some(thousands) => {
                    let question = crate::ui::state::view::AmountQuestion { manager: i, name, typed, thousands };
                    out.push(crate::ui::command::Command::AskAmount(question));
                }
                None => out.push(crate::ui::command::Command::Edit(Edit::SetAmount {
                    manager: i,
                    amount: typed,
                    drag: false,
                })),
            }
            true
        }
        Err(e) => {
            view.notify(format!("Beløbet for {name} er ikke ændret: {e}"), true);
            false
        }
    }
}

/// "1 leder", "2 ledere": the one Danish plural of a count of managers in the UI.
#[must_use]
pub fn managers(n: usize) -> String {
    if n == 1 { "1 leder".to_string() } else { format!("{n} ledere") }
}

#[cfg(test)]
mod tests {
    use super::managers;

    #[test]
    fn one_leder_two_ledere() {
        assert_eq!(managers(0), "0 ledere");
        assert_eq!(managers(1), "1 leder");
        assert_eq!(managers(2), "2 ledere");
    }
}
