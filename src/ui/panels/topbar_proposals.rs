//! The top bar's proposal buttons: *Tilpas til puljen* (in a prep *Tilpas til rammen*),
//! *Spred ×1,2* and *Saml ×0,8*, each a command that opens the proposal window.

use rust_decimal::Decimal;

use crate::ui::command::Command;

/// The proposal buttons: label and what they propose.
const PROPOSALS: [(&str, &str); 3] = [
    ("Tilpas til puljen", "Foreslå beløb der rammer puljen"),
    ("Spred ×1,2", "Større spredning i hvert niveau, samme sum"),
    ("Saml ×0,8", "Mindre spredning i hvert niveau, samme sum"),
];

/// The proposal buttons in a director's prep: they work within her own frame, only on her
/// managers (the window says so too).
const PREP_PROPOSALS: [(&str, &str); 3] = [
    ("Tilpas til rammen", "Foreslå beløb for dine ledere der rammer din ramme (budget eller sidste år)"),
    ("Spred ×1,2", "Større spredning blandt dine ledere, samme sum"),
    ("Saml ×0,8", "Mindre spredning blandt dine ledere, samme sum"),
];

/// The buttons' labels and hints, in a prep or in the meeting.
#[must_use]
pub fn buttons(in_prep: bool) -> &'static [(&'static str, &'static str); 3] {
    if in_prep { &PREP_PROPOSALS } else { &PROPOSALS }
}

/// The three proposal buttons (in the row, or in the "Forslag" menu on narrow windows).
pub fn ui(ui: &mut egui::Ui, in_prep: bool, out: &mut Vec<Command>) {
    for (i, (label, hint)) in buttons(in_prep).iter().enumerate() {
        if ui.button(*label).on_hover_text(*hint).clicked() {
            out.push(match i {
                0 => Command::ProposeFitToPool,
                1 => Command::ProposeSpread(Decimal::new(12, 1)),
                _ => Command::ProposeSpread(Decimal::new(8, 1)),
            });
        }
    }
}
