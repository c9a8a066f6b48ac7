//! The body mentions of a story's bills in order, so that sponsorship finds the bill first in a range or last
//! before a point without scanning every bill.

use std::collections::BTreeSet;

use super::Acc;
use crate::extract::types::Span;

/// The body mentions of the story's bills as (byte start, bill), in order, kept up to date as mentions are added,
/// so that the bill mentioned first in a range or last before a point is found without scanning every bill.
#[derive(Debug, Default)]
pub struct Starts {
    /// Every bill's mentions.
    all: BTreeSet<(usize, usize)>,
    /// The mentions of bills described by purpose only.
    purpose: BTreeSet<(usize, usize)>,
}

impl Starts {
    /// The mentions of `bills` as they are.
    pub fn new(bills: &[Acc]) -> Self {
        let mut starts = Starts::default();
        for (i, acc) in bills.iter().enumerate() {
            for s in acc.body_starts() {
                starts.add(s, i, acc.purpose);
            }
        }
        starts
    }

    /// Records a mention of bill `bill` at byte `start`.
    pub fn add(&mut self, start: usize, bill: usize, purpose: bool) {
        self.all.insert((start, bill));
        if purpose {
            self.purpose.insert((start, bill));
        }
    }
}

/// Adds a body mention to bill `i`.
pub fn push_mention(bills: &mut [Acc], starts: &mut Starts, i: usize, span: Span) {
    starts.add(span.start, i, bills[i].purpose);
    bills[i].bill.mentions.push(span);
}

impl Starts {
    /// The bill mentioned first at a byte in [a, b), if any.
    pub fn first_in(&self, a: usize, b: usize) -> Option<usize> {
        self.all
            .range((a, 0)..)
            .next()
            .filter(|(s, _)| *s < b)
            .map(|&(_, i)| i)
    }
}

/// The bill mentioned last before byte `at` (purpose-only bills when `purpose`).
pub fn bill_before(starts: &Starts, at: usize, purpose: bool) -> Option<usize> {
    let set = if purpose {
        &starts.purpose
    } else {
        &starts.all
    };
    set.range(..(at, 0)).next_back().map(|&(_, i)| i)
}
