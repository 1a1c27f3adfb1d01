//! `kalibrer stats FILE --by-director [--basis amount|proposal] [--json]`: per director
//! (the executive who is the managers' superior) proposals against amounts, position in
//! band, indeks, mean rating and the leniency flag; the largest changes with their reasons.

use rust_decimal::Decimal;

use crate::engine::director_ledger::{self, LedgerLine};
use crate::engine::directors::{self, Basis, DirectorReport, DirectorStats, Tally};
use crate::engine::{self, Evaluation};
use crate::model::Session;
use crate::model::money::{format_number, format_percent, format_signed_kr};

/// The largest changes listed per director.
const LARGEST: usize = 3;

/// The columns of the table.
const HEADER: [&str; 15] = [
    "Direktør",
    "Navn",
    "n",
    "Uden forslag",
    "Forslag",
    "Beløb",
    "Forskel",
    "Op",
    "Ned",
    "Uændret",
    "Ø spænd",
    "Indeks",
    "Ø vurdering",
    "Flag",
    "p",
];

/// Prints the figures per director; exit 0.
pub fn run(file: &str, session: &Session, basis: Basis, json: bool) -> i32 {
    let eval = engine::evaluate(session);
    let report = directors::by_director(session, &eval, basis);
    if json {
        outln!("{}", serde_json::to_string_pretty(&to_json(file, session, &eval, &report)).unwrap_or_default());
        return 0;
    }
    let mut rows: Vec<Vec<String>> = report.directors.iter().map(cells).collect();
    rows.push(tally_cells("Alle", "", &report.total));
    super::table::print_table(&HEADER, &rows);
    outln!();
    outln!(
        "Grundlag: {}. Forslag og beløb summeres over de samme ledere (dem med et forslag).",
        match basis {
            Basis::Amount => "beløbene nu",
            Basis::Proposal => "direktørernes forslag",
        }
    );
    for d in &report.directors {
        outln!("{}", directors::sentence(d, &d.id));
        for line in director_ledger::ledger(session, &eval, &d.managers, LARGEST) {
            outln!("  {}", ledger_text(session, &line));
        }
    }
    if !report.unassigned.is_empty() {
        let ids: Vec<&str> = report.unassigned.iter().map(|&i| session.managers[i].id.as_str()).collect();
        outln!("Uden direktør i topchefgruppen: {}", ids.join(", "));
    }
    outln!("Flaget er en anledning til en samtale, ikke en dom.");
    0
}

/// One ledger line in Danish: "KC05: 46.000 → 42.000 kr. (−4.000 kr.) – «reason»; …".
fn ledger_text(session: &Session, l: &LedgerLine) -> String {
    let m = &session.managers[l.manager];
    let why = l.reasons_text(" – ");
    format!(
        "{} {}: {} → {} kr. ({}){why}",
        m.id,
        m.name,
        format_number(l.proposal),
        format_number(l.amount),
        format_signed_kr(l.change)
    )
}

/// A signed number without unit: "+1.000", "−2.000", "0".
fn signed(v: Decimal) -> String {
    if v > Decimal::ZERO { format!("+{}", format_number(v)) } else { format_number(v) }
}

/// The tally's cells, with blank statistics.
fn tally_cells(id: &str, name: &str, t: &Tally) -> Vec<String> {
    let kr = |v: Decimal| format_number(v.round());
    vec![
        id.to_string(),
        name.to_string(),
        t.n.to_string(),
        t.without_proposal.to_string(),
        kr(t.proposal_sum),
        kr(t.amount_sum),
        signed(t.difference().round()),
        t.up.to_string(),
        t.down.to_string(),
        t.unchanged.to_string(),
        "–".into(),
        "–".into(),
        "–".into(),
        String::new(),
        String::new(),
    ]
}

/// One director's row.
fn cells(d: &DirectorStats) -> Vec<String> {
    let mut row = tally_cells(&d.id, &d.name, &d.tally);
    let one = |v: Decimal| format_percent(v.round_dp(1));
    row[10] = d.mean_band_position.map_or("–".into(), |p| one(p * Decimal::ONE_HUNDRED));
    row[11] = d.indeks.map_or("–".into(), |i| i.round_dp(1).to_string().replace('.', ","));
    row[12] = d.mean_score.map_or("–".into(), |s| {
        let mut s = s.round_dp(2);
        s.rescale(2);
        s.to_string().replace('.', ",")
    });
    row[13] = d.test.as_ref().and_then(|t| t.flag).map_or("–".into(), |f| f.label().to_string());
    row[14] = d.test.as_ref().map_or("ingen test".into(), |t| directors::format_p(t.p_value).replace("p = ", ""));
    row
}

/// Exact decimal text (JSON).
fn exact(v: Decimal) -> String {
    v.normalize().to_string()
}

/// The JSON document.
fn to_json(file: &str, session: &Session, eval: &Evaluation, report: &DirectorReport) -> serde_json::Value {
    let tally = |t: &Tally| {
        serde_json::json!({
            "n": t.n,
            "without_proposal": t.without_proposal,
            "proposal_sum": exact(t.proposal_sum),
            "amount_sum": exact(t.amount_sum),
            "difference": exact(t.difference()),
            "up": t.up,
            "down": t.down,
            "unchanged": t.unchanged,
            "decided": t.decided,
        })
    };
    let directors: Vec<serde_json::Value> = report
        .directors
        .iter()
        .map(|d| {
            let mut v = tally(&d.tally);
            let largest: Vec<serde_json::Value> = director_ledger::ledger(session, eval, &d.managers, LARGEST)
                .iter()
                .map(|l| {
                    serde_json::json!({
                        "manager": session.managers[l.manager].id,
                        "proposal": exact(l.proposal),
                        "amount": exact(l.amount),
                        "change": exact(l.change),
                        "reasons": l.reasons,
                    })
                })
                .collect();
            if let Some(o) = v.as_object_mut() {
                let t = d.test.as_ref();
                o.insert("id".into(), d.id.clone().into());
                o.insert("name".into(), d.name.clone().into());
                o.insert("positioned".into(), d.positioned.into());
                o.insert("mean_band_position".into(), d.mean_band_position.map(exact).into());
                o.insert("indeks".into(), d.indeks.map(exact).into());
                o.insert("scored".into(), d.scored.into());
                o.insert("mean_score".into(), d.mean_score.map(exact).into());
                o.insert("flag".into(), t.and_then(|t| t.flag).map(|f| f.code()).into());
                o.insert("p_value".into(), t.map(|t| t.p_value).into());
                o.insert("p_raw".into(), t.map(|t| t.p_raw).into());
                o.insert("difference_points".into(), t.map(|t| exact(t.difference_points)).into());
                o.insert("sentence".into(), directors::sentence(d, &d.id).into());
                o.insert("largest_changes".into(), largest.into());
            }
            v
        })
        .collect();
    serde_json::json!({
        "file": file,
        "basis": match report.basis { Basis::Amount => "amount", Basis::Proposal => "proposal" },
        "level": directors::LEVEL,
        "test": {
            "statistic": "difference_points: the director's mean position in band minus the other managers', in percentage points",
            "positions": "counted within the band for the test: below the band as 0, above it as 1 (mean_band_position is the real mean)",
            "p_raw": "two-sided permutation test, exact over all splits up to 20000, else 9999 random splits seeded by the director's id",
            "p_value": "p_raw adjusted for every director tested (Holm)",
            "min_n": directors::MIN_N,
        },
        "directors": directors,
        "total": tally(&report.total),
        "unassigned": report.unassigned.iter().map(|&i| session.managers[i].id.clone()).collect::<Vec<_>>(),
        "note": "beløb som tekst med fuld præcision; proposal_sum og amount_sum over de samme ledere (dem med et forslag); p_value justeret for alle testede direktører (Holm); flaget er en anledning til en samtale, ikke en dom",
    })
}
