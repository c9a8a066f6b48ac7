//! The word scanner behind [`for_each_word`](super::text::for_each_word): ASCII words found 64 bytes
//! at a time from bit masks, with the character-by-character Unicode rules as the fallback.

use super::text::MAX_TOKEN_BYTES;

/// One normalized word as the scanner found it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Word<'a> {
    /// `text[start..end]`: ASCII letters and digits between two ASCII non-word characters (or
    /// the text's ends), possibly in upper case; lower-cased, it is the word.
    Ascii(usize, usize),
    /// A word that needed the full rules (apostrophes, non-ASCII letters), already normalized.
    Text(&'a str),
}

/// Bytes examined at once.
const BLOCK: usize = 64;

const ONES: u64 = 0x0101_0101_0101_0101;
const HIGH: u64 = 0x8080_8080_8080_8080;

/// The high bit of each byte of `x` (all below 0x80) that lies in `lo..=hi`.
#[inline]
const fn in_range(x: u64, lo: u8, hi: u8) -> u64 {
    let ge = x + (0x80 - lo as u64) * ONES;
    let gt = x + (0x7f - hi as u64) * ONES;
    ge & !gt & HIGH
}

/// Bit `j` of the first mask is set when `block[j]` may belong to a word (an ASCII letter or digit,
/// an apostrophe or any non-ASCII byte); of the second, when it needs the full rules (an apostrophe
/// or a non-ASCII byte). Eight bytes at a time, each byte's verdict in its high bit.
#[inline]
fn block_masks(block: &[u8; BLOCK]) -> (u64, u64) {
    let mut word = 0u64;
    let mut special = 0u64;
    for (k, eight) in block.chunks_exact(8).enumerate() {
        let mut a = [0u8; 8];
        a.copy_from_slice(eight);
        let x = u64::from_le_bytes(a);
        let high = x & HIGH;
        let low = x & !HIGH;
        let alnum = in_range(low | 0x2020_2020_2020_2020, b'a', b'z') | in_range(low, b'0', b'9');
        let sp = high | in_range(low, b'\'', b'\'');
        // Gathers the eight high bits into one byte.
        let gather = |v: u64| (v.wrapping_mul(0x0002_0408_1020_4081) >> 56) << (8 * k);
        word |= gather(alnum | sp);
        special |= gather(sp);
    }
    (word, special)
}

/// Calls `f` with every normalized word of `text`, in order: the words
/// [`for_each_word`](super::text::for_each_word) gives, without copying ASCII ones.
pub(crate) fn scan_words(text: &str, mut f: impl FnMut(Word<'_>)) {
    let bytes = text.as_bytes();
    // For words that need the full rules (allocated only then).
    let mut buf = String::new();
    let mut pos = 0;
    while pos < bytes.len() {
        let avail = (bytes.len() - pos).min(BLOCK);
        let (word, special) = if let Some(block) = bytes.get(pos..pos + BLOCK) {
            let mut a = [0u8; BLOCK];
            a.copy_from_slice(block);
            block_masks(&a)
        } else {
            let mut a = [0u8; BLOCK];
            a[..avail].copy_from_slice(&bytes[pos..]);
            block_masks(&a)
        };
        let more = pos + avail < bytes.len();
        let mut next = pos + avail;
        let mut left = word;
        while left != 0 {
            let start = left.trailing_zeros() as usize;
            let run = (left >> start).trailing_ones() as usize;
            let end = start + run;
            let bits = if run == BLOCK {
                u64::MAX
            } else {
                ((1u64 << run) - 1) << start
            };
            if special & bits != 0 {
                next = slow_token(text, pos + start, &mut buf, &mut f);
                break;
            }
            if end == BLOCK && more {
                // The word may go on past the block: look again from its start.
                next = pos + start;
                break;
            }
            if run <= MAX_TOKEN_BYTES {
                f(Word::Ascii(pos + start, pos + end));
            }
            left &= !bits;
        }
        if next == pos {
            // A run of word bytes filling the whole block.
            next = slow_token(text, pos, &mut buf, &mut f);
        }
        pos = next;
    }
}

/// The character rules alone over the whole text, without the block fast path: the reference the
/// block scanner must match (the scanner as it was before blocks).
#[cfg(test)]
pub(crate) fn scan_words_by_char_rules(text: &str, mut f: impl FnMut(&str)) {
    let mut buf = String::new();
    let mut pos = 0;
    while pos < text.len() {
        pos = slow_token(text, pos, &mut buf, &mut |w: Word<'_>| {
            if let Word::Text(t) = w {
                f(t);
            }
        });
    }
}

/// The full rules from byte `start` (where no word is under way) up to the next point where none
/// is and an ASCII character other than an apostrophe follows (or the text ends); returns that
/// point.
fn slow_token(text: &str, start: usize, buf: &mut String, f: &mut impl FnMut(Word<'_>)) -> usize {
    let bytes = text.as_bytes();
    buf.clear();
    let mut raw_len = 0usize;
    let mut apostrophe: Option<usize> = None;
    let mut emit = |buf: &mut String, raw_len: &mut usize, apostrophe: &mut Option<usize>| {
        if let Some(a) = apostrophe.take()
            && &buf[a..] == "s"
        {
            buf.truncate(a);
        }
        if *raw_len <= MAX_TOKEN_BYTES && !buf.is_empty() {
            f(Word::Text(buf));
        }
        buf.clear();
        *raw_len = 0;
    };
    let next_is_word = |at: usize| -> bool {
        match bytes.get(at) {
            Some(b) if b.is_ascii() => b.is_ascii_alphanumeric(),
            Some(_) => text[at..].chars().next().is_some_and(char::is_alphanumeric),
            None => false,
        }
    };
    let mut i = start;
    while i < bytes.len() {
        let b = bytes[i];
        if raw_len == 0 && i > start && b < 0x80 && b != b'\'' {
            return i;
        }
        if b.is_ascii_alphanumeric() {
            let s = i;
            while i < bytes.len() && bytes[i].is_ascii_alphanumeric() {
                i += 1;
            }
            let at = buf.len();
            buf.push_str(&text[s..i]);
            buf[at..].make_ascii_lowercase();
            raw_len += i - s;
        } else if b < 0x80 {
            if raw_len > 0 {
                if b == b'\'' && next_is_word(i + 1) {
                    apostrophe = Some(buf.len());
                } else {
                    emit(buf, &mut raw_len, &mut apostrophe);
                }
            }
            i += 1;
        } else {
            let ch = text[i..].chars().next().unwrap_or(' ');
            let w = ch.len_utf8();
            if ch.is_alphanumeric() {
                buf.extend(ch.to_lowercase());
                raw_len += w;
            } else if raw_len > 0 {
                if ch == '\u{2019}' && next_is_word(i + w) {
                    apostrophe = Some(buf.len());
                } else {
                    emit(buf, &mut raw_len, &mut apostrophe);
                }
            }
            i += w;
        }
    }
    if raw_len > 0 {
        emit(buf, &mut raw_len, &mut apostrophe);
    }
    bytes.len()
}
