//! `cloakroom check`: the human summary, the `--json` shape and the exit codes, run on the built binary.

use std::path::PathBuf;
use std::process::{Command, Output};

fn fixture(name: &str) -> String {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/corpus")
        .join(name)
        .display()
        .to_string()
}

fn check(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_cloakroom"))
        .env(
            "XDG_DATA_HOME",
            concat!(env!("CARGO_TARGET_TMPDIR"), "/no-library"),
        )
        .arg("check")
        .args(args)
        .output()
        .unwrap_or_else(|e| panic!("cannot run cloakroom: {e}"))
}

fn json_of(output: &Output) -> serde_json::Value {
    serde_json::from_slice(&output.stdout).unwrap_or_else(|e| {
        panic!(
            "not JSON ({e}): {}",
            String::from_utf8_lossy(&output.stdout)
        )
    })
}

#[test]
fn all_loaded_exits_0_with_a_summary() {
    let out = check(&[&fixture("array.json")]);
    assert_eq!(out.status.code(), Some(0));
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.contains("articles        3"), "{text}");
    assert!(
        text.contains("dates           2021-08-10 to 2021-08-20"),
        "{text}"
    );
    assert!(text.contains("Fixture Wire"), "{text}");
}

#[test]
fn json_summary_has_the_documented_shape() {
    let out = check(&[&fixture("lines.jsonl"), &fixture("dups.jsonl"), "--json"]);
    assert_eq!(out.status.code(), Some(1));
    let json = json_of(&out);
    assert_eq!(json["articles"], 7);
    assert_eq!(json["files"], 2);
    let skipped = json["skipped"].as_array().cloned().unwrap_or_default();
    assert_eq!(skipped.len(), 3);
    assert_eq!(skipped[0]["line"], 3);
    assert!(
        skipped[0]["file"]
            .as_str()
            .unwrap_or_default()
            .ends_with("lines.jsonl")
    );
    assert!(
        skipped[0]["reason"]
            .as_str()
            .unwrap_or_default()
            .contains("invalid JSON")
    );
    assert_eq!(json["duplicate_ids"], serde_json::json!(["same"]));
    assert_eq!(
        json["date_range"],
        serde_json::json!({"first": "2024-01-02", "last": "2024-01-07"})
    );
    assert_eq!(json["without_date"], 4);
    assert_eq!(json["without_body"], 0);
    assert!(json["sources"].is_object());
    assert!(json["warnings"].is_array());
}

#[test]
fn skipped_records_exit_1_and_are_listed_with_file_and_line() {
    let out = check(&[&fixture("lines.jsonl")]);
    assert_eq!(out.status.code(), Some(1));
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.contains("lines.jsonl:3: invalid JSON"), "{text}");
    assert!(
        text.contains("lines.jsonl:5: no title and no body"),
        "{text}"
    );
}

#[test]
fn nothing_loaded_exits_2() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let out = check(&[&dir.path().display().to_string(), "--json"]);
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(json_of(&out)["articles"], 0);
}

#[test]
fn invalid_json_exits_2_with_path_line_column() {
    let path = fixture("bad.json");
    let out = check(&[&path]);
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains(&format!("{path}:3:22: expected `,` or `}}`")),
        "{err}"
    );
}

#[test]
fn bad_command_lines_exit_2() {
    assert_eq!(check(&["--no-such-flag"]).status.code(), Some(2));
    let out = check(&[&fixture("array.json"), "--field", "colour=red"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("unknown field"));
}

#[test]
fn field_override_applies() {
    let out = check(&[
        &fixture("allsides_like.json"),
        "--field",
        "source=source_url",
        "--json",
    ]);
    assert_eq!(out.status.code(), Some(0));
    assert_eq!(
        json_of(&out)["sources"],
        serde_json::json!({"www.example.org": 1})
    );
}

#[test]
fn stdin_is_read_for_dash() {
    use std::io::Write;
    let mut child = Command::new(env!("CARGO_BIN_EXE_cloakroom"))
        .env(
            "XDG_DATA_HOME",
            concat!(env!("CARGO_TARGET_TMPDIR"), "/no-library"),
        )
        .args(["check", "-", "--json"])
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .spawn()
        .unwrap_or_else(|e| panic!("{e}"));
    if let Some(mut stdin) = child.stdin.take() {
        let _ = stdin
            .write_all(b"{\"title\": \"From stdin\", \"body\": \"x\"}\n{\"title\": \"Second\"}\n");
    }
    let out = child.wait_with_output().unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(out.status.code(), Some(0));
    assert_eq!(json_of(&out)["articles"], 2);
}

#[test]
fn no_path_checks_the_bundled_corpus() {
    let out = check(&["--json"]);
    let json = json_of(&out);
    let loaded = cloakroom::corpus::bundled().articles.len();
    assert_eq!(json["articles"], loaded);
    assert_eq!(out.status.code(), Some(if loaded == 0 { 2 } else { 0 }));
}
