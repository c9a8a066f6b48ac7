//! Why a story matched: the field, its text (a body excerpt) and the matched character ranges.

use std::collections::HashSet;
use std::ops::{ControlFlow, Range};

use memchr::memmem;
use rayon::prelude::*;

use super::engine::{BODY, ClausePlan, ENTITY, Ranking, TITLE};
use super::index::{Named, SearchIndex};
use super::query::{Scope, Term};
use super::{FieldMatch, MatchField, matcher, text};
use crate::corpus::Article;

/// Characters of context kept before a body match in an excerpt.
const BEFORE: usize = 40;
/// Characters kept after the start of a body match.
const AFTER: usize = 90;

/// Lower-cases and collapses every run of whitespace to one space (for phrase matching).
pub fn fold(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    fold_into(s, &mut out, None);
    out
}

/// Folds `s` into `out`; with `map`, records the byte offset in `s` of every byte of `out`.
fn fold_into(s: &str, out: &mut String, mut map: Option<&mut Vec<usize>>) {
    let mut space = false;
    for (i, ch) in s.char_indices() {
        if ch.is_whitespace() {
            if !space && !out.is_empty() {
                out.push(' ');
                if let Some(m) = map.as_deref_mut() {
                    m.push(i);
                }
            }
            space = true;
            continue;
        }
        space = false;
        let before = out.len();
        if ch.is_ascii() {
            out.push(ch.to_ascii_lowercase());
        } else {
            out.extend(ch.to_lowercase());
        }
        if let Some(m) = map.as_deref_mut() {
            m.extend(std::iter::repeat_n(i, out.len() - before));
        }
    }
}

/// How many times the folded `haystack` contains `needle` (already folded).
pub fn count_folded(haystack: &str, needle: &str) -> usize {
    thread_local! {
        static BUF: std::cell::RefCell<String> = const { std::cell::RefCell::new(String::new()) };
    }
    if needle.is_empty() {
        return 0;
    }
    BUF.with(|b| {
        let mut b = b.borrow_mut();
        b.clear();
        fold_into(haystack, &mut b, None);
        memmem::find_iter(b.as_bytes(), needle.as_bytes()).count()
    })
}

/// Byte range in `haystack` of the first occurrence of folded `needle`.
fn find_folded(haystack: &str, needle: &str) -> Option<Range<usize>> {
    let mut folded = String::new();
    let mut map = Vec::new();
    fold_into(haystack, &mut folded, Some(&mut map));
    let at = memmem::find(folded.as_bytes(), needle.as_bytes())?;
    let last = *map.get(at + needle.len().checked_sub(1)?)?;
    let end = last + haystack[last..].chars().next().map_or(0, char::len_utf8);
    Some(map[at]..end)
}

impl Ranking {
    /// Computes why the story of hit `i` matched (empty when `i` is out of range).
    pub fn explain(&self, index: &SearchIndex, articles: &[Article], i: usize) -> Vec<FieldMatch> {
        if let Some((loose, j)) = self.loose_at(i) {
            return loose.matches(index, articles, j);
        }
        self.hits
            .get(i)
            .and_then(|h| articles.get(h.article).map(|a| (h.article, a)))
            .map(|(doc, a)| explain(index, &self.plans, doc, a))
            .unwrap_or_default()
    }

    /// Fills `matches` of the hits in `range` (for example the rows on screen).
    pub fn fill(&mut self, index: &SearchIndex, articles: &[Article], range: Range<usize>) {
        let end = range.end.min(self.hits.len());
        // Each story is read on its own (a body scan each), so the stories share the cores.
        let found: Vec<(usize, Vec<FieldMatch>)> = (range.start.min(end)..end)
            .into_par_iter()
            .filter(|&i| self.hits[i].matches.is_empty())
            .map(|i| (i, self.explain(index, articles, i)))
            .collect();
        for (i, matches) in found {
            self.hits[i].matches = matches;
        }
    }
}

/// The match details of one article for a set of clause plans.
fn explain(index: &SearchIndex, plans: &[ClausePlan], doc: usize, a: &Article) -> Vec<FieldMatch> {
    let mut out: Vec<FieldMatch> = Vec::new();
    let mut window: Option<(Range<usize>, usize)> = None;
    for p in plans.iter().filter(|p| !p.clause.negated) {
        let class = u32::from(p.marks.class.get(doc).copied().unwrap_or(0));
        let pattern = match &p.clause.term {
            Term::Word(w) | Term::Phrase(w) => w.clone(),
            Term::Bill(k) => text::bill_display(k),
        };
        let m = match class {
            ENTITY => entity_match(index, p, doc, &pattern),
            TITLE if p.clause.scope == Scope::Source => {
                let s = a.source.as_deref().unwrap_or_default();
                Some(named_match(MatchField::Source, s, &pattern))
            }
            TITLE => locate(&a.title, p, index).map(|r| FieldMatch {
                field: MatchField::Title,
                text: a.title.clone(),
                ranges: vec![r_chars(&a.title, &r)],
            }),
            BODY => locate(&a.body, p, index).map(|r| body_match(&a.body, &r, &mut window)),
            _ if p.marks.score.get(doc).is_some_and(|&s| s <= 0.0) => Some(FieldMatch {
                field: MatchField::Missing,
                text: pattern,
                ranges: Vec::new(),
            }),
            _ => None,
        };
        if let Some(m) = m {
            merge_into(&mut out, m);
        }
    }
    out
}

fn r_chars(text: &str, r: &Range<usize>) -> [usize; 2] {
    [
        text::char_offset(text, r.start),
        text::char_offset(text, r.end),
    ]
}

fn merge_into(out: &mut Vec<FieldMatch>, m: FieldMatch) {
    if let Some(prev) = out
        .iter_mut()
        .find(|x| x.field == m.field && x.text == m.text)
    {
        prev.ranges.extend(m.ranges);
        prev.ranges.sort_unstable();
        prev.ranges.dedup();
        let mut merged: Vec<[usize; 2]> = Vec::new();
        for r in prev.ranges.drain(..) {
            match merged.last_mut() {
                Some(last) if r[0] <= last[1] => last[1] = last[1].max(r[1]),
                _ => merged.push(r),
            }
        }
        prev.ranges = merged;
    } else {
        out.push(m);
    }
}

/// A name or label with the characters of `pattern` that matched it.
fn named_match(field: MatchField, name: &str, pattern: &str) -> FieldMatch {
    let ranges = match matcher::indices(name, pattern) {
        Some((_, idx)) => text::indexes_to_ranges(&idx, 0),
        None => vec![[0, name.chars().count()]],
    };
    FieldMatch {
        field,
        text: name.to_string(),
        ranges,
    }
}

/// The best person or bill of the story that the clause matched.
fn entity_match(
    index: &SearchIndex,
    p: &ClausePlan,
    doc: usize,
    pattern: &str,
) -> Option<FieldMatch> {
    let pick = |ids: &[u32], resolved: &[(u32, f32)], list: &[Named]| -> Option<(u32, f32)> {
        ids.iter()
            .filter_map(|id| resolved.iter().find(|(r, _)| r == id).copied())
            .max_by(|a, b| a.1.total_cmp(&b.1))
            .filter(|&(id, _)| list.get(id as usize).is_some())
    };
    let people = index
        .story_people
        .get(doc)
        .map(Vec::as_slice)
        .unwrap_or_default();
    let bills = index
        .story_bills
        .get(doc)
        .map(Vec::as_slice)
        .unwrap_or_default();
    let (field, named) = if let Some((id, _)) = pick(people, &p.resolved.people, &index.people) {
        (MatchField::Person, &index.people[id as usize])
    } else {
        let (id, _) = pick(bills, &p.resolved.bills, &index.bills)?;
        (MatchField::Bill, &index.bills[id as usize])
    };
    let label = named.names.first()?;
    if let Term::Bill(_) = p.clause.term {
        return Some(FieldMatch {
            field,
            text: label.clone(),
            ranges: vec![[0, label.chars().count()]],
        });
    }
    // The display name when the pattern matches it, else the alias that does.
    let name = named
        .names
        .iter()
        .find(|n| matcher::score(n, pattern).is_some())
        .unwrap_or(label);
    Some(named_match(field, name, pattern))
}

/// Byte range of the clause's first match in `text`.
fn locate(text: &str, p: &ClausePlan, index: &SearchIndex) -> Option<Range<usize>> {
    match &p.clause.term {
        Term::Phrase(ph) => find_folded(text, &fold(ph)),
        Term::Bill(_) => {
            let keys: HashSet<&str> = p
                .resolved
                .terms
                .iter()
                .map(|&(t, _)| index.vocab.term(t).trim_start_matches('#'))
                .collect();
            text::find_bills(text)
                .into_iter()
                .find(|m| keys.contains(m.key.as_str()))
                .map(|m| m.start..m.end)
        }
        Term::Word(w) => {
            let terms: HashSet<&str> = p
                .resolved
                .terms
                .iter()
                .map(|&(t, _)| index.vocab.term(t))
                .collect();
            let mut buf = String::new();
            let mut prev = None;
            let found = text::try_each_token(text, |s, e| {
                if text::normalize_token(&text[s..e], &mut buf) && terms.contains(buf.as_str()) {
                    return ControlFlow::Break(s..e);
                }
                if let Some(first) = prev
                    && text::joined_compound(text, first, (s, e), &mut buf)
                    && terms.contains(buf.as_str())
                {
                    // The word written solid, the story's hyphenated ("anti-Semitism").
                    return ControlFlow::Break(first.0..e);
                }
                prev = Some((s, e));
                ControlFlow::Continue(())
            });
            let ControlFlow::Break(r) = found else {
                return None;
            };
            // Narrow to the characters that matched, when the word is a fuzzy subsequence.
            Some(match matcher::indices(&text[r.clone()], w) {
                Some((_, idx)) if !idx.is_empty() => {
                    let token = &text[r.clone()];
                    let start = token.char_indices().nth(idx[0]).map_or(0, |(b, _)| b);
                    let last = idx[idx.len() - 1];
                    let end = token
                        .char_indices()
                        .nth(last + 1)
                        .map_or(token.len(), |(b, _)| b);
                    r.start + start..r.start + end
                }
                _ => r,
            })
        }
    }
}

/// A body match as an excerpt around it; later matches inside the same excerpt share it.
fn body_match(
    body: &str,
    r: &Range<usize>,
    window: &mut Option<(Range<usize>, usize)>,
) -> FieldMatch {
    let (win, lead) = match window {
        Some((w, lead)) if w.start <= r.start && r.end <= w.end => (w.clone(), *lead),
        _ => {
            let w = excerpt_window(body, r);
            let lead = usize::from(w.start > 0);
            *window = Some((w.clone(), lead));
            (w, lead)
        }
    };
    let mut text_out = String::new();
    if win.start > 0 {
        text_out.push('…');
    }
    text_out.extend(
        body[win.clone()]
            .chars()
            .map(|c| if c.is_whitespace() { ' ' } else { c }),
    );
    if win.end < body.len() {
        text_out.push('…');
    }
    let start = lead + text::char_offset(&body[win.start..], r.start - win.start);
    let end = lead + text::char_offset(&body[win.start..], r.end - win.start);
    FieldMatch {
        field: MatchField::Body,
        text: text_out,
        ranges: vec![[start, end]],
    }
}

/// About `BEFORE` characters before the match and `AFTER` after its start, cut at spaces.
fn excerpt_window(body: &str, r: &Range<usize>) -> Range<usize> {
    let mut start = r.start;
    for (n, (i, _)) in body[..r.start].char_indices().rev().enumerate() {
        start = i;
        if n >= BEFORE {
            break;
        }
    }
    if start > 0
        && let Some(sp) = body[start..r.start].find(char::is_whitespace)
    {
        start += sp + 1;
    }
    let mut end = body.len();
    if let Some((i, _)) = body[r.start..].char_indices().nth(AFTER) {
        end = (r.start + i).max(r.end);
        if let Some(sp) = body[end..].find(char::is_whitespace)
            && sp < 20
        {
            end += sp;
        }
    }
    // Trim whitespace at either end so the excerpt reads cleanly.
    while start < r.start && body[start..].starts_with(char::is_whitespace) {
        start += body[start..].chars().next().map_or(1, char::len_utf8);
    }
    while end > r.end && body[..end].ends_with(char::is_whitespace) {
        end -= body[..end].chars().next_back().map_or(1, char::len_utf8);
    }
    start..end
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folding_and_finding() {
        assert_eq!(fold("  The  PATRIOT\nAct "), "the patriot act ");
        assert_eq!(count_folded("The USA PATRIOT\n Act", "patriot act"), 1);
        assert_eq!(count_folded("Patriot Act, patriot  act", "patriot act"), 2);
        let hay = "Zoë said: the Patriot  Act";
        let r = find_folded(hay, "patriot act").expect("found");
        assert_eq!(&hay[r], "Patriot  Act");
    }

    #[test]
    fn excerpt_has_ranges_into_itself() {
        let body = "word ".repeat(40) + "Massie spoke " + &"more ".repeat(40);
        let start = body.find("Massie").expect("present");
        let mut w = None;
        let m = body_match(&body, &(start..start + 6), &mut w);
        let [a, b] = m.ranges[0];
        let got: String = m.text.chars().skip(a).take(b - a).collect();
        assert_eq!(got, "Massie");
        assert!(m.text.starts_with('…') && m.text.ends_with('…'));
        assert!(m.text.chars().count() < 160);
    }
}
