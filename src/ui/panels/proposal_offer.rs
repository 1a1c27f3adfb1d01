//! The choices of the *Tilpas til puljen* / *Spred* window (issue 29): the fit's two
//! proposals, the one that changes the fewest managers first, each with how many amounts
//! change and the total after against the pool (in a prep against the director's own
//! frame, issue 28), and the checkbox that includes the amounts set in the meeting.

use egui::RichText;

use crate::engine::allocate::AllocationProposal;
use crate::model::money::format_kr;
use crate::model::words::count;
use crate::ui::command::Command;
use crate::ui::state::offer::Offer;
use crate::ui::theme;

/// "i alt 1.515.000 kr. af puljen 1.540.000 kr." or, in a prep, "i alt 420.000 kr. inden
/// for din ramme (Budget) 450.000 kr.", with a warning when the total is over.
#[must_use]
pub fn against(offer: &Offer, pool: rust_decimal::Decimal, p: &AllocationProposal) -> String {
    match offer.frame {
        Some(f) => {
            let over = if p.total > f.reference { " – over rammen" } else { "" };
            let (total, reference) = (format_kr(p.total), format_kr(f.reference));
            format!("i alt {total} inden for din ramme ({}) {reference}{over}", f.source())
        }
        None => {
            let over = if p.total > pool { " – over puljen" } else { "" };
            format!("i alt {} af puljen {}{over}", format_kr(p.total), format_kr(pool))
        }
    }
}

/// The choices (one radio button each, the chosen one marked) and the checkbox.
pub fn ui(ui: &mut egui::Ui, offer: &Offer, pool: rust_decimal::Decimal, out: &mut Vec<Command>) {
    for (k, p) in offer.choices.iter().enumerate() {
        let changed = count(p.changes.len(), "beløb ændres", "beløb ændres");
        let text = RichText::new(format!("{}: {changed}", offer.choice_name(k)));
        let text = if k == offer.chosen { text.strong() } else { text };
        if ui.radio(k == offer.chosen, text).clicked() && k != offer.chosen {
            out.push(Command::ChooseProposal(k));
        }
        ui.indent(("offer_choice", k), |ui| {
            let line = against(offer, pool, p);
            let over = line.contains(" – over ");
            ui.label(if over { RichText::new(line).color(theme::ERROR) } else { RichText::new(line) });
        });
    }
    let mut include = offer.include_hand_set;
    let label = format!("Medtag beløb sat i mødet ({})", offer.hand_set);
    let hint = "Beløb skrevet, trukket, begrundede skøn og accepterede fund i dette møde beholdes, \
                medmindre de medtages.";
    if ui.checkbox(&mut include, label).on_hover_text(hint).changed() {
        out.push(Command::IncludeHandSet(include));
    }
}
