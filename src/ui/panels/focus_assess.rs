//! The assessment part of the focus card: box scores or goals (editable), the breakdown
//! of the amount, the manager's findings and the history sparkline.

use crate::document::Edit;

use egui::{Color32, RichText, Sense, Stroke, pos2, vec2};
use rust_decimal::Decimal;
use rust_decimal::prelude::ToPrimitive;

use crate::engine::amounts::model_of;
use crate::model::money::{format_kr, format_number, format_percent};
use crate::model::{AmountModel, Scale};

use crate::ui::command::Command;
use crate::ui::state::derived::Data;
use crate::ui::state::view::ViewState;
use crate::ui::theme;
use crate::ui::widgets::finding_message;

/// Draws assessment, breakdown, findings and history of manager `i`.
pub fn ui(ui: &mut egui::Ui, data: Data<'_>, view: &mut ViewState, i: usize, out: &mut Vec<Command>) {
    let m = &data.session.managers[i];
    if let Some(level) = data.eval.level_of[i].map(|l| &data.session.levels[l]) {
        let model = model_of(m, level);
        ui.label(RichText::new(format!("Model: {}", model.name_da())).strong().size(18.0));
        match model {
            AmountModel::Box(b) => {
                // The criterion's name gets what the score buttons leave of the card (cut
                // with "…", whole on hover): every score stays clickable on a narrow card.
                let buttons = b.scale.steps.len() as f32 * 38.0 * theme::row_height(ui.style()) / theme::ROW_HEIGHT;
                let name_width = (ui.available_width() - buttons - 8.0).max(80.0);
                // One grid per level (the criteria are the level's): egui lays a grid out
                // again in a second frame when its rows or columns differ from the last.
                egui::Grid::new(("box_scores", &level.id)).spacing(vec2(4.0, 3.0)).show(ui, |ui| {
                    for c in &b.criteria {
                        ui.scope(|ui| {
                            ui.set_max_width(name_width);
                            ui.add(egui::Label::new(format!("{} ({})", c.name, format_number(c.amount))).truncate());
                        });
                        let current = m.box_scores.get(&c.id).copied();
                        score_buttons(ui, &b.scale, current, !m.locked, |score| {
                            out.push(Command::Edit(Edit::SetBoxScore { manager: i, criterion: c.id.clone(), score }));
                        });
                        ui.end_row();
                    }
                });
            }
            AmountModel::BandPosition { scale } => {
                ui.horizontal(|ui| {
                    ui.label("Samlet vurdering");
                    score_buttons(ui, scale, m.overall_rating, !m.locked, |rating| {
                        out.push(Command::Edit(Edit::SetRating { manager: i, rating }));
                    });
                });
            }
            AmountModel::WeightedGoals { frame } => {
                crate::ui::panels::focus_goals::ui(ui, data, i, *frame, out);
                crate::ui::panels::focus_shared::ui(ui, data, view, i, out);
            }
            AmountModel::FixedTiers | AmountModel::Direct => {}
        }
    }
    ui.add_space(4.0);
    ui.label(RichText::new("Sådan er beløbet beregnet").strong());
    for line in &data.eval.explain(data.session, i).breakdown {
        let color = if line.text.contains("ingen begrundelse") { theme::ERROR } else { Color32::from_gray(30) };
        ui.label(RichText::new(line.describe()).color(color).monospace());
    }
    ui.label(RichText::new(format!("= {}", format_kr(data.eval.amounts[i].amount))).strong().monospace());
    manager_findings_ui(ui, data, view, i, out);
    history_ui(ui, data, i);
}

/// Buttons 1–6 of a scale; clicking the chosen one clears it.
fn score_buttons(
    ui: &mut egui::Ui,
    scale: &Scale,
    current: Option<u8>,
    enabled: bool,
    mut set: impl FnMut(Option<u8>),
) {
    ui.horizontal(|ui| {
        for step in &scale.steps {
            let chosen = current == Some(step.score);
            let button = egui::Button::selectable(chosen, RichText::new(step.score.to_string()).strong().size(17.0))
                .min_size(vec2(30.0, 26.0));
            let hover = format!("{} {} – {}", step.score, step.label, format_percent(step.percent));
            if ui.add_enabled(enabled, button).on_hover_text(hover).clicked() {
                set(if chosen { None } else { Some(step.score) });
            }
        }
    });
}

/// This manager's findings; those the group may accept get "Acceptér …" with a reason
/// field, accepted ones show who accepted them and why.
fn manager_findings_ui(ui: &mut egui::Ui, data: Data<'_>, view: &mut ViewState, i: usize, out: &mut Vec<Command>) {
    let m = &data.session.managers[i];
    let id = &m.id;
    let mine = data.derived.findings_of.get(i).map_or(&[][..], Vec::as_slice);
    for (k, f) in mine.iter().filter_map(|&k| data.eval.findings.get(k).map(|f| (k, f))) {
        let message = finding_message(f, data.session, view);
        if let Some(a) = crate::engine::finding::acceptance_of(m, f) {
            ui.label(RichText::new(format!("✔ accepteret: {message}")).color(theme::MUTED));
            ui.horizontal_wrapped(|ui| {
                let by = data.session.executive(&a.by).map_or(a.by.as_str(), |e| e.name.as_str());
                ui.label(RichText::new(format!("Begrundelse ({by}): {}", a.why)).italics());
                if ui.small_button("Fortryd accept").clicked() {
                    out.push(Command::Edit(Edit::RevokeAcceptance { manager: i, rule: f.rule }));
                }
            });
            continue;
        }
        ui.label(RichText::new(format!("● {}: {message}", f.severity.word())).color(theme::severity_color(f.severity)));
        let own = f.manager.as_ref() == Some(id);
        if !own || !f.rule.may_be_accepted() || data.derived.accepted.get(k).copied().unwrap_or(false) {
            continue;
        }
        match &mut view.accept_draft {
            Some((mi, rule, text)) if *mi == i && *rule == f.rule => {
                ui.add(
                    egui::TextEdit::multiline(text)
                        .id(crate::ui::panels::focus_ids::field("accept"))
                        .hint_text("Hvorfor accepterer gruppen dette?")
                        .desired_rows(2)
                        .desired_width(f32::INFINITY),
                )
                .labelled_by(ui.label("Begrundelse for at acceptere").id);
                let ready = !text.trim().is_empty();
                let why = text.clone();
                let cancel = ui
                    .horizontal(|ui| {
                        if ui.add_enabled(ready, egui::Button::new("Acceptér fundet")).clicked() {
                            out.push(Command::Edit(Edit::AcceptFinding { manager: i, rule: f.rule, why }));
                        }
                        ui.button("Annullér").clicked()
                    })
                    .inner;
                if cancel {
                    view.accept_draft = None;
                }
            }
            _ => {
                if ui.small_button("Acceptér med begrundelse …").clicked() {
                    view.accept_draft = Some((i, f.rule, String::new()));
                }
            }
        }
    }
}

/// Earlier years' amounts and this year's as a sparkline with labels.
fn history_ui(ui: &mut egui::Ui, data: Data<'_>, i: usize) {
    let m = &data.session.managers[i];
    let mut points: Vec<(i32, Decimal)> =
        data.session.history.get(&m.id).map(|h| h.iter().map(|(y, a)| (*y, *a)).collect()).unwrap_or_default();
    points.retain(|(y, _)| *y < data.session.year);
    points.push((data.session.year, data.eval.amounts[i].amount));
    ui.add_space(4.0);
    ui.label(RichText::new("Historik").strong());
    let (rect, _) = ui.allocate_exact_size(vec2(ui.available_width().min(420.0), 70.0), Sense::hover());
    let painter = ui.painter_at(rect);
    let max = points.iter().map(|p| p.1).max().unwrap_or(Decimal::ONE).max(Decimal::ONE);
    let n = points.len().max(2) as f32;
    let pos = |k: usize, a: Decimal| {
        let x = rect.left() + 30.0 + (rect.width() - 60.0) * k as f32 / (n - 1.0);
        let t = (a / max).to_f32().unwrap_or(0.0);
        pos2(x, rect.bottom() - 18.0 - t * (rect.height() - 34.0))
    };
    let line: Vec<egui::Pos2> = points.iter().enumerate().map(|(k, p)| pos(k, p.1)).collect();
    painter.add(egui::Shape::line(line.clone(), Stroke::new(2.0, theme::INFO)));
    for (k, (year, amount)) in points.iter().enumerate() {
        let p = line[k];
        let current = *year == data.session.year;
        painter.circle_filled(p, if current { 5.0 } else { 3.5 }, if current { Color32::BLACK } else { theme::INFO });
        painter.text(
            pos2(p.x, rect.bottom()),
            egui::Align2::CENTER_BOTTOM,
            year.to_string(),
            egui::FontId::proportional(12.0),
            theme::MUTED,
        );
        let short = crate::model::money::format_tkr(*amount);
        painter.text(
            pos2(p.x, p.y - 5.0),
            egui::Align2::CENTER_BOTTOM,
            short,
            egui::FontId::proportional(12.0),
            Color32::BLACK,
        );
    }
}
