//! `cloakroom add`, `cloakroom library`, and the headless commands reading the library when no path is named.

use std::io::Write as _;
use std::path::Path;
use std::process::{Command, Output, Stdio};

fn run(data: &Path, args: &[&str], stdin: Option<&str>) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_cloakroom"))
        .env("XDG_DATA_HOME", data)
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("run cloakroom");
    let mut pipe = child.stdin.take().expect("stdin");
    if let Some(text) = stdin {
        pipe.write_all(text.as_bytes()).expect("write stdin");
    }
    drop(pipe);
    child.wait_with_output().expect("wait")
}

fn text(out: &[u8]) -> String {
    String::from_utf8_lossy(out).into_owned()
}

fn stats(data: &Path) -> serde_json::Value {
    let out = run(data, &["library", "--json"], None);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    serde_json::from_slice(&out.stdout).expect("library --json")
}

const LINES: &str = "{\"id\":\"a\",\"title\":\"Senate passes S. 5\",\"body\":\"Senator Katie Britt praised the bill.\",\"source\":\"Wire\"}\n\
{\"id\":\"b\",\"title\":\"House votes\",\"body\":\"Speaker Mike Johnson scheduled it.\",\"source\":\"Post\"}\n\
not json\n";

#[test]
fn add_imports_once_and_reports_skipped_records_like_check() -> anyhow::Result<()> {
    let dir = tempfile::tempdir()?;
    let data = dir.path().join("data");
    let file = dir.path().join("a.jsonl");
    std::fs::write(&file, LINES)?;
    let f = file.to_str().expect("utf-8");
    let out = run(&data, &["add", f], None);
    assert_eq!(out.status.code(), Some(1), "a skipped record: exit 1");
    assert!(
        text(&out.stderr).contains("a.jsonl:3:"),
        "{}",
        text(&out.stderr)
    );
    assert!(
        text(&out.stdout).contains("added 2"),
        "{}",
        text(&out.stdout)
    );
    assert!(data.join("cloakroom/library.db").is_file());
    let again = run(&data, &["add", f], None);
    assert!(
        text(&again.stdout).contains("added 0"),
        "{}",
        text(&again.stdout)
    );
    assert!(
        text(&again.stdout).contains("2 same id"),
        "{}",
        text(&again.stdout)
    );
    let s = stats(&data);
    assert_eq!(s["articles"], 2);
    assert_eq!(s["sources"], 2);
    assert_eq!(s["from_files"], 2);
    Ok(())
}

#[test]
fn add_skips_the_same_content_under_another_id_and_reads_stdin() -> anyhow::Result<()> {
    let dir = tempfile::tempdir()?;
    let lib = dir.path().join("mine.db");
    let l = lib.to_str().expect("utf-8");
    let first = run(
        dir.path(),
        &["add", "--library", l, "-"],
        Some("{\"id\":\"x\",\"title\":\"T\",\"body\":\"B\"}\n"),
    );
    assert_eq!(first.status.code(), Some(0), "{}", text(&first.stderr));
    let second = run(
        dir.path(),
        &["add", "--library", l, "-"],
        Some(
            "{\"id\":\"y\",\"title\":\"T\",\"body\":\"B\"}\n{\"id\":\"z\",\"title\":\"T2\",\"body\":\"B\"}\n",
        ),
    );
    assert_eq!(second.status.code(), Some(0));
    assert!(
        text(&second.stdout).contains("added 1"),
        "{}",
        text(&second.stdout)
    );
    assert!(
        text(&second.stdout).contains("1 same content"),
        "{}",
        text(&second.stdout)
    );
    assert!(
        !dir.path().join("cloakroom").exists(),
        "--library is the only file written"
    );
    Ok(())
}

#[test]
fn an_invalid_document_adds_nothing_and_names_its_place() -> anyhow::Result<()> {
    let dir = tempfile::tempdir()?;
    let data = dir.path().join("data");
    let good = dir.path().join("good.jsonl");
    std::fs::write(&good, LINES)?;
    let bad = dir.path().join("bad.json");
    std::fs::write(&bad, "[{\"title\": \"a\"},\n{\"title\" \"b\"}]")?;
    let out = run(
        &data,
        &[
            "add",
            good.to_str().expect("utf-8"),
            bad.to_str().expect("utf-8"),
        ],
        None,
    );
    assert_eq!(out.status.code(), Some(2));
    assert!(
        text(&out.stderr).contains("bad.json:2:10"),
        "{}",
        text(&out.stderr)
    );
    assert_eq!(
        stats(&data)["articles"],
        0,
        "the good file's articles were not kept either"
    );
    let empty = dir.path().join("empty.jsonl");
    std::fs::write(&empty, "\n")?;
    let out = run(&data, &["add", empty.to_str().expect("utf-8")], None);
    assert_eq!(out.status.code(), Some(2), "nothing loaded: exit 2");
    Ok(())
}

#[test]
fn headless_commands_read_the_library_or_the_bundled_sample() -> anyhow::Result<()> {
    let dir = tempfile::tempdir()?;
    let data = dir.path().join("data");
    let check = |data: &Path| -> serde_json::Value {
        let out = run(data, &["check", "--json"], None);
        assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
        serde_json::from_slice(&out.stdout).expect("check --json")
    };
    let bundled = check(&data);
    assert!(
        bundled["articles"].as_u64().expect("count") > 100,
        "no library: the bundled sample"
    );
    assert!(
        !data.join("cloakroom/library.db").exists(),
        "reading never creates a library"
    );
    let file = dir.path().join("a.jsonl");
    std::fs::write(&file, LINES)?;
    run(&data, &["add", file.to_str().expect("utf-8")], None);
    assert_eq!(check(&data)["articles"], 2);
    let out = run(&data, &["search", "britt"], None);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    assert!(
        text(&out.stdout).contains("britt: 1 of 1 stories"),
        "{}",
        text(&out.stdout)
    );
    let out = run(&data, &["entities", "--json"], None);
    assert!(
        text(&out.stdout).contains("Mike Johnson"),
        "{}",
        text(&out.stdout)
    );
    let out = run(&data, &["check", "--field", "body=text"], None);
    assert_eq!(out.status.code(), Some(2), "--field needs files");
    Ok(())
}

#[test]
fn library_on_a_missing_file_reports_it_empty_without_creating_it() -> anyhow::Result<()> {
    let dir = tempfile::tempdir()?;
    let lib = dir.path().join("none.db");
    let out = run(
        dir.path(),
        &["library", "--library", lib.to_str().expect("utf-8")],
        None,
    );
    assert_eq!(out.status.code(), Some(0));
    assert!(
        text(&out.stdout).contains("articles    0"),
        "{}",
        text(&out.stdout)
    );
    assert!(!lib.exists());
    Ok(())
}
