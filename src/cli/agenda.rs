//! `kalibrer agenda FILE [--order level|questions] [--json]`: the agenda HR hands out
//! before the meeting, with each manager's questions from the other directors.

use crate::engine::agenda::{AgendaOrder, agenda_rows};
use crate::model::money::format_kr;

use super::load;
use super::syntax::report_args::Agenda;

/// Prints the agenda; exit 0, or 2 when the file cannot be read.
pub fn run(args: &Agenda) -> i32 {
    let session = match load(&args.file) {
        Ok(s) => s,
        Err(code) => return code,
    };
    let order = args.order.map_or(AgendaOrder::Level, AgendaOrder::from);
    let eval = crate::engine::evaluate(&session);
    let rows = agenda_rows(&session, &eval, order);
    if args.json {
        let items: Vec<serde_json::Value> = rows
            .iter()
            .map(|r| {
                serde_json::json!({
                    "place": r.place,
                    "id": r.id,
                    "name": r.name,
                    "level": r.level,
                    "director": r.director,
                    "proposal": r.proposal.map(|p| p.normalize().to_string()),
                    "amount": r.amount.normalize().to_string(),
                    "questions": r.questions.len(),
                    "question_texts": r.questions.iter().map(|q| serde_json::json!({
                        "by": q.by,
                        "by_name": q.by_name,
                        "text": q.text,
                        "answered": q.answered,
                    })).collect::<Vec<_>>(),
                })
            })
            .collect();
        outln!("{}", serde_json::to_string_pretty(&serde_json::json!({ "agenda": items })).unwrap_or_default());
        return 0;
    }
    outln!("Dagsorden ({}), {} ledere", order.label(), rows.len());
    for r in &rows {
        let proposal = r.proposal.map_or_else(|| "intet forslag".to_string(), |p| format!("forslag {}", format_kr(p)));
        let asked = match r.questions.len() {
            0 => String::new(),
            1 => ", 1 spørgsmål".to_string(),
            n => format!(", {n} spørgsmål"),
        };
        outln!(
            "{}. {} ({}, {}) – {proposal}, beløb {}{asked}",
            r.place,
            r.name,
            r.level,
            r.director,
            format_kr(r.amount)
        );
        for q in &r.questions {
            let done = if q.answered { " (besvaret)" } else { "" };
            outln!("    spørgsmål fra {}: «{}»{done}", q.by_name, q.text);
        }
    }
    0
}
