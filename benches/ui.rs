//! Reader speed: time from launch to the first frame (the reader's own loading path over a
//! synthetic JSON file), and from a key press (`update`) to a drawn frame on a 120x35 test
//! terminal with 100k synthetic articles loaded, including search keystrokes. `UI_BENCH_N` sets
//! the size.

#[path = "support/stats.rs"]
mod stats;

#[path = "support/corpus_gen.rs"]
mod corpus_gen;

use std::sync::Arc;
use std::time::{Duration, Instant};

use chrono::NaiveDate;
use cloakroom::Article;
use cloakroom::corpus::LoadOptions;
use cloakroom::state::ReadState;
use cloakroom::ui::action::{SearchOutcome, Shared};
use cloakroom::ui::app::App;
use cloakroom::ui::engine::{SearchEngine, build_entities};
use cloakroom::ui::load::{self, LoadEvent};
use cloakroom::ui::theme::Theme;
use cloakroom::ui::{Action, Effect, draw, update};
use ratatui::Terminal;
use ratatui::backend::TestBackend;

/// A repeatable xorshift generator.
struct Rng(u64);

impl Rng {
    fn below(&mut self, n: usize) -> usize {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        (self.0 % n as u64) as usize
    }
}

const WORDS: &[&str] = &[
    "the",
    "of",
    "and",
    "to",
    "in",
    "that",
    "said",
    "would",
    "bill",
    "vote",
    "house",
    "senate",
    "committee",
    "budget",
    "tax",
    "spending",
    "defense",
    "trade",
    "election",
    "court",
    "members",
    "support",
    "measure",
    "amendment",
    "floor",
    "debate",
    "hearing",
    "funding",
    "program",
    "week",
    "leaders",
    "majority",
    "minority",
    "federal",
    "policy",
    "plan",
    "health",
    "security",
    "nato",
];
const PEOPLE: &[&str] = &[
    "Thomas Massie",
    "Mike Lee",
    "Roger Wicker",
    "Joni Ernst",
    "Michael Bennet",
    "Nancy Pelosi",
    "Chuck Schumer",
    "Mitch McConnell",
    "Elizabeth Warren",
    "Ted Cruz",
    "Susan Collins",
    "John Thune",
];
const SOURCES: &[&str] = &[
    "Reuters", "AP", "Politico", "The Hill", "NPR", "BBC", "Axios",
];

fn sentence(rng: &mut Rng, out: &mut String) {
    let n = 8 + rng.below(14);
    for i in 0..n {
        if i == 3 && rng.below(3) == 0 {
            out.push_str(["Representative ", "Senator "][rng.below(2)]);
            out.push_str(PEOPLE[rng.below(PEOPLE.len())]);
        } else if i == 6 && rng.below(6) == 0 {
            out.push_str("H.R. ");
            out.push_str(&(100 + rng.below(9000)).to_string());
        } else {
            out.push_str(WORDS[rng.below(WORDS.len())]);
        }
        out.push(if i + 1 == n { '.' } else { ' ' });
    }
    out.push(' ');
}

/// `n` articles of about 2 KB each.
fn corpus(n: usize) -> Vec<Article> {
    let mut rng = Rng(0x9E37_79B9_7F4A_7C15);
    let start = NaiveDate::from_ymd_opt(2015, 1, 1).expect("date");
    (0..n)
        .map(|i| {
            let mut title = String::new();
            sentence(&mut rng, &mut title);
            let mut body = String::new();
            for p in 0..4 + rng.below(4) {
                if p > 0 {
                    body.push_str("\n\n");
                }
                for _ in 0..3 {
                    sentence(&mut rng, &mut body);
                }
            }
            Article {
                id: format!("syn-{i}"),
                title: title.trim().to_owned(),
                body,
                source: Some(SOURCES[rng.below(SOURCES.len())].to_owned()),
                authors: vec!["Staff".to_owned()],
                date: start.checked_add_days(chrono::Days::new(rng.below(3650) as u64)),
                url: cloakroom::corpus::SafeUrl::parse(&format!("https://example.com/{i}")).ok(),
                ..Article::default()
            }
        })
        .collect()
}

/// Median, 99th percentile and worst of a set of durations, in milliseconds.
fn summary(name: &str, mut times: Vec<Duration>) {
    if let Some(s) = stats::spread(&mut times) {
        println!(
            "{name:<44} n={:<4} median {:>7.3} ms  p99 {:>7.3} ms  max {:>7.3} ms",
            s.n, s.p50, s.p99, s.max
        );
    }
}

/// Launch as the reader does it: load in the background, take what is in after the first-frame
/// budget, build the app and draw.
fn launch(n: usize) {
    let dir = tempfile::tempdir().expect("temporary folder");
    let (json, _) = corpus_gen::write_corpus(n, dir.path()).expect("corpus written");
    let size = std::fs::metadata(&json).map_or(0, |m| m.len());
    for _ in 0..2 {
        let t = Instant::now();
        let events = load::spawn(vec![json.clone()], LoadOptions::default());
        let start = load::first_screen(events, load::FIRST_FRAME_BUDGET).expect("loads");
        let shown = start.articles.len();
        let mut app = App::new(
            Arc::new(start.articles),
            ReadState::in_memory(),
            Theme::color(),
        );
        update(&mut app, Action::Resize(120, 35));
        let mut terminal = Terminal::new(TestBackend::new(120, 35)).expect("terminal");
        terminal.draw(|f| draw(f, &app)).expect("draw");
        let first = t.elapsed();
        let mut total = shown;
        if let Some(rest) = start.rest {
            for event in rest {
                match event {
                    LoadEvent::Batch(b) => {
                        total += b.len();
                        update(&mut app, Action::MoreStories(Shared(Arc::new(b))));
                    }
                    LoadEvent::Done(r) => {
                        r.expect("loads");
                    }
                }
            }
        }
        println!(
            "launch to first frame ({:.0} MB JSON file): {:.0} ms with {shown} stories listed; \
             all {total} in the list after {:.0} ms",
            size as f64 / 1e6,
            first.as_secs_f64() * 1000.0,
            t.elapsed().as_secs_f64() * 1000.0
        );
    }
}

fn main() {
    let n: usize = std::env::var("UI_BENCH_N")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(100_000);
    launch(n);
    let t = Instant::now();
    let articles = Arc::new(corpus(n));
    let mb = articles
        .iter()
        .map(|a| a.body.len() + a.title.len())
        .sum::<usize>() as f64
        / 1e6;
    println!(
        "corpus: {n} articles, {mb:.0} MB, generated in {:.2} s",
        t.elapsed().as_secs_f64()
    );

    let t = Instant::now();
    let mut app = App::new(
        Arc::clone(&articles),
        ReadState::in_memory(),
        Theme::color(),
    );
    update(&mut app, Action::Resize(120, 35));
    let mut terminal = Terminal::new(TestBackend::new(120, 35)).expect("terminal");
    terminal.draw(|f| draw(f, &app)).expect("draw");
    println!(
        "first frame (app + story + draw, no index): {:.1} ms",
        t.elapsed().as_secs_f64() * 1000.0
    );

    let t = Instant::now();
    let entities = Arc::new(build_entities(&articles, &|_, _| {}));
    println!(
        "entity index (background in the reader): {:.2} s",
        t.elapsed().as_secs_f64()
    );
    let t = Instant::now();
    let engine = SearchEngine::build(Arc::clone(&articles), &entities);
    println!(
        "search index (background in the reader): {:.2} s",
        t.elapsed().as_secs_f64()
    );
    update(&mut app, Action::EntitiesReady(Shared(entities)));
    update(&mut app, Action::SearchReady);

    let mut frame = |app: &mut App, action: Action| -> (Duration, Vec<Effect>) {
        let t = Instant::now();
        let effects = update(app, action);
        terminal.draw(|f| draw(f, app)).expect("draw");
        (t.elapsed(), effects)
    };

    let mut moves = Vec::new();
    for i in 0..300 {
        let action = if i % 50 == 49 {
            Action::Top
        } else {
            Action::Down
        };
        moves.push(frame(&mut app, action).0);
    }
    summary("j (next story: extract + wrap + draw)", moves);
    let mut pages = Vec::new();
    for _ in 0..100 {
        pages.push(frame(&mut app, Action::PageDown).0);
    }
    pages.push(frame(&mut app, Action::Bottom).0);
    summary("PgDn / G in the list", pages);
    frame(&mut app, Action::FocusNext);
    let mut scroll = Vec::new();
    for _ in 0..100 {
        scroll.push(frame(&mut app, Action::Down).0);
    }
    summary("j in the reader (scroll)", scroll);
    frame(&mut app, Action::FocusPrev);

    let (mut typed, mut searched, mut shown) = (Vec::new(), Vec::new(), Vec::new());
    for query in [
        "massie",
        "hr 12",
        "nato exit",
        "senate budget",
        "wickr",
        "pelosi",
        "mcconel",
        "patriot act",
        "h.r. 3684",
    ] {
        frame(&mut app, Action::SearchStart);
        for c in query.chars() {
            let (key, effects) = frame(&mut app, Action::SearchInput(c));
            typed.push(key);
            for effect in effects {
                if let Effect::Search(generation, q) = effect {
                    // As the worker answers first: ranked hits, details for the first screen.
                    let t = Instant::now();
                    let first = engine.search_first(&q);
                    let search = t.elapsed();
                    let total = first.as_ref().map_or(0, |(_, total)| *total);
                    let outcome = SearchOutcome {
                        generation,
                        hits: first.map(|(hits, _)| hits),
                        partial: false,
                        total,
                    };
                    let (draw, _) = frame(&mut app, Action::SearchResults(outcome));
                    searched.push(search);
                    if std::env::var_os("UI_BENCH_VERBOSE").is_some() {
                        println!(
                            "  {q:>14}: {:.2} ms, {total} hits",
                            search.as_secs_f64() * 1000.0
                        );
                    }
                    if std::env::var_os("UI_BENCH_VERBOSE").is_some() {
                        println!(
                            "  {q:>14}: {:.2} ms, {total} hits",
                            search.as_secs_f64() * 1000.0
                        );
                    }
                    shown.push(search + draw);
                }
            }
        }
        frame(&mut app, Action::SearchCancel);
    }
    summary("search keystroke: key to frame (prompt)", typed);
    summary("search keystroke: query on the worker", searched);
    summary("search keystroke: key to frame with results", shown);
}
