//! Keyboard shortcuts, turned into commands.

use crate::document::Edit;
use egui::{Key, KeyboardShortcut, Modifiers};

use super::command::Command;
use super::view::ViewState;

/// The commands of this frame's shortcuts. Editing keys (± step, next/previous, undo)
/// only act when no text field has the keyboard and no dialog is in front.
pub fn keyboard_commands(ctx: &egui::Context, view: &ViewState) -> Vec<Command> {
    let mut out = Vec::new();
    let shortcut = |m: Modifiers, k: Key| KeyboardShortcut::new(m, k);
    // A dialog in front (an egui Modal, e.g. the file dialog) covers the meeting: its keys
    // must not change what is behind it.
    let typing = ctx.egui_wants_keyboard_input() || ctx.memory(|m| m.top_modal_layer().is_some());
    ctx.input_mut(|i| {
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
        if typing {
            return;
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
    });
    out
}

/// Consumes every press of `key` (without command modifiers) in this frame's input events,
/// repeats included, and returns how many there were (`consume_key` says only whether).
fn presses(input: &mut egui::InputState, key: Key) -> i64 {
    i64::try_from(input.count_and_consume_key(Modifiers::NONE, key)).unwrap_or(i64::MAX)
}
