//! The top bar: organisation and year, the pool gauge, finding counts, meeting progress,
//! who is entering changes, and the mode and file controls.

use egui::{Color32, RichText, Sense, Stroke, StrokeKind};
use rust_decimal::Decimal;
use rust_decimal::prelude::ToPrimitive;

use crate::engine::{Evaluation, PoolStatus};
use crate::model::money::format_kr;

use super::command::Command;
use super::theme;
use super::view::ViewState;
use crate::document::Document;

/// Draws the top bar.
pub fn ui(
    ui: &mut egui::Ui,
    doc: &Document,
    eval: &Evaluation,
    derived: &super::derived::Derived,
    view: &mut ViewState,
    out: &mut Vec<Command>,
) {
    let session = doc.session();
    let (mut counts_shown, mut progress_shown) = (false, false);
    ui.add_space(4.0);
    ui.horizontal_wrapped(|ui| {
        if let Some(info) = &session.prep {
            let who = session.executive(&info.executive).map_or(info.executive.as_str(), |e| e.name.as_str());
            ui.label(
                RichText::new(format!("FORBEREDELSE · {who}"))
                    .strong()
                    .color(Color32::WHITE)
                    .background_color(theme::INFO),
            );
        }
        ui.heading(RichText::new(&session.organisation.name).strong());
        ui.label(RichText::new(format!("Resultatløn og engangsvederlag {}", session.year)).size(18.0));
        ui.separator();
        pool_gauge_ui(ui, &eval.pool);
        // The counts and the progress stay whole: each goes to the end of the second row
        // when this one is full (long organisation names, presentation mode).
        let counts = counts_text(ui, derived);
        if fits(ui, &counts) {
            ui.separator();
            ui.add(egui::Label::new(counts).extend());
            counts_shown = true;
            let progress = progress_text(ui, doc, derived);
            if fits(ui, &progress) {
                ui.separator();
                ui.add(egui::Label::new(progress).extend());
                progress_shown = true;
            }
        }
    });
    ui.horizontal_wrapped(|ui| {
        file_menu_ui(ui, doc, view, out);
        ui.separator();
        user_ui(ui, doc, view, out);
        ui.separator();
        let undo = ui.add_enabled(doc.can_undo(), egui::Button::new("↶ Fortryd"));
        if undo.on_hover_text(doc.undo_label().map_or(String::new(), |l| format!("Fortryd: {l} (Ctrl+Z)"))).clicked() {
            out.push(Command::Undo);
        }
        if ui.add_enabled(doc.can_redo(), egui::Button::new("↷ Gentag")).on_hover_text("Ctrl+Y").clicked() {
            out.push(Command::Redo);
        }
        ui.separator();
        if ui.button("Tilpas til puljen").on_hover_text("Foreslå beløb der rammer puljen").clicked() {
            out.push(Command::ProposeFitToPool);
        }
        if ui.button("Spred ×1,2").on_hover_text("Større spredning i hvert niveau, samme sum").clicked() {
            out.push(Command::ProposeSpread(Decimal::new(12, 1)));
        }
        if ui.button("Saml ×0,8").on_hover_text("Mindre spredning i hvert niveau, samme sum").clicked() {
            out.push(Command::ProposeSpread(Decimal::new(8, 1)));
        }
        ui.separator();
        // Shorter while presenting, so the meeting progress fits on this row.
        let label = if view.presentation { "■ Præsentation" } else { "Præsentation (F5)" };
        if ui.selectable_label(view.presentation, label).on_hover_text("F5").clicked() {
            out.push(Command::TogglePresentation);
        }
        if view.presentation && ui.selectable_label(view.initials, "Initialer").clicked() {
            out.push(Command::ToggleInitials);
        }
        // What did not fit on the first row; a third row when this one is full too.
        let pending = [
            (!counts_shown).then(|| counts_text(ui, derived)),
            (!progress_shown).then(|| progress_text(ui, doc, derived)),
        ];
        for job in pending.into_iter().flatten() {
            if fits(ui, &job) {
                ui.separator();
            } else {
                ui.end_row();
            }
            ui.add(egui::Label::new(job).extend());
        }
        if let Some(notice) = &view.notice {
            ui.separator();
            let color = if notice.is_error { theme::ERROR } else { theme::OK };
            ui.label(RichText::new(&notice.text).color(color).strong());
        }
    });
    ui.add_space(2.0);
}

/// The pool as a gauge: used part filled, red when over, with the numbers beside it.
fn pool_gauge_ui(ui: &mut egui::Ui, pool: &PoolStatus) {
    let (rect, response) = ui.allocate_exact_size(egui::vec2(260.0, 26.0), Sense::hover());
    let painter = ui.painter_at(rect);
    painter.rect_filled(rect, 4.0, Color32::from_gray(228));
    let share = if pool.pool > Decimal::ZERO {
        (pool.used / pool.pool).to_f32().unwrap_or(0.0)
    } else if pool.used > Decimal::ZERO {
        2.0
    } else {
        0.0
    };
    let over = pool.exceeded();
    let fill = if over { theme::ERROR } else { theme::OK };
    let mut used = rect;
    used.set_width(rect.width() * share.clamp(0.0, 1.0));
    painter.rect_filled(used, 4.0, fill);
    painter.rect_stroke(rect, 4.0, Stroke::new(1.0, theme::MUTED), StrokeKind::Inside);
    painter.text(
        rect.center(),
        egui::Align2::CENTER_CENTER,
        format!("{:.0} % af puljen", share * 100.0),
        egui::FontId::proportional(15.0),
        if share > 0.55 { Color32::WHITE } else { Color32::BLACK },
    );
    let text = if over {
        format!("Overskredet med {}", format_kr(-pool.left))
    } else {
        format!("Rest {}", format_kr(pool.left))
    };
    let summary = format!("Pulje {} · brugt {} · {}", format_kr(pool.pool), format_kr(pool.used), text);
    response.on_hover_text(&summary);
    ui.vertical(|ui| {
        ui.label(RichText::new(format!("Brugt {} af {}", format_kr(pool.used), format_kr(pool.pool))).strong());
        ui.label(RichText::new(text).color(fill).strong());
    });
}

/// Counts of the open (not accepted) errors and warnings.
fn counts_text(ui: &egui::Ui, derived: &super::derived::Derived) -> egui::text::LayoutJob {
    let (errors, warnings) = derived.open_counts;
    let color = |n: usize, c: Color32| if n == 0 { theme::OK } else { c };
    let warning_word = if warnings == 1 { "advarsel" } else { "advarsler" };
    let mut job = egui::text::LayoutJob::default();
    for (text, color) in [
        (format!("● {errors} fejl   "), color(errors, theme::ERROR)),
        (format!("● {warnings} {warning_word}"), color(warnings, theme::WARNING)),
    ] {
        RichText::new(text).color(color).strong().size(18.0).append_to(
            &mut job,
            ui.style(),
            egui::FontSelection::Default,
            egui::Align::Center,
        );
    }
    job
}

/// Discussed / decided counts.
fn progress_text(ui: &egui::Ui, doc: &Document, derived: &super::derived::Derived) -> egui::text::LayoutJob {
    let n = doc.session().managers.len();
    let (discussed, decided) = derived.progress;
    let mut job = egui::text::LayoutJob::default();
    RichText::new(format!("Drøftet {discussed}/{n} · Besluttet {decided}/{n}")).size(18.0).append_to(
        &mut job,
        ui.style(),
        egui::FontSelection::Default,
        egui::Align::Center,
    );
    job
}

/// Whether a text (kept on one line) fits in what is left of the current row, with a
/// separator before it.
fn fits(ui: &egui::Ui, job: &egui::text::LayoutJob) -> bool {
    let width = ui.painter().layout_job(job.clone()).size().x;
    width + 2.0 * ui.spacing().item_spacing.x + 6.0 <= ui.available_size_before_wrap().x
}

/// Who enters the changes.
fn user_ui(ui: &mut egui::Ui, doc: &Document, view: &ViewState, out: &mut Vec<Command>) {
    let current = doc.session().executive(&view.user).map_or_else(|| "—".to_string(), |e| e.name.clone());
    // Shorter while presenting (the zoomed bar has less room).
    let label = if view.presentation { "indtaster" } else { "indtaster ændringerne" };
    egui::ComboBox::from_label(label).selected_text(current).width(220.0).show_ui(ui, |ui| {
        for e in &doc.session().executives {
            if ui.selectable_label(e.id == view.user, format!("{} ({})", e.name, e.title)).clicked() {
                out.push(Command::SetUser(e.id.clone()));
            }
        }
    });
}

/// The file menu: open, save, save as, recent files.
fn file_menu_ui(ui: &mut egui::Ui, doc: &Document, view: &ViewState, out: &mut Vec<Command>) {
    ui.menu_button("Filer", |ui| {
        if ui.button("Åbn …  (Ctrl+O)").clicked() {
            out.push(Command::Open);
        }
        if ui.button("Gem  (Ctrl+S)").clicked() {
            out.push(Command::Save);
        }
        if ui.button("Gem som …  (Ctrl+Shift+S)").clicked() {
            out.push(Command::SaveAs);
        }
        ui.separator();
        ui.menu_button("Forbered for …", |ui| {
            for e in &doc.session().executives {
                if ui.button(format!("{} ({})", e.name, e.title)).clicked() {
                    out.push(Command::Prepare(e.id.clone()));
                }
            }
        });
        if ui.button("Indlæs forberedelser …").clicked() {
            out.push(Command::MergePreps);
        }
        if ui.button("Importér HR-data (Excel/CSV) …").clicked() {
            out.push(Command::Import { history: false });
        }
        if ui.button("Importér tidligere års beløb …").clicked() {
            out.push(Command::Import { history: true });
        }
        crate::ui::reference_ui::menu_ui(ui, doc.session(), out);
        ui.separator();
        ui.menu_button("Eksportér", |ui| {
            for kind in crate::ui::export::ExportKind::ALL {
                if ui.button(kind.label()).clicked() {
                    out.push(Command::Export(kind));
                }
            }
        });
        if !view.recent.is_empty() {
            ui.separator();
            ui.label(RichText::new("Seneste").small());
            for path in &view.recent {
                if ui.button(path.display().to_string()).clicked() {
                    out.push(Command::OpenPath(path.clone()));
                }
            }
        }
    });
}
