//! The *inhabil* mark of an item on which an executive steps aside
//! ([`crate::engine::step_aside`]): on the focus card's header and the *Nu drøftes* strip.

use egui::RichText;

use crate::model::Session;
use crate::ui::theme;

/// "inhabil: Birgitte Kjærsgaard træder ud" for manager `i`, None when no one steps aside.
#[must_use]
pub fn text(session: &Session, i: usize) -> Option<String> {
    let names: Vec<&str> =
        crate::engine::step_aside::stepped_aside(session, i).iter().map(|e| e.name.as_str()).collect();
    match names.split_last() {
        None => None,
        Some((last, [])) => Some(format!("inhabil: {last} træder ud")),
        Some((last, rest)) => Some(format!("inhabil: {} og {last} træder ud", rest.join(", "))),
    }
}

/// The mark as a label (warning colour, strong, cut with "…"), when someone steps aside.
pub fn ui(ui: &mut egui::Ui, session: &Session, i: usize, size: f32) {
    if let Some(t) = text(session, i) {
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
        assert_eq!(super::text(&s, dc).as_deref(), Some("inhabil: Birgitte Kjærsgaard træder ud"));
        assert_eq!(super::text(&s, (dc + 1) % s.managers.len()), None);
    }
}
