//! The file menu's part from preparation to agenda (issue 28): *Forbered for …* with the
//! choice to include the other directors' managers, *Indlæs forberedelser …*, and the
//! agenda's order.

use crate::engine::agenda::AgendaOrder;
use crate::model::Session;
use crate::ui::command::Command;
use crate::ui::state::view::ViewState;

/// The choice in *Forbered for …*.
pub const OTHERS_LABEL: &str = "Medtag de øvrige direktørers ledere (til holdninger)";

/// The agenda's orders as offered: label and order.
pub const ORDERS: [(&str, AgendaOrder); 2] =
    [("Dagsorden: efter niveau", AgendaOrder::Level), ("Dagsorden: spørgsmål først", AgendaOrder::Questions)];

/// *Forbered for …* (the choice, then one entry per executive), *Indlæs forberedelser …*
/// and the agenda's order.
pub fn prep_menu_ui(ui: &mut egui::Ui, session: &Session, view: &ViewState, out: &mut Vec<Command>) {
    ui.menu_button("Forbered for …", |ui| {
        let mut others = view.prep_others;
        if ui
            .checkbox(&mut others, OTHERS_LABEL)
            .on_hover_text("Forberedelsen får også de andre direktørers ledere, skrivebeskyttet, så du kan give en holdning til dem")
            .changed()
        {
            out.push(Command::SetPrepOthers(others));
        }
        ui.separator();
        for e in &session.executives {
            if ui.button(format!("{} ({})", e.name, e.title)).clicked() {
                out.push(Command::Prepare(e.id.clone()));
            }
        }
    });
    if ui.button("Indlæs forberedelser …").clicked() {
        out.push(Command::MergePreps);
    }
    for (label, order) in ORDERS {
        if ui.radio(view.agenda_order == order, label).on_hover_text("Rækkefølgen N/P og »Nu drøftes« følger").clicked()
            && view.agenda_order != order
        {
            out.push(Command::SetAgendaOrder(order));
        }
    }
}
