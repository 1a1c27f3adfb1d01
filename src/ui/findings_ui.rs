//! The findings list: every rule breach, errors first; clicking one selects its manager.

use egui::RichText;

use super::command::Command;
use super::derived::Data;
use super::table_cells::finding_message;
use super::theme;
use super::view::ViewState;

/// Draws the findings list.
pub fn ui(ui: &mut egui::Ui, data: Data<'_>, view: &ViewState, out: &mut Vec<Command>) {
    let findings = &data.eval.findings;
    ui.label(RichText::new(format!("Fund ({})", findings.len())).heading());
    if findings.is_empty() {
        ui.label(RichText::new("✔ Ingen fund – alle regler er overholdt.").color(theme::OK));
        return;
    }
    egui::ScrollArea::vertical().id_salt("findings").auto_shrink([false, false]).show_rows(
        ui,
        22.0,
        findings.len(),
        |ui, range| {
            for f in &findings[range] {
                let manager = f.manager.as_deref().and_then(|id| data.session.manager_index(id));
                let who = manager.map(|i| view.display_name(&data.session.managers[i]));
                let message = finding_message(f, view.presentation);
                let text = match &who {
                    Some(name) => format!("{} {name}: {message}", f.severity.word()),
                    None => format!("{}: {message}", f.severity.word()),
                };
                let color = theme::severity_color(f.severity);
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
