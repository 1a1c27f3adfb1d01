//! The *Tilpas til puljen* / *Spred* window (issues 29 and 28): the proposal that changes
//! the fewest managers first, then the proportional one; the amounts set in the meeting
//! kept unless the checkbox includes them; what the window shows is what *Acceptér*
//! writes (and the file holds); in a prep the director's own frame and managers only; an
//! undone fit gives the meeting's own amounts back their standing; in F5 the window docks
//! beside the lanes, never over them.

#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use egui::Key;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use kalibrer::document::Edit;
use kalibrer::model::Session;
use kalibrer::ui::KalibrerApp;
use kalibrer::ui::command::Command;
use rust_decimal::Decimal;

fn d(v: i64) -> Decimal {
    Decimal::from(v)
}

/// Clicks the widget labelled `label` (the pointer over it for a frame first, as a mouse).
fn click(h: &mut Harness<'_, KalibrerApp>, label: &str) {
    h.get_by_label(label).hover();
    h.run();
    h.get_by_label(label).click();
    h.run();
    h.run();
}

fn command(h: &mut Harness<'_, KalibrerApp>, c: Command) {
    let ctx = h.ctx.clone();
    h.state_mut().run_command(&ctx, c);
    h.run();
    h.run();
}

fn index(h: &Harness<'_, KalibrerApp>, id: &str) -> usize {
    h.state().meeting.doc.session().manager_index(id).unwrap()
}

fn amount(h: &Harness<'_, KalibrerApp>, id: &str) -> Decimal {
    h.state().meeting.eval.amounts[index(h, id)].amount
}

/// The shown proposal's changes as (id, new amount).
fn shown(h: &Harness<'_, KalibrerApp>) -> Vec<(String, Decimal)> {
    let app = h.state();
    let p = &app.meeting.view.pending.as_ref().expect("a proposal on screen").proposal;
    p.changes.iter().map(|(i, a)| (app.meeting.doc.session().managers[*i].id.clone(), *a)).collect()
}

/// Accepts the shown proposal and asserts that the document – and the file written from
/// it – holds exactly what the window showed: its total, and its count of changed amounts.
fn accept_and_check(h: &mut Harness<'_, KalibrerApp>) {
    let before = h.state().meeting.eval.amounts.iter().map(|a| a.amount).collect::<Vec<_>>();
    let pending = h.state().meeting.view.pending.clone().expect("a proposal");
    click(h, "Acceptér forslaget");
    assert!(h.state().meeting.view.pending.is_none(), "accepted: {:?}", h.state().meeting.view.notice);
    let app = h.state();
    let after: Vec<Decimal> = app.meeting.eval.amounts.iter().map(|a| a.amount).collect();
    let changed = before.iter().zip(&after).filter(|(b, a)| b != a).count();
    assert_eq!(changed, pending.proposal.changes.len(), "{}", pending.proposal.summary);
    let notice = &app.meeting.view.notice.as_ref().unwrap().text;
    assert!(notice.starts_with(&format!("{changed} beløb ændret")), "{notice}");
    for (i, a) in &pending.proposal.changes {
        assert_eq!(after[*i], *a);
    }
    let session = app.meeting.doc.session();
    let file = kalibrer::io::parse_session(&kalibrer::io::to_ron(session)).unwrap();
    let total = match kalibrer::engine::prep_frame::prep_frame(&file, &kalibrer::engine::evaluate(&file)) {
        Some(frame) => frame.sum,
        None => kalibrer::engine::evaluate(&file).pool.used,
    };
    assert_eq!(total, pending.proposal.total, "the file holds the total the window showed");
}

/// The demo is 25.000 kr. over its pool of 1.540.000 kr. (1.565.000 kr.). KC12 at
/// 110.000 kr. has the most room above the Kontorchef minimum (30.000): the fewest-changes
/// fit brings KC12 alone down 25.000 to 85.000; the proportional fit changes all 28.
#[test]
fn the_fit_offers_the_fewest_changes_first_then_the_proportional_one() {
    let mut h = common::app_harness(common::demo(), [1920.0, 1080.0]);
    click(&mut h, "Tilpas til puljen");
    let fewest = h.get_by_label("Færrest ændringer: 1 beløb ændres").rect();
    let proportional = h.get_by_label("Forholdsmæssig: 28 beløb ændres").rect();
    assert!(fewest.bottom() <= proportional.top(), "the fewest changes come first: {fewest:?} {proportional:?}");
    let totals = h.query_all_by_label("i alt 1.540.000 kr. af puljen 1.540.000 kr.").count();
    assert_eq!(totals, 2, "each proposal says its total against the pool");
    assert!(h.query_by_label("Medtag beløb sat i mødet (0)").is_some(), "nothing set in the meeting yet");
    assert!(h.query_by_label("Puljen 1.540.000 kr. · i alt før 1.565.000 kr. · i alt efter 1.540.000 kr.").is_some());
    assert_eq!(shown(&h), [("KC12".to_string(), d(85_000))]);
    click(&mut h, "Forholdsmæssig: 28 beløb ændres");
    assert_eq!(shown(&h).len(), 28);
    assert!(shown(&h).contains(&("KC12".to_string(), d(50_000))));
    click(&mut h, "Færrest ændringer: 1 beløb ændres");
    h.set_render_cursor(false);
    h.snapshot("fit_window_1920x1080_normal");
    accept_and_check(&mut h);
    assert_eq!(amount(&h, "KC12"), d(85_000));
    let entry = h.state().meeting.doc.session().change_log.last().unwrap().clone();
    assert_eq!(entry.why, "Tilpas til puljen (færrest ændringer)", "the log says which proposal");
}

/// Issue 29: for a 23.000 kr. overrun the old fit changed 27 of 28 amounts, the meeting's
/// own three among them. Now the window keeps them (the checkbox names 3), and the first
/// proposal changes one manager: KC12 110.000 → 87.000 kr. (the most room above its
/// minimum, 80.000). Included, the proportional fit moves them; the preview's total and
/// count are what the document and its file hold after *Acceptér*.
#[test]
fn issue_29_a_23000_overrun_keeps_the_meetings_amounts_and_changes_one_manager() {
    let mut h = common::app_harness(common::issue_29_meeting(), [1920.0, 1080.0]);
    click(&mut h, "Tilpas til puljen");
    assert!(h.query_by_label("Medtag beløb sat i mødet (3)").is_some(), "SD01, KC02 and KC05 are kept");
    assert_eq!(shown(&h), [("KC12".to_string(), d(87_000))]);
    assert_eq!(h.query_all_by_label("i alt 1.574.000 kr. af puljen 1.574.000 kr.").count(), 2);
    let kept = ["SD01", "KC02", "KC05"];
    click(&mut h, "Forholdsmæssig: 25 beløb ændres");
    assert!(shown(&h).iter().all(|(id, _)| !kept.contains(&id.as_str())), "{:?}", shown(&h));
    // Included on request: computed again, the proportional one still chosen, and it
    // moves the meeting's amounts (KC02's 65.000 into the band).
    click(&mut h, "Medtag beløb sat i mødet (3)");
    let app = h.state();
    let offer = &app.meeting.view.pending.as_ref().unwrap().offer;
    assert!(offer.include_hand_set && offer.chosen == 1 && offer.hand_set == 3);
    assert!(shown(&h).iter().any(|(id, _)| id == "KC02"), "{:?}", shown(&h));
    click(&mut h, "Medtag beløb sat i mødet (3)");
    assert!(!h.state().meeting.view.pending.as_ref().unwrap().offer.include_hand_set);
    click(&mut h, "Færrest ændringer: 1 beløb ændres");
    accept_and_check(&mut h);
    assert_eq!((amount(&h, "KC02"), amount(&h, "SD01"), amount(&h, "KC12")), (d(65_000), d(90_000), d(87_000)));
    assert_eq!(h.state().meeting.eval.pool.used, d(1_574_000));
}

/// Spread gets the same checkbox: KC05's justified skøn stays unless included.
#[test]
fn spread_keeps_the_meetings_amounts_unless_included() {
    let mut h = common::app_harness(common::issue_29_meeting(), [1920.0, 1080.0]);
    click(&mut h, "Spred ×1,2");
    assert!(h.query_by_label("Forslag: Spredning ×1,2").is_some());
    assert!(h.query_by_label("Medtag beløb sat i mødet (3)").is_some());
    assert!(shown(&h).iter().all(|(id, _)| !["SD01", "KC02", "KC05"].contains(&id.as_str())), "{:?}", shown(&h));
    click(&mut h, "Medtag beløb sat i mødet (3)");
    assert!(shown(&h).iter().any(|(id, _)| id == "KC05"), "included: {:?}", shown(&h));
    accept_and_check(&mut h);
}

/// Item 4: an undone fit gives back the amounts it moved – and their standing as set in
/// the meeting: KC01 typed to 47.000 kr.; a fit including it moves it; after Ctrl+Z the
/// next window keeps it again ("(1)"). Before, the fit's log entry still counted as the
/// last word on KC01, and the typed amount was free for the next fit.
#[test]
fn an_undone_fit_gives_the_typed_amounts_back_their_standing() {
    let mut h = common::app_harness(common::demo(), [1920.0, 1080.0]);
    let kc01 = index(&h, "KC01");
    command(&mut h, Command::Edit(Edit::SetAmount { manager: kc01, amount: d(47_000), drag: false }));
    command(&mut h, Command::EndContinuous);
    let hand = |h: &Harness<'_, KalibrerApp>| {
        let app = h.state();
        kalibrer::engine::allocate::hand_set(app.meeting.doc.session(), &app.meeting.eval)[kc01]
    };
    assert!(hand(&h));
    click(&mut h, "Tilpas til puljen");
    assert!(h.query_by_label("Medtag beløb sat i mødet (1)").is_some());
    click(&mut h, "Medtag beløb sat i mødet (1)");
    click(&mut h, "Forholdsmæssig: 28 beløb ændres");
    let moved = shown(&h).iter().find(|(id, _)| id == "KC01").map(|(_, a)| *a).expect("KC01 moves when included");
    assert_ne!(moved, d(47_000));
    accept_and_check(&mut h);
    assert_eq!(amount(&h, "KC01"), moved);
    assert!(!hand(&h), "the fit set KC01");
    h.key_press_modifiers(egui::Modifiers::COMMAND, Key::Z);
    h.run();
    assert_eq!(amount(&h, "KC01"), d(47_000), "undone");
    assert!(hand(&h), "after undo KC01's typed amount is the meeting's again");
    click(&mut h, "Tilpas til puljen");
    assert!(h.query_by_label("Medtag beløb sat i mødet (1)").is_some(), "the next fit keeps KC01 again");
    assert!(shown(&h).iter().all(|(id, _)| id != "KC01"), "{:?}", shown(&h));
    // Redo: the fit's amount stands again, set by the fit.
    h.key_press_modifiers(egui::Modifiers::COMMAND | egui::Modifiers::SHIFT, Key::Z);
    h.run();
    if amount(&h, "KC01") == moved {
        assert!(!hand(&h), "redone, KC01 is the fit's again");
    }
}

fn prep(budget: &str) -> Session {
    let s = common::frame_session(budget);
    kalibrer::engine::prep::make_prep_with(&s, "X", "t", true).unwrap()
}

/// Issue 28 item 3: in X's prep (budget 40.000 kr., her managers at 50.000 kr.) the fit
/// works within her frame, on her managers only – never against the whole pool of
/// 1.000.000 kr., which would push everyone up: fewest changes, Bo 30.000 → 20.000
/// (the most room above 0); proportional ×0,8, Anna 16.000 and Bo 24.000; Carl (Y's)
/// stays at 40.000. Spread ×2 around her mean 25.000: 15.000 and 35.000, her sum kept.
#[test]
fn in_a_prep_fit_and_spread_work_within_the_directors_frame() {
    let mut h = common::app_harness(prep(r#"{"X": "40000"}"#), [1366.0, 768.0]);
    command(&mut h, Command::ProposeSpread(d(2)));
    assert!(h.query_by_label("i alt 50.000 kr. inden for din ramme (Budget) 40.000 kr. – over rammen").is_some());
    assert_eq!(shown(&h), [("a".to_string(), d(15_000)), ("b".to_string(), d(35_000))]);
    command(&mut h, Command::RejectProposal);
    command(&mut h, Command::ProposeFitToPool);
    assert!(h.query_by_label("Forslag: Tilpas til rammen").is_some());
    assert!(h.query_by_label("Færrest ændringer: 1 beløb ændres").is_some());
    assert!(h.query_by_label("Forholdsmæssig: 2 beløb ændres").is_some());
    assert_eq!(h.query_all_by_label("i alt 40.000 kr. inden for din ramme (Budget) 40.000 kr.").count(), 2);
    assert!(
        h.query_by_label("Din ramme (Budget) 40.000 kr. · i alt før 50.000 kr. · i alt efter 40.000 kr.").is_some()
    );
    assert_eq!(shown(&h), [("b".to_string(), d(20_000))]);
    click(&mut h, "Forholdsmæssig: 2 beløb ændres");
    assert_eq!(shown(&h), [("a".to_string(), d(16_000)), ("b".to_string(), d(24_000))]);
    h.set_render_cursor(false);
    h.snapshot("fit_window_prep_1366x768");
    accept_and_check(&mut h);
    assert_eq!((amount(&h, "a"), amount(&h, "b"), amount(&h, "c")), (d(16_000), d(24_000), d(40_000)));
}

/// In a prep the top bar's button says what it fits: her frame, not the pool.
#[test]
fn in_a_prep_the_button_fits_to_the_frame() {
    let mut h = common::app_harness(prep(r#"{"X": "40000"}"#), [1920.0, 1080.0]);
    assert!(h.query_by_label("Tilpas til puljen").is_none());
    click(&mut h, "Tilpas til rammen");
    assert!(h.query_by_label("Forslag: Tilpas til rammen").is_some());
}

/// Without a budget the frame is last year's 25.000 + 25.000 = 50.000 kr., met already:
/// the window says so with "Sidste år" and proposes nothing.
#[test]
fn in_a_prep_without_a_budget_the_frame_is_last_year() {
    let mut h = common::app_harness(prep("{}"), [1366.0, 768.0]);
    command(&mut h, Command::ProposeFitToPool);
    assert_eq!(h.query_all_by_label("i alt 50.000 kr. inden for din ramme (Sidste år) 50.000 kr.").count(), 2);
    assert!(h.query_by_label("Færrest ændringer: 0 beløb ændres").is_some());
    assert!(shown(&h).is_empty());
}

/// Item 3: in F5 the window docks below the lanes: the lanes' panel and every part of the
/// proposal (title, choices, checkbox, buttons, change list) never overlap, at the three
/// screen sizes; the keys and the lanes stay usable (no modal).
fn docked_beside_the_lanes(size: [f32; 2], name: &str) {
    {
        let mut h = common::app_harness(common::issue_29_meeting(), size);
        h.key_press(Key::F5);
        h.run();
        command(&mut h, Command::ProposeFitToPool);
        // The lanes' panel: from its lane labels at the top to the *Pr. direktør* switch
        // below the axis and legend, its last widget.
        let mut lanes = h.get_by_label("Pr. direktør (R)").rect();
        for label in h.query_all_by_label_contains("Zoom ind på ") {
            lanes = lanes.union(label.rect());
        }
        lanes.max.x = lanes.max.x.max(size[0] - 1.0);
        let screen = h.ctx.content_rect().expand(0.5);
        assert!(lanes.height() > 150.0, "{name}: the lanes have room: {lanes:?}");
        let mut parts: Vec<egui::Rect> = [
            "Forslag: Tilpas til puljen",
            "Færrest ændringer: 1 beløb ændres",
            "Forholdsmæssig: 25 beløb ændres",
            "Medtag beløb sat i mødet (3)",
            "Acceptér forslaget",
            "Afvis",
            "Ændringer, største først",
        ]
        .iter()
        .map(|l| h.get_by_label(l).rect())
        .collect();
        parts.extend(h.query_all_by_label("i alt 1.574.000 kr. af puljen 1.574.000 kr.").map(|n| n.rect()));
        for r in &parts {
            assert!(!r.intersects(lanes), "{name}: {r:?} lies over the lanes {lanes:?}");
            assert!(screen.contains_rect(*r), "{name}: {r:?} off screen");
        }
        assert!(h.ctx.memory(|m| m.top_modal_layer().is_none()), "{name}: a modal lies over the lanes");
        if name != "1280x720" {
            h.set_render_cursor(false);
            h.snapshot(format!("fit_window_{name}_presentation"));
        }
        // The proportional one changes every level: the buttons and the change list's
        // header stay on screen and below the lanes.
        click(&mut h, "Forholdsmæssig: 25 beløb ændres");
        for label in ["Acceptér forslaget", "Ændringer, største først", "Leder", "Ændring"] {
            let r = h.get_by_label(label).rect();
            assert!(!r.intersects(lanes) && screen.contains_rect(r), "{name}: «{label}» at {r:?}");
        }
    }
}

#[test]
fn in_presentation_mode_the_window_never_covers_the_lanes_at_1920x1080() {
    docked_beside_the_lanes([1920.0, 1080.0], "1920x1080");
}

#[test]
fn in_presentation_mode_the_window_never_covers_the_lanes_at_1366x768() {
    docked_beside_the_lanes([1366.0, 768.0], "1366x768");
}

#[test]
fn in_presentation_mode_the_window_never_covers_the_lanes_at_1280x720() {
    docked_beside_the_lanes([1280.0, 720.0], "1280x720");
}

/// The window in normal mode at 1366×768: everything in it on screen.
#[test]
fn the_window_fits_a_1366x768_screen() {
    let mut h = common::app_harness(common::issue_29_meeting(), [1366.0, 768.0]);
    command(&mut h, Command::ProposeFitToPool);
    let screen = h.ctx.content_rect().expand(0.5);
    for label in ["Forslag: Tilpas til puljen", "Medtag beløb sat i mødet (3)", "Acceptér forslaget", "Afvis"] {
        let r = h.get_by_label(label).rect();
        assert!(screen.contains_rect(r), "«{label}» off screen: {r:?}");
    }
    h.set_render_cursor(false);
    h.snapshot("fit_window_1366x768_normal");
}
