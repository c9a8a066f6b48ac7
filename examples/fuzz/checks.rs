//! The contracts each kind of case checks: no panic, bounded time, and what the loader, the extractor and the query
//! parser promise (`serde_json` is the oracle for what is valid JSON).

use std::path::Path;
use std::time::{Duration, Instant};

use cloakroom::Article;
use cloakroom::corpus::{self, LoadOptions};
use cloakroom::extract::{EntityIndex, Field, extract};
use cloakroom::search::{self, SearchIndex};
use serde::de::IgnoredAny;

use crate::gen_::{self as generate, Rng};

/// The kinds of case, in the order a campaign cycles through them.
pub const KINDS: [&str; 7] = [
    "json", "mutated", "lines", "text", "extract", "query", "cli",
];

/// What a case was and what went wrong, if anything.
pub struct Outcome {
    pub input: Vec<u8>,
    pub broken: Option<String>,
}

/// Everything a campaign shares: a folder for files, a small corpus indexed for queries, and the `cloakroom`
/// binary beside this one (`target/<profile>/cloakroom`), if built, for the command-line cases.
pub struct World {
    pub dir: tempfile::TempDir,
    pub articles: Vec<Article>,
    pub index: SearchIndex,
    pub binary: Option<std::path::PathBuf>,
}

impl World {
    pub fn new() -> World {
        let articles = corpus::bundled().articles;
        let entities = EntityIndex::build(&articles);
        let index = SearchIndex::build(&articles, &entities);
        let exe = std::env::current_exe().ok();
        let binary = exe
            .iter()
            .flat_map(|e| e.ancestors().skip(1).take(3))
            .map(|dir| dir.join("cloakroom"))
            .find(|p| p.is_file());
        World {
            dir: tempfile::tempdir().expect("a temporary folder"),
            articles,
            index,
            binary,
        }
    }
}

/// Text the sanitizer lets through: no control character but newlines (in bodies), no ESC, no bidi controls.
fn clean_text(text: &str, newlines: bool) -> bool {
    text.chars().all(|c| {
        !(c.is_control() && !(newlines && c == '\n'))
            && !matches!(c, '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}' | '\u{200b}' | '\u{feff}')
    })
}

/// The loaded articles keep the sanitizing contract.
fn check_articles(articles: &[Article]) -> Result<(), String> {
    for a in articles {
        let fields = [(&a.title, false), (&a.body, true), (&a.id, false)];
        if let Some((f, _)) = fields.iter().find(|(f, nl)| !clean_text(f, *nl)) {
            return Err(format!("unsanitized text reached an article: {f:?}"));
        }
        if a.title.is_empty() && a.body.is_empty() {
            return Err("an article with neither title nor body".into());
        }
        if a.body.len() > corpus::MAX_BODY_BYTES || a.title.len() > 4 * corpus::MAX_TITLE_BYTES {
            return Err(format!("a body of {} bytes passed the limit", a.body.len()));
        }
    }
    Ok(())
}

/// A JSON document file: valid JSON (by `serde_json`) must load; an error names `file:line:column`; a valid array's
/// elements each become an article or a skipped record.
fn check_file(path: &Path, bytes: &[u8]) -> Result<(), String> {
    std::fs::write(path, bytes).map_err(|e| e.to_string())?;
    let loaded = corpus::load(&[path.to_path_buf()], &LoadOptions::default());
    let doc = bytes.strip_prefix(b"\xef\xbb\xbf").unwrap_or(bytes);
    let first = doc.trim_ascii_start().first().copied();
    let valid = serde_json::from_slice::<IgnoredAny>(doc).is_ok();
    match loaded {
        Err(err) => {
            let message = format!("{err:#}");
            if valid && matches!(first, Some(b'[' | b'{')) {
                return Err(format!("valid JSON did not load: {message}"));
            }
            let place = format!("{}:", path.display());
            let rest = message.strip_prefix(&place).unwrap_or("");
            let mut parts = rest.splitn(3, ':');
            let numbered = parts.next().is_some_and(|l| l.parse::<usize>().is_ok())
                && parts.next().is_some_and(|c| c.parse::<usize>().is_ok());
            if !numbered {
                return Err(format!("an error without file:line:column: {message}"));
            }
            Ok(())
        }
        Ok(corpus) => {
            check_articles(&corpus.articles)?;
            if valid && first == Some(b'[') {
                let n = serde_json::from_slice::<Vec<IgnoredAny>>(doc).map_or(0, |v| v.len());
                let got = corpus.articles.len() + corpus.report.skipped.len();
                if got != n {
                    return Err(format!(
                        "{n} elements gave {got} articles and skipped records"
                    ));
                }
            }
            Ok(())
        }
    }
}

/// JSON Lines: every non-blank line is an article or a skipped record, and a line `serde_json` rejects is skipped.
fn check_lines(text: &str) -> Result<(), String> {
    let corpus =
        corpus::load_str(text, "fuzz.jsonl", &LoadOptions::default()).map_err(|e| e.to_string())?;
    check_articles(&corpus.articles)?;
    let lines: Vec<(usize, &str)> = text
        .split('\n')
        .enumerate()
        // Blank as the loader means it: ASCII blanks only (a line holding a vertical tab is a bad record).
        .map(|(i, l)| (i + 1, l.trim_ascii()))
        .filter(|(_, l)| !l.is_empty())
        .collect();
    let got = corpus.articles.len() + corpus.report.skipped.len();
    if got != lines.len() {
        return Err(format!(
            "{} lines gave {got} articles and skipped records",
            lines.len()
        ));
    }
    for (n, line) in lines {
        if serde_json::from_str::<IgnoredAny>(line).is_err() {
            let skipped = corpus.report.skipped.iter().any(|s| s.line == Some(n));
            if !skipped {
                return Err(format!("line {n} is not JSON yet loaded"));
            }
        }
    }
    Ok(())
}

/// The extractor: every mention is a span of its field, on character boundaries.
fn check_extract(article: &Article) -> Result<(), String> {
    let story = extract(article);
    let spans = story
        .people
        .iter()
        .flat_map(|p| &p.mentions)
        .chain(story.bills.iter().flat_map(|b| &b.mentions));
    for s in spans {
        let text = if s.field == Field::Title {
            &article.title
        } else {
            &article.body
        };
        if s.start > s.end || text.get(s.start..s.end).is_none() {
            return Err(format!(
                "mention {}..{} outside the {:?} or off a character boundary",
                s.start, s.end, s.field
            ));
        }
    }
    let _ = EntityIndex::build(std::slice::from_ref(article));
    Ok(())
}

/// The query parser: a query parses or fails with a documented error; a parsed query ranks without trouble.
fn check_query(world: &World, text: &str) -> Result<(), String> {
    match search::parse(text) {
        Ok(query) => {
            if query.text != text {
                return Err("the parsed query lost its text".into());
            }
            if let Some(mut ranking) = world.index.rank(&world.articles, &query, 20, &|| false) {
                ranking.fill(&world.index, &world.articles, 0..20);
            }
            Ok(())
        }
        Err(err) => {
            let message = err.to_string();
            let documented = [
                "unclosed quote",
                "empty phrase",
                "needs a value",
                "expects a date",
            ];
            if documented.iter().any(|d| message.contains(d)) {
                Ok(())
            } else {
                Err(format!("undocumented query error: {message}"))
            }
        }
    }
}

/// The command line on a document: `check --json`, `entities` or `search` exits 0, 1 or 2 as documented (0 all
/// loaded, 1 something skipped, 2 nothing loaded or an invalid document), says why on standard error when it is
/// not 0, and never panics.
fn check_cli(binary: &Path, path: &Path, bytes: &[u8], which: usize) -> Result<(), String> {
    std::fs::write(path, bytes).map_err(|e| e.to_string())?;
    let is_check = which.is_multiple_of(3);
    let file = path.display().to_string();
    let args: Vec<&str> = match which % 3 {
        0 => vec!["check", "--json", &file],
        1 => vec!["entities", &file],
        _ => vec!["search", &file, "senate"],
    };
    let out = std::process::Command::new(binary)
        .args(&args)
        .output()
        .map_err(|e| format!("cannot run {}: {e}", binary.display()))?;
    let err = String::from_utf8_lossy(&out.stderr);
    if err.contains("panicked") {
        return Err(format!("{args:?} panicked: {err}"));
    }
    let code = out.status.code();
    if !matches!(code, Some(0..=2)) {
        return Err(format!("{args:?} exited {code:?}: {err}"));
    }
    // `check` lists skipped records in its own output; the others must say so on standard error.
    let said = code == Some(1) && is_check;
    if code != Some(0) && !said && err.trim().is_empty() {
        return Err(format!(
            "{args:?} exited {code:?} without a word on standard error"
        ));
    }
    if is_check && (code != Some(2) || !out.stdout.is_empty()) {
        let summary: serde_json::Value = serde_json::from_slice(&out.stdout)
            .map_err(|e| format!("check --json printed no JSON ({e}), exit {code:?}"))?;
        let articles = summary["articles"].as_u64().unwrap_or(0);
        let skipped = summary["skipped"].as_array().map_or(0, Vec::len);
        let expected = if articles == 0 {
            2
        } else {
            i32::from(skipped > 0)
        };
        if code != Some(expected) {
            return Err(format!(
                "check said {articles} articles, {skipped} skipped, yet exited {code:?}"
            ));
        }
    }
    Ok(())
}

/// Runs case `case` of kind `kind` from `rng`, catching panics and timing it against `limit`.
pub fn run(world: &World, kind: &str, rng: &mut Rng, limit: Duration) -> Outcome {
    let path = world.dir.path().join(format!("case-{kind}.json"));
    let mut input: Vec<u8> = Vec::new();
    let start = Instant::now();
    let result = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| match kind {
        "json" => {
            input = generate::document(rng).into_bytes();
            check_file(&path, &input)
        }
        "mutated" => {
            input = generate::document(rng).into_bytes();
            generate::mutate(rng, &mut input);
            check_file(&path, &input)
        }
        "lines" => {
            let n = rng.below(8);
            let lines: Vec<String> = (0..n).map(|_| generate::record(rng)).collect();
            let mut text = lines.join("\n");
            let mut bytes = std::mem::take(&mut text).into_bytes();
            if rng.chance(50) {
                generate::mutate(rng, &mut bytes);
            }
            let text = String::from_utf8_lossy(&bytes).into_owned();
            input = text.clone().into_bytes();
            check_lines(&text)
        }
        "text" => {
            let txt = world.dir.path().join("case.txt");
            let n = rng.below(200);
            input = generate::text(rng, n).into_bytes();
            if rng.chance(30) {
                generate::mutate(rng, &mut input);
            }
            std::fs::write(&txt, &input).map_err(|e| e.to_string())?;
            match corpus::load(&[txt], &LoadOptions::default()) {
                Ok(c) => check_articles(&c.articles),
                Err(e) => Err(format!("a text file did not load: {e:#}")),
            }
        }
        "extract" => {
            // One story in a hundred is about 600 KB long: extraction must stay linear.
            let long = rng.chance(1);
            let (t, b) = (rng.below(12), if long { 50_000 } else { rng.below(2000) });
            let article = Article {
                id: "fuzz".into(),
                title: generate::text(rng, t),
                body: generate::text(rng, b),
                ..Article::default()
            };
            input = format!("{}\n{}", article.title, article.body).into_bytes();
            check_extract(&article)
        }
        "cli" => {
            input = generate::document(rng).into_bytes();
            if rng.chance(50) {
                generate::mutate(rng, &mut input);
            }
            match &world.binary {
                Some(binary) => check_cli(binary, &path, &input, rng.below(3)),
                None => Ok(()),
            }
        }
        _ => {
            let q = generate::query(rng);
            input = q.clone().into_bytes();
            check_query(world, &q)
        }
    }));
    let elapsed = start.elapsed();
    let broken = match result {
        Err(panic) => Some(format!(
            "panicked: {}",
            panic
                .downcast_ref::<String>()
                .cloned()
                .or_else(|| panic.downcast_ref::<&str>().map(|s| (*s).to_string()))
                .unwrap_or_default()
        )),
        Ok(Err(message)) => Some(message),
        Ok(Ok(())) if elapsed > limit => {
            Some(format!("took {elapsed:?}, over the {limit:?} bound"))
        }
        Ok(Ok(())) => None,
    };
    Outcome { input, broken }
}
