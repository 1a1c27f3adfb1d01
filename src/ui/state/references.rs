//! The attached reference files as loaded (again when the session's list changes, in the
//! shell), and the comparison the spread panel and the lanes draw from them. The figures
//! come from `engine::reference`.

use std::path::PathBuf;

use crate::engine::reference::{self, Reference};
use crate::engine::reference_combine::{self, LevelComparison};
use crate::model::ReferenceLink;

use crate::ui::state::derived::Data;

/// The reference files of the session as loaded: each attached path with its reference
/// or the Danish reason it cannot be read.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct LoadedReferences {
    /// The session file the paths were resolved against.
    pub base: Option<PathBuf>,
    /// Per attached path (as the session names it): the reference, or why not.
    pub files: Vec<(String, Result<Reference, String>)>,
}

impl LoadedReferences {
    /// Whether any reference is attached.
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.files.is_empty()
    }

    /// The readable references with their links' mappings (links in the session's order).
    #[must_use]
    pub fn pairs<'a>(
        &'a self,
        links: &'a [ReferenceLink],
    ) -> Vec<(&'a Reference, &'a std::collections::BTreeMap<String, Option<String>>)> {
        self.files
            .iter()
            .filter_map(|(path, r)| {
                let link = links.iter().find(|l| l.path == *path)?;
                Some((r.as_ref().ok()?, &link.mapping))
            })
            .collect()
    }

    /// The sources of every readable reference as Danish text.
    #[must_use]
    pub fn sources_text(&self) -> String {
        let refs: Vec<&Reference> = self.files.iter().filter_map(|(_, r)| r.as_ref().ok()).collect();
        let names: Vec<String> =
            reference::all_sources(&refs).iter().map(|s| format!("{} ({})", s.organisation, s.year)).collect();
        names.join(", ")
    }
}

/// Every level (highest first) compared with the attached references; empty without any.
#[must_use]
pub fn comparisons(data: Data<'_>, references: &LoadedReferences) -> Vec<LevelComparison> {
    if references.is_empty() {
        return Vec::new();
    }
    let pairs = references.pairs(&data.session.reference);
    if pairs.is_empty() {
        return Vec::new();
    }
    reference_combine::compare_session(data.session, &data.eval.stats, &pairs)
}

/// The whole group compared with the references' *Alle* rows.
#[must_use]
pub fn total_comparison(data: Data<'_>, references: &LoadedReferences) -> reference::Comparison {
    let refs: Vec<&Reference> = references.files.iter().filter_map(|(_, r)| r.as_ref().ok()).collect();
    reference_combine::compare_total(&data.eval.stats, &refs)
}
