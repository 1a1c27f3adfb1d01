//! The document's undo/redo and change log, without a window.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use kalibrer::model::Manager;
use kalibrer::ui::document::{Document, EditKey, LogSpec};

fn doc() -> Document {
    let session = kalibrer::io::parse_session(kalibrer::io::DEMO_RON).expect("demo parses");
    Document::new(session, None)
}

fn notes(m: &Manager) -> String {
    m.notes.clone()
}

fn spec<'a>(show: &'a dyn Fn(&Manager) -> String) -> LogSpec<'a> {
    LogSpec { who: "DEP", what: "Noter", show, why: "" }
}

#[test]
fn an_edit_is_logged_with_old_and_new_and_undo_appends_not_removes() {
    let mut d = doc();
    let log0 = d.session.change_log.len();
    let old = d.session.managers[0].notes.clone();
    assert!(d.edit_manager(0, None, spec(&notes), |m| m.notes = "drøftet kort".into()));
    assert!(d.is_dirty());
    let entry = d.session.change_log.last().unwrap().clone();
    assert_eq!((entry.who.as_str(), entry.old.as_str(), entry.new.as_str()), ("DEP", old.as_str(), "drøftet kort"));
    assert_eq!(entry.manager.as_deref(), Some(d.session.managers[0].id.as_str()));
    d.undo("DEP");
    assert_eq!(d.session.managers[0].notes, old);
    assert_eq!(d.session.change_log.len(), log0 + 2, "undo is appended to the log");
    d.redo("DEP");
    assert_eq!(d.session.managers[0].notes, "drøftet kort");
}

#[test]
fn unchanged_edits_record_nothing() {
    let mut d = doc();
    let log0 = d.session.change_log.len();
    let same = d.session.managers[0].notes.clone();
    assert!(!d.edit_manager(0, None, spec(&notes), |m| m.notes = same));
    assert!(!d.is_dirty());
    assert!(!d.can_undo());
    assert_eq!(d.session.change_log.len(), log0);
}

#[test]
fn a_continuous_edit_is_one_step_until_closed() {
    let mut d = doc();
    let old = d.session.managers[1].notes.clone();
    for text in ["a", "ab", "abc"] {
        d.edit_manager(1, Some(EditKey::Text(1, "noter")), spec(&notes), |m| m.notes = text.into());
    }
    let entry = d.session.change_log.last().unwrap().clone();
    assert_eq!((entry.old.as_str(), entry.new.as_str()), (old.as_str(), "abc"));
    d.close_continuous();
    d.edit_manager(1, Some(EditKey::Text(1, "noter")), spec(&notes), |m| m.notes = "abcd".into());
    d.undo("DEP");
    assert_eq!(d.session.managers[1].notes, "abc");
    d.undo("DEP");
    assert_eq!(d.session.managers[1].notes, old);
    assert!(!d.can_undo());
}

#[test]
fn a_new_edit_clears_redo_and_saving_clears_dirty() {
    let mut d = doc();
    d.edit_manager(0, None, spec(&notes), |m| m.notes = "x".into());
    d.undo("DEP");
    assert!(d.can_redo());
    d.edit_manager(0, None, spec(&notes), |m| m.notes = "y".into());
    assert!(!d.can_redo());
    d.mark_saved(std::path::PathBuf::from("/tmp/x.ron"));
    assert!(!d.is_dirty());
}
