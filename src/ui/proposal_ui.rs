//! The preview of a fit-to-pool or spread proposal, which the group accepts or rejects.

use egui::RichText;

use crate::model::money::{format_kr, format_number};

use super::command::Command;
use super::derived::Data;
use super::table_cells::signed;
use super::view::ViewState;

/// Shows the pending proposal, if any, in a window.
pub fn ui(ctx: &egui::Context, data: Data<'_>, view: &ViewState, out: &mut Vec<Command>) {
    let Some(pending) = &view.pending else {
        return;
    };
    let proposal = &pending.proposal;
    egui::Modal::new(egui::Id::unique("proposal")).show(ctx, |ui| {
        ui.set_width(680.0);
        ui.heading(format!("Forslag: {}", pending.title));
        ui.label(RichText::new(&proposal.summary).size(17.0));
        ui.label(format!(
            "Puljen {} · i alt før {} · i alt efter {}",
            format_kr(data.eval.pool.pool),
            format_kr(data.eval.pool.used),
            format_kr(proposal.total)
        ));
        ui.separator();
        egui::ScrollArea::vertical().max_height(460.0).auto_shrink([false, true]).show(ui, |ui| {
            egui::Grid::new("proposal").striped(true).show(ui, |ui| {
                for h in ["Leder", "Nu", "Forslag", "Ændring"] {
                    ui.label(RichText::new(h).strong());
                }
                ui.end_row();
                for (i, amount) in &proposal.changes {
                    let Some(m) = data.session.managers.get(*i) else {
                        continue;
                    };
                    let now = data.eval.amounts.get(*i).map(|a| a.amount).unwrap_or_default();
                    ui.label(view.display_name(m));
                    ui.label(format_number(now));
                    ui.label(RichText::new(format_number(*amount)).strong());
                    ui.label(signed(*amount - now));
                    ui.end_row();
                }
            });
        });
        ui.separator();
        ui.horizontal(|ui| {
            let accept = egui::Button::new(RichText::new("Acceptér forslaget").strong().size(17.0));
            if ui.add_enabled(!proposal.changes.is_empty(), accept).clicked() {
                out.push(Command::AcceptProposal);
            }
            if ui.button(RichText::new("Afvis").size(17.0)).clicked() {
                out.push(Command::RejectProposal);
            }
        });
        ui.label(RichText::new("Låste ledere ændres ikke. Et accepteret forslag kan fortrydes som ét trin.").small());
    });
}
