//! Random inputs: JSON values and documents, article records, JSON Lines, byte mutations, news-like text, queries.

use std::fmt::Write as _;

/// A small deterministic generator (xorshift64*), so a seed replays a case exactly.
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Rng {
        Rng(seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1)
    }
    pub fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }
    /// A number below `n` (0 when `n` is 0).
    pub fn below(&mut self, n: usize) -> usize {
        if n == 0 {
            0
        } else {
            (self.next() % n as u64) as usize
        }
    }
    pub fn chance(&mut self, percent: usize) -> bool {
        self.below(100) < percent
    }
    pub fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }
}

/// Pieces of text that stress the loader, the sanitizer and the extractor.
const PIECES: &[&str] = &[
    "Sen. Mitch McConnell (R-Ky.)",
    "Rep. Alexandria Ocasio-Cortez, D-N.Y.,",
    "Speaker Nancy Pelosi",
    "Massie",
    "H.R. 1234",
    "S. 5",
    "HR3684",
    "Pub. L. 117-58",
    "H.J.Res. 3",
    "the Laken Riley Act",
    "the For the People Act",
    "introduced legislation aimed at ending the program",
    "cosponsored by Sens. Mike Lee and Joni Ernst",
    "the bill, S. 2938,",
    "known as the",
    "Mr O'Rourke",
    "O\u{2019}Rourke",
    "Sir Alan",
    "in May",
    "May 5",
    "\u{1b}[31m",
    "\u{1b}]0;pwned\u{7}",
    "\u{9b}2J",
    "\u{202e}",
    "\u{200b}",
    "\u{feff}",
    "\t",
    "\r\n",
    "\n\n",
    "🇺🇸🇬🇧",
    "❤️",
    "👍🏽",
    "e\u{301}",
    "中文",
    "&amp;",
    "<p>",
    "</p>",
    "<b>bold</b>",
    "<script>",
    "\\",
    "\"",
    "'",
    "\u{0}",
    "\u{7f}",
    "\u{fffd}",
    "Jr.",
    "III",
    "(",
    ")",
    ",",
    ".",
    ";",
    " ",
    " ",
    " ",
    "and",
    "the",
    "said",
];

/// News-like text of about `len` pieces.
pub fn text(rng: &mut Rng, len: usize) -> String {
    let mut s = String::new();
    for _ in 0..len {
        let piece: &str = PIECES[rng.below(PIECES.len())];
        s.push_str(piece);
        if rng.chance(60) {
            s.push(' ');
        }
        if rng.chance(3) {
            s.push(char::from_u32(rng.below(0x3_0000) as u32).unwrap_or('x'));
        }
    }
    s
}

/// A JSON string literal of random text (escaped as `serde_json` does, sometimes with raw escapes).
fn string(rng: &mut Rng) -> String {
    let n = rng.below(12);
    let raw = text(rng, n);
    let mut s = serde_json::to_string(&raw).unwrap_or_else(|_| "\"\"".into());
    if rng.chance(5) {
        s.insert_str(1, r"\u00e9\ud83c\udf89\n\t\\\/");
    }
    s
}

/// Numbers at and past the edges.
const NUMBERS: &[&str] = &[
    "0",
    "-0",
    "1",
    "-1",
    "1e400",
    "-1e400",
    "1.5",
    "1e-400",
    "18446744073709551616",
    "-9223372036854775809",
    "1700000000",
    "1700000000000",
    "2020",
    "3.0e2",
];

/// A random JSON value, at most `depth` levels of arrays and objects deep.
pub fn value(rng: &mut Rng, depth: usize) -> String {
    let kind = if depth == 0 {
        rng.below(4)
    } else {
        rng.below(7)
    };
    match kind {
        0 => "null".into(),
        1 => (*rng.pick(&["true", "false"])).into(),
        2 => (*rng.pick(NUMBERS)).into(),
        3 => string(rng),
        4 | 5 => {
            let n = rng.below(4);
            let items: Vec<String> = (0..n).map(|_| value(rng, depth - 1)).collect();
            format!("[{}]", items.join(","))
        }
        _ => {
            let n = rng.below(4);
            let keys = ["name", "title", "value", "text", "#text", "y", "a"];
            let items: Vec<String> = (0..n)
                .map(|_| format!("{:?}:{}", rng.pick(&keys), value(rng, depth - 1)))
                .collect();
            format!("{{{}}}", items.join(","))
        }
    }
}

/// Keys the loader maps, and some it does not.
const KEYS: &[&str] = &[
    "title",
    "headline",
    "body",
    "content",
    "content_original",
    "text",
    "date",
    "published",
    "pubDate",
    "authors",
    "author",
    "byline",
    "url",
    "link",
    "source",
    "source.name",
    "tags",
    "id",
    "ID",
    "extra",
    "Title",
];

/// An article-like record: mapped keys with plausible or random values; sometimes nested very deep.
pub fn record(rng: &mut Rng) -> String {
    let mut fields = Vec::new();
    for _ in 0..rng.below(7) {
        let key = *rng.pick(KEYS);
        let val = match rng.below(5) {
            0 => value(rng, 3),
            1 if key.contains("date") || key == "published" => (*rng.pick(&[
                "\"2024-03-05\"",
                "\"March 5, 2024\"",
                "1e400",
                "{\"y\": 2020}",
                "\"05/03/2024\"",
            ]))
            .to_string(),
            _ => string(rng),
        };
        fields.push(format!("{key:?}: {val}"));
    }
    if rng.chance(3) {
        let depth = *rng.pick(&[100, 127, 128, 129, 300, 2000]);
        let deep = format!("{}\"x\"{}", "{\"name\": ".repeat(depth), "}".repeat(depth));
        fields.push(format!("\"title\": {deep}"));
    }
    format!("{{{}}}", fields.join(", "))
}

/// A whole document: an array, a wrapper, one record, JSON Lines, or text.
pub fn document(rng: &mut Rng) -> String {
    let n = rng.below(6);
    let records: Vec<String> = (0..n).map(|_| record(rng)).collect();
    match rng.below(6) {
        0 => format!("[{}]", records.join(",\n")),
        1 => format!("{{\"articles\": [{}]}}", records.join(",")),
        2 => format!("{{\"response\": {{\"docs\": [{}]}}}}", records.join(",")),
        3 => record(rng),
        4 => {
            let mut lines = records.join("\n");
            if rng.chance(50) {
                lines.push_str("\nnot json\n\n{\"title\": ");
            }
            lines
        }
        _ => format!(
            "[{}]",
            (0..n).map(|_| value(rng, 4)).collect::<Vec<_>>().join(",")
        ),
    }
}

/// Mutates bytes: flips, inserts, deletes, duplicates and truncates.
pub fn mutate(rng: &mut Rng, bytes: &mut Vec<u8>) {
    for _ in 0..=rng.below(4) {
        let len = bytes.len();
        match rng.below(6) {
            0 if len > 0 => bytes[rng.below(len)] ^= 1 << rng.below(8),
            1 => {
                let b = *rng.pick(b"[]{}\",:\\\n 0e-\x00\xff\xc3");
                bytes.insert(rng.below(len + 1), b);
            }
            2 if len > 0 => {
                let at = rng.below(len);
                bytes.drain(at..(at + rng.below(8)).min(len));
            }
            3 if len > 0 => {
                let at = rng.below(len);
                let piece = bytes[at..(at + rng.below(32)).min(len)].to_vec();
                let to = rng.below(len + 1);
                bytes.splice(to..to, piece);
            }
            4 => bytes.truncate(rng.below(len + 1)),
            _ => {}
        }
    }
}

/// A query: words, numbers, phrases, exclusions, qualifiers (known and not), dates, URLs and junk.
pub fn query(rng: &mut Rng) -> String {
    const PARTS: &[&str] = &[
        "massie",
        "pelosy",
        "hr",
        "1234",
        "h.r.",
        "s.",
        "5",
        "\"",
        "\"laken riley\"",
        "-",
        "-nato",
        "person:",
        "bill:",
        "source:",
        "title:",
        "after:",
        "before:",
        "after:2025-01",
        "before:2024",
        "after:2025-13-40",
        "Analysis:",
        "https://example.com/a?b=c",
        ":",
        "::",
        "é",
        "中",
        "🇺🇸",
        "\u{0}",
        "\u{1b}[2J",
        " ",
        "  ",
        "-\"",
        "person:\"o'rourke\"",
        "bill:\"hr 1\"",
    ];
    let mut q = String::new();
    for _ in 0..rng.below(8) {
        let part: &str = PARTS[rng.below(PARTS.len())];
        q.push_str(part);
        if rng.chance(50) {
            q.push(' ');
        }
    }
    if rng.chance(5) {
        let _ = write!(q, "{}", "x".repeat(rng.below(5000)));
    }
    q
}
