//! `cloakroom entity`: the card of the best match, its JSON contract, paths as `search` takes them, exit codes.

use std::process::{Command, Output};

use serde_json::Value;

const FIXTURE: &str = "tests/fixtures/entity/stories.jsonl";

fn run(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_cloakroom"))
        .env(
            "XDG_DATA_HOME",
            concat!(env!("CARGO_TARGET_TMPDIR"), "/no-library"),
        )
        .args(args)
        .output()
        .unwrap_or_else(|e| panic!("cannot run cloakroom: {e}"))
}

fn json(args: &[&str]) -> Value {
    let out = run(args);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).unwrap_or_else(|e| panic!("{args:?}: not JSON: {e}"))
}

#[test]
fn json_card_of_a_person_has_exactly_the_contract_fields() {
    let out = run(&["entity", FIXTURE, "masie", "--json"]);
    let text = String::from_utf8_lossy(&out.stdout).into_owned();
    let v: Value = serde_json::from_str(&text).expect("JSON");
    let keys: Vec<&str> = v
        .as_object()
        .expect("object")
        .keys()
        .map(String::as_str)
        .collect();
    let mut expected = [
        "name",
        "kind",
        "bioguide",
        "role",
        "party",
        "state",
        "chamber",
        "url",
        "stories",
        "mentions",
        "first",
        "last",
        "timeline",
        "often_with",
    ];
    let mut sorted = keys.clone();
    sorted.sort_unstable();
    expected.sort_unstable();
    assert_eq!(sorted, expected);
    assert!(
        text.find("\"name\"") < text.find("\"kind\"")
            && text.find("\"timeline\"") < text.find("\"often_with\""),
        "printed in the contract's order: {text}"
    );
    assert_eq!(v["name"], "Thomas Massie");
    assert_eq!(v["kind"], "person");
    assert_eq!(v["role"], "Representative");
    assert_eq!(v["party"], "R");
    assert_eq!(v["state"], "Kentucky");
    assert_eq!(v["bioguide"], "M001184", "linked to the roster");
    assert_eq!(v["chamber"], "House");
    assert_eq!(v["url"], Value::Null);
    assert_eq!(v["stories"], 4, "the undated story counts too");
    assert_eq!(v["mentions"], 7);
    assert_eq!(v["first"], "2025-01-14");
    assert_eq!(v["last"], "2025-03-03");
    assert_eq!(
        v["timeline"],
        serde_json::json!([
            {"month": "2025-01", "stories": 2},
            {"month": "2025-02", "stories": 0},
            {"month": "2025-03", "stories": 1},
        ])
    );
    assert_eq!(
        v["often_with"],
        serde_json::json!([
            {"name": "H.R. 3684", "kind": "bill", "stories": 3},
            {"name": "Mike Lee", "kind": "person", "stories": 2},
            {"name": "Mike Johnson", "kind": "person", "stories": 1},
        ])
    );
}

#[test]
fn a_bill_number_in_any_spelling_finds_the_bill() {
    for spelling in ["hr 3684", "H.R.3684", "HR3684"] {
        let v = json(&["entity", FIXTURE, spelling, "--json"]);
        assert_eq!(v["name"], "H.R. 3684", "{spelling}");
        assert_eq!(v["kind"], "bill");
        assert_eq!(v["chamber"], "House");
        assert_eq!(v["stories"], 3);
        assert_eq!(v["bioguide"], Value::Null);
        assert_eq!(
            v["url"], "https://www.congress.gov/bill/119th-congress/house-bill/3684",
            "stories of 2025: the 119th Congress"
        );
        assert_eq!(v["often_with"][0]["name"], "Thomas Massie");
    }
}

#[test]
fn text_card_names_counts_dates_and_companions() {
    let out = run(&["entity", FIXTURE, "mike lee"]);
    assert_eq!(out.status.code(), Some(0));
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.starts_with("Mike Lee (person)\n"), "{text}");
    assert!(text.contains("Senator · R-Utah"), "{text}");
    assert!(text.contains("3 · "), "{text}");
    assert!(text.contains("Senate 2011– · bioguide L000577"), "{text}");
    assert!(text.contains("2025-01-14 to 2025-02-10"), "{text}");
    assert!(text.contains("often with"), "{text}");
}

#[test]
fn a_single_positional_is_the_name_over_the_bundled_corpus_without_a_library() {
    let v = json(&["entity", "massie", "--json"]);
    assert_eq!(v["name"], "Thomas Massie");
    assert!(v["stories"].as_u64().is_some_and(|n| n > 4), "{v}");
}

#[test]
fn no_match_is_null_and_exit_0_not_a_crash() {
    let v = json(&["entity", FIXTURE, "zzyzx qqq", "--json"]);
    assert_eq!(v, Value::Null);
    let out = run(&["entity", FIXTURE, "zzyzx qqq"]);
    assert_eq!(out.status.code(), Some(0));
    assert_eq!(
        String::from_utf8_lossy(&out.stdout),
        "no person or bill matches \"zzyzx qqq\"\n"
    );
}

#[test]
fn exit_codes_follow_search() {
    let dir = tempfile::tempdir().expect("tempdir");
    let mixed = dir.path().join("mixed.jsonl");
    std::fs::write(
        &mixed,
        "{\"title\": \"Budget\", \"body\": \"Sen. Mike Lee of Utah spoke.\"}\nnot json\n",
    )
    .expect("write");
    let mixed = mixed.display().to_string();
    let out = run(&["entity", &mixed, "lee", "--json"]);
    assert_eq!(out.status.code(), Some(1), "a skipped record");
    assert!(String::from_utf8_lossy(&out.stderr).contains(":2: invalid JSON"));
    let card: Value = serde_json::from_slice(&out.stdout).expect("the card still comes");
    assert_eq!(card["name"], "Mike Lee");

    let empty = dir.path().join("empty.json");
    std::fs::write(&empty, "[]").expect("write");
    let out = run(&["entity", &empty.display().to_string(), "lee"]);
    assert_eq!(out.status.code(), Some(2), "nothing loaded");
    assert!(String::from_utf8_lossy(&out.stderr).contains("no articles loaded"));

    let out = run(&["entity"]);
    assert_eq!(out.status.code(), Some(2), "no name");
}

const MINISTER: &str = "tests/fixtures/story_roles/minister.jsonl";

#[test]
fn with_a_story_the_card_gives_an_unlinked_persons_role_in_it() {
    let then = json(&["entity", MINISTER, "blunkett", "--json", "--story", "m1"]);
    let later = json(&["entity", MINISTER, "blunkett", "--json", "--story", "m3"]);
    let plain = json(&["entity", MINISTER, "blunkett", "--json"]);
    assert_eq!(then["role"], "Home Secretary");
    assert_eq!(later["role"], "former Home Secretary");
    assert_eq!(
        plain["role"], "Home Secretary",
        "no story: what most stories say"
    );
    assert_eq!(later["stories"], 3);
    let out = run(&["entity", MINISTER, "blunkett", "--story", "nope"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("no story with id \"nope\""));
}

#[test]
fn entities_json_gives_each_articles_people_as_of_it() {
    let v = json(&["entities", MINISTER, "--json"]);
    let role = |i: usize| v["articles"][i]["roles"][0]["role"].clone();
    assert_eq!(v["articles"][0]["roles"][0]["name"], "David Blunkett");
    assert_eq!(role(0), "Home Secretary");
    assert_eq!(role(2), "former Home Secretary");
    assert_eq!(v["articles"][2]["roles"][0]["bioguide"], Value::Null);
}
