//! The findings list: every rule breach, errors first; clicking one selects its manager.

use egui::RichText;

use crate::ui::command::Command;
use crate::ui::state::derived::Data;
use crate::ui::state::view::ViewState;
use crate::ui::theme;
use crate::ui::widgets::finding_message;

/// Draws the findings list.
pub fn ui(ui: &mut egui::Ui, data: Data<'_>, view: &ViewState, out: &mut Vec<Command>) {
    let findings = &data.eval.findings;
    let accepted = data.derived.accepted.iter().filter(|a| **a).count();
    let heading = if accepted == 0 {
        format!("Fund ({})", findings.len())
    } else {
        format!("Fund ({}, heraf {accepted} accepteret)", findings.len())
    };
    ui.label(RichText::new(heading).heading());
    if findings.is_empty() {
        ui.label(RichText::new("✔ Ingen fund – alle regler er overholdt.").color(theme::OK));
        return;
    }
    egui::ScrollArea::vertical().id_salt("findings").auto_shrink([false, false]).show_rows(
        ui,
        22.0,
        findings.len(),
        |ui, range| {
            for &k in &data.derived.finding_order[range] {
                let f = &findings[k];
                let manager = f.manager.as_deref().and_then(|id| data.derived.manager_index(id));
                let who = manager.map(|i| view.display_name(&data.session.managers[i]));
                let message = finding_message(f, data.session, view);
                let word = if data.derived.accepted[k] { "accepteret" } else { f.severity.word() };
                let text = match &who {
                    Some(name) => format!("{word} {name}: {message}"),
                    None => format!("{word}: {message}"),
                };
                let color = if data.derived.accepted[k] { theme::MUTED } else { theme::severity_color(f.severity) };
                let selected = manager.is_some() && manager == view.selected;
                let response = ui.selectable_label(selected, RichText::new(format!("● {text}")).color(color));
                if response.clicked()
                    && let Some(i) = manager
                {
                    out.push(Command::Select(Some(i)));
                }
            }
        },
    );
}
