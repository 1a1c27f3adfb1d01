//! Stable widget ids for the focus card: one set for every manager, so that a key press
//! paints one frame (egui styles a widget by its state in the previous frame and asks for
//! another frame for an id it has not seen). What per-manager ids gave for free – no
//! keyboard focus, cursor or field undo carried from one manager to the next – is done
//! here when the card changes manager.

/// The card's text fields, by the name given to [`field`].
const FIELDS: [&str; 6] = ["amount", "proposal_amount", "rationale", "justification", "accept", "notes"];

/// The id of the card's text field `name` (one of [`FIELDS`]), the same for every manager.
pub fn field(name: &str) -> egui::Id {
    egui::Id::unique(("focus_card_field", name))
}

/// Whether the card shows manager `i` for the first time since it showed another (or
/// nothing). On a change the card's fields give up the keyboard and forget their cursor
/// and undo history, as they did when each manager had fields of their own.
pub fn switched(ui: &egui::Ui, i: usize) -> bool {
    let key = egui::Id::unique("focus_card_manager");
    let shown = ui.data(|d| d.get_temp::<usize>(key));
    if shown == Some(i) {
        return false;
    }
    ui.data_mut(|d| d.insert_temp(key, i));
    for id in FIELDS.map(field) {
        ui.memory_mut(|m| {
            if m.has_focus(id) {
                m.surrender_focus(id);
            }
        });
        ui.data_mut(|d| d.remove::<egui::text_edit::TextEditState>(id));
    }
    true
}

/// Adds what `add` draws with ids of its own, named `name`: the same for every manager
/// whatever the card shows before it (egui's automatic ids count the widgets before them,
/// and a card with one more line would give every widget after it a new id, styled a
/// frame late).
pub fn stable<R>(ui: &mut egui::Ui, name: &str, add: impl FnOnce(&mut egui::Ui) -> R) -> R {
    ui.scope_builder(egui::UiBuilder::new().scope_id(egui::Id::unique(("focus_card_widget", name))), add).inner
}
