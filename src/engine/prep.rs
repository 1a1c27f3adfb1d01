//! Offline preparation: the prep file for one executive's direct reports, bound to the
//! session it was made from (id, organisation, year, revision and content hash).

use crate::model::{PrepInfo, Session};

/// FNV-1a 64-bit hash of the session's RON text, as 16 hex digits. Stable across
/// program versions (unlike `std`'s hasher).
#[must_use]
pub fn content_hash(session: &Session) -> String {
    let mut plain = session.clone();
    plain.prep = None;
    let text = ron::to_string(&plain).unwrap_or_default();
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for b in text.bytes() {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0100_0000_01b3);
    }
    format!("{h:016x}")
}

/// Finds an executive by id or (case-insensitive) name.
#[must_use]
pub fn find_executive<'a>(session: &'a Session, who: &str) -> Option<&'a crate::model::Executive> {
    let lower = who.trim().to_lowercase();
    session.executives.iter().find(|e| e.id == who.trim() || e.name.to_lowercase() == lower)
}

/// The prep file for `executive` (id or name): their direct reports only, with levels,
/// bands, models, policies and history, and the identity of the source session.
///
/// # Errors
/// A Danish message listing the valid executives when `executive` is unknown, or saying
/// that `session` is itself a prep.
pub fn make_prep(session: &Session, executive: &str, created: &str) -> Result<Session, String> {
    make_prep_with(session, executive, created, false)
}

/// [`make_prep`], and with `others` also every other director's managers, read-only in
/// the prep except for the preparing director's view on each (`document::edit_view`).
/// Her own managers are those whose superior she is; the rest are in the base too, so
/// the merge takes her views on them three-way like every other field.
///
/// # Errors
/// As [`make_prep`].
pub fn make_prep_with(session: &Session, executive: &str, created: &str, others: bool) -> Result<Session, String> {
    if let Some(info) = &session.prep {
        return Err(format!(
            "filen er selv en forberedelse (for {}); lav forberedelsen fra mødets session",
            info.executive
        ));
    }
    let Some(exec) = find_executive(session, executive) else {
        let valid: Vec<String> = session.executives.iter().map(|e| format!("{} ({})", e.id, e.name)).collect();
        return Err(format!("ukendt direktør «{executive}»; gyldige er: {}", valid.join(", ")));
    };
    let mut prep = session.clone();
    if !others {
        prep.managers.retain(|m| m.superior == exec.id);
    }
    prep.history.retain(|id, _| prep.managers.iter().any(|m| &m.id == id));
    prep.change_log.clear();
    prep.prep = Some(PrepInfo {
        executive: exec.id.clone(),
        source_hash: content_hash(session),
        source_session_id: session.id(),
        source_revision: session.revision(),
        source_organisation: session.organisation.name.clone(),
        source_year: session.year,
        created: created.to_string(),
        base: prep.managers.clone(),
    });
    Ok(prep)
}
