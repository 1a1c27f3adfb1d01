//! What the app remembers between runs, whatever file is open: one serde struct stored
//! under eframe's one key ([`eframe::APP_KEY`], as eframe_template does). Opening another
//! file replaces the meeting, never these.

use std::path::{Path, PathBuf};

use crate::io::import::LearnedMapping;

/// The most recent files remembered.
const MAX_RECENT: usize = 8;

/// Where versions before issue 25 kept the recent files and the import mappings (read once
/// when the settings have not been stored under [`eframe::APP_KEY`] yet).
const OLD_KEYS: (&str, &str) = ("kalibrer_recent", "kalibrer_import_mapping");

/// The settings that live as long as the app.
#[derive(Debug, Clone, Default, PartialEq, serde::Serialize, serde::Deserialize)]
#[serde(default)]
pub struct Settings {
    /// Recently opened or saved files, newest first.
    pub recent: Vec<PathBuf>,
    /// The column mappings the user chose by hand in earlier HR imports, by header.
    pub import_mappings: LearnedMapping,
    /// *Forbered for …* includes the other directors' managers (for views); off until chosen.
    pub prep_others: bool,
}

impl Settings {
    /// The settings stored by the last run (none stored: the defaults).
    #[must_use]
    pub fn load(storage: Option<&dyn eframe::Storage>) -> Self {
        let Some(storage) = storage else { return Self::default() };
        if let Some(settings) = eframe::get_value(storage, eframe::APP_KEY) {
            return settings;
        }
        Self {
            recent: eframe::get_value(storage, OLD_KEYS.0).unwrap_or_default(),
            import_mappings: eframe::get_value(storage, OLD_KEYS.1).unwrap_or_default(),
            prep_others: false,
        }
    }

    /// Stores the settings for the next run.
    pub fn save(&self, storage: &mut dyn eframe::Storage) {
        eframe::set_value(storage, eframe::APP_KEY, self);
    }

    /// Puts `path` first in the recent files.
    pub fn remember(&mut self, path: &Path) {
        self.recent.retain(|p| p != path);
        self.recent.insert(0, path.to_path_buf());
        self.recent.truncate(MAX_RECENT);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn recent_files_are_newest_first_without_repeats_and_at_most_eight() {
        let mut settings = Settings::default();
        for k in 0..10 {
            settings.remember(Path::new(&format!("/m/{k}.ron")));
        }
        settings.remember(Path::new("/m/5.ron"));
        let names: Vec<String> = settings.recent.iter().map(|p| p.display().to_string()).collect();
        assert_eq!(
            names,
            ["/m/5.ron", "/m/9.ron", "/m/8.ron", "/m/7.ron", "/m/6.ron", "/m/4.ron", "/m/3.ron", "/m/2.ron"]
        );
    }
}
