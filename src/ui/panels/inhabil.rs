//! The *inhabil* mark of an item on which an executive steps aside
//! ([`crate::engine::step_aside`]): on the focus card's header and the *Nu drøftes* strip.

use egui::RichText;

use crate::model::Session;
use crate::ui::state::view::ViewState;
use crate::ui::theme;

/// "inhabil: Birgitte Kjærsgaard træder ud" for manager `i` (names as `view` shows them:
/// initials in presentation mode when chosen), None when no one steps aside.
#[must_use]
pub fn text(session: &Session, i: usize, view: &ViewState) -> Option<String> {
    let names: Vec<String> =
        crate::engine::step_aside::stepped_aside(session, i).iter().map(|e| view.display_name_of(&e.name)).collect();
    match names.split_last() {
        None => None,
        Some((last, [])) => Some(format!("inhabil: {last} træder ud")),
        Some((last, rest)) => Some(format!("inhabil: {} og {last} træder ud", rest.join(", "))),
    }
}

/// The *Nu drøftes* strip's short form, whose name tile already shows the manager: the
/// one stepping aside is always the manager herself ([`crate::engine::step_aside`]
/// recognises the same person), so "inhabil – træder selv ud".
#[must_use]
pub fn strip_text(session: &Session, i: usize) -> Option<String> {
    let aside = !crate::engine::step_aside::stepped_aside(session, i).is_empty();
    aside.then(|| "inhabil – træder selv ud".to_string())
}

/// The mark as a label (warning colour, strong, cut with "…"), when someone steps aside.
pub fn ui(ui: &mut egui::Ui, session: &Session, i: usize, view: &ViewState, size: f32) {
    if let Some(t) = text(session, i, view) {
        ui.add(egui::Label::new(RichText::new(&t).size(size).strong().color(theme::WARNING)).truncate())
            .on_hover_text(format!("{t} – hun kan ikke være indtaster på dette punkt"));
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn the_demo_departementschef_is_marked_on_her_own_item_only() {
        let s = crate::io::parse_session(crate::io::DEMO_RON).unwrap_or_else(|e| panic!("{e}"));
        let dc = s.manager_index("DC01").unwrap_or_else(|| panic!("DC01"));
        let mut view = crate::ui::state::view::ViewState::new(&s);
        assert_eq!(super::text(&s, dc, &view).as_deref(), Some("inhabil: Birgitte Kjærsgaard træder ud"));
        let kc01 = s.manager_index("KC01").unwrap_or_else(|| panic!("KC01"));
        assert_eq!(super::text(&s, kc01, &view), None, "no executive is Anne Marie Holst");
        assert_eq!(super::strip_text(&s, dc).as_deref(), Some("inhabil – træder selv ud"));
        (view.presentation, view.initials) = (true, true);
        assert_eq!(super::text(&s, dc, &view).as_deref(), Some("inhabil: BK træder ud"), "initials on the projector");
    }
}
