//! The top bar: organisation and year, the pool gauge, finding counts, meeting progress,
//! who is entering changes, and the mode and file controls.

use egui::{Align, Color32, Layout, RichText, Sense, Stroke, StrokeKind};
use rust_decimal::Decimal;
use rust_decimal::prelude::ToPrimitive;

use crate::engine::Evaluation;
use crate::model::money::format_kr;
use crate::ui::panels::topbar_gauge::GaugeFigures;

use crate::document::Document;
use crate::ui::command::Command;
use crate::ui::state::view::ViewState;
use crate::ui::theme;

/// Draws the top bar: two rows of fixed height at every window size. Nothing in it wraps:
/// when a row is too narrow, shorter forms are used (the pool's sum moves into the gauge,
/// the proposals into a menu, the user's label into a tooltip) and the organisation's
/// name is cut with "…" (its full text on hover) – never a number.
pub fn ui(
    ui: &mut egui::Ui,
    doc: &Document,
    eval: &Evaluation,
    derived: &crate::ui::state::derived::Derived,
    view: &mut ViewState,
    recent: &[std::path::PathBuf],
    out: &mut Vec<Command>,
) {
    ui.add_space(3.0);
    status_row_ui(ui, doc, eval, derived);
    ui.add_space(2.0);
    controls_row_ui(ui, doc, view, recent, out);
    ui.add_space(3.0);
}

/// How much of the status row's full form fits.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum StatusForm {
    /// Gauge, "Brugt … af …", counts, progress.
    Full,
    /// The pool's sum inside the gauge, "Brugt …" beside it.
    Compact,
    /// No gauge: "Brugt … af …" and the rest (the narrowest).
    NoGauge,
}

/// The first row: organisation and year, the pool, the open findings, the progress.
fn status_row_ui(ui: &mut egui::Ui, doc: &Document, eval: &Evaluation, derived: &crate::ui::state::derived::Derived) {
    let session = doc.session();
    let gauge = crate::ui::panels::topbar_gauge::figures(eval, derived.frame.as_ref());
    let pool = &gauge.status;
    let over = pool.exceeded();
    let pool_color = if over { theme::ERROR } else { theme::OK };
    let state = if over {
        format!("Overskredet med {}", format_kr(-pool.left))
    } else {
        format!("Rest {}", format_kr(pool.left))
    };
    let used_full = format!("Brugt {} af {}", format_kr(pool.used), format_kr(pool.pool));
    let used_short = format!("Brugt {}", format_kr(pool.used));
    let (errors, warnings) = derived.open_counts;
    let count_color = |n: usize, c: Color32| if n == 0 { theme::OK } else { c };
    let warning_word = if warnings == 1 { "advarsel" } else { "advarsler" };
    let count_lines = [
        RichText::new(format!("● {errors} fejl")).color(count_color(errors, theme::ERROR)).strong(),
        RichText::new(format!("● {warnings} {warning_word}")).color(count_color(warnings, theme::WARNING)).strong(),
    ];
    let n = session.managers.len();
    let (discussed, decided) = derived.progress;
    let progress_lines =
        [RichText::new(format!("Drøftet {discussed}/{n}")), RichText::new(format!("Besluttet {decided}/{n}"))];

    let gap = ui.spacing().item_spacing.x * 2.0 + 2.0;
    let width = |t: &str, strong: bool| text_width(ui, t, strong);
    let block = |a: &str, b: &str, strong: bool| width(a, strong).max(width(b, strong));
    let counts_w = block(count_lines[0].text(), count_lines[1].text(), true);
    let progress_w = block(progress_lines[0].text(), progress_lines[1].text(), false);
    let fixed = counts_w + progress_w + 3.0 * gap;
    let available = ui.available_width();
    let org_min = 160.0;
    // The gauge is as wide as its text needs (the percentage, and in the compact form the
    // pool's size), never narrower than GAUGE_WIDTH.
    let percent = pool
        .used_percent()
        .map_or_else(|| "–".to_string(), |p| crate::model::money::format_percent_fixed(p.round_dp(0), 0));
    let inside_full = format!("{percent} af {}", gauge.noun);
    let inside_compact = format!("{percent} af {}", format_kr(pool.pool));
    let gauge_full = (gauge_text_width(ui, &inside_full) + 16.0).max(GAUGE_WIDTH);
    let gauge_compact = (gauge_text_width(ui, &inside_compact) + 16.0).max(GAUGE_WIDTH);
    let full = org_min + gauge_full + gap + block(&used_full, &state, true) + gap + fixed;
    let compact = org_min + gauge_compact + gap + block(&used_short, &state, true) + gap + fixed;
    let bare = org_min + block(&used_full, &state, true) + gap + fixed;
    let (form, needed) = if full <= available {
        (StatusForm::Full, full)
    } else if compact <= available {
        (StatusForm::Compact, compact)
    } else {
        (StatusForm::NoGauge, bare)
    };
    let line = ui.text_style_height(&egui::TextStyle::Body);
    let height = 2.0 * line + ui.spacing().item_spacing.y;
    let right_w = needed - org_min;
    ui.allocate_ui_with_layout(egui::vec2(available, height), Layout::left_to_right(Align::Center), |ui| {
        let org_w = (available - right_w).max(60.0);
        ui.allocate_ui_with_layout(egui::vec2(org_w, height), Layout::top_down(Align::Min), |ui| {
            ui.set_width(org_w);
            if let Some(info) = &session.prep {
                let who = session.executive(&info.executive).map_or(info.executive.as_str(), |e| e.name.as_str());
                ui.add(
                    egui::Label::new(
                        RichText::new(format!("FORBEREDELSE · {who}"))
                            .strong()
                            .color(Color32::WHITE)
                            .background_color(theme::INFO),
                    )
                    .truncate(),
                );
            } else {
                ui.add(egui::Label::new(RichText::new(&session.organisation.name).heading().strong()).truncate())
                    .on_hover_text(&session.organisation.name);
            }
            let subtitle = if session.prep.is_some() {
                format!("{} · resultatløn og engangsvederlag {}", session.organisation.name, session.year)
            } else {
                format!("Resultatløn og engangsvederlag {}", session.year)
            };
            ui.add(egui::Label::new(RichText::new(subtitle).small()).truncate());
        });
        ui.separator();
        match form {
            StatusForm::Full | StatusForm::Compact if derived.frame.is_none() && derived.pool_parts.is_some() => {
                if let Some(parts) = &derived.pool_parts {
                    super::topbar_parts::ui(ui, parts, gauge_full);
                }
            }
            StatusForm::Full => pool_gauge_ui(ui, &gauge, &inside_full, gauge_full, &used_full, &state),
            StatusForm::Compact => pool_gauge_ui(ui, &gauge, &inside_compact, gauge_compact, &used_full, &state),
            StatusForm::NoGauge => {}
        }
        let first = if form == StatusForm::Compact { used_short.clone() } else { used_full.clone() };
        two_lines(ui, RichText::new(first).strong(), RichText::new(state.clone()).color(pool_color).strong());
        ui.separator();
        let [a, b] = count_lines;
        two_lines(ui, a, b);
        ui.separator();
        let [a, b] = progress_lines;
        two_lines(ui, a, b);
    });
}

/// Width of the pool gauge, points.
const GAUGE_WIDTH: f32 = 190.0;

/// Two labels above each other, neither wrapping.
fn two_lines(ui: &mut egui::Ui, first: RichText, second: RichText) {
    ui.vertical(|ui| {
        ui.spacing_mut().item_spacing.y = 2.0;
        ui.add(egui::Label::new(first).extend());
        ui.add(egui::Label::new(second).extend());
    });
}

/// Width of `text` in the body font on one line, points.
fn text_width(ui: &egui::Ui, text: &str, strong: bool) -> f32 {
    let rich = if strong { RichText::new(text).strong() } else { RichText::new(text) };
    crate::ui::one_line_width(ui, rich, egui::TextStyle::Body)
}

/// Width of a button showing `text`, points.
fn button_width(ui: &egui::Ui, text: &str) -> f32 {
    text_width(ui, text, false) + 2.0 * ui.spacing().button_padding.x + ui.spacing().item_spacing.x
}

/// The second row: file menu, who enters, undo/redo, proposals, presentation, the notice.
fn controls_row_ui(
    ui: &mut egui::Ui,
    doc: &Document,
    view: &ViewState,
    recent: &[std::path::PathBuf],
    out: &mut Vec<Command>,
) {
    let presentation_label = if view.presentation { "■ Præsentation" } else { "Præsentation (F5)" };
    let sep = ui.spacing().item_spacing.x * 2.0 + 2.0;
    let mut needed = button_width(ui, "Filer")
        + button_width(ui, "↶ Fortryd")
        + button_width(ui, "↷ Gentag")
        + button_width(ui, presentation_label)
        + 4.0 * sep
        + 60.0;
    if view.presentation {
        needed += button_width(ui, "Initialer");
    }
    // The unsaved marker says "● Ikke gemt" where the row has room, else "●" (tooltip).
    let marker_full = text_width(ui, UNSAVED, true) + sep;
    let short_marker = needed + marker_full + button_width(ui, "Forslag ▾") + USER_WIDTH > ui.available_width();
    let marker_text = if short_marker { "●" } else { UNSAVED };
    needed += text_width(ui, marker_text, true) + sep;
    let in_prep = doc.prep_owner().is_some();
    let proposals: f32 =
        super::topbar_proposals::buttons(in_prep).iter().map(|(label, _)| button_width(ui, label)).sum();
    let user_label = text_width(ui, "indtaster ændringerne", false) + USER_WIDTH;
    let available = ui.available_width();
    let proposals_in_menu = needed + proposals + user_label > available;
    let proposal_w = if proposals_in_menu { button_width(ui, "Forslag ▾") } else { proposals };
    let user_compact = needed + proposal_w + user_label > available;
    ui.horizontal(|ui| {
        file_menu_ui(ui, doc, view, recent, out);
        // On screen in both modes: a projector shows no window title. The label is there
        // (empty) when all is saved, so its appearing neither moves the controls after it
        // nor costs egui a frame to style a new widget.
        let dirty = doc.is_dirty();
        let marker = ui.label(RichText::new(if dirty { marker_text } else { "" }).color(theme::WARNING).strong());
        if dirty {
            marker.on_hover_text("Der er ændringer, som ikke er gemt (Ctrl+S gemmer)");
        } else {
            ui.add_space((text_width(ui, marker_text, true) - marker.rect.width()).max(0.0));
        }
        ui.separator();
        user_ui(ui, doc, view, user_compact, out);
        ui.separator();
        let undo = ui.add_enabled(doc.can_undo(), egui::Button::new("↶ Fortryd"));
        if undo.on_hover_text(doc.undo_label().map_or(String::new(), |l| format!("Fortryd: {l} (Ctrl+Z)"))).clicked() {
            out.push(Command::Undo);
        }
        if ui.add_enabled(doc.can_redo(), egui::Button::new("↷ Gentag")).on_hover_text("Ctrl+Y").clicked() {
            out.push(Command::Redo);
        }
        ui.separator();
        if proposals_in_menu {
            ui.menu_button("Forslag ▾", |ui| super::topbar_proposals::ui(ui, in_prep, out));
        } else {
            super::topbar_proposals::ui(ui, in_prep, out);
        }
        ui.separator();
        if ui.selectable_label(view.presentation, presentation_label).on_hover_text("F5").clicked() {
            out.push(Command::TogglePresentation);
        }
        if view.presentation
            && ui
                .selectable_label(view.initials, "Initialer")
                .on_hover_text("Vis initialer i stedet for navne")
                .clicked()
        {
            out.push(Command::ToggleInitials);
        }
        if let Some(notice) = &view.notice {
            ui.separator();
            let color = if notice.is_error { theme::ERROR } else { theme::OK };
            ui.add(egui::Label::new(RichText::new(&notice.text).color(color).strong()).truncate())
                .on_hover_text(&notice.text);
        }
    });
}

/// The pool (in a prep: the director's frame) as a gauge `width` points wide: used part
/// filled, red when over, `text` (the percentage, with the pool's size in the compact
/// form) on it.
fn pool_gauge_ui(ui: &mut egui::Ui, gauge: &GaugeFigures, text: &str, width: f32, used: &str, state: &str) {
    let pool = &gauge.status;
    let height = ui.text_style_height(&egui::TextStyle::Body) + 8.0;
    let (rect, response) = ui.allocate_exact_size(egui::vec2(width, height), Sense::hover());
    let painter = ui.painter_at(rect);
    painter.rect_filled(rect, 4.0, theme::GAUGE_BG);
    // The float only sizes the bar; the percentage shown is the engine's.
    let share = if pool.pool > Decimal::ZERO {
        (pool.used / pool.pool).to_f32().unwrap_or(0.0)
    } else if pool.used > Decimal::ZERO {
        2.0
    } else {
        0.0
    };
    let over = pool.exceeded();
    let fill = if over { theme::ERROR } else { theme::OK };
    let mut used_rect = rect;
    used_rect.set_width(rect.width() * share.clamp(0.0, 1.0));
    painter.rect_filled(used_rect, 4.0, fill);
    painter.rect_stroke(rect, 4.0, Stroke::new(1.0, theme::MUTED), StrokeKind::Inside);
    painter.text(
        rect.center(),
        egui::Align2::CENTER_CENTER,
        text,
        gauge_font(ui),
        if share > 0.55 { Color32::WHITE } else { Color32::BLACK },
    );
    response.on_hover_text(crate::ui::panels::topbar_gauge::hover_text(gauge, used, state));
}

/// The gauge's font: the small text style, at least 13 points.
fn gauge_font(ui: &egui::Ui) -> egui::FontId {
    egui::FontId::proportional(ui.text_style_height(&egui::TextStyle::Small).max(13.0))
}

/// Width of `text` in the gauge's font, points.
fn gauge_text_width(ui: &egui::Ui, text: &str) -> f32 {
    crate::ui::one_line_width(ui, RichText::new(text).font(gauge_font(ui)), egui::TextStyle::Small)
}

/// Who enters the changes.
fn user_ui(ui: &mut egui::Ui, doc: &Document, view: &ViewState, compact: bool, out: &mut Vec<Command>) {
    let current = doc.session().executive(&view.user).map_or_else(|| "—".to_string(), |e| e.name.clone());
    // On a narrow row the label goes into the tooltip.
    let combo = if compact {
        egui::ComboBox::from_id_salt("user").width(USER_WIDTH * 0.75)
    } else {
        egui::ComboBox::from_label("indtaster ændringerne").width(USER_WIDTH)
    };
    let response = combo.selected_text(current).show_ui(ui, |ui| {
        for e in &doc.session().executives {
            if ui.selectable_label(e.id == view.user, format!("{} ({})", e.name, e.title)).clicked() {
                out.push(Command::SetUser(e.id.clone()));
            }
        }
    });
    response.response.on_hover_text("Hvem indtaster ændringerne (står i ændringsloggen)");
}

/// The marker of unsaved changes in the top bar.
pub const UNSAVED: &str = "● Ikke gemt";

/// Width of the user's combo box, points.
const USER_WIDTH: f32 = 200.0;

/// The file menu: open, save, save as, recent files, quit.
fn file_menu_ui(
    ui: &mut egui::Ui,
    doc: &Document,
    view: &ViewState,
    recent: &[std::path::PathBuf],
    out: &mut Vec<Command>,
) {
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
        crate::ui::panels::topbar_menu::prep_menu_ui(ui, doc.session(), view, out);
        if ui.button("Importér HR-data (Excel/CSV) …").clicked() {
            out.push(Command::Import { history: false });
        }
        if ui.button("Importér tidligere års beløb …").clicked() {
            out.push(Command::Import { history: true });
        }
        reference_menu_ui(ui, doc.session(), out);
        ui.separator();
        ui.menu_button("Eksportér", |ui| {
            for kind in crate::io::export::ExportKind::ALL {
                if ui.button(kind.label()).clicked() {
                    out.push(Command::Export(kind));
                }
            }
        });
        if !recent.is_empty() {
            ui.separator();
            ui.label(RichText::new("Seneste").small());
            for path in recent {
                if ui.button(path.display().to_string()).clicked() {
                    out.push(Command::OpenPath(path.clone()));
                }
            }
        }
        ui.separator();
        if ui.button("Afslut").clicked() {
            out.push(Command::Quit);
        }
    });
}

/// *Filer → Sammenlign med …* (and *Fjern sammenligning* when one is attached).
fn reference_menu_ui(ui: &mut egui::Ui, session: &crate::model::Session, out: &mut Vec<Command>) {
    if ui.button("Sammenlign med …").clicked() {
        out.push(Command::CompareWith);
    }
    for link in &session.reference {
        if ui.button(format!("Fjern sammenligning med {}", link.path)).clicked() {
            out.push(Command::Edit(crate::document::Edit::RemoveReference { path: link.path.clone() }));
        }
    }
}
