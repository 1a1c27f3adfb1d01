//! Benchmark of the engine and the session file at 30 / 2,206 / 20,000 managers: full
//! recompute (amounts, findings, statistics, bands), the incremental recompute after one
//! manager's change, load + validate, save. Prints
//! medians. Run: `cargo bench --bench engine`.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::print_stdout)]

use std::time::{Duration, Instant};

use kalibrer::engine::{self, generate::generate};
use kalibrer::io;

fn median(mut samples: Vec<Duration>) -> Duration {
    samples.sort();
    samples[samples.len() / 2]
}

fn time(runs: usize, mut f: impl FnMut()) -> Duration {
    f();
    median(
        (0..runs)
            .map(|_| {
                let t = Instant::now();
                f();
                t.elapsed()
            })
            .collect(),
    )
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}

fn main() {
    let dir = std::env::temp_dir().join(format!("kalibrer-bench-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    println!(
        "{:>8} {:>16} {:>18} {:>18} {:>12}",
        "ledere", "recompute median", "one change median", "load+valid. median", "save median"
    );
    for n in [30_usize, 2_206, 20_000] {
        let session = generate(n, 7).unwrap();
        let runs = if n > 10_000 { 15 } else { 60 };
        let recompute = time(runs, || {
            std::hint::black_box(engine::evaluate(&session));
        });
        // One manager's adjustment changes; the evaluation is brought up to date.
        let mut edited = session.clone();
        let mut eval = engine::evaluate(&edited);
        let i = n / 2;
        let mut k = 0_i64;
        let incremental = time(runs * 5, || {
            k += 1;
            edited.managers[i].adjustment = Some(kalibrer::model::Adjustment {
                amount: rust_decimal::Decimal::from(1_000 * (k % 7 - 3)),
                justification: "Benchmark".into(),
                by: "DEP".into(),
            });
            eval.update_manager(&edited, i);
            std::hint::black_box(&eval);
        });
        let file = dir.join(format!("s{n}.ron"));
        io::save_session(&file, &session).unwrap();
        let load = time(runs.min(20), || {
            let s = io::load_session_file(&file).unwrap();
            std::hint::black_box(io::validate(&s));
        });
        let save = time(runs.min(20), || io::save_session(&file, &session).unwrap());
        println!(
            "{n:>8} {:>13.3} ms {:>15.3} ms {:>15.3} ms {:>9.3} ms",
            ms(recompute),
            ms(incremental),
            ms(load),
            ms(save)
        );
    }
    let _ = std::fs::remove_dir_all(&dir);
}
