//! The focus card's section on the director's proposal, beside the amount: the proposed
//! amount with what it is made of, the meeting's difference from it, the rationale, who
//! proposed it and when – the amount and the rationale editable as the proposal's own
//! field ([`Edit::SetProposal`]), never the meeting's amount.

use egui::RichText;

use crate::document::Edit;
use crate::engine::proposals::proposed_amount;
use crate::model::Proposal;
use crate::model::money::{format_kr, format_signed_kr, parse_kr};

use crate::ui::command::Command;
use crate::ui::state::derived::Data;
use crate::ui::state::view::ViewState;
use crate::ui::theme;

/// Draws the proposal of manager `i`.
pub fn ui(ui: &mut egui::Ui, data: Data<'_>, view: &mut ViewState, i: usize, out: &mut Vec<Command>) {
    let m = &data.session.managers[i];
    let amount = data.eval.amounts.get(i).map(|a| a.amount);
    let proposed = proposed_amount(data.session, m);
    ui.horizontal_wrapped(|ui| {
        ui.label(RichText::new("Forslag fra nærmeste leder").strong().size(18.0));
        match proposed {
            Some(p) => {
                ui.label(RichText::new(format_kr(p)).strong().size(18.0));
                if let Some(delta) = amount.and_then(|a| a.checked_sub(p)) {
                    let text = if delta.is_zero() {
                        "beløbet er forslaget".to_string()
                    } else {
                        format!("Δ forslag {}", format_signed_kr(delta))
                    };
                    ui.label(RichText::new(text).color(theme::PROPOSAL));
                }
                // Always there with a proposal (greyed when it is the amount): a button that
                // comes and goes with a step is a new widget, which egui paints twice.
                let usable = amount != Some(p) && !m.locked;
                if ui.add_enabled(usable, egui::Button::new("Brug forslaget").small()).clicked() {
                    out.push(Command::Edit(Edit::UseProposal { manager: i }));
                }
            }
            None => {
                ui.label(RichText::new("intet forslag").color(theme::MUTED));
            }
        }
    });
    if let Some(p) = &m.proposal {
        ui.label(RichText::new(p.summary()).color(theme::MUTED)).on_hover_text("Hvad forslaget består af");
        let by = if p.by.is_empty() { m.superior.as_str() } else { p.by.as_str() };
        let who = data.session.executive(by).map_or(by, |e| e.name.as_str());
        let who = view.display_name_of(who);
        let when =
            if p.when.is_empty() { String::new() } else { format!(" · {}", crate::model::time::local_time(&p.when)) };
        ui.label(RichText::new(format!("Foreslået af {who}{when}")).small().color(theme::MUTED));
    }
    // Its own id scope: the row's button keeps its id whatever came before it on the card
    // (a new id is styled a frame late, issue 29).
    crate::ui::panels::focus_ids::stable(ui, "proposal_amount_row", |ui| {
        amount_field_ui(ui, view, i, m.proposal.as_ref(), &m.superior, out);
    });
    let mut text = m.proposal.as_ref().map(|p| p.rationale.clone()).unwrap_or_default();
    let label = ui.label("Forslagets begrundelse");
    let response = ui
        .add(
            egui::TextEdit::multiline(&mut text)
                .id(crate::ui::panels::focus_ids::field("rationale"))
                .desired_rows(2)
                .desired_width(f32::INFINITY)
                .hint_text("Direktørens begrundelse for forslaget"),
        )
        .labelled_by(label.id);
    if response.changed() {
        let mut p = m.proposal.clone().unwrap_or_else(|| fresh(&m.superior));
        p.rationale = text;
        out.push(Command::Edit(Edit::SetProposal { manager: i, proposal: Some(p) }));
    }
    if response.lost_focus() {
        out.push(Command::EndContinuous);
    }
}

/// A new proposal by the manager's superior.
fn fresh(superior: &str) -> Proposal {
    Proposal { by: superior.to_string(), ..Proposal::default() }
}

/// The typed proposed amount: Enter or "Sæt forslag" states it as the proposal's amount
/// (its rating, scores and rationale stay; a skøn on the formula gives way to the amount).
fn amount_field_ui(
    ui: &mut egui::Ui,
    view: &mut ViewState,
    i: usize,
    current: Option<&Proposal>,
    superior: &str,
    out: &mut Vec<Command>,
) {
    ui.horizontal_wrapped(|ui| {
        let label = ui.label("Foreslået beløb:");
        if view.proposal_input.0 != Some(i) {
            view.proposal_input = (Some(i), String::new());
        }
        let response = ui
            .add(
                egui::TextEdit::singleline(&mut view.proposal_input.1)
                    .id(crate::ui::panels::focus_ids::field("proposal_amount"))
                    .hint_text("fx 45.000")
                    .desired_width(140.0),
            )
            .labelled_by(label.id);
        let (enter, escape) = ui.input(|inp| (inp.key_pressed(egui::Key::Enter), inp.key_pressed(egui::Key::Escape)));
        if response.lost_focus() && escape {
            view.proposal_input.1.clear();
            return;
        }
        let enter = response.lost_focus() && enter;
        if (ui.button("Sæt forslag").clicked() || enter) && !view.proposal_input.1.trim().is_empty() {
            match parse_kr(&view.proposal_input.1) {
                Ok(amount) => {
                    let mut p = current.cloned().unwrap_or_else(|| fresh(superior));
                    p.amount = Some(amount);
                    p.adjustment = None;
                    out.push(Command::Edit(Edit::SetProposal { manager: i, proposal: Some(p) }));
                    // A stated amount is a step of its own, not part of typing the rationale.
                    out.push(Command::EndContinuous);
                    view.proposal_input.1.clear();
                }
                Err(e) => view.notify(format!("Forslaget er ikke ændret: {e}"), true),
            }
        }
    });
}
