//! `kalibrer fit FILE --out NEW` and `kalibrer spread FILE --by K --out NEW`: the GUI's
//! *Tilpas til puljen* and *Spred ×k* through the same engine functions and the same
//! document edit, with a per-level summary (n changed, sum before → after).

use rust_decimal::Decimal;

use crate::document::{Document, Edit};
use crate::engine::{self, allocate};
use crate::model::MeetingStatus;
use crate::model::money::format_kr;
use crate::model::words;

use super::syntax::session_args::{Allocate, Fit, Spread};
use super::{load, usage_error};

/// Who the change log names when `--who` is not given.
const CLI_USER: &str = "kommandolinjen";

/// Which proposal to make.
enum Kind {
    Fit { proportional: bool },
    Spread(Decimal),
}

/// `kalibrer fit`.
pub fn run_fit(args: &Fit) -> i32 {
    run(&args.common, Kind::Fit { proportional: args.proportional })
}

/// `kalibrer spread`.
pub fn run_spread(args: &Spread) -> i32 {
    match args.by.replace(',', ".").parse::<Decimal>() {
        Ok(k) if k > Decimal::ZERO && k <= Decimal::TEN => run(&args.common, Kind::Spread(k)),
        _ => usage_error(&format!("--by «{}» skal være en faktor mellem 0 og 10, fx 1,2", args.by)),
    }
}

fn run(args: &Allocate, kind: Kind) -> i32 {
    let (file, out) = (args.file.clone(), args.out.clone());
    // Held from before the read until the new file is in place: a second fit or spread
    // onto the same file waits, then reads this one's result.
    let _lock = match super::lock_out(&out) {
        Ok(lock) => lock,
        Err(code) => return code,
    };
    if let Some(code) = super::refuse_prep_out(&out, &[&file]) {
        return code;
    }
    let session = match load(&file) {
        Ok(s) => s,
        Err(code) => return code,
    };
    let who = args.who.as_deref().unwrap_or(CLI_USER).to_string();
    let eval = engine::evaluate(&session);
    let options = allocate::AllocationOptions { include_hand_set: args.include_hand_set };
    let (title, proposal) = match kind {
        Kind::Fit { proportional: false } => {
            ("Tilpas til puljen".to_string(), allocate::fit_fewest(&session, &eval, options))
        }
        Kind::Fit { proportional: true } => {
            ("Tilpas til puljen".to_string(), allocate::fit_proportional(&session, &eval, options))
        }
        Kind::Spread(k) => (
            format!("Spredning ×{}", k.normalize().to_string().replace('.', ",")),
            allocate::spread_with(&session, &eval, k, options),
        ),
    };
    let before = eval.amounts.iter().map(|a| a.amount).collect::<Vec<_>>();
    let mut doc = Document::new(session, None);
    let decided = doc.session().managers.iter().filter(|m| m.status == MeetingStatus::Besluttet).count();
    let locked = doc.session().managers.iter().filter(|m| m.locked && m.status != MeetingStatus::Besluttet).count();
    let expected = proposal.changes.len();
    if let Err(e) = doc.apply(Edit::ApplyProposal { title, changes: proposal.changes.clone() }, &who) {
        errln!("kalibrer: {e}");
        return 2;
    }
    let after = engine::evaluate(doc.session());
    let changed = before.iter().zip(&after.amounts).filter(|(b, a)| **b != a.amount).count();
    // What is printed is what is written: the engine filters changes that cannot be
    // applied, so a difference here is a defect – refuse rather than write it.
    if changed != expected || after.pool.used != proposal.total {
        errln!(
            "kalibrer: {out} er ikke skrevet: forslaget ændrede {} til i alt {}, men viste {} til i alt {}",
            words::count(changed, "beløb", "beløb"),
            format_kr(after.pool.used),
            words::count(expected, "beløb", "beløb"),
            format_kr(proposal.total)
        );
        return 1;
    }
    outln!("{}", proposal.summary);
    if locked + decided > 0 {
        outln!(
            "Urørt: {} og {}",
            words::count(decided, "besluttet leder", "besluttede ledere"),
            words::count(locked, "låst leder", "låste ledere")
        );
    }
    print_levels(doc.session(), &before, &after);
    match super::write_session(&out, doc.session()) {
        Ok(()) => {
            errln!("Skrev {out}");
            0
        }
        Err(code) => code,
    }
}

/// One line per level: n, how many changed, sum before → after.
fn print_levels(session: &crate::model::Session, before: &[Decimal], after: &engine::Evaluation) {
    for li in session.levels_by_rank().into_iter().rev() {
        let level = &session.levels[li];
        let members: Vec<usize> = (0..session.managers.len()).filter(|&i| after.level_of[i] == Some(li)).collect();
        let changed = members.iter().filter(|&&i| before[i] != after.amounts[i].amount).count();
        let sum_before: Decimal = members.iter().map(|&i| before[i]).sum();
        let sum_after: Decimal = members.iter().map(|&i| after.amounts[i].amount).sum();
        outln!(
            "  {:<20} {:>12}, {:>5} ændret, i alt {} → {}",
            level.name,
            words::managers(members.len()),
            changed,
            format_kr(sum_before),
            format_kr(sum_after)
        );
    }
    let total_before: Decimal = before.iter().sum();
    outln!(
        "  I alt: {} → {} (puljen {})",
        format_kr(total_before),
        format_kr(after.pool.used),
        format_kr(after.pool.pool)
    );
}
