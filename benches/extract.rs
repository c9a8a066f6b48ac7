//! Extraction speed: MB of article text per second through `EntityIndex::build` (all cores), over a
//! synthetic corpus and, when `/work/shared` exists, over allsides-congress.
//!
//! `cargo bench --bench extract [-- ARTICLES]` (default 20,000 synthetic articles of about 4 KB).
//!
//! `cargo bench --bench extract -- single [MB,MB,...]` instead times `extract` on one article whose body is that
//! many MB (default 5,20,100) of the same sentences, with a new person every few sentences, and prints the time
//! per MB: extraction must be linear in one story's length (a 100 MB story must not take minutes).

use std::path::Path;
use std::time::Instant;

use cloakroom::Article;
use cloakroom::extract::{EntityIndex, extract};

const SENTENCES: &[&str] = &[
    "Sen. {P} (R-Ky.) said on Tuesday that the vote on {B} would come before the recess.",
    "Representative {P} of Texas introduced legislation aimed at {X} the program.",
    "\u{201c}We will not back down,\u{201d} {S} told reporters outside the Capitol, adding that the White House agreed.",
    "The measure, known as the {A}, passed the House 220-207 after a long debate over spending.",
    "Critics of the Affordable Care Act, including Gov. {P}, argued that premiums would rise in 2019.",
    "House Speaker {P} scheduled a vote for Thursday; Senate Majority Leader {P} did not respond.",
    "According to the Congressional Budget Office, the plan would cost $1.2 trillion over ten years.",
    "The Labour MP {P} asked Mr {S} whether the Prevention of Terrorism Bill would be amended.",
    "Lawmakers from both parties met at the Department of Homeland Security in Washington on Monday.",
    "In a statement, {P}, a Democrat from California, called {B} a bipartisan step forward.",
];
const PEOPLE: &[&str] = &[
    "Mitch McConnell",
    "Nancy Pelosi",
    "Chris Van Hollen",
    "Beto O'Rourke",
    "Alexandria Ocasio-Cortez",
    "Bill de Blasio",
    "Paul Ryan",
    "Thomas Massie",
    "Mike Lee",
    "Joni Ernst",
    "Tony Blair",
    "Patricia Hewitt",
];
const BILLS: &[&str] = &[
    "H.R. 1234",
    "S. 744",
    "H.J.Res. 3",
    "Pub. L. 117-58",
    "HR 3684",
    "S.Res. 9",
];
const ACTS: &[&str] = &[
    "For the People Act",
    "Stop the War on Coal Act of 2012",
    "Dodd-Frank Act",
    "USA PATRIOT Act",
];
const VERBS: &[&str] = &["withdrawing", "expanding", "ending", "funding", "reforming"];

/// Appends one sentence about `person` (a random template, bill, act and verb), then a space or
/// a line break.
fn push_sentence(body: &mut String, person: &str, next: &mut impl FnMut(usize) -> usize) {
    let s = SENTENCES[next(SENTENCES.len())]
        .replace("{P}", person)
        .replace("{S}", person.rsplit(' ').next().unwrap_or(person))
        .replace("{B}", BILLS[next(BILLS.len())])
        .replace("{A}", ACTS[next(ACTS.len())])
        .replace("{X}", VERBS[next(VERBS.len())]);
    body.push_str(&s);
    body.push(if next(4) == 0 { '\n' } else { ' ' });
}

/// A small deterministic generator (xorshift), so runs are comparable.
fn synthetic(n: usize) -> Vec<Article> {
    let mut state: u64 = 0x9E37_79B9_7F4A_7C15;
    let mut next = |m: usize| {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        (state % m as u64) as usize
    };
    (0..n)
        .map(|i| {
            let mut body = String::with_capacity(4200);
            while body.len() < 4000 {
                let p = PEOPLE[next(PEOPLE.len())];
                push_sentence(&mut body, p, &mut next);
            }
            Article {
                id: format!("syn-{i}"),
                title: format!(
                    "{} Defends {} in Floor Speech",
                    PEOPLE[i % PEOPLE.len()],
                    BILLS[i % BILLS.len()]
                ),
                body,
                ..Article::default()
            }
        })
        .collect()
}

fn allsides() -> Option<Vec<Article>> {
    let dir = Path::new("/work/shared/corpora/allsides-congress/jsons");
    let mut out = Vec::new();
    for entry in std::fs::read_dir(dir).ok()? {
        let path = entry.ok()?.path();
        let Ok(text) = std::fs::read_to_string(&path) else {
            continue;
        };
        let Ok(v) = serde_json::from_str::<serde_json::Value>(&text) else {
            continue;
        };
        out.push(Article {
            id: v["ID"].as_str().unwrap_or_default().to_string(),
            title: v["title"].as_str().unwrap_or_default().to_string(),
            body: v["content_original"]
                .as_str()
                .unwrap_or_default()
                .to_string(),
            date: v["date"].as_str().and_then(|d| d.parse().ok()),
            ..Article::default()
        });
    }
    Some(out)
}

fn measure(name: &str, articles: &[Article]) {
    let bytes: usize = articles.iter().map(|a| a.title.len() + a.body.len()).sum();
    let mb = bytes as f64 / 1e6;
    // One warm-up pass, then the best of three.
    let _ = EntityIndex::build(articles);
    let mut best = f64::MAX;
    let mut index = EntityIndex::default();
    for _ in 0..3 {
        let t = Instant::now();
        index = EntityIndex::build(articles);
        best = best.min(t.elapsed().as_secs_f64());
    }
    let t = Instant::now();
    for a in articles.iter().take(2000) {
        std::hint::black_box(extract(a));
    }
    let one = t.elapsed().as_secs_f64();
    let one_mb: f64 = articles
        .iter()
        .take(2000)
        .map(|a| a.title.len() + a.body.len())
        .sum::<usize>() as f64
        / 1e6;
    println!(
        "{name}: {} articles, {mb:.1} MB; build {best:.3} s = {:.1} MB/s on {} threads ({:.1} MB/s single-threaded); \
         {} people, {} bills",
        articles.len(),
        mb / best,
        rayon::current_num_threads(),
        one_mb / one,
        index.people.len(),
        index.bills.len(),
    );
}

/// One article of about `bytes` bytes of body, naming a new person (a made-up surname) every few sentences.
fn single(bytes: usize) -> Article {
    const SYLLABLES: &[&str] = &[
        "ka", "ro", "vin", "del", "mar", "to", "sen", "lu", "bre", "quo",
    ];
    let mut state: u64 = 0x2545_F491_4F6C_DD1D;
    let mut next = |m: usize| {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        (state % m as u64) as usize
    };
    let mut body = String::with_capacity(bytes + 200);
    let mut n = 0usize;
    while body.len() < bytes {
        n += 1;
        let mut surname = String::new();
        let mut k = n;
        while k > 0 {
            surname.push_str(SYLLABLES[k % SYLLABLES.len()]);
            k /= SYLLABLES.len();
        }
        let mut chars = surname.chars();
        let surname: String = chars
            .next()
            .map(|c| c.to_ascii_uppercase())
            .into_iter()
            .chain(chars)
            .collect();
        let given = ["John", "Mary", "Robert", "Linda", "James"][next(5)];
        let p = if next(3) == 0 {
            PEOPLE[next(PEOPLE.len())].to_string()
        } else {
            format!("{given} {surname}")
        };
        push_sentence(&mut body, &p, &mut next);
    }
    Article {
        id: "single".into(),
        title: "One very long story".into(),
        body,
        ..Article::default()
    }
}

/// Times `extract` on one article per size; prints seconds and seconds per MB, and fails (exit 1) when the time
/// per MB of the largest is more than twice that of the smallest (extraction would not be linear).
fn measure_single(sizes: &[usize]) {
    let mut per_mb = Vec::new();
    for &mb in sizes {
        let article = single(mb << 20);
        let t = Instant::now();
        let story = extract(&article);
        let secs = t.elapsed().as_secs_f64();
        println!(
            "single body {mb:>4} MB: extract {secs:>8.3} s = {:.3} s/MB; {} people, {} bills",
            secs / mb as f64,
            story.people.len(),
            story.bills.len()
        );
        per_mb.push(secs / mb as f64);
    }
    if let (Some(first), Some(last)) = (per_mb.first(), per_mb.last())
        && *last > 2.0 * first.max(0.002)
    {
        println!(
            "NOT LINEAR: {last:.3} s/MB at the largest size against {first:.3} s/MB at the smallest"
        );
        std::process::exit(1);
    }
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    if let Some(at) = args.iter().position(|a| a == "single") {
        let sizes: Vec<usize> = args
            .get(at + 1)
            .map(|s| s.split(',').filter_map(|n| n.trim().parse().ok()).collect())
            .filter(|v: &Vec<usize>| !v.is_empty())
            .unwrap_or_else(|| vec![5, 20, 100]);
        measure_single(&sizes);
        return;
    }
    let n = std::env::args()
        .skip(1)
        .find_map(|a| a.parse::<usize>().ok())
        .unwrap_or(20_000);
    measure("synthetic", &synthetic(n));
    match allsides() {
        Some(a) if !a.is_empty() => measure("allsides-congress", &a),
        _ => println!("allsides-congress: /work/shared not found, skipped"),
    }
}
