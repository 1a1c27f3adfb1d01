//! Keyboard shortcuts, turned into commands.

use egui::{Key, KeyboardShortcut, Modifiers};

use super::command::Command;
use super::view::ViewState;

/// The commands of this frame's shortcuts. Editing keys (± step, next/previous) only
/// act when no text field has the keyboard.
pub fn keyboard_commands(ctx: &egui::Context, view: &ViewState) -> Vec<Command> {
    let mut out = Vec::new();
    let shortcut = |m: Modifiers, k: Key| KeyboardShortcut::new(m, k);
    let typing = ctx.egui_wants_keyboard_input();
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
        if i.consume_key(Modifiers::NONE, Key::PageDown) || i.consume_key(Modifiers::NONE, Key::N) {
            out.push(Command::SelectInAgenda(1));
        }
        if i.consume_key(Modifiers::NONE, Key::PageUp) || i.consume_key(Modifiers::NONE, Key::P) {
            out.push(Command::SelectInAgenda(-1));
        }
        if let Some(manager) = view.selected {
            if i.consume_key(Modifiers::NONE, Key::Plus) || i.consume_key(Modifiers::NONE, Key::Equals) {
                out.push(Command::StepAmount { manager, steps: 1 });
            }
            if i.consume_key(Modifiers::NONE, Key::Minus) {
                out.push(Command::StepAmount { manager, steps: -1 });
            }
        }
    });
    out
}
