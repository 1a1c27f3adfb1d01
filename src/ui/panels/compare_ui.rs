//! *Sammenlign*: two to four managers side by side, one column each – level, unit,
//! director, scores or goals with attainment, formula amount, proposal, amount, last
//! year, position in band, skøn with its justification and the accepted findings. Built
//! by Ctrl+click in the table or key C (adds the selected manager); Escape closes.

use egui::RichText;

use crate::engine::proposals::proposed_amount;
use crate::model::money::{format_kr, format_percent_fixed, format_signed_kr};

use crate::ui::command::Command;
use crate::ui::state::derived::Data;
use crate::ui::state::view::ViewState;
use crate::ui::theme;
use crate::ui::widgets::assessment_summary;

/// The most managers compared at once.
pub const MAX: usize = 4;

/// The rows of manager `i`'s column, heading and text, the money first (what the room
/// compares) and the assessment after.
fn rows(data: Data<'_>, view: &ViewState, i: usize) -> Vec<(&'static str, String)> {
    let s = data.session;
    let m = &s.managers[i];
    let a = data.eval.amounts.get(i);
    let metrics = data.eval.metrics.get(i).cloned().unwrap_or_default();
    let level = data.eval.level_of.get(i).copied().flatten().and_then(|l| s.levels.get(l));
    let director = s.executive(&m.superior).map_or(m.superior.clone(), |e| view.display_name_of(&e.name));
    let assessment = if m.goals.is_empty() {
        assessment_summary(s, m, data.eval.level_of.get(i).copied().flatten())
    } else {
        m.goals
            .iter()
            .map(|g| {
                let att = g.attainment.map_or("–".to_string(), |p| format_percent_fixed(p, 0));
                format!("{} ({} vægt): {att}", g.name, format_percent_fixed(g.weight, 0))
            })
            .collect::<Vec<_>>()
            .join("\n")
    };
    let proposal = match (proposed_amount(s, m), &m.proposal) {
        (Some(p), Some(x)) if !x.rationale.trim().is_empty() => format!("{}\n«{}»", format_kr(p), x.rationale.trim()),
        (Some(p), _) => format_kr(p),
        _ => "intet forslag".into(),
    };
    let skon = match (a.map(|a| a.adjustment).filter(|x| !x.is_zero()), &m.adjustment) {
        (Some(x), Some(adj)) if !adj.justification.trim().is_empty() => {
            format!("{}\n«{}»", format_signed_kr(x), adj.justification.trim())
        }
        (Some(x), _) => format!("{} – begrundelse mangler", format_signed_kr(x)),
        _ => "intet skøn".into(),
    };
    let accepted = if m.accepted.is_empty() {
        "ingen".to_string()
    } else {
        m.accepted.iter().map(|f| format!("{}: {}", f.rule, f.why)).collect::<Vec<_>>().join("\n")
    };
    vec![
        ("Niveau", level.map_or("ukendt niveau".into(), |l| l.name.clone())),
        ("Enhed", m.unit.clone()),
        ("Direktør", director),
        ("Beløb", a.map_or("–".into(), |a| format_kr(a.amount))),
        ("Forslag", proposal),
        ("Formel", a.map_or("–".into(), |a| format_kr(a.formula))),
        ("Sidste år", metrics.last_year.map_or("–".into(), format_kr)),
        ("I spænd", metrics.band_position_percent.map_or("–".into(), |p| format_percent_fixed(p, 0))),
        ("Skøn", skon),
        ("Vurdering", assessment),
        ("Accepterede fund", accepted),
    ]
}

/// Draws the comparison window while managers are chosen for it.
pub fn ui(ctx: &egui::Context, data: Data<'_>, view: &ViewState, out: &mut Vec<Command>) {
    let chosen: Vec<usize> = view.compare.iter().copied().filter(|&i| i < data.session.managers.len()).collect();
    if chosen.is_empty() {
        return;
    }
    let screen = ctx.content_rect();
    let head = theme::BODY * 9.0;
    let column = ((screen.width() * 0.92 - head) / chosen.len().max(2) as f32).min(380.0);
    let mut open = true;
    egui::Window::new("Sammenlign")
        .id(egui::Id::unique("compare"))
        .open(&mut open)
        .collapsible(false)
        .resizable(false)
        .anchor(egui::Align2::CENTER_CENTER, egui::Vec2::ZERO)
        .max_height(screen.height() * 0.85)
        .show(ctx, |ui| {
            if chosen.len() < 2 {
                ui.label(RichText::new("Vælg en leder mere: Ctrl+klik i tabellen eller tast C.").color(theme::MUTED));
            }
            egui::ScrollArea::vertical().max_height(screen.height() * 0.7).show(ui, |ui| {
                let columns: Vec<Vec<(&str, String)>> = chosen.iter().map(|&i| rows(data, view, i)).collect();
                egui::Grid::new("compare_grid").striped(true).spacing([16.0, 6.0]).show(ui, |ui| {
                    ui.label("");
                    for &i in &chosen {
                        ui.vertical(|ui| {
                            ui.set_width(column);
                            let name = view.display_name(&data.session.managers[i]);
                            ui.add(
                                egui::Label::new(
                                    RichText::new(name).strong().size(theme::body_size(ui.style()) * 1.15),
                                )
                                .wrap(),
                            );
                            if ui.small_button("Fjern").clicked() {
                                out.push(Command::CompareToggle(i));
                            }
                        });
                    }
                    ui.end_row();
                    for row in 0..columns.first().map_or(0, Vec::len) {
                        ui.label(RichText::new(columns[0][row].0).strong());
                        for c in &columns {
                            ui.add(egui::Label::new(&c[row].1).wrap());
                        }
                        ui.end_row();
                    }
                });
            });
            ui.label(RichText::new("Esc lukker").small().color(theme::MUTED));
        });
    if !open {
        out.push(Command::CloseCompare);
    }
}
