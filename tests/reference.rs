//! Comparing with other organisations (issue 21): the statistics export read back as a
//! reference, two organisations combined, the indeks, suppressed and missing levels, a
//! level mapped by hand, and the CLI (`stats --reference`, `combine-stats`). Every number
//! is computed by hand in the comments.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::Command;

use rust_decimal::Decimal;

use kalibrer::engine::disclosure::{Cell, Suppression};
use kalibrer::engine::reference::{self, Comparison, Reference};
use kalibrer::engine::reference_combine::{combine, compare_session, compare_total};
use kalibrer::engine::{self};
use kalibrer::io::outputs::{Format, OutputKind, render};
use kalibrer::io::reference_file::{parse_reference, render_reference};
use kalibrer::model::{
    AmountModel, Band, Executive, Level, LevelRole, Manager, Organisation, Policies, ReferenceLink, Sector, Session,
};

fn d(v: i64) -> Decimal {
    Decimal::from(v)
}

fn level(id: &str, name: &str, rank: u8, role: LevelRole) -> Level {
    Level {
        id: id.into(),
        name: name.into(),
        rank,
        role,
        band: Band { min: d(0), max: d(200_000) },
        tiers: vec![],
        target: None,
        model: AmountModel::Direct,
    }
}

/// A session of `organisation` whose managers have these direct amounts per level id.
fn org(organisation: &str, levels: Vec<Level>, amounts: &[(&str, &[i64])]) -> Session {
    let mut managers = Vec::new();
    for (level, list) in amounts {
        for (k, a) in list.iter().enumerate() {
            let mut m = Manager::new(&format!("{level}{k:02}"), &format!("Leder {level} {k}"), level);
            m.unit = "Kontor".into();
            m.superior = "DEP".into();
            m.base_salary = d(700_000);
            m.total_pay = d(750_000);
            m.direct_amount = Some(d(*a));
            managers.push(m);
        }
    }
    Session {
        version: 2,
        organisation: Organisation { name: organisation.into(), sector: Sector::Stat },
        year: 2025,
        session_id: String::new(),
        currency: "DKK".into(),
        executives: vec![Executive { id: "DEP".into(), name: "Dep".into(), title: "Departementschef".into() }],
        levels,
        policies: Policies { pool: d(100_000_000), ..Policies::default() },
        managers,
        history: BTreeMap::new(),
        change_log: vec![],
        prep: None,
        reference: Vec::new(),
    }
}

/// Styrelse A: 5 kontorchefer 40–60.000 (Σ 250.000, mean 50.000, hinges 42.500 and
/// 57.500) and 2 direktører (suppressed: fewer than 5).
fn styrelse_a() -> Session {
    org(
        "Styrelse A",
        vec![level("KC", "Kontorchef", 1, LevelRole::Kontorchef), level("DIR", "Direktør", 3, LevelRole::Direktoer)],
        &[("KC", &[40_000, 45_000, 50_000, 55_000, 60_000]), ("DIR", &[90_000, 100_000])],
    )
}

/// Styrelse B: 5 kontorchefer (Σ 310.000, mean 62.000) and 5 direktører (Σ 500.000).
fn styrelse_b() -> Session {
    org(
        "Styrelse B",
        vec![
            level("K", "Kontorchefer", 1, LevelRole::Kontorchef),
            level("D", "Styrelsesdirektør", 3, LevelRole::Direktoer),
        ],
        &[("K", &[50_000, 55_000, 60_000, 65_000, 80_000]), ("D", &[80_000, 90_000, 100_000, 110_000, 120_000])],
    )
}

/// The group compared: kontorchefer 60.000 and 66.000 (mean 63.000), one direktør, an
/// afdelingschef (no such level in the references) and a chefkonsulent (role Andet).
fn group() -> Session {
    org(
        "Ministeriet",
        vec![
            level("KC", "Kontorchef", 1, LevelRole::Kontorchef),
            level("CK", "Chefkonsulent", 2, LevelRole::Andet),
            level("AC", "Afdelingschef", 3, LevelRole::Afdelingschef),
            level("DIR", "Direktør", 4, LevelRole::Direktoer),
        ],
        &[("KC", &[60_000, 66_000]), ("CK", &[42_000]), ("AC", &[70_000]), ("DIR", &[99_000])],
    )
}

fn exported(s: &Session, format: Format) -> Reference {
    parse_reference(&render(s, OutputKind::Statistics, format).unwrap()).unwrap()
}

fn shown(v: i64) -> Cell<Decimal> {
    Cell::Shown(d(v))
}

#[test]
fn the_statistics_export_reads_back_as_a_reference_in_both_formats() {
    for format in [Format::Csv, Format::Xlsx] {
        let a = exported(&styrelse_a(), format);
        assert_eq!(a.sources, vec![reference::Source { organisation: "Styrelse A".into(), year: 2025 }]);
        let kc = a.level("Kontorchef").expect("matched by role");
        // Five kontorchefer: mean and sum shown; their median and quartiles (from 10) and
        // extremes (from 20) would be their amounts one by one, and are withheld.
        let few = Cell::Suppressed(Suppression::FewerThanMin);
        assert_eq!((kc.n, kc.sum, kc.mean, kc.median), (5, shown(250_000), shown(50_000), few));
        assert_eq!((kc.q1, kc.q3, kc.min, kc.max), (few, few, few, few));
        let dir = a.level("Direktør").unwrap();
        assert_eq!(dir.n, 2);
        assert_eq!(dir.sum, Cell::Suppressed(Suppression::FewerThanMin));
        assert_eq!(dir.median, Cell::Suppressed(Suppression::FewerThanMin));
        // Alle: 7 managers, 2 of them on a suppressed level → derivable, withheld.
        let total = a.total.as_ref().unwrap();
        assert_eq!((total.n, total.sum), (7, Cell::Suppressed(Suppression::Derivable)));
    }
}

#[test]
fn the_demo_round_trips_its_published_counts_and_sums() {
    let demo = engine::evaluate(&kalibrer::io::parse_session(kalibrer::io::DEMO_RON).unwrap());
    let session = kalibrer::io::parse_session(kalibrer::io::DEMO_RON).unwrap();
    let r = exported(&session, Format::Xlsx);
    for l in &session.levels {
        let stats = &demo.stats.per_level.iter().find(|s| s.level.as_deref() == Some(l.id.as_str())).unwrap().stats;
        let back = r.level(&reference::level_key(l.role, &l.name)).unwrap();
        assert_eq!(back.n, stats.n, "{}", l.name);
        if back.sum.shown().is_some() {
            assert_eq!(back.sum, Cell::Shown(stats.sum), "{}", l.name);
        }
    }
}

#[test]
fn two_organisations_combine_exactly_and_the_suppressed_level_stays_suppressed() {
    let a = exported(&styrelse_a(), Format::Csv);
    let b = exported(&styrelse_b(), Format::Xlsx);
    let c = combine(&[a, b]);
    assert_eq!(c.sources_text(), "Styrelse A (2025), Styrelse B (2025)");
    // Kontorchef: n 5 + 5 = 10, Σ 250.000 + 310.000 = 560.000, mean 56.000; min 40.000,
    // max 80.000 – but each source withheld its order statistics (5 managers each), so
    // the combined level withholds them too.
    let kc = c.level("Kontorchef").unwrap();
    assert_eq!((kc.n, kc.sum, kc.mean), (10, shown(560_000), shown(56_000)));
    let few = Cell::Suppressed(Suppression::FewerThanMin);
    assert_eq!((kc.min, kc.max, kc.median, kc.q1, kc.approximate), (few, few, few, few, true));
    // Direktør: suppressed in A (2 managers) → only the count 2 + 5 = 7 is known.
    let dir = c.level("Direktør").unwrap();
    assert_eq!(
        (dir.n, dir.sum, dir.mean),
        (7, Cell::Suppressed(Suppression::FewerThanMin), Cell::Suppressed(Suppression::FewerThanMin))
    );
    assert_eq!((dir.min, dir.max, dir.median), (dir.sum, dir.sum, dir.sum));
    // Alle: A withheld its own (derivable) → withheld here; n = 7 + 10 = 17.
    let total = c.total.as_ref().unwrap();
    assert_eq!(total.n, 17);
    assert!(total.sum.shown().is_none() && total.mean.shown().is_none());

    // The written file holds no figure from which A's direktører could be recovered:
    // not their amounts, sum or mean, nor B's direktør sum (which with Alle would give it).
    for xlsx in [false, true] {
        let bytes = render_reference(&c, xlsx).unwrap();
        let back = parse_reference(&bytes).unwrap();
        assert_eq!(back.level("Direktør").unwrap().sum, Cell::Suppressed(Suppression::FewerThanMin));
        assert_eq!(back.level("Kontorchef").unwrap().sum, shown(560_000));
        // The workbook's note says medians and quartiles are approximate; the CSV says it
        // at each figure, and here every one is withheld (5 kontorchefer per source).
        assert_eq!(back.approximate(), xlsx, "the file says the quartiles are approximate");
        if !xlsx {
            let text = String::from_utf8(bytes).unwrap();
            for secret in ["90000", "100000", "190000", "95000", "500000"] {
                assert!(
                    !text.split([';', '\r', '\n']).any(|f| f.trim_start_matches('≈') == secret),
                    "{secret} in {text}"
                );
            }
            assert!(text.contains("Styrelse A; Styrelse B"), "{text}");
        }
    }
}

#[test]
fn indeks_per_level_with_missing_suppressed_and_mapped_levels() {
    let c = combine(&[exported(&styrelse_a(), Format::Csv), exported(&styrelse_b(), Format::Csv)]);
    let g = group();
    let eval = engine::evaluate(&g);
    let mut mapping = BTreeMap::new();
    let by_level = |mapping: &BTreeMap<String, Option<String>>| {
        compare_session(&g, &eval.stats, &[(&c, mapping)])
            .into_iter()
            .map(|l| (l.level, l.comparison))
            .collect::<BTreeMap<_, _>>()
    };
    let compared = by_level(&mapping);
    // Kontorchef: 63.000 / 56.000 × 100 = 112,5.
    let Comparison::Compared { indeks, reference } = &compared["KC"] else { panic!("{:?}", compared["KC"]) };
    assert_eq!((*indeks, reference.n), (Some(Decimal::new(1125, 1)), 10));
    // Direktør: suppressed in the reference; Afdelingschef: no such level; Chefkonsulent
    // (role Andet): no level of that name.
    assert_eq!(compared["DIR"], Comparison::Suppressed { n: 7 });
    assert_eq!(compared["AC"], Comparison::Missing);
    assert_eq!(compared["CK"], Comparison::Missing);
    // Mapped by hand to the kontorchefer: 42.000 / 56.000 × 100 = 75,0; and the
    // kontorchefer mapped to none.
    mapping.insert("CK".to_string(), Some("Kontorchef".to_string()));
    mapping.insert("KC".to_string(), None);
    let mapped = by_level(&mapping);
    let Comparison::Compared { indeks, .. } = &mapped["CK"] else { panic!("{:?}", mapped["CK"]) };
    assert_eq!(*indeks, Some(d(75)));
    assert_eq!(mapped["KC"], Comparison::Missing);
    // Against B alone: 63.000 / 62.000 × 100 = 101,6129… → 101,6.
    let b = exported(&styrelse_b(), Format::Csv);
    let none = BTreeMap::new();
    let against_b = compare_session(&g, &eval.stats, &[(&b, &none)]);
    let kc = against_b.iter().find(|l| l.level == "KC").unwrap();
    assert!(matches!(kc.comparison, Comparison::Compared { indeks: Some(i), .. } if i == Decimal::new(1016, 1)));
    // The whole group against B's Alle: 337.000 / 5 = 67.400 over 810.000 / 10 = 81.000:
    // 83,209… → 83,2; against the combined reference, whose Alle is withheld: none.
    let b_refs = [&b];
    assert!(
        matches!(compare_total(&eval.stats, &b_refs), Comparison::Compared { indeks: Some(i), .. } if i == Decimal::new(832, 1))
    );
    assert_eq!(compare_total(&eval.stats, &[&c]), Comparison::Suppressed { n: 17 });
    // Two files attached: the kontorchefer of both combined (the same 112,5).
    let a = exported(&styrelse_a(), Format::Csv);
    let both = compare_session(&g, &eval.stats, &[(&a, &none), (&b, &none)]);
    let kc = both.iter().find(|l| l.level == "KC").unwrap();
    assert!(matches!(kc.comparison, Comparison::Compared { indeks: Some(i), .. } if i == Decimal::new(1125, 1)));
}

#[test]
fn a_bad_reference_file_is_refused_with_row_and_column() {
    let csv = "\u{feff}Niveau;Antal;Gennemsnit\r\nKontorchef;5;abc\r\n";
    let e = parse_reference(csv.as_bytes()).unwrap_err();
    assert_eq!(e, "linje 2, kolonne «Gennemsnit»: «abc» er hverken et tal eller et undertrykt felt (–¹, –²)");
    let e = parse_reference("Navn;Beløb\r\nA;1\r\n".as_bytes()).unwrap_err();
    assert!(e.contains("kolonnen «Niveau» mangler"), "{e}");
    let e = parse_reference("Niveau;Antal;Gennemsnit\r\nKontorchef;fem;1\r\n".as_bytes()).unwrap_err();
    assert!(e.contains("linje 2, kolonne «Antal»: «fem» er ikke et antal"), "{e}");
}

#[test]
fn a_session_with_a_reference_list_round_trips() {
    let mut s = group();
    let mut link = ReferenceLink::new("ref/omraade.xlsx");
    link.mapping.insert("CK".into(), Some("Kontorchef".into()));
    link.mapping.insert("AC".into(), None);
    s.reference.push(link);
    let text = kalibrer::io::to_ron(&s);
    assert!(text.contains("reference:"), "{text}");
    let back = kalibrer::io::parse_session(&text).unwrap();
    assert_eq!(back.reference, s.reference);
}

fn temp(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("kalibrer-ref-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    dir.join(name)
}

fn write(path: &Path, bytes: &[u8]) {
    std::fs::write(path, bytes).unwrap();
}

fn kalibrer(args: &[&str]) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_kalibrer")).args(args).output().unwrap()
}

#[test]
fn cli_combine_stats_then_stats_with_the_reference() {
    let (a, b, out, g) = (temp("a.csv"), temp("b.xlsx"), temp("omraade.xlsx"), temp("gruppe.ron"));
    write(&a, &render(&styrelse_a(), OutputKind::Statistics, Format::Csv).unwrap());
    write(&b, &render(&styrelse_b(), OutputKind::Statistics, Format::Xlsx).unwrap());
    kalibrer::io::save_session(&g, &group()).unwrap();
    let run = kalibrer(&["combine-stats", a.to_str().unwrap(), b.to_str().unwrap(), "--out", out.to_str().unwrap()]);
    assert_eq!(run.status.code(), Some(0), "{}", String::from_utf8_lossy(&run.stderr));
    assert!(String::from_utf8_lossy(&run.stderr).contains("2 kilder (Styrelse A (2025), Styrelse B (2025))"));

    let run = kalibrer(&["stats", g.to_str().unwrap(), "--reference", out.to_str().unwrap()]);
    let text = String::from_utf8_lossy(&run.stdout).into_owned();
    assert_eq!(run.status.code(), Some(0), "{}", String::from_utf8_lossy(&run.stderr));
    assert!(text.contains("Sammenlignet med Styrelse A (2025), Styrelse B (2025):"), "{text}");
    let line = |name: &str| text.lines().rev().find(|l| l.starts_with(name)).unwrap_or_default().to_string();
    let kc = line("Kontorchef");
    assert!(kc.contains("63.000") && kc.contains("56.000") && kc.ends_with("112,5"), "{kc}");
    assert!(line("Direktør").contains("ingen reference (undertrykt)"), "{text}");
    assert!(line("Afdelingschef").contains("ingen reference"), "{text}");

    let run = kalibrer(&["stats", g.to_str().unwrap(), "--json", "--reference", out.to_str().unwrap()]);
    let json: serde_json::Value = serde_json::from_slice(&run.stdout).unwrap();
    let levels = json["reference"]["levels"].as_array().unwrap();
    let kc = levels.iter().find(|l| l["level"] == "KC").unwrap();
    assert_eq!(
        (kc["indeks"].as_str(), kc["sum"].as_str(), kc["n"].as_u64()),
        (Some("112.5"), Some("560000"), Some(10))
    );
    assert_eq!(levels.iter().find(|l| l["level"] == "DIR").unwrap()["status"], "suppressed");
    assert_eq!(json["reference"]["total"]["status"], "suppressed");
    assert!(line("Alle").contains("ingen reference (undertrykt)"), "{text}");

    // The session's own list, relative to the session file, is used without --reference.
    let mut with_list = group();
    with_list.reference.push(ReferenceLink::new("omraade.xlsx"));
    kalibrer::io::save_session(&g, &with_list).unwrap();
    let run = kalibrer(&["stats", g.to_str().unwrap()]);
    assert!(String::from_utf8_lossy(&run.stdout).contains("112,5"));

    // The session's reference file gone: the statistics with a warning naming it.
    std::fs::remove_file(&out).unwrap();
    let run = kalibrer(&["stats", g.to_str().unwrap()]);
    assert_eq!(run.status.code(), Some(0));
    assert!(String::from_utf8_lossy(&run.stderr).contains("advarsel: referencen udelades"));
    assert!(String::from_utf8_lossy(&run.stderr).contains("omraade.xlsx"));
    assert!(!String::from_utf8_lossy(&run.stdout).contains("Sammenlignet med"));

    // A missing reference file named on the command line: exit 2, naming it.
    let run = kalibrer(&["stats", g.to_str().unwrap(), "--reference", "findes-ikke.xlsx"]);
    assert_eq!(run.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&run.stderr).contains("findes-ikke.xlsx"));
    // --out onto an input is refused.
    let run = kalibrer(&["combine-stats", a.to_str().unwrap(), "--out", a.to_str().unwrap()]);
    assert_eq!(run.status.code(), Some(2));
}

#[test]
fn attaching_mapping_and_removing_are_logged_edits_that_undo() {
    use kalibrer::document::{Document, Edit, Outcome};
    use kalibrer::model::log::Change;
    use kalibrer::model::reference::MappedTo;
    let mut doc = Document::new(group(), None);
    let path = "ref/omraade.xlsx".to_string();
    assert_eq!(doc.apply(Edit::AttachReference { path: path.clone() }, "DEP"), Ok(Outcome::Changed));
    assert_eq!(doc.apply(Edit::AttachReference { path: path.clone() }, "DEP"), Ok(Outcome::Unchanged));
    let to = MappedTo::Level("Kontorchef".into());
    let map = Edit::MapReferenceLevel { path: path.clone(), level: "CK".into(), to: to.clone() };
    assert_eq!(doc.apply(map, "DEP"), Ok(Outcome::Changed));
    assert_eq!(doc.session().reference[0].mapping["CK"], Some("Kontorchef".to_string()));
    let bad = Edit::MapReferenceLevel { path: path.clone(), level: "XX".into(), to: MappedTo::Nothing };
    assert!(doc.apply(bad, "DEP").unwrap_err().to_string().contains("«XX» findes ikke"));
    let log: Vec<&Change> = doc.session().change_log.iter().map(|e| &e.change).collect();
    assert_eq!(
        log,
        [
            &Change::Reference { path: path.clone(), attached: true },
            &Change::ReferenceMapping { path: path.clone(), level: "CK".into(), old: MappedTo::ByRole, new: to },
        ]
    );
    // Undo the mapping, then the attachment; redo brings the attachment back.
    doc.apply(Edit::Undo, "DEP").unwrap();
    assert!(doc.session().reference[0].mapping.is_empty());
    doc.apply(Edit::Undo, "DEP").unwrap();
    assert!(doc.session().reference.is_empty());
    doc.apply(Edit::Redo, "DEP").unwrap();
    assert_eq!(doc.session().reference, vec![ReferenceLink::new(path.clone())]);
    assert_eq!(doc.apply(Edit::RemoveReference { path: path.clone() }, "DEP"), Ok(Outcome::Changed));
    assert!(doc.session().reference.is_empty());
    assert!(doc.apply(Edit::RemoveReference { path }, "DEP").is_err());
    // Every change is in the log, which also survives a save and load.
    assert_eq!(doc.session().change_log.len(), 6);
    let text = kalibrer::io::to_ron(doc.session());
    assert_eq!(kalibrer::io::parse_session(&text).unwrap().change_log, doc.session().change_log);
}

mod props {
    use super::*;
    use proptest::prelude::*;

    /// A published level: n managers, a sum in øre, or withheld.
    fn level_strategy() -> impl Strategy<Value = (usize, i64, bool, usize)> {
        (0_usize..40, 0_i64..5_000_000_000, any::<bool>(), 0_usize..4)
    }

    fn reference_of(org: &str, levels: &[(usize, i64, bool, usize)]) -> Reference {
        let roles =
            [LevelRole::Kontorchef, LevelRole::Afdelingschef, LevelRole::Direktoer, LevelRole::Departementschef];
        let mut r = Reference {
            sources: vec![reference::Source { organisation: org.into(), year: 2025 }],
            ..Reference::default()
        };
        for (n, cents, withheld, role) in levels {
            let role = roles[*role];
            let key = reference::level_key(role, role.label());
            if r.level(&key).is_some() {
                continue;
            }
            let mut l = if *withheld || (*n > 0 && *n < 5) {
                reference::ReferenceLevel::with_all(
                    key,
                    role.label().into(),
                    role,
                    *n,
                    Cell::Suppressed(Suppression::FewerThanMin),
                )
            } else if *n == 0 {
                reference::ReferenceLevel::with_all(key, role.label().into(), role, 0, Cell::Missing)
            } else {
                let sum = Decimal::new(*cents, 2);
                let lo = Decimal::new(*cents, 2) / Decimal::from(*n * 2);
                let points = [lo, lo * d(2), lo * d(3), lo * d(4), lo * d(5)];
                let mut l = reference::ReferenceLevel::with_all(key, role.label().into(), role, *n, Cell::Missing);
                l.sum = Cell::Shown(sum);
                l.mean = Cell::Shown(sum / Decimal::from(*n));
                l.min = Cell::Shown(points[0].round());
                l.q1 = Cell::Shown(points[1].round());
                l.median = Cell::Shown(points[2].round());
                l.q3 = Cell::Shown(points[3].round());
                l.max = Cell::Shown(points[4].round());
                l
            };
            l.receiving_percent = l.mean.shown().map_or(l.mean, |_| Cell::Shown(d(100)));
            r.levels.push(l);
        }
        r
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(64))]

        /// Whatever bytes a reference file holds, reading it never panics.
        #[test]
        fn any_file_reads_or_is_refused(bytes in proptest::collection::vec(any::<u8>(), 0..400), text in ".{0,200}") {
            let _ = parse_reference(&bytes);
            let _ = parse_reference(format!("Niveau;Antal;Gennemsnit\r\n{text}").as_bytes());
        }

        /// Combined: counts and sums add exactly, a level withheld in any source is never
        /// shown, and the written file reads back with the same counts, sums and withholding.
        #[test]
        fn combine_adds_exactly_and_never_shows_a_withheld_level(
            a in proptest::collection::vec(level_strategy(), 1..5),
            b in proptest::collection::vec(level_strategy(), 1..5),
        ) {
            let (ra, rb) = (reference_of("A", &a), reference_of("B", &b));
            let c = combine(&[ra.clone(), rb.clone()]);
            for l in &c.levels {
                let parts: Vec<&reference::ReferenceLevel> = [&ra, &rb].iter().filter_map(|r| r.level(&l.key)).collect();
                prop_assert_eq!(l.n, parts.iter().map(|p| p.n).sum::<usize>());
                let withheld = parts.iter().any(|p| p.n > 0 && p.suppression().is_some());
                if withheld || (l.n > 0 && l.n < 5) {
                    prop_assert!(l.sum.shown().is_none() && l.mean.shown().is_none() && l.median.shown().is_none());
                } else if l.n > 0 {
                    let sum: Decimal = parts.iter().filter_map(|p| p.sum.shown()).sum();
                    prop_assert_eq!(l.sum, Cell::Shown(sum));
                }
            }
            for xlsx in [false, true] {
                let back = parse_reference(&render_reference(&c, xlsx).unwrap()).unwrap();
                for l in &c.levels {
                    let r = back.level(&l.key).unwrap();
                    prop_assert_eq!(r.n, l.n);
                    prop_assert_eq!(r.sum.shown(), l.sum.shown().map(|s| s.round_dp(2)));
                    prop_assert_eq!(r.suppression(), l.suppression());
                }
            }
        }
    }
}
