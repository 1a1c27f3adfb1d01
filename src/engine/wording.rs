//! The one place findings become Danish sentences: for the screen, the CLI, the
//! documentation and presentation mode (initials instead of names, no salaries).
//!
//! Findings hold values ([`Facts`]); nothing else formats or patches their text.

use rust_decimal::{Decimal, RoundingStrategy};

use crate::model::Session;
use crate::model::money::{format_kr, format_percent, format_signed_kr};

use super::finding::{Facts, Finding, Missing};

/// How a finding is worded.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Style {
    /// Managers by their initials (presentation mode with *Initialer*).
    pub initials: bool,
    /// Leave out salaries and totals derived from them (presentation mode).
    pub hide_salaries: bool,
}

impl Style {
    /// Everything, with full names (documentation, CLI, the screen outside presentation).
    pub const FULL: Self = Self { initials: false, hide_salaries: false };
}

/// A manager's name as `style` shows it: full name or initials ("AMH").
#[must_use]
pub fn person(session: &Session, index: usize, style: Style) -> String {
    session.managers.get(index).map_or_else(String::new, |m| if style.initials { m.initials() } else { m.name.clone() })
}

/// The Danish sentence of `f`, worded by `style`. `session` must be the evaluated one (the
/// facts' indices point into it).
#[must_use]
pub fn finding_text(f: &Finding, session: &Session, style: Style) -> String {
    let text = sentence(f, session, style);
    // A sentence that ends on an amount ends once: "… 5.000 kr." not "… 5.000 kr..".
    if text.ends_with("kr..") { text[..text.len() - 1].to_string() } else { text }
}

fn sentence(f: &Finding, session: &Session, style: Style) -> String {
    let level_name = |l: usize| session.levels.get(l).map_or("", |l| l.name.as_str());
    let kr = format_kr;
    match f.facts {
        Facts::NegativeAmount { amount } => {
            format!("Beløbet {} er negativt; et vederlag kan ikke være under 0 kr.", kr(amount))
        }
        Facts::OutsideBand { amount, level, min, max } => {
            let side = if amount > max { "over" } else { "under" };
            format!("Beløbet {} ligger {side} spændet for {} ({}–{}).", kr(amount), level_name(level), kr(min), kr(max))
        }
        Facts::NotATier { amount, level } => {
            let tiers: Vec<String> =
                session.levels.get(level).map(|l| l.tiers.iter().map(|t| kr(*t)).collect()).unwrap_or_default();
            format!("Beløbet {} er ikke et af niveauets faste trin ({}).", kr(amount), tiers.join(", "))
        }
        Facts::OverCap { .. } | Facts::AboveDepartementschef { .. } => salary_sentence(&f.facts, style),
        Facts::OverCeiling { amount, ceiling } => {
            format!("Beløbet {} overstiger kontraktens loft ved fuld målopfyldelse ({}).", kr(amount), kr(ceiling))
        }
        Facts::OverMaxPerPayment { amount, max } => {
            format!("Beløbet {} overstiger maksimum pr. udbetaling ({}).", kr(amount), kr(max))
        }
        Facts::MerarbejdeWithTopSupplement => {
            "Engangsvederlag for merarbejde kan ikke ydes til en leder med topcheftillæg.".to_string()
        }
        Facts::TopSupplementUnderRammeaftale => {
            "En chef ansat efter rammeaftalen kan ikke få topcheftillæg.".to_string()
        }
        Facts::MunicipalTopDirectorPaid { amount, role } => format!(
            "En {} kan efter lovgivningen ikke få resultatløn eller engangsvederlag; beløbet {} skal være 0 kr.",
            role.label().to_lowercase(),
            kr(amount)
        ),
        Facts::ResultatloenWithoutGoalsOrFrame { no_goals, no_frame } => {
            let what = match (no_goals, no_frame) {
                (true, true) => "mål fastsat på forhånd og uden en beløbsgrænse ved fuld målopfyldelse",
                (true, false) => "mål fastsat på forhånd",
                _ => "en beløbsgrænse ved fuld målopfyldelse",
            };
            format!("Resultatløn uden {what}; vælg en anden vederlagsform eller angiv det, der mangler.")
        }
        Facts::AdjustmentWithoutJustification { adjustment } => {
            format!("Skønnet {} mangler en skriftlig begrundelse.", format_signed_kr(adjustment))
        }
        Facts::ZeroWithoutJustification => "Lederen får 0 kr. uden en skriftlig begrundelse.".to_string(),
        Facts::WeightsNot100 { total } => format!("Målenes vægte summerer til {}, ikke 100 %.", format_percent(total)),
        Facts::MissingAssessment { missing } => {
            let what = match missing {
                Missing::Scores => "scorer i boksmodellen",
                Missing::Attainment => "målopfyldelse",
                Missing::Rating => "samlet vurdering",
                Missing::Tier => "valgt trin",
                Missing::Amount => "beløb",
            };
            format!("Mangler {what}.")
        }
        Facts::DropFromLastYear { drop_percent, last, amount } => format!(
            "Beløbet falder {} fra sidste år ({} → {}).",
            format_percent(drop_percent.round_dp(1)),
            kr(last),
            kr(amount)
        ),
        Facts::Inversion { lower, lower_amount, higher, higher_amount } => {
            let level_of = |i: usize| {
                session.managers.get(i).and_then(|m| session.level(&m.level)).map_or("", |l| l.name.as_str())
            };
            format!(
                "{} ({}) får {}, mere end {} ({}) med {} – overlap er ikke tilladt.",
                person(session, lower, style),
                level_of(lower),
                kr(lower_amount),
                person(session, higher, style),
                level_of(higher),
                kr(higher_amount)
            )
        }
        Facts::AllIdentical { level, n, amount } => {
            format!("Alle {n} på niveauet {} får det samme beløb ({}).", level_name(level), kr(amount))
        }
        Facts::LowVariation { level, cv_percent, threshold_percent } => format!(
            "Lav differentiering på niveauet {}: variationskoefficient {} (grænse {}).",
            level_name(level),
            format_percent(cv_percent.round_dp(1)),
            format_percent(threshold_percent)
        ),
        Facts::PoolExceeded { pool, over } => {
            format!("Puljen på {} er overskredet med {}.", kr(pool), kr(over))
        }
        Facts::PoolLeft { pool, left } => format!("Der er {} tilbage af puljen på {}.", kr(left), kr(pool)),
        Facts::TopSupplementBelowGrade38 { .. }
        | Facts::SharedGoalDiffers { .. }
        | Facts::GoalsChangedAfterStart { .. }
        | Facts::PoolPartExceeded { .. }
        | Facts::SavingsWithoutReference
        | Facts::FrameExceeded { .. }
        | Facts::FrameLeft { .. } => contract_sentence(f, session, style),
    }
}

/// The findings of the contract rules of issue 30 and a prep's own frame (topcheftillæg's lønramme, shared goals,
/// the contract period, the pool's parts).
fn contract_sentence(f: &Finding, session: &Session, style: Style) -> String {
    let kr = format_kr;
    match f.facts {
        Facts::TopSupplementBelowGrade38 { grade, .. } => format!(
            "Topcheftillæg er aftalt for stillinger i lønramme 38 og derover; lederen er i lønramme {grade}."
        ),
        Facts::SharedGoalDiffers { goal, other, mine, theirs } => {
            let name = f
                .manager
                .as_deref()
                .and_then(|id| session.managers.iter().find(|m| m.id == id))
                .and_then(|m| m.goals.get(goal))
                .map_or("", |g| g.name.as_str());
            let att = |a: Option<Decimal>| a.map_or_else(|| "ikke vurderet".to_string(), format_percent);
            format!(
                "Det fælles mål «{name}» er {} opfyldt her, men {} hos {}; et fælles mål har én opfyldelse.",
                att(mine),
                att(theirs),
                person(session, other, style)
            )
        }
        Facts::GoalsChangedAfterStart { start, changed } => format!(
            "Målene er ændret {}, efter kontraktperioden begyndte {}; mål og vægte fastsættes før periodens start.",
            super::contract::show_date(changed),
            super::contract::show_date(start)
        ),
        Facts::PoolPartExceeded { part, pool, over } => {
            format!("Puljedelen «{}» på {} er overskredet med {}.", part.label().to_lowercase(), kr(pool), kr(over))
        }
        Facts::SavingsWithoutReference => {
            "Resultatløn uden for lønsumsloftet kræver dokumenterede besparelser; angiv en reference til dokumentationen."
                .to_string()
        }
        Facts::FrameExceeded { reference, over, budget } => format!(
            "Dine lederes beløb er {} over din ramme på {} ({}).",
            kr(over),
            kr(reference),
            frame_source(budget)
        ),
        Facts::FrameLeft { reference, left, budget } => {
            format!("Der er {} tilbage af din ramme på {} ({}).", kr(left), kr(reference), frame_source(budget))
        }
        _ => String::new(),
    }
}

/// What a prep's frame is measured against, in Danish (as `prep_frame::Frame::source_label`).
fn frame_source(budget: bool) -> &'static str {
    if budget { "direktørbudget" } else { "sidste års beløb" }
}

/// The findings whose numbers are salaries: without them in presentation mode.
fn salary_sentence(facts: &Facts, style: Style) -> String {
    match *facts {
        Facts::OverCap { .. } if style.hide_salaries => "Beløbet overstiger loftet i procent af grundlønnen.".into(),
        Facts::OverCap { amount, share_percent: Some(share), base, cap_percent, cap } => format!(
            "Beløbet {} er {} af grundlønnen {} – over loftet på {} ({}).",
            format_kr(amount),
            exact_percent(share_above(share, cap_percent)),
            format_kr(base),
            exact_percent(cap_percent),
            format_kr(cap)
        ),
        Facts::OverCap { amount, share_percent: None, base, cap_percent, cap } => format!(
            "Beløbet {} overstiger loftet på {} af grundlønnen {} ({}).",
            format_kr(amount),
            exact_percent(cap_percent),
            format_kr(base),
            format_kr(cap)
        ),
        Facts::AboveDepartementschef { .. } if style.hide_salaries => {
            "Samlet løn inkl. beløbet overstiger departementschefens.".into()
        }
        Facts::AboveDepartementschef { total, reference } => format!(
            "Samlet løn inkl. årets beløb ({}) overstiger departementschefens ({}).",
            format_kr(total),
            format_kr(reference)
        ),
        _ => String::new(),
    }
}

/// `share` % as text with as few decimals as show that it is above `cap` % ("25,0002 %"),
/// for every place that shows a share of base salary over the cap.
#[must_use]
pub fn share_over_cap_text(share: Decimal, cap: Decimal) -> String {
    exact_percent(share_above(share, cap))
}

/// `share` with as few decimals as show that it is above `cap` (one decimal when that
/// does: 26,19 → 26,2; 25,0002 → 25,0002, never "25 %" for an amount over a 25 % cap).
/// Halves away from zero; a share above the cap always shows above it.
fn share_above(share: Decimal, cap: Decimal) -> Decimal {
    (1..=28)
        .map(|dp| share.round_dp_with_strategy(dp, RoundingStrategy::MidpointAwayFromZero))
        .find(|shown| *shown > cap)
        .unwrap_or(share)
}

/// A percentage with every decimal it has and a Danish comma: `25 %`, `25,0002 %`.
fn exact_percent(value: Decimal) -> String {
    format!("{} %", value.normalize().to_string().replace('.', ",").replace('-', "\u{2212}"))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::finding::Severity;
    use rust_decimal::Decimal;

    #[test]
    fn a_sentence_ends_once_after_an_amount() {
        let s = crate::io::parse_session(crate::io::DEMO_RON).unwrap_or_else(|e| panic!("{e}"));
        let f = Finding::general(
            Severity::Fejl,
            None,
            Facts::PoolExceeded { pool: Decimal::from(1_540_000), over: Decimal::from(5_000) },
        );
        assert_eq!(finding_text(&f, &s, Style::FULL), "Puljen på 1.540.000 kr. er overskredet med 5.000 kr.");
    }

    #[test]
    fn initials_hide_names_in_inversions() {
        let s = crate::io::parse_session(crate::io::DEMO_RON).unwrap_or_else(|e| panic!("{e}"));
        let f = Finding::about_manager(
            Severity::Fejl,
            &s.managers[8].id,
            Facts::Inversion {
                lower: 8,
                lower_amount: Decimal::from(81_000),
                higher: 4,
                higher_amount: Decimal::from(76_000),
            },
        );
        let text = finding_text(&f, &s, Style { initials: true, hide_salaries: true });
        assert!(!text.contains(&s.managers[8].name) && !text.contains(&s.managers[4].name), "{text}");
        assert!(text.starts_with(&format!("{} (", s.managers[8].initials())), "{text}");
    }

    /// Issue 30: a share over the cap is shown with the decimals that make it visible.
    #[test]
    fn a_share_over_the_cap_shows_its_excess() {
        let pct = |v: i64, scale: u32| share_over_cap_text(Decimal::new(v, scale), Decimal::from(25));
        assert_eq!(pct(261_905, 4), "26,2 %"); // 110.000 / 420.000
        assert_eq!(pct(250_002, 4), "25,0002 %");
        assert_eq!(pct(2_500_015, 5), "25,0002 %"); // halves away from zero
        assert_eq!(pct(250_000_001, 7), "25,0000001 %");
        assert_eq!(pct(2_596, 2), "26 %");
    }

    proptest::proptest! {
        /// Any amount over a 25 % cap, however little (1 øre on up to 100 million kr.),
        /// reads as a share above 25 %.
        #[test]
        fn every_excess_is_visible(base_oere in 1i64..10_000_000_000, over_oere in 1i64..1_000_000) {
            let base = Decimal::new(base_oere, 2);
            let cap = base * Decimal::from(25) / Decimal::ONE_HUNDRED;
            let amount = cap + Decimal::new(over_oere, 2);
            let share = amount * Decimal::ONE_HUNDRED / base;
            let text = share_over_cap_text(share, Decimal::from(25));
            let shown: Decimal = text.trim_end_matches(" %").replace(',', ".").parse().unwrap_or_default();
            proptest::prop_assert!(shown > Decimal::from(25), "{} → {}", share, text);
        }
    }
}
