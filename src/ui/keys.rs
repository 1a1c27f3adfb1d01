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
    // Escape closes an open menu or list first.
    let popup = egui::Popup::is_any_open(ctx);
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
        if let Some(manager) = view.selected
            && i.consume_key(Modifiers::NONE, Key::D)
        {
            out.push(Command::Edit(Edit::SetStatus { manager, status: crate::model::MeetingStatus::Droeftet }));
        }
        for _ in 0..presses(i, Key::B) {
            out.push(Command::DecideAndNext);
        }
        zoom_keys(i, view, popup, &mut out);
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

/// Number keys 1–9 zoom the lanes to that lane (from the top), 0 and Escape zoom out.
/// Escape is left alone when nothing is zoomed (it closes menus and cancels edits).
fn zoom_keys(input: &mut egui::InputState, view: &ViewState, popup: bool, out: &mut Vec<Command>) {
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
    if input.consume_key(Modifiers::NONE, Key::Num0) || (!popup && input.consume_key(Modifiers::NONE, Key::Escape)) {
        out.push(Command::ZoomLevel(None));
    }
}

/// Consumes every press of `key` (without command modifiers) in this frame's input events,
/// repeats included, and returns how many there were (`consume_key` says only whether).
fn presses(input: &mut egui::InputState, key: Key) -> i64 {
    i64::try_from(input.count_and_consume_key(Modifiers::NONE, key)).unwrap_or(i64::MAX)
}
