//! Keyboard shortcuts, turned into commands.

use crate::document::Edit;
use egui::{Key, KeyboardShortcut, Modifiers};

use crate::ui::command::Command;
use crate::ui::state::view::ViewState;

/// The commands of this frame's shortcuts. The single keys (letters, digits, ±, page keys,
/// Escape) and undo act only when no text field has the keyboard and no dialog, menu or
/// popup is open: typed into a field (or with a menu in front) they are text, never
/// decisions.
pub fn keyboard_commands(ctx: &egui::Context, view: &ViewState) -> Vec<Command> {
    let busy = keyboard_state(ctx);
    ctx.input_mut(|i| commands_from(i, busy, view))
}

/// Whether the editing keys are someone else's: a text field has the keyboard, a dialog is
/// in front (its keys must not change what is behind it), or a menu, list or popup is open
/// (Escape closes it first; a letter typed while it is open is not a shortcut).
fn keyboard_state(ctx: &egui::Context) -> bool {
    ctx.egui_wants_keyboard_input() || ctx.memory(|m| m.top_modal_layer().is_some()) || egui::Popup::is_any_open(ctx)
}

/// Takes the shortcuts out of the window's input before egui's pass sees it, and returns
/// their commands (issue 19: one painted frame per input).
///
/// egui paints one more frame after every pass that had input events, and a key press is
/// two passes (the press and the release): four frames on a software renderer, where each
/// costs tens of ms. A shortcut's press, the character its key typed and, in a later
/// input, its release are removed here (`held` remembers the pressed keys), so those
/// passes have no events and egui asks for no frame after them. Events of keys that are
/// not shortcuts, and everything while a text field has the keyboard, stay for egui.
/// [`keyboard_commands`] in the pass still carries out what arrives otherwise (the tests'
/// harness, which has no such hook).
pub fn take_shortcuts(
    ctx: &egui::Context,
    view: &ViewState,
    raw: &mut egui::RawInput,
    held: &mut Vec<Key>,
) -> Vec<Command> {
    use egui::Event;
    // A key is known by where it is on the keyboard: with Shift released first, the release
    // of the key that typed "+" comes back as "=" on a US layout.
    let place = |key: &Key, physical: &Option<Key>| physical.unwrap_or(*key);
    raw.events.retain(|e| match e {
        Event::Key { key, physical_key, pressed: false, .. } if held.contains(&place(key, physical_key)) => {
            let at = place(key, physical_key);
            held.retain(|k| *k != at);
            false
        }
        _ => true,
    });
    if !raw.events.iter().any(|e| matches!(e, Event::Key { pressed: true, .. })) {
        return Vec::new();
    }
    let typing = keyboard_state(ctx);
    let options = ctx.options(|o| o.input_options);
    let mut input = egui::InputState::default().begin_pass(raw.clone(), false, ctx.pixels_per_point(), options);
    let commands = commands_from(&mut input, typing, view);
    if commands.is_empty() {
        return commands;
    }
    // The presses the commands consumed are those no longer in the pass's input (counted,
    // not just compared: of two presses of D in one input, one is consumed). They go, and
    // so do the character their key typed and, in this input, their release.
    let mut left = input.events.clone();
    let mut consumed: Vec<(Key, Key)> = Vec::new();
    raw.events.retain(|e| match e {
        Event::Key { key, physical_key, pressed: true, .. } => {
            let stays = left.iter().position(|l| l == e).map(|at| left.remove(at)).is_some();
            if !stays {
                consumed.push((*key, place(key, physical_key)));
            }
            stays
        }
        _ => true,
    });
    let places: Vec<Key> = consumed.iter().map(|(_, at)| *at).collect();
    let typed_by_taken = |text: &str| {
        !typing && Key::from_name(&text.to_uppercase()).is_some_and(|k| consumed.iter().any(|(key, _)| *key == k))
    };
    let mut released = Vec::new();
    raw.events.retain(|e| match e {
        Event::Key { key, physical_key, pressed: false, .. } if places.contains(&place(key, physical_key)) => {
            released.push(place(key, physical_key));
            false
        }
        Event::Text(text) => !typed_by_taken(text),
        _ => true,
    });
    for at in places {
        if !released.contains(&at) && !held.contains(&at) {
            held.push(at);
        }
    }
    commands
}

/// The shortcuts among `input`'s events, consumed, as commands; with `busy` (a field has the
/// keyboard, a dialog or menu is open) only F5 and the Ctrl shortcuts of files.
fn commands_from(i: &mut egui::InputState, busy: bool, view: &ViewState) -> Vec<Command> {
    let mut out = Vec::new();
    let shortcut = |m: Modifiers, k: Key| KeyboardShortcut::new(m, k);
    if i.consume_key(Modifiers::NONE, Key::F5) {
        out.push(Command::TogglePresentation);
    }
    if i.consume_shortcut(&shortcut(Modifiers::COMMAND | Modifiers::SHIFT, Key::S)) {
        out.push(Command::SaveAs);
    }
    if i.consume_shortcut(&shortcut(Modifiers::COMMAND, Key::S)) {
        out.push(Command::Save);
    }
    if i.consume_shortcut(&shortcut(Modifiers::COMMAND, Key::O)) {
        out.push(Command::Open);
    }
    if busy {
        return out;
    }
    if i.consume_shortcut(&shortcut(Modifiers::COMMAND | Modifiers::SHIFT, Key::Z))
        || i.consume_shortcut(&shortcut(Modifiers::COMMAND, Key::Y))
    {
        out.push(Command::Redo);
    }
    if i.consume_shortcut(&shortcut(Modifiers::COMMAND, Key::Z)) {
        out.push(Command::Undo);
    }
    let forward = presses(i, Key::PageDown) + presses(i, Key::N);
    let back = presses(i, Key::PageUp) + presses(i, Key::P);
    for _ in 0..forward {
        out.push(Command::SelectInAgenda(1));
    }
    for _ in 0..back {
        out.push(Command::SelectInAgenda(-1));
    }
    if let Some(manager) = view.selected
        && i.consume_key(Modifiers::NONE, Key::D)
    {
        out.push(Command::Edit(Edit::SetStatus { manager, status: crate::model::MeetingStatus::Droeftet }));
    }
    if let Some(manager) = view.selected
        && i.consume_key(Modifiers::NONE, Key::C)
    {
        out.push(Command::CompareAdd(manager));
    }
    if !view.compare.is_empty() && i.consume_key(Modifiers::NONE, Key::Escape) {
        out.push(Command::CloseCompare);
    }
    if i.consume_key(Modifiers::NONE, Key::R) {
        out.push(Command::ToggleByDirector);
    }
    if view.presentation && i.consume_key(Modifiers::NONE, Key::T) {
        out.push(Command::ToggleLowerHalf);
    }
    for _ in 0..presses(i, Key::B) {
        out.push(Command::DecideAndNext);
    }
    zoom_keys(i, view, &mut out);
    if let Some(manager) = view.selected {
        // Every press counts: several presses (or key repeats) can arrive in one frame,
        // and `consume_key` takes only one event per call.
        let up = presses(i, Key::Plus) + presses(i, Key::Equals);
        let down = presses(i, Key::Minus);
        let steps = up - down;
        if steps != 0 {
            out.push(Command::Edit(Edit::StepAmount { manager, steps }));
        }
    }
    out
}

/// Number keys 1–9 zoom the lanes to that lane (from the top), 0 and Escape zoom out.
/// Escape is left alone when nothing is zoomed (it cancels edits).
fn zoom_keys(input: &mut egui::InputState, view: &ViewState, out: &mut Vec<Command>) {
    const DIGITS: [Key; 9] =
        [Key::Num1, Key::Num2, Key::Num3, Key::Num4, Key::Num5, Key::Num6, Key::Num7, Key::Num8, Key::Num9];
    for (k, key) in DIGITS.into_iter().enumerate() {
        if input.consume_key(Modifiers::NONE, key) {
            out.push(Command::ZoomLane(k + 1));
        }
    }
    if view.zoom.is_none() {
        return;
    }
    if input.consume_key(Modifiers::NONE, Key::Num0) || input.consume_key(Modifiers::NONE, Key::Escape) {
        out.push(Command::ZoomLevel(None));
    }
}

/// Consumes every press of `key` (without command modifiers) in this frame's input events,
/// repeats included, and returns how many there were (`consume_key` says only whether).
fn presses(input: &mut egui::InputState, key: Key) -> i64 {
    i64::try_from(input.count_and_consume_key(Modifiers::NONE, key)).unwrap_or(i64::MAX)
}
