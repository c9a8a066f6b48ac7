//! `cloakroom search` on the command line: the exit status of bad queries and usage.

use std::process::Command;

fn cloakroom(args: &[&str]) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_cloakroom"))
        .args(args)
        .output()
        .expect("the binary runs")
}

#[test]
fn bad_query_exits_2_with_the_message() {
    let out = cloakroom(&[
        "search",
        "tests/fixtures/search/stories.jsonl",
        "massie \"nato",
    ]);
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("unclosed quote"), "stderr: {err}");
    assert!(out.stdout.is_empty());
}

#[test]
fn every_query_is_checked_before_loading() {
    let out = cloakroom(&[
        "search",
        "/nonexistent",
        "-q",
        "nato",
        "-q",
        "after:2025-13-01",
    ]);
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("after: expects a date"), "stderr: {err}");
}

#[test]
fn missing_query_exits_2() {
    let out = cloakroom(&["search"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("needs a query"));
}
