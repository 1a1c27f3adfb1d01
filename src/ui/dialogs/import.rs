//! Filer → Importér: HR data (or earlier years' amounts) from an Excel or CSV file. The
//! user maps the file's columns, sees every change and every rejected row before anything
//! happens, and accepts the import as one undo step, logged field by field.

use egui::RichText;

use crate::io::import::diff::{FieldChange, changes};
use crate::io::import::{
    Field, ImportResult, LearnedMapping, RowError, Sheet, default_mapping, header_key, import_history_sheet,
    import_sheet, mapping_with,
};
use crate::model::Session;

use crate::ui::command::Command;
use crate::ui::state::view::ViewState;
use crate::ui::theme;

/// An import waiting for the user's mapping and acceptance.
#[derive(Debug, Clone)]
pub struct PendingImport {
    /// The file's name (for the log and the heading).
    pub source: String,
    /// The file's rows.
    pub sheet: Sheet,
    /// Which field each column fills (None = ignored); unused for history.
    pub mapping: Vec<Option<Field>>,
    /// Earlier years' amounts instead of HR data.
    pub history: bool,
    /// The user accepts skipping the rejected rows.
    pub accept_rejections: bool,
    /// The import as it would be with the current mapping.
    pub preview: Result<ImportResult, RowError>,
    /// The changes of `preview`, field by field.
    pub changes: Vec<FieldChange>,
    /// How many columns were mapped as the user chose in an earlier import.
    pub remembered: usize,
}

impl PendingImport {
    /// The import of `sheet` into `session`, mapped by the user's earlier choices for
    /// these headers and otherwise by the default names.
    #[must_use]
    pub fn new(session: &Session, source: String, sheet: Sheet, history: bool, learned: &LearnedMapping) -> Self {
        let mapping = mapping_with(&sheet, learned);
        let remembered = sheet.header.iter().filter(|h| learned.contains_key(&header_key(h))).count();
        let remembered = if history || mapping == default_mapping(&sheet) { 0 } else { remembered };
        let preview = preview(session, &sheet, &mapping, history);
        let changes = preview.as_ref().map(|r| changes(session, r)).unwrap_or_default();
        Self { source, sheet, mapping, history, accept_rejections: false, preview, changes, remembered }
    }

    /// Reads the preview again for the current mapping.
    pub fn recompute(&mut self, session: &Session) {
        self.preview = preview(session, &self.sheet, &self.mapping, self.history);
        self.changes = self.preview.as_ref().map(|r| changes(session, r)).unwrap_or_default();
    }

    /// Whether "Importér" may be pressed.
    #[must_use]
    pub fn can_apply(&self) -> bool {
        self.preview
            .as_ref()
            .is_ok_and(|r| (r.rejected.is_empty() || self.accept_rejections) && !self.changes.is_empty())
    }
}

/// The import as it would be.
fn preview(
    session: &Session,
    sheet: &Sheet,
    mapping: &[Option<Field>],
    history: bool,
) -> Result<ImportResult, RowError> {
    if history { import_history_sheet(session, sheet) } else { import_sheet(session, sheet, mapping) }
}

/// What the user did in the dialog this frame.
enum Action {
    Map(usize, Option<Field>),
    Accept(bool),
    Apply,
    Cancel,
}

impl PendingImport {
    /// The import dialog: mapping, preview of every change, rejected rows. The mapping and
    /// the acceptance of rejected rows are the dialog's own; [`Command::ApplyImport`] or
    /// [`Command::CancelImport`] once the user decided.
    pub fn ui(&mut self, ctx: &egui::Context, session: &Session, view: &ViewState) -> Option<Command> {
        let pending = &*self;
        let mut action = None;
        // Below the foreground: the column lists (popups, foreground) always open above it.
        let id = egui::Id::unique("import");
        let area = egui::Modal::default_area(id.with("area")).order(egui::Order::Middle);
        egui::Modal::new(id).area(area).show(ctx, |ui| {
            ui.set_width(1100.0_f32.min(ctx.content_rect().width() - 80.0));
            let what = if pending.history { "tidligere års beløb" } else { "HR-data" };
            ui.heading(format!("Importér {what} fra {}", pending.source));
            if !pending.history {
                mapping_ui(ui, pending, &mut action);
            }
            preview_ui(ui, pending, view, &mut action);
            ui.separator();
            ui.horizontal(|ui| {
                if ui.add_enabled(pending.can_apply(), egui::Button::new("Importér")).clicked() {
                    action = Some(Action::Apply);
                }
                if ui.button("Annullér").clicked() {
                    action = Some(Action::Cancel);
                }
            });
        });
        match action? {
            Action::Map(k, f) => {
                self.remap(k, f, session);
                None
            }
            Action::Accept(yes) => {
                self.accept_rejections = yes;
                None
            }
            Action::Apply => Some(Command::ApplyImport),
            Action::Cancel => Some(Command::CancelImport),
        }
    }

    /// Maps column `k` to `field` (taking the field from any other column).
    fn remap(&mut self, k: usize, field: Option<Field>, session: &Session) {
        for m in &mut self.mapping {
            if field.is_some() && *m == field {
                *m = None;
            }
        }
        if let Some(slot) = self.mapping.get_mut(k) {
            *slot = field;
        }
        self.recompute(session);
    }
}

/// The mapping step: one row per column of the file with its first value and a field.
fn mapping_ui(ui: &mut egui::Ui, pending: &PendingImport, action: &mut Option<Action>) {
    ui.label("Vælg for hver kolonne i filen, hvad den indeholder. Medarbejdernr, Navn og Niveau skal være med.");
    if pending.remembered > 0 {
        let columns = if pending.remembered == 1 { "kolonne er valgt" } else { "kolonner er valgt" };
        ui.label(
            RichText::new(format!(
                "{} {columns} som ved en tidligere import – ret dem, hvis filen er anderledes.",
                pending.remembered
            ))
            .color(theme::INFO),
        );
    }
    egui::ScrollArea::vertical().id_salt("import_mapping").max_height(300.0).show(ui, |ui| {
        egui::Grid::new("import_mapping_grid").num_columns(2).striped(true).show(ui, |ui| {
            for (k, header) in pending.sheet.header.iter().enumerate() {
                let current = pending.mapping.get(k).copied().flatten();
                let example = pending.sheet.rows.first().and_then(|(_, r)| r.get(k)).cloned().unwrap_or_default();
                let shown = current.map_or("Bruges ikke", Field::label);
                egui::ComboBox::new(("import_map", k), format!("«{header}»  eks. {example}"))
                    .selected_text(shown)
                    .width(220.0)
                    .show_ui(ui, |ui| {
                        if ui.selectable_label(current.is_none(), "Bruges ikke").clicked() {
                            *action = Some(Action::Map(k, None));
                        }
                        for f in Field::ALL {
                            if ui.selectable_label(current == Some(f), f.label()).clicked() {
                                *action = Some(Action::Map(k, Some(f)));
                            }
                        }
                    });
                ui.end_row();
            }
        });
    });
}

/// The outcome as it would be: counts, every change, every rejected row.
fn preview_ui(
    ui: &mut egui::Ui,
    pending: &PendingImport,
    view: &crate::ui::state::view::ViewState,
    action: &mut Option<Action>,
) {
    ui.separator();
    let result = match &pending.preview {
        Err(e) => {
            ui.label(RichText::new(format!("Kan ikke importeres: {e}")).color(theme::ERROR).strong());
            return;
        }
        Ok(r) => r,
    };
    let count = |n: usize, one: &str, many: &str| format!("{n} {}", if n == 1 { one } else { many });
    let summary = [
        count(result.added.len(), "ny leder", "nye ledere"),
        count(
            pending.changes.iter().filter(|c| c.what != "Ny leder").count(),
            "ændring hos kendte ledere",
            "ændringer hos kendte ledere",
        ),
        count(result.rejected.len(), "række afvist", "rækker afvist"),
    ]
    .join(" · ");
    ui.label(RichText::new(summary).strong());
    egui::ScrollArea::vertical().id_salt("import_preview").max_height(260.0).show(ui, |ui| {
        for c in &pending.changes {
            let text = if c.old.is_empty() {
                format!("{} {} · {}: {}", c.manager, view.display_name_of(&c.name), c.what, c.new)
            } else {
                format!("{} {} · {}: {} → {}", c.manager, view.display_name_of(&c.name), c.what, c.old, c.new)
            };
            ui.label(text);
        }
        for r in &result.rejected {
            ui.label(RichText::new(format!("Afvist: {r}")).color(theme::ERROR));
        }
    });
    if !result.rejected.is_empty() {
        let mut accept = pending.accept_rejections;
        if ui.checkbox(&mut accept, "Spring de afviste rækker over og importér resten").changed() {
            *action = Some(Action::Accept(accept));
        }
    }
    if pending.changes.is_empty() {
        ui.label(RichText::new("Filen ændrer intet i sessionen.").color(theme::MUTED));
    }
}
