//! SplitMix64 (Steele, Lea, Flood 2014): the one small, deterministic, well-mixed random
//! generator of the engine – its sequence is fixed by its seed on every platform and
//! version, so generated sessions and the permutation test's random splits are
//! reproducible.

/// SplitMix64 state; [`SplitMix64::new`] seeds it.
#[derive(Debug, Clone)]
pub struct SplitMix64(u64);

impl SplitMix64 {
    /// A generator whose sequence is fixed by `seed`.
    #[must_use]
    pub fn new(seed: u64) -> Self {
        Self(seed)
    }

    /// The next 64 random bits.
    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// Uniform in `0..n` (n ≥ 1), by rejection so there is no modulo bias.
    pub fn below(&mut self, n: usize) -> usize {
        let n = (n as u64).max(1);
        let zone = u64::MAX - u64::MAX % n;
        loop {
            let v = self.next_u64();
            if v < zone {
                return usize::try_from(v % n).unwrap_or(0);
            }
        }
    }
}
