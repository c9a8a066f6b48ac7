//! Scores `cloakroom::extract::extract` against the hand-labelled set in `tests/eval/labels.json`.
//!
//! `cargo run --release --example eval -- [--corpora /work/shared/corpora] [--labels FILE] [--verbose]`
//!
//! Reads each labelled article straight from the corpora (allsides JSON, BBC text, the seed, the
//! bundled JSON Lines), runs the extractor and prints precision, recall and F1, micro-averaged over
//! articles, for people, for named and numbered bills, and for described bills; then every false
//! positive and miss per article. Always exits 0 (it is a report), or 1 when inputs are missing.

use std::collections::HashSet;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use cloakroom::Article;
use cloakroom::extract::{StoryBill, extract};
use serde::Deserialize;
use serde_json::Value;

#[derive(Deserialize)]
struct Labels {
    articles: Vec<Labelled>,
}

#[derive(Deserialize)]
struct Labelled {
    source: String,
    id: String,
    #[serde(default)]
    people: Vec<GoldPerson>,
    #[serde(default)]
    bills: Vec<GoldBill>,
}

/// A person is either a bare name or a name with accepted alternatives.
#[derive(Deserialize)]
#[serde(untagged)]
enum GoldPerson {
    Name(String),
    Full {
        name: String,
        #[serde(default)]
        aliases: Vec<String>,
    },
}

impl GoldPerson {
    fn name(&self) -> &str {
        match self {
            Self::Name(n) | Self::Full { name: n, .. } => n,
        }
    }
    fn forms(&self) -> Vec<&str> {
        match self {
            Self::Name(n) => vec![n.as_str()],
            Self::Full { name, aliases } => std::iter::once(name.as_str())
                .chain(aliases.iter().map(String::as_str))
                .collect(),
        }
    }
}

#[derive(Deserialize)]
struct GoldBill {
    label: String,
    #[serde(default)]
    aliases: Vec<String>,
    /// "named", "numbered" or "described".
    kind: String,
    /// For described bills: full names of sponsors; a predicted bill sharing one matches.
    #[serde(default)]
    sponsors: Vec<String>,
    /// For described bills: words that all appear in a matching predicted label.
    #[serde(default)]
    keywords: Vec<String>,
}

impl GoldBill {
    fn described(&self) -> bool {
        self.kind == "described"
    }
}

/// True positives, false positives, false negatives.
#[derive(Default, Clone, Copy)]
struct Tally {
    tp: usize,
    fp: usize,
    fn_: usize,
}

impl Tally {
    fn precision(self) -> f64 {
        ratio(self.tp, self.tp + self.fp)
    }
    fn recall(self) -> f64 {
        ratio(self.tp, self.tp + self.fn_)
    }
    fn f1(self) -> f64 {
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

struct Args {
    corpora: PathBuf,
    labels: PathBuf,
    verbose: bool,
}

fn parse_args() -> Result<Args, String> {
    let mut args = Args {
        corpora: PathBuf::from("/work/shared/corpora"),
        labels: Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/eval/labels.json"),
        verbose: false,
    };
    let mut it = std::env::args().skip(1);
    while let Some(a) = it.next() {
        match a.as_str() {
            "--corpora" => args.corpora = it.next().ok_or("--corpora needs a folder")?.into(),
            "--labels" => args.labels = it.next().ok_or("--labels needs a file")?.into(),
            "--verbose" | "-v" => args.verbose = true,
            "--help" | "-h" => {
                return Err("usage: eval [--corpora DIR] [--labels FILE] [--verbose]".to_string());
            }
            other => return Err(format!("unknown argument {other:?}")),
        }
    }
    Ok(args)
}

fn text_field(v: &Value, key: &str) -> String {
    v.get(key)
        .and_then(Value::as_str)
        .unwrap_or_default()
        .replace("\r\n", "\n")
}

fn date_field(v: &Value, key: &str) -> Option<chrono::NaiveDate> {
    let s = v.get(key)?.as_str()?;
    chrono::NaiveDate::parse_from_str(s.get(..10)?, "%Y-%m-%d").ok()
}

/// Reads one labelled article from the corpora or the bundled sample.
fn load_article(corpora: &Path, l: &Labelled) -> Result<Article, String> {
    let read = |p: &Path| std::fs::read_to_string(p).map_err(|e| format!("{}: {e}", p.display()));
    let json = |s: &str, p: &Path| -> Result<Value, String> {
        serde_json::from_str(s).map_err(|e| format!("{}: {e}", p.display()))
    };
    if let Some(file) = l.source.strip_prefix("bundled:") {
        let path = Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("assets/sample")
            .join(file);
        let text = read(&path)?;
        for line in text.lines().filter(|s| !s.trim().is_empty()) {
            let v = json(line, &path)?;
            if v.get("id").and_then(Value::as_str) == Some(l.id.as_str()) {
                let body = ["body", "text", "content"]
                    .iter()
                    .map(|k| text_field(&v, k))
                    .find(|b| !b.is_empty())
                    .unwrap_or_default();
                return Ok(Article {
                    id: l.id.clone(),
                    title: text_field(&v, "title"),
                    body,
                    date: date_field(&v, "date"),
                    ..Article::default()
                });
            }
        }
        return Err(format!("{}: no record with id {:?}", path.display(), l.id));
    }
    let path = corpora.join(&l.source);
    let text = read(&path)?;
    if l.source.starts_with("allsides-congress/") {
        let v = json(&text, &path)?;
        Ok(Article {
            id: l.id.clone(),
            title: text_field(&v, "title"),
            body: text_field(&v, "content_original"),
            date: date_field(&v, "date"),
            ..Article::default()
        })
    } else if l.source.starts_with("bbc-politics/") {
        let mut lines = text.lines().skip_while(|s| s.trim().is_empty());
        let title = lines.next().unwrap_or_default().trim().to_string();
        let body = lines.collect::<Vec<_>>().join("\n").trim().to_string();
        Ok(Article {
            id: l.id.clone(),
            title,
            body,
            ..Article::default()
        })
    } else {
        let v = json(&text, &path)?;
        let records = v.as_array().cloned().unwrap_or_else(|| vec![v]);
        let v = records
            .iter()
            .find(|r| r.get("id").and_then(Value::as_str) == Some(l.id.as_str()))
            .ok_or_else(|| format!("{}: no record with id {:?}", path.display(), l.id))?;
        Ok(Article {
            id: l.id.clone(),
            title: text_field(v, "title"),
            body: text_field(v, "body"),
            date: date_field(v, "date"),
            ..Article::default()
        })
    }
}

/// One article's errors, for the report.
#[derive(Default)]
struct Errors {
    people_fp: Vec<String>,
    people_fn: Vec<String>,
    bills_fp: Vec<String>,
    bills_fn: Vec<String>,
}

#[derive(Default)]
struct Totals {
    people: Tally,
    named: Tally,
    described: Tally,
}

fn score_article(l: &Labelled, a: &Article, totals: &mut Totals, verbose: bool) -> Errors {
    let got = extract(a);
    let mut errors = Errors::default();

    let mut used = vec![false; l.people.len()];
    for p in &got.people {
        if let Some(i) =
            (0..l.people.len()).find(|&i| !used[i] && person_matches(&p.name, &l.people[i]))
        {
            used[i] = true;
            totals.people.tp += 1;
        } else {
            totals.people.fp += 1;
            errors.people_fp.push(p.name.clone());
        }
    }
    for (g, _) in l.people.iter().zip(&used).filter(|(_, u)| !**u) {
        totals.people.fn_ += 1;
        errors.people_fn.push(g.name().to_string());
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
    errors
}

fn print_row(name: &str, t: Tally) {
    println!(
        "{name:<26} {:>5} {:>5} {:>5}   {:>9.3} {:>7.3} {:>7.3}",
        t.tp,
        t.fp,
        t.fn_,
        t.precision(),
        t.recall(),
        t.f1()
    );
}

fn main() -> ExitCode {
    let args = match parse_args() {
        Ok(a) => a,
        Err(e) => {
            eprintln!("{e}");
            return ExitCode::from(2);
        }
    };
    if !args.corpora.is_dir() {
        eprintln!(
            "eval: corpora folder {} not found (pass --corpora DIR, the folder holding allsides-congress/, bbc-politics/ and seed.json)",
            args.corpora.display()
        );
        return ExitCode::from(1);
    }
    let labels: Labels = match std::fs::read_to_string(&args.labels)
        .map_err(|e| e.to_string())
        .and_then(|s| serde_json::from_str(&s).map_err(|e| e.to_string()))
    {
        Ok(l) => l,
        Err(e) => {
            eprintln!("eval: cannot read labels {}: {e}", args.labels.display());
            return ExitCode::from(1);
        }
    };

    let mut totals = Totals::default();
    let mut report = Vec::new();
    let mut skipped = Vec::new();
    let mut seen = HashSet::new();
    for l in &labels.articles {
        if !seen.insert((l.source.as_str(), l.id.as_str())) {
            skipped.push(format!("{}: labelled twice, scored once", l.source));
            continue;
        }
        match load_article(&args.corpora, l) {
            Ok(a) => {
                let e = score_article(l, &a, &mut totals, args.verbose);
                let name = if l.source.starts_with("bundled:") {
                    format!("{}#{}", l.source, l.id)
                } else {
                    l.source.clone()
                };
                report.push((name, e));
            }
            Err(e) => skipped.push(e),
        }
    }

    println!(
        "Entity extraction against {} ({} articles scored, {} skipped)\n",
        args.labels.display(),
        report.len(),
        skipped.len()
    );
    println!(
        "{:<26} {:>5} {:>5} {:>5}   {:>9} {:>7} {:>7}",
        "", "TP", "FP", "FN", "precision", "recall", "F1"
    );
    print_row("people", totals.people);
    print_row("bills (named + numbered)", totals.named);
    print_row("bills (described)", totals.described);
    let all = Tally {
        tp: totals.named.tp + totals.described.tp,
        fp: totals.named.fp + totals.described.fp,
        fn_: totals.named.fn_ + totals.described.fn_,
    };
    print_row("bills (all)", all);
    println!("\ntargets: people F1 >= 0.93, named+numbered bills F1 >= 0.90");

    println!("\nErrors per article (FP = predicted, not in labels; FN = labelled, not found):");
    for (source, e) in &report {
        if e.people_fp.is_empty()
            && e.people_fn.is_empty()
            && e.bills_fp.is_empty()
            && e.bills_fn.is_empty()
        {
            continue;
        }
        println!("{source}");
        let lines = [
            ("people FP", &e.people_fp),
            ("people FN", &e.people_fn),
            ("bills FP", &e.bills_fp),
            ("bills FN", &e.bills_fn),
        ];
        for (what, list) in lines {
            if !list.is_empty() {
                println!("  {what}: {}", list.join("; "));
            }
        }
    }
    for s in &skipped {
        println!("skipped: {s}");
    }
    ExitCode::SUCCESS
}

#[cfg(test)]
mod tests {
    use super::*;

    fn bill(label: &str, number: Option<&str>, title: Option<&str>) -> StoryBill {
        StoryBill {
            label: label.into(),
            number: number.map(Into::into),
            title: title.map(Into::into),
            ..StoryBill::default()
        }
    }

    fn gold(label: &str, kind: &str, aliases: &[&str]) -> GoldBill {
        GoldBill {
            label: label.into(),
            aliases: aliases.iter().map(|s| (*s).to_string()).collect(),
            kind: kind.into(),
            sponsors: vec![],
            keywords: vec![],
        }
    }

    #[test]
    fn bill_numbers_normalize_to_one_form() {
        for s in ["H.R. 1234", "HR 1234", "H.R.1234", "H. R. 1234", "hr1234"] {
            assert_eq!(bill_norm(s), "hr1234", "{s}");
        }
        assert_eq!(bill_norm("S. 744"), "s744");
        assert_eq!(bill_norm("H.Res. 660"), "hres660");
        assert_eq!(bill_norm("Pub. L. 117-58"), "pl117-58");
        assert_eq!(bill_norm("Public Law 117-58"), "pl117-58");
        assert_ne!(bill_norm("S. 744"), bill_norm("H.R. 744"));
        assert_eq!(bill_norm("House Bill 1557"), "hb1557");
        assert_eq!(bill_norm("H.B. 1557"), "hb1557");
    }

    #[test]
    fn bill_names_ignore_the_year_and_leading_the() {
        assert_eq!(bill_norm("the Hunting Act 2004"), "hunting act");
        assert_eq!(
            bill_norm("Stop the War on Coal Act of 2012"),
            "stop the war on coal act"
        );
        assert_eq!(bill_norm("The CHIMP  Act"), "chimp act");
        assert_eq!(bill_norm("Women\u{2019}s Act"), "women's act");
    }

    #[test]
    fn bills_match_on_any_form_but_not_across_numbers() {
        let g = gold("H.R. 1", "numbered", &["For the People Act"]);
        assert!(bill_matches(&bill("HR 1", Some("H.R. 1"), None), &g));
        assert!(bill_matches(
            &bill("For The People Act", None, Some("For The People Act")),
            &g
        ));
        assert!(!bill_matches(&bill("H.R. 11", Some("H.R. 11"), None), &g));
        assert!(!bill_matches(&bill("S. 1", Some("S. 1"), None), &g));
    }

    #[test]
    fn described_bills_match_by_sponsor_or_keywords() {
        let mut g = gold("bill to leave NATO", "described", &[]);
        g.sponsors = vec!["Thomas Massie".into()];
        g.keywords = vec!["nato".into()];
        let mut p = bill("withdrawal from the alliance", None, None);
        assert!(!bill_matches(&p, &g));
        p.sponsors = vec!["Thomas  Massie".into()];
        assert!(bill_matches(&p, &g));
        assert!(bill_matches(
            &bill("bill to withdraw from NATO", None, None),
            &g
        ));
        assert!(!bill_matches(
            &bill("NATO", Some("H.R. 1"), None),
            &gold("H.R. 2", "numbered", &[])
        ));
    }

    #[test]
    fn people_match_name_or_alias_ignoring_case_and_periods() {
        let g = GoldPerson::Full {
            name: "Donald J. Trump".into(),
            aliases: vec!["Trump".into()],
        };
        assert!(person_matches("donald j trump", &g));
        assert!(person_matches("Trump", &g));
        assert!(!person_matches("Donald Trump Jr.", &g));
        assert!(person_matches(
            "Beto O\u{2019}Rourke",
            &GoldPerson::Name("Beto O'Rourke".into())
        ));
    }

    #[test]
    fn f1_of_a_tally() {
        let t = Tally {
            tp: 8,
            fp: 2,
            fn_: 2,
        };
        assert!((t.f1() - 0.8).abs() < 1e-9);
        assert!(Tally::default().f1().abs() < f64::EPSILON);
    }
}
