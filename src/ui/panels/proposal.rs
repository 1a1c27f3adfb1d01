//! The preview of a fit-to-pool or spread proposal, which the group accepts or rejects:
//! what it does per level, then every change, largest first (a virtual list, so 2,000
//! changes cost no more than 15). The lanes show the same proposal as hollow dots.

use egui::RichText;

use crate::model::money::{format_kr, format_number};

use crate::ui::command::Command;
use crate::ui::state::derived::Data;
use crate::ui::state::view::ViewState;
use crate::ui::theme;
use crate::ui::widgets::signed;

/// Widths of the change list's columns: manager, level, now, proposal, change.
const WIDTHS: [f32; 5] = [230.0, 150.0, 95.0, 95.0, 90.0];
/// Height of a row of the change list, points.
const ROW: f32 = 22.0;
/// Most height of the change list, points (the lanes above stay visible).
const LIST_HEIGHT: f32 = 220.0;

/// Shows the pending proposal, if any, in a window.
pub fn ui(ctx: &egui::Context, data: Data<'_>, view: &ViewState, out: &mut Vec<Command>) {
    let Some(pending) = &view.pending else {
        return;
    };
    let proposal = &pending.proposal;
    // At the bottom of the screen and lightly dimmed: the lanes above show the proposal.
    let id = egui::Id::unique("proposal");
    let area = egui::Modal::default_area(id.with("area")).anchor(egui::Align2::CENTER_BOTTOM, egui::vec2(0.0, -12.0));
    egui::Modal::new(id).area(area).backdrop_color(theme::PREVIEW_BACKDROP).show(ctx, |ui| {
        ui.set_width(720.0);
        ui.heading(format!("Forslag: {}", pending.title));
        ui.label(RichText::new(&proposal.summary).size(17.0));
        ui.label(format!(
            "Puljen {} · i alt før {} · i alt efter {}",
            format_kr(data.eval.pool.pool),
            format_kr(data.eval.pool.used),
            format_kr(proposal.total)
        ));
        ui.label(
            RichText::new("Forslaget ses i båndene som hule prikker med en pil fra det nuværende beløb.")
                .small()
                .color(theme::PROPOSAL),
        );
        ui.separator();
        levels_ui(ui, data, pending);
        ui.separator();
        ui.label(RichText::new("Ændringer, største først").strong());
        row_ui(ui, ["Leder", "Niveau", "Nu", "Forslag", "Ændring"].map(|h| RichText::new(h).strong()));
        let row_height = ROW + ui.spacing().item_spacing.y;
        // A fixed height, known in the first frame, so the window sits right at once.
        let height = (row_height * pending.by_size.len() as f32).min(LIST_HEIGHT);
        egui::ScrollArea::vertical()
            .min_scrolled_height(height)
            .max_height(height)
            .auto_shrink([false, false])
            .show_rows(ui, row_height, pending.by_size.len(), |ui, rows| {
                for &k in &pending.by_size[rows] {
                    let Some(&(i, amount)) = proposal.changes.get(k) else { continue };
                    let Some(m) = data.session.managers.get(i) else { continue };
                    let now = data.eval.amounts.get(i).map(|a| a.amount).unwrap_or_default();
                    let level = data.eval.level_of[i].and_then(|l| data.session.levels.get(l)).map_or("", |l| &l.name);
                    row_ui(
                        ui,
                        [
                            RichText::new(view.display_name(m)),
                            RichText::new(level),
                            RichText::new(format_number(now)),
                            RichText::new(format_number(amount)).strong(),
                            RichText::new(signed(amount.checked_sub(now).unwrap_or_default())),
                        ],
                    );
                }
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

/// The proposal per level: how many go up and down, the level's sum before → after.
fn levels_ui(ui: &mut egui::Ui, data: Data<'_>, pending: &crate::ui::state::view::PendingProposal) {
    egui::Grid::new("proposal_levels").striped(true).num_columns(4).show(ui, |ui| {
        for h in ["Niveau", "Op / ned", "I alt før → efter", "Forskel"] {
            ui.label(RichText::new(h).strong());
        }
        ui.end_row();
        for level in &pending.levels {
            let name = data.session.levels.get(level.level).map_or("", |l| l.name.as_str());
            ui.label(name);
            ui.label(format!("{} op / {} ned", level.up, level.down));
            ui.label(format!("{} → {}", format_kr(level.before), format_kr(level.after)));
            ui.label(signed(level.after.checked_sub(level.before).unwrap_or_default()));
            ui.end_row();
        }
    });
}

/// One row of the change list in fixed-width columns: names left, amounts right.
fn row_ui(ui: &mut egui::Ui, cells: [RichText; 5]) {
    ui.horizontal(|ui| {
        for (k, (cell, width)) in cells.into_iter().zip(WIDTHS).enumerate() {
            let layout = if k < 2 {
                egui::Layout::left_to_right(egui::Align::Center)
            } else {
                egui::Layout::right_to_left(egui::Align::Center)
            };
            ui.allocate_ui_with_layout(egui::vec2(width, ROW), layout, |ui| {
                ui.set_min_size(egui::vec2(width, ROW));
                ui.add(egui::Label::new(cell).truncate());
            });
        }
    });
}
