//! Ordinals written in figures and in words ("2nd" and "second", "25th" and "twenty-fifth"): one word in a query.

/// The ordinals from first to nineteenth.
const UNITS: [&str; 19] = [
    "first",
    "second",
    "third",
    "fourth",
    "fifth",
    "sixth",
    "seventh",
    "eighth",
    "ninth",
    "tenth",
    "eleventh",
    "twelfth",
    "thirteenth",
    "fourteenth",
    "fifteenth",
    "sixteenth",
    "seventeenth",
    "eighteenth",
    "nineteenth",
];

/// The tens from twenty: as the first part of a compound ordinal and, with "ieth", alone.
const TENS: [&str; 8] = [
    "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety",
];

/// The same ordinal written the other way, as the index has it: "2nd" for "second" and back;
/// from 20 on, the words of a hyphenated ordinal written solid ("twentyfifth", as the index
/// also holds "twenty-fifth"). `None` for any other word and above 99.
pub(crate) fn other(word: &str) -> Option<String> {
    if word.starts_with(|c: char| c.is_ascii_digit()) {
        return spelled(figures(word)?);
    }
    if let Some(i) = UNITS.iter().position(|u| *u == word) {
        return Some(written(i as u32 + 1));
    }
    TENS.iter().zip(2u32..).find_map(|(tens, t)| {
        let rest = word.strip_prefix(tens.trim_end_matches('y'))?;
        if rest == "ieth" {
            return Some(written(t * 10));
        }
        let unit = UNITS[..9]
            .iter()
            .position(|u| Some(*u) == rest.strip_prefix('y'))?;
        Some(written(t * 10 + unit as u32 + 1))
    })
}

/// The number of an ordinal in figures with its right ending ("2nd": 2; "2th", "02nd": none).
fn figures(word: &str) -> Option<u32> {
    let digits = word.find(|c: char| !c.is_ascii_digit())?;
    let (n, ending) = word.split_at(digits);
    let n: u32 = n.parse().ok().filter(|_| !n.starts_with('0'))?;
    (written(n) == format!("{n}{ending}")).then_some(n)
}

/// `n` in figures with its ending: 1st, 2nd, 3rd, 4th, 11th, 12th, 13th, 21st.
fn written(n: u32) -> String {
    format!("{n}{}", crate::extract::ordinal_suffix(n))
}

/// `n` (1 to 99) in words, written solid: "fifth", "twentieth", "twentyfifth".
fn spelled(n: u32) -> Option<String> {
    match n {
        1..=19 => Some(UNITS[n as usize - 1].to_string()),
        20..=99 => {
            let tens = TENS[(n / 10 - 2) as usize];
            Some(match n % 10 {
                0 => format!("{}ieth", tens.trim_end_matches('y')),
                u => format!("{tens}{}", UNITS[u as usize - 1]),
            })
        }
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn figures_and_words_both_ways() {
        assert_eq!(other("2nd").as_deref(), Some("second"));
        assert_eq!(other("second").as_deref(), Some("2nd"));
        assert_eq!(other("1st").as_deref(), Some("first"));
        assert_eq!(other("5th").as_deref(), Some("fifth"));
        assert_eq!(other("12th").as_deref(), Some("twelfth"));
        assert_eq!(other("22nd").as_deref(), Some("twentysecond"));
        assert_eq!(other("twentyfifth").as_deref(), Some("25th"));
        assert_eq!(other("40th").as_deref(), Some("fortieth"));
        assert_eq!(other("twentieth").as_deref(), Some("20th"));
        assert_eq!(other("11th").as_deref(), Some("eleventh"));
    }

    #[test]
    fn other_words_and_wrong_endings_have_none() {
        for w in [
            "2th",
            "1nd",
            "02nd",
            "100th",
            "2",
            "nd",
            "amendment",
            "seconds",
            "12st",
            "",
        ] {
            assert_eq!(other(w), None, "{w}");
        }
    }
}
