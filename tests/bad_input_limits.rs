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

/// Runs the built binary with a watchdog: a run that has not ended in 20 s is killed and fails the test.
fn run_bounded(args: &[&str]) -> (Option<i32>, String, String) {
    use std::process::{Command, Stdio};
    use std::time::{Duration, Instant};
    let mut child = Command::new(env!("CARGO_BIN_EXE_cloakroom"))
        .env(
            "XDG_DATA_HOME",
            concat!(env!("CARGO_TARGET_TMPDIR"), "/no-library"),
        )
        .args(args)
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap_or_else(|e| panic!("cannot run cloakroom: {e}"));
    let start = Instant::now();
    while child.try_wait().ok().flatten().is_none() {
        if start.elapsed() > Duration::from_secs(20) {
            let _ = child.kill();
            panic!("cloakroom {args:?} still running after 20 s");
        }
        std::thread::sleep(Duration::from_millis(20));
    }
    let out = child
        .wait_with_output()
        .unwrap_or_else(|e| panic!("cannot wait: {e}"));
    (
        out.status.code(),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

#[cfg(unix)]
#[test]
fn devices_are_refused_at_once_with_a_message() {
    for device in ["/dev/zero", "/dev/urandom"] {
        for command in ["check", "entities"] {
            let (code, _, err) = run_bounded(&[command, device]);
            assert_eq!(code, Some(2), "{command} {device}: {err}");
            assert!(
                err.contains(device) && err.contains("not a regular file"),
                "{command} {device}: {err}"
            );
        }
    }
}

#[test]
fn a_file_larger_than_the_limit_is_refused_without_reading_it() -> anyhow::Result<()> {
    let dir = tempfile::tempdir()?;
    let path = dir.path().join("huge.json");
    // Sparse: no disk space used.
    fs::File::create(&path)?.set_len(cloakroom::corpus::MAX_FILE_BYTES + 1)?;
    let message = load_path(&path).err().map(|e| format!("{e:#}"));
    let message = message.unwrap_or_default();
    assert!(
        message.contains("huge.json") && message.contains("larger than 1024 MiB"),
        "{message}"
    );
    // In a folder it is skipped with that reason and the rest loads.
    fs::write(dir.path().join("ok.jsonl"), format!("{}\n", good(1)))?;
    let folder = load_path(dir.path())?;
    assert_eq!(folder.articles.len(), 1);
    assert!(folder.report.skipped[0].reason.contains("larger than"));
    Ok(())
}

#[test]
fn a_body_longer_than_the_limit_is_cut_with_a_warning() -> anyhow::Result<()> {
    let limit = cloakroom::corpus::MAX_BODY_BYTES;
    let dir = tempfile::tempdir()?;
    let path = dir.path().join("long.jsonl");
    let body = "Word é. ".repeat(limit / 9 + 1000);
    fs::write(
        &path,
        format!(
            "{}\n{{\"title\": \"Long\", \"body\": \"{body}\"}}\n",
            good(1)
        ),
    )?;
    let corpus = load_path(&path)?;
    assert_eq!(corpus.articles.len(), 2);
    assert!(corpus.articles[1].body.len() <= limit);
    assert!(corpus.articles[1].body.len() > limit - 100);
    let warning = corpus.report.warnings.join("\n");
    assert!(
        warning.contains("long.jsonl:2: body cut to 16.0 MiB"),
        "{warning}"
    );
    Ok(())
}
