//! Who brought a bill: "X introduced legislation aimed at ...", companion bills, cosponsors, "sponsored by X",
//! and bills a story describes by purpose only.

mod companion;
mod purpose;
mod starts;

use super::people::Found;
use super::sets::Prefilter;
use super::token::{Kind, SENT, Tok};
use super::types::{Field, Span, StoryBill};
use companion::{chamber_of, companion_of, numbered_companion};
use purpose::purpose_phrase;
use starts::{Starts, bill_before, push_mention};

/// A bill being assembled for one story.
#[derive(Debug, Clone, Default)]
pub struct Acc {
    /// The bill.
    pub bill: StoryBill,
    /// Described by purpose only (not named, not numbered).
    pub purpose: bool,
}

impl Acc {
    /// Body byte offsets where this bill is mentioned.
    fn body_starts(&self) -> impl Iterator<Item = usize> + '_ {
        self.bill
            .mentions
            .iter()
            .filter(|s| s.field == Field::Body)
            .map(|s| s.start)
    }
}

const TRIGGERS: &[&str] = &[
    "introduced",
    "introduces",
    "introducing",
    "introduce",
    "unveiled",
    "unveils",
    "filed",
    "files",
    "proposed",
    "proposes",
    "sponsored",
    "sponsors",
    "authored",
    "drafted",
    "offered",
    "wrote",
];
const COSPONSOR: &[&str] = &[
    "co-sponsor",
    "cosponsor",
    "co-sponsors",
    "cosponsors",
    "co-sponsorship",
    "cosponsorship",
    "co-sponsored",
    "cosponsored",
    "co-sponsoring",
    "cosponsoring",
    "co-authored",
    "coauthored",
    "co-author",
    "co-authors",
];
const OBJECTS: &[&str] = &["legislation", "bill", "resolution", "measure"];
const BOUNDARY_AFTER_COMMA: &[&str] = &[
    "and", "but", "while", "whereas", "as", "although", "though", "which", "who", "where", "when",
];
const CUE_WORDS: &[&str] = &[
    "aimed", "at", "that", "would", "which", "to", "designed", "intended", "meant", "seeking",
    "seeks", "aims", "the", "a", "an",
];

/// The most tokens a sentence is looked at on each side of a cue word (a "sentence" of a whole unpunctuated
/// story is not read again at every cue).
const MAX_SENTENCE: usize = 256;

struct Ctx<'a> {
    text: &'a str,
    toks: &'a [Tok],
    /// (first token, token after, person index), in text order.
    mentions: Vec<(usize, usize, usize)>,
}

impl Ctx<'_> {
    fn word(&self, k: usize) -> &str {
        self.toks.get(k).map_or("", |t| t.text(self.text))
    }
    /// The sentence around token `v`, at most [`MAX_SENTENCE`] tokens on each side.
    fn sentence(&self, v: usize) -> (usize, usize) {
        let mut s = v;
        while s > 0 && !self.toks[s].has(SENT) && v - s < MAX_SENTENCE {
            s -= 1;
        }
        let mut e = v + 1;
        while e < self.toks.len() && !self.toks[e].has(SENT) && e - v < MAX_SENTENCE {
            e += 1;
        }
        (s, e)
    }
    /// The mentions of people whose first token is in [from, to), in order.
    fn mentions_in(&self, from: usize, to: usize) -> &[(usize, usize, usize)] {
        let a = self.mentions.partition_point(|m| m.0 < from);
        let b = self.mentions.partition_point(|m| m.0 < to);
        &self.mentions[a..b.max(a)]
    }
    fn persons_in(&self, from: usize, to: usize) -> Vec<usize> {
        let mut out = Vec::new();
        for &(_, _, p) in self.mentions_in(from, to) {
            if !out.contains(&p) {
                out.push(p);
            }
        }
        out
    }
    fn byte(&self, k: usize) -> usize {
        self.toks
            .get(k)
            .map_or(self.text.len(), |t| t.start as usize)
    }
}

/// Finds sponsors, cosponsors and purpose-described bills, adding to `bills`.
pub fn apply(text: &str, toks: &[Tok], found: &[Found], bills: &mut Vec<Acc>) {
    static CUES: std::sync::OnceLock<Prefilter> = std::sync::OnceLock::new();
    let mut mentions: Vec<(usize, usize, usize)> = found
        .iter()
        .enumerate()
        .flat_map(|(p, f)| f.toks.iter().map(move |&(a, b)| (a, b, p)))
        .collect();
    mentions.sort_unstable();
    let cx = Ctx {
        text,
        toks,
        mentions,
    };
    let cues = CUES
        .get_or_init(|| Prefilter::new(TRIGGERS.iter().chain(COSPONSOR).chain(OBJECTS).copied()));
    let mut starts = Starts::new(bills);
    for (v, t) in toks.iter().enumerate() {
        if t.kind != Kind::Word || t.has(super::token::CAP) {
            continue;
        }
        let w = t.text(text);
        if !cues.may_contain(w) {
            continue;
        }
        if TRIGGERS.contains(&w) {
            trigger(&cx, v, found, bills, &mut starts);
        } else if COSPONSOR.contains(&w) {
            cosponsors(&cx, v, found, bills, &starts);
        } else if OBJECTS.contains(&w)
            && v > 0
            && matches!(cx.word(v - 1), "the" | "The" | "proposed")
        {
            anaphora(&cx, v, bills, &mut starts);
        }
    }
}

/// The bill mentioned in token range [from, to) first, if any.
fn bill_in(cx: &Ctx, starts: &Starts, from: usize, to: usize) -> Option<usize> {
    starts.first_in(cx.byte(from), cx.byte(to))
}

fn add_sponsors(acc: &mut Acc, people: &[usize], found: &[Found]) {
    for &p in people {
        let name = &found[p].person.name;
        if !acc.bill.sponsors.contains(name) {
            acc.bill.sponsors.push(name.clone());
        }
    }
}

fn trigger(cx: &Ctx, v: usize, found: &[Found], bills: &mut Vec<Acc>, starts: &mut Starts) {
    let (s, e) = cx.sentence(v);
    // Passive: "the bill, sponsored by Sens. X and Y".
    if cx.word(v + 1) == "by" {
        let mut people = Vec::new();
        let mut k = v + 2;
        while k < e {
            if let Some(&(_, b, p)) = cx.mentions_in(k, k + 1).first() {
                people.push(p);
                k = b;
            } else if matches!(cx.word(k), "," | "and" | "." | "(" | ")" | "-")
                || super::title::is_head(cx.word(k))
                || cx.toks[k].kind == Kind::Word
                    && cx.toks[k].text(cx.text).len() <= 6
                    && people.len() < 9
                    && k < v + 4
            {
                k += 1;
            } else {
                break;
            }
        }
        let target = bill_in(cx, starts, s, v).or_else(|| bill_before(starts, cx.byte(v), false));
        if let Some(i) = target.filter(|_| !people.is_empty()) {
            add_sponsors(&mut bills[i], &people, found);
        }
        return;
    }
    // Active: subjects are the people of this clause before the verb.
    let subjects = if cx.word(v.wrapping_sub(1)) == "who" {
        cx.mentions_in(s, v)
            .iter()
            .filter(|m| m.1 <= v.saturating_sub(2))
            .map(|m| m.2)
            .next_back()
            .into_iter()
            .collect()
    } else {
        let mut from = s;
        for k in s..v {
            if cx.word(k) == ";"
                || (cx.word(k) == "," && BOUNDARY_AFTER_COMMA.contains(&cx.word(k + 1)))
            {
                from = k + 1;
            }
        }
        cx.persons_in(from, v)
    };
    if subjects.is_empty() {
        return;
    }
    let window = (v + 16).min(e);
    if let Some(i) = bill_in(cx, starts, v + 1, window) {
        add_sponsors(&mut bills[i], &subjects, found);
        let at = bills[i].bill.mentions.first().map_or(0, |m| m.start);
        let said = (v + 1..window)
            .take_while(|&k| cx.byte(k) < at)
            .any(|k| cx.word(k) == "companion");
        if said && let Some(j) = bill_before(starts, cx.byte(v), false) {
            numbered_companion(bills, i, j);
        }
        return;
    }
    let Some(obj) = (v + 1..window).find(|&k| OBJECTS.contains(&cx.word(k))) else {
        return;
    };
    if (v + 1..obj).any(|k| cx.word(k) == "companion") {
        if let Some(i) =
            bill_before(starts, cx.byte(v), true).or_else(|| bill_before(starts, cx.byte(v), false))
        {
            let span = Span {
                field: Field::Body,
                start: cx.byte(obj - 1),
                end: cx.toks[obj].end as usize,
            };
            let sentence = (s..e).map(|k| cx.word(k)).collect::<Vec<_>>();
            let companion = companion_of(&bills[i].bill, &sentence, &subjects, found, span);
            let mut acc = Acc {
                bill: companion,
                purpose: false,
            };
            add_sponsors(&mut acc, &subjects, found);
            // Not a start for later references: "the bill" after it is still the one it accompanies.
            bills.push(acc);
        }
        return;
    }
    let Some((cue, end)) = purpose_phrase(cx, obj + 1, e) else {
        return;
    };
    let phrase = cx.text[cx.byte(cue)..cx.toks[end - 1].end as usize].trim();
    let object = if cx.word(obj) == "resolution" {
        "Resolution"
    } else {
        "Bill"
    };
    let label = format!("{object} {phrase}");
    let surname = found[subjects[0]].surname.to_lowercase();
    let content: Vec<String> = (cue..end)
        .map(|k| cx.word(k).to_lowercase())
        .filter(|w| {
            cx.toks.get(cue).is_some()
                && !CUE_WORDS.contains(&w.as_str())
                && w.chars().all(char::is_alphanumeric)
        })
        .take(4)
        .collect();
    let key = format!("purpose:{surname}:{}", content.join(" "));
    let sentence = (s..e).map(|k| cx.word(k)).collect::<Vec<_>>();
    let chamber = chamber_of(&sentence).or_else(|| {
        subjects
            .iter()
            .find_map(|&p| match found[p].person.role.as_deref() {
                Some("Senator") => Some("Senate"),
                Some("Representative") => Some("House"),
                _ => None,
            })
    });
    let span = Span {
        field: Field::Body,
        start: cx.byte(obj),
        end: cx.toks[end - 1].end as usize,
    };
    let mut acc = Acc {
        bill: StoryBill {
            key,
            label,
            chamber: chamber.map(str::to_string),
            mentions: vec![span],
            ..StoryBill::default()
        },
        purpose: true,
    };
    add_sponsors(&mut acc, &subjects, found);
    starts.add(span.start, bills.len(), true);
    bills.push(acc);
}

fn cosponsors(cx: &Ctx, v: usize, found: &[Found], bills: &mut [Acc], starts: &Starts) {
    let (s, mut e) = cx.sentence(v);
    // "..., who pledged co-sponsorship, and Senator Mike Lee introduced companion legislation": the clause of the
    // companion names the companion's sponsors, not this bill's.
    if let Some(c) = (v + 1..e).find(|&k| cx.word(k) == "companion") {
        e = (v + 1..c)
            .rev()
            .find(|&k| matches!(cx.word(k), "," | ";" | "and" | "while"))
            .unwrap_or(e);
    }
    let people = cx.persons_in(s, e);
    if people.is_empty() {
        return;
    }
    let target = bill_in(cx, starts, s, e).or_else(|| bill_before(starts, cx.byte(s), false));
    if let Some(i) = target {
        add_sponsors(&mut bills[i], &people, found);
    }
}

fn anaphora(cx: &Ctx, v: usize, bills: &mut [Acc], starts: &mut Starts) {
    let (s, e) = cx.sentence(v);
    if bill_in(cx, starts, s, e).is_some() {
        return;
    }
    if let Some(i) = bill_before(starts, cx.byte(v), true) {
        let start = if cx.word(v - 1) == "proposed" {
            v - 1
        } else {
            v
        };
        let span = Span {
            field: Field::Body,
            start: cx.byte(start),
            end: cx.toks[v].end as usize,
        };
        push_mention(bills, starts, i, span);
    }
}
