//! The limits of what loads: records nested too deeply are skipped with their place and the rest loads.

use std::fs;
use std::path::{Path, PathBuf};

use cloakroom::corpus::{Corpus, LoadOptions, load};

fn load_path(path: &Path) -> anyhow::Result<Corpus> {
    load(&[path.to_path_buf()], &LoadOptions::default())
}

/// `{"title": {"name": {"name": ... "x" ...}}}`, `depth` objects deep, as the crashing record.
fn nested_record(depth: usize) -> String {
    let mut s = String::from("{\"title\": ");
    s.push_str(&"{\"name\": ".repeat(depth));
    s.push_str("\"deep\"");
    s.push_str(&"}".repeat(depth));
    s.push('}');
    s
}

fn good(n: usize) -> String {
    format!("{{\"title\": \"Story {n}\", \"body\": \"Body {n}.\"}}")
}

#[test]
fn a_record_nested_10000_deep_is_skipped_with_its_place_and_the_rest_loads() -> anyhow::Result<()> {
    let dir = tempfile::tempdir()?;
    let deep = nested_record(10_000);
    // At the end of an array of good records, one a line.
    let mut array: Vec<String> = (0..500).map(good).collect();
    array.push(deep.clone());
    let array_path = dir.path().join("big.json");
    fs::write(&array_path, format!("[\n{}\n]\n", array.join(",\n")))?;
    // In JSON Lines, between good records.
    let lines_path = dir.path().join("lines.jsonl");
    fs::write(&lines_path, format!("{}\n{deep}\n{}\n", good(1), good(2)))?;
    // As the last element of a wrapper.
    let wrapper_path = dir.path().join("wrapped.json");
    fs::write(
        &wrapper_path,
        format!("{{\"articles\": [{}, {deep}]}}", good(1)),
    )?;
    // As a whole single-object file.
    let single_path = dir.path().join("single.json");
    fs::write(&single_path, &deep)?;

    let cases: [(&PathBuf, usize, usize); 4] = [
        (&array_path, 500, 502),
        (&lines_path, 2, 2),
        (&wrapper_path, 1, 1),
        (&single_path, 0, 1),
    ];
    for (path, articles, line) in cases {
        let corpus = load_path(path)?;
        assert_eq!(corpus.articles.len(), articles, "{}", path.display());
        let skipped = &corpus.report.skipped;
        assert_eq!(skipped.len(), 1, "{}: {skipped:?}", path.display());
        assert!(
            skipped[0].reason.contains("nested too deeply"),
            "{skipped:?}"
        );
        assert_eq!(skipped[0].line, Some(line), "{}", path.display());
        assert_eq!(skipped[0].file, path.display().to_string());
    }
    // Inside a folder, the other files load.
    let folder = load_path(dir.path())?;
    assert_eq!(folder.articles.len(), 503);
    assert_eq!(folder.report.skipped.len(), 4);
    Ok(())
}

#[test]
fn nesting_within_the_limit_still_loads() -> anyhow::Result<()> {
    let dir = tempfile::tempdir()?;
    let path = dir.path().join("ok.jsonl");
    // A title two objects down, and a body with a 100-deep array beside it, are fine.
    let extra = format!("{}1{}", "[".repeat(100), "]".repeat(100));
    fs::write(
        &path,
        format!("{{\"title\": {{\"name\": {{\"#text\": \"Named\"}}}}, \"extra\": {extra}}}\n"),
    )?;
    let corpus = load_path(&path)?;
    assert_eq!(corpus.articles.len(), 1, "{:?}", corpus.report.skipped);
    assert_eq!(corpus.articles[0].title, "Named");
    Ok(())
}
