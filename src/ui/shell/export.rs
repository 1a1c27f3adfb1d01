//! File → Eksportér: writes the outputs chosen in the menu to a file the user picks; the
//! format follows the file's extension (Excel or CSV for tables, HTML for documents).
//! The allocation and the letters of a meeting that is not final are only written after
//! the user chose "Eksportér som UDKAST" in a modal, and then marked UDKAST.

use std::path::{Path, PathBuf};

use egui::RichText;

use crate::io;
use crate::io::finality::Finality;
use crate::io::outputs::{Format, OutputKind, RenderOptions};
use crate::model::Session;

use crate::ui::command::Command;
use crate::ui::dialogs::file_purpose::FilePurpose;
use crate::ui::shell::app::KalibrerApp;
use crate::ui::state::view::ViewState;

/// An export waiting for the user's choice because the meeting is not final.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PendingExport {
    /// What to export.
    pub kind: ExportKind,
    /// Where (None: ask with a file dialog after the choice).
    pub path: Option<PathBuf>,
    /// Why the amounts are not final, in Danish.
    pub reason: String,
}

/// The outputs the GUI can export.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ExportKind {
    /// One of the meeting's outputs (see [`OutputKind`]).
    Output(OutputKind),
    /// An anonymised copy of the session for sharing (RON).
    AnonymisedCopy,
}

impl ExportKind {
    /// Every kind, in menu order.
    pub const ALL: [Self; 7] = [
        Self::Output(OutputKind::Allocation),
        Self::Output(OutputKind::Documentation),
        Self::Output(OutputKind::Letters),
        Self::Output(OutputKind::Public),
        Self::Output(OutputKind::Statistics),
        Self::Output(OutputKind::FixedSalary),
        Self::AnonymisedCopy,
    ];

    /// The menu label.
    #[must_use]
    pub fn label(self) -> &'static str {
        match self {
            Self::Output(OutputKind::Documentation) => "Dokumentation til revisionen (HTML) …",
            Self::Output(OutputKind::Letters) => "Breve til lederne (HTML) …",
            Self::Output(OutputKind::Public) => "Offentlig del af topkontrakten (HTML) …",
            Self::Output(OutputKind::Statistics) => "Anonymiseret statistik (Excel/CSV) …",
            Self::Output(OutputKind::Allocation) => "Fordeling til lønkontoret (Excel/CSV) …",
            Self::Output(OutputKind::FixedSalary) => "Simulering: omlægning til fast løn (Excel/CSV) …",
            Self::AnonymisedCopy => "Gem anonymiseret kopi …",
        }
    }

    /// The extensions offered in the save dialog, the preferred first.
    #[must_use]
    pub fn extensions(self) -> Vec<&'static str> {
        match self {
            Self::Output(kind) => kind.formats().iter().map(|f| f.extension()).collect(),
            Self::AnonymisedCopy => vec!["ron"],
        }
    }

    /// Suggested file name with the preferred extension.
    #[must_use]
    pub fn file_name(self) -> String {
        match self {
            Self::Output(kind) => format!("{}.{}", kind.file_stem(), self.extensions()[0]),
            Self::AnonymisedCopy => "anonymiseret.ron".to_string(),
        }
    }

    /// Whether this export is only final when the meeting is (the allocation, the letters).
    #[must_use]
    pub fn needs_finality(self) -> bool {
        matches!(self, Self::Output(kind) if kind.needs_finality())
    }

    /// The file's content for `path` (its extension picks the format; none → preferred);
    /// `options` give the session's file (for its letter template) and the draft choice.
    ///
    /// # Errors
    /// A Danish message when the extension does not fit the kind or the letter template
    /// cannot be used.
    pub fn render(self, session: &Session, path: &Path, options: &RenderOptions<'_>) -> Result<Vec<u8>, String> {
        match self {
            Self::AnonymisedCopy => Ok(io::to_ron(&io::anonymise::anonymised(session)).into_bytes()),
            Self::Output(kind) => {
                let format = match path.extension() {
                    None => kind.formats()[0],
                    Some(_) => Format::from_path(path)
                        .ok_or_else(|| format!("filtypen skal være {}", self.extensions().join(" eller .")))?,
                };
                io::outputs::render_with(session, kind, format, options)
            }
        }
    }
}

impl KalibrerApp {
    /// Why `kind` cannot be exported as final now, or None when it can.
    fn not_final(&self, kind: ExportKind) -> Option<String> {
        if !kind.needs_finality() {
            return None;
        }
        let finality = Finality::of(self.meeting.doc.session(), &self.meeting.eval);
        (!finality.is_final()).then(|| finality.reason())
    }

    /// Asks where and writes the export there; a draft is asked about first.
    pub(crate) fn export_dialog(&mut self, kind: ExportKind) {
        if let Some(reason) = self.not_final(kind) {
            self.meeting.view.pending_export = Some(PendingExport { kind, path: None, reason });
            return;
        }
        self.ask_for_file(FilePurpose::Export { kind, draft: false });
    }

    /// Writes the export to `path` (atomically) and reports the outcome. When the meeting
    /// is not final, the allocation and the letters wait for the user's choice instead
    /// (see [`Self::export_pending_draft`]).
    pub fn export_to(&mut self, kind: ExportKind, path: &Path) {
        if let Some(reason) = self.not_final(kind) {
            self.meeting.view.pending_export = Some(PendingExport { kind, path: Some(path.to_path_buf()), reason });
            return;
        }
        self.write_export(kind, path, false);
    }

    /// The user chose "Eksportér som UDKAST": writes the waiting export as a draft (asking
    /// where first when no file was chosen yet).
    pub fn export_pending_draft(&mut self) {
        let Some(pending) = self.meeting.view.pending_export.take() else { return };
        match pending.path {
            Some(path) => self.write_export(pending.kind, &path, true),
            None => self.ask_for_file(FilePurpose::Export { kind: pending.kind, draft: true }),
        }
    }

    /// Writes the export (a draft when `draft`) and reports the outcome.
    pub(crate) fn write_export(&mut self, kind: ExportKind, path: &Path, draft: bool) {
        let mut path = path.to_path_buf();
        if path.extension().is_none() {
            path.set_extension(kind.extensions()[0]);
        }
        let options = RenderOptions { session_path: self.meeting.doc.path.as_deref(), draft };
        let written = kind
            .render(self.meeting.doc.session(), &path, &options)
            .and_then(|bytes| io::session_file::save_bytes_atomic(&path, &bytes, None).map_err(|e| e.message));
        let mark = if draft { " som UDKAST" } else { "" };
        match written {
            Ok(()) => self.meeting.view.notify(format!("Eksporteret{mark} til {}", path.display()), false),
            Err(e) => self.meeting.view.notify(format!("Kunne ikke skrive {}: {e}", path.display()), true),
        }
    }
}

/// The question asked before the allocation or the letters of an unfinished meeting are
/// written: only as a draft marked UDKAST, or not at all.
pub fn draft_export_ui(ctx: &egui::Context, view: &ViewState, out: &mut Vec<Command>) {
    let Some(pending) = &view.pending_export else { return };
    let what = match pending.kind {
        ExportKind::Output(OutputKind::Letters) => {
            "Brevene får UDKAST øverst på hver side, og brevet til en leder, der ikke er besluttet, siger ikke, at beløbet er besluttet."
        }
        _ => "Fordelingen får kolonnen «Status» med UDKAST i hver række, og oversigten siger, hvorfor.",
    };
    egui::Modal::new(egui::Id::unique("draft_export")).show(ctx, |ui| {
        ui.heading("Beløbene er ikke endelige");
        ui.label(format!("{}.", capitalised(&pending.reason)));
        ui.label("Filen kan kun skrives som et udkast, så ingen tager beløbene for endelige.");
        ui.label(what);
        ui.horizontal(|ui| {
            if ui.button(RichText::new("Eksportér som UDKAST").strong()).clicked() {
                out.push(Command::ExportDraft);
            }
            if ui.button("Annuller").clicked() {
                out.push(Command::CancelExport);
            }
        });
    });
}

/// The text with its first letter upper case.
fn capitalised(text: &str) -> String {
    let mut chars = text.chars();
    chars.next().map_or_else(String::new, |c| c.to_uppercase().chain(chars).collect())
}
