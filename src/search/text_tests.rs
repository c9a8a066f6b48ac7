//! Tests of word normalization, tokenizing and bill-number spellings.

use super::*;

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

#[test]
fn token_scan_stops_at_the_first_break() {
    let text = "O'Rourke’s  Zürich-based MÜLLER's bill, x'";
    let mut all = Vec::new();
    for_each_token(text, |s, e| all.push(&text[s..e]));
    assert_eq!(
        all,
        ["O'Rourke’s", "Zürich", "based", "MÜLLER's", "bill", "x"]
    );
    let mut seen = Vec::new();
    let found = try_each_token(text, |s, e| {
        seen.push(&text[s..e]);
        if text[s..e].starts_with('b') {
            std::ops::ControlFlow::Break(s)
        } else {
            std::ops::ControlFlow::Continue(())
        }
    });
    assert_eq!(
        found,
        std::ops::ControlFlow::Break(text.find("based").unwrap())
    );
    assert_eq!(seen, ["O'Rourke’s", "Zürich", "based"]);
    let none: std::ops::ControlFlow<usize> =
        try_each_token(text, |_, _| std::ops::ControlFlow::Continue(()));
    assert_eq!(none, std::ops::ControlFlow::Continue(()));
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
        crate::search::words::scan_words_by_char_rules(&text, |w| slow.push(w.to_string()));
        assert_eq!(words(&text), slow, "{text:?}");
    }
    let long = format!("{} {}", "A".repeat(200), "ok ".repeat(40));
    let mut slow = Vec::new();
    crate::search::words::scan_words_by_char_rules(&long, |w| slow.push(w.to_string()));
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
