//! The judged query set (`tests/eval/ranking/queries.json`): loading, checking, and stable document keys.

use std::collections::BTreeMap;
use std::path::Path;

use serde::{Deserialize, Serialize};

use crate::metrics::Grades;

/// The categories every query set must cover, in report order.
pub const CATEGORIES: [&str; 8] = [
    "name",
    "name-typo",
    "bill-number",
    "bill-name",
    "uk-bill",
    "topic",
    "two-part",
    "qualifier",
];

/// One judged query.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Judged {
    /// The query as a reader types it (Cloakroom's query language).
    pub query: String,
    /// One of [`CATEGORIES`].
    pub category: String,
    /// `dev` (may be tuned on) or `test` (reported).
    pub split: String,
    /// Grade (0, 1, 2) by stable document key.
    pub judgments: BTreeMap<String, u8>,
}

impl Judged {
    /// The judgments as a lookup table.
    pub fn grades(&self) -> Grades {
        self.judgments
            .iter()
            .map(|(k, &g)| (k.clone(), g))
            .collect()
    }
}

/// Parses a query set.
///
/// # Errors
/// The JSON error, or the first problem [`check`] finds.
pub fn parse(text: &str) -> Result<Vec<Judged>, String> {
    let set: Vec<Judged> = serde_json::from_str(text).map_err(|e| e.to_string())?;
    check(&set)?;
    Ok(set)
}

/// Reads and parses a query set file.
///
/// # Errors
/// Names the file when it cannot be read or is not a valid set.
pub fn load(path: &Path) -> Result<Vec<Judged>, String> {
    let text = std::fs::read_to_string(path).map_err(|e| format!("{}: {e}", path.display()))?;
    parse(&text).map_err(|e| format!("{}: {e}", path.display()))
}

/// Checks a query set: known categories and splits, every category in both splits (in the test
/// split alone for a held-out set whose queries are all `test`), grades in 0..=2, no empty or
/// repeated query.
///
/// # Errors
/// Says what is wrong and with which query.
pub fn check(set: &[Judged]) -> Result<(), String> {
    let mut seen = std::collections::HashSet::new();
    for q in set {
        if q.query.trim().is_empty() {
            return Err("a query is empty".to_string());
        }
        if !seen.insert(q.query.as_str()) {
            return Err(format!("query {:?} is listed twice", q.query));
        }
        if !CATEGORIES.contains(&q.category.as_str()) {
            return Err(format!(
                "query {:?}: unknown category {:?}",
                q.query, q.category
            ));
        }
        if q.split != "dev" && q.split != "test" {
            return Err(format!(
                "query {:?}: split must be dev or test, not {:?}",
                q.query, q.split
            ));
        }
        if let Some((key, g)) = q.judgments.iter().find(|(_, g)| **g > 2) {
            return Err(format!(
                "query {:?}: grade {g} for {key:?} is not 0, 1 or 2",
                q.query
            ));
        }
    }
    // A held-out set (every query `test`, such as `fresh.json`) needs no dev split.
    let splits: &[&str] = if set.iter().all(|q| q.split == "test") {
        &["test"]
    } else {
        &["dev", "test"]
    };
    for category in CATEGORIES {
        for &split in splits {
            if !set
                .iter()
                .any(|q| q.category == category && q.split == split)
            {
                return Err(format!("category {category:?} has no {split} query"));
            }
        }
    }
    Ok(())
}

/// A document's stable key, independent of text cleaning: the path under the corpora folder for
/// a text file (`bbc-politics/042.txt`) and for a single-record JSON file (`seed.json`), and the
/// record's own id (allsides' `ID`) for a record of any other JSON file.
pub fn doc_key(origin_file: &str, id: &str, corpora: &Path) -> String {
    let path = Path::new(origin_file);
    let relative = path
        .strip_prefix(corpora)
        .unwrap_or(path)
        .to_string_lossy()
        .replace('\\', "/");
    let json = path
        .extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("json") || e.eq_ignore_ascii_case("jsonl"));
    if !json || relative == "seed.json" {
        relative
    } else {
        id.to_string()
    }
}
