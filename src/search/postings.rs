//! Compact postings: per term, the ascending article numbers as delta-encoded varints in one arena, and a
//! byte of term frequency per posting (see [`tf_of`] and [`LEAD`]).

/// Appends `v` as a LEB128 varint.
pub fn put_varint(out: &mut Vec<u8>, mut v: u32) {
    while v >= 0x80 {
        out.push((v as u8) | 0x80);
        v >>= 7;
    }
    out.push(v as u8);
}

/// Set in a posting's frequency byte when the word occurs in the story's lead (its first words).
pub const LEAD: u8 = 0x80;

/// The occurrences counted in a frequency byte (saturating at 127).
pub fn tf_of(byte: u8) -> u32 {
    u32::from(byte & !LEAD)
}

/// A frequency byte: `count` occurrences (saturating), `lead` when one is in the lead.
#[cfg(test)]
pub fn tf_byte(count: u32, lead: bool) -> u8 {
    (count.min(127) as u8) | if lead { LEAD } else { 0 }
}

/// Every term's postings in one arena.
#[derive(Debug, Default, Clone, serde::Serialize, serde::Deserialize)]
pub struct Postings {
    #[serde(with = "serde_bytes")]
    data: Vec<u8>,
    /// Start of each term's bytes; one extra entry at the end.
    offsets: Vec<u64>,
    /// Number of articles per term.
    counts: Vec<u32>,
    /// One frequency byte per posting, in posting order.
    #[serde(with = "serde_bytes")]
    tfs: Vec<u8>,
    /// Start of each term's frequency bytes; one extra entry at the end.
    tf_starts: Vec<u64>,
}

/// Builds [`Postings`] term by term, in term order.
#[derive(Debug, Default)]
pub struct PostingsBuilder {
    postings: Postings,
    last: Option<u32>,
    /// Postings of the current term so far.
    count: u32,
}

impl PostingsBuilder {
    /// A builder with room for `terms` terms and `postings` postings.
    pub fn with_capacity(terms: usize, postings: usize) -> PostingsBuilder {
        let mut b = PostingsBuilder::default();
        b.postings.offsets.reserve(terms + 1);
        b.postings.tf_starts.reserve(terms + 1);
        b.postings.counts.reserve(terms);
        b.postings.tfs.reserve(postings);
        b.postings.data.reserve(postings + postings / 2);
        b
    }

    /// Appends an article number to the current term (larger than the term's previous ones), with
    /// its frequency byte.
    pub fn push(&mut self, doc: u32, tf: u8) {
        self.postings.tfs.push(tf);
        let delta = match self.last {
            None => doc,
            Some(last) => doc - last,
        };
        put_varint(&mut self.postings.data, delta);
        self.last = Some(doc);
        self.count += 1;
    }

    /// Records the current term's count.
    fn end_term(&mut self) {
        if let Some(c) = self.postings.counts.last_mut() {
            *c = self.count;
        }
        self.count = 0;
    }

    /// Starts the next term.
    pub fn next_term(&mut self) {
        self.end_term();
        self.postings.offsets.push(self.postings.data.len() as u64);
        self.postings.tf_starts.push(self.postings.tfs.len() as u64);
        self.postings.counts.push(0);
        self.last = None;
    }

    /// Finishes the arena.
    pub fn finish(mut self) -> Postings {
        self.end_term();
        self.postings.offsets.push(self.postings.data.len() as u64);
        self.postings.tf_starts.push(self.postings.tfs.len() as u64);
        self.postings.data.shrink_to_fit();
        self.postings.tfs.shrink_to_fit();
        self.postings
    }
}

impl Postings {
    /// Joins arenas built for consecutive ranges of terms.
    pub fn concat(parts: Vec<Postings>) -> Postings {
        let mut out = Postings::default();
        for part in parts {
            let base = out.data.len() as u64;
            let tf_base = out.tfs.len() as u64;
            let n = part.counts.len();
            out.offsets
                .extend(part.offsets[..n].iter().map(|o| o + base));
            out.tf_starts
                .extend(part.tf_starts[..n].iter().map(|o| o + tf_base));
            out.counts.extend_from_slice(&part.counts);
            out.data.extend_from_slice(&part.data);
            out.tfs.extend_from_slice(&part.tfs);
        }
        out.offsets.push(out.data.len() as u64);
        out.tf_starts.push(out.tfs.len() as u64);
        out
    }

    /// Number of articles containing `term`.
    pub fn count(&self, term: u32) -> u32 {
        self.counts.get(term as usize).copied().unwrap_or(0)
    }

    /// The article numbers of `term`, ascending.
    pub fn iter(&self, term: u32) -> Docs<'_> {
        let t = term as usize;
        let bytes = match (self.offsets.get(t), self.offsets.get(t + 1)) {
            (Some(&a), Some(&b)) => &self.data[a as usize..b as usize],
            _ => &[],
        };
        Docs {
            bytes,
            pos: 0,
            prev: 0,
            started: false,
        }
    }

    /// The article numbers of `term`, ascending, each with its frequency byte.
    pub fn iter_tf(&self, term: u32) -> impl Iterator<Item = (u32, u8)> + '_ {
        let t = term as usize;
        let tfs = match (self.tf_starts.get(t), self.tf_starts.get(t + 1)) {
            (Some(&a), Some(&b)) => &self.tfs[a as usize..b as usize],
            _ => &[],
        };
        self.iter(term).zip(tfs.iter().copied())
    }

    /// The frequency byte of `term` in article `doc` (0 when absent); a scan, for explanations.
    pub fn tf(&self, term: u32, doc: u32) -> u8 {
        self.iter_tf(term)
            .take_while(|&(d, _)| d <= doc)
            .find(|&(d, _)| d == doc)
            .map_or(0, |(_, tf)| tf)
    }

    /// Bytes used.
    pub fn heap_bytes(&self) -> usize {
        self.data.len()
            + self.tfs.len()
            + (self.offsets.len() + self.tf_starts.len()) * 8
            + self.counts.len() * 4
    }
}

/// Iterator over one term's article numbers.
#[derive(Debug, Clone)]
pub struct Docs<'a> {
    bytes: &'a [u8],
    pos: usize,
    prev: u32,
    started: bool,
}

impl Iterator for Docs<'_> {
    type Item = u32;

    fn next(&mut self) -> Option<u32> {
        if self.pos >= self.bytes.len() {
            return None;
        }
        let mut v: u32 = 0;
        let mut shift = 0;
        while let Some(&b) = self.bytes.get(self.pos) {
            self.pos += 1;
            v |= u32::from(b & 0x7f) << shift;
            if b < 0x80 {
                break;
            }
            shift += 7;
        }
        self.prev = if self.started { self.prev + v } else { v };
        self.started = true;
        Some(self.prev)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn push_all(b: &mut PostingsBuilder, docs: &[u32]) {
        for &d in docs {
            b.push(d, tf_byte(d % 1000 + 1, d % 2 == 0));
        }
    }

    #[test]
    fn round_trip_across_terms_and_parts() {
        let mut a = PostingsBuilder::default();
        a.next_term();
        push_all(&mut a, &[0, 5, 300]);
        push_all(&mut a, &[70_000, 70_001]);
        a.next_term();
        a.next_term();
        push_all(&mut a, &[7]);
        let mut b = PostingsBuilder::default();
        b.next_term();
        push_all(&mut b, &[1, 2_000_000]);
        let p = Postings::concat(vec![a.finish(), b.finish()]);
        assert_eq!(p.iter(0).collect::<Vec<_>>(), [0, 5, 300, 70_000, 70_001]);
        assert_eq!(p.count(0), 5);
        assert!(p.iter(1).next().is_none());
        assert_eq!(p.iter(2).collect::<Vec<_>>(), [7]);
        assert_eq!(p.iter(3).collect::<Vec<_>>(), [1, 2_000_000]);
        assert!(p.iter(4).next().is_none());
        assert_eq!(p.count(9), 0);
        let tfs: Vec<(u32, u32, bool)> = p
            .iter_tf(3)
            .map(|(d, b)| (d, tf_of(b), b & LEAD != 0))
            .collect();
        assert_eq!(tfs, [(1, 2, false), (2_000_000, 1, true)]);
        assert_eq!(tf_of(p.tf(0, 300)), 127);
        assert_eq!(tf_of(p.tf(0, 5)), 6);
        assert_eq!(tf_of(tf_byte(500, false)), 127);
        assert_eq!(p.tf(0, 301), 0);
    }
}
