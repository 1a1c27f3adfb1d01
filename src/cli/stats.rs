//! `kalibrer stats FILE [--json] [--reference REF…]`: the differentiation measures per
//! level, and with references (or the session's own reference list) each level beside
//! the other organisations' published figures with its indeks; with `--by-director` the
//! figures per director (stats_directors.rs).

use rust_decimal::Decimal;

use crate::engine::disclosure::{PublishedRow, Suppression};
use crate::engine::{self, LevelStats, disclosure};
use crate::model::Session;
use crate::model::money::{format_number, format_percent};

use super::load;
use super::syntax::report_args::Stats;
use super::table::print_table;

/// The columns of the table.
const HEADER: [&str; 14] = [
    "Niveau",
    "n",
    "Sum",
    "Min",
    "Maks",
    "Gns.",
    "Median",
    "Sd",
    "CV",
    "Gini",
    "Ens",
    "Ø spænd",
    "Δ sidste år",
    "Δ over",
];

/// Runs the command; exit 0, or 2 for an unreadable file or bad arguments.
pub fn run(args: &Stats) -> i32 {
    let file = args.file.as_str();
    let session = match load(file) {
        Ok(s) => s,
        Err(code) => return code,
    };
    if args.by_director {
        return super::stats_directors::run(file, &session, args.basis.map(Into::into).unwrap_or_default(), args.json);
    }
    let references = match super::stats_reference::load(&session, file, &args.reference) {
        Ok(r) => r,
        Err(code) => return code,
    };
    let eval = engine::evaluate(&session);
    let mut rows: Vec<(String, &LevelStats)> =
        eval.stats.per_level.iter().rev().map(|s| (level_name(&session, s), s)).collect();
    rows.push(("Alle".to_string(), &eval.stats.total));
    if args.json {
        let publication = disclosure::publication(&session, &eval);
        let levels: Vec<serde_json::Value> =
            rows.iter().map(|(name, s)| json(name, s, publication.row(s.level.as_deref()))).collect();
        let doc = serde_json::json!({
            "file": file,
            "levels": levels,
            "reference": references.as_ref().map(|r| r.json(&session, &eval.stats)),
            "note": "beløb og forholdstal som tekst med fuld præcision; «publication» siger hvilke tal statistikeksporten undertrykker",
        });
        outln!("{}", serde_json::to_string_pretty(&doc).unwrap_or_default());
    } else {
        print_table(&HEADER, &rows.iter().map(|(name, s)| cells(name, s)).collect::<Vec<_>>());
        if let Some(r) = &references {
            r.print(&session, &eval.stats);
        }
    }
    0
}

fn level_name(session: &Session, s: &LevelStats) -> String {
    s.level.as_deref().and_then(|id| session.level(id)).map_or_else(|| "?".to_string(), |l| l.name.clone())
}

fn pct(v: Decimal) -> String {
    format_percent(v.round_dp(1))
}

/// The text cells of one row.
fn cells(name: &str, s: &LevelStats) -> Vec<String> {
    let st = &s.stats;
    let kr = |v: Decimal| format_number(v.round());
    vec![
        name.to_string(),
        st.n.to_string(),
        kr(st.sum),
        kr(st.min),
        kr(st.max),
        kr(st.mean),
        kr(st.median),
        kr(st.sd),
        pct(st.cv_percent),
        st.gini.round_dp(3).to_string().replace('.', ","),
        pct(st.identical_share_percent),
        s.mean_band_position_percent.map_or("–".into(), pct),
        s.change_vs_last.and_then(|c| c.percent).map_or("–".into(), pct),
        s.change_vs_last.map_or("0".into(), |c| c.managers.to_string()),
    ]
}

/// One row as JSON: amounts and ratios as exact Decimal strings (never rounded), the
/// change vs last year with its managers and sums – its percent at Decimal's full
/// precision ([`engine::stats::ChangeVsLast::exact_percent`]; the sums are the exact
/// ratio) – and which cells the publication withholds.
fn json(name: &str, s: &LevelStats, published: Option<&PublishedRow>) -> serde_json::Value {
    let st = &s.stats;
    let d = |v: Decimal| v.normalize().to_string();
    let change = s.change_vs_last.map(|c| {
        serde_json::json!({
            "managers": c.managers, "this_year_sum": d(c.this_year_sum), "last_year_sum": d(c.last_year_sum),
            "percent": c.exact_percent().map(d),
        })
    });
    serde_json::json!({
        "level": s.level, "name": name, "n": st.n, "sum": d(st.sum), "min": d(st.min), "max": d(st.max),
        "mean": d(st.mean), "median": d(st.median), "q1": d(st.q1), "q3": d(st.q3), "sd": d(st.sd),
        "cv_percent": d(st.cv_percent), "gini": d(st.gini), "identical_share_percent": d(st.identical_share_percent),
        "max_min_ratio": st.max_min_ratio.map(d), "mean_band_position_percent": s.mean_band_position_percent.map(d),
        "share_at_min_percent": d(s.share_at_min_percent), "share_at_max_percent": d(s.share_at_max_percent),
        "change_vs_last": change, "change_vs_last_percent": s.change_vs_last.and_then(|c| c.exact_percent()).map(d),
        "publication": published.map(publication_json),
    })
}

/// Each published cell's state in the statistics export: "shown", "missing" (no such
/// figure), "suppressed_fewer_than_5" or "suppressed_derivable".
fn publication_json(row: &PublishedRow) -> serde_json::Value {
    let mut cells = serde_json::Map::new();
    cells.insert("n".into(), "shown".into());
    for (key, suppression, missing) in row.cell_states() {
        let state = match (suppression, missing) {
            (Some(Suppression::FewerThanMin), _) => "suppressed_fewer_than_5",
            (Some(Suppression::Derivable), _) => "suppressed_derivable",
            (None, true) => "missing",
            (None, false) => "shown",
        };
        cells.insert(key.into(), state.into());
    }
    serde_json::Value::Object(cells)
}
