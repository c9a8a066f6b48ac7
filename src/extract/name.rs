//! Parsing one person's name from the tokens: given names, initials, particles, surnames, suffixes.

use std::borrow::Cow;

use super::name_parts::{Part, Parts};
use super::sets::{is_given, is_hard_suffix, is_stop};
use super::tables::{is_state_part, state_by_name};
use super::title::is_head;
use super::token::{Kind, NL, POSS, Tok};

/// A name as written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NameParse<'a> {
    /// Token index of the first name token.
    pub first: usize,
    /// Token index just past the name (after a suffix's period).
    pub after: usize,
    /// Byte range of the name in the text.
    pub start: usize,
    /// End byte (before any possessive).
    pub end: usize,
    /// Given name, when the name has more than a surname.
    pub given: Option<&'a str>,
    /// Surname with its particles ("Van Hollen", "de Blasio").
    pub surname: Cow<'a, str>,
    /// Number of words besides initials and suffixes.
    pub words: usize,
    /// Ends in a possessive.
    pub possessive: bool,
    parts: Parts<'a>,
    /// "Jr", "III", and whether it takes a period.
    suffix: Option<(&'a str, bool)>,
}

impl NameParse<'_> {
    /// The name as it should be displayed ("Thomas H. Massie", "Robert Casey Jr.").
    pub fn full(&self) -> String {
        let mut out = String::with_capacity(self.end - self.start + 4);
        let parts = self
            .parts
            .as_slice()
            .iter()
            .map(|p| (p.word, p.dot, p.tight));
        let suffix = self.suffix.map(|(w, d)| (w, d, false));
        for (i, (word, dot, tight)) in parts.chain(suffix).enumerate() {
            if i > 0 && !tight {
                out.push(' ');
            }
            out.push_str(word);
            if dot {
                out.push('.');
            }
        }
        out
    }

    /// Whether `s` is `full()`, without building it.
    pub fn full_is(&self, s: &str) -> bool {
        let parts = self
            .parts
            .as_slice()
            .iter()
            .map(|p| (p.word, p.dot, p.tight));
        let suffix = self.suffix.map(|(w, d)| (w, d, false));
        let mut rest = s;
        for (i, (word, dot, tight)) in parts.chain(suffix).enumerate() {
            if i > 0 && !tight {
                let Some(r) = rest.strip_prefix(' ') else {
                    return false;
                };
                rest = r;
            }
            let Some(r) = rest.strip_prefix(word) else {
                return false;
            };
            rest = r;
            if dot {
                let Some(r) = rest.strip_prefix('.') else {
                    return false;
                };
                rest = r;
            }
        }
        rest.is_empty()
    }

    /// The generational suffix written with the name ("Jr", "III"), if any.
    pub fn suffix_word(&self) -> Option<&str> {
        self.suffix.map(|(w, _)| w)
    }

    /// The number of space-separated words of `full()`.
    pub fn full_words(&self) -> usize {
        let tight = self.parts.as_slice().iter().filter(|p| p.tight).count();
        self.parts.len - tight + usize::from(self.suffix.is_some())
    }
}

const PARTICLES: &[&str] = &[
    "de", "van", "von", "der", "den", "del", "della", "da", "di", "du", "la", "le", "bin", "al",
    "ibn", "dos", "das", "ter",
];
const CAP_PARTICLES: &[&str] = &[
    "Van", "Von", "De", "Del", "Della", "Di", "Da", "Du", "La", "Le", "Mac",
];
const SUFFIXES: &[&str] = &["Jr", "Sr", "II", "III", "IV"];

fn is_suffix(w: &str) -> bool {
    w.len() <= 3 && SUFFIXES.contains(&w)
}

fn is_initial(t: &Tok) -> bool {
    t.kind == Kind::Word && t.end - t.start == 1 && t.has(super::token::CAP)
}

/// "U.S.", "U.K.", "U.N.", "D.C.", "E.U." at token `k`: a place or body written in initials, not a name's.
fn place_initials(text: &str, toks: &[Tok], k: usize) -> bool {
    let w = |i: usize| toks.get(i).map_or("", |t| t.text(text));
    let tight = toks
        .get(k + 2)
        .is_some_and(|t| toks[k + 1].end == t.start && w(k + 1) == ".");
    tight
        && w(k + 3) == "."
        && matches!(
            (w(k), w(k + 2)),
            ("U", "S" | "K" | "N") | ("D", "C") | ("E", "U")
        )
}

/// `"Nina"` at token `k` (an opening double quote, one capitalized word, a closing quote) before a surname:
/// the token after the closing quote.
fn quoted_nickname(text: &str, toks: &[Tok], k: usize) -> Option<usize> {
    let open = |t: &Tok| t.is_punct(text, "\"") || t.is_punct(text, "\u{201c}");
    let close = |t: &Tok| t.is_punct(text, "\"") || t.is_punct(text, "\u{201d}");
    let (q, w, c, next) = (
        toks.get(k)?,
        toks.get(k + 1)?,
        toks.get(k + 2)?,
        toks.get(k + 3)?,
    );
    let tight = q.end == w.start && w.end == c.start;
    (open(q)
        && tight
        && w.kind == Kind::Word
        && w.is_cap()
        && is_given(w.text(text))
        && close(c)
        && next.is_cap()
        && next.kind == Kind::Word
        && nameable(next.text(text)))
    .then_some(k + 3)
}

/// Whether a capitalized word may be part of a name.
pub fn nameable(word: &str) -> bool {
    !is_stop(word) && !is_head(word)
}

/// The surname's words joined by single spaces: a slice of the text when they are written so.
fn join_words<'a>(text: &'a str, toks: &[Tok], parts: &[Part<'a>]) -> Cow<'a, str> {
    let (Some(a), Some(b)) = (parts.first(), parts.last()) else {
        return Cow::Borrowed("");
    };
    let single_spaced = parts
        .windows(2)
        .all(|w| text.get(toks[w[0].k].end as usize..toks[w[1].k].start as usize) == Some(" "));
    if single_spaced {
        Cow::Borrowed(&text[toks[a.k].start as usize..toks[b.k].end as usize])
    } else {
        let words: Vec<&str> = parts.iter().map(|p| p.word).collect();
        Cow::Owned(words.join(" "))
    }
}

/// Parses a name starting at token `i`. `titled` allows a leading particle ("Mayor de Blasio").
pub fn parse_name<'a>(
    text: &'a str,
    toks: &[Tok],
    i: usize,
    titled: bool,
) -> Option<NameParse<'a>> {
    let mut parts = Parts::new();
    let mut k = i;
    let mut possessive = false;
    let mut skip_to = None;
    while let Some(t) = toks.get(k) {
        // "Addison (Mitch) Mitchell McConnell": a nickname in brackets.
        if parts.len > 0
            && t.is_punct(text, "(")
            && toks.get(k + 1).is_some_and(Tok::is_cap)
            && toks.get(k + 2).is_some_and(|n| n.is_punct(text, ")"))
            && toks
                .get(k + 3)
                .is_some_and(|n| n.is_cap() && n.kind == Kind::Word)
        {
            k += 3;
            continue;
        }
        // "Dr. [Christine Blasey] Ford", "[former Speaker John] Boehner": an editor's insertion in a quote.
        if parts.len > 0
            && t.is_punct(text, "]")
            && (i.saturating_sub(8)..i)
                .rev()
                .take_while(|&j| !toks[j].is_punct(text, "]"))
                .any(|j| toks[j].is_punct(text, "["))
            && toks
                .get(k + 1)
                .is_some_and(|n| n.is_cap() && n.kind == Kind::Word && nameable(n.text(text)))
        {
            k += 1;
            continue;
        }
        // Cornelia "Nina" Pillard: a nickname in double quotes, shown as written.
        if parts.len > 0
            && let Some(after) = quoted_nickname(text, toks, k)
        {
            let word = &text[t.start as usize..toks[after - 1].end as usize];
            parts.push(k + 1, word, false);
            k = after;
            continue;
        }
        if parts.len >= 6 || (k > i && t.has(NL)) || t.kind != Kind::Word {
            break;
        }
        let w = t.text(text);
        if t.is_cap() {
            if is_initial(t) {
                if parts.len == 0 && place_initials(text, toks, k) {
                    return None;
                }
                if toks.get(k + 1).is_some_and(|n| n.is_punct(text, ".")) {
                    // "H.W.": an initial right after the previous one's period is written against it.
                    let tight = parts.as_slice().last().is_some_and(|p| p.dot)
                        && toks[k - 1].end == t.start;
                    parts.push_tight(k, w, true, tight);
                    k += 2;
                    continue;
                }
                break;
            }
            if parts.len > 0 && is_suffix(w) {
                break;
            }
            // "Mark Judge said": a title word ends a name as its surname, never before another name
            // ("Soon Judge Robert Wilkins").
            let surname_title = parts.len > 0
                && matches!(w, "Bishop" | "Judge")
                && !toks.get(k + 1).is_some_and(|n| n.is_cap() && !n.has(NL));
            if !(nameable(w) || surname_title) || (t.has(super::token::UPPER) && w.len() > 3) {
                break;
            }
            // A name does not start with a state ("Sens. Pat Toomey, Pennsylvania Republican").
            if parts.len == 0 && (state_by_name(w).is_some() || is_state_part(w)) {
                break;
            }
            // The Hill's link blurbs repeat a name in full: "Trump Donald John Trump".
            if parts.len >= 2
                && let Some(i) = parts.as_slice().iter().position(|p| !p.dot && p.word == w)
            {
                let mut k2 = k + 1;
                while toks.get(k2).is_some_and(|n| n.is_cap() && !n.has(NL)) {
                    k2 += 1;
                }
                // "Barack Obama Barack Hussein Obama": a repeated given name starts the long form;
                // "Trump Donald John Trump": a repeated surname ends the short one.
                parts.len = parts
                    .len
                    .min(if is_given(w) { parts.len.min(2) } else { i + 1 });
                skip_to = Some(k2);
                break;
            }
            parts.push(k, w, false);
            k += 1;
            if t.has(POSS) {
                possessive = true;
                break;
            }
        } else if PARTICLES.contains(&w)
            && (titled || parts.len > 0)
            && toks.get(k + 1).is_some_and(|n| n.is_cap() && !n.has(NL))
        {
            parts.push(k, w, false);
            k += 1;
        } else {
            break;
        }
    }
    // A name ends with a word, not an initial or a particle.
    while parts
        .as_slice()
        .last()
        .is_some_and(|p| p.dot || !toks[p.k].is_cap())
    {
        parts.len -= 1;
        possessive = false;
    }
    let last_idx = parts.as_slice().last()?.k;
    k = skip_to.unwrap_or(last_idx + 1);
    // Suffix: "Jr.", ", Jr.", "III".
    let mut suffix = None;
    if !possessive {
        let mut s = k;
        if toks.get(s).is_some_and(|t| t.is_punct(text, ",")) {
            s += 1;
        }
        if let Some(t) = toks.get(s).filter(|t| is_suffix(t.text(text))) {
            let w = t.text(text);
            let dot = toks.get(s + 1).is_some_and(|n| n.is_punct(text, "."));
            // "III." at a sentence's end: only "Jr." and "Sr." take the period.
            suffix = Some((w, dot && matches!(w, "Jr" | "Sr")));
            possessive = t.has(POSS);
            k = s + 1 + usize::from(dot && matches!(w, "Jr" | "Sr"));
        }
    }
    let ps = parts.as_slice();
    let nwords = ps.iter().filter(|p| toks[p.k].is_cap() && !p.dot).count();
    if nwords == 0 || nwords > 4 {
        return None;
    }
    // Surname: the last word with the particles just before it.
    let mut sfirst = ps.len() - 1;
    while sfirst > 0 {
        let p = &ps[sfirst - 1];
        let particle =
            !toks[p.k].is_cap() || (!p.dot && CAP_PARTICLES.contains(&p.word) && sfirst - 1 > 0);
        if particle && !p.dot {
            sfirst -= 1;
        } else {
            break;
        }
    }
    let surname = join_words(text, toks, &ps[sfirst..]);
    // "Van Hollen said": a capitalized particle starting a two-word name is part of the surname.
    if sfirst == 1 && ps.len() == 2 && CAP_PARTICLES.contains(&ps[0].word) && !titled {
        sfirst = 0;
    }
    let given = (sfirst > 0 && toks[ps[0].k].is_cap() && !ps[0].dot).then_some(ps[0].word);
    let start = toks[ps[0].k].start as usize;
    let end = toks[last_idx].end as usize;
    Some(NameParse {
        first: ps[0].k,
        after: k,
        start,
        end,
        given,
        surname,
        words: nwords,
        possessive,
        parts,
        suffix,
    })
}

/// Whether the capitalized words after a name make it part of a bigger name ("Reagan National Airport",
/// "Dodd-Frank Act", "Kennedy Center").
pub fn inside_other_name(text: &str, toks: &[Tok], name: &NameParse) -> bool {
    if name.possessive {
        return false;
    }
    let mut k = name.after;
    let mut seen = 0;
    while let Some(t) = toks.get(k) {
        if !t.is_cap() || seen >= 4 || t.has(NL) {
            break;
        }
        if is_hard_suffix(t.text(text)) {
            return true;
        }
        if t.has(POSS) {
            break;
        }
        seen += 1;
        k += 1;
    }
    false
}

#[cfg(test)]
#[path = "name_tests.rs"]
mod tests;
