//! The focus card's section «Kontrakt og tillæg» (issue 30): the top leader, the
//! topcheftillæg, the contract period's dates (typed dd.mm.åååå), the pro-rated share
//! (percent with a Danish decimal comma) with its reason, the part of the pool and each
//! goal's scope. Each change is a typed `ContractEdit`; a text that cannot be read gives
//! a Danish message under the section naming the field, and changes nothing.

use egui::{Id, RichText};
use rust_decimal::Decimal;

use crate::document::{ContractEdit, Edit};
use crate::model::contract_input::{parse_date, parse_percent, show_date};
use crate::model::money::{format_kr, parse_kr};
use crate::model::{GoalScope, Manager, PoolPart};

use crate::ui::command::Command;
use crate::ui::state::derived::Data;
use crate::ui::theme;

/// Width of the section's short text fields, points.
const FIELD_WIDTH: f32 = 150.0;

/// Draws the collapsible section for manager `i`.
pub fn ui(ui: &mut egui::Ui, data: Data<'_>, i: usize, out: &mut Vec<Command>) {
    let m = &data.session.managers[i];
    egui::CollapsingHeader::new(RichText::new("Kontrakt og tillæg").strong().size(18.0))
        // One header for every manager: it stays open (or closed) from one item of the
        // agenda to the next, and keeps its id (a new id is styled a frame late, issue 29).
        .id_salt("kontrakt")
        .default_open(false)
        .show(ui, |ui| {
            let error_id = Id::unique(("kontrakt_fejl", i));
            let mut edits = Vec::new();
            let mut error: Option<String> = None;
            egui::Grid::new(("kontrakt_felter", i)).num_columns(2).spacing(egui::vec2(8.0, 4.0)).show(ui, |ui| {
                top_leader_ui(ui, data, i, &mut edits);
                supplement_ui(ui, m, i, &mut edits, &mut error);
                dates_ui(ui, m, i, &mut edits, &mut error);
                share_ui(ui, m, i, &mut edits, &mut error);
                pool_part_ui(ui, data, m, &mut edits);
            });
            scopes_ui(ui, m, &mut edits);
            if let Some(e) = error {
                ui.data_mut(|d| d.insert_temp(error_id, e));
            } else if !edits.is_empty() {
                ui.data_mut(|d| d.remove::<String>(error_id));
            }
            if let Some(e) = ui.data(|d| d.get_temp::<String>(error_id)) {
                ui.label(RichText::new(e).color(theme::ERROR).strong());
            }
            out.extend(edits.into_iter().map(|change| Command::Edit(Edit::Contract { manager: i, change })));
        });
}

/// A labelled one-line text field showing `current` until typed in; returns the typed text
/// when the field is left (Enter, Tab or a click elsewhere) with something typed.
fn draft_field(ui: &mut egui::Ui, key: (usize, &str), label: &str, current: String, hint: &str) -> Option<String> {
    let id = Id::unique(("kontrakt_felt", key.0, key.1));
    let label = ui.label(label);
    draft_edit(ui, id, label.id, current, hint)
}

/// The text field of [`draft_field`], labelled by `label`.
fn draft_edit(ui: &mut egui::Ui, id: Id, label: Id, current: String, hint: &str) -> Option<String> {
    let mut text = ui.data(|d| d.get_temp::<String>(id)).unwrap_or(current);
    let edit = egui::TextEdit::singleline(&mut text).hint_text(hint).desired_width(FIELD_WIDTH);
    let response = ui.add(edit).labelled_by(label);
    if response.changed() {
        ui.data_mut(|d| d.insert_temp(id, text.clone()));
    }
    let typed = ui.data(|d| d.get_temp::<String>(id).is_some());
    (response.lost_focus() && typed).then_some(text)
}

/// Forgets what was typed in a field (it is in the session now, or its edit was refused).
fn forget(ui: &egui::Ui, key: (usize, &str)) {
    ui.data_mut(|d| d.remove::<String>(Id::unique(("kontrakt_felt", key.0, key.1))));
}

/// Ja / nej / efter niveauets rolle.
fn top_leader_ui(ui: &mut egui::Ui, data: Data<'_>, i: usize, edits: &mut Vec<ContractEdit>) {
    let m = &data.session.managers[i];
    let role = data.eval.level_of[i].map(|l| data.session.levels[l].role);
    let by_role = role.is_some_and(crate::model::LevelRole::is_top_management);
    ui.label("Øverste leder:")
        .on_hover_text("Øverste ansatte leder af en selvstændig myndighed (offentlighedsloven: kontraktens institutionelle mål og vægte kan blive offentlige)");
    ui.horizontal_wrapped(|ui| {
        let default = format!("efter rolle ({})", if by_role { "ja" } else { "nej" });
        for (value, text) in [(None, default.as_str()), (Some(true), "ja"), (Some(false), "nej")] {
            if ui.selectable_label(m.top_leader == value, text).clicked() && m.top_leader != value {
                edits.push(ContractEdit::TopLeader(value));
            }
        }
    });
    ui.end_row();
}

/// Whether the manager has a topcheftillæg, and its amount (empty: the table's).
fn supplement_ui(ui: &mut egui::Ui, m: &Manager, i: usize, edits: &mut Vec<ContractEdit>, error: &mut Option<String>) {
    ui.label("Topcheftillæg:");
    let mut has = m.has_top_supplement;
    if ui.checkbox(&mut has, "har tillæg").changed() {
        edits.push(ContractEdit::TopSupplement { has, amount: m.top_supplement });
    }
    ui.end_row();
    if !m.has_top_supplement {
        return;
    }
    let table = crate::engine::top_supplement::lonramme(&m.pay_grade)
        .and_then(crate::engine::top_supplement::table_amount)
        .map_or_else(|| "ingen i tabellen".to_string(), |a| format!("tabellens {}", format_kr(a)));
    let current = m.top_supplement.map(format_kr).unwrap_or_default();
    let key = (i, "tillæg");
    if let Some(text) = draft_field(ui, key, "Tillæg pr. år:", current, &table) {
        let amount = if text.trim().is_empty() { Ok(None) } else { parse_kr(&text).map(Some) };
        match amount {
            Ok(amount) => {
                forget(ui, key);
                edits.push(ContractEdit::TopSupplement { has: true, amount });
            }
            Err(e) => *error = Some(format!("Topcheftillæg: {e}")),
        }
    }
    ui.end_row();
}

/// The contract period's first and last day, typed dd.mm.åååå.
fn dates_ui(ui: &mut egui::Ui, m: &Manager, i: usize, edits: &mut Vec<ContractEdit>, error: &mut Option<String>) {
    let c = m.contract.clone().unwrap_or_default();
    for (end, field, iso) in [(false, "Kontraktens start", &c.start), (true, "Kontraktens slut", &c.end)] {
        let key = (i, if end { "slut" } else { "start" });
        let current = if iso.is_empty() { String::new() } else { show_date(iso) };
        if let Some(text) = draft_field(ui, key, &format!("{field}:"), current, "dd.mm.åååå") {
            match parse_date(field, &text) {
                Ok(d) => {
                    forget(ui, key);
                    edits.push(if end { ContractEdit::End(d) } else { ContractEdit::Start(d) });
                }
                Err(e) => *error = Some(e),
            }
        }
        ui.end_row();
    }
}

/// The share of the period paid (percent) and why; set with «Sæt andel» or Enter.
fn share_ui(ui: &mut egui::Ui, m: &Manager, i: usize, edits: &mut Vec<ContractEdit>, error: &mut Option<String>) {
    let c = m.contract.clone().unwrap_or_default();
    let shown = c.paid_share.map(|s| s.normalize().to_string().replace('.', ",")).unwrap_or_default();
    let (share_key, reason_key) = ((i, "andel"), (i, "årsag"));
    let mut commit = false;
    let enter = |ui: &egui::Ui| ui.input(|inp| inp.key_pressed(egui::Key::Enter));
    commit |= draft_field(ui, share_key, "Forholdsmæssig andel (%):", shown.clone(), "100").is_some() && enter(ui);
    ui.end_row();
    let reason = c.share_reason.clone();
    commit |= draft_field(ui, reason_key, "Begrundelse:", reason, "fx fratrådt 30.09.").is_some() && enter(ui);
    ui.end_row();
    ui.label("");
    commit |= ui.button("Sæt andel").clicked();
    ui.end_row();
    if !commit {
        return;
    }
    let typed = |key: (usize, &str), current: &str| {
        ui.data(|d| d.get_temp::<String>(Id::unique(("kontrakt_felt", key.0, key.1)))).unwrap_or_else(|| current.into())
    };
    let (share, reason) = (typed(share_key, &shown), typed(reason_key, &c.share_reason));
    match parse_percent("Forholdsmæssig andel", &share, Decimal::ONE_HUNDRED) {
        Ok(Some(s)) if s < Decimal::ONE_HUNDRED && reason.trim().is_empty() => {
            let s = s.normalize().to_string().replace('.', ",");
            *error = Some(format!("Forholdsmæssig andel: {s} % kræver en begrundelse – skriv den under «Begrundelse»"));
        }
        Ok(share) => {
            forget(ui, share_key);
            forget(ui, reason_key);
            let share = share.filter(|s| *s != Decimal::ONE_HUNDRED || !reason.trim().is_empty());
            edits.push(ContractEdit::PaidShare { share, reason });
        }
        Err(e) => *error = Some(e),
    }
}

/// Which part of the pool the amount is paid from, when the session has a savings part
/// (or the manager is already paid from it).
fn pool_part_ui(ui: &mut egui::Ui, data: Data<'_>, m: &Manager, edits: &mut Vec<ContractEdit>) {
    if data.session.policies.savings_pool.is_none() && m.pool_part == PoolPart::WithinCeiling {
        return;
    }
    ui.label("Betales af:");
    ui.horizontal_wrapped(|ui| {
        for part in [PoolPart::WithinCeiling, PoolPart::Savings] {
            if ui.selectable_label(m.pool_part == part, part.label()).clicked() && m.pool_part != part {
                edits.push(ContractEdit::PoolPart(part));
            }
        }
    });
    ui.end_row();
}

/// Each goal's scope: institutional goals may be made public (offentlighedsloven).
fn scopes_ui(ui: &mut egui::Ui, m: &Manager, edits: &mut Vec<ContractEdit>) {
    if m.goals.is_empty() {
        return;
    }
    ui.label(RichText::new("Måltype (institutionelle mål kan blive offentlige)").color(theme::MUTED));
    for (g, goal) in m.goals.iter().enumerate() {
        ui.horizontal(|ui| {
            for (scope, text) in [(GoalScope::Institutional, "institutionelt"), (GoalScope::Personal, "personligt")] {
                let response = ui.selectable_label(goal.scope == scope, text);
                let name = format!("{text}: {}", goal.name);
                response
                    .widget_info(|| egui::WidgetInfo::selected(egui::Role::Button, true, goal.scope == scope, &name));
                if response.clicked() && goal.scope != scope {
                    edits.push(ContractEdit::GoalScope { goal: g, scope });
                }
            }
            ui.add(egui::Label::new(&goal.name).truncate()).on_hover_text(&goal.name);
        });
    }
}
