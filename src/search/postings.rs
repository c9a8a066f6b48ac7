//! Compact postings: per term, the ascending article numbers as delta-encoded varints in one arena.

/// Appends `v` as a LEB128 varint.
pub fn put_varint(out: &mut Vec<u8>, mut v: u32) {
    while v >= 0x80 {
        out.push((v as u8) | 0x80);
        v >>= 7;
    }
    out.push(v as u8);
}

/// Every term's postings in one arena.
#[derive(Debug, Default, Clone)]
pub struct Postings {
    data: Vec<u8>,
    /// Start of each term's bytes; one extra entry at the end.
    offsets: Vec<u64>,
    /// Number of articles per term.
    counts: Vec<u32>,
}

/// Builds [`Postings`] term by term, in term order.
#[derive(Debug, Default)]
pub struct PostingsBuilder {
    postings: Postings,
    last: Option<u32>,
}

impl PostingsBuilder {
    /// Appends an article number to the current term (larger than the term's previous ones).
    pub fn push(&mut self, doc: u32) {
        let delta = match self.last {
            None => doc,
            Some(last) => doc - last,
        };
        put_varint(&mut self.postings.data, delta);
        self.last = Some(doc);
        if let Some(c) = self.postings.counts.last_mut() {
            *c += 1;
        }
    }

    /// Starts the next term.
    pub fn next_term(&mut self) {
        self.postings.offsets.push(self.postings.data.len() as u64);
        self.postings.counts.push(0);
        self.last = None;
    }

    /// Finishes the arena.
    pub fn finish(mut self) -> Postings {
        self.postings.offsets.push(self.postings.data.len() as u64);
        self.postings.data.shrink_to_fit();
        self.postings
    }
}

impl Postings {
    /// Joins arenas built for consecutive ranges of terms.
    pub fn concat(parts: Vec<Postings>) -> Postings {
        let mut out = Postings::default();
        for part in parts {
            let base = out.data.len() as u64;
            let n = part.counts.len();
            out.offsets
                .extend(part.offsets[..n].iter().map(|o| o + base));
            out.counts.extend_from_slice(&part.counts);
            out.data.extend_from_slice(&part.data);
        }
        out.offsets.push(out.data.len() as u64);
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

    /// Bytes used.
    pub fn heap_bytes(&self) -> usize {
        self.data.len() + self.offsets.len() * 8 + self.counts.len() * 4
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
            b.push(d);
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
    }
}
