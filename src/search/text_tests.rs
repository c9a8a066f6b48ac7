//! Tests of word normalization, tokenizing and bill-number spellings.

use super::*;

/// The word scanner as it was before the block-at-a-time one (kept as the reference it must match).
fn reference_for_each_word(text: &str, mut f: impl FnMut(&str)) {
    let bytes = text.as_bytes();
    let mut buf = String::with_capacity(64);
    let mut raw_len = 0usize;
    let mut apostrophe: Option<usize> = None;
    let emit = |f: &mut dyn FnMut(&str),
                buf: &mut String,
                raw_len: &mut usize,
                apostrophe: &mut Option<usize>| {
        if let Some(a) = apostrophe.take()
            && &buf[a..] == "s"
        {
            buf.truncate(a);
        }
        if *raw_len <= MAX_TOKEN_BYTES && !buf.is_empty() {
            f(buf);
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
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        if b.is_ascii_alphanumeric() {
            // A run of ASCII letters and digits, copied in one go (or not at all when it is
            // already lower case and a whole word).
            let start = i;
            let mut upper = false;
            while i < bytes.len() && bytes[i].is_ascii_alphanumeric() {
                upper |= bytes[i].is_ascii_uppercase();
                i += 1;
            }
            let whole = raw_len == 0
                && match bytes.get(i) {
                    None => true,
                    Some(&c) => c < 0x80 && c != b'\'',
                };
            if whole && !upper {
                if i - start <= MAX_TOKEN_BYTES {
                    f(&text[start..i]);
                }
                continue;
            }
            let at = buf.len();
            buf.push_str(&text[start..i]);
            if upper {
                buf[at..].make_ascii_lowercase();
            }
            raw_len += i - start;
        } else if b < 0x80 {
            if raw_len > 0 {
                if b == b'\'' && next_is_word(i + 1) {
                    apostrophe = Some(buf.len());
                } else {
                    emit(&mut f, &mut buf, &mut raw_len, &mut apostrophe);
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
                    emit(&mut f, &mut buf, &mut raw_len, &mut apostrophe);
                }
            }
            i += w;
        }
    }
    if raw_len > 0 {
        emit(&mut f, &mut buf, &mut raw_len, &mut apostrophe);
    }
}

fn keys(text: &str) -> Vec<String> {
    find_bills(text).into_iter().map(|m| m.key).collect()
}

#[test]
fn tokens_keep_inner_apostrophes() {
    assert_eq!(
        words("O'Rourke and Massie's bill"),
        ["orourke", "and", "massie", "bill"]
    );
    assert_eq!(words("Ocasio-Cortez, 2025"), ["ocasio", "cortez", "2025"]);
    assert_eq!(words("Zürich’s MÜLLER"), ["zürich", "müller"]);
    assert!(words("  ,, ").is_empty());
}

#[test]
fn one_pass_words_match_tokens() {
    let text = "O'Rourke’s  Zürich-based MÜLLER's 'quoted' it's x'";
    let mut slow = Vec::new();
    let mut buf = String::new();
    for_each_token(text, |s, e| {
        if normalize_token(&text[s..e], &mut buf) {
            slow.push(buf.clone());
        }
    });
    assert_eq!(words(text), slow);
    let long = "a".repeat(MAX_TOKEN_BYTES + 1);
    assert_eq!(words(&format!("{long} ok")), ["ok"]);
}

/// A small xorshift generator, so the random texts are the same on every run.
struct Rng(u64);

impl Rng {
    fn below(&mut self, n: usize) -> usize {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        (self.0 % n as u64) as usize
    }
}

/// Pieces that exercise every rule: capitals, digits, both apostrophes, non-ASCII letters (some
/// growing when lower-cased), non-ASCII punctuation, and runs longer than a token or a block.
const PIECES: &[&str] = &[
    "massie",
    "Massie",
    "MASSIE",
    "hr",
    "1234",
    "H.R.",
    " ",
    " ",
    " ",
    "  ",
    ",",
    ".",
    "-",
    "\n",
    "'",
    "\u{2019}",
    "'s",
    "\u{2019}s",
    "O'",
    "Rourke",
    "Zürich",
    "MÜLLER",
    "İstanbul",
    "ß",
    "Ωmega",
    "中文",
    "\u{201c}",
    "\u{201d}",
    "\u{2014}",
    "é",
    "x",
    "a",
    "0",
    "\t",
    "#",
    "\u{0}",
    "abcdefghijklmnopqrstuvwxyz0123456789abcdefghij",
    "Supercalifragilisticexpialidocious",
];

fn random_text(rng: &mut Rng, pieces: usize) -> String {
    (0..pieces)
        .map(|_| PIECES[rng.below(PIECES.len())])
        .collect()
}

#[test]
fn block_scanner_matches_the_reference_on_random_text() {
    let mut rng = Rng(0x5eed);
    for round in 0..3000 {
        // Lengths around the 64-byte blocks and well past them.
        let text = random_text(&mut rng, 1 + round % 90);
        let mut slow = Vec::new();
        reference_for_each_word(&text, |w| slow.push(w.to_string()));
        assert_eq!(words(&text), slow, "{text:?}");
    }
    let long = format!("{} {}", "A".repeat(200), "ok ".repeat(40));
    let mut slow = Vec::new();
    reference_for_each_word(&long, |w| slow.push(w.to_string()));
    assert_eq!(words(&long), slow);
}

#[test]
fn bills_in_every_spelling() {
    assert_eq!(
        keys("H.R. 1234 and H.R.1234 and HR 1234 and HR1234"),
        ["hr1234"; 4]
    );
    assert_eq!(keys("H. R. 1234"), ["hr1234"]);
    assert_eq!(keys("S. 744, S.744 and S 744"), ["s744"; 3]);
    assert_eq!(
        keys("H.Res. 7, S.J.Res. 3, H.Con.Res. 1"),
        ["hres7", "sjres3", "hconres1"]
    );
    assert_eq!(keys("Pub. L. 117-58 and P.L. 117-58"), ["pl117-58"; 2]);
}

#[test]
fn not_bills() {
    assert!(keys("the U.S. 2016 election, U.S. 40 and 341 U.S. 494").is_empty());
    assert!(keys("it's 5 o'clock; hr 12 lower case").is_empty());
    assert!(keys("Section 5 of the act").is_empty());
    assert!(keys("IT'S 5 AM, HR 12th, HRC 5, P.L. 117").is_empty());
    assert_eq!(keys("(H.R. 1234)."), ["hr1234"]);
}

#[test]
fn bill_display_and_keys() {
    assert_eq!(bill_display("hr1234"), "H.R. 1234");
    assert_eq!(bill_display("sjres3"), "S.J.Res. 3");
    assert_eq!(bill_number_key("H.R. 3684").as_deref(), Some("hr3684"));
    assert_eq!(
        bill_number_key("Pub. L. 117-58").as_deref(),
        Some("pl117-58")
    );
    assert_eq!(bill_number_key("Affordable Care Act"), None);
}

#[test]
fn ranges_merge() {
    assert_eq!(indexes_to_ranges(&[0, 1, 2, 5], 0), [[0, 3], [5, 6]]);
    assert_eq!(indexes_to_ranges(&[1], 10), [[11, 12]]);
    assert_eq!(char_offset("é a", 3), 2);
}
