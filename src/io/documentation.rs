//! The audit documentation (HTML, prints on A4): the basis (levels, bands, pool, the
//! findings about the pool and the levels), then for every manager the facts an auditor
//! needs to re-check the amount – base salary, pension, last year's amount, the cap as
//! percent and in kr. and whether it is kept – the model, goals, the full breakdown, the
//! discretionary adjustment with its written justification, every finding (accepted ones
//! with reason, who and when) and who decided when; last the full change log.
//!
//! Rendered with the template `assets/templates/documentation.html`: every value is
//! escaped and user text is isolated with `<bdi>`, so markup, placeholders and
//! right-to-left characters in names stay text.
//!
//! The parts: documentation_manager.rs (one manager's page), documentation_findings.rs (the
//! findings and their acceptance), documentation_directors.rs (the directors' sections).

use std::collections::HashMap;

use rust_decimal::Decimal;
use serde::Serialize;

use crate::engine::{self, Evaluation};
use crate::model::money::{format_kr, format_percent};
use crate::model::time::local_time;
use crate::model::{Manager, Session};

use super::documentation_findings::{FindingView, finding_view};
use super::documentation_manager::{ManagerView, manager_view, model_text};
use super::finality::Finality;
use super::templates::{environment, error_page, render_built_in};

/// Renders the documentation of a session.
#[must_use]
pub fn documentation_html(session: &Session) -> String {
    let eval = engine::evaluate(session);
    let doc = DocumentationView::new(session, &eval);
    render_built_in(&environment(), "documentation.html", &doc).unwrap_or_else(|e| error_page(&e))
}

/// Everything the documentation template shows.
#[derive(Debug, Serialize)]
struct DocumentationView {
    organisation: String,
    year: i32,
    last_year: i32,
    printed: String,
    levels: Vec<LevelRow>,
    managers_count: usize,
    used: String,
    pool: String,
    pool_left_label: &'static str,
    pool_left: String,
    rounding_step: String,
    cap_percent: String,
    /// To whom the cap applies and whether it binds, e.g. "resultatløn til direktør og
    /// departementschef; vejledende («bør», 001)".
    cap_scope: String,
    max_per_payment: Option<String>,
    overlap: &'static str,
    progress: String,
    general_findings: Vec<FindingView>,
    directors: Vec<super::documentation_directors::DirectorSection>,
    directors_total: super::documentation_directors::TallyView,
    managers: Vec<ManagerView>,
    log: Vec<LogRow>,
}

/// One level in the basis table.
#[derive(Debug, Serialize)]
struct LevelRow {
    name: String,
    band_min: String,
    band_max: String,
    model: String,
    n: usize,
    sum: String,
}

/// One change-log entry.
#[derive(Debug, Serialize)]
struct LogRow {
    when: String,
    who: String,
    manager: String,
    what: String,
    old: String,
    new: String,
    why: String,
}

impl DocumentationView {
    fn new(session: &Session, eval: &Evaluation) -> Self {
        let p = &session.policies;
        let by_id: HashMap<&str, &Manager> = session.managers.iter().map(|m| (m.id.as_str(), m)).collect();
        let finality = Finality::of(session, eval);
        let decided = finality.managers - finality.undecided;
        let progress = format!(
            "{decided} af {} ledere er besluttet; {} fejl er hverken rettet eller accepteret.",
            finality.managers, finality.open_errors
        );
        let mut per_manager: HashMap<&str, Vec<FindingView>> = HashMap::new();
        let mut general_findings = Vec::new();
        for f in &eval.findings {
            match f.manager.as_deref().and_then(|id| by_id.get(id).copied()) {
                Some(m) => per_manager.entry(m.id.as_str()).or_default().push(finding_view(session, f, Some(m))),
                None => general_findings.push(finding_view(session, f, None)),
            }
        }
        let managers = session
            .agenda_order()
            .into_iter()
            .map(|i| {
                let m = &session.managers[i];
                manager_view(session, eval, i, per_manager.remove(m.id.as_str()).unwrap_or_default())
            })
            .collect();
        let (directors, directors_total) = super::documentation_directors::sections(session, eval);
        Self {
            organisation: session.organisation.name.clone(),
            year: session.year,
            last_year: session.year - 1,
            printed: local_time(&crate::model::log::now_iso()),
            levels: level_rows(session, eval),
            managers_count: session.managers.len(),
            used: format_kr(eval.pool.used),
            pool: format_kr(eval.pool.pool),
            pool_left_label: if eval.pool.exceeded() { "overskredet med" } else { "tilbage" },
            pool_left: format_kr(eval.pool.left.abs()),
            rounding_step: format_kr(p.rounding_step),
            cap_percent: format_percent(p.cap_percent_of_base),
            cap_scope: cap_scope(p),
            max_per_payment: p.max_per_payment.map(format_kr),
            overlap: if p.bands_may_overlap { "tilladt" } else { "ikke tilladt" },
            progress,
            general_findings,
            directors,
            directors_total,
            managers,
            log: session
                .change_log
                .iter()
                .map(|e| LogRow {
                    when: local_time(&e.when),
                    who: e.who.clone(),
                    manager: e.manager.clone().unwrap_or_default(),
                    what: e.change.what(),
                    old: e.change.old_text(),
                    new: e.change.new_text(),
                    why: e.why.clone(),
                })
                .collect(),
        }
    }
}

/// The levels, highest first, with their band, model, count and sum.
fn level_rows(session: &Session, eval: &Evaluation) -> Vec<LevelRow> {
    session
        .levels_by_rank()
        .into_iter()
        .rev()
        .map(|li| {
            let level = &session.levels[li];
            let stats = eval.stats.of_level(&level.id);
            let (n, sum) = stats.map_or((0, Decimal::ZERO), |s| (s.stats.n, s.stats.sum));
            LevelRow {
                name: level.name.clone(),
                band_min: format_kr(level.band.min),
                band_max: format_kr(level.band.max),
                model: model_text(&level.model),
                n,
                sum: format_kr(sum),
            }
        })
        .collect()
}

/// The cap's scope in words: the pay forms and roles it applies to, and whether it binds.
fn cap_scope(p: &crate::model::Policies) -> String {
    let forms: Vec<String> = p.cap_pay_forms.iter().map(|f| f.label().to_lowercase()).collect();
    let roles: Vec<String> = p.cap_roles.iter().map(|r| r.label().to_lowercase()).collect();
    let binding = if p.cap_binding { "bindende efter organisationens politik" } else { "vejledende («bør», 001)" };
    format!("{} til {}; {binding}", forms.join(", "), roles.join(", "))
}
