//! The audit documentation (HTML, prints on A4): for every manager the pay form, model,
//! breakdown, goals or scores, formula amount, discretionary adjustment with its written
//! justification, final amount, findings and who decided when; then the session's
//! levels, bands, pool, totals and the full change log.

use std::fmt::Write as _;

use crate::engine::amounts::model_of;
use crate::engine::{self, Evaluation};
use crate::model::money::{format_kr, format_percent, format_signed_kr};
use crate::model::{AmountModel, GoalScope, Manager, MeetingStatus, Session};

use super::html::{esc, page};

/// Renders the documentation of a session.
#[must_use]
pub fn documentation_html(session: &Session) -> String {
    let eval = engine::evaluate(session);
    let mut b = String::new();
    let _ = writeln!(
        b,
        "<h1>Dokumentation af resultatløn og engangsvederlag {}</h1><p class=\"muted\">{} · udskrevet {}</p>",
        session.year,
        esc(&session.organisation.name),
        crate::model::log::now_iso()
    );
    basis_section(&mut b, session, &eval);
    b.push_str("<h2 class=\"newpage\">Ledere</h2>");
    for i in session.agenda_order() {
        manager_section(&mut b, session, &eval, i);
    }
    change_log_section(&mut b, session);
    page(&format!("Dokumentation {} {}", session.organisation.name, session.year), &b)
}

/// Levels, bands, models, policies, pool and totals.
fn basis_section(b: &mut String, session: &Session, eval: &Evaluation) {
    let p = &session.policies;
    b.push_str("<h2>Grundlag</h2><table><tr><th>Niveau</th><th>Spænd</th><th>Model</th><th class=\"n\">Antal</th><th class=\"n\">Sum</th></tr>");
    for li in session.levels_by_rank().into_iter().rev() {
        let level = &session.levels[li];
        let stats = eval.stats.per_level.iter().find(|s| s.level.as_deref() == Some(level.id.as_str()));
        let (n, sum) = stats.map_or((0, Default::default()), |s| (s.stats.n, s.stats.sum));
        let _ = write!(
            b,
            "<tr><td>{}</td><td class=\"nw\">{} –<br>{}</td><td>{}</td><td class=\"n\">{n}</td><td class=\"n\">{}</td></tr>",
            esc(&level.name),
            format_kr(level.band.min),
            format_kr(level.band.max),
            esc(&model_text(&level.model)),
            format_kr(sum)
        );
    }
    let _ = write!(
        b,
        "<tr class=\"sum\"><td colspan=\"3\">I alt</td><td class=\"n\">{}</td><td class=\"n\">{}</td></tr></table>",
        session.managers.len(),
        format_kr(eval.pool.used)
    );
    let _ = write!(
        b,
        "<p>Pulje {} · brugt {} · {} {} Beløb afrundes til nærmeste {} (halve op). Loft {} af grundløn inkl. faste tillæg. Overlap mellem niveauers spænd er {}.</p>",
        format_kr(eval.pool.pool),
        format_kr(eval.pool.used),
        if eval.pool.exceeded() { "overskredet med" } else { "rest" },
        format_kr(eval.pool.left.abs()),
        format_kr(p.rounding_step),
        format_percent(p.cap_percent_of_base),
        if p.bands_may_overlap { "tilladt" } else { "ikke tilladt" }
    );
}

/// A model in one line: "Boksmodel: Faglighed og kvalitet 20.000 kr., …".
fn model_text(model: &AmountModel) -> String {
    match model {
        AmountModel::Box(m) => {
            let c: Vec<String> = m.criteria.iter().map(|c| format!("{} {}", c.name, format_kr(c.amount))).collect();
            format!("{}: {}", model.name_da(), c.join(", "))
        }
        AmountModel::WeightedGoals { frame } => format!("{}: ramme {}", model.name_da(), format_kr(*frame)),
        _ => model.name_da().to_string(),
    }
}

/// One manager's documentation.
fn manager_section(b: &mut String, session: &Session, eval: &Evaluation, i: usize) {
    let m = &session.managers[i];
    let a = &eval.amounts[i];
    let level = session.level(&m.level);
    let superior = session.executive(&m.superior).map_or(m.superior.as_str(), |e| e.name.as_str());
    let forms: Vec<&str> = m.pay_forms.iter().map(|f| f.label()).collect();
    let _ = write!(
        b,
        "<div class=\"manager\"><h3>{} ({})</h3><p>{} · {} · reference: {} · {} · {}<br>Vederlagsform: {}</p>",
        esc(&m.name),
        esc(&m.id),
        esc(level.map_or("ukendt niveau", |l| l.name.as_str())),
        esc(&m.unit),
        esc(superior),
        m.basis.label(),
        esc(&m.pay_grade),
        esc(&forms.join(", "))
    );
    if let Some(level) = level {
        let model = model_of(m, level);
        let _ = write!(b, "<p>Model: {}</p>", esc(&model_text(model)));
        if matches!(model, AmountModel::WeightedGoals { .. }) || !m.goals.is_empty() {
            goals_table(b, m);
        }
    }
    b.push_str("<table><tr><th class=\"n\">Beløb</th><th>Beregning</th></tr>");
    for line in &eval.explain(session, i).breakdown {
        let _ =
            write!(b, "<tr><td class=\"n\">{}</td><td>{}</td></tr>", format_signed_kr(line.amount), esc(&line.text));
    }
    let _ = write!(
        b,
        "<tr class=\"sum\"><td class=\"n\">{}</td><td>Endeligt beløb (formel {}{})</td></tr></table>",
        format_kr(a.amount),
        format_kr(a.formula),
        if a.adjustment.is_zero() { String::new() } else { format!(", skøn {}", format_signed_kr(a.adjustment)) }
    );
    if let Some(adj) = m.adjustment.as_ref().filter(|x| !x.amount.is_zero()) {
        let who = session.executive(&adj.by).map_or(adj.by.as_str(), |e| e.name.as_str());
        let why = if adj.justification.trim().is_empty() {
            "<span class=\"fejl\">INGEN SKRIFTLIG BEGRUNDELSE</span>".to_string()
        } else {
            esc(&adj.justification)
        };
        let _ = write!(b, "<p><b>Skøn {}</b> ({}): {why}</p>", format_signed_kr(adj.amount), esc(who));
    }
    if let Some(p) = &m.proposal {
        let amount = p.amount.map_or(String::new(), format_kr);
        let _ = write!(b, "<p>Forslag fra nærmeste leder: {amount} – {}</p>", esc(&p.rationale));
    }
    for f in eval.findings.iter().filter(|f| f.manager.as_deref() == Some(m.id.as_str())) {
        match crate::engine::finding::acceptance_of(m, f) {
            Some(a) => {
                let _ = write!(
                    b,
                    "<p class=\"accepteret\">{} (accepteret): {}<br><b>Accepteret af {} {}</b>: {}</p>",
                    f.severity.word(),
                    esc(&crate::engine::wording::finding_text(f, session, crate::engine::wording::Style::FULL)),
                    esc(session.executive(&a.by).map_or(a.by.as_str(), |e| e.name.as_str())),
                    esc(&a.when.chars().take(10).collect::<String>()),
                    esc(&a.why)
                );
            }
            None => {
                let _ = write!(
                    b,
                    "<p class=\"{}\">{}: {}</p>",
                    f.severity.word(),
                    f.severity.word(),
                    esc(&crate::engine::wording::finding_text(f, session, crate::engine::wording::Style::FULL))
                );
            }
        }
    }
    if !m.notes.trim().is_empty() {
        let _ = write!(b, "<p>Noter fra mødet: {}</p>", esc(&m.notes));
    }
    let _ = write!(b, "<p>Status: {}{}</p></div>", m.status.label(), decided_by(session, m));
}

/// The goals with weight, kind and attainment.
fn goals_table(b: &mut String, m: &Manager) {
    b.push_str("<table><tr><th>Mål</th><th class=\"n\">Vægt</th><th>Type</th><th class=\"n\">Opfyldelse</th></tr>");
    for g in &m.goals {
        let kind = match (g.scope, g.collective) {
            (GoalScope::Institutional, true) => "institutionelt, kollektivt",
            (GoalScope::Institutional, false) => "institutionelt",
            (GoalScope::Personal, _) => "personligt",
        };
        let _ = write!(
            b,
            "<tr><td>{}</td><td class=\"n\">{}</td><td>{kind}{}</td><td class=\"n\">{}</td></tr>",
            esc(&g.name),
            format_percent(g.weight),
            if g.quantitative { ", kvantitativt" } else { ", kvalitativt" },
            g.attainment.map_or("–".to_string(), format_percent)
        );
    }
    b.push_str("</table>");
}

/// " – besluttet af X 2026-11-23T10:00:00Z" from the last status change to Besluttet.
fn decided_by(session: &Session, m: &Manager) -> String {
    if m.status != MeetingStatus::Besluttet {
        return String::new();
    }
    let entry = crate::model::log::decided_by(&session.change_log, &m.id);
    entry.map_or(String::new(), |e| {
        let who = session.executive(&e.who).map_or(e.who.as_str(), |x| x.name.as_str());
        format!(" – besluttet af {} {}", esc(who), esc(&e.when))
    })
}

/// The full change log.
fn change_log_section(b: &mut String, session: &Session) {
    let _ = write!(b, "<h2>Ændringslog ({} ændringer)</h2>", session.change_log.len());
    b.push_str("<table><tr><th>Tid</th><th>Hvem</th><th>Leder</th><th>Hvad</th><th>Før</th><th>Efter</th><th>Hvorfor</th></tr>");
    for e in &session.change_log {
        let _ = write!(
            b,
            "<tr><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td></tr>",
            esc(&e.when),
            esc(&e.who),
            esc(e.manager.as_deref().unwrap_or("")),
            esc(&e.change.what()),
            esc(&e.change.old_text()),
            esc(&e.change.new_text()),
            esc(&e.why)
        );
    }
    b.push_str("</table>");
}
