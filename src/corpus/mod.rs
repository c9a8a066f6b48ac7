//! Articles and corpora: the data model, the loaders per format, field mapping and text sanitizing.

mod article;
mod dates;
mod escapes;
mod fields;
mod files;
mod furniture;
mod json;
mod raw;
mod record;
pub mod sanitize;
mod scan;
mod stream;
pub mod text;
mod url;

use std::collections::{HashMap, HashSet};
use std::path::PathBuf;

pub use article::{Article, Corpus, LoadReport, Origin, Skipped};
pub use dates::parse_date;
pub use fields::{Field, parse_field_arg};
pub use files::MAX_FILE_BYTES;
pub use json::MAX_NESTING;
pub use record::{MAX_BODY_BYTES, MAX_TITLE_BYTES, derive_id};
pub use url::SafeUrl;

use fields::FieldMap;
use json::Parsed;

/// At most this many warnings are kept in a report; the rest are counted in a last one.
pub const MAX_WARNINGS: usize = 200;

/// How to load: field-name overrides given on the command line.
#[derive(Debug, Clone, Default)]
pub struct LoadOptions {
    /// `(field, key)` pairs from `--field field=key`, e.g. `("body", "content_original")`.
    pub fields: Vec<(String, String)>,
}

impl LoadOptions {
    /// Options from `--field FIELD=KEY` arguments, as the subcommands receive them.
    ///
    /// # Errors
    /// Fails, naming the argument, when one has no `=`, an unknown field or an empty key.
    pub fn from_field_args(args: &[String]) -> anyhow::Result<LoadOptions> {
        let fields = args
            .iter()
            .map(|a| parse_field_arg(a))
            .collect::<anyhow::Result<Vec<_>>>()?;
        Ok(LoadOptions { fields })
    }
}

/// Loads every path (files, folders, `-` for standard input) into one corpus.
///
/// # Errors
/// Fails when a path cannot be read at all or a single JSON document is invalid
/// (`path:line:column: what is wrong`); bad records in JSON Lines and folders are skipped instead.
pub fn load(paths: &[PathBuf], options: &LoadOptions) -> anyhow::Result<Corpus> {
    let mut corpus = load_streaming(paths, options, &mut |_| {})?;
    corpus.report.duplicate_ids = dedupe_ids(&mut corpus.articles);
    Ok(corpus)
}

/// Like [`load`], handing articles to `sink` as they are parsed (after each chunk of a large JSON or JSON Lines
/// file, after each other path), so that a reader can show them while the rest loads. The returned corpus holds
/// what `sink` left. Ids are not yet made unique across the batches: call [`dedupe_ids`] on all the articles.
///
/// # Errors
/// As [`load`]; articles already handed over stay valid.
pub fn load_streaming(
    paths: &[PathBuf],
    options: &LoadOptions,
    sink: &mut dyn FnMut(&mut Vec<Article>),
) -> anyhow::Result<Corpus> {
    let map = FieldMap::new(&options.fields)?;
    let mut corpus = Corpus::default();
    // File names are cleaned where they are made (a name can carry escape sequences too), so the
    // articles' origins need no pass of their own here.
    for path in paths {
        // Articles the sink took from this path, to tell a file that held none.
        let mut taken = 0;
        let mut counting = |articles: &mut Vec<Article>| {
            let before = articles.len();
            sink(articles);
            taken += before - articles.len();
        };
        let (mut parsed, read, folder) = if path.as_os_str() == "-" {
            (files::load_stdin(&map)?, 1, false)
        } else if std::fs::metadata(path).is_ok_and(|m| m.is_dir()) {
            let (parsed, read) = files::load_folder(path, &map);
            (parsed, read, true)
        } else {
            (files::load_file(path, &map, &mut counting)?, 1, false)
        };
        counting(&mut parsed.articles);
        if !folder && taken + parsed.articles.len() == 0 && parsed.skipped.is_empty() {
            let file = sanitize::clean_line(&path.display().to_string());
            parsed.warnings.push(format!(
                "{file}: no articles: it holds an empty list of records"
            ));
        }
        corpus.report.files_read += read;
        corpus.articles.extend(parsed.articles);
        corpus.report.skipped.extend(parsed.skipped);
        corpus.report.warnings.extend(parsed.warnings);
    }
    clean_report(&mut corpus.report);
    Ok(corpus)
}

/// Loads JSON Lines text already in memory, `file` naming it in origins and messages.
pub fn load_str(text: &str, file: &str, options: &LoadOptions) -> anyhow::Result<Corpus> {
    let map = FieldMap::new(&options.fields)?;
    let mut corpus = Corpus::default();
    absorb(
        &mut corpus,
        json::parse_lines(text.as_bytes(), 1, file, &map),
    );
    corpus.report.files_read = 1;
    finish(&mut corpus);
    Ok(corpus)
}

/// The bundled sample corpus's JSON Lines files.
const BUNDLED: [&str; 2] = [
    include_str!("../../assets/sample/us.jsonl"),
    include_str!("../../assets/sample/world.jsonl"),
];

/// The sample corpus bundled in the binary (origin file `<bundled>`), loaded like any JSON Lines file.
pub fn bundled() -> Corpus {
    let map = FieldMap::new(&[]).unwrap_or_else(|_| unreachable!("default field map"));
    let mut corpus = Corpus::default();
    for text in BUNDLED {
        absorb(
            &mut corpus,
            json::parse_lines(text.as_bytes(), 1, "<bundled>", &map),
        );
        corpus.report.files_read += 1;
    }
    finish(&mut corpus);
    corpus
}

/// Adds one parse result to a corpus.
fn absorb(corpus: &mut Corpus, parsed: Parsed) {
    corpus.articles.extend(parsed.articles);
    corpus.report.skipped.extend(parsed.skipped);
    corpus.report.warnings.extend(parsed.warnings);
}

/// Cleans file names and messages (a file name can carry escape sequences too), keeps duplicate ids apart and caps
/// the warnings.
fn finish(corpus: &mut Corpus) {
    clean_origins(&mut corpus.articles);
    clean_report(&mut corpus.report);
    corpus.report.duplicate_ids = dedupe_ids(&mut corpus.articles);
}

/// Cleans the origin file names of `articles`.
fn clean_origins(articles: &mut [Article]) {
    if articles
        .iter()
        .any(|a| sanitize::clean(&a.origin.file) != a.origin.file)
    {
        for article in articles {
            article.origin.file = sanitize::clean_line(&article.origin.file);
        }
    }
}

/// Cleans the file names and reasons of skipped records and the warnings, and caps the warnings.
fn clean_report(report: &mut LoadReport) {
    for skipped in &mut report.skipped {
        skipped.file = sanitize::clean_line(&skipped.file);
        skipped.reason = sanitize::clean_line(&skipped.reason);
    }
    for warning in &mut report.warnings {
        *warning = sanitize::clean_line(warning);
    }
    let warnings = &mut report.warnings;
    if warnings.len() > MAX_WARNINGS {
        let more = warnings.len() - MAX_WARNINGS;
        warnings.truncate(MAX_WARNINGS);
        warnings.push(format!("... and {more} more warnings"));
    }
}

/// Keeps duplicate ids apart (the second `x` becomes `x~2`, the third `x~3`, ...); returns the ids that were
/// duplicated.
pub fn dedupe_ids(articles: &mut [Article]) -> Vec<String> {
    let mut seen: HashSet<String> = articles.iter().map(|a| a.id.clone()).collect();
    let mut duplicates = Vec::new();
    if seen.len() < articles.len() {
        let mut counts: HashMap<String, usize> = HashMap::new();
        for article in articles {
            let count = counts.entry(article.id.clone()).or_insert(0);
            *count += 1;
            if *count == 1 {
                continue;
            }
            if *count == 2 {
                duplicates.push(article.id.clone());
            }
            let mut n = *count;
            let mut id = format!("{}~{n}", article.id);
            while seen.contains(&id) {
                n += 1;
                id = format!("{}~{n}", article.id);
            }
            seen.insert(id.clone());
            article.id = id;
        }
    }
    duplicates
}
