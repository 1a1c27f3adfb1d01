//! The preview of a fit-to-pool or spread proposal, which the group accepts or rejects:
//! what it does per level, then every change, largest first (a virtual list, so 2,000
//! changes cost no more than 15). The lanes show the same proposal as hollow dots.

use egui::RichText;

use crate::model::money::{format_kr, format_number};

use crate::ui::command::Command;
use crate::ui::state::derived::Data;
use crate::ui::state::view::{PendingProposal, ViewState};
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
    // At the bottom of the screen and lightly dimmed: the lanes above show the proposal.
    let id = egui::Id::unique("proposal");
    let area = egui::Modal::default_area(id.with("area")).anchor(egui::Align2::CENTER_BOTTOM, egui::vec2(0.0, -12.0));
    egui::Modal::new(id).area(area).backdrop_color(theme::PREVIEW_BACKDROP).show(ctx, |ui| {
        ui.set_width(720.0);
        summary_ui(ui, data, pending, out);
        ui.separator();
        levels_ui(ui, data, pending);
        ui.separator();
        list_ui(ui, data, view, pending, LIST_HEIGHT);
        ui.separator();
        buttons_ui(ui, pending, out);
        note_ui(ui);
    });
}

/// The pending proposal docked in the lower half of presentation mode, below the lanes
/// that show it (never over them): the title, the choices and the buttons left; the totals,
/// the levels and the changes right. Returns whether a proposal is pending.
pub fn docked_ui(ui: &mut egui::Ui, data: Data<'_>, view: &ViewState, out: &mut Vec<Command>) -> bool {
    let Some(pending) = &view.pending else {
        return false;
    };
    let height = ui.available_height();
    ui.horizontal_top(|ui| {
        let left = (ui.available_width() * 0.36).min(560.0);
        ui.allocate_ui_with_layout(egui::vec2(left, height), egui::Layout::top_down(egui::Align::Min), |ui| {
            ui.set_width(left);
            ui.heading(format!("Forslag: {}", pending.title));
            crate::ui::panels::proposal_offer::ui(ui, &pending.offer, data.eval.pool.pool, out);
            buttons_ui(ui, pending, out);
            note_ui(ui);
        });
        ui.separator();
        ui.vertical(|ui| {
            ui.label(totals(data, pending));
            levels_ui(ui, data, pending);
            let header = ui.text_style_height(&egui::TextStyle::Body) * 2.0 + 24.0;
            list_ui(ui, data, view, pending, (ui.available_height() - header).max(ROW));
        });
    });
    true
}

/// The proposal's title, the choices offered (with the checkbox), and the chosen one's totals.
fn summary_ui(ui: &mut egui::Ui, data: Data<'_>, pending: &PendingProposal, out: &mut Vec<Command>) {
    ui.heading(format!("Forslag: {}", pending.title));
    crate::ui::panels::proposal_offer::ui(ui, &pending.offer, data.eval.pool.pool, out);
    totals_ui(ui, data, pending);
}

/// "Puljen … · i alt før … · i alt efter …" (in a prep the director's frame).
fn totals(data: Data<'_>, pending: &PendingProposal) -> String {
    let (frame, before) = match pending.offer.frame {
        Some(f) => (format!("Din ramme ({}) {}", f.source(), format_kr(f.reference)), f.sum),
        None => (format!("Puljen {}", format_kr(data.eval.pool.pool)), data.eval.pool.used),
    };
    let after = format_kr(pending.proposal.total);
    format!("{frame} · i alt før {} · i alt efter {after}", format_kr(before))
}

/// The totals and where the lanes show the proposal.
fn totals_ui(ui: &mut egui::Ui, data: Data<'_>, pending: &PendingProposal) {
    ui.label(totals(data, pending));
    ui.label(
        RichText::new("Forslaget ses i båndene som hule prikker med en pil fra det nuværende beløb.")
            .small()
            .color(theme::PROPOSAL),
    );
}

/// Every change, largest first, in a virtual list at most `most` points high.
fn list_ui(ui: &mut egui::Ui, data: Data<'_>, view: &ViewState, pending: &PendingProposal, most: f32) {
    let proposal = &pending.proposal;
    // The columns share the width there is (the window's 720 points, or the docked half).
    let gaps = 5.0 * ui.spacing().item_spacing.x + ui.spacing().scroll.bar_width + 24.0;
    let scale = ((ui.available_width() - gaps) / WIDTHS.iter().sum::<f32>()).min(1.0);
    let widths = WIDTHS.map(|w| w * scale);
    ui.label(RichText::new("Ændringer, største først").strong());
    row_ui(ui, ["Leder", "Niveau", "Nu", "Forslag", "Ændring"].map(|h| RichText::new(h).strong()), widths);
    let row_height = ROW + ui.spacing().item_spacing.y;
    // A fixed height, known in the first frame, so the window sits right at once.
    let height = (row_height * pending.by_size.len() as f32).min(most);
    egui::ScrollArea::vertical()
        .id_salt("proposal_changes")
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
                    widths,
                );
            }
        });
}

/// Acceptér / Afvis and what accepting means.
fn buttons_ui(ui: &mut egui::Ui, pending: &PendingProposal, out: &mut Vec<Command>) {
    ui.horizontal(|ui| {
        let accept = egui::Button::new(RichText::new("Acceptér forslaget").strong().size(17.0));
        if ui.add_enabled(!pending.proposal.changes.is_empty(), accept).clicked() {
            out.push(Command::AcceptProposal);
        }
        if ui.button(RichText::new("Afvis").size(17.0)).clicked() {
            out.push(Command::RejectProposal);
        }
    });
}

/// What accepting means.
fn note_ui(ui: &mut egui::Ui) {
    ui.label(RichText::new("Låste ledere ændres ikke. Et accepteret forslag kan fortrydes som ét trin.").small());
}

/// The proposal per level: how many go up and down, the level's sum before → after.
fn levels_ui(ui: &mut egui::Ui, data: Data<'_>, pending: &PendingProposal) {
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
fn row_ui(ui: &mut egui::Ui, cells: [RichText; 5], widths: [f32; 5]) {
    ui.horizontal(|ui| {
        for (k, (cell, width)) in cells.into_iter().zip(widths).enumerate() {
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
