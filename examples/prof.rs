#![allow(clippy::unwrap_used)]
fn main() {
    let n: usize = std::env::args().nth(1).and_then(|a| a.parse().ok()).unwrap_or(2206);
    let mut s = kalibrer::engine::generate::generate(n, 7).unwrap();
    let mut eval = kalibrer::engine::evaluate(&s);
    let i = n / 2;
    let t = std::time::Instant::now();
    for k in 0..3000_i64 {
        s.managers[i].adjustment = Some(kalibrer::model::Adjustment {
            amount: rust_decimal::Decimal::from(1_000 * (k % 7 - 3)),
            justification: "x".into(),
            by: "DEP".into(),
        });
        eval.update_manager(&s, i);
    }
    println!("{:?} per update", t.elapsed() / 3000);
}
