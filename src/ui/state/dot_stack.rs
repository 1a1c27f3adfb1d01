//! Stacking of dots that would cover each other on one row of the *Pr. direktør* view: a
//! pure, deterministic placement (the same positions always give the same offsets), so a
//! dot never jumps between frames and each keeps its own hover and click.

/// Vertical offsets for dots whose centres are at `xs` on one line, so that no two centres
/// are closer than `diameter`. The offsets are whole multiples of `diameter` taken in the
/// order 0, −d, +d, −2d, +2d, … (up first); the dots are placed from left to right (ties by
/// their order in `xs`), each in the first slot whose last dot is at least `diameter` to
/// the left. Two dots in one slot are then at least `diameter` apart across, and two in
/// different slots at least `diameter` apart up or down.
///
/// Only slots within `max_offset` of the line are used; when all of them are taken near a
/// dot (more dots at one place than the row has room for), it goes in the slot whose last
/// dot is furthest to the left, so the overlap is as small as the row allows.
#[must_use]
pub fn stack_offsets(xs: &[f32], diameter: f32, max_offset: f32) -> Vec<f32> {
    let mut out = vec![0.0; xs.len()];
    if xs.is_empty() || diameter <= 0.0 || !diameter.is_finite() {
        return out;
    }
    let levels = if max_offset.is_finite() { (max_offset.max(0.0) / diameter).floor() as usize } else { xs.len() };
    let slots = 2 * levels.min(xs.len()) + 1;
    // Slot s at offset: 0, −1, +1, −2, +2, … diameters.
    let offset = |s: usize| {
        let k = s.div_ceil(2) as f32;
        if s % 2 == 1 { -k * diameter } else { k * diameter }
    };
    let mut order: Vec<usize> = (0..xs.len()).collect();
    order.sort_by(|&a, &b| xs[a].total_cmp(&xs[b]).then(a.cmp(&b)));
    let mut last: Vec<Option<f32>> = vec![None; slots];
    for i in order {
        let x = xs[i];
        let free = (0..slots).find(|&s| last[s].is_none_or(|l| x - l >= diameter));
        let slot = free.unwrap_or_else(|| {
            // Every slot is taken near x: the one whose last dot is furthest left.
            (0..slots)
                .min_by(|&a, &b| last[a].unwrap_or(f32::MIN).total_cmp(&last[b].unwrap_or(f32::MIN)).then(a.cmp(&b)))
                .unwrap_or(0)
        });
        last[slot] = Some(x);
        out[i] = offset(slot);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The smallest distance between two centres (x, offset).
    fn closest(xs: &[f32], offsets: &[f32]) -> f32 {
        let mut min = f32::INFINITY;
        for i in 0..xs.len() {
            for j in i + 1..xs.len() {
                min = min.min((xs[i] - xs[j]).hypot(offsets[i] - offsets[j]));
            }
        }
        min
    }

    #[test]
    fn dots_at_one_position_are_a_diameter_apart() {
        // Five dots at x = 100, diameter 14: slots 0, −14, +14, −28, +28.
        let xs = [100.0; 5];
        let offsets = stack_offsets(&xs, 14.0, f32::INFINITY);
        assert_eq!(offsets, vec![0.0, -14.0, 14.0, -28.0, 28.0]);
        assert!(closest(&xs, &offsets) >= 14.0);
    }

    #[test]
    fn dots_apart_stay_on_the_line_and_near_ones_are_lifted() {
        // 0 and 20 are a diameter apart (stay at 0); 25 is 5 from 20 (lifted to −14);
        // 30 is 10 from 20 and 5 from 25 (goes down, +14); 40 is 20 from 20 (line again).
        let xs = [20.0, 0.0, 25.0, 30.0, 40.0];
        let offsets = stack_offsets(&xs, 14.0, f32::INFINITY);
        assert_eq!(offsets, vec![0.0, 0.0, -14.0, 14.0, 0.0]);
        assert!(closest(&xs, &offsets) >= 14.0);
    }

    #[test]
    fn any_positions_keep_every_pair_a_diameter_apart_and_the_same_input_the_same_offsets() {
        // Clusters of equal and near positions drawn from a fixed generator.
        let mut rng = crate::engine::rng::SplitMix64::new(27);
        for _ in 0..200 {
            let n = 1 + rng.below(40);
            let xs: Vec<f32> = (0..n).map(|_| (rng.below(12) * 5) as f32).collect();
            let offsets = stack_offsets(&xs, 14.0, f32::INFINITY);
            assert!(closest(&xs, &offsets) >= 14.0, "{xs:?} {offsets:?}");
            assert_eq!(offsets, stack_offsets(&xs, 14.0, f32::INFINITY));
        }
    }

    #[test]
    fn a_full_row_uses_only_its_slots() {
        // Room for one slot either side: four dots at one place use 0, −14, +14, and the
        // fourth shares the slot whose last dot is furthest left (the first, slot 0).
        let offsets = stack_offsets(&[50.0; 4], 14.0, 20.0);
        assert_eq!(offsets, vec![0.0, -14.0, 14.0, 0.0]);
        assert_eq!(stack_offsets(&[], 14.0, 20.0), Vec::<f32>::new());
    }
}
