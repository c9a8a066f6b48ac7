//! Interning words while indexing: each word stored once in a string arena, found again through an
//! open-addressing table keyed by the word's own bytes when it is short (most are).

use std::hash::BuildHasher;

use hashbrown::HashTable;
use rustc_hash::FxBuildHasher;

use super::words::Word;

/// Longest word kept inline in a [`Key`].
const KEY_BYTES: usize = 16;

/// A lookup that a key's first two slots did not settle.
const MISSING: u32 = u32::MAX;

/// A word of at most [`KEY_BYTES`] bytes as two little-endian machine words, zero-padded: a word
/// holds no NUL byte, so the key is the word.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub(crate) struct Key(u64, u64);

const ONES: u64 = 0x0101_0101_0101_0101;
const HIGH: u64 = 0x8080_8080_8080_8080;

/// `x` with its ASCII capitals lower-cased (every byte below 0x80).
#[inline]
const fn ascii_lower(x: u64) -> u64 {
    let ge_a = x + (0x80 - b'A' as u64) * ONES;
    let gt_z = x + (0x7f - b'Z' as u64) * ONES;
    x | ((ge_a & !gt_z & HIGH) >> 2)
}

/// Per word length, the bytes of a key's two words that belong to the word.
const LEN_MASKS: [(u64, u64); KEY_BYTES + 1] = {
    let mut t = [(0, 0); KEY_BYTES + 1];
    let mut len = 0;
    while len <= KEY_BYTES {
        t[len] = len_masks(len);
        len += 1;
    }
    t
};

/// The bytes of a key's two words that belong to a word of `len` bytes.
const fn len_masks(len: usize) -> (u64, u64) {
    let lo = if len >= 8 {
        u64::MAX
    } else {
        (1u64 << (8 * len)) - 1
    };
    let hi = if len >= 16 {
        u64::MAX
    } else if len <= 8 {
        0
    } else {
        (1u64 << (8 * (len - 8))) - 1
    };
    (lo, hi)
}

/// Eight bytes as a little-endian word.
#[inline]
fn le(b: &[u8]) -> u64 {
    let mut a = [0u8; 8];
    a.copy_from_slice(b);
    u64::from_le_bytes(a)
}

impl Key {
    /// The key of a word of at most [`KEY_BYTES`] bytes.
    #[inline]
    fn new(word: &[u8]) -> Key {
        let mut a = [0u8; KEY_BYTES];
        a[..word.len()].copy_from_slice(word);
        Key(le(&a[..8]), le(&a[8..]))
    }

    /// The key of `text[start..start + len]` (ASCII letters and digits, `len` at most
    /// [`KEY_BYTES`]) lower-cased, read as two words when the text goes on long enough.
    #[inline]
    fn ascii(text: &[u8], start: usize, len: usize) -> Key {
        let raw = match text.get(start..start + KEY_BYTES) {
            Some(b) => {
                let (lo, hi) = LEN_MASKS[len];
                Key(le(&b[..8]) & lo, le(&b[8..]) & hi)
            }
            None => Key::new(&text[start..start + len]),
        };
        Key(ascii_lower(raw.0), ascii_lower(raw.1))
    }

    /// Equality without a branch.
    #[inline]
    fn same(self, other: Key) -> bool {
        ((self.0 ^ other.0) | (self.1 ^ other.1)) == 0
    }

    /// The word's bytes, zero-padded.
    fn bytes(self) -> [u8; KEY_BYTES] {
        let mut a = [0u8; KEY_BYTES];
        a[..8].copy_from_slice(&self.0.to_le_bytes());
        a[8..].copy_from_slice(&self.1.to_le_bytes());
        a
    }

    /// Length of the word in bytes.
    fn len(self) -> usize {
        if self.1 == 0 {
            8 - self.0.leading_zeros() as usize / 8
        } else {
            16 - self.1.leading_zeros() as usize / 8
        }
    }

    /// No word: a free slot.
    #[inline]
    fn is_empty(self) -> bool {
        self.0 == 0
    }

    /// A folded multiply of the two words.
    #[inline]
    fn hash(self) -> u64 {
        let m =
            u128::from(self.0 ^ 0x243f_6a88_85a3_08d3) * u128::from(self.1 ^ 0x1319_8a2e_0370_7344);
        (m as u64) ^ ((m >> 64) as u64)
    }
}

/// A short word's key, to look up later with others, or a long word's id.
#[derive(Debug, Clone, Copy)]
pub(crate) enum Lookup {
    /// Look it up with [`Interner::ids`].
    Key(Key),
    /// Interned already.
    Id(u32),
}

#[derive(Debug, Clone, Copy, Default)]
struct Slot {
    /// Empty when the slot is free.
    key: Key,
    id: u32,
}

/// Words numbered in order of first sight, each stored once in one string arena.
pub(crate) struct Interner {
    text: String,
    /// Start of each word in `text`, and one past the last.
    starts: Vec<u32>,
    /// The short words: open addressing with linear probing, a power of two long, at most three
    /// quarters full.
    slots: Vec<Slot>,
    used: usize,
    /// The longer words, by their ids.
    long: HashTable<u32>,
}

/// Word `id` of an arena.
fn term_in<'a>(text: &'a str, starts: &[u32], id: u32) -> &'a str {
    let i = id as usize;
    &text[starts[i] as usize..starts[i + 1] as usize]
}

impl Default for Interner {
    fn default() -> Interner {
        Interner {
            text: String::new(),
            starts: vec![0],
            slots: vec![Slot::default(); 1 << 12],
            used: 0,
            long: HashTable::new(),
        }
    }
}

impl Interner {
    /// Number of words.
    pub fn len(&self) -> usize {
        self.starts.len() - 1
    }

    /// Word `id`.
    pub fn term(&self, id: u32) -> &str {
        term_in(&self.text, &self.starts, id)
    }

    /// The key of a word of `text` as [`scan_words`](super::words::scan_words) gave it, or the id
    /// of a long one, interned now.
    #[inline]
    pub fn key_or_id(&mut self, text: &str, word: Word<'_>) -> Lookup {
        match word {
            Word::Ascii(s, e) if e - s <= KEY_BYTES => {
                Lookup::Key(Key::ascii(text.as_bytes(), s, e - s))
            }
            Word::Ascii(s, e) => {
                let mut buf = [0u8; 64];
                let lower = &mut buf[..(e - s).min(64)];
                lower.copy_from_slice(&text.as_bytes()[s..s + lower.len()]);
                lower.make_ascii_lowercase();
                Lookup::Id(self.long_word(std::str::from_utf8(lower).unwrap_or_default()))
            }
            Word::Text(t) => self.key_or_id_of(t),
        }
    }

    /// Like [`key_or_id`](Self::key_or_id) for a normalized word.
    #[inline]
    pub fn key_or_id_of(&mut self, word: &str) -> Lookup {
        if word.len() <= KEY_BYTES {
            Lookup::Key(Key::new(word.as_bytes()))
        } else {
            Lookup::Id(self.long_word(word))
        }
    }

    /// Appends the ids of `keys` to `ids`, adding new words. A key's first two slots are read
    /// without branching on what they hold, so that the processor overlaps the cache misses of
    /// many lookups; the few keys found in neither are looked up again afterwards.
    #[inline]
    pub fn ids(&mut self, keys: &[Key], ids: &mut Vec<u32>) {
        let start = ids.len();
        let mask = self.slots.len() - 1;
        ids.extend(keys.iter().map(|&key| {
            let i = key.hash() as usize & mask;
            let (a, b) = (self.slots[i], self.slots[(i + 1) & mask]);
            let id = std::hint::select_unpredictable(b.key.same(key), b.id, MISSING);
            std::hint::select_unpredictable(a.key.same(key), a.id, id)
        }));
        for (id, &key) in ids[start..].iter_mut().zip(keys) {
            if *id == MISSING {
                *id = self.probe(key);
            }
        }
    }

    /// The id of `key`, added when new.
    #[inline(never)]
    fn probe(&mut self, key: Key) -> u32 {
        let mask = self.slots.len() - 1;
        let mut i = key.hash() as usize & mask;
        loop {
            let slot = self.slots[i];
            if slot.key == key {
                return slot.id;
            }
            if slot.key.is_empty() {
                break;
            }
            i = (i + 1) & mask;
        }
        let id = self.len() as u32;
        let bytes = key.bytes();
        // A key holds whole characters: it was made from a `str`.
        self.text
            .push_str(std::str::from_utf8(&bytes[..key.len()]).unwrap_or_default());
        self.starts.push(self.text.len() as u32);
        self.slots[i] = Slot { key, id };
        self.used += 1;
        if self.used * 4 > self.slots.len() * 3 {
            self.grow();
        }
        id
    }

    /// Doubles the table.
    fn grow(&mut self) {
        let size = self.slots.len() * 2;
        let old = std::mem::replace(&mut self.slots, vec![Slot::default(); size]);
        let mask = size - 1;
        for slot in old.into_iter().filter(|s| !s.key.is_empty()) {
            let mut i = slot.key.hash() as usize & mask;
            while !self.slots[i].key.is_empty() {
                i = (i + 1) & mask;
            }
            self.slots[i] = slot;
        }
    }

    /// The id of a word longer than a key, added when new.
    fn long_word(&mut self, word: &str) -> u32 {
        let hash = FxBuildHasher.hash_one(word);
        let (text, starts) = (&self.text, &self.starts);
        if let Some(&id) = self
            .long
            .find(hash, |&id| term_in(text, starts, id) == word)
        {
            return id;
        }
        let id = self.len() as u32;
        self.text.push_str(word);
        self.starts.push(self.text.len() as u32);
        let (text, starts) = (&self.text, &self.starts);
        self.long.insert_unique(hash, id, |&id| {
            FxBuildHasher.hash_one(term_in(text, starts, id))
        });
        id
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_are_the_words_lower_cased() {
        let text = "Massie MASSIE massie x HR1234 abcdefghijklmnop";
        let mut v = Interner::default();
        let mut keys = Vec::new();
        for (s, e) in [(0, 6), (7, 13), (14, 20), (21, 22), (23, 29), (30, 46)] {
            match v.key_or_id(text, Word::Ascii(s, e)) {
                Lookup::Key(k) => keys.push(k),
                Lookup::Id(_) => panic!("short words have keys"),
            }
        }
        // The last word ends the text: its key is read without reading past it.
        assert_eq!(keys[5], Key::new(b"abcdefghijklmnop"));
        assert_eq!(keys[0], Key::new(b"massie"));
        let mut ids = Vec::new();
        v.ids(&keys, &mut ids);
        assert_eq!(ids, [0, 0, 0, 1, 2, 3]);
        assert_eq!(
            (0..v.len() as u32).map(|i| v.term(i)).collect::<Vec<_>>(),
            ["massie", "x", "hr1234", "abcdefghijklmnop"]
        );
    }

    #[test]
    fn many_short_and_long_words_keep_their_ids() {
        let mut v = Interner::default();
        let words: Vec<String> = (0..20_000)
            .map(|i| match i % 3 {
                0 => format!("w{i}"),
                1 => format!("zürich{i}"),
                _ => format!("a-very-long-word-indeed-{i}"),
            })
            .collect();
        for round in 0..2 {
            let mut got = Vec::new();
            for w in &words {
                let id = match v.key_or_id_of(w) {
                    Lookup::Key(k) => {
                        let mut ids = Vec::new();
                        v.ids(&[k], &mut ids);
                        ids[0]
                    }
                    Lookup::Id(id) => id,
                };
                got.push(id);
            }
            assert!(
                got.iter().enumerate().all(|(i, &id)| id == i as u32),
                "round {round}"
            );
        }
        assert_eq!(v.len(), words.len());
        assert!(words.iter().enumerate().all(|(i, w)| v.term(i as u32) == w));
    }
}
