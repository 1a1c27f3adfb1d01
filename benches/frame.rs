//! Benchmark of the meeting screen: one frame of the real app headless (layout, painting
//! and tessellation), one drag step (edit + full recompute), and one key step (+ or − on
//! the selected manager, its recompute and the frame that shows it: what a key press costs
//! the app before the renderer), at 30 / 2,206 / 20,000 managers. Prints medians. Run:
//! `cargo bench --bench frame [-- SIZES]`.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::print_stdout)]

use std::time::{Duration, Instant};

use kalibrer::engine::generate::generate;
use kalibrer::ui::command::Command;
use kalibrer::ui::{KalibrerApp, theme};
use rust_decimal::Decimal;

fn median(mut samples: Vec<Duration>) -> Duration {
    samples.sort();
    samples[samples.len() / 2]
}

fn raw_input() -> egui::RawInput {
    egui::RawInput {
        screen_rect: Some(egui::Rect::from_min_size(egui::Pos2::ZERO, egui::vec2(1920.0, 1080.0))),
        ..Default::default()
    }
}

fn frame(ctx: &egui::Context, app: &mut KalibrerApp) {
    let output = ctx.run_ui(raw_input(), |ui| {
        let commands = app.frame_ui(ui);
        for c in commands {
            app.run_command(ui.ctx(), c);
        }
    });
    let primitives = ctx.tessellate(output.shapes, output.pixels_per_point);
    std::hint::black_box(primitives);
}

fn main() {
    println!("{:>8} {:>14} {:>14} {:>14}", "ledere", "frame median", "drag median", "key step");
    // `cargo bench --bench frame -- 20000` runs only the sizes given (e.g. under a profiler).
    let sizes: Vec<usize> = std::env::args().skip(1).filter_map(|a| a.parse().ok()).collect();
    let sizes = if sizes.is_empty() { vec![30, 2_206, 20_000] } else { sizes };
    for n in sizes {
        let session = generate(n, 7).expect("generated session");
        let mut app = KalibrerApp::with_session(session, None);
        let ctx = egui::Context::default();
        theme::install_fonts(&ctx);
        theme::set_style(&ctx, (false, 1.0));
        app.meeting.view.selected = Some(n / 2);
        for _ in 0..5 {
            frame(&ctx, &mut app);
        }
        // BENCH_RUNS=500 lengthens the loops, for a profiler.
        let runs = std::env::var("BENCH_RUNS").ok().and_then(|r| r.parse().ok());
        let runs = runs.unwrap_or(if n > 10_000 { 30 } else { 100 });
        let mut frames = Vec::with_capacity(runs);
        for _ in 0..runs {
            let t = Instant::now();
            frame(&ctx, &mut app);
            frames.push(t.elapsed());
        }
        let mut drags = Vec::with_capacity(runs);
        let manager = n / 2;
        let base = app.meeting.eval.amounts[manager].amount;
        for k in 0..runs {
            let amount = base + Decimal::from(1_000 * (k as i64 % 5 + 1));
            let t = Instant::now();
            app.run_command(&ctx, Command::Edit(kalibrer::document::Edit::SetAmount { manager, amount, drag: true }));
            app.refresh();
            drags.push(t.elapsed());
        }
        app.run_command(&ctx, Command::EndContinuous);
        frame(&ctx, &mut app);
        let mut keys = Vec::with_capacity(runs);
        for k in 0..runs {
            let steps = if k % 2 == 0 { 1 } else { -1 };
            let t = Instant::now();
            app.run_command(&ctx, Command::Edit(kalibrer::document::Edit::StepAmount { manager, steps }));
            app.refresh();
            frame(&ctx, &mut app);
            keys.push(t.elapsed());
        }
        println!("{n:>8} {:>11.3} ms {:>11.3} ms {:>11.3} ms", ms(median(frames)), ms(median(drags)), ms(median(keys)));
    }
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}
