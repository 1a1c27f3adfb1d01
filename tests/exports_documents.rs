//! Issue 16: documentation, letters and the public extract with hostile names, the audit
//! facts per manager with hand-computed demo numbers, drafts marked UDKAST.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use kalibrer::io;
use kalibrer::io::letters::{LetterTemplate, letters_html};
use kalibrer::io::outputs::{Format, OutputKind, RenderOptions, render_with};
use kalibrer::model::{Adjustment, MeetingStatus, Session};

fn demo() -> Session {
    io::parse_session(io::DEMO_RON).unwrap()
}

/// A name with a placeholder, markup and a right-to-left override.
const HOSTILE: &str = "Ida {{beløb}} <script>alert(1)</script> \u{202E}KC99 1.000 kr.";

/// The demo with hostile user text: names, a unit, a goal, a justification, a level.
fn hostile() -> (Session, String) {
    let mut s = demo();
    let long: String = "Æ".repeat(40_000);
    s.managers[0].name = HOSTILE.into(); // DC01, the departementschef
    s.managers[0].unit = "Departementet {{år}} \u{202E}<b>fed</b>".into();
    s.managers[0].goals[0].name = "<script>mål()</script> {{ navn }} \u{202E}30".into();
    s.managers[1].name = long.clone();
    s.managers[2].adjustment = Some(Adjustment {
        amount: 3_000.into(),
        justification: "<img src=x onerror=alert(1)> {% if true %}ja{% endif %} \u{202E}".into(),
        by: "DEP".into(),
    });
    s.managers[3].notes = "{{ organisation }}".into();
    (s, long)
}

/// No live markup from user text: no tag the user wrote survives unescaped.
fn assert_no_live_markup(html: &str, what: &str) {
    for tag in ["<script", "<img", "<b>fed"] {
        assert!(!html.contains(tag), "{what}: live {tag}");
    }
}

/// Every right-to-left override lies inside a `<bdi>` element.
fn assert_bidi_isolated(html: &str, what: &str) {
    let mut found = 0;
    for (at, _) in html.match_indices('\u{202E}') {
        let before = &html[..at];
        let open = before.rfind("<bdi>");
        let close = before.rfind("</bdi>");
        assert!(open.is_some_and(|o| close.is_none_or(|c| o > c)), "{what}: U+202E at {at} outside <bdi>");
        let after = &html[at..];
        assert!(after.find("</bdi>").is_some_and(|c| after.find("<bdi>").is_none_or(|o| c < o)), "{what}: unclosed");
        found += 1;
    }
    assert!(found > 0, "{what}: the hostile text is printed");
}

#[test]
fn hostile_text_stays_text_in_documentation_letters_and_public_extract() {
    let (s, long) = hostile();
    let doc = io::documentation::documentation_html(&s);
    let letters = letters_html(&s, &LetterTemplate::built_in(), true).unwrap();
    let public = io::public::public_html(&s);
    for (what, html) in [("dokumentation", &doc), ("breve", &letters), ("offentlig del", &public)] {
        assert_no_live_markup(html, what);
        assert_bidi_isolated(html, what);
        // Placeholders in user text are printed as written, never expanded.
        assert!(!html.contains("Ida 138.000 kr.") && !html.contains("Departementet 2026"), "{what}: expanded");
    }
    for (what, html) in [("dokumentation", &doc), ("breve", &letters)] {
        assert!(html.contains("Ida {{beløb}} &lt;script&gt;alert(1)&lt;&#x2f;script&gt; \u{202E}KC99"), "{what}");
        assert!(html.contains(&format!("<bdi>{long}</bdi>")), "{what}: the 40.000-character name in full");
        assert!(html.contains("Departementet {{år}} \u{202E}&lt;b&gt;fed&lt;&#x2f;b&gt;"), "{what}: unit");
    }
    assert!(doc.contains("&lt;img src=x onerror=alert(1)&gt; {% if true %}ja{% endif %}"));
    assert!(doc.contains("Noter fra mødet: <bdi>{{ organisation }}</bdi>"));
    assert!(letters.contains("Kære <bdi>Ida {{beløb}} &lt;script&gt;"));
    // The public extract names no one, but shows the institutional goal and the unit.
    assert!(!public.contains("Ida") && !public.contains(&long));
    assert!(public.contains("<bdi>&lt;script&gt;mål()&lt;&#x2f;script&gt; {{ navn }} \u{202E}30</bdi>"));
    assert!(public.contains("1. <bdi>Departementschef</bdi> – <bdi>Departementet {{år}} \u{202E}&lt;b&gt;fed"));
}

/// The demo's departementschef (DC01), by hand from assets/demo.ron: base salary
/// 1.420.000, pension 15 %, 2025: 132.000; weighted goals on a 150.000 frame:
/// 30×100 + 25×95 + 25×90 + 20×80 = 9.225 → 92,25 % → 138.375 → 138.000 (step 1.000).
/// Cap 25 % × 1.420.000 = 355.000, kept; pension 15 % × 138.000 = 20.700; change +6.000;
/// 138.000 / 1.420.000 = 9,7 %.
#[test]
fn documentation_has_the_audit_facts_of_every_manager() {
    let s = demo();
    let doc = io::documentation::documentation_html(&s);
    let section = |id: &str| {
        let start = doc.find(&format!("(<bdi>{id}</bdi>)</h3>")).unwrap_or_else(|| panic!("{id} missing"));
        let end = doc[start..].find("<div class=\"manager\">").map_or(doc.len(), |e| start + e);
        doc[start..end].to_string()
    };
    let dc = section("DC01");
    for needle in [
        "<th>Grundløn inkl. varige tillæg</th><td class=\"n\">1.420.000 kr.</td>",
        "<th>Pensionsprocent af beløbet</th><td class=\"n\">15 % = 20.700 kr.</td>",
        "<th>Sidste år (2025)</th><td class=\"n\">132.000 kr. · ændring +6.000 kr.</td>",
        // 001: the cap's base is the grundløn with the topcheftillæg, a permanent supplement
        // (002 §13.6, LR 42: 193.100 kr.): 1.613.100 kr.; 25 % = 403.275 kr.; 138.000 = 8,6 %.
        "<th>Loft: 25 % af grundlønnen inkl. topcheftillæg (1.613.100 kr.)</th><td class=\"n\">403.275 kr. · beløbet er 8,6 % af grundlønnen · overholdt</td>",
        // The topcheftillæg's pension for a departementschef: 18 % of 193.100 = 34.758 kr.
        "<th>Topcheftillæg (varigt tillæg)</th><td class=\"n\">193.100 kr. · pension 18 % = 34.758 kr.</td>",
        // The breakdown: 30 % × 100 % × 150.000 = 45.000; 25 % × 95 % × 150.000 = 35.625;
        // 25 % × 90 % × 150.000 = 33.750; 20 % × 80 % × 150.000 = 24.000; −375 rounding.
        "<td class=\"n\">+45.000 kr.</td><td><bdi>30 % vægt × 100 % opfyldt × ramme 150.000",
        "<td class=\"n\">+35.625 kr.</td><td><bdi>25 % vægt × 95 % opfyldt",
        "<td class=\"n\">+33.750 kr.</td>",
        "<td class=\"n\">+24.000 kr.</td>",
        "<td class=\"n\">−375 kr.</td><td><bdi>afrunding til nærmeste 1.000 kr.</bdi>",
        "Endeligt beløb (formel 138.375 kr.)",
        "<td class=\"n\">138.000 kr.</td><td>Endeligt beløb",
    ] {
        assert!(dc.contains(needle), "DC01 lacks {needle}:\n{dc}");
    }
    // KC12 (direct amount 110.000 for særlig indsats on a base salary of 420.000 = 26,19 %):
    // the 25 % cap is for directors' resultatløn (001), so no cap row and no cap finding;
    // no amount last year.
    let kc12 = section("KC12");
    assert!(!kc12.contains("Loft: 25 %") && !kc12.contains("26,2 %"), "{kc12}");
    assert!(kc12.contains("<th>Sidste år (2025)</th><td class=\"n\">intet beløb</td>"));
    assert!(kc12.contains("<p class=\"fejl\">fejl: <bdi>Beløbet 110.000 kr. ligger over spændet for Kontorchef"));
    // KC05's adjustment of 6.000 has no justification.
    assert!(section("KC05").contains("<b>Skøn +6.000 kr.</b> (<bdi>Henrik Lykke Andersen</bdi>): <span class=\"fejl\">INGEN SKRIFTLIG BEGRUNDELSE</span>"));
}

/// The demo spends 1.565.000 of a 1.540.000 pool: the breach is printed in the basis.
#[test]
fn documentation_prints_the_pool_breach_and_the_level_findings() {
    let s = demo();
    let doc = io::documentation::documentation_html(&s);
    let basis = &doc[..doc.find("<h2 class=\"newpage\">Ledere</h2>").unwrap()];
    assert!(basis.contains("Pulje 1.540.000 kr. · brugt 1.565.000 kr. · overskredet med 25.000 kr."));
    assert!(
        basis.contains("<p class=\"fejl\">fejl: <bdi>Puljen på 1.540.000 kr. er overskredet med 25.000 kr.</bdi></p>"),
        "{basis}"
    );
    assert!(basis.contains("Mødets status: 0 af 28 ledere er besluttet;"));
}

#[test]
fn an_accepted_finding_is_printed_with_reason_who_and_when() {
    let mut s = demo();
    let i = s.managers.iter().position(|m| m.id == "KC12").unwrap();
    s.managers[i].accepted.push(kalibrer::model::AcceptedFinding {
        rule: kalibrer::engine::RuleId::OutsideBand.code().into(),
        why: "Konstitueret; <aftalt> med styrelsen".into(),
        by: "DIR-B".into(),
        when: "2026-11-23T10:00:00Z".into(),
    });
    let doc = io::documentation::documentation_html(&s);
    assert!(doc.contains("fejl (accepteret): <bdi>Beløbet 110.000 kr."));
    assert!(doc.contains(
        "<b>Accepteret af <bdi>Mette Overgaard</bdi> 23. november 2026 kl. 11.00</b>: <bdi>Konstitueret; &lt;aftalt&gt; med styrelsen</bdi>"
    ));
    // An accepted fejl no longer blocks finality.
    let f = kalibrer::io::finality::Finality::of_session(&s);
    let before = kalibrer::io::finality::Finality::of_session(&demo());
    assert_eq!(f.open_errors + 1, before.open_errors);
}

/// Issue 29: the documentation gives times in Danish local time (the file keeps UTC): a
/// change at 09.15 UTC on 1 July 2026 (summer, UTC+2) was made at 11.15, one on
/// 1 December (winter, UTC+1) at 10.15.
#[test]
fn the_change_log_is_printed_in_danish_local_time() {
    use kalibrer::model::log::{Change, ChangeEntry};
    let mut s = demo();
    for when in ["2026-07-01T09:15:00Z", "2026-12-01T09:15:00Z"] {
        s.change_log.push(ChangeEntry {
            when: when.into(),
            who: "DEP".into(),
            manager: Some("KC01".into()),
            change: Change::Notes { old: String::new(), new: "Drøftet".into() },
            why: String::new(),
        });
    }
    let doc = io::documentation::documentation_html(&s);
    assert!(doc.contains("<td>1. juli 2026 kl. 11.15</td>"), "summer time");
    assert!(doc.contains("<td>1. december 2026 kl. 10.15</td>"), "winter time");
    assert!(!doc.contains("2026-07-01T09:15:00Z"));
}

#[test]
fn letters_for_undecided_managers_only_as_marked_drafts() {
    let mut s = demo();
    let decided = ["DC01", "KC01"];
    for m in &mut s.managers {
        if decided.contains(&m.id.as_str()) {
            m.status = MeetingStatus::Besluttet;
        }
    }
    // Not a draft: only the two decided managers get letters, both saying it is decided.
    let final_letters = letters_html(&s, &LetterTemplate::built_in(), false).unwrap();
    assert_eq!(final_letters.matches("<section class=\"page\">").count(), 2);
    assert_eq!(final_letters.matches("er det besluttet at tildele dig").count(), 2);
    assert!(!final_letters.contains("UDKAST"));
    // A draft: all 28, each marked UDKAST; only the decided two say "besluttet at tildele".
    let drafts = letters_html(&s, &LetterTemplate::built_in(), true).unwrap();
    let pages: Vec<&str> = drafts.split("<section class=\"page\">").skip(1).collect();
    assert_eq!(pages.len(), 28);
    assert!(drafts.contains("<title>UDKAST – Meddelelser"));
    for page in &pages {
        assert!(page.contains("<p class=\"udkast\">UDKAST – beløbet er ikke endeligt besluttet</p>"));
    }
    assert_eq!(drafts.matches("er det besluttet at tildele dig").count(), 2);
    let kc12 = pages.iter().find(|p| p.contains("Kasper Møller Lund")).unwrap();
    assert!(kc12.contains("foreslås det – endnu ikke besluttet – at tildele dig <b>110.000 kr.</b>"), "{kc12}");
    assert!(kc12.contains("(skrevet: et hundrede og titusinde kroner)"));
}

#[test]
fn render_marks_unfinished_letters_and_allocation_as_drafts() {
    let s = demo();
    let letters =
        String::from_utf8(kalibrer::io::outputs::render(&s, OutputKind::Letters, Format::Html).unwrap()).unwrap();
    assert_eq!(letters.matches("<p class=\"udkast\">").count(), 28, "the demo is not final");
    let csv =
        String::from_utf8(kalibrer::io::outputs::render(&s, OutputKind::Allocation, Format::Csv).unwrap()).unwrap();
    let lines: Vec<&str> = csv.split("\r\n").filter(|l| !l.is_empty()).collect();
    assert!(lines[0].ends_with(";Status"), "{}", lines[0]);
    let kc12 = lines.iter().find(|l| l.starts_with("KC12;")).unwrap();
    assert!(kc12.ends_with(";UDKAST") && kc12.contains(";110000;"), "{kc12}");
    let width = lines[0].split(';').count();
    assert!(lines.iter().all(|l| l.split(';').count() == width), "no ragged rows");
    // Statistics, documentation and the public extract are never drafts.
    for kind in [OutputKind::Statistics, OutputKind::Documentation, OutputKind::Public] {
        let bytes =
            render_with(&s, kind, kind.formats()[0], &RenderOptions { session_path: None, draft: true }).unwrap();
        let text = String::from_utf8_lossy(&bytes).to_string();
        assert!(!text.contains("UDKAST"), "{kind:?}");
    }
}

#[test]
fn a_draft_workbook_says_udkast_on_the_summary_and_in_every_row() {
    use calamine::{Data, Reader, Xlsx};
    let s = demo();
    let bytes = kalibrer::io::outputs::render(&s, OutputKind::Allocation, Format::Xlsx).unwrap();
    let mut book: Xlsx<_> = Xlsx::new(std::io::Cursor::new(bytes)).unwrap();
    let summary = book.worksheet_range("Oversigt").unwrap();
    let cells: Vec<String> = summary.cells().map(|(_, _, c)| c.to_string()).collect();
    assert!(
        cells.iter().any(|c| c.starts_with("UDKAST – beløbene er ikke endelige: ")
            && c.contains("fejl er hverken rettet eller accepteret, og 28 af 28 ledere er ikke besluttet")),
        "{cells:?}"
    );
    let kc = book.worksheet_range("Kontorchef").unwrap();
    let rows: Vec<Vec<Data>> = kc.rows().map(<[Data]>::to_vec).collect();
    let status = rows[0].iter().position(|c| *c == Data::String("Status".into())).unwrap();
    assert_eq!(rows.iter().skip(1).take(20).filter(|r| r[status] == Data::String("UDKAST".into())).count(), 20);
}

/// 2.000.000.000 kr. panicked in the words of the letter.
#[test]
fn a_letter_for_two_milliard_kroner_is_written_in_words() {
    let mut s = demo();
    let i = s.managers.iter().position(|m| m.id == "KC12").unwrap();
    s.managers[i].direct_amount = Some(2_000_000_000.into());
    let html = letters_html(&s, &LetterTemplate::built_in(), true).unwrap();
    assert!(html.contains("<b>2.000.000.000 kr.</b> (skrevet: to milliarder kroner)"));
}

#[test]
fn the_public_extract_tells_37_departementschefer_apart() {
    let mut s = demo();
    let dc = s.managers.iter().find(|m| m.level == "DC").unwrap().clone();
    for k in 1..37 {
        let mut m = dc.clone();
        m.id = format!("DC{k:02}X");
        m.name = format!("Chef {k}");
        m.unit = format!("Departementet, Ministerium {k}");
        s.managers.push(m);
    }
    let html = io::public::public_html(&s);
    let headings: Vec<&str> =
        html.match_indices("<h2>").map(|(at, _)| &html[at..at + html[at..].find("</h2>").unwrap()]).collect();
    // 37 departementschefer and the demo's 3 styrelsesdirektører (001: every top leader).
    assert_eq!(headings.len(), 40);
    assert_eq!(headings.iter().filter(|h| h.contains("<bdi>Departementschef</bdi>")).count(), 37);
    let distinct: std::collections::BTreeSet<&str> = headings.iter().copied().collect();
    assert_eq!(distinct.len(), 40, "every section can be told apart");
    assert!(html.contains("<h2>1. <bdi>Departementschef</bdi> – <bdi>Departementet</bdi></h2>"));
    assert!(html.contains("<bdi>Departementschef</bdi> – <bdi>Departementet, Ministerium 10</bdi></h2>"));
}

#[test]
fn the_session_letter_template_is_used_and_its_errors_name_file_and_line() {
    let dir = std::env::temp_dir().join(format!("kalibrer-brevskabelon-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let mut s = demo();
    s.policies.letter_template = Some("hr-brev.html".into());
    std::fs::write(
        dir.join("hr-brev.html"),
        "<p>Til {{ navn }}: {{ beløb }}{% if not besluttet %} (forslag){% endif %}</p>\n",
    )
    .unwrap();
    let session_path = dir.join("møde.ron");
    let options = RenderOptions { session_path: Some(&session_path), draft: true };
    let html = String::from_utf8(render_with(&s, OutputKind::Letters, Format::Html, &options).unwrap()).unwrap();
    assert!(html.contains("<p>Til Kasper Møller Lund: 110.000 kr. (forslag)</p>"), "{html}");
    std::fs::write(dir.join("hr-brev.html"), "<p>Til {{ navn }}</p>\n<p>{% for b in begrundelser %}{{ b }}</p>\n")
        .unwrap();
    let e = render_with(&s, OutputKind::Letters, Format::Html, &options).unwrap_err();
    assert!(e.starts_with("Brevskabelonen ") && e.contains("hr-brev.html, linje ") && e.contains("syntaksfejl"), "{e}");
    let _ = std::fs::remove_dir_all(&dir);
}
