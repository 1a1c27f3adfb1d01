//! The change log's Danish wording: what changed and its old and new values as text, for
//! the screen, the documentation and the exports – the one place a [`Change`] is worded
//! (the kinds and their values are in `log.rs`).

use rust_decimal::Decimal;

use super::log::Change;
use super::money::{format_kr, format_signed_kr};

/// "–" for a missing value.
fn or_dash<T>(v: Option<T>, f: impl Fn(T) -> String) -> String {
    v.map_or_else(|| "–".to_string(), f)
}

/// A percentage as Danish text ("102,5 %").
fn pct(p: Decimal) -> String {
    format!("{} %", p.normalize().to_string().replace('.', ","))
}

impl Change {
    /// What changed, in Danish ("Beløb", "Score trivsel", "Målopfyldelse mål 2" …).
    #[must_use]
    pub fn what(&self) -> String {
        match self {
            Self::Amount { .. } => "Beløb".into(),
            Self::Adjustment { .. } => "Skøn".into(),
            Self::Justification { .. } => "Begrundelse for skøn".into(),
            Self::Notes { .. } => "Noter".into(),
            Self::Score { criterion, .. } => format!("Score {criterion}"),
            Self::Attainment { goal, .. } => format!("Målopfyldelse mål {}", goal + 1),
            Self::Rating { .. } => "Samlet vurdering".into(),
            Self::Proposal { .. } => "Forslag".into(),
            Self::View { director, .. } => format!("Holdning fra {director}"),
            Self::Status { .. } => "Status".into(),
            Self::Lock { .. } => "Lås".into(),
            Self::Acceptance { rule, .. } => format!("Accepteret fund {rule}"),
            Self::Import { field, .. } | Self::Prep { field, .. } => field.clone(),
            Self::Reference { path, .. } => format!("Reference {path}"),
            Self::ReferenceMapping { level, .. } => format!("Referenceniveau for {level}"),
            Self::ReferenceMoved { .. } => "Referencens sti".into(),
            Self::Contract(c) => c.what(),
            Self::Undo { .. } => "Fortryd".into(),
            Self::Redo { .. } => "Gentag".into(),
            Self::Legacy { what, .. } => what.clone(),
        }
    }

    /// The old value as Danish text.
    #[must_use]
    pub fn old_text(&self) -> String {
        self.side(true)
    }

    /// The new value as Danish text.
    #[must_use]
    pub fn new_text(&self) -> String {
        self.side(false)
    }

    fn side(&self, old_side: bool) -> String {
        let pick = |o: &str, n: &str| if old_side { o.to_string() } else { n.to_string() };
        match self {
            Self::Amount { old, new, .. } => format_kr(if old_side { *old } else { *new }),
            Self::Adjustment { old, new } => or_dash(if old_side { *old } else { *new }, format_signed_kr),
            Self::Justification { old, new }
            | Self::Notes { old, new }
            | Self::Import { old, new, .. }
            | Self::Prep { old, new, .. }
            | Self::Legacy { old, new, .. } => pick(old, new),
            Self::Score { old, new, .. } | Self::Rating { old, new } => {
                or_dash(if old_side { *old } else { *new }, |s| s.to_string())
            }
            Self::Attainment { old, new, .. } => or_dash(if old_side { *old } else { *new }, pct),
            Self::Proposal { old, new } => {
                or_dash(if old_side { old.as_deref() } else { new.as_deref() }, super::manager::Proposal::summary)
            }
            Self::View { old, new, .. } => {
                or_dash(if old_side { old.as_deref() } else { new.as_deref() }, super::view::View::summary)
            }
            Self::Status { old, new } => pick(old.label(), new.label()),
            Self::Lock { locked } => {
                let (o, n) = if *locked { ("ikke låst", "låst") } else { ("låst", "ikke låst") };
                pick(o, n)
            }
            Self::Reference { attached, .. } => {
                let (o, n) = if *attached { ("ikke tilknyttet", "tilknyttet") } else { ("tilknyttet", "fjernet") };
                pick(o, n)
            }
            Self::ReferenceMapping { old, new, .. } => pick(&old.text(), &new.text()),
            Self::ReferenceMoved { old, new } => pick(old, new),
            Self::Contract(c) => c.side(old_side),
            Self::Acceptance { accepted, .. } => {
                let (o, n) =
                    if *accepted { ("ikke accepteret", "accepteret") } else { ("accepteret", "ikke accepteret") };
                pick(o, n)
            }
            Self::Undo { step } | Self::Redo { step } => {
                if old_side {
                    step.clone()
                } else if matches!(self, Self::Undo { .. }) {
                    "fortrudt".into()
                } else {
                    "gentaget".into()
                }
            }
        }
    }

    /// Whether the old or new value may hold free text or personal data (names, salaries,
    /// notes): such values are removed from anonymised copies.
    #[must_use]
    pub fn holds_free_text(&self) -> bool {
        matches!(
            self,
            Self::Justification { .. }
                | Self::Notes { .. }
                | Self::Proposal { .. }
                | Self::View { .. }
                | Self::Import { .. }
                | Self::Prep { .. }
                | Self::Legacy { .. }
        )
    }

    /// The same change with every free-text, personal or path value replaced by `marker`
    /// (kinds whose values are amounts, scores, statuses, criterion ids, rule codes or
    /// level ids are kept).
    #[must_use]
    pub fn redacted(&self, marker: &str) -> Self {
        let m = || marker.to_string();
        match self {
            Self::Justification { .. } => Self::Justification { old: m(), new: m() },
            Self::Notes { .. } => Self::Notes { old: m(), new: m() },
            Self::Proposal { old, new } => {
                let hide = |p: &Option<Box<super::manager::Proposal>>| {
                    let keep_empty = |t: &str| if t.is_empty() { String::new() } else { m() };
                    p.as_ref().map(|p| {
                        Box::new(super::manager::Proposal {
                            rationale: m(),
                            by: keep_empty(&p.by),
                            when: keep_empty(&p.when),
                            ..(**p).clone()
                        })
                    })
                };
                Self::Proposal { old: hide(old), new: hide(new) }
            }
            Self::View { director, old, new } => {
                let hide = |v: &Option<Box<super::view::View>>| {
                    v.as_ref().map(|v| {
                        let text = if v.text.is_empty() { String::new() } else { m() };
                        let when = if v.when.is_empty() { String::new() } else { m() };
                        Box::new(super::view::View { text, when, ..(**v).clone() })
                    })
                };
                Self::View { director: director.clone(), old: hide(old), new: hide(new) }
            }
            Self::Import { .. } => Self::Import { field: m(), old: m(), new: m() },
            // The field names a goal ("Mål Trivsel") or a criterion: removed too.
            Self::Prep { .. } => Self::Prep { field: m(), old: m(), new: m() },
            // Paths name people's folders (`/home/anna/…`).
            Self::Reference { attached, .. } => Self::Reference { path: m(), attached: *attached },
            Self::ReferenceMoved { .. } => Self::ReferenceMoved { old: m(), new: m() },
            Self::ReferenceMapping { level, old, new, .. } => {
                Self::ReferenceMapping { path: m(), level: level.clone(), old: old.clone(), new: new.clone() }
            }
            Self::Legacy { .. } => Self::Legacy { what: m(), old: m(), new: m() },
            Self::Contract(c) => Self::Contract(c.redacted(marker)),
            Self::Undo { .. } => Self::Undo { step: m() },
            Self::Redo { .. } => Self::Redo { step: m() },
            other => other.clone(),
        }
    }
}
