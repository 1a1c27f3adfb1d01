//! A zoomed lane's stacks: where more managers sit at one amount than the lane has rows,
//! the dots that found no free row and the outermost row's dot there become one "+n"
//! in that dot's place, so no manager is hidden without a word. Pure geometry.

use egui::Pos2;

/// The least distance between two "+n", points: room for "+250" in the initials' size.
pub const SPAN: f32 = 44.0;

/// Dots shown: (manager, centre).
pub type Dots = Vec<(usize, Pos2)>;
/// "+n" stacks: (centre, managers).
pub type Stacks = Vec<(Pos2, Vec<usize>)>;

/// Splits stacked dots `(manager, centre, had to overlap)` in x order into the dots shown
/// and the stacks drawn as "+n" (centre, managers). Dots that overlap within `gap` (at
/// least [`SPAN`]) of the first form one stack, drawn at the first's x, so no two "+n"
/// cover each other; it stands in for the shown dot farthest from the lane's centre
/// `center_y` within `gap` of the stack (the nearest in x of those), in that dot's row.
#[must_use]
pub fn fold(placed: &[(usize, Pos2, bool)], gap: f32, center_y: f32) -> (Dots, Stacks) {
    let mut shown: Vec<(usize, Pos2)> = placed.iter().filter(|d| !d.2).map(|&(i, p, _)| (i, p)).collect();
    let mut clusters: Vec<(Pos2, Vec<usize>)> = Vec::new();
    for &(i, p, _) in placed.iter().filter(|d| d.2) {
        match clusters.last_mut() {
            Some((first, members)) if p.x - first.x < gap.max(SPAN) => members.push(i),
            _ => clusters.push((p, vec![i])),
        }
    }
    let mut stacks = Vec::new();
    for (first, mut members) in clusters {
        let outermost = shown
            .iter()
            .enumerate()
            .filter(|(_, (_, q))| (q.x - first.x).abs() < gap)
            .max_by(|(_, (_, a)), (_, (_, b))| {
                let far = (a.y - center_y).abs().total_cmp(&(b.y - center_y).abs());
                far.then((b.x - first.x).abs().total_cmp(&(a.x - first.x).abs()))
            })
            .map(|(k, _)| k);
        let center = match outermost {
            Some(k) => {
                // At the stack's x (so two "+n" are SPAN apart), in that dot's row.
                let (i, q) = shown.remove(k);
                members.insert(0, i);
                egui::pos2(first.x, q.y)
            }
            None => first,
        };
        stacks.push((center, members));
    }
    (shown, stacks)
}

#[cfg(test)]
mod tests {
    use super::*;
    use egui::pos2;

    #[test]
    fn twenty_four_at_one_amount_in_eight_rows_show_seven_dots_and_plus_seventeen() {
        // Eight rows 28 points apart around y = 100; 24 managers at x = 300.
        let rows: Vec<f32> = (0..8).map(|r| 100.0 + (r as f32 - 3.5) * 28.0).collect();
        let placed: Vec<(usize, Pos2, bool)> = (0..24).map(|i| (i, pos2(300.0, rows[i.min(7)]), i >= 8)).collect();
        let (shown, stacks) = fold(&placed, 26.0, 100.0);
        assert_eq!(shown.len(), 7);
        assert_eq!(stacks.len(), 1);
        let (center, members) = &stacks[0];
        assert_eq!(members.len(), 17, "the outermost row's dot and the 16 without a row");
        assert_eq!(shown.len() + members.len(), 24, "every manager is a dot or in the +n");
        // The farthest rows from the centre are 3.5 × 28 = 98 away: y = 2 or 198.
        assert!(((center.y - 100.0).abs() - 98.0).abs() < 1e-3, "{center:?}");
        assert!(!shown.iter().any(|(_, p)| p.y == center.y), "the +n is in that dot's place");
    }

    #[test]
    fn stacks_at_two_amounts_stay_apart_and_no_overlap_means_no_stack() {
        let placed: Vec<(usize, Pos2, bool)> = vec![
            (0, pos2(100.0, 50.0), false),
            (1, pos2(100.0, 80.0), false),
            (2, pos2(100.0, 50.0), true),
            (3, pos2(400.0, 50.0), false),
            (4, pos2(400.0, 80.0), false),
            (5, pos2(400.0, 80.0), true),
            (6, pos2(401.0, 50.0), true),
        ];
        let (shown, stacks) = fold(&placed, 26.0, 50.0);
        assert_eq!(stacks.len(), 2);
        assert_eq!(stacks[0].1, vec![1, 2]);
        assert_eq!(stacks[1].1, vec![4, 5, 6]);
        assert_eq!(shown.iter().map(|s| s.0).collect::<Vec<_>>(), vec![0, 3]);
        // A continuous run of overlapping dots 5 points apart: one "+n" per 44 points.
        let run: Vec<(usize, Pos2, bool)> = (0..40).map(|i| (i, pos2(i as f32 * 5.0, 50.0), true)).collect();
        let (_, stacks) = fold(&run, 26.0, 50.0);
        assert_eq!(stacks.len(), 5, "x 0–195 in runs of 44: 0, 45, 90, 135, 180");
        assert!(stacks.windows(2).all(|w| w[1].0.x - w[0].0.x >= SPAN));
        assert_eq!(stacks.iter().map(|s| s.1.len()).sum::<usize>(), 40);
        let free: Vec<(usize, Pos2, bool)> = (0..5).map(|i| (i, pos2(i as f32 * 30.0, 50.0), false)).collect();
        let (shown, stacks) = fold(&free, 26.0, 50.0);
        assert_eq!((shown.len(), stacks.len()), (5, 0));
    }
}
