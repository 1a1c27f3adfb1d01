//! The collective goals (003) of the focus card's manager: for each shared goal its one
//! attainment, typed here for every manager who shares it (one logged edit), and the
//! managers who share it.

use egui::{Id, RichText};
use rust_decimal::Decimal;

use crate::document::Edit;
use crate::model::contract_input::parse_percent;
use crate::model::money::format_percent;

use crate::ui::command::Command;
use crate::ui::state::derived::Data;
use crate::ui::state::view::ViewState;
use crate::ui::theme;

/// Draws manager `i`'s shared goals (nothing when there are none).
pub fn ui(ui: &mut egui::Ui, data: Data<'_>, view: &ViewState, i: usize, out: &mut Vec<Command>) {
    let m = &data.session.managers[i];
    for (g, goal) in m.goals.iter().enumerate() {
        let Some(id) = goal.shared.as_deref() else { continue };
        let error_id = Id::unique(("fælles_fejl", i, g));
        let holders = crate::engine::shared_goals::holders(data.session, id);
        let names: Vec<String> =
            holders.iter().map(|&(k, _)| view.display_name(&data.session.managers[k]).to_string()).collect();
        ui.label(
            RichText::new(format!("Fælles mål «{}» ({})", goal.name, crate::model::words::managers(names.len())))
                .strong(),
        );
        ui.label(RichText::new(format!("Deles af {}", names.join(", "))).color(theme::MUTED));
        ui.horizontal_wrapped(|ui| {
            let label = ui.label(format!("Fælles opfyldelse af «{}» (%):", goal.name));
            let key = Id::unique(("fælles_opfyldelse", i, g));
            let current =
                goal.attainment.map(|a| format_percent(a).trim_end_matches(" %").to_string()).unwrap_or_default();
            let mut text = ui.data(|d| d.get_temp::<String>(key)).unwrap_or(current);
            let response = ui
                .add_enabled(!m.locked, egui::TextEdit::singleline(&mut text).desired_width(60.0))
                .labelled_by(label.id);
            if response.changed() {
                ui.data_mut(|d| d.insert_temp(key, text.clone()));
            }
            if response.lost_focus() && ui.data(|d| d.get_temp::<String>(key).is_some()) {
                ui.data_mut(|d| d.remove::<String>(key));
                let max = Decimal::from(crate::model::bounds::MAX_ATTAINMENT_PERCENT);
                match parse_percent(&format!("Fælles mål «{}»", goal.name), &text, max) {
                    Ok(attainment) => {
                        ui.data_mut(|d| d.remove::<String>(error_id));
                        out.push(Command::Edit(Edit::SetAttainment { manager: i, goal: g, attainment }));
                        out.push(Command::EndContinuous);
                    }
                    Err(e) => {
                        ui.data_mut(|d| d.insert_temp(error_id, e));
                    }
                }
            }
        });
        if let Some(e) = ui.data(|d| d.get_temp::<String>(error_id)) {
            ui.label(RichText::new(e).color(theme::ERROR).strong());
        }
    }
}
