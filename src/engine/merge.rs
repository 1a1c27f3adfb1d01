//! Merging directors' prep files into the meeting session without ever silently
//! overwriting anything: a three-way merge per field (the prep's base, the director's
//! value, the session's value). A field the director changed is applied when the session
//! still has the base value; everything else is listed as a conflict.

use crate::model::{Manager, Session};

/// Which side wins unresolved conflicts (CLI `--prefer`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Prefer {
    /// Take the prep's value.
    Prep,
    /// Keep the session's value.
    Session,
}

/// Why something was not applied automatically.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ConflictKind {
    /// The prep has a manager the session does not know.
    UnknownManager,
    /// The manager is now under another superior than the prep's director.
    OtherSuperior,
    /// The session already has another value than the prep's base.
    SessionChanged,
    /// Two preps change the same field.
    TwoPreps,
    /// The prep was made from another session (organisation or year differ).
    OtherSession,
    /// The prep was made from an older version of this session (fields merged per field).
    OlderVersion,
}

impl ConflictKind {
    /// Danish description.
    #[must_use]
    pub fn describe(&self) -> &'static str {
        match self {
            Self::UnknownManager => "lederen findes ikke i sessionen",
            Self::OtherSuperior => "lederen har nu en anden nærmeste leder",
            Self::SessionChanged => "sessionen har allerede en anden værdi",
            Self::TwoPreps => "to forberedelser ændrer det samme",
            Self::OtherSession => "forberedelsen er lavet fra en anden session",
            Self::OlderVersion => "forberedelsen er lavet fra en ældre udgave af sessionen",
        }
    }
}

/// One field of a manager that a prep may change.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Conflict {
    /// The prep file (as named by the caller).
    pub prep: String,
    /// Manager id.
    pub manager: String,
    /// The field, in Danish ("Score Faglighed og kvalitet", "Forslag" …), empty for whole-prep ones.
    pub field: String,
    /// Why.
    pub kind: ConflictKind,
    /// The session's value as shown.
    pub session_value: String,
    /// The prep's value as shown.
    pub prep_value: String,
}

/// A change applied by the merge.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Applied {
    /// The prep file.
    pub prep: String,
    /// Manager id.
    pub manager: String,
    /// The field.
    pub field: String,
    /// Old value as shown.
    pub old: String,
    /// New value as shown.
    pub new: String,
}

/// The outcome of a merge.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct MergeReport {
    /// Changes applied.
    pub applied: Vec<Applied>,
    /// Everything not applied automatically (with `prefer`, resolved ones are listed too).
    pub conflicts: Vec<Conflict>,
    /// Whether every conflict was resolved by `prefer`.
    pub resolved: bool,
}

/// Copies one field from the first manager to the second.
type CopyFn = Box<dyn Fn(&Manager, &mut Manager)>;

/// A field accessor: name, how to show it, and how to copy it from one manager to another.
struct Field {
    name: String,
    show: Box<dyn Fn(&Manager) -> String>,
    copy: CopyFn,
}

/// The fields a director may prepare.
fn fields(base: &Manager) -> Vec<Field> {
    let mut out: Vec<Field> = Vec::new();
    let mut criteria: Vec<String> = base.box_scores.keys().cloned().collect();
    for c in ["faglighed", "kompleksitet", "trivsel", "handlekraft", "kompetence"] {
        if !criteria.iter().any(|x| x == c) {
            criteria.push(c.to_string());
        }
    }
    for c in criteria {
        let (c1, c2) = (c.clone(), c.clone());
        out.push(Field {
            name: format!("Score {c}"),
            show: Box::new(move |m| m.box_scores.get(&c1).map_or("–".into(), u8::to_string)),
            copy: Box::new(move |from, to| match from.box_scores.get(&c2) {
                Some(s) => {
                    to.box_scores.insert(c2.clone(), *s);
                }
                None => {
                    to.box_scores.remove(&c2);
                }
            }),
        });
    }
    for (g, goal) in base.goals.iter().enumerate() {
        out.push(Field {
            name: format!("Målopfyldelse: {}", goal.name),
            show: Box::new(move |m| {
                m.goals.get(g).and_then(|x| x.attainment).map_or("–".into(), |a| format!("{} %", a.normalize()))
            }),
            copy: Box::new(move |from, to| {
                if let (Some(f), Some(t)) = (from.goals.get(g), to.goals.get_mut(g)) {
                    t.attainment = f.attainment;
                }
            }),
        });
    }
    out.push(Field {
        name: "Samlet vurdering".into(),
        show: Box::new(|m| m.overall_rating.map_or("–".into(), |r| r.to_string())),
        copy: Box::new(|f, t| t.overall_rating = f.overall_rating),
    });
    out.push(Field {
        name: "Trin".into(),
        show: Box::new(|m| m.tier.map_or("–".into(), |r| (r + 1).to_string())),
        copy: Box::new(|f, t| t.tier = f.tier),
    });
    out.push(Field {
        name: "Direkte beløb".into(),
        show: Box::new(|m| m.direct_amount.map_or("–".into(), crate::model::money::format_kr)),
        copy: Box::new(|f, t| t.direct_amount = f.direct_amount),
    });
    out.push(Field {
        name: "Forslag".into(),
        show: Box::new(|m| {
            m.proposal.as_ref().map_or("–".into(), |p| {
                format!("{} – {}", p.amount.map_or("intet beløb".into(), crate::model::money::format_kr), p.rationale)
            })
        }),
        copy: Box::new(|f, t| t.proposal.clone_from(&f.proposal)),
    });
    out
}

/// Merges `preps` (name, prep session) into `session`. Returns the merged session and the
/// report. Without `prefer`, conflicting fields keep the session's value.
#[must_use]
pub fn merge(session: &Session, preps: &[(String, Session)], prefer: Option<Prefer>) -> (Session, MergeReport) {
    let mut out = session.clone();
    let mut report = MergeReport::default();
    let current_hash = super::prep::content_hash(session);
    // (manager id, field) → prep that changed it first.
    let mut touched: std::collections::HashMap<(String, String), String> = std::collections::HashMap::new();
    for (name, prep) in preps {
        let Some(info) = &prep.prep else {
            report.conflicts.push(whole(name, ConflictKind::OtherSession, "filen er ikke en forberedelse"));
            continue;
        };
        if info.source_organisation != session.organisation.name || info.source_year != session.year {
            let what = format!("{} {}", info.source_organisation, info.source_year);
            report.conflicts.push(whole(name, ConflictKind::OtherSession, &what));
            if prefer != Some(Prefer::Prep) {
                continue;
            }
        } else if info.source_hash != current_hash {
            report.conflicts.push(whole(name, ConflictKind::OlderVersion, &info.created));
        }
        for m in &prep.managers {
            let Some(base) = info.base.iter().find(|b| b.id == m.id) else { continue };
            let Some(i) = out.manager_index(&m.id) else {
                report.conflicts.push(Conflict {
                    prep: name.clone(),
                    manager: m.id.clone(),
                    field: String::new(),
                    kind: ConflictKind::UnknownManager,
                    session_value: "–".into(),
                    prep_value: m.name.clone(),
                });
                continue;
            };
            let other_superior = out.managers[i].superior != info.executive;
            for field in fields(base) {
                let (b, p, s) = ((field.show)(base), (field.show)(m), (field.show)(&out.managers[i]));
                if p == b || p == s {
                    continue;
                }
                let key = (m.id.clone(), field.name.clone());
                let kind = if touched.contains_key(&key) {
                    Some(ConflictKind::TwoPreps)
                } else if other_superior {
                    Some(ConflictKind::OtherSuperior)
                } else if s != b {
                    Some(ConflictKind::SessionChanged)
                } else {
                    None
                };
                touched.entry(key).or_insert_with(|| name.clone());
                if let Some(kind) = kind {
                    report.conflicts.push(Conflict {
                        prep: name.clone(),
                        manager: m.id.clone(),
                        field: field.name.clone(),
                        kind,
                        session_value: s.clone(),
                        prep_value: p.clone(),
                    });
                    if prefer != Some(Prefer::Prep) {
                        continue;
                    }
                }
                (field.copy)(m, &mut out.managers[i]);
                out.change_log.push(crate::model::ChangeEntry {
                    when: crate::model::log::now_iso(),
                    who: info.executive.clone(),
                    manager: Some(m.id.clone()),
                    change: crate::model::log::Change::Prep {
                        field: field.name.clone(),
                        old: s.clone(),
                        new: p.clone(),
                    },
                    why: format!("Forberedelse fra {name}"),
                });
                report.applied.push(Applied {
                    prep: name.clone(),
                    manager: m.id.clone(),
                    field: field.name,
                    old: s,
                    new: p,
                });
            }
        }
    }
    report.resolved = report.conflicts.is_empty() || prefer.is_some();
    (out, report)
}

/// Takes the prep's value of one field (by its name in a [`Conflict`]) onto `target`.
/// Returns whether the field was found.
pub fn take_prep_value(target: &mut Manager, prep: &Manager, base: &Manager, field: &str) -> bool {
    match fields(base).into_iter().find(|f| f.name == field) {
        Some(f) => {
            (f.copy)(prep, target);
            true
        }
        None => false,
    }
}

fn whole(prep: &str, kind: ConflictKind, detail: &str) -> Conflict {
    Conflict {
        prep: prep.to_string(),
        manager: String::new(),
        field: String::new(),
        kind,
        session_value: String::new(),
        prep_value: detail.to_string(),
    }
}
