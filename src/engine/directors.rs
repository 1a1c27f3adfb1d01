//! Per-director statistics: each executive's managers (those whose superior they are),
//! where they sit in their levels' bands, their amounts against the level means, their
//! ratings, what the director proposed and what the meeting decided – and a leniency flag
//! from a stated test. The ledger of what the meeting changed is `director_ledger.rs`.
//!
//! **The test.** For each director with at least [`MIN_N`] managers with a position, and
//! at least [`MIN_N`] other managers with one, the mean position in band (0 at the level's
//! band minimum, 1 at its maximum) of the director's managers is compared with the rest's
//! – each position counted within the band for the test ([`test_position`]: below it as
//! 0, above it as 1, so one manager far outside a band cannot carry every director's
//! comparison; `mean_band_position` stays the real mean) – by a two-sided permutation test ([`super::permutation`]: exact over all splits when
//! there are at most 20 000, else 9 999 random splits from a seed fixed by the director's
//! id). The p-values of the directors tested are adjusted together (Holm), so a session
//! with no real difference flags anyone with a chance of at most [`LEVEL`]. A director is
//! flagged *lenient* (or *harsh*) when the adjusted p ≤ [`LEVEL`] and their managers sit
//! higher (lower). The flag is a prompt for the conversation, not a verdict.

use std::collections::BTreeMap;

use rust_decimal::Decimal;
use rust_decimal::prelude::ToPrimitive;

use super::Evaluation;
use super::permutation;
use super::proposals::proposed_amount;
use crate::model::{Manager, MeetingStatus, Session};

/// The test's level (family-wise, over the directors tested).
pub const LEVEL: f64 = 0.05;

/// The fewest managers with a position, for the director and for the rest, to test.
pub const MIN_N: usize = 5;

/// Which value of each manager the positions, the indeks and the test are computed from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Basis {
    /// The amount now (decided or not): where the managers sit on the lanes.
    #[default]
    Amount,
    /// The director's proposed amount (managers without one are left out).
    Proposal,
}

/// The leniency flag.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Flag {
    /// The director's managers sit higher in their bands than the others', beyond chance.
    Lenient,
    /// The director's managers sit lower, beyond chance.
    Harsh,
}

impl Flag {
    /// `"lenient"` / `"harsh"` (JSON).
    #[must_use]
    pub fn code(self) -> &'static str {
        match self {
            Self::Lenient => "lenient",
            Self::Harsh => "harsh",
        }
    }

    /// Danish label ("mild" / "streng").
    #[must_use]
    pub fn label(self) -> &'static str {
        match self {
            Self::Lenient => "mild",
            Self::Harsh => "streng",
        }
    }
}

/// Proposals against decided amounts over some managers.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Tally {
    /// Managers.
    pub n: usize,
    /// Of them, managers without a proposed amount (outside the sums and counts below).
    pub without_proposal: usize,
    /// Sum of the proposed amounts.
    pub proposal_sum: Decimal,
    /// Sum of the amounts now, over the same managers (those with a proposal).
    pub amount_sum: Decimal,
    /// Amount above the proposal.
    pub up: usize,
    /// Amount below the proposal.
    pub down: usize,
    /// Amount equal to the proposal.
    pub unchanged: usize,
    /// Managers whose status is *Besluttet*.
    pub decided: usize,
}

impl Tally {
    /// `amount_sum − proposal_sum`.
    #[must_use]
    pub fn difference(&self) -> Decimal {
        self.amount_sum.saturating_sub(self.proposal_sum)
    }

    fn add(&mut self, amount: Decimal, proposal: Option<Decimal>, decided: bool) {
        self.n += 1;
        self.decided += usize::from(decided);
        let Some(p) = proposal else {
            self.without_proposal += 1;
            return;
        };
        self.proposal_sum = self.proposal_sum.saturating_add(p);
        self.amount_sum = self.amount_sum.saturating_add(amount);
        match amount.cmp(&p) {
            std::cmp::Ordering::Greater => self.up += 1,
            std::cmp::Ordering::Less => self.down += 1,
            std::cmp::Ordering::Equal => self.unchanged += 1,
        }
    }
}

/// The outcome of the leniency test for one director.
#[derive(Debug, Clone, PartialEq)]
pub struct Test {
    /// The director's mean position minus the rest's, in percentage points, on the
    /// positions the test counts ([`test_position`]: within the band).
    pub difference_points: Decimal,
    /// Managers with a position outside the director's group.
    pub rest_n: usize,
    /// The permutation test's own p-value.
    pub p_raw: f64,
    /// Adjusted for testing every director (Holm); the flag is decided on this.
    pub p_value: f64,
    /// Lenient or harsh when the adjusted p ≤ [`LEVEL`].
    pub flag: Option<Flag>,
}

/// One director's figures.
#[derive(Debug, Clone, PartialEq)]
pub struct DirectorStats {
    /// Executive id.
    pub id: String,
    /// Executive name.
    pub name: String,
    /// The director's managers (indices into the session), in session order.
    pub managers: Vec<usize>,
    /// Proposals against amounts.
    pub tally: Tally,
    /// Managers with a position in band (on the basis).
    pub positioned: usize,
    /// Mean position in band, 0–1 (below 0 or above 1 for values outside the band).
    pub mean_band_position: Option<Decimal>,
    /// Σ value / Σ the level's mean value × 100 (100 = the level means).
    pub indeks: Option<Decimal>,
    /// Managers with a rating or scores.
    pub scored: usize,
    /// Mean rating or mean score (1 = best), each manager's mean of box scores counting once.
    pub mean_score: Option<Decimal>,
    /// The leniency test; None when the director or the rest has fewer than [`MIN_N`].
    pub test: Option<Test>,
}

/// Every director's figures and the totals.
#[derive(Debug, Clone, PartialEq)]
pub struct DirectorReport {
    /// The basis of positions, indeks and test.
    pub basis: Basis,
    /// One per executive with managers, in the session's order of executives.
    pub directors: Vec<DirectorStats>,
    /// Managers whose superior is not among the executives (in the rest of every test).
    pub unassigned: Vec<usize>,
    /// Proposals against amounts over every manager.
    pub total: Tally,
}

/// Position of `value` in `level`'s band: (value − min) / (max − min); None for a band of
/// no width.
#[must_use]
pub fn band_position(session: &Session, m: &Manager, value: Decimal) -> Option<Decimal> {
    let band = &session.level(&m.level)?.band;
    let width = band.max.checked_sub(band.min)?;
    if width <= Decimal::ZERO {
        return None;
    }
    value.checked_sub(band.min)?.checked_div(width)
}

/// A manager's rating or mean score under `basis` (the proposal's where it has one).
fn score_of(m: &Manager, basis: Basis) -> Option<Decimal> {
    let proposal = m.proposal.as_ref().filter(|_| basis == Basis::Proposal);
    let rating = proposal.and_then(|p| p.rating).or(m.overall_rating);
    if let Some(r) = rating {
        return Some(Decimal::from(r));
    }
    let scores = match proposal {
        Some(p) if !p.scores.is_empty() => &p.scores,
        _ => &m.box_scores,
    };
    if scores.is_empty() {
        return None;
    }
    let sum: u32 = scores.values().map(|&s| u32::from(s)).sum();
    Decimal::from(sum).checked_div(Decimal::from(scores.len()))
}

/// Mean of some exact values.
fn mean(values: &[Decimal]) -> Option<Decimal> {
    if values.is_empty() {
        return None;
    }
    let sum = values.iter().fold(Decimal::ZERO, |a, v| a.saturating_add(*v));
    sum.checked_div(Decimal::from(values.len())).map(|m| m.normalize())
}

/// A position as the test counts it: within the band, 0–1 (a manager below the band at its
/// minimum, above it at its maximum). On the demo a constituted kontorchef at 110.000 kr.
/// on a 30.000–50.000 kr. band sits at 400 %; counted as such, that one manager widens the
/// spread of every random split so much that no director could be told apart (p = 1 for
/// all); counted at 100 %, the manager is still the highest, no more.
#[must_use]
pub fn test_position(p: Decimal) -> Decimal {
    p.clamp(Decimal::ZERO, Decimal::ONE)
}

/// A position as an integer in 10⁻⁹ for the test (exact comparisons).
fn quantised(p: Decimal) -> i128 {
    (p * Decimal::from(1_000_000_000)).round().to_i128().unwrap_or(0)
}

/// The seed of a director's random splits: FNV-1a of the id.
fn seed(id: &str) -> u64 {
    id.bytes().fold(0xcbf2_9ce4_8422_2325, |h, b| (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3))
}

/// The per-director figures of `session` with its evaluation, on `basis`.
#[must_use]
pub fn by_director(session: &Session, eval: &Evaluation, basis: Basis) -> DirectorReport {
    let n = session.managers.len();
    let proposals: Vec<Option<Decimal>> = session.managers.iter().map(|m| proposed_amount(session, m)).collect();
    let amount = |i: usize| eval.amounts.get(i).map_or(Decimal::ZERO, |a| a.amount);
    let value = |i: usize| match basis {
        Basis::Amount => session.level(&session.managers[i].level).map(|_| amount(i)),
        Basis::Proposal => proposals[i],
    };
    let values: Vec<Option<Decimal>> = (0..n).map(value).collect();
    // The level means of the values (for the indeks).
    let mut per_level: BTreeMap<&str, (Decimal, usize)> = BTreeMap::new();
    for (m, v) in session.managers.iter().zip(&values) {
        if let Some(v) = v {
            let e = per_level.entry(m.level.as_str()).or_default();
            e.0 = e.0.saturating_add(*v);
            e.1 += 1;
        }
    }
    let level_mean = |level: &str| per_level.get(level).and_then(|(s, c)| s.checked_div(Decimal::from(*c)));
    let positions: Vec<Option<Decimal>> =
        (0..n).map(|i| values[i].and_then(|v| band_position(session, &session.managers[i], v))).collect();
    let mut total = Tally::default();
    for (i, (m, p)) in session.managers.iter().zip(&proposals).enumerate() {
        total.add(amount(i), *p, m.status == MeetingStatus::Besluttet);
    }
    let mut by_superior: std::collections::HashMap<&str, Vec<usize>> = std::collections::HashMap::new();
    for (i, m) in session.managers.iter().enumerate() {
        by_superior.entry(m.superior.as_str()).or_default().push(i);
    }
    let mut directors = Vec::new();
    for exec in &session.executives {
        let Some(managers) = by_superior.get(exec.id.as_str()).cloned() else { continue };
        let mut tally = Tally::default();
        for &i in &managers {
            tally.add(amount(i), proposals[i], session.managers[i].status == MeetingStatus::Besluttet);
        }
        let own: Vec<Decimal> = managers.iter().filter_map(|&i| positions[i]).collect();
        let (mut sum, mut means) = (Decimal::ZERO, Decimal::ZERO);
        for &i in &managers {
            if let (Some(v), Some(lm)) = (values[i], level_mean(&session.managers[i].level)) {
                sum = sum.saturating_add(v);
                means = means.saturating_add(lm);
            }
        }
        let indeks = (means > Decimal::ZERO).then(|| (sum * Decimal::ONE_HUNDRED / means).normalize());
        let scores: Vec<Decimal> = managers.iter().filter_map(|&i| score_of(&session.managers[i], basis)).collect();
        directors.push(DirectorStats {
            id: exec.id.clone(),
            name: exec.name.clone(),
            tally,
            positioned: own.len(),
            mean_band_position: mean(&own),
            indeks,
            scored: scores.len(),
            mean_score: mean(&scores),
            test: None,
            managers,
        });
    }
    test_all(&mut directors, &positions);
    let unassigned =
        (0..n).filter(|&i| !session.executives.iter().any(|e| e.id == session.managers[i].superior)).collect();
    DirectorReport { basis, directors, unassigned, total }
}

/// Runs the permutation test for every director with enough managers, then adjusts the
/// p-values together and sets the flags. Every position is quantised once, and the rest's
/// mean is the total less the director's, so the work per director is the director's
/// managers and the random splits, not the whole session.
fn test_all(directors: &mut [DirectorStats], positions: &[Option<Decimal>]) {
    let positions: Vec<Option<Decimal>> = positions.iter().map(|p| p.map(test_position)).collect();
    let all: Vec<i128> = positions.iter().flatten().map(|p| quantised(*p)).collect();
    let total = positions.iter().flatten().fold(Decimal::ZERO, |a, p| a.saturating_add(*p));
    let mut tested: Vec<(usize, Test)> = Vec::new();
    for (k, d) in directors.iter().enumerate() {
        let own: Vec<Decimal> = d.managers.iter().filter_map(|&i| positions[i]).collect();
        let rest_n = all.len() - own.len();
        if own.len() < MIN_N || rest_n < MIN_N {
            continue;
        }
        let own_sum = own.iter().fold(Decimal::ZERO, |a, p| a.saturating_add(*p));
        let observed: i128 = own.iter().map(|p| quantised(*p)).sum();
        let Some(p_raw) = permutation::p_value_of_sum(&all, own.len(), observed, seed(&d.id)) else { continue };
        let (Some(a), Some(b)) = (
            own_sum.checked_div(Decimal::from(own.len())),
            total.saturating_sub(own_sum).checked_div(Decimal::from(rest_n)),
        ) else {
            continue;
        };
        let difference_points = ((a - b) * Decimal::ONE_HUNDRED).normalize();
        tested.push((k, Test { difference_points, rest_n, p_raw, p_value: p_raw, flag: None }));
    }
    let adjusted = permutation::holm(&tested.iter().map(|(_, t)| t.p_raw).collect::<Vec<_>>());
    for ((k, mut t), p) in tested.into_iter().zip(adjusted) {
        t.p_value = p;
        t.flag = (p <= LEVEL && !t.difference_points.is_zero()).then_some(if t.difference_points > Decimal::ZERO {
            Flag::Lenient
        } else {
            Flag::Harsh
        });
        directors[k].test = Some(t);
    }
}

/// A p-value as the room reads it: "0,02", "0,004", "< 0,001".
#[must_use]
pub fn format_p(p: f64) -> String {
    if p < 0.001 {
        return "p < 0,001".into();
    }
    let text = if p < 0.01 { format!("{p:.3}") } else { format!("{p:.2}") };
    format!("p = {}", text.replace('.', ","))
}

/// The Danish genitive: "DIR2's" (an abbreviation or initials), "Mette Overgaards",
/// "Jonas'" (ends in s, x or z).
#[must_use]
pub fn genitive(name: &str) -> String {
    let abbreviation =
        name.chars().any(char::is_alphanumeric) && name.chars().all(|c| !c.is_alphabetic() || c.is_uppercase());
    match name.chars().last() {
        _ if abbreviation => format!("{name}'s"),
        Some('s' | 'x' | 'z') => format!("{name}'"),
        _ => format!("{name}s"),
    }
}

/// The sentence for the room about director `d`, named `name` (the name or initials, as
/// the screen shows them): "DIR2's ledere ligger i gennemsnit 18 procentpoint højere i
/// spændet end de øvriges (n = 7, p = 0,02)." – or why there is no test.
#[must_use]
pub fn sentence(d: &DirectorStats, name: &str) -> String {
    let Some(t) = &d.test else {
        return format!(
            "{name}: for få ledere med en placering i spændet til en sammenligning (n = {}; mindst {MIN_N} hos direktøren og {MIN_N} hos de øvrige).",
            d.positioned
        );
    };
    let points = t.difference_points.abs().round();
    let direction = if t.difference_points >= Decimal::ZERO { "højere" } else { "lavere" };
    let tail = match t.flag {
        Some(_) => "",
        None => " – inden for hvad tilfældighed kan give",
    };
    format!(
        "{} ledere ligger i gennemsnit {points} procentpoint {direction} i spændet end de øvriges (n = {}, {}){tail}.",
        genitive(name),
        d.positioned,
        format_p(t.p_value)
    )
}
