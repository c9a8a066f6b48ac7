//! The p50, p99 and max of a bench's timings, computed by one rule for every bench.

use std::time::Duration;

/// Order statistics of some durations, in milliseconds.
pub struct Spread {
    /// How many (a bench that prints no count leaves it unread).
    #[allow(dead_code)]
    pub n: usize,
    pub p50: f64,
    pub p99: f64,
    pub max: f64,
}

/// Sorts `times` and takes its median, 99th percentile (nearest rank) and worst; `None` when empty.
pub fn spread(times: &mut [Duration]) -> Option<Spread> {
    times.sort_unstable();
    let last = times.len().checked_sub(1)?;
    let at = |q: f64| times[(last as f64 * q).round() as usize].as_secs_f64() * 1000.0;
    Some(Spread {
        n: times.len(),
        p50: at(0.5),
        p99: at(0.99),
        max: at(1.0),
    })
}
