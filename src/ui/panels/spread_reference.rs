//! The spread panel's comparison with other organisations: per level the group's n, mean,
//! median and quartiles beside the reference's, and "indeks 112,3" – or "ingen reference"
//! where the reference withheld or lacks the level. Shown in presentation mode too.

use egui::{RichText, vec2};
use rust_decimal::Decimal;

use crate::document::Edit;
use crate::engine::reference::Comparison;

use crate::model::money::{format_tkr, format_tkr_range};
use crate::ui::command::Command;
use crate::ui::state::derived::Data;
use crate::ui::state::view::ViewState;
use crate::ui::theme;

/// Column headers and their explanations.
const HEADERS: [(&str, &str); 10] = [
    ("Niveau", "Lederniveau"),
    ("n", "Antal ledere i gruppen"),
    ("Gns.", "Gruppens gennemsnit"),
    ("Median", "Gruppens median"),
    ("Kvartiler", "Gruppens nedre og øvre kvartil"),
    ("Ref. n", "Antal ledere i referencen"),
    ("Ref. gns.", "Referencens gennemsnit"),
    ("Ref. median", "Referencens median (≈: tilnærmet, lagt sammen af flere organisationer)"),
    ("Ref. kvartiler", "Referencens nedre og øvre kvartil (≈: tilnærmet)"),
    ("Indeks", "Gruppens gennemsnit / referencens gennemsnit × 100"),
];

/// "40–52 t.kr.", or "–".
fn range(a: Option<Decimal>, b: Option<Decimal>) -> String {
    match (a, b) {
        (Some(a), Some(b)) => format_tkr_range(a, b),
        _ => "–".into(),
    }
}

/// "indeks 112,5".
#[must_use]
pub fn indeks_label(i: Decimal) -> String {
    format!("indeks {}", format!("{i:.1}").replace('.', ","))
}

/// The spread table's cell of a level: "indeks 112,5", or "ingen reference" where the
/// reference withheld or lacks the level.
pub fn indeks_cell(ui: &mut egui::Ui, comparison: &Comparison) {
    match comparison {
        Comparison::Compared { indeks, .. } => {
            ui.label(RichText::new(indeks.map_or("–".into(), indeks_label)).strong());
        }
        Comparison::Suppressed { .. } => {
            ui.label(RichText::new("ingen reference").color(theme::MUTED))
                .on_hover_text("Referencen har undertrykt niveauets tal (færre end 5 ledere i en kilde)");
        }
        Comparison::Missing => {
            ui.label(RichText::new("ingen reference").color(theme::MUTED))
                .on_hover_text("Referencen har intet niveau med samme rolle – vælg under «Niveauer …»");
        }
    }
}

/// Draws the comparison (nothing without an attached reference).
pub fn ui(ui: &mut egui::Ui, data: Data<'_>, view: &ViewState, out: &mut Vec<Command>) {
    if data.session.reference.is_empty() {
        return;
    }
    ui.add_space(8.0);
    ui.horizontal(|ui| {
        let sources = view.references.sources_text();
        ui.label(RichText::new(format!("Sammenlignet med {sources}")).heading());
        if !view.presentation {
            if ui.button("Niveauer …").clicked() {
                out.push(Command::ShowReferenceMapping(true));
            }
            for link in &data.session.reference {
                if ui.button("Fjern").on_hover_text(format!("Fjern sammenligningen med {}", link.path)).clicked() {
                    out.push(Command::Edit(Edit::RemoveReference { path: link.path.clone() }));
                }
            }
        }
    });
    for (_, loaded) in &view.references.files {
        if let Err(e) = loaded {
            ui.label(RichText::new(e).color(theme::ERROR));
        }
    }
    let comparisons = crate::ui::state::references::comparisons(data, &view.references);
    if comparisons.is_empty() {
        return;
    }
    egui::Grid::new("spread_reference").striped(true).spacing(vec2(9.0, 4.0)).show(ui, |ui| {
        for (h, tip) in HEADERS {
            ui.label(RichText::new(h).strong()).on_hover_text(tip);
        }
        ui.end_row();
        for c in &comparisons {
            let Some(li) = data.session.levels.iter().position(|l| l.id == c.level) else { continue };
            let level = &data.session.levels[li];
            let color = theme::level_color(data.derived.level_rank_pos.get(li).copied().unwrap_or(0));
            ui.label(RichText::new(&level.name).color(color).strong());
            let own = data.eval.stats.of_level(&level.id);
            match own.map(|s| &s.stats).filter(|s| s.n > 0) {
                Some(s) => {
                    ui.label(s.n.to_string());
                    ui.label(format_tkr(s.mean));
                    ui.label(format_tkr(s.median));
                    ui.label(range(Some(s.q1), Some(s.q3)));
                }
                None => {
                    ui.label("0");
                    for _ in 0..3 {
                        ui.label("–");
                    }
                }
            }
            match &c.comparison {
                Comparison::Compared { reference: r, indeks } => {
                    let approx = if r.approximate { "≈" } else { "" };
                    ui.label(r.n.to_string());
                    ui.label(r.mean.shown().map_or("–".into(), format_tkr));
                    ui.label(format!("{approx}{}", r.median.shown().map_or("–".into(), format_tkr)));
                    ui.label(format!("{approx}{}", range(r.q1.shown(), r.q3.shown())));
                    ui.label(indeks.map_or("–".into(), |i| format!("{i:.1}").replace('.', ",")));
                }
                Comparison::Suppressed { n } => {
                    ui.label(n.to_string());
                    ui.label("undertrykt")
                        .on_hover_text("Referencen har undertrykt niveauets tal (færre end 5 ledere)");
                    for _ in 0..3 {
                        ui.label("–");
                    }
                }
                Comparison::Missing => {
                    ui.label("–");
                    ui.label("intet niveau").on_hover_text("Referencen har intet niveau med samme rolle");
                    for _ in 0..3 {
                        ui.label("–");
                    }
                }
            }
            ui.end_row();
        }
    });
}
