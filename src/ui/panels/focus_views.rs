//! The focus card's section on the directors' views (issue 28): in a prep made with the
//! other directors' managers, the preparing director's own view on one of them (*Din
//! holdning*: enig, spørgsmål with a written text, ingen holdning), saved as
//! [`Edit::SetView`]; in the meeting every view on the manager – each question with who
//! asked and a *Besvaret* button ([`Edit::AnswerQuestion`]), the others as count lines.

use egui::RichText;

use crate::document::Edit;
use crate::engine::agenda::questions;
use crate::model::words::count;
use crate::model::{Stance, View};

use crate::ui::command::Command;
use crate::ui::state::derived::Data;
use crate::ui::state::view::ViewState;
use crate::ui::theme;

/// The three stances in the order they are offered, with their button text.
const STANCES: [(Stance, &str); 3] =
    [(Stance::Enig, "Enig"), (Stance::Spoergsmaal, "Spørgsmål"), (Stance::IngenHolding, "Ingen holdning")];

/// Shown under a question without text, beside the disabled save button.
pub const NEEDS_TEXT: &str = "Et spørgsmål kan ikke gemmes uden tekst – skriv spørgsmålet.";

/// The view being edited: what the document held when editing began, and the choice and
/// text so far (kept in egui's memory per manager, never in the file).
#[derive(Debug, Clone, PartialEq, Eq)]
struct Draft {
    /// The saved view the draft started from (stance and text).
    base: Option<(Stance, String)>,
    /// The chosen stance.
    stance: Option<Stance>,
    /// The question or comment as typed.
    text: String,
}

impl Draft {
    /// A draft that starts from the saved view `saved`.
    fn from_saved(saved: Option<&View>) -> Self {
        let base = saved.map(|v| (v.stance, v.text.clone()));
        Self { stance: base.as_ref().map(|b| b.0), text: base.as_ref().map(|b| b.1.clone()).unwrap_or_default(), base }
    }
}

/// Draws the views section of manager `i`'s focus card (nothing when there is nothing to
/// show), with a separator above it.
pub fn ui(ui: &mut egui::Ui, data: Data<'_>, view: &ViewState, i: usize, out: &mut Vec<Command>) {
    let Some(m) = data.session.managers.get(i) else { return };
    let owner = data.session.prep.as_ref().map(|p| p.executive.as_str());
    let editable = owner.filter(|o| *o != m.superior);
    // In a prep the preparing director's own view is the editor, not a line in the list.
    let others: Vec<&View> = m.views.iter().filter(|v| Some(v.by.as_str()) != owner).collect();
    if editable.is_none() && others.is_empty() {
        return;
    }
    ui.separator();
    if let Some(owner) = editable {
        own_view_ui(ui, data, i, owner, out);
    }
    if !others.is_empty() {
        views_list_ui(ui, data, view, i, owner.is_none(), out);
    }
}

/// *Din holdning*: the three stances, the text and *Gem holdning* (disabled, with the
/// reason, for a question without text).
fn own_view_ui(ui: &mut egui::Ui, data: Data<'_>, i: usize, owner: &str, out: &mut Vec<Command>) {
    let m = &data.session.managers[i];
    let saved = m.view_of(owner);
    let id = egui::Id::unique(("view_draft", &m.id));
    let fresh = Draft::from_saved(saved);
    let mut draft = ui.ctx().data(|d| d.get_temp::<Draft>(id)).filter(|d| d.base == fresh.base).unwrap_or(fresh);
    let superior = data.session.executive(&m.superior).map_or(m.superior.as_str(), |e| e.name.as_str());
    ui.label(RichText::new("Din holdning").strong().size(18.0));
    ui.label(RichText::new(format!("Til forslaget fra {superior} – tages med til mødet")).color(theme::MUTED));
    ui.horizontal_wrapped(|ui| {
        for (stance, text) in STANCES {
            if ui.selectable_label(draft.stance == Some(stance), text).clicked() {
                draft.stance = Some(stance);
            }
        }
    });
    let question = draft.stance == Some(Stance::Spoergsmaal);
    let label = ui.label(if question { "Spørgsmålet" } else { "Kommentar (frivillig)" });
    let missing = question && draft.text.trim().is_empty();
    let mut edit = egui::TextEdit::multiline(&mut draft.text)
        .desired_rows(2)
        .desired_width(f32::INFINITY)
        .hint_text("Fx «Hvorfor øverst i spændet?»");
    if missing {
        edit = edit.background_color(theme::NEEDS_INPUT_BG);
    }
    ui.add(edit).labelled_by(label.id);
    let changed = draft.stance != draft.base.as_ref().map(|b| b.0)
        || draft.text.trim() != draft.base.as_ref().map_or("", |b| b.1.as_str());
    ui.horizontal_wrapped(|ui| {
        let save = ui
            .add_enabled(changed && draft.stance.is_some() && !missing, egui::Button::new("Gem holdning"))
            .on_disabled_hover_text(if missing { NEEDS_TEXT } else { "Intet at gemme" });
        if save.clicked() {
            out.push(Command::Edit(Edit::SetView {
                manager: i,
                by: owner.to_string(),
                stance: draft.stance,
                text: draft.text.clone(),
            }));
            out.push(Command::EndContinuous);
        }
        if saved.is_some() && ui.button("Fjern holdning").clicked() {
            out.push(Command::Edit(Edit::SetView {
                manager: i,
                by: owner.to_string(),
                stance: None,
                text: String::new(),
            }));
            out.push(Command::EndContinuous);
        }
    });
    if missing {
        ui.label(RichText::new(NEEDS_TEXT).color(theme::ERROR));
    }
    if let Some(v) = saved {
        ui.label(RichText::new(format!("Gemt: {}", v.summary())).small().color(theme::MUTED));
    }
    ui.ctx().data_mut(|d| d.insert_temp(id, draft));
}

/// Every view on manager `i` but the preparing director's own: the questions one by one
/// with who asked (and, in the meeting, `answerable`, a *Besvaret* button), then one count
/// line per other stance.
fn views_list_ui(
    ui: &mut egui::Ui,
    data: Data<'_>,
    view: &ViewState,
    i: usize,
    answerable: bool,
    out: &mut Vec<Command>,
) {
    let m = &data.session.managers[i];
    let owner = data.session.prep.as_ref().map(|p| p.executive.as_str());
    let asked: Vec<_> = questions(data.session, i).into_iter().filter(|q| Some(q.by.as_str()) != owner).collect();
    let open = asked.iter().filter(|q| !q.answered).count();
    let heading = match (asked.len(), open) {
        (0, _) => "Holdninger fra de andre direktører".to_string(),
        (n, 0) => format!("{} – besvaret", count(n, "spørgsmål", "spørgsmål")),
        (n, o) => format!("{} · {}", count(n, "spørgsmål", "spørgsmål"), count(o, "åbent", "åbne")),
    };
    ui.label(RichText::new(heading).strong().size(18.0).color(if open > 0 { theme::WARNING } else { theme::TEXT }));
    for q in &asked {
        let who = view.display_name_of(&q.by_name);
        ui.horizontal_wrapped(|ui| {
            ui.label(RichText::new(format!("{who}: «{}»", q.text)).strong());
            if q.answered {
                ui.label(RichText::new("✔ besvaret").color(theme::OK));
                if answerable && ui.small_button("Åbn igen").clicked() {
                    out.push(answer(i, &q.by, false));
                }
            } else if answerable {
                let button = ui.button("Besvaret").on_hover_text(format!("Markér spørgsmålet fra {who} besvaret"));
                ui.ctx().accesskit_node_builder(button.id, |b| b.set_label(format!("Besvaret: {who}")));
                if button.clicked() {
                    out.push(answer(i, &q.by, true));
                }
            }
        });
    }
    for (stance, label) in [(Stance::Enig, "Enig"), (Stance::IngenHolding, "Ingen holdning")] {
        let who: Vec<String> = m
            .views
            .iter()
            .filter(|v| v.stance == stance && Some(v.by.as_str()) != owner)
            .map(|v| view.display_name_of(data.session.executive(&v.by).map_or(v.by.as_str(), |e| e.name.as_str())))
            .collect();
        if !who.is_empty() {
            ui.label(RichText::new(format!("{label} ({}): {}", who.len(), who.join(", "))).color(theme::MUTED));
        }
    }
}

/// Marks director `by`'s question on manager `i` answered (or open again).
fn answer(i: usize, by: &str, answered: bool) -> Command {
    Command::Edit(Edit::AnswerQuestion { manager: i, by: by.to_string(), answered })
}
