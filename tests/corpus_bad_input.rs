//! Bad input gives a clear error or a skipped record, never a panic, a hang or a lost article.

use std::fs;
use std::path::{Path, PathBuf};

use cloakroom::corpus::{LoadOptions, load};

fn fixture(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/corpus")
        .join(name)
}

fn load_path(path: &Path) -> anyhow::Result<cloakroom::corpus::Corpus> {
    load(&[path.to_path_buf()], &LoadOptions::default())
}

#[test]
fn invalid_json_document_names_path_line_and_column() {
    let path = fixture("bad.json");
    let message = load_path(&path)
        .err()
        .map(|e| e.to_string())
        .unwrap_or_default();
    assert_eq!(
        message,
        format!("{}:3:22: expected `,` or `}}`", path.display()),
        "{message}"
    );
}

#[test]
fn trailing_garbage_and_unclosed_arrays_are_errors() -> anyhow::Result<()> {
    let dir = tempfile::tempdir()?;
    let cases = [
        (
            "trailing.json",
            "[{\"title\": \"a\"}] x",
            "1:18: trailing characters",
        ),
        (
            "unclosed.json",
            "[{\"title\": \"a\"},\n",
            "2:0: EOF while parsing",
        ),
        (
            "comma.json",
            "[{\"title\": \"a\"},]",
            "1:17: expected value",
        ),
        (
            "word.json",
            "\n  nonsense",
            "2:3: expected a JSON array or object",
        ),
    ];
    for (name, text, position) in cases {
        let path = dir.path().join(name);
        fs::write(&path, text)?;
        let message = load_path(&path)
            .err()
            .map(|e| e.to_string())
            .unwrap_or_default();
        let expected = format!("{}:{position}", path.display());
        assert!(message.starts_with(&expected), "{name}: {message}");
    }
    Ok(())
}

#[test]
fn invalid_utf8_is_decoded_lossily_with_a_warning() -> anyhow::Result<()> {
    let dir = tempfile::tempdir()?;
    let path = dir.path().join("latin1.jsonl");
    fs::write(
        &path,
        b"{\"title\": \"Caf\xe9 politics\", \"body\": \"ok\"}\n",
    )?;
    let corpus = load_path(&path)?;
    assert_eq!(corpus.articles[0].title, "Caf\u{fffd} politics");
    assert!(
        corpus
            .report
            .warnings
            .iter()
            .any(|w| w.contains("invalid UTF-8"))
    );
    Ok(())
}

#[test]
fn empty_file_and_empty_folder_load_nothing_without_error() -> anyhow::Result<()> {
    let dir = tempfile::tempdir()?;
    let empty = dir.path().join("empty.json");
    fs::write(&empty, "")?;
    let corpus = load_path(&empty)?;
    assert!(corpus.articles.is_empty());
    assert_eq!(corpus.report.skipped.len(), 1);
    assert_eq!(corpus.report.skipped[0].reason, "empty file");

    let folder = dir.path().join("nothing");
    fs::create_dir(&folder)?;
    let corpus = load_path(&folder)?;
    assert!(corpus.articles.is_empty());
    assert!(
        corpus
            .report
            .warnings
            .iter()
            .any(|w| w.contains("no article files"))
    );
    Ok(())
}

#[test]
fn missing_path_is_an_error_naming_it() {
    let message = load_path(Path::new("/no/such/corpus.json"))
        .err()
        .map(|e| format!("{e:#}"))
        .unwrap_or_default();
    assert!(
        message.starts_with("/no/such/corpus.json: cannot read"),
        "{message}"
    );
}

#[test]
fn deeply_nested_json_does_not_overflow_the_stack() -> anyhow::Result<()> {
    let dir = tempfile::tempdir()?;
    let depth = 100_000;
    let cases = [
        (
            "array.json",
            format!("[{}{}]", "[".repeat(depth), "]".repeat(depth)),
        ),
        (
            "object.json",
            format!(
                "{}\"title\": \"deep\"{}",
                "{\"a\": ".repeat(depth),
                "}".repeat(depth)
            ),
        ),
        (
            "field.jsonl",
            format!(
                "{{\"title\": \"t\", \"body\": {}\"x\"{}}}\n",
                "[".repeat(depth),
                "]".repeat(depth)
            ),
        ),
    ];
    for (name, text) in cases {
        let path = dir.path().join(name);
        fs::write(&path, text)?;
        // Whatever the outcome (an error, a skipped record, an article), it returns.
        let _ = load_path(&path);
    }
    let array = load_path(&dir.path().join("array.json"))?;
    assert!(array.articles.is_empty());
    assert!(array.report.skipped[0].reason.contains("nested too deeply"));
    Ok(())
}

#[test]
fn unreadable_entry_in_folder_is_skipped_and_the_rest_loads() -> anyhow::Result<()> {
    let dir = tempfile::tempdir()?;
    fs::write(dir.path().join("good.txt"), "Good title\n\nGood body.")?;
    #[cfg(unix)]
    std::os::unix::fs::symlink(
        dir.path().join("missing.json"),
        dir.path().join("dangling.json"),
    )?;
    let corpus = load_path(dir.path())?;
    assert_eq!(corpus.articles.len(), 1);
    #[cfg(unix)]
    assert!(
        corpus
            .report
            .skipped
            .iter()
            .any(|s| s.file.ends_with("dangling.json"))
    );
    Ok(())
}

#[cfg(unix)]
#[test]
fn fifo_in_a_folder_is_skipped_not_waited_on() -> anyhow::Result<()> {
    let dir = tempfile::tempdir()?;
    fs::write(dir.path().join("good.txt"), "Good title\n\nGood body.")?;
    let fifo = dir.path().join("pipe.jsonl");
    let status = std::process::Command::new("mkfifo").arg(&fifo).status()?;
    assert!(status.success());
    let corpus = load_path(dir.path())?;
    assert_eq!(corpus.articles.len(), 1);
    assert!(
        corpus
            .report
            .warnings
            .iter()
            .any(|w| w.contains("pipe.jsonl: skipped, not a regular file"))
    );
    Ok(())
}

#[cfg(unix)]
#[test]
fn fifo_named_explicitly_is_read() -> anyhow::Result<()> {
    let dir = tempfile::tempdir()?;
    let fifo = dir.path().join("stream.jsonl");
    let status = std::process::Command::new("mkfifo").arg(&fifo).status()?;
    assert!(status.success());
    let writer_path = fifo.clone();
    let writer = std::thread::spawn(move || {
        fs::write(writer_path, "{\"title\": \"Piped\", \"body\": \"In.\"}\n")
    });
    let corpus = load_path(&fifo)?;
    writer
        .join()
        .map_err(|_| anyhow::anyhow!("writer panicked"))??;
    assert_eq!(corpus.articles[0].title, "Piped");
    Ok(())
}

#[test]
fn hostile_text_is_cleaned_at_load() {
    let corpus = load_path(&fixture("hostile.jsonl")).unwrap_or_default();
    let a = &corpus.articles[0];
    assert_eq!(a.title, "Evil title");
    assert_eq!(a.body, "Line one\nLine    two evil zero");
    assert_eq!(a.source.as_deref(), Some("BadSource"));
    assert_eq!(a.authors, ["Bold Author"]);
    assert_eq!(a.url, None);
    assert!(
        corpus
            .report
            .warnings
            .iter()
            .any(|w| w.contains("not http(s)"))
    );
}

#[test]
fn raw_escape_bytes_in_text_files_and_file_names_are_removed() -> anyhow::Result<()> {
    let dir = tempfile::tempdir()?;
    fs::write(
        dir.path().join("evil\u{1b}[31m.txt"),
        "\u{1b}]0;title\u{7}Head\u{1b}[1mline\r\n\r\nBody\u{9b}2J text\u{202e}.",
    )?;
    fs::write(dir.path().join("bad\u{1b}[2J.json"), "{")?;
    let corpus = load_path(dir.path())?;
    let a = &corpus.articles[0];
    assert_eq!(a.title, "Headline");
    assert_eq!(a.body, "Body text.");
    assert!(!a.origin.file.contains('\u{1b}'));
    assert!(
        corpus
            .report
            .skipped
            .iter()
            .all(|s| !s.file.contains('\u{1b}'))
    );
    Ok(())
}

#[test]
fn files_are_only_read() -> anyhow::Result<()> {
    let path = fixture("array.json");
    let before = (fs::read(&path)?, fs::metadata(&path)?.modified()?);
    load_path(&path)?;
    assert_eq!(before, (fs::read(&path)?, fs::metadata(&path)?.modified()?));
    Ok(())
}

#[test]
fn unreadable_dates_warn_and_leave_the_article_undated() -> anyhow::Result<()> {
    let dir = tempfile::tempdir()?;
    let path = dir.path().join("dates.jsonl");
    let lines = [
        r#"{"title": "a", "date": 1e400}"#,
        r#"{"title": "b", "date": {"y": 2020}}"#,
        r#"{"title": "c", "date": "someday"}"#,
        r#"{"title": "d", "date": null}"#,
        r#"{"title": "e", "date": ""}"#,
        r#"{"title": "f", "date": {"y": 2020}, "published": "2024-03-05"}"#,
    ];
    fs::write(&path, lines.join("\n"))?;
    let corpus = load_path(&path)?;
    assert_eq!(corpus.articles.len(), 6);
    let dated: Vec<bool> = corpus.articles.iter().map(|a| a.date.is_some()).collect();
    assert_eq!(dated, [false, false, false, false, false, true]);
    let file = path.display();
    assert_eq!(
        corpus.report.warnings,
        [
            format!("{file}:1: unrecognized date \"1e400\""),
            format!("{file}:2: unrecognized date \"{{\\\"y\\\": 2020}}\""),
            format!("{file}:3: unrecognized date \"someday\""),
        ]
    );
    Ok(())
}

#[test]
fn a_number_out_of_range_as_an_element_is_skipped_not_the_whole_array() -> anyhow::Result<()> {
    // Found by the fuzz target: `1e400` is valid JSON that serde_json cannot read as a value.
    let dir = tempfile::tempdir()?;
    let path = dir.path().join("numbers.json");
    fs::write(&path, "[{\"title\": \"Kept\"},\n-1e400, 1e400]")?;
    let corpus = load_path(&path)?;
    assert_eq!(corpus.articles.len(), 1);
    assert_eq!(corpus.report.skipped.len(), 2);
    assert!(
        corpus.report.skipped[0].reason.contains("not an object"),
        "{:?}",
        corpus.report.skipped
    );
    Ok(())
}

#[test]
fn lone_surrogate_escapes_are_replaced_not_the_whole_file_lost() -> anyhow::Result<()> {
    // Found by the fuzz target (seed 22, case 77400): `"\udf89"` is valid JSON by the grammar, but serde_json will
    // not decode it, so a wrapper whose key held one was refused whole, and a title holding one went missing.
    let dir = tempfile::tempdir()?;
    let wrapper = dir.path().join("wrapper.json");
    fs::write(
        &wrapper,
        r#"{"resp\udf89": {"docs": [{"title": "Kept"}]}, "articles": [{"title": "Also \ud83c kept"}]}"#,
    )?;
    let corpus = load_path(&wrapper)?;
    let titles: Vec<&str> = corpus.articles.iter().map(|a| a.title.as_str()).collect();
    assert_eq!(titles, ["Also \u{fffd} kept"]);
    assert!(
        corpus.report.warnings[0].contains("surrogate"),
        "{:?}",
        corpus.report.warnings
    );
    let lines = dir.path().join("lines.jsonl");
    fs::write(
        &lines,
        "{\"title\": \"Lone \\udc00 half\"}\n{\"title\": \"Pair \\ud83c\\udf89\"}\n",
    )?;
    let corpus = load_path(&lines)?;
    let titles: Vec<&str> = corpus.articles.iter().map(|a| a.title.as_str()).collect();
    assert_eq!(titles, ["Lone \u{fffd} half", "Pair \u{1f389}"]);
    Ok(())
}
