//! The audit documentation's section per director: what the director proposed and what
//! the meeting decided (sums, up/down/unchanged, the largest changes with their reasons
//! from the change log), the position test's sentence, and a chart of proposal against
//! decided amount per manager – drawn as inline SVG by the template from the geometry
//! computed here, so every label is escaped like any other value.

use rust_decimal::Decimal;
use rust_decimal::prelude::ToPrimitive;
use serde::Serialize;

use crate::engine::Evaluation;
use crate::engine::director_ledger;
use crate::engine::directors::{self, Basis, DirectorStats, Tally};
use crate::engine::proposals::proposed_amount;
use crate::model::Session;
use crate::model::money::{format_kr, format_signed_kr, format_tkr};

/// The largest changes listed per director.
const LARGEST: usize = 5;
/// The chart's width, the label column and a row's height (SVG units = CSS pixels).
const WIDTH: f64 = 640.0;
const LABEL: f64 = 190.0;
const ROW: f64 = 20.0;
const TOP: f64 = 24.0;

/// One director's section.
#[derive(Debug, Serialize)]
pub struct DirectorSection {
    id: String,
    name: String,
    tally: TallyView,
    mean_band_position: String,
    indeks: String,
    sentence: String,
    flag: Option<&'static str>,
    largest: Vec<ChangeView>,
    chart: Chart,
}

/// Proposals against amounts, as text.
#[derive(Debug, Serialize)]
pub struct TallyView {
    n: usize,
    /// "1 leder", "12 ledere".
    n_text: String,
    without_proposal: usize,
    proposal_sum: String,
    amount_sum: String,
    difference: String,
    up: usize,
    down: usize,
    unchanged: usize,
}

/// One of the largest changes.
#[derive(Debug, Serialize)]
struct ChangeView {
    manager: String,
    proposal: String,
    amount: String,
    change: String,
    reasons: Vec<String>,
}

/// The chart: one row per manager, proposal (hollow) and decided (filled) on one axis.
#[derive(Debug, Serialize)]
struct Chart {
    width: f64,
    height: f64,
    label_x: f64,
    axis_y: f64,
    ticks: Vec<Tick>,
    rows: Vec<ChartRow>,
    /// The chart's accessible name.
    caption: String,
}

/// An axis mark.
#[derive(Debug, Serialize)]
struct Tick {
    x: f64,
    label: String,
}

/// One manager in the chart.
#[derive(Debug, Serialize)]
struct ChartRow {
    y: f64,
    label: String,
    has_proposal: bool,
    x_proposal: f64,
    x_amount: f64,
    title: String,
}

/// The tally as text.
#[must_use]
pub fn tally_view(t: &Tally) -> TallyView {
    TallyView {
        n: t.n,
        n_text: crate::model::words::managers(t.n),
        without_proposal: t.without_proposal,
        proposal_sum: format_kr(t.proposal_sum),
        amount_sum: format_kr(t.amount_sum),
        difference: format_signed_kr(t.difference()),
        up: t.up,
        down: t.down,
        unchanged: t.unchanged,
    }
}

/// Every director's section (on the amounts now) and the totals.
#[must_use]
pub fn sections(session: &Session, eval: &Evaluation) -> (Vec<DirectorSection>, TallyView) {
    let report = directors::by_director(session, eval, Basis::Amount);
    let list = report.directors.iter().map(|d| section(session, eval, d)).collect();
    (list, tally_view(&report.total))
}

fn section(session: &Session, eval: &Evaluation, d: &DirectorStats) -> DirectorSection {
    let largest = director_ledger::ledger(session, eval, &d.managers, LARGEST)
        .into_iter()
        .map(|l| {
            let m = &session.managers[l.manager];
            ChangeView {
                manager: format!("{} ({})", m.name, m.id),
                proposal: format_kr(l.proposal),
                amount: format_kr(l.amount),
                change: format_signed_kr(l.change),
                reasons: l.reasons,
            }
        })
        .collect();
    DirectorSection {
        id: d.id.clone(),
        name: d.name.clone(),
        tally: tally_view(&d.tally),
        mean_band_position: d.mean_band_position.map_or_else(
            || "–".into(),
            |p| crate::model::money::format_percent((p * Decimal::ONE_HUNDRED).round_dp(1)),
        ),
        indeks: d.indeks.map_or_else(|| "–".into(), |i| i.round_dp(1).to_string().replace('.', ",")),
        sentence: directors::sentence(d, &d.name),
        flag: d.test.as_ref().and_then(|t| t.flag).map(directors::Flag::label),
        largest,
        chart: Chart {
            caption: plain(&format!("Forslag og besluttet beløb pr. leder for {}", d.name)),
            ..chart(session, eval, &d.managers)
        },
    }
}

/// A float for drawing only.
fn f(v: Decimal) -> f64 {
    v.to_f64().unwrap_or(0.0)
}

/// Text for the chart without direction controls (U+061C, U+200E/F, U+202A–E,
/// U+2066–9): SVG text cannot be isolated in `<bdi>`, so a right-to-left override in a
/// name must not reach it (the name is printed whole, isolated, in the tables).
fn plain(text: &str) -> String {
    text.chars()
        .filter(
            |c| !matches!(c, '\u{061C}' | '\u{200E}' | '\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}'),
        )
        .collect()
}

/// One decimal is enough for a point on paper.
fn round1(v: f64) -> f64 {
    (v * 10.0).round() / 10.0
}

/// Round axis marks: a step of 1, 2 or 5 × 10ⁿ giving at most six marks over lo..hi.
fn ticks(lo: f64, hi: f64) -> Vec<f64> {
    let span = (hi - lo).max(1.0);
    let raw = span / 5.0;
    let magnitude = 10f64.powf(raw.log10().floor());
    let step =
        [1.0, 2.0, 5.0, 10.0].into_iter().map(|k| k * magnitude).find(|s| span / s <= 6.0).unwrap_or(magnitude * 10.0);
    let mut out = Vec::new();
    let mut t = (lo / step).ceil() * step;
    while t <= hi + 1e-9 {
        out.push(t);
        t += step;
    }
    out
}

fn chart(session: &Session, eval: &Evaluation, managers: &[usize]) -> Chart {
    let points: Vec<(usize, Option<Decimal>, Decimal)> = managers
        .iter()
        .map(|&i| {
            (i, proposed_amount(session, &session.managers[i]), eval.amounts.get(i).map_or(Decimal::ZERO, |a| a.amount))
        })
        .collect();
    let values = points.iter().flat_map(|(_, p, a)| [*p, Some(*a)]).flatten().map(f);
    let (lo, hi) = values.fold((f64::INFINITY, f64::NEG_INFINITY), |(lo, hi), v| (lo.min(v), hi.max(v)));
    let (lo, hi) = if lo.is_finite() { (lo.min(hi - 1.0), hi) } else { (0.0, 1.0) };
    let pad = (hi - lo) * 0.05;
    let (lo, hi) = (lo - pad, hi + pad);
    let plot = WIDTH - LABEL - 16.0;
    let x = |v: f64| LABEL + (v - lo) / (hi - lo) * plot;
    #[allow(clippy::cast_precision_loss)]
    let rows: Vec<ChartRow> = points
        .iter()
        .enumerate()
        .map(|(k, (i, p, a))| {
            let m = &session.managers[*i];
            ChartRow {
                y: TOP + ROW * (k as f64) + ROW / 2.0,
                label: plain(&format!("{} {}", m.id, m.name)),
                has_proposal: p.is_some(),
                x_proposal: p.map_or(0.0, |p| round1(x(f(p)))),
                x_amount: round1(x(f(*a))),
                title: plain(&format!(
                    "{}: forslag {}, besluttet {}",
                    m.name,
                    p.map_or_else(|| "intet".to_string(), format_kr),
                    format_kr(*a)
                )),
            }
        })
        .collect();
    #[allow(clippy::cast_precision_loss)]
    let axis_y = TOP + ROW * rows.len() as f64 + 4.0;
    let ticks = ticks(lo, hi)
        .into_iter()
        .map(|t| Tick { x: round1(x(t)), label: format_tkr(Decimal::from_f64_retain(t).unwrap_or_default()) })
        .collect();
    Chart { width: WIDTH, height: axis_y + 22.0, label_x: LABEL - 8.0, axis_y, ticks, rows, caption: String::new() }
}
