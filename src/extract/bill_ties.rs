//! Evidence that a bill's number and its name are one bill beyond their being side by side: words that say what
//! a bill is called, coordinated lists in the same order, the same sponsor, and a name's year in the number's
//! Congress.

use super::story_bills::{StoryBills, between};
use super::{acts, number};

/// Words that join two names of one bill: "H.R. 1 (the For the People Act)", "... Act, or HR 1", "H.R. 1, which
/// is formally titled the ...", "the ... Act, designated H.R. 1": words that say what a bill is called, after
/// words that only lead up to them ("which is", "also", "officially").
pub fn same_bill_words(b: &str) -> bool {
    let mut words: Vec<&str> = b.split(' ').filter(|w| !w.is_empty()).collect();
    if words.last() == Some(&"the") {
        words.pop();
    }
    let lead = words
        .iter()
        .take_while(|w| NAMING_LEADS.contains(w))
        .count();
    let rest = words[lead..].join(" ");
    NAMING.contains(&rest.as_str())
}

/// Words that may lead up to a bill's other name ("which is formally titled").
const NAMING_LEADS: &[&str] = &[
    "also",
    "which",
    "is",
    "was",
    "formally",
    "officially",
    "better",
    "more",
    "commonly",
    "popularly",
    "otherwise",
    "the",
];

/// Words that give a bill's other name.
const NAMING: &[&str] = &[
    "",
    "or",
    "or simply",
    "known as",
    "known in the house as",
    "known in the senate as",
    "dubbed",
    "called",
    "so called",
    "aka",
    "titled",
    "entitled",
    "named",
    "designated",
    "numbered",
    "labeled",
    "labelled",
    "referred to as",
    "short for",
];

/// "H.R. 1 passed in March. The bill, known as the For the People Act, ...": a name in apposition to "the bill"
/// (or "the measure", "the legislation") names the latest number before it, when neither has its other half yet.
pub fn join_named_anaphora(
    text: &str,
    numbers: &[number::Number],
    named: &[acts::Named],
    bills: &mut StoryBills,
) {
    // Numbers come in text order; names are ordered by start here (both found by one scan each).
    let mut by_start: Vec<&acts::Named> = named.iter().collect();
    by_start.sort_by_key(|a| a.start);
    for a in named {
        let Some(words) = apposition_to_bill(&text[..a.start]) else {
            continue;
        };
        let limit = a.start.saturating_sub(words);
        // The latest number ending before the words, within a few sentences.
        let k = numbers.partition_point(|n| n.end <= limit);
        let Some(n) = k.checked_sub(1).map(|k| &numbers[k]) else {
            continue;
        };
        if a.start - n.end > ANAPHORA_REACH {
            continue;
        }
        // No other name between.
        let from = by_start.partition_point(|o| o.start <= n.end);
        if by_start[from..].iter().any(|o| o.end <= limit) {
            continue;
        }
        if let (Some(ni), Some(ai)) = (bills.index_of(&n.key), bills.index_of(&a.key))
            && ni != ai
            && bare_number(bills, ni)
            && bare_name(bills, ai)
        {
            bills.merge(ai, ni);
        }
    }
}

/// The most bare numbers or names a story may have for [`join_by_evidence`] to look at.
const MAX_BARE: usize = 32;

/// How far back a "the bill, known as ..." looks for its number, in bytes.
const ANAPHORA_REACH: usize = 400;

/// When `before` (the text up to a name) ends with "the bill, known as the" or "The measure, dubbed": the length
/// of those words.
fn apposition_to_bill(before: &str) -> Option<usize> {
    let tail_start = before.len().saturating_sub(MAX_BETWEEN_WORDS);
    let tail_start = (tail_start..=before.len()).find(|&i| before.is_char_boundary(i))?;
    let tail = &before[tail_start..];
    let cut = tail.rfind(['.', ';', '\n']).map_or(0, |i| i + 1);
    let clause = tail[cut..].to_lowercase();
    let clause = clause.trim_end_matches([' ', '"', '\u{201c}', '\'', '\u{2018}']);
    let (head, naming) = clause.split_once(',')?;
    let head = head.trim();
    let refers = ["bill", "measure", "legislation"].iter().any(|w| {
        head.strip_suffix(w).is_some_and(|h| {
            let h = h.trim_end();
            ["the", "this", "that", "his", "her", "their", "a"]
                .iter()
                .any(|d| h == *d || h.ends_with(&format!(" {d}")))
        })
    });
    let naming = naming.trim();
    let naming_ok = naming.is_empty() || naming == "the" || same_bill_words(naming);
    (refers && naming_ok).then(|| before.len() - tail_start - cut)
}

/// The longest "the bill, which is also known as the" looked at before a name, in bytes.
const MAX_BETWEEN_WORDS: usize = 60;

/// Whether bill `i` has a number and no name yet, and is not a companion of another.
fn bare_number(bills: &StoryBills, i: usize) -> bool {
    let b = &bills.list[i].bill;
    b.number.is_some() && b.title.is_none() && b.companion_of.is_none() && b.chamber.is_some()
}

/// Whether bill `i` has a name and no number, and is not a companion of another.
fn bare_name(bills: &StoryBills, i: usize) -> bool {
    let b = &bills.list[i].bill;
    b.title.is_some() && b.number.is_none() && b.companion_of.is_none() && !b.key.is_empty()
}

/// Runs of two or more items where each follows the one before with only `joins` words between ("A and B",
/// "A, B and C"), as index lists into the items (given by their spans).
fn runs(text: &str, spans: &[(usize, usize)], joins: &[&str]) -> Vec<Vec<usize>> {
    let mut order: Vec<usize> = (0..spans.len()).collect();
    order.sort_by_key(|&i| spans[i].0);
    let mut out: Vec<Vec<usize>> = Vec::new();
    let mut run: Vec<usize> = Vec::new();
    for &i in &order {
        let joined = run.last().is_some_and(|&j| {
            between(text, spans[j].1, spans[i].0).is_some_and(|b| joins.contains(&b.as_str()))
        });
        if !joined {
            if run.len() >= 2 {
                out.push(std::mem::take(&mut run));
            }
            run.clear();
        }
        run.push(i);
    }
    if run.len() >= 2 {
        out.push(run);
    }
    out
}

/// "passed the A Act and the B Act ... bring H.R. 8 and H.R. 1112 to a vote": the one list of names and the
/// one list of numbers of a story, of the same length and none of them tied yet, name each other in order.
pub fn join_coordinated(
    text: &str,
    numbers: &[number::Number],
    named: &[acts::Named],
    bills: &mut StoryBills,
) {
    let number_spans: Vec<(usize, usize)> = numbers.iter().map(|n| (n.start, n.end)).collect();
    let name_spans: Vec<(usize, usize)> = named.iter().map(|n| (n.start, n.end)).collect();
    let number_runs = runs(text, &number_spans, &["and", "or"]);
    let name_runs = runs(
        text,
        &name_spans,
        &["and", "and the", "or", "or the", "the", ""],
    );
    let ([nums], [words]) = (number_runs.as_slice(), name_runs.as_slice()) else {
        return;
    };
    if nums.len() != words.len() {
        return;
    }
    let pairs: Option<Vec<(usize, usize)>> = nums
        .iter()
        .zip(words)
        .map(|(&n, &a)| {
            let ni = bills.index_of(&numbers[n].key)?;
            let ai = bills.index_of(&named[a].key)?;
            (bare_number(bills, ni) && bare_name(bills, ai)).then_some((ni, ai))
        })
        .collect();
    let Some(pairs) = pairs else { return };
    let mut seen: Vec<usize> = pairs.iter().flat_map(|&(n, a)| [n, a]).collect();
    seen.sort_unstable();
    seen.dedup();
    if seen.len() != pairs.len() * 2 {
        return;
    }
    for (ni, ai) in pairs {
        bills.merge(ai, ni);
    }
}

/// The years of a Congress ("hr3350-113": 2013 and 2014).
fn congress_years(key: &str) -> Option<(i32, i32)> {
    let c: i32 = key.rsplit_once('-')?.1.parse().ok()?;
    let first = 1789 + 2 * (c - 1);
    Some((first, first + 1))
}

/// The year a name ends with ("Keep Your Health Plan Act of 2013").
fn year_of(title: &str) -> Option<i32> {
    let last = title.rsplit(' ').next()?;
    (last.len() == 4 && last.bytes().all(|b| b.is_ascii_digit()))
        .then(|| last.parse().ok())
        .flatten()
}

/// After every other rule: a story's one bare number and one bare name are one bill when the text ties them by
/// who brought them (the same sponsor) or by when (the name's year is in the number's Congress: "the Keep Your
/// Health Plan Act of 2013" and H.R. 3350 in a story of November 2013).
pub fn join_by_evidence(bills: &mut StoryBills) {
    let numbers: Vec<usize> = (0..bills.list.len())
        .filter(|&i| bare_number(bills, i))
        .collect();
    let names: Vec<usize> = (0..bills.list.len())
        .filter(|&i| bare_name(bills, i))
        .collect();
    // A story with more is a list, not prose about a few bills (and this is quadratic).
    if numbers.len() > MAX_BARE || names.len() > MAX_BARE {
        return;
    }
    let mut pairs: Vec<(usize, usize)> = Vec::new();
    // The same sponsor, who brought one bare number and one bare name.
    for &n in &numbers {
        for s in &bills.list[n].bill.sponsors {
            let with = |v: &[usize]| -> Vec<usize> {
                v.iter()
                    .copied()
                    .filter(|&i| bills.list[i].bill.sponsors.contains(s))
                    .collect()
            };
            if let ([one], [name]) = (with(&numbers).as_slice(), with(&names).as_slice()) {
                pairs.push((*one, *name));
            }
        }
    }
    // A name's year in the Congress of the story's only bare number.
    if let [n] = numbers.as_slice()
        && let Some((from, to)) = congress_years(&bills.list[*n].bill.key)
    {
        let dated: Vec<usize> = names
            .iter()
            .copied()
            .filter(|&i| {
                let year = bills.list[i].bill.title.as_deref().and_then(year_of);
                year.is_some_and(|y| y == from || y == to)
            })
            .collect();
        if let [a] = dated.as_slice() {
            pairs.push((*n, *a));
        }
    }
    pairs.sort_unstable();
    pairs.dedup();
    for (n, a) in pairs {
        if !bills.list[n].bill.key.is_empty() && !bills.list[a].bill.key.is_empty() {
            bills.merge(a, n);
        }
    }
}
