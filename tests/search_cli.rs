//! `cloakroom search` on the command line: the exit status of bad queries and usage.

use std::process::Command;

fn cloakroom(args: &[&str]) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_cloakroom"))
        .env(
            "XDG_DATA_HOME",
            concat!(env!("CARGO_TARGET_TMPDIR"), "/no-library"),
        )
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

const FIXTURE: &str = "tests/fixtures/search/stories.jsonl";

fn json_lines(out: &std::process::Output) -> Vec<serde_json::Value> {
    String::from_utf8_lossy(&out.stdout)
        .lines()
        .map(|l| serde_json::from_str(l).expect("each line is JSON"))
        .collect()
}

#[test]
fn json_has_exactly_the_contract_shape() {
    let out = cloakroom(&["search", FIXTURE, "summit", "--json"]);
    assert_eq!(out.status.code(), Some(0));
    let lines = json_lines(&out);
    assert_eq!(lines.len(), 1);
    let rows = lines[0].as_array().expect("an array");
    assert_eq!(rows.len(), 2);
    let first = rows[0].as_object().expect("an object");
    let mut keys: Vec<&str> = first.keys().map(String::as_str).collect();
    keys.sort_unstable();
    assert_eq!(keys, ["date", "id", "matches", "score", "source", "title"]);
    assert_eq!(first["id"], "nato-summit-ends");
    assert_eq!(first["date"], "2025-06-10");
    assert_eq!(first["source"], "BBC");
    assert!(first["score"].as_i64().is_some_and(|s| s > 0));
    let m = &first["matches"][0];
    assert_eq!(m["field"], "title");
    assert_eq!(m["text"], "NATO summit ends");
    assert_eq!(m["ranges"], serde_json::json!([[5, 11]]));
}

#[test]
fn json_undated_story_has_null_date() {
    let out = cloakroom(&["search", FIXTURE, "--json", "hunting"]);
    let rows = json_lines(&out);
    assert_eq!(rows[0][0]["id"], "hunting-vote");
    assert!(rows[0][0]["date"].is_null());
}

#[test]
fn several_queries_one_array_per_line_and_stats() {
    let out = cloakroom(&[
        "search",
        FIXTURE,
        "-q",
        "summit",
        "-q",
        "zqxjvw",
        "-q",
        "-massie after:2025-06-05",
        "--json",
        "--stats",
        "--limit",
        "1",
    ]);
    assert_eq!(out.status.code(), Some(0));
    let lines = json_lines(&out);
    assert_eq!(lines.len(), 3);
    assert_eq!(lines[0].as_array().map(Vec::len), Some(1));
    assert_eq!(lines[1].as_array().map(Vec::len), Some(0));
    assert_eq!(lines[2][0]["id"], "massive-deal");
    let err = String::from_utf8_lossy(&out.stderr);
    let stat_lines: Vec<&str> = err.lines().collect();
    assert!(
        stat_lines[0].starts_with("load: ") && stat_lines[0].ends_with(" ms"),
        "{err}"
    );
    assert!(stat_lines.iter().any(|l| l.starts_with("index: ")), "{err}");
    assert!(err.contains("query \"summit\": 2 hits in "), "{err}");
    assert!(err.contains("query \"zqxjvw\": 0 hits in "), "{err}");
    // Three decimals.
    let last = stat_lines.last().copied().unwrap_or_default();
    let number = last
        .rsplit(" in ")
        .next()
        .unwrap_or_default()
        .trim_end_matches(" ms");
    assert_eq!(number.split('.').nth(1).map(str::len), Some(3), "{last}");
}

#[test]
fn text_output_lists_title_source_date_and_why() {
    let out = cloakroom(&["search", FIXTURE, "ranch"]);
    assert_eq!(out.status.code(), Some(0));
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.contains("Kentucky news roundup"), "{text}");
    assert!(text.contains("Courier Journal · 2025-07-01"), "{text}");
    assert!(text.contains("body: "), "{text}");
    assert!(text.contains("[ranch]"), "{text}");
}

#[test]
fn no_hits_is_still_success() {
    let out = cloakroom(&["search", FIXTURE, "zqxjvw", "--json"]);
    assert_eq!(out.status.code(), Some(0));
    assert_eq!(String::from_utf8_lossy(&out.stdout).trim(), "[]");
}
