//! `kalibrer stats … --reference REF…`: the comparison with other organisations' published
//! statistics, as the spread panel shows it (n, mean, median, quartiles beside the
//! reference's, and the indeks).

use std::collections::BTreeMap;
use std::path::Path;

use rust_decimal::Decimal;

use crate::engine::GroupStats;
use crate::engine::disclosure::Cell;
use crate::engine::reference::{self, Comparison, Reference};
use crate::engine::reference_combine::{LevelComparison, compare_session, compare_total};
use crate::io::reference_file::read_reference;
use crate::model::Session;
use crate::model::money::format_number;

/// The comparison table's columns.
const HEADER: [&str; 10] =
    ["Niveau", "n", "Gns.", "Median", "Kvartiler", "Ref. n", "Ref. gns.", "Ref. median", "Ref. kvartiler", "Indeks"];

/// The loaded references, each with the mapping of its link.
pub(super) struct Loaded {
    files: Vec<(Reference, BTreeMap<String, Option<String>>)>,
}

/// The references named on the command line, else those in the session's list (paths
/// relative to the session file); None when there are none. A named file that cannot be
/// read: the Danish message on stderr and exit code 2; one from the session's list: a
/// warning, and it is left out.
pub(super) fn load(session: &Session, session_file: &str, named: &[String]) -> Result<Option<Loaded>, i32> {
    let paths: Vec<(std::path::PathBuf, BTreeMap<String, Option<String>>)> = if named.is_empty() {
        session.reference.iter().map(|l| (l.resolve(Some(Path::new(session_file))), l.mapping.clone())).collect()
    } else {
        named.iter().map(|p| (Path::new(p).to_path_buf(), BTreeMap::new())).collect()
    };
    if paths.is_empty() {
        return Ok(None);
    }
    let mut files = Vec::new();
    for (path, mapping) in paths {
        match read_reference(&path) {
            Ok(r) => files.push((r, mapping)),
            // A file named on the command line must be read; one in the session's list
            // is left out with a warning (the statistics are still printed).
            Err(e) if named.is_empty() => errln!("kalibrer: advarsel: referencen udelades: {e}"),
            Err(e) => {
                errln!("kalibrer: {e}");
                return Err(2);
            }
        }
    }
    Ok((!files.is_empty()).then_some(Loaded { files }))
}

/// Whole kroner with thousands separators, or "–".
fn kr(v: Option<Decimal>) -> String {
    v.map_or_else(|| "–".into(), |v| format_number(v.round()))
}

/// "40.000–52.000", or "–".
fn quartiles(q1: Option<Decimal>, q3: Option<Decimal>) -> String {
    match (q1, q3) {
        (Some(a), Some(b)) => format!("{}–{}", format_number(a.round()), format_number(b.round())),
        _ => "–".into(),
    }
}

/// "112,3", or "–".
fn indeks_text(v: Option<Decimal>) -> String {
    v.map_or_else(|| "–".into(), |v| format!("{v:.1}").replace('.', ","))
}

impl Loaded {
    fn pairs(&self) -> Vec<(&Reference, &BTreeMap<String, Option<String>>)> {
        self.files.iter().map(|(r, m)| (r, m)).collect()
    }

    /// Prints the comparison table after the statistics.
    pub(super) fn print(&self, session: &Session, stats: &GroupStats) {
        let refs: Vec<&Reference> = self.files.iter().map(|(r, _)| r).collect();
        let sources = reference::all_sources(&refs);
        let names: Vec<String> = sources.iter().map(|s| format!("{} ({})", s.organisation, s.year)).collect();
        outln!("\nSammenlignet med {}:", names.join(", "));
        let mut rows = Vec::new();
        let total = LevelComparison { level: String::new(), comparison: compare_total(stats, &refs) };
        for c in compare_session(session, stats, &self.pairs()).into_iter().chain([total]) {
            let is_total = c.level.is_empty();
            let name = if is_total {
                "Alle".to_string()
            } else {
                session.level(&c.level).map_or_else(|| c.level.clone(), |l| l.name.clone())
            };
            let own = if is_total { Some(&stats.total) } else { stats.of_level(&c.level) };
            let mut row = vec![name];
            match own.map(|s| &s.stats).filter(|s| s.n > 0) {
                Some(s) => row.extend([
                    s.n.to_string(),
                    kr(Some(s.mean)),
                    kr(Some(s.median)),
                    quartiles(Some(s.q1), Some(s.q3)),
                ]),
                None => row.extend(["0".into(), "–".into(), "–".into(), "–".into()]),
            }
            match &c.comparison {
                Comparison::Missing => {
                    row.extend(["–", "–", "–", "–", "ingen reference"].map(String::from));
                }
                Comparison::Suppressed { n } => {
                    row.push(n.to_string());
                    row.extend(["–", "–", "–", "ingen reference (undertrykt)"].map(String::from));
                }
                Comparison::Compared { reference: r, indeks } => {
                    let approx = if r.approximate { "≈" } else { "" };
                    row.extend([
                        r.n.to_string(),
                        kr(r.mean.shown()),
                        format!("{approx}{}", kr(r.median.shown())),
                        format!("{approx}{}", quartiles(r.q1.shown(), r.q3.shown())),
                        indeks_text(*indeks),
                    ]);
                }
            }
            rows.push(row);
        }
        super::table::print_table(&HEADER, &rows);
        if refs.iter().any(|r| r.approximate()) {
            outln!("≈ tilnærmet: referencen er lagt sammen af flere organisationers tal.");
        }
    }

    /// The comparison as JSON: sources, and per level the match, the reference's
    /// figures (exact decimal strings; null where withheld) and the indeks.
    pub(super) fn json(&self, session: &Session, stats: &GroupStats) -> serde_json::Value {
        let d = |c: Cell<Decimal>| c.shown().map(|v| v.normalize().to_string());
        let refs: Vec<&Reference> = self.files.iter().map(|(r, _)| r).collect();
        let sources: Vec<serde_json::Value> = reference::all_sources(&refs)
            .iter()
            .map(|s| serde_json::json!({"organisation": s.organisation, "year": s.year}))
            .collect();
        let total = LevelComparison { level: String::new(), comparison: compare_total(stats, &refs) };
        let mut levels: Vec<serde_json::Value> = compare_session(session, stats, &self.pairs())
            .into_iter()
            .chain([total])
            .map(|c| match c.comparison {
                Comparison::Missing => serde_json::json!({"level": c.level, "status": "missing"}),
                Comparison::Suppressed { n } => serde_json::json!({"level": c.level, "status": "suppressed", "n": n}),
                Comparison::Compared { reference: r, indeks } => serde_json::json!({
                    "level": c.level, "status": "compared", "key": r.key, "n": r.n, "sum": d(r.sum),
                    "mean": d(r.mean), "median": d(r.median), "q1": d(r.q1), "q3": d(r.q3),
                    "approximate": r.approximate, "indeks": indeks.map(|i| i.to_string()),
                }),
            })
            .collect();
        let total = levels.pop().map(|mut t| {
            t["level"] = serde_json::Value::Null;
            t
        });
        serde_json::json!({"sources": sources, "levels": levels, "total": total})
    }
}
