//! Letters to the managers (*meddelelse om resultatløn/engangsvederlag*), one page per
//! manager, from the editable template `assets/letter_template.html`.

use std::fmt::Write as _;

use crate::engine::amounts::model_of;
use crate::engine::{self, Evaluation};
use crate::model::money::{format_kr, format_percent};
use crate::model::{AmountModel, Manager, PayForm, Session};

use super::html::{esc, page};
use super::words::kr_in_words;

/// The default letter template, embedded.
pub const LETTER_TEMPLATE: &str = include_str!("../../assets/letter_template.html");

/// Renders one letter per manager with the given template (see the placeholders in it).
#[must_use]
pub fn letters_html(session: &Session, template: &str) -> String {
    let eval = engine::evaluate(session);
    let date = crate::model::log::now_iso().chars().take(10).collect::<String>();
    let template = strip_leading_comment(template);
    let mut body = String::new();
    // In agenda order (highest level first, then unit and name), as the documentation.
    for i in session.agenda_order() {
        let m = &session.managers[i];
        let letter = fill(template, &placeholders(session, &eval, i, m, &date));
        let _ = writeln!(body, "<section class=\"page\">{letter}</section>");
    }
    page(&format!("Meddelelser {} {}", session.organisation.name, session.year), &body)
}

/// The template without its leading `<!-- … -->` instructions.
fn strip_leading_comment(template: &str) -> &str {
    let t = template.trim_start();
    if t.starts_with("<!--")
        && let Some(end) = t.find("-->")
    {
        return &t[end + 3..];
    }
    t
}

/// Replaces every `{{key}}` with its value (values are already HTML).
fn fill(template: &str, values: &[(&str, String)]) -> String {
    let mut out = template.to_string();
    for (key, value) in values {
        out = out.replace(&format!("{{{{{key}}}}}"), value);
    }
    out
}

/// The pay form as a noun phrase for the letter.
fn form_text(m: &Manager) -> String {
    let form = m.pay_forms.first().copied();
    match form {
        Some(PayForm::Resultatloen) | None => "resultatløn".to_string(),
        Some(PayForm::EngangsvederlagMedMaal) => "engangsvederlag for opfyldelse af mål".to_string(),
        Some(PayForm::SaerligIndsats) => "engangsvederlag for en særlig indsats".to_string(),
        Some(PayForm::Merarbejde) => "engangsvederlag for merarbejde".to_string(),
    }
}

/// The values of one manager's letter (HTML-escaped).
fn placeholders(
    session: &Session,
    eval: &Evaluation,
    i: usize,
    m: &Manager,
    date: &str,
) -> Vec<(&'static str, String)> {
    let amount = eval.amounts[i].amount;
    // Nobody signs their own letter: the departementschef's comes from the organisation.
    let superior = session.executive(&m.superior).filter(|e| e.name != m.name);
    let pension = if m.pension_percent.is_zero() {
        String::new()
    } else {
        format!("Der indbetales desuden {} i pension af beløbet.", format_percent(m.pension_percent))
    };
    vec![
        ("organisation", esc(&session.organisation.name)),
        ("år", session.year.to_string()),
        ("dato", esc(date)),
        ("navn", esc(&m.name)),
        ("stilling", esc(session.level(&m.level).map_or("", |l| l.name.as_str()))),
        ("enhed", esc(&m.unit)),
        ("vederlagsform", esc(&form_text(m))),
        ("beløb", format_kr(amount)),
        ("beløb_ord", esc(&kr_in_words(amount))),
        ("pension", esc(&pension)),
        ("begrundelser", reasons(session, m)),
        ("leder", esc(superior.map_or(session.organisation.name.as_str(), |e| e.name.as_str()))),
        ("leder_titel", esc(superior.map_or("", |e| e.title.as_str()))),
    ]
}

/// The main reasons as an HTML list: the assessment, the superior's rationale and the
/// justification of any discretionary adjustment.
fn reasons(session: &Session, m: &Manager) -> String {
    let mut items = Vec::new();
    if let Some(level) = session.level(&m.level) {
        match model_of(m, level) {
            AmountModel::Box(b) => {
                for c in &b.criteria {
                    if let Some(step) = m.box_scores.get(&c.id).and_then(|s| b.scale.step(*s)) {
                        items.push(format!("{}: {}", c.name, step.label));
                    }
                }
            }
            AmountModel::WeightedGoals { .. } => {
                for g in &m.goals {
                    let att =
                        g.attainment.map_or("ikke vurderet".to_string(), |a| format!("{} opfyldt", format_percent(a)));
                    items.push(format!("{} (vægt {}): {att}", g.name, format_percent(g.weight)));
                }
            }
            _ => {}
        }
    }
    if let Some(p) = m.proposal.as_ref().filter(|p| !p.rationale.trim().is_empty()) {
        items.push(p.rationale.trim().to_string());
    }
    if let Some(a) = m.adjustment.as_ref().filter(|a| !a.amount.is_zero() && !a.justification.trim().is_empty()) {
        items.push(a.justification.trim().to_string());
    }
    let mut out = String::from("<ul>");
    for item in items {
        let _ = write!(out, "<li>{}</li>", esc(&item));
    }
    out.push_str("</ul>");
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fills_placeholders() {
        let out = fill("Kære {{navn}}, {{beløb}}", &[("navn", "Ida".into()), ("beløb", "45.000 kr.".into())]);
        assert_eq!(out, "Kære Ida, 45.000 kr.");
    }
}
