//! Choosing a file: what each file choice is for (title, file types, suggested name), and
//! whether the desktop can show its own file dialog (Kalibrer's own, `file_dialog/`, is
//! used when it cannot).

use std::path::{Path, PathBuf};

use crate::io::export::ExportKind;

/// The environment variable that chooses the file dialog: `intern` always uses Kalibrer's
/// own, `system` always the desktop's.
pub const DIALOG_ENV: &str = "KALIBRER_FILE_DIALOG";

/// What a file is being chosen for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FilePurpose {
    /// Open a session (.ron).
    Open,
    /// Save the session under a new name (.ron).
    SaveAs,
    /// Export an output; `draft` when the user already chose to write it as UDKAST.
    Export {
        /// What to export.
        kind: ExportKind,
        /// Written as a draft marked UDKAST.
        draft: bool,
    },
    /// Write a preparation file for this executive (id).
    Prepare(String),
    /// Merge preparation files (several may be chosen).
    MergePreps,
    /// Import HR data, or earlier years' amounts when `history`.
    Import {
        /// Earlier years' amounts instead of HR data.
        history: bool,
    },
    /// Compare with another organisation's statistics export.
    Compare,
}

/// A file choice the user made (carried out by the shell's `carry_out_file_choice`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FileChoice {
    /// What the files were chosen for.
    pub purpose: FilePurpose,
    /// The chosen files (one, except for merging preparations).
    pub paths: Vec<PathBuf>,
}

impl FilePurpose {
    /// The dialog's title.
    #[must_use]
    pub fn title(&self) -> String {
        match self {
            Self::Open => "Åbn session".into(),
            Self::SaveAs => "Gem sessionen som".into(),
            Self::Export { kind, .. } => {
                format!("Eksportér: {}", kind.label().trim_end_matches(" …").trim_end_matches('…').trim_end())
            }
            Self::Prepare(executive) => format!("Gem forberedelsen for {executive}"),
            Self::MergePreps => "Indlæs forberedelser".into(),
            Self::Import { history: false } => "Importér HR-data".into(),
            Self::Import { history: true } => "Importér tidligere års beløb".into(),
            Self::Compare => "Sammenlign med en statistikeksport".into(),
        }
    }

    /// Whether a new file is written (a save dialog) rather than existing files read.
    #[must_use]
    pub fn saves(&self) -> bool {
        matches!(self, Self::SaveAs | Self::Export { .. } | Self::Prepare(_))
    }

    /// Whether several files may be chosen.
    #[must_use]
    pub fn multiple(&self) -> bool {
        matches!(self, Self::MergePreps)
    }

    /// The file types offered, the preferred first (lower case, without the dot).
    #[must_use]
    pub fn extensions(&self) -> Vec<&'static str> {
        match self {
            Self::Open | Self::SaveAs | Self::Prepare(_) | Self::MergePreps => vec!["ron"],
            Self::Export { kind, .. } => kind.extensions(),
            Self::Import { .. } => vec!["xlsx", "csv", "txt"],
            Self::Compare => vec!["xlsx", "csv"],
        }
    }

    /// The name of a file type in the system dialog's filter list.
    #[must_use]
    pub fn filter_name(&self, extension: &str) -> &'static str {
        match (self, extension) {
            (Self::Prepare(_) | Self::MergePreps, _) => "Forberedelse",
            (Self::Import { .. }, _) => "Excel eller CSV",
            (Self::Compare, _) => "Statistikeksport",
            (_, "xlsx") => "Excel-projektmappe (til at læse og printe)",
            (_, "csv") => "CSV til lønsystem og andre systemer (semikolonsepareret)",
            (_, "html") => "HTML-dokument",
            _ => "Kalibrer-session",
        }
    }

    /// The suggested file name of a save.
    #[must_use]
    pub fn file_name(&self) -> Option<String> {
        match self {
            Self::SaveAs => Some("kalibrering.ron".into()),
            Self::Export { kind, .. } => Some(kind.file_name()),
            Self::Prepare(executive) => Some(format!("forberedelse-{executive}.ron")),
            Self::Open | Self::MergePreps | Self::Import { .. } | Self::Compare => None,
        }
    }

    /// The file types as shown in the dialog: ".xlsx eller .csv".
    #[must_use]
    pub fn types_text(&self) -> String {
        let dotted: Vec<String> = self.extensions().iter().map(|e| format!(".{e}")).collect();
        match dotted.split_last() {
            Some((last, rest)) if !rest.is_empty() => format!("{} eller {last}", rest.join(", ")),
            _ => dotted.concat(),
        }
    }

    /// Whether `path` has one of the offered types (case-insensitive).
    #[must_use]
    pub fn accepts(&self, path: &Path) -> bool {
        path.extension()
            .and_then(|e| e.to_str())
            .is_some_and(|e| self.extensions().iter().any(|x| x.eq_ignore_ascii_case(e)))
    }

    /// The file a save writes: the preferred type added when the name has none.
    #[must_use]
    pub fn with_extension(&self, path: &Path) -> PathBuf {
        let mut path = path.to_path_buf();
        if self.saves() && path.extension().is_none() {
            path.set_extension(self.extensions()[0]);
        }
        path
    }

    /// What the app says when the user closed the dialog without choosing.
    #[must_use]
    pub fn cancelled_text(&self) -> &'static str {
        match self {
            Self::Open => "Ingen fil er åbnet.",
            Self::SaveAs => "Gem som er annulleret – intet er gemt.",
            Self::Export { .. } => "Eksporten er annulleret.",
            Self::Prepare(_) => "Ingen forberedelse er skrevet.",
            Self::MergePreps => "Ingen forberedelser er indlæst.",
            Self::Import { .. } => "Intet er importeret.",
            Self::Compare => "Der er ikke tilføjet nogen sammenligning.",
        }
    }
}

/// Which file dialog is used.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DialogMode {
    /// The desktop's own dialog (rfd), and Kalibrer's when it cannot be shown.
    System,
    /// Kalibrer's own dialog, chosen with `KALIBRER_FILE_DIALOG=intern` (or by a test).
    InApp,
    /// Kalibrer's own dialog, because the desktop has no file dialog to offer (on Linux: no
    /// xdg-desktop-portal with a file chooser on a session bus, and no zenity).
    NoSystemDialog,
}

/// What [`DialogMode::detect`] looks at, gathered by [`Probe::of_this_desktop`].
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Probe {
    /// The value of `KALIBRER_FILE_DIALOG`.
    pub setting: Option<String>,
    /// Whether this is a desktop whose file dialog is always there (Windows, macOS, a
    /// Flatpak sandbox).
    pub always_there: bool,
    /// A D-Bus session bus address is known.
    pub session_bus: bool,
    /// xdg-desktop-portal is installed with a backend that offers a file chooser.
    pub portal_file_chooser: bool,
    /// `zenity` is on the PATH (rfd's fallback when the portal fails).
    pub zenity: bool,
}

impl Probe {
    /// Looks at this machine: environment variables and a few files, nothing is started.
    #[must_use]
    pub fn of_this_desktop() -> Self {
        let setting = std::env::var(DIALOG_ENV).ok();
        let always_there = !cfg!(unix) || cfg!(target_os = "macos") || Path::new("/.flatpak-info").exists();
        let session_bus = std::env::var_os("DBUS_SESSION_BUS_ADDRESS").is_some_and(|a| !a.is_empty())
            || std::env::var_os("XDG_RUNTIME_DIR").is_some_and(|d| Path::new(&d).join("bus").exists());
        let data_dirs = data_dirs();
        let portal_file_chooser =
            data_dirs.iter().any(|d| d.join("dbus-1/services/org.freedesktop.portal.Desktop.service").exists())
                && data_dirs.iter().any(|d| offers_file_chooser(&d.join("xdg-desktop-portal/portals")));
        let zenity = std::env::var_os("PATH")
            .is_some_and(|paths| std::env::split_paths(&paths).any(|p| p.join("zenity").is_file()));
        Self { setting, always_there, session_bus, portal_file_chooser, zenity }
    }
}

/// The XDG data directories (`XDG_DATA_HOME`, then `XDG_DATA_DIRS` or its default).
fn data_dirs() -> Vec<PathBuf> {
    let mut dirs = Vec::new();
    if let Some(home) = std::env::var_os("XDG_DATA_HOME").filter(|h| !h.is_empty()) {
        dirs.push(PathBuf::from(home));
    } else if let Some(home) = std::env::var_os("HOME") {
        dirs.push(PathBuf::from(home).join(".local/share"));
    }
    match std::env::var_os("XDG_DATA_DIRS").filter(|d| !d.is_empty()) {
        Some(list) => dirs.extend(std::env::split_paths(&list)),
        None => dirs.extend([PathBuf::from("/usr/local/share"), PathBuf::from("/usr/share")]),
    }
    dirs
}

/// Whether a portal backend in `dir` (`*.portal` files) implements the file chooser.
fn offers_file_chooser(dir: &Path) -> bool {
    let Ok(entries) = std::fs::read_dir(dir) else { return false };
    entries.filter_map(Result::ok).any(|entry| {
        entry.path().extension().is_some_and(|e| e == "portal")
            && std::fs::read_to_string(entry.path())
                .is_ok_and(|text| text.contains("org.freedesktop.impl.portal.FileChooser"))
    })
}

impl DialogMode {
    /// The dialog to use: the setting when it names one, else the desktop's when it has one.
    #[must_use]
    pub fn detect(probe: &Probe) -> Self {
        match probe.setting.as_deref().map(str::trim) {
            Some(s) if s.eq_ignore_ascii_case("intern") => return Self::InApp,
            Some(s) if s.eq_ignore_ascii_case("system") => return Self::System,
            _ => {}
        }
        if probe.always_there || (probe.session_bus && probe.portal_file_chooser) || probe.zenity {
            Self::System
        } else {
            Self::NoSystemDialog
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::io::outputs::OutputKind;

    #[test]
    fn the_setting_wins_then_what_the_desktop_offers() {
        let bare = Probe::default();
        assert_eq!(DialogMode::detect(&bare), DialogMode::NoSystemDialog, "Xvfb without portal or zenity");
        let intern = Probe { setting: Some("intern".into()), always_there: true, ..Probe::default() };
        assert_eq!(DialogMode::detect(&intern), DialogMode::InApp);
        let system = Probe { setting: Some(" System ".into()), ..Probe::default() };
        assert_eq!(DialogMode::detect(&system), DialogMode::System);
        let portal = Probe { session_bus: true, portal_file_chooser: true, ..Probe::default() };
        assert_eq!(DialogMode::detect(&portal), DialogMode::System);
        let portal_without_bus = Probe { portal_file_chooser: true, ..Probe::default() };
        assert_eq!(DialogMode::detect(&portal_without_bus), DialogMode::NoSystemDialog);
        let bus_without_portal = Probe { session_bus: true, ..Probe::default() };
        assert_eq!(DialogMode::detect(&bus_without_portal), DialogMode::NoSystemDialog);
        assert_eq!(DialogMode::detect(&Probe { zenity: true, ..Probe::default() }), DialogMode::System);
        let unknown = Probe { setting: Some("kde".into()), always_there: true, ..Probe::default() };
        assert_eq!(DialogMode::detect(&unknown), DialogMode::System);
    }

    #[test]
    fn a_save_gets_the_preferred_type_and_an_open_only_the_offered_types() {
        let export = FilePurpose::Export { kind: ExportKind::Output(OutputKind::Allocation), draft: false };
        assert_eq!(export.extensions(), vec!["xlsx", "csv"]);
        assert_eq!(export.types_text(), ".xlsx eller .csv");
        assert_eq!(export.with_extension(Path::new("/m/fordeling")), PathBuf::from("/m/fordeling.xlsx"));
        assert_eq!(export.with_extension(Path::new("/m/f.csv")), PathBuf::from("/m/f.csv"));
        assert_eq!(FilePurpose::SaveAs.with_extension(Path::new("moede")), PathBuf::from("moede.ron"));
        assert_eq!(FilePurpose::Open.with_extension(Path::new("moede")), PathBuf::from("moede"), "opens as typed");
        assert!(FilePurpose::Open.accepts(Path::new("/m/MOEDE.RON")));
        assert!(!FilePurpose::Open.accepts(Path::new("/m/moede.xlsx")));
        assert_eq!(FilePurpose::Import { history: false }.types_text(), ".xlsx, .csv eller .txt");
        assert_eq!(FilePurpose::SaveAs.types_text(), ".ron");
        assert!(FilePurpose::MergePreps.multiple() && !FilePurpose::SaveAs.multiple());
    }

    #[test]
    fn export_titles_drop_the_menu_ellipsis() {
        let letters = FilePurpose::Export { kind: ExportKind::Output(OutputKind::Letters), draft: true };
        assert_eq!(letters.title(), "Eksportér: Breve til lederne (HTML)");
        assert_eq!(
            FilePurpose::Export { kind: ExportKind::AnonymisedCopy, draft: false }.title(),
            "Eksportér: Gem anonymiseret kopi"
        );
    }
}
