//! Issue 29 at 1280×720 and 1366×768 in normal mode: the table's filter row ends with
//! *Nulstil* and its header with *Fund*; both were cut off at the right edge of the table
//! (under the focus card). They must lie whole inside the table's part of the screen.

#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use kalibrer::ui::KalibrerApp;

/// The left edge of the focus card: the table's part of the screen ends there.
fn focus_left(h: &Harness<'_, KalibrerApp>) -> f32 {
    h.get_by_label("Vælg en leder").rect().left()
}

fn whole_in_the_table(size: [f32; 2]) {
    let h = common::app_harness(common::demo(), size);
    let screen = h.ctx.content_rect();
    let right = focus_left(&h) - 4.0;
    for label in ["Nulstil", "Fund", "Status", "Beløb", "Navn"] {
        // The table header's «Fund», not the findings panel's «Fund (9)».
        let nodes: Vec<egui::Rect> = h.query_all_by_label(label).map(|n| n.rect()).collect();
        assert!(!nodes.is_empty(), "{size:?}: no «{label}»");
        for r in nodes {
            assert!(screen.contains_rect(r), "{size:?}: «{label}» off screen: {r:?}");
            assert!(r.right() <= right, "{size:?}: «{label}» runs under the focus card at {right}: {r:?}");
        }
    }
}

#[test]
fn nulstil_and_fund_are_whole_at_1280x720() {
    whole_in_the_table([1280.0, 720.0]);
}

#[test]
fn nulstil_and_fund_are_whole_at_1366x768() {
    whole_in_the_table([1366.0, 768.0]);
}
