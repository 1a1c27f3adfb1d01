//! The focus card of the selected manager: amount and how it came about, the
//! discretionary adjustment with its justification, proposal, status, lock and notes.

use crate::document::Edit;

use egui::RichText;

use crate::model::MeetingStatus;
use crate::model::money::{format_kr, format_percent_fixed, format_signed_kr, format_signed_percent_fixed};

use crate::ui::command::Command;
use crate::ui::panels::focus_assess as focus_assess_ui;
use crate::ui::state::derived::Data;
use crate::ui::state::view::ViewState;
use crate::ui::theme;

/// Draws the focus card (or a hint when nothing is selected).
pub fn ui(ui: &mut egui::Ui, data: Data<'_>, view: &mut ViewState, out: &mut Vec<Command>) {
    let Some(i) = view.selected.filter(|&i| i < data.session.managers.len()) else {
        ui.add_space(20.0);
        ui.heading("Vælg en leder");
        ui.label("Klik på en prik i spændene, en række i tabellen eller et fund. PageDown/PageUp går til næste/forrige i dagsordenen.");
        return;
    };
    // The card's widgets keep their ids from one manager and one edit to the next: egui
    // styles a button, field or separator by its state in the previous frame and asks for
    // another frame for an id it has not seen (egui 0.37 `Ui::widget_style`), so ids that
    // changed with the manager, or shifted when a section grew a line, painted a key press
    // twice (issue 29). One scroll area for every manager, set to the top when the manager
    // changes (each card starts with the name); each section in its own id scope.
    let switched = crate::ui::panels::focus_ids::switched(ui, i);
    let mut area = egui::ScrollArea::vertical().id_salt("focus").auto_shrink([false, false]);
    if switched {
        area = area.vertical_scroll_offset(0.0);
    }
    area.show(ui, |ui| {
        // In a prep another director's manager is read-only (only the view below is hers
        // to give): the values stay visible, every control of the manager's own fields is
        // disabled.
        let editable = data.may_edit_fields(i);
        ui.push_id("header", |ui| header_ui(ui, data, view, i, editable, out));
        ui.push_id("views", |ui| crate::ui::panels::focus_views::ui(ui, data, view, i, out));
        ui.separator();
        ui.add_enabled_ui(editable, |ui| {
            ui.push_id("amount", |ui| amount_ui(ui, data, view, i, out));
            ui.separator();
            ui.push_id("proposal", |ui| crate::ui::panels::focus_proposal::ui(ui, data, view, i, out));
            ui.separator();
            ui.push_id("adjustment", |ui| adjustment_ui(ui, data, i, out));
            ui.separator();
            ui.push_id("assess", |ui| focus_assess_ui::ui(ui, data, view, i, out));
            ui.separator();
            ui.push_id("notes", |ui| notes_ui(ui, data, i, out));
            ui.separator();
            ui.push_id("contract", |ui| crate::ui::panels::focus_contract::ui(ui, data, i, out));
        });
    });
}

/// Name, level, unit, superior, pay forms; status buttons and lock.
fn header_ui(ui: &mut egui::Ui, data: Data<'_>, view: &ViewState, i: usize, editable: bool, out: &mut Vec<Command>) {
    let m = &data.session.managers[i];
    let level = data.eval.level_of[i].map(|l| data.session.levels[l].name.as_str()).unwrap_or("ukendt niveau");
    let superior = data.session.executive(&m.superior).map_or(m.superior.as_str(), |e| e.name.as_str());
    let name = view.display_name(m);
    ui.add(egui::Label::new(RichText::new(&name).size(26.0).strong()).truncate()).on_hover_text(&name);
    let mut place = format!("{level} · {} · reference: {superior}", m.unit);
    if let Some(pos) = data.derived.agenda_pos.get(i).filter(|&&p| p < data.derived.agenda.len()) {
        place = format!("{} af {} på dagsordenen · {place}", pos + 1, data.derived.agenda.len());
    }
    ui.add(egui::Label::new(RichText::new(&place).size(16.0)).truncate()).on_hover_text(&place);
    crate::ui::panels::inhabil::ui(ui, data.session, i, view, 16.0);
    if !editable {
        ui.label(RichText::new(read_only_line(&view.display_name_of(superior))).strong().color(theme::WARNING))
            .on_hover_text("Beløb, status, skøn og vurdering ændres i hendes egen forberedelse eller i mødet");
    }
    let forms: Vec<&str> = m.pay_forms.iter().map(|f| f.label()).collect();
    let mut line = format!(
        "{} · {}",
        m.basis.label(),
        if forms.is_empty() { "ingen vederlagsform".into() } else { forms.join(", ") }
    );
    if m.has_top_supplement {
        line.push_str(" · topcheftillæg");
    }
    ui.label(RichText::new(line).color(theme::MUTED));
    ui.add_enabled_ui(editable, |ui| status_row(ui, m, i, out));
}

/// "Læses kun: Carsten Møllers leder – du kan give din holdning nedenfor" (Danish
/// genitive: a name ending in s, x or z takes an apostrophe).
#[must_use]
pub fn read_only_line(director: &str) -> String {
    let genitive = if director.ends_with(['s', 'x', 'z']) { "'" } else { "s" };
    format!("Læses kun: {director}{genitive} leder – du kan give din holdning nedenfor")
}

/// The status buttons and the lock.
fn status_row(ui: &mut egui::Ui, m: &crate::model::Manager, i: usize, out: &mut Vec<Command>) {
    ui.horizontal_wrapped(|ui| {
        for s in MeetingStatus::ALL {
            if ui.selectable_label(m.status == s, s.label()).clicked() && m.status != s {
                out.push(Command::Edit(Edit::SetStatus { manager: i, status: s }));
            }
        }
        ui.separator();
        let lock = if m.locked { "■ Låst" } else { "Lås beløbet" };
        if ui
            .selectable_label(m.locked, lock)
            .on_hover_text("Låste beløb ændres ikke af tilpasning og spredning")
            .clicked()
        {
            out.push(Command::ToggleLock(i));
        }
    });
}

/// The big amount with ± step buttons and a typed field; amount vs base and last year.
fn amount_ui(ui: &mut egui::Ui, data: Data<'_>, view: &mut ViewState, i: usize, out: &mut Vec<Command>) {
    let m = &data.session.managers[i];
    let a = &data.eval.amounts[i];
    let step = data.session.policies.rounding_step;
    ui.horizontal_wrapped(|ui| {
        ui.label(RichText::new(format_kr(a.amount)).size(theme::BIG_AMOUNT_SIZE).strong());
        if ui
            .add_enabled(!m.locked, egui::Button::new(RichText::new(format!("− {}", format_kr(step))).size(17.0)))
            .clicked()
        {
            out.push(Command::Edit(Edit::StepAmount { manager: i, steps: -1 }));
        }
        if ui
            .add_enabled(!m.locked, egui::Button::new(RichText::new(format!("+ {}", format_kr(step))).size(17.0)))
            .clicked()
        {
            out.push(Command::Edit(Edit::StepAmount { manager: i, steps: 1 }));
        }
    });
    ui.horizontal_wrapped(|ui| {
        let label = ui.label("Nyt beløb:");
        if view.amount_input.0 != Some(i) {
            view.amount_input = (Some(i), String::new());
        }
        let response = ui.add_enabled(
            !m.locked,
            egui::TextEdit::singleline(&mut view.amount_input.1)
                .id(crate::ui::panels::focus_ids::field("amount"))
                .hint_text("fx 45.000")
                .desired_width(140.0),
        );
        let response = response.labelled_by(label.id);
        let (enter, escape) = ui.input(|inp| (inp.key_pressed(egui::Key::Enter), inp.key_pressed(egui::Key::Escape)));
        let cancelled = response.lost_focus() && escape;
        if cancelled {
            // Escape cancels: the typed text goes, the amount stays as shown.
            view.amount_input.1.clear();
        }
        let enter = response.lost_focus() && enter;
        if (ui.button("Sæt").clicked() || enter) && !cancelled && !view.amount_input.1.trim().is_empty() {
            let text = view.amount_input.1.clone();
            if crate::ui::widgets::typed_amount(data, view, i, &text, out) {
                view.amount_input.1.clear();
            }
        }
    });
    let metrics = data.eval.metrics.get(i).cloned().unwrap_or_default();
    let mut facts = Vec::new();
    if let Some(last) = metrics.last_year {
        let change = metrics
            .change_vs_last_percent
            .map_or(String::new(), |p| format!(" ({})", format_signed_percent_fixed(p, 1)));
        facts.push(format!("Sidste år {}{change}", format_kr(last)));
    }
    if let Some(avg) = metrics.avg3 {
        facts.push(format!("Ø 3 år {}", format_kr(avg.round())));
    }
    if let Some(l) = data.eval.level_of[i].map(|l| &data.session.levels[l]) {
        facts.push(format!("Spænd {}–{}", format_kr(l.band.min), format_kr(l.band.max)));
    }
    ui.label(facts.join(" · "));
    if view.show_salaries() {
        let pct = metrics
            .percent_of_base
            .map_or(String::new(), |p| format!(" · beløbet er {} af grundlønnen", format_percent_fixed(p, 1)));
        ui.label(
            RichText::new(format!(
                "Grundløn {} · samlet løn {}{pct}",
                format_kr(m.base_salary),
                format_kr(m.total_pay)
            ))
            .color(theme::MUTED),
        );
    }
}

/// The discretionary adjustment and its written justification (red while missing).
fn adjustment_ui(ui: &mut egui::Ui, data: Data<'_>, i: usize, out: &mut Vec<Command>) {
    let m = &data.session.managers[i];
    let a = &data.eval.amounts[i];
    ui.horizontal_wrapped(|ui| {
        ui.label(RichText::new("Skøn").strong().size(18.0));
        ui.label(if a.adjustment.is_zero() {
            "intet skøn – formlens beløb".to_string()
        } else {
            format_signed_kr(a.adjustment)
        });
        // Always there (greyed without a skøn): a button that comes and goes with the first
        // step is a new widget, which egui paints a second time.
        if ui.add_enabled(!a.adjustment.is_zero(), egui::Button::new("Fjern skøn").small()).clicked() {
            out.push(Command::Edit(Edit::ClearAdjustment { manager: i }));
        }
    });
    let mut text = m.adjustment.as_ref().map(|x| x.justification.clone()).unwrap_or_default();
    let missing = !a.adjustment.is_zero() && text.trim().is_empty();
    let label = ui.label(if missing {
        RichText::new("Begrundelse for skønnet – mangler").color(theme::ERROR).strong()
    } else {
        RichText::new("Begrundelse for skønnet")
    });
    let mut edit = egui::TextEdit::multiline(&mut text)
        .id(crate::ui::panels::focus_ids::field("justification"))
        .desired_rows(2)
        .desired_width(f32::INFINITY)
        .hint_text("Skriv den saglige begrundelse");
    if missing {
        edit = edit.background_color(theme::NEEDS_INPUT_BG);
    }
    let response = ui.add(edit).labelled_by(label.id);
    if response.changed() {
        out.push(Command::Edit(Edit::SetJustification { manager: i, text }));
    }
    if response.lost_focus() {
        out.push(Command::EndContinuous);
    }
    if let Some(by) = m.adjustment.as_ref().map(|x| x.by.as_str()).filter(|b| !b.is_empty()) {
        let who = data.session.executive(by).map_or(by, |e| e.name.as_str());
        ui.label(RichText::new(format!("Skøn indtastet af {who}")).small().color(theme::MUTED));
    }
}

/// Free meeting notes.
fn notes_ui(ui: &mut egui::Ui, data: Data<'_>, i: usize, out: &mut Vec<Command>) {
    let mut text = data.session.managers[i].notes.clone();
    let label = ui.label(RichText::new("Noter fra mødet").strong());
    let response = ui
        .add(
            egui::TextEdit::multiline(&mut text)
                .id(crate::ui::panels::focus_ids::field("notes"))
                .desired_rows(2)
                .desired_width(f32::INFINITY),
        )
        .labelled_by(label.id);
    if response.changed() {
        out.push(Command::Edit(Edit::SetNotes { manager: i, text }));
    }
    if response.lost_focus() {
        out.push(Command::EndContinuous);
    }
}
