//! Merging directors' prep files into the meeting session without ever silently
//! overwriting or dropping anything: a three-way merge per field (the prep's base, the
//! director's value, the session's value) over every field a director can prepare
//! ([`super::merge_fields`]). A field changed only in a prep is taken; changed in the
//! session too, or by two preps differently, it is a conflict, which `prefer` alone
//! resolves. A prep made from another session is refused as a whole.

use std::collections::{BTreeMap, HashMap};
use std::path::Path;

use super::merge_fields::{FieldKey, field_keys, unpreparable_changes};
use crate::model::{ChangeEntry, Manager, PrepInfo, Session};

pub use super::merge_report::{Applied, Conflict, ConflictKind, MergeRefused, MergeReport, Notice, Prefer, Resolution};

/// One prep's version of one session manager.
struct Contribution<'a> {
    /// Index into the preps.
    prep: usize,
    /// The director's version.
    manager: &'a Manager,
    /// The version the prep was made with, if the prep had the manager then.
    base: Option<&'a Manager>,
    /// Whether the manager now reports to someone else than the prep's director.
    other_superior: bool,
}

/// One prep's proposed change of one field.
struct Change<'a> {
    contribution: &'a Contribution<'a>,
    value: String,
}

/// Merges `preps` (name, prep session) into `session`. Returns the merged session, one
/// change-log entry per applied field (by the prep's executive, naming the prep file),
/// and the report. Without `prefer`, conflicting fields keep the session's value and
/// stay unresolved.
///
/// # Errors
/// [`MergeRefused`] when a file is not a prep, or was made from another session
/// (organisation, year or session id differ) — whatever `prefer` says.
pub fn merge(
    session: &Session,
    preps: &[(String, Session)],
    prefer: Option<Prefer>,
) -> Result<(Session, MergeReport), MergeRefused> {
    let mut report = MergeReport::default();
    // A prep that edited the amount rather than the proposal proposes that amount.
    let derived: Vec<(String, Session)> =
        preps.iter().map(|(name, p)| (name.clone(), super::proposals::with_derived_proposals(p))).collect();
    let preps = derived.as_slice();
    let mut infos: Vec<&PrepInfo> = Vec::with_capacity(preps.len());
    for (name, prep) in preps {
        infos.push(check_binding(session, name, prep, &mut report.notices)?);
    }
    let index: HashMap<&str, usize> = session.managers.iter().enumerate().map(|(i, m)| (m.id.as_str(), i)).collect();
    let mut by_manager: BTreeMap<usize, Vec<Contribution>> = BTreeMap::new();
    for (p, ((name, prep), info)) in preps.iter().zip(&infos).enumerate() {
        let bases: HashMap<&str, &Manager> = info.base.iter().map(|b| (b.id.as_str(), b)).collect();
        for m in &prep.managers {
            let base = bases.get(m.id.as_str()).copied();
            let Some(&i) = index.get(m.id.as_str()) else {
                if base == Some(m) {
                    report.notices.push(Notice {
                        prep: name.clone(),
                        manager: Some(m.id.clone()),
                        text: "lederen findes ikke længere i sessionen; forberedelsen har intet ændret for lederen"
                            .into(),
                    });
                } else {
                    report.conflicts.push(unknown_manager(name, m, prefer));
                }
                continue;
            };
            if let Some(b) = base {
                let fields = unpreparable_changes(b, m);
                if !fields.is_empty() {
                    report.notices.push(Notice {
                        prep: name.clone(),
                        manager: Some(m.id.clone()),
                        text: format!("ændringer af {} kan ikke indlæses fra en forberedelse", fields.join(", ")),
                    });
                }
            }
            // A view is its director's own: another director's view edited in this prep
            // is never taken, and the user is told.
            let foreign = |x: &Manager| -> Vec<crate::model::View> {
                x.views.iter().filter(|v| v.by != info.executive).cloned().collect()
            };
            if base.is_some_and(|b| foreign(b) != foreign(m)) {
                report.notices.push(Notice {
                    prep: name.clone(),
                    manager: Some(m.id.clone()),
                    text: format!(
                        "andre direktørers holdninger kan ikke indlæses fra {}s forberedelse",
                        info.executive
                    ),
                });
            }
            let other_superior = session.managers[i].superior != info.executive;
            by_manager.entry(i).or_default().push(Contribution { prep: p, manager: m, base, other_superior });
        }
    }
    let merger = Merger { session, preps, infos: &infos, prefer };
    let mut out = session.clone();
    for (i, contributions) in &by_manager {
        merger.merge_manager(*i, contributions, &mut out, &mut report);
    }
    report.resolved = report.conflicts.iter().all(|c| c.resolution.is_some());
    Ok((out, report))
}

/// Refuses a file that is not a prep or comes from another session; notes an older or
/// newer revision.
fn check_binding<'a>(
    session: &Session,
    name: &str,
    prep: &'a Session,
    notices: &mut Vec<Notice>,
) -> Result<&'a PrepInfo, MergeRefused> {
    let refuse = |reason: String| MergeRefused { prep: name.to_string(), reason };
    let Some(info) = &prep.prep else {
        return Err(refuse("filen er ikke en forberedelse".into()));
    };
    if info.source_organisation != session.organisation.name || info.source_year != session.year {
        return Err(refuse(format!(
            "forberedelsen er lavet fra {} {}, ikke fra denne session ({} {})",
            info.source_organisation, info.source_year, session.organisation.name, session.year
        )));
    }
    if !info.source_session_id.is_empty() && info.source_session_id != session.id() {
        return Err(refuse(format!(
            "forberedelsen er lavet fra en anden session (id «{}»), ikke fra denne (id «{}»)",
            info.source_session_id,
            session.id()
        )));
    }
    let (made, now) = (info.source_revision, session.revision());
    let text = if made < now {
        Some(format!(
            "forberedelsen er lavet {} fra revision {made} af sessionen, som nu er på revision {now}; felterne flettes enkeltvis",
            info.created
        ))
    } else if made > now {
        Some(format!(
            "forberedelsen er lavet {} fra revision {made} af sessionen, men denne fil er på revision {now} (en ældre udgave); felterne flettes enkeltvis",
            info.created
        ))
    } else if info.source_hash != super::prep::content_hash(session) {
        Some(format!("sessionen er ændret uden for programmet siden forberedelsen blev lavet {}", info.created))
    } else {
        None
    };
    if let Some(text) = text {
        notices.push(Notice { prep: name.to_string(), manager: None, text });
    }
    Ok(info)
}

fn unknown_manager(prep: &str, m: &Manager, prefer: Option<Prefer>) -> Conflict {
    Conflict {
        prep: prep.to_string(),
        manager: m.id.clone(),
        field: String::new(),
        key: None,
        kind: ConflictKind::UnknownManager,
        session_value: "–".into(),
        prep_value: m.name.clone(),
        resolution: prefer.map(|_| Resolution::Skipped),
    }
}

/// What every field's decision needs.
struct Merger<'a> {
    session: &'a Session,
    preps: &'a [(String, Session)],
    infos: &'a [&'a PrepInfo],
    prefer: Option<Prefer>,
}

impl Merger<'_> {
    /// The three-way decision for every field of session manager `i`.
    fn merge_manager(&self, i: usize, contributions: &[Contribution], out: &mut Session, report: &mut MergeReport) {
        let current = &self.session.managers[i];
        let mut versions: Vec<&Manager> = vec![current];
        for c in contributions {
            versions.push(c.manager);
            versions.extend(c.base);
        }
        let sessions: Vec<&Session> = std::iter::once(self.session).chain(self.preps.iter().map(|(_, p)| p)).collect();
        for key in field_keys(&sessions, &versions) {
            let session_value = key.value(current);
            let changes: Vec<Change> = contributions
                .iter()
                // A view is its director's own: only her prep may change it.
                .filter(|c| match &key {
                    FieldKey::View(by) => &self.infos[c.prep].executive == by,
                    _ => true,
                })
                .map(|c| Change { contribution: c, value: key.value(c.manager) })
                .filter(|ch| {
                    let base_value = ch.contribution.base.map_or_else(|| session_value.clone(), |b| key.value(b));
                    ch.value != base_value && ch.value != session_value
                })
                .collect();
            let Some(first) = changes.first() else { continue };
            let label = key.label(self.session);
            let Some(kind) = conflict_kind(&key, &changes, &session_value) else {
                self.take(&key, &label, first.contribution, false, out, i, report);
                continue;
            };
            let winner = &self.preps[first.contribution.prep].0;
            for (n, ch) in changes.iter().enumerate() {
                let resolution = match self.prefer {
                    None => None,
                    Some(Prefer::Session) => Some(Resolution::KeptSession),
                    Some(Prefer::Prep) if n == 0 => Some(Resolution::TookPrep),
                    Some(Prefer::Prep) => Some(Resolution::OtherPrepWon(winner.clone())),
                };
                report.conflicts.push(Conflict {
                    prep: self.preps[ch.contribution.prep].0.clone(),
                    manager: current.id.clone(),
                    field: label.clone(),
                    key: Some(key.clone()),
                    kind: kind.clone(),
                    session_value: key.show(current),
                    prep_value: key.show(ch.contribution.manager),
                    resolution,
                });
            }
            if self.prefer == Some(Prefer::Prep) {
                self.take(&key, &label, first.contribution, true, out, i, report);
            }
        }
    }

    /// Copies one field from a prep onto `out.managers[i]` and logs it; when the value
    /// has no place there (an attainment of a goal the session lacks), undoes the copy
    /// and reports a conflict instead.
    #[allow(clippy::too_many_arguments)]
    fn take(
        &self,
        key: &FieldKey,
        label: &str,
        from: &Contribution,
        by_preference: bool,
        out: &mut Session,
        i: usize,
        report: &mut MergeReport,
    ) {
        let name = &self.preps[from.prep].0;
        let executive = &self.infos[from.prep].executive;
        let target = &mut out.managers[i];
        let before = target.clone();
        key.copy(from.manager, target);
        let (old, new) = (key.show(&self.session.managers[i]), key.show(from.manager));
        if key.value(target) != key.value(from.manager) {
            *target = before;
            for c in &mut report.conflicts {
                if c.manager == target.id && c.key.as_ref() == Some(key) && c.resolution == Some(Resolution::TookPrep) {
                    c.resolution = Some(Resolution::Skipped);
                }
            }
            report.conflicts.push(Conflict {
                prep: name.clone(),
                manager: target.id.clone(),
                field: label.to_string(),
                key: Some(key.clone()),
                kind: ConflictKind::NotApplicable,
                session_value: old,
                prep_value: new,
                resolution: self.prefer.map(|_| Resolution::Skipped),
            });
            return;
        }
        let file = Path::new(name).file_name().map_or_else(|| name.clone(), |f| f.to_string_lossy().into_owned());
        let why = if by_preference {
            format!("fra forberedelse {file} ({executive}); konflikt løst: forberedelsens værdi foretrukket")
        } else {
            format!("fra forberedelse {file} ({executive})")
        };
        out.change_log.push(ChangeEntry {
            when: crate::model::log::now_iso(),
            who: executive.clone(),
            manager: Some(target.id.clone()),
            change: match key {
                // A view stays typed in the log (who said what), like an edit in the app.
                FieldKey::View(by) => crate::model::log::Change::View {
                    director: by.clone(),
                    old: self.session.managers[i].view_of(by).cloned().map(Box::new),
                    new: from.manager.view_of(by).cloned().map(Box::new),
                },
                _ => crate::model::log::Change::Prep { field: label.to_string(), old: old.clone(), new: new.clone() },
            },
            why,
        });
        report.applied.push(Applied {
            prep: name.clone(),
            manager: out.managers[i].id.clone(),
            field: label.to_string(),
            old,
            new,
            by_preference,
        });
    }
}

/// Whether (and why) the changes of one field are a conflict: preps disagree, the
/// manager was not in the prep's base or moved to another superior, or the session
/// changed the field since the prep was made.
fn conflict_kind(key: &FieldKey, changes: &[Change], session_value: &str) -> Option<ConflictKind> {
    let first = changes.first()?;
    if changes.iter().any(|ch| ch.value != first.value) {
        Some(ConflictKind::TwoPreps)
    } else if changes.iter().any(|ch| ch.contribution.base.is_none()) {
        Some(ConflictKind::NotInBase)
    } else if !matches!(key, FieldKey::View(_)) && changes.iter().any(|ch| ch.contribution.other_superior) {
        Some(ConflictKind::OtherSuperior)
    } else if changes.iter().any(|ch| ch.contribution.base.is_some_and(|b| key.value(b) != session_value)) {
        Some(ConflictKind::SessionChanged)
    } else {
        None
    }
}

/// Takes the prep's value of one field onto `target` (an explicit choice in the app).
/// Returns whether the value now stands in `target`.
pub fn take_prep_value(target: &mut Manager, prep: &Manager, key: &FieldKey) -> bool {
    key.copy(prep, target);
    key.value(target) == key.value(prep)
}
