//! The question "Mente du 80.000 kr.?" after a typed amount that probably meant thousands.

use egui::RichText;

use crate::model::money::{format_kr, format_number};
use crate::ui::command::Command;
use crate::ui::state::view::AmountQuestion;

impl AmountQuestion {
    /// Asks; the answer as [`Command::AnswerAmount`]: the amount meant, or none (cancelled).
    pub fn ui(&self, ctx: &egui::Context) -> Option<Command> {
        let (yes, no) = (format_kr(self.thousands), format_kr(self.typed));
        let mut answer = None;
        let modal = egui::Modal::new(egui::Id::unique("amount_question")).show(ctx, |ui| {
            ui.heading(format!("Mente du {yes}?"));
            ui.label(format!("Du skrev {} som beløb for {}.", format_number(self.typed), self.name));
            ui.horizontal(|ui| {
                if ui.button(RichText::new(format!("Ja, {yes}")).strong()).clicked() {
                    answer = Some(Command::AnswerAmount(Some(self.thousands)));
                }
                if ui.button(format!("Nej, {no}")).clicked() {
                    answer = Some(Command::AnswerAmount(Some(self.typed)));
                }
                if ui.button("Annuller").clicked() {
                    answer = Some(Command::AnswerAmount(None));
                }
            });
        });
        answer.or_else(|| modal.should_close().then_some(Command::AnswerAmount(None)))
    }
}
