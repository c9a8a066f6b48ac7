//! Matching predictions to gold labels (normalized names and bill numbers) and counting hits, false positives and misses.

use cloakroom::Article;
use cloakroom::extract::{StoryBill, extract};

use crate::labels::{GoldBill, GoldPerson, Labelled};

/// True positives, false positives, false negatives.
#[derive(Default, Clone, Copy)]
pub struct Tally {
    pub tp: usize,
    pub fp: usize,
    pub fn_: usize,
}

impl Tally {
    pub fn precision(self) -> f64 {
        ratio(self.tp, self.tp + self.fp)
    }
    pub fn recall(self) -> f64 {
        ratio(self.tp, self.tp + self.fn_)
    }
    pub fn f1(self) -> f64 {
        let (p, r) = (self.precision(), self.recall());
        if p + r == 0.0 {
            0.0
        } else {
            2.0 * p * r / (p + r)
        }
    }
}

fn ratio(a: usize, b: usize) -> f64 {
    if b == 0 { 0.0 } else { a as f64 / b as f64 }
}

/// Lower case, straight apostrophes, no periods, single spaces.
fn norm(s: &str) -> String {
    let cleaned: String = s
        .chars()
        .filter(|c| *c != '.')
        .map(|c| match c {
            '\u{2018}' | '\u{2019}' | '`' => '\'',
            '\u{2010}'..='\u{2013}' => '-',
            c => c,
        })
        .collect();
    cleaned
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

const BILL_PREFIXES: &[&str] = &[
    "hr",
    "s",
    "hres",
    "sres",
    "hjres",
    "sjres",
    "hconres",
    "sconres",
    "pl",
    "publ",
    "publiclaw",
    "hb",
    "sb",
    "housebill",
    "senatebill",
];

/// `norm`, then no leading "the", no trailing year, and bill numbers without spaces.
fn bill_norm(s: &str) -> String {
    let mut n = norm(s);
    if let Some(rest) = n.strip_prefix("the ") {
        n = rest.to_string();
    }
    let words: Vec<&str> = n.split(' ').collect();
    let mut keep = words.len();
    if keep > 1 && is_year(words[keep - 1]) {
        keep -= 1;
        if keep > 1 && words[keep - 1] == "of" {
            keep -= 1;
        }
    }
    let n = words[..keep].join(" ");
    // "h r 1234", "hr1234", "pub l 117-58": letters then digits (and hyphens) only.
    let squashed: String = n.chars().filter(|c| *c != ' ').collect();
    let split = squashed
        .find(|c: char| c.is_ascii_digit())
        .unwrap_or(squashed.len());
    let (prefix, digits) = squashed.split_at(split);
    if !digits.is_empty()
        && digits.chars().all(|c| c.is_ascii_digit() || c == '-')
        && BILL_PREFIXES.contains(&prefix)
    {
        let prefix = match prefix {
            "publ" | "publiclaw" => "pl",
            "housebill" => "hb",
            "senatebill" => "sb",
            p => p,
        };
        return format!("{prefix}{digits}");
    }
    n
}

fn is_year(w: &str) -> bool {
    w.len() == 4
        && w.chars().all(|c| c.is_ascii_digit())
        && (w.starts_with("19") || w.starts_with("20"))
}

fn person_matches(pred: &str, gold: &GoldPerson) -> bool {
    let p = norm(pred);
    gold.forms().iter().any(|f| norm(f) == p)
}

fn bill_forms(b: &StoryBill) -> Vec<String> {
    let mut forms = vec![bill_norm(&b.label)];
    forms.extend(b.number.iter().map(|s| bill_norm(s)));
    forms.extend(b.title.iter().map(|s| bill_norm(s)));
    forms.extend(b.aliases.iter().map(|s| bill_norm(s)));
    forms.retain(|f| !f.is_empty());
    forms
}

fn is_described(b: &StoryBill) -> bool {
    b.number.is_none() && b.title.is_none()
}

fn bill_matches(pred: &StoryBill, gold: &GoldBill) -> bool {
    let forms = bill_forms(pred);
    let gold_forms: Vec<String> = std::iter::once(&gold.label)
        .chain(&gold.aliases)
        .map(|s| bill_norm(s))
        .collect();
    if forms.iter().any(|f| gold_forms.contains(f)) {
        return true;
    }
    if !gold.described() {
        return false;
    }
    let sponsors: Vec<String> = pred.sponsors.iter().map(|s| norm(s)).collect();
    if gold.sponsors.iter().any(|s| sponsors.contains(&norm(s))) {
        return true;
    }
    let label = norm(&pred.label);
    !gold.keywords.is_empty() && gold.keywords.iter().all(|k| label.contains(&norm(k)))
}

/// One article's errors, for the report.
#[derive(Default)]
pub struct Errors {
    pub people_fp: Vec<String>,
    pub people_fn: Vec<String>,
    pub links_wrong: Vec<String>,
    pub bills_fp: Vec<String>,
    pub bills_fn: Vec<String>,
}

#[derive(Default, Clone, Copy)]
pub struct Totals {
    pub people: Tally,
    pub named: Tally,
    pub described: Tally,
    /// Roster links on labelled US office-holders: a right id is a TP, a wrong id (or any id where the gold
    /// is null) an FP, a gold id not predicted (wrong, missing, or the person not found) an FN.
    pub links: Tally,
}

impl Tally {
    pub fn add(&mut self, o: Tally) {
        self.tp += o.tp;
        self.fp += o.fp;
        self.fn_ += o.fn_;
    }
}

impl Totals {
    pub fn add(&mut self, o: &Totals) {
        self.people.add(o.people);
        self.named.add(o.named);
        self.described.add(o.described);
        self.links.add(o.links);
    }
}

/// Which part of the evaluation set an article belongs to, for the breakdown.
pub fn group_of(source: &str) -> &'static str {
    if source.starts_with("bundled:") {
        "bundled sample"
    } else if source.starts_with("bbc-politics/") {
        "UK (bbc-politics)"
    } else if source.starts_with("allsides-congress/") {
        "US (allsides-congress)"
    } else {
        "seed"
    }
}

/// Scores one found person's link against a gold person.
fn score_link(pred: Option<&str>, gold: &GoldPerson, t: &mut Tally, errors: &mut Errors) {
    let Some(want) = gold.bioguide() else {
        return;
    };
    match (pred, want) {
        (Some(p), Some(w)) if p == w => t.tp += 1,
        (None, None) => {}
        (None, Some(w)) => {
            t.fn_ += 1;
            errors
                .links_wrong
                .push(format!("{}: none, want {w}", gold.name()));
        }
        (Some(p), w) => {
            t.fp += 1;
            if w.is_some() {
                t.fn_ += 1;
            }
            errors.links_wrong.push(format!(
                "{}: {p}, want {}",
                gold.name(),
                w.unwrap_or("none")
            ));
        }
    }
}

pub fn score_article(l: &Labelled, a: &Article, verbose: bool) -> (Totals, Errors) {
    let got = extract(a);
    let mut errors = Errors::default();
    let mut totals = Totals::default();

    let mut used = vec![false; l.people.len()];
    for p in &got.people {
        if let Some(i) =
            (0..l.people.len()).find(|&i| !used[i] && person_matches(&p.name, &l.people[i]))
        {
            used[i] = true;
            totals.people.tp += 1;
            score_link(
                p.bioguide.as_deref(),
                &l.people[i],
                &mut totals.links,
                &mut errors,
            );
        } else if l.optional_people.iter().any(|g| person_matches(&p.name, g)) {
            // Named only in furniture: neither right nor wrong.
        } else {
            totals.people.fp += 1;
            errors.people_fp.push(p.name.clone());
        }
    }
    for (g, _) in l.people.iter().zip(&used).filter(|(_, u)| !**u) {
        totals.people.fn_ += 1;
        errors.people_fn.push(g.name().to_string());
        if let Some(Some(_)) = g.bioguide() {
            totals.links.fn_ += 1;
        }
    }

    let mut used = vec![false; l.bills.len()];
    for b in &got.bills {
        if let Some(i) = (0..l.bills.len()).find(|&i| !used[i] && bill_matches(b, &l.bills[i])) {
            used[i] = true;
            if l.bills[i].described() {
                totals.described.tp += 1;
            } else {
                totals.named.tp += 1;
            }
        } else if l.optional_bills.iter().any(|g| bill_matches(b, g)) {
            // Named only in furniture: neither right nor wrong.
        } else {
            let kind = if is_described(b) {
                totals.described.fp += 1;
                "described"
            } else {
                totals.named.fp += 1;
                "named"
            };
            errors.bills_fp.push(format!("{} [{kind}]", b.label));
        }
    }
    for (g, _) in l.bills.iter().zip(&used).filter(|(_, u)| !**u) {
        if g.described() {
            totals.described.fn_ += 1;
        } else {
            totals.named.fn_ += 1;
        }
        errors.bills_fn.push(format!("{} [{}]", g.label, g.kind));
    }

    if verbose {
        println!("== {} ({})", l.source, a.title);
        let names: Vec<&str> = got.people.iter().map(|p| p.name.as_str()).collect();
        println!("   people: {}", names.join("; "));
        for b in &got.bills {
            println!(
                "   bill: {} (number {:?}, title {:?}, sponsors {:?})",
                b.label, b.number, b.title, b.sponsors
            );
        }
    }
    (totals, errors)
}

#[cfg(test)]
#[path = "score_tests.rs"]
mod tests;
