//! `kalibrer stats FILE [--json]`: the differentiation measures per level.

use rust_decimal::Decimal;

use crate::engine::{self, LevelStats};
use crate::model::Session;
use crate::model::money::{format_number, format_percent};

use super::{Args, load, usage_error};

/// The columns of the table.
const HEADER: [&str; 13] =
    ["Niveau", "n", "Sum", "Min", "Maks", "Gns.", "Median", "Sd", "CV", "Gini", "Ens", "Ø spænd", "Δ sidste år"];

/// Runs the command; exit 0, or 2 for an unreadable file or bad arguments.
pub fn run(args: &[String]) -> i32 {
    let parsed = match Args::parse(args, &[], &["--json"]) {
        Ok(a) => a,
        Err(e) => return usage_error(&e),
    };
    let file = match parsed.one_file() {
        Ok(f) => f,
        Err(e) => return usage_error(&e),
    };
    let session = match load(file) {
        Ok(s) => s,
        Err(code) => return code,
    };
    let eval = engine::evaluate(&session);
    let mut rows: Vec<(String, &LevelStats)> =
        eval.stats.per_level.iter().rev().map(|s| (level_name(&session, s), s)).collect();
    rows.push(("Alle".to_string(), &eval.stats.total));
    if parsed.has("--json") {
        let levels: Vec<serde_json::Value> = rows.iter().map(|(name, s)| json(name, s)).collect();
        let doc = serde_json::json!({"file": file, "levels": levels, "note": "beløb som tekst i kr. for at bevare præcisionen"});
        println!("{}", serde_json::to_string_pretty(&doc).unwrap_or_default());
    } else {
        print_table(&rows.iter().map(|(name, s)| cells(name, s)).collect::<Vec<_>>());
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
        s.change_vs_last_percent.map_or("–".into(), pct),
    ]
}

/// Prints an aligned table: text left, numbers right.
fn print_table(rows: &[Vec<String>]) {
    let mut widths: Vec<usize> = HEADER.iter().map(|h| h.chars().count()).collect();
    for row in rows {
        for (w, c) in widths.iter_mut().zip(row) {
            *w = (*w).max(c.chars().count());
        }
    }
    let line = |cells: Vec<String>| {
        let parts: Vec<String> = cells
            .iter()
            .zip(&widths)
            .enumerate()
            .map(|(k, (c, w))| if k == 0 { format!("{c:<w$}") } else { format!("{c:>w$}") })
            .collect();
        println!("{}", parts.join("  ").trim_end());
    };
    line(HEADER.iter().map(ToString::to_string).collect());
    for row in rows {
        line(row.clone());
    }
}

fn json(name: &str, s: &LevelStats) -> serde_json::Value {
    let st = &s.stats;
    let d = |v: Decimal| v.round_dp(2).normalize().to_string();
    serde_json::json!({
        "level": s.level, "name": name, "n": st.n, "sum": d(st.sum), "min": d(st.min), "max": d(st.max),
        "mean": d(st.mean), "median": d(st.median), "q1": d(st.q1), "q3": d(st.q3), "sd": d(st.sd),
        "cv_percent": d(st.cv_percent), "gini": d(st.gini), "identical_share_percent": d(st.identical_share_percent),
        "max_min_ratio": st.max_min_ratio.map(d), "mean_band_position_percent": s.mean_band_position_percent.map(d),
        "share_at_min_percent": d(s.share_at_min_percent), "share_at_max_percent": d(s.share_at_max_percent),
        "last_year_sum": s.last_year_sum.map(d), "change_vs_last_percent": s.change_vs_last_percent.map(d),
    })
}
