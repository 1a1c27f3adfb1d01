//! The screen's layout: which panels a frame shows where – top bar, the *Nu drøftes*
//! strip, the lanes, and below them the table with the spread and findings and the focus
//! card, or in presentation mode the spread and findings (T: the table and focus card) –
//! and the proposal window and dialogs drawn with them.

use crate::ui::command::Command;
use crate::ui::panels::{
    directors_ui, findings as findings_ui, focus as focus_ui, lanes as lanes_ui, now as now_ui,
    proposal as proposal_ui, spread as spread_ui, table as table_ui, topbar as topbar_ui,
};
use crate::ui::shell::app::KalibrerApp;
use crate::ui::state::derived::Data;
use crate::ui::theme;

impl KalibrerApp {
    /// The panels of [`Self::frame_ui`].
    pub(super) fn panels_ui(&mut self, ui: &mut egui::Ui) -> Vec<Command> {
        self.refresh();
        let mut commands = Vec::new();
        let by_director = self.meeting.view.by_director.then(|| {
            let (session, revision) = (self.meeting.doc.session(), self.meeting.doc.cache_key());
            self.meeting.directors.get(session, &self.meeting.eval, revision)
        });
        let data = Data {
            session: self.meeting.doc.session(),
            eval: &self.meeting.eval,
            derived: &self.meeting.derived,
            revision: self.meeting.doc.cache_key(),
        };
        // Fixed shares of the window (theme::shares), never of the content: a long name or
        // goal cannot widen a panel, and the lanes keep their scale when the selection moves.
        let shares = theme::shares(ui.ctx().content_rect().size(), self.meeting.view.presentation);
        egui::Panel::top("topbar").resizable(false).show(ui, |ui| {
            let recent = &self.settings.recent;
            self.meeting.view.prep_others = self.settings.prep_others;
            let (doc, eval, derived) = (&self.meeting.doc, &self.meeting.eval, &self.meeting.derived);
            topbar_ui::ui(ui, doc, eval, derived, &mut self.meeting.view, recent, &mut commands);
        });
        if self.meeting.view.presentation {
            egui::Panel::top("now").resizable(false).show(ui, |ui| {
                now_ui::ui(ui, data, &self.meeting.view);
            });
        }
        // Presentation mode gives the lower half to the spread and the findings (the strip
        // carries the item under discussion); T brings back the table and the focus card.
        let spread_screen = self.meeting.view.presentation && !self.meeting.view.presentation_table;
        let docked = self.meeting.view.presentation && self.meeting.view.pending.is_some();
        if !spread_screen && !docked {
            egui::Panel::right("focus").resizable(false).exact_size(shares.focus_width).show(ui, |ui| {
                bounded(ui, |ui| focus_ui::ui(ui, data, &mut self.meeting.view, &mut commands));
            });
        }
        egui::Panel::top("lanes").resizable(false).show(ui, |ui| {
            match &by_director {
                Some(report) => directors_ui::ui(ui, data, report, &self.meeting.view, &mut commands),
                None => lanes_ui::ui(ui, data, &self.meeting.view, &mut commands),
            }
            directors_ui::toggle_ui(ui, &self.meeting.view, &mut commands);
        });
        if docked {
            // A proposal docks below the lanes that show it, never over them (issue 29).
            egui::CentralPanel::default().show(ui, |ui| {
                proposal_ui::docked_ui(ui, data, &self.meeting.view, &mut commands);
            });
            self.proposal_and_dialogs(ui, data, &mut commands);
            return commands;
        }
        if spread_screen {
            egui::Panel::right("findings").resizable(false).exact_size(shares.spread_findings_width).show(ui, |ui| {
                bounded(ui, |ui| findings_ui::ui(ui, data, &self.meeting.view, &mut commands));
            });
            egui::CentralPanel::default().show(ui, |ui| {
                spread_ui::ui(ui, data, &self.meeting.view, &mut commands);
            });
            self.proposal_and_dialogs(ui, data, &mut commands);
            return commands;
        }
        // With T in presentation mode the lower half is the table's alone (and the focus
        // card's): the spread and findings it replaced are what F5 shows without T, and
        // squeezed under the table they left the room three rows.
        if !self.meeting.view.presentation {
            self.side_ui(ui, data, shares.side_height, shares.findings_width, &mut commands);
        }
        egui::CentralPanel::default().show(ui, |ui| {
            table_ui::ui(ui, data, &mut self.meeting.view, &mut commands);
        });
        self.proposal_and_dialogs(ui, data, &mut commands);
        commands
    }

    /// The spread and the findings below the table (normal mode).
    fn side_ui(
        &self,
        ui: &mut egui::Ui,
        data: Data<'_>,
        height: f32,
        findings_width: f32,
        commands: &mut Vec<Command>,
    ) {
        egui::Panel::bottom("side").resizable(false).exact_size(height).show(ui, |ui| {
            // The side panel's fill is already under its two inner panels: filling them again
            // is overdraw a software rasteriser pays for (issue 19); the picture is the same.
            let unfilled = |frame: egui::Frame| frame.fill(egui::Color32::TRANSPARENT);
            egui::Panel::right("findings")
                .frame(unfilled(egui::Frame::side_top_panel(ui.style())))
                .resizable(false)
                .exact_size(findings_width)
                .show(ui, |ui| {
                    bounded(ui, |ui| findings_ui::ui(ui, data, &self.meeting.view, commands));
                });
            egui::CentralPanel::default().frame(unfilled(egui::Frame::central_panel(ui.style()))).show(ui, |ui| {
                egui::ScrollArea::both()
                    .id_salt("spread_scroll")
                    .show(ui, |ui| spread_ui::ui(ui, data, &self.meeting.view, commands));
            });
        });
    }

    /// The proposal window and the dialogs drawn with the panels.
    fn proposal_and_dialogs(&self, ui: &mut egui::Ui, data: Data<'_>, commands: &mut Vec<Command>) {
        if !self.meeting.view.presentation {
            proposal_ui::ui(ui.ctx(), data, &self.meeting.view, commands);
        }
        crate::ui::panels::compare_ui::ui(ui.ctx(), data, &self.meeting.view, commands);
        if self.dialogs.mapping {
            commands.extend(crate::ui::dialogs::mapping::ui(ui.ctx(), data, &self.meeting.view.references));
        }
        if self.dialogs.quit || self.dialogs.open_after.is_some() {
            let opening = !self.dialogs.quit;
            commands.extend(crate::ui::dialogs::quit::ui(ui.ctx(), &self.meeting.doc, opening));
        }
        if let Some(question) = &self.dialogs.amount {
            commands.extend(question.ui(ui.ctx()));
        }
        if let Some(pending) = &self.dialogs.draft_export {
            commands.extend(pending.ui(ui.ctx()));
        }
    }
}

/// Draws `add` in the rest of `ui`, clipped to it: contents wider than the panel are cut
/// (or wrap), never widen it – egui would otherwise move a right-hand panel sideways.
fn bounded<R>(ui: &mut egui::Ui, add: impl FnOnce(&mut egui::Ui) -> R) -> R {
    let rect = ui.available_rect_before_wrap();
    let mut child = ui.new_child(egui::UiBuilder::new().max_rect(rect).layout(*ui.layout()));
    child.shrink_clip_rect(rect);
    let result = add(&mut child);
    ui.advance_cursor_after_rect(rect);
    result
}
