//! Realistic generated sessions for benchmarks and tests (`kalibrer generate`).
//!
//! The mix follows the Danish state: per ministry area of about 60 managers one
//! departementschef, a few styrelsesdirektører, about one in six afdelingschefer and the
//! rest kontorchefer; the seed's bands and box model; three years of history.

use std::collections::BTreeMap;

use rust_decimal::Decimal;

use crate::model::{
    AmountModel, Band, BoxModel, EmploymentBasis, Executive, Goal, GoalScope, Level, Manager, Organisation, Policies,
    Proposal, Scale, Sector, Session,
};

/// The generator of a generated session ([`super::rng::SplitMix64`]) with the draws it needs.
struct Rng(super::rng::SplitMix64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0.next_u64()
    }

    /// Uniform in `lo..=hi`.
    fn range(&mut self, lo: i64, hi: i64) -> i64 {
        let span = u64::try_from(hi - lo + 1).unwrap_or(1).max(1);
        lo + i64::try_from(self.next() % span).unwrap_or(0)
    }

    /// A score 1–6 weighted towards the middle (most managers score 2–4).
    fn score(&mut self) -> u8 {
        const W: [u8; 20] = [1, 2, 2, 2, 2, 3, 3, 3, 3, 3, 3, 3, 4, 4, 4, 4, 4, 5, 5, 6];
        W[usize::try_from(self.next() % 20).unwrap_or(0)]
    }
}

const FIRST: [&str; 16] = [
    "Anne", "Peter", "Mette", "Jens", "Louise", "Søren", "Camilla", "Mads", "Helle", "Rasmus", "Ida", "Niels",
    "Katrine", "Jakob", "Pernille", "Thomas",
];
const LAST: [&str; 16] = [
    "Holm",
    "Nielsen",
    "Jensen",
    "Kjær",
    "Dalgaard",
    "Møller",
    "Bach",
    "Lund",
    "Frost",
    "Vinther",
    "Skov",
    "Toft",
    "Brandt",
    "Ravn",
    "Hviid",
    "Østergaard",
];

fn levels() -> Vec<Level> {
    let level = |id: &str, name: &str, rank: u8, min: i64, max: i64, model: AmountModel| Level {
        id: id.into(),
        name: name.into(),
        rank,
        role: crate::model::LevelRole::from_v1_name(name),
        band: Band { min: Decimal::from(min), max: Decimal::from(max) },
        tiers: Vec::new(),
        target: None,
        model,
    };
    vec![
        level("KC", "Kontorchef", 1, 30_000, 50_000, AmountModel::Box(BoxModel::seed())),
        level("AC", "Afdelingschef", 2, 60_000, 80_000, AmountModel::BandPosition { scale: Scale::seed() }),
        level(
            "SD",
            "Styrelsesdirektør",
            3,
            70_000,
            100_000,
            AmountModel::WeightedGoals { frame: Decimal::from(100_000) },
        ),
        level(
            "DC",
            "Departementschef",
            4,
            100_000,
            150_000,
            AmountModel::WeightedGoals { frame: Decimal::from(150_000) },
        ),
    ]
}

fn goals(rng: &mut Rng) -> Vec<Goal> {
    [
        ("Institutionens resultatmål", 50, GoalScope::Institutional),
        ("Økonomi i balance", 30, GoalScope::Institutional),
        ("Ledelse og trivsel", 20, GoalScope::Personal),
    ]
    .into_iter()
    .map(|(name, weight, scope)| Goal {
        name: name.into(),
        weight: Decimal::from(weight),
        scope,
        collective: false,
        shared: None,
        paid_in: None,
        quantitative: scope == GoalScope::Institutional,
        attainment: Some(Decimal::from(rng.range(12, 20) * 5)),
    })
    .collect()
}

/// Generates a session with `managers` managers from `seed`, deterministic. None for 0.
#[must_use]
pub fn generate(managers: usize, seed: u64) -> Option<Session> {
    if managers == 0 {
        return None;
    }
    let mut rng = Rng(super::rng::SplitMix64::new(seed));
    let areas = managers.div_ceil(60);
    let mut executives = Vec::new();
    for a in 0..areas {
        executives.push(Executive {
            id: format!("DEP{a}"),
            name: format!("Departementschef {}", a + 1),
            title: "Departementschef".into(),
        });
        for d in 0..3 {
            executives.push(Executive {
                id: format!("DIR{a}-{d}"),
                name: format!("Direktør {}.{}", a + 1, d + 1),
                title: "Styrelsesdirektør".into(),
            });
        }
    }
    let box_model = BoxModel::seed();
    let mut list = Vec::with_capacity(managers);
    let mut history = BTreeMap::new();
    let mut formula_total = Decimal::ZERO;
    for i in 0..managers {
        let (mut m, formula) = manager(&mut rng, i, &box_model);
        formula_total += formula;
        if rng.range(0, 3) > 0 {
            m.proposal = Some(Proposal {
                amount: Some(crate::engine::round_to_step(formula, Decimal::from(1_000))),
                rationale: "Indstillet efter årets resultatsamtale.".into(),
                by: m.superior.clone(),
                ..Proposal::default()
            });
        }
        let years: BTreeMap<i32, Decimal> = (2023..=2025)
            .map(|y| {
                (
                    y,
                    (formula * Decimal::from(rng.range(85, 110)) / Decimal::ONE_HUNDRED / Decimal::from(1000)).round()
                        * Decimal::from(1000),
                )
            })
            .collect();
        history.insert(m.id.clone(), years);
        list.push(m);
    }
    let pool = (formula_total * Decimal::new(98, 2) / Decimal::from(10_000)).round() * Decimal::from(10_000);
    Some(Session {
        version: crate::model::CURRENT_VERSION,
        organisation: Organisation {
            name: format!("Genereret statsområde ({})", crate::model::words::managers(managers)),
            sector: Sector::Stat,
        },
        year: 2026,
        session_id: format!("genereret-{managers}-{seed}"),
        currency: "DKK".into(),
        executives,
        levels: levels(),
        policies: Policies { pool, ..Policies::default() },
        managers: list,
        history,
        change_log: Vec::new(),
        prep: None,
        reference: Vec::new(),
    })
}

/// One generated manager and their formula amount.
fn manager(rng: &mut Rng, i: usize, box_model: &BoxModel) -> (Manager, Decimal) {
    let area = i / 60;
    let k = i % 60;
    let (level, base) = match k {
        0 => ("DC", rng.range(1_350, 1_500) * 1_000),
        1..=3 => ("SD", rng.range(980, 1_150) * 1_000),
        _ if k % 6 == 4 => ("AC", rng.range(820, 900) * 1_000),
        _ => ("KC", rng.range(640, 760) * 1_000),
    };
    let superior = if level == "DC" || level == "SD" { format!("DEP{area}") } else { format!("DIR{area}-{}", k % 3) };
    let mut m = Manager {
        id: format!("M{i:05}"),
        name: format!("{} {}", FIRST[(rng.next() % 16) as usize], LAST[(rng.next() % 16) as usize]),
        level: level.into(),
        unit: format!("Område {} · Center {}", area + 1, k / 8 + 1),
        superior,
        basis: if level == "KC" { EmploymentBasis::Rammeaftale } else { EmploymentBasis::IndividuelKontrakt },
        pay_grade: if level == "KC" { "LR 37".into() } else { "LG 3".into() },
        base_salary: Decimal::from(base),
        total_pay: Decimal::from(base + rng.range(20, 80) * 1_000),
        has_top_supplement: level != "KC",
        ..Manager::new("", "", "")
    };
    let formula = match level {
        "KC" => {
            for c in &box_model.criteria {
                m.box_scores.insert(c.id.clone(), rng.score());
            }
            box_model
                .criteria
                .iter()
                .map(|c| {
                    let pct = box_model.scale.step(m.box_scores[&c.id]).map_or(Decimal::ZERO, |s| s.percent);
                    c.amount * pct / Decimal::ONE_HUNDRED
                })
                .sum()
        }
        "AC" => {
            let r = rng.score();
            m.overall_rating = Some(r);
            // A rating placed in the band is a one-off for særlig indsats: resultatløn would
            // need goals and a frame (002 §13.8.5).
            m.pay_forms = vec![crate::model::PayForm::SaerligIndsats];
            Decimal::from(60_000 + 4_000 * (6 - i64::from(r)))
        }
        _ => {
            m.goals = goals(rng);
            let frame = Decimal::from(if level == "DC" { 150_000 } else { 100_000 });
            m.goals.iter().map(|g| frame * g.weight * g.attainment.unwrap_or_default() / Decimal::from(10_000)).sum()
        }
    };
    (m, formula)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn deterministic_and_valid() {
        let a = generate(130, 5);
        assert_eq!(a, generate(130, 5));
        let Some(s) = a else { return };
        assert_eq!(s.managers.len(), 130);
        assert!(crate::io::validate(&s).iter().all(|p| !p.refuses));
        assert_eq!(s.managers.iter().filter(|m| m.level == "DC").count(), 3);
        assert!(generate(0, 1).is_none());
    }
}
