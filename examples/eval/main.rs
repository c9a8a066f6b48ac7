//! Scores `cloakroom::extract::extract` against the hand-labelled sets: `tests/eval/labels.json` (the set the
//! rules were written on) and `tests/eval/heldout/labels.json` (54 articles labelled before any extractor ran on
//! them) and `tests/eval/heldout2/labels.json` (40 more, labelled the same way and scored once), each reported
//! on its own.
//!
//! `cargo run --release --example eval -- [--corpora /work/shared/corpora] [--labels FILE]... [--errors] [--verbose]`
//!
//! Reads each labelled article straight from the corpora (allsides JSON, BBC text, the seed, the bundled JSON
//! Lines), runs the extractor (with roster linking) and prints precision, recall and F1, micro-averaged over
//! articles, for people, named and numbered bills, described bills, and roster links (on people whose label
//! carries a bioguide id or null); F1 by part of each set; with `--errors`, every false positive and miss per
//! article. Always exits 0 (it is a report), or 1 when inputs are missing.

// A gold link is absent (not scored), null (no id is right) or an id: three cases, as the label file has them.
#![allow(clippy::option_option)]

mod labels;
mod score;

use std::collections::HashSet;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use labels::{Labels, load_article};
use score::{Errors, Tally, Totals, group_of, score_article};

struct Args {
    corpora: PathBuf,
    labels: Vec<PathBuf>,
    errors: bool,
    verbose: bool,
}

fn parse_args() -> Result<Args, String> {
    let mut args = Args {
        corpora: PathBuf::from("/work/shared/corpora"),
        labels: Vec::new(),
        errors: false,
        verbose: false,
    };
    let mut it = std::env::args().skip(1);
    while let Some(a) = it.next() {
        match a.as_str() {
            "--corpora" => args.corpora = it.next().ok_or("--corpora needs a folder")?.into(),
            "--labels" => args
                .labels
                .push(it.next().ok_or("--labels needs a file")?.into()),
            "--errors" | "-e" => args.errors = true,
            "--verbose" | "-v" => args.verbose = true,
            "--help" | "-h" => {
                return Err(
                    "usage: eval [--corpora DIR] [--labels FILE]... [--errors] [--verbose]"
                        .to_string(),
                );
            }
            other => return Err(format!("unknown argument {other:?}")),
        }
    }
    if args.labels.is_empty() {
        let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/eval");
        args.labels = vec![
            root.join("labels.json"),
            root.join("heldout/labels.json"),
            root.join("heldout2/labels.json"),
        ];
    }
    Ok(args)
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
    for path in &args.labels {
        if let Err(e) = run_set(&args, path) {
            eprintln!("eval: {e}");
            return ExitCode::from(1);
        }
    }
    ExitCode::SUCCESS
}

/// Which part of a set an article belongs to: the held-out set's stratum first, then its source.
fn part_of(stratum: Option<&str>, source: &str) -> String {
    match stratum {
        Some(s) => format!("stratum {s}"),
        None => group_of(source).to_string(),
    }
}

fn run_set(args: &Args, path: &Path) -> Result<(), String> {
    let labels: Labels = std::fs::read_to_string(path)
        .map_err(|e| e.to_string())
        .and_then(|s| serde_json::from_str(&s).map_err(|e| e.to_string()))
        .map_err(|e| format!("cannot read labels {}: {e}", path.display()))?;
    let mut totals = Totals::default();
    let mut groups: Vec<(String, Totals, usize)> = Vec::new();
    let mut report: Vec<(String, Errors)> = Vec::new();
    let mut skipped = Vec::new();
    let mut seen = HashSet::new();
    let uniform = labels.articles.iter().any(|l| l.stratum.is_some());
    let mut uniform_totals = (Totals::default(), 0);
    for l in &labels.articles {
        if !seen.insert((l.source.as_str(), l.id.as_str())) {
            skipped.push(format!("{}: labelled twice, scored once", l.source));
            continue;
        }
        match load_article(&args.corpora, l) {
            Ok(a) => {
                let (t, e) = score_article(l, &a, args.verbose);
                totals.add(&t);
                if uniform && l.stratum.is_none() {
                    uniform_totals.0.add(&t);
                    uniform_totals.1 += 1;
                }
                let group = part_of(l.stratum.as_deref(), &l.source);
                match groups.iter_mut().find(|g| g.0 == group) {
                    Some(g) => {
                        g.1.add(&t);
                        g.2 += 1;
                    }
                    None => groups.push((group, t, 1)),
                }
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
        path.display(),
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
    if totals.links.tp + totals.links.fp + totals.links.fn_ > 0 {
        print_row("roster links", totals.links);
    }

    println!("\nF1 by part of the set (roster links: precision / recall):");
    println!(
        "{:<26} {:>8} {:>8} {:>14} {:>10} {:>14}",
        "", "articles", "people", "named+numbered", "described", "links P / R"
    );
    let mut parts: Vec<(String, Totals, usize)> = groups;
    if uniform {
        parts.insert(
            0,
            (
                "uniform sample".to_string(),
                uniform_totals.0,
                uniform_totals.1,
            ),
        );
    }
    for (group, t, n) in &parts {
        println!(
            "{group:<26} {n:>8} {:>8.3} {:>14.3} {:>10.3} {:>6.3} / {:.3}",
            t.people.f1(),
            t.named.f1(),
            t.described.f1(),
            t.links.precision(),
            t.links.recall()
        );
    }

    if args.errors {
        print_errors(&report);
    }
    for s in &skipped {
        println!("skipped: {s}");
    }
    println!();
    Ok(())
}

fn print_errors(report: &[(String, Errors)]) {
    println!("\nErrors per article (FP = predicted, not in labels; FN = labelled, not found):");
    for (source, e) in report {
        let lines = [
            ("people FP", &e.people_fp),
            ("people FN", &e.people_fn),
            ("links", &e.links_wrong),
            ("bills FP", &e.bills_fp),
            ("bills FN", &e.bills_fn),
        ];
        if lines.iter().all(|(_, l)| l.is_empty()) {
            continue;
        }
        println!("{source}");
        for (what, list) in lines {
            if !list.is_empty() {
                println!("  {what}: {}", list.join("; "));
            }
        }
    }
}
