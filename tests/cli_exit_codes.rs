//! `entities` and `search` report skipped records and exit as `check` does (1 something skipped, 2 nothing
//! loaded), and `check` says why nothing loaded.

use std::fs;
use std::path::Path;
use std::process::{Command, Output};

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

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

fn write(dir: &Path, name: &str, content: &str) -> String {
    let path = dir.join(name);
    fs::write(&path, content).unwrap_or_else(|e| panic!("write {name}: {e}"));
    path.display().to_string()
}

#[test]
fn a_bad_line_is_reported_on_stderr_and_exits_1() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let path = write(
        dir.path(),
        "mixed.jsonl",
        "{\"title\": \"Senate passes budget\", \"body\": \"Sen. Mike Lee spoke.\"}\nnot json\n",
    );
    for args in [
        vec!["entities", path.as_str()],
        vec!["entities", "--json", path.as_str()],
        vec!["search", path.as_str(), "budget"],
        vec!["search", "--json", path.as_str(), "budget"],
    ] {
        let out = run(&args);
        let err = text(&out.stderr);
        assert_eq!(out.status.code(), Some(1), "{args:?}: {err}");
        assert!(
            err.contains(&format!("skipped {path}:2: invalid JSON")),
            "{args:?}: {err}"
        );
        assert!(!out.stdout.is_empty(), "{args:?}: the output still comes");
    }
}

#[test]
fn nothing_loaded_exits_2_and_says_why() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let cases = [
        ("empty.json", "[]", "empty list"),
        ("wrapped.json", "{\"items\": []}", "empty list"),
        ("scalars.json", "[1,\"x\",null]", "not an object"),
    ];
    for (name, content, why) in cases {
        let path = write(dir.path(), name, content);
        for args in [
            vec!["check", path.as_str()],
            vec!["check", "--json", path.as_str()],
            vec!["entities", path.as_str()],
            vec!["search", path.as_str(), "senate"],
        ] {
            let out = run(&args);
            let err = text(&out.stderr);
            assert_eq!(out.status.code(), Some(2), "{args:?}: {err}");
            assert!(
                err.contains("no articles loaded") && err.contains(why),
                "{args:?}: {err}"
            );
        }
    }
}

#[test]
fn a_closed_pipe_ends_quietly() {
    use std::io::Read;
    use std::process::Stdio;
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let lines: Vec<String> = (0..2000)
        .map(|n| {
            format!(
                "{{\"title\": \"Senate vote {n}\", \"body\": \"Sen. Mike Lee spoke on the budget vote {n}.\"}}"
            )
        })
        .collect();
    let path = write(dir.path(), "many.jsonl", &lines.join("\n"));
    // Far more output than a pipe holds, so the writer is still writing when the pipe closes.
    for args in [
        vec![
            "search",
            "--json",
            "--limit",
            "2000",
            path.as_str(),
            "senate",
        ],
        vec!["entities", "--json", path.as_str()],
    ] {
        let mut child = Command::new(env!("CARGO_BIN_EXE_cloakroom"))
            .env(
                "XDG_DATA_HOME",
                concat!(env!("CARGO_TARGET_TMPDIR"), "/no-library"),
            )
            .args(&args)
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap_or_else(|e| panic!("cannot run cloakroom: {e}"));
        let mut head = [0u8; 10];
        if let Some(mut stdout) = child.stdout.take() {
            stdout
                .read_exact(&mut head)
                .unwrap_or_else(|e| panic!("{args:?}: {e}"));
        } // `head -c 10` closes the pipe here.
        let out = child.wait_with_output().unwrap_or_else(|e| panic!("{e}"));
        let err = text(&out.stderr);
        assert_eq!(out.status.code(), Some(0), "{args:?}: {err}");
        assert!(!err.contains("Broken pipe"), "{args:?}: {err}");
    }
}
