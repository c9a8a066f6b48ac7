//! `cloakroom feed ...` and `cloakroom fetch` end to end: the binary, a library in a tempdir, a server on 127.0.0.1.

mod feeds_support;

use std::path::Path;
use std::process::{Command, Output};

use feeds_support::{Server, fixtures};
use serde_json::Value;

/// Runs the binary with `--library LIB` and short timeouts for `fetch`.
fn run(lib: &Path, args: &[&str]) -> Output {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_cloakroom"));
    // `--library` after the subcommand: before it, the reader's PATH arguments would take the subcommand's name.
    cmd.args(args).arg("--library").arg(lib);
    if args.first() == Some(&"fetch") {
        cmd.args([
            "--timeout",
            "1",
            "--connect-timeout",
            "1",
            "--max-size",
            "100000",
            "--host-delay",
            "50",
        ]);
    }
    cmd.env("NO_COLOR", "1").output().expect("run cloakroom")
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

fn feeds_json(lib: &Path) -> Vec<Value> {
    let out = run(lib, &["feed", "list", "--json"]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    serde_json::from_slice::<Value>(&out.stdout)
        .unwrap()
        .as_array()
        .unwrap()
        .clone()
}

fn feed<'a>(feeds: &'a [Value], url: &str) -> &'a Value {
    feeds
        .iter()
        .find(|f| f["url"] == url)
        .unwrap_or_else(|| panic!("{url} in {feeds:?}"))
}

#[test]
fn add_fetch_list_refetch_and_remove() {
    let server = Server::start();
    let dir = tempfile::tempdir().unwrap();
    let lib = dir.path().join("library.db");
    let rss = server.url("etag/rss2.xml");
    let atom = server.url("atom.xml");
    let out = run(&lib, &["feed", "add", &rss]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert!(text(&out.stdout).contains("subscribed to"));
    assert!(
        run(&lib, &["feed", "add", &atom, "--title", "My statehouse"])
            .status
            .success()
    );

    let out = run(&lib, &["fetch"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    assert_eq!(
        text(&out.stdout).trim(),
        "2 feeds fetched, 6 new articles, 0 unchanged, 0 failed"
    );

    let feeds = feeds_json(&lib);
    let wire = feed(&feeds, &rss);
    assert_eq!(
        wire["title"], "Capitol Wire: Politics",
        "the feed's own title once fetched"
    );
    assert_eq!(wire["articles"], 4);
    assert_eq!(wire["unread"], 4);
    assert!(wire["last_fetch"].is_i64());
    assert_eq!(wire["last_error"], Value::Null);
    assert_eq!(
        feed(&feeds, &atom)["title"],
        "My statehouse",
        "a title given stays"
    );

    // Again: the ETag feed costs a 304, the other brings nothing new.
    let out = run(&lib, &["fetch"]);
    assert_eq!(
        text(&out.stdout).trim(),
        "2 feeds fetched, 0 new articles, 1 unchanged, 0 failed"
    );
    assert_eq!(server.hits("/etag/rss2.xml"), 2);
    assert_eq!(feed(&feeds_json(&lib), &rss)["articles"], 4);

    // One feed by URL.
    let out = run(&lib, &["fetch", &atom]);
    assert_eq!(
        text(&out.stdout).trim(),
        "1 feed fetched, 0 new articles, 0 unchanged, 0 failed"
    );

    let table = text(&run(&lib, &["feed", "list"]).stdout);
    let header = table.lines().next().unwrap();
    for column in [
        "TITLE",
        "URL",
        "ARTICLES",
        "UNREAD",
        "LAST FETCH",
        "LAST ERROR",
    ] {
        assert!(header.contains(column), "{header}");
    }
    assert!(table.contains("Capitol Wire: Politics"), "{table}");

    let out = run(&lib, &["feed", "remove", &atom]);
    assert!(out.status.success());
    assert_eq!(feeds_json(&lib).len(), 1);
    let out = run(&lib, &["feed", "remove", &atom]);
    assert_eq!(out.status.code(), Some(1));
    assert!(text(&out.stderr).contains("not subscribed"));
}

#[test]
fn failures_are_named_with_url_and_reason_exit_1_and_kept_in_the_history() {
    let server = Server::start();
    let dir = tempfile::tempdir().unwrap();
    let lib = dir.path().join("library.db");
    let good = server.url("feed.json");
    let bad = [
        (server.url("status/404"), "HTTP 404"),
        (server.url("status/500"), "HTTP 500"),
        (server.url("hang"), "timed out"),
        (server.url("loop/0"), "more than 5 redirects"),
        (server.url("big"), "response larger than 100000 bytes"),
        (server.url("malformed.xml"), "not a feed"),
    ];
    assert!(run(&lib, &["feed", "add", &good]).status.success());
    for (url, _) in &bad {
        assert!(run(&lib, &["feed", "add", url]).status.success());
    }
    let out = run(&lib, &["fetch"]);
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(
        text(&out.stdout).trim(),
        "7 feeds fetched, 2 new articles, 0 unchanged, 6 failed"
    );
    let stderr = text(&out.stderr);
    let feeds = feeds_json(&lib);
    for (url, why) in &bad {
        assert!(
            stderr
                .lines()
                .any(|l| l.contains(url.as_str()) && l.contains(why)),
            "{url} {why} in {stderr}"
        );
        let error = feed(&feeds, url)["last_error"]
            .as_str()
            .unwrap_or_default()
            .to_owned();
        assert!(error.contains(why), "{url}: {error}");
    }
    assert_eq!(feed(&feeds, &good)["last_error"], Value::Null);
    assert_eq!(feed(&feeds, &good)["articles"], 2);
    let library = cloakroom::library::Library::open(&lib).unwrap();
    let history = library.fetches(&bad[0].0, 10).unwrap();
    assert_eq!(history.len(), 1);
    assert_eq!(history[0].status, Some(404));
    assert_eq!(history[0].error.as_deref(), Some("HTTP 404"));
    let history = library.fetches(&good, 10).unwrap();
    assert_eq!(
        (
            history[0].status,
            history[0].new_articles,
            history[0].error.clone()
        ),
        (Some(200), 2, None)
    );
    drop(library);

    // Only the good one, by name: all succeeded.
    let out = run(&lib, &["fetch", &good]);
    assert_eq!(out.status.code(), Some(0));
    // A URL not subscribed is an error that names it.
    let out = run(&lib, &["fetch", "http://127.0.0.1:9/nope.xml"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(text(&out.stderr).contains("http://127.0.0.1:9/nope.xml: not subscribed"));
}

#[test]
fn only_http_and_https_feeds_are_added() {
    let dir = tempfile::tempdir().unwrap();
    let lib = dir.path().join("library.db");
    let out = run(&lib, &["feed", "add", "file:///etc/passwd"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        text(&out.stderr).contains("only http and https"),
        "{}",
        text(&out.stderr)
    );
    let out = run(&lib, &["feed", "add", "https://example.org/\u{1b}[2Jfeed"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        text(&out.stderr).contains("control characters"),
        "{}",
        text(&out.stderr)
    );
    assert!(
        !out.stderr.contains(&0x1b),
        "the refused URL is cleaned in the message"
    );
    assert!(feeds_json(&lib).is_empty());
}

#[test]
fn full_text_feeds_keep_the_page_text_and_say_when_they_could_not() {
    let server = Server::start();
    let dir = tempfile::tempdir().unwrap();
    let lib = dir.path().join("library.db");
    let url = server.url("fulltext.xml");
    assert!(
        run(&lib, &["feed", "add", &url, "--full-text"])
            .status
            .success()
    );
    let out = run(&lib, &["fetch"]);
    assert_eq!(
        out.status.code(),
        Some(0),
        "a missing page is no failed feed: {}",
        text(&out.stderr)
    );
    let feeds = feeds_json(&lib);
    let note = feed(&feeds, &url)["full_text_note"]
        .as_str()
        .unwrap()
        .to_owned();
    assert!(
        note.contains("summary kept for 1 of 2") && note.contains("HTTP 404"),
        "{note}"
    );
    let table = text(&run(&lib, &["feed", "list"]).stdout);
    assert!(
        table.contains("full text: summary kept for 1 of 2"),
        "{table}"
    );
    let stored = cloakroom::library::Library::open(&lib)
        .unwrap()
        .articles()
        .unwrap();
    let long = stored
        .iter()
        .find(|a| a.title.starts_with("Long read"))
        .unwrap();
    assert!(
        long.body
            .starts_with("The Fixture Act began as a two-page memo"),
        "{}",
        long.body
    );
    // A second fetch finds nothing new, so no page is fetched again.
    assert!(run(&lib, &["fetch"]).status.success());
    assert_eq!(server.hits("/article/1"), 1);
}

#[test]
fn opml_import_then_export() {
    let server = Server::start();
    let dir = tempfile::tempdir().unwrap();
    let lib = dir.path().join("library.db");
    let opml = std::fs::read_to_string(fixtures().join("subscriptions.opml"))
        .unwrap()
        .replace("HOST", &server.addr);
    let file = dir.path().join("subs.opml");
    std::fs::write(&file, opml).unwrap();
    let out = run(&lib, &["feed", "import", file.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1), "one outline refused");
    assert!(
        text(&out.stdout).contains("imported 3 feeds"),
        "{}",
        text(&out.stdout)
    );
    assert!(
        text(&out.stderr).contains("file:///etc/passwd"),
        "{}",
        text(&out.stderr)
    );
    let again = run(&lib, &["feed", "import", file.to_str().unwrap()]);
    assert!(
        text(&again.stdout).contains("imported 0 feeds")
            && text(&again.stdout).contains("3 already subscribed")
    );

    let out = run(&lib, &["feed", "export"]);
    assert!(out.status.success());
    let xml = text(&out.stdout);
    assert!(xml.contains("<opml version=\"2.0\">"), "{xml}");
    let back = cloakroom::feeds::opml::import(&xml).unwrap();
    let mut urls: Vec<_> = back.feeds.iter().map(|f| f.url.clone()).collect();
    urls.sort();
    let mut want = vec![
        server.url("rss2.xml"),
        server.url("feed.json"),
        server.url("atom.xml"),
    ];
    want.sort();
    assert_eq!(urls, want);
    assert!(
        back.feeds
            .iter()
            .any(|f| f.title.as_deref() == Some("Capitol Wire"))
    );
}

#[test]
fn the_starter_list_is_valid_opml_of_https_feeds() {
    let text =
        std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/assets/feeds.opml")).unwrap();
    let got = cloakroom::feeds::opml::import(&text).unwrap();
    assert!(got.refused.is_empty(), "{:?}", got.refused);
    assert!(got.feeds.len() >= 10, "{}", got.feeds.len());
    assert!(
        got.feeds
            .iter()
            .all(|f| f.url.starts_with("https://") && f.title.is_some())
    );
}

#[test]
fn a_story_in_two_feeds_is_stored_once() {
    let server = Server::start();
    let dir = tempfile::tempdir().unwrap();
    let lib = dir.path().join("library.db");
    // The same document under two addresses: the second feed's items have the first's links.
    let first = server.url("rss2.xml");
    let second = server.url("gzip/rss2.xml");
    assert!(run(&lib, &["feed", "add", &first]).status.success());
    assert!(run(&lib, &["feed", "add", &second]).status.success());
    let out = run(&lib, &["fetch", &first]);
    assert_eq!(
        text(&out.stdout).trim(),
        "1 feed fetched, 4 new articles, 0 unchanged, 0 failed"
    );
    let out = run(&lib, &["fetch", &second]);
    assert_eq!(
        text(&out.stdout).trim(),
        "1 feed fetched, 0 new articles, 0 unchanged, 0 failed"
    );
    let feeds = feeds_json(&lib);
    assert_eq!(feed(&feeds, &first)["articles"], 4);
    assert_eq!(feed(&feeds, &second)["articles"], 0);
    let again = run(&lib, &["feed", "add", &first, "--title", "Mine"]);
    assert!(
        text(&again.stdout).contains("already subscribed"),
        "{}",
        text(&again.stdout)
    );
    assert_eq!(feed(&feeds_json(&lib), &first)["title"], "Mine");
}
