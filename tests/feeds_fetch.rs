//! Feed fetching and parsing against a server on 127.0.0.1 serving tests/fixtures/feeds (nothing else is touched).

mod feeds_support;

use std::time::Duration;

use cloakroom::feeds::{
    self, FeedRequest, FeedResult, Fetched, Http, HttpConfig, Outcome, Validators,
};
use feeds_support::Server;

/// Short limits so that the failure tests are quick.
fn http() -> Http {
    Http::new(HttpConfig {
        connect_timeout: Duration::from_secs(2),
        total_timeout: Duration::from_millis(800),
        max_bytes: 100_000,
        host_delay: Duration::from_millis(150),
    })
}

fn get(server: &Server, path: &str) -> FeedResult {
    feeds::fetch(
        &http(),
        &FeedRequest {
            url: server.url(path),
            ..FeedRequest::default()
        },
    )
}

fn fetched(server: &Server, path: &str) -> Fetched {
    match get(server, path).outcome {
        Outcome::Fetched(f) => f,
        other => panic!("{path}: {other:?}"),
    }
}

fn failure(server: &Server, path: &str) -> String {
    match get(server, path).outcome {
        Outcome::Failed(why) => why,
        other => panic!("{path} should fail: {other:?}"),
    }
}

fn titles(f: &Fetched) -> Vec<&str> {
    f.feed
        .items
        .iter()
        .map(|i| i.article.title.as_str())
        .collect()
}

#[test]
fn rss2_items_become_clean_articles_with_html_turned_to_text() {
    let server = Server::start();
    let f = fetched(&server, "rss2.xml");
    assert_eq!(f.feed.title.as_deref(), Some("Capitol Wire: Politics"));
    let first = &f.feed.items[0].article;
    assert_eq!(first.title, "Senate passes the Fixture Appropriations Act");
    assert_eq!(
        first.body,
        "The Senate voted 68-32 on Tuesday to pass the bill.\n\nIt now goes to the House & the president."
    );
    assert_eq!(first.source.as_deref(), Some("Capitol Wire: Politics"));
    assert_eq!(first.date.unwrap().to_string(), "2025-03-04");
    assert_eq!(first.tags, ["Congress"]);
    assert_eq!(
        first.url.as_deref(),
        Some(server.url("stories/appropriations").as_str())
    );
    assert_eq!(first.origin.file, server.url("rss2.xml"));
    assert_eq!(f.feed.items[0].guid.as_deref(), Some("cw-1001"));
}

#[test]
fn escape_sequences_and_bidi_controls_never_survive_in_titles_or_bodies() {
    let server = Server::start();
    let f = fetched(&server, "rss2.xml");
    let item = f
        .feed
        .items
        .iter()
        .find(|i| i.guid.as_deref() == Some("cw-1002"))
        .expect("escapes item");
    let a = &item.article;
    assert_eq!(a.title, "Red alert: gnirts desrever and hidden title");
    assert_eq!(
        a.body,
        "Body with a bell and a zerowidth space and  a screen clear."
    );
    for text in [&a.title, &a.body] {
        assert!(
            !text.chars().any(|c| c.is_control() && c != '\n'),
            "{text:?}"
        );
        assert!(
            !text.contains(['\u{202e}', '\u{202c}', '\u{200b}']),
            "{text:?}"
        );
    }
}

#[test]
fn duplicate_guids_are_dropped_and_links_are_http_only_and_resolved() {
    let server = Server::start();
    let f = fetched(&server, "rss2.xml");
    let guids: Vec<_> = f
        .feed
        .items
        .iter()
        .map(|i| i.guid.as_deref().unwrap())
        .collect();
    assert_eq!(guids, ["cw-1001", "cw-1002", "cw-1003", "cw-1004"]);
    assert!(
        f.feed.warnings.iter().any(|w| w.contains("1 duplicate")),
        "{:?}",
        f.feed.warnings
    );
    let script = &f.feed.items[2].article;
    assert_eq!(script.url, None, "a javascript: link is dropped");
    let relative = &f.feed.items[3].article;
    assert_eq!(
        relative.url.as_deref(),
        Some(server.url("stories/relative").as_str())
    );
}

#[test]
fn rss1_atom_json_feed_and_rss091_parse() {
    let server = Server::start();
    let rss1 = fetched(&server, "rss1.rdf");
    assert_eq!(
        titles(&rss1),
        [
            "Commons debates the Fixture Bill at second reading",
            "Lords committee reports on the Fixture Bill"
        ]
    );
    assert_eq!(
        rss1.feed.items[0].article.date.unwrap().to_string(),
        "2025-02-10"
    );
    assert_eq!(
        rss1.feed.items[0].article.authors,
        ["Parliament Notes desk"]
    );

    let atom = fetched(&server, "atom.xml");
    assert_eq!(
        titles(&atom),
        ["Governor signs budget bill", "Assembly adjourns"]
    );
    let budget = &atom.feed.items[0];
    assert_eq!(
        budget.article.body,
        "The governor signed the budget bill on Sunday.\n\nSecond paragraph."
    );
    assert!(
        !budget.summary_only,
        "the content is preferred to the summary"
    );
    assert_eq!(budget.article.authors, ["Sam Doe"]);
    assert_eq!(budget.article.date.unwrap().to_string(), "2025-01-19");
    assert!(atom.feed.items[1].summary_only);

    let json = fetched(&server, "feed.json");
    assert_eq!(json.feed.title.as_deref(), Some("Hill JSON"));
    assert_eq!(
        titles(&json),
        [
            "House schedules vote on the Fixture Act",
            "Committee releases report"
        ]
    );
    assert_eq!(
        json.feed.items[0].article.body,
        "The vote is set for Thursday."
    );
    assert_eq!(
        json.feed.items[1].article.body,
        "The report runs 120 pages."
    );

    let old = fetched(&server, "rss091.xml");
    assert_eq!(titles(&old), ["An RSS 0.91 item about the Senate"]);
    assert_eq!(
        old.feed.items[0].guid, None,
        "no guid: the library keys it by link"
    );
}

#[test]
fn an_iso_8859_1_feed_is_decoded() {
    let server = Server::start();
    let f = fetched(&server, "latin1.xml");
    assert!(f.encoding.is_some(), "decoded from {:?}", f.encoding);
    assert_eq!(f.feed.items[0].article.title, "Le député réélu à Montréal");
    assert_eq!(
        f.feed.items[0].article.body,
        "Café, naïveté et « débat » au Parlement."
    );
}

#[test]
fn a_gzip_response_is_inflated() {
    let server = Server::start();
    let f = fetched(&server, "gzip/atom.xml");
    assert_eq!(
        titles(&f),
        ["Governor signs budget bill", "Assembly adjourns"]
    );
    let seen = server.seen();
    assert!(seen[0].headers["accept-encoding"].contains("gzip"));
}

#[test]
fn an_etag_makes_the_second_fetch_a_304() {
    let server = Server::start();
    let first = fetched(&server, "etag/rss1.rdf");
    assert_eq!(first.validators.etag.as_deref(), Some("\"fixture-v1\""));
    assert_eq!(
        first.validators.last_modified.as_deref(),
        Some("Tue, 04 Mar 2025 15:00:00 GMT")
    );
    let again = feeds::fetch(
        &http(),
        &FeedRequest {
            url: server.url("etag/rss1.rdf"),
            validators: first.validators.clone(),
            full_text: false,
        },
    );
    assert_eq!(again.outcome, Outcome::Unchanged);
    assert_eq!(again.status, Some(304));
    let seen = server.seen();
    assert_eq!(seen[1].headers["if-none-match"], "\"fixture-v1\"");
    assert_eq!(
        seen[1].headers["if-modified-since"],
        "Tue, 04 Mar 2025 15:00:00 GMT"
    );
}

#[test]
fn error_statuses_are_failures_with_the_status() {
    let server = Server::start();
    assert_eq!(failure(&server, "status/404"), "HTTP 404");
    assert_eq!(get(&server, "status/404").status, Some(404));
    assert_eq!(failure(&server, "status/500"), "HTTP 500");
}

#[test]
fn a_malformed_feed_fails_with_the_parsers_reason() {
    let server = Server::start();
    let why = failure(&server, "malformed.xml");
    assert!(why.starts_with("not a feed"), "{why}");
    let html = failure(&server, "article.html");
    assert!(html.starts_with("not a feed"), "{html}");
}

#[test]
fn a_server_that_never_answers_times_out() {
    let server = Server::start();
    let start = std::time::Instant::now();
    let why = failure(&server, "hang");
    assert_eq!(why, "timed out after 0.8 s");
    assert!(
        start.elapsed() < Duration::from_secs(5),
        "{:?}",
        start.elapsed()
    );
}

#[test]
fn a_redirect_loop_stops_after_five_redirects() {
    let server = Server::start();
    let why = failure(&server, "loop/0");
    assert_eq!(why, "more than 5 redirects");
    let hops = server
        .seen()
        .iter()
        .filter(|s| s.path.starts_with("/loop/"))
        .count();
    assert!((5..=6).contains(&hops), "{hops} requests");
}

#[test]
fn five_redirects_are_followed_and_a_sixth_is_not() {
    let server = Server::start();
    // `/hops/4` is five redirects in all (4, 3, 2, 1, 0) before the feed.
    let f = fetched(&server, "hops/4");
    assert_eq!(f.feed.title.as_deref(), Some("Capitol Wire: Politics"));
    assert_eq!(failure(&server, "hops/5"), "more than 5 redirects");
}

#[test]
fn a_redirect_to_another_scheme_is_refused() {
    let server = Server::start();
    let why = failure(&server, "to-file");
    assert_eq!(
        why,
        "refused: file: URLs are not fetched; only http and https"
    );
    assert_eq!(server.hits("/to-file"), 1);
}

#[test]
fn an_oversized_response_fails_with_or_without_a_length() {
    let server = Server::start();
    assert_eq!(failure(&server, "big"), "response larger than 100000 bytes");
    assert_eq!(
        failure(&server, "big-stream"),
        "response larger than 100000 bytes"
    );
}

#[test]
fn only_http_and_https_are_fetched() {
    let result = feeds::fetch(
        &http(),
        &FeedRequest {
            url: "file:///etc/passwd".to_owned(),
            ..FeedRequest::default()
        },
    );
    match result.outcome {
        Outcome::Failed(why) => assert!(why.contains("only http and https"), "{why}"),
        other => panic!("{other:?}"),
    }
}

#[test]
fn full_text_replaces_summaries_with_the_pages_main_text_or_says_why_not() {
    let server = Server::start();
    let f = fetched(&server, "fulltext.xml");
    let mut items = f.feed.items.clone();
    let outcomes = feeds::fulltext::fill(&http(), &mut items);
    assert_eq!(outcomes[0], feeds::fulltext::PageOutcome::Extracted);
    let body = &items[0].article.body;
    assert!(
        body.starts_with("The Fixture Act began as a two-page memo"),
        "{body}"
    );
    assert!(
        body.contains("revisit it when the clause comes up for renewal."),
        "{body}"
    );
    for furniture in [
        "Subscribe",
        "Most read",
        "should never appear",
        "All rights reserved",
    ] {
        assert!(!body.contains(furniture), "{furniture:?} in {body}");
    }
    match &outcomes[1] {
        feeds::fulltext::PageOutcome::Kept(why) => assert!(why.contains("HTTP 404"), "{why}"),
        feeds::fulltext::PageOutcome::Extracted => panic!("the missing page was extracted"),
    }
    assert_eq!(items[1].article.body, "Only the summary survives.");
    // One host: one request at a time, with the delay between them.
    let pages: Vec<_> = server
        .seen()
        .into_iter()
        .filter(|s| s.path.starts_with("/article/"))
        .collect();
    assert_eq!(pages.len(), 2);
    assert!(pages[1].at - pages[0].at >= Duration::from_millis(150));
}

#[test]
fn fetch_all_runs_every_feed_and_reports_each_as_it_ends() {
    let server = Server::start();
    let paths = ["rss2.xml", "atom.xml", "status/500", "feed.json", "hang"];
    let requests: Vec<_> = paths
        .iter()
        .map(|p| FeedRequest {
            url: server.url(p),
            validators: Validators::default(),
            full_text: false,
        })
        .collect();
    let count = std::sync::atomic::AtomicUsize::new(0);
    let start = std::time::Instant::now();
    let results = feeds::fetch_all(&http(), &requests, 4, &|_| {
        count.fetch_add(1, std::sync::atomic::Ordering::SeqCst);
    });
    assert_eq!(count.into_inner(), 5);
    let urls: Vec<_> = results.iter().map(|r| r.url.clone()).collect();
    assert_eq!(
        urls,
        requests.iter().map(|r| r.url.clone()).collect::<Vec<_>>()
    );
    let failed = results
        .iter()
        .filter(|r| matches!(r.outcome, Outcome::Failed(_)))
        .count();
    assert_eq!(failed, 2);
    // The hanging feed does not hold the others back beyond its own timeout.
    assert!(
        start.elapsed() < Duration::from_secs(4),
        "{:?}",
        start.elapsed()
    );
}

#[test]
fn long_titles_and_bodies_are_capped_as_the_file_loaders_cap_them() {
    let title = "T".repeat(10_000);
    let body = "b".repeat(cloakroom::corpus::MAX_BODY_BYTES + 1000);
    let xml = format!(
        "<rss version=\"2.0\"><channel><title>\u{1b}[31mRed feed</title><item><title>{title}</title>\
         <guid>x</guid><description>{body}</description></item></channel></rss>"
    );
    let feed = feeds::parse(&xml, "https://example.org/feed").unwrap();
    assert_eq!(feed.title.as_deref(), Some("Red feed"));
    let article = &feed.items[0].article;
    assert_eq!(article.title.len(), cloakroom::corpus::MAX_TITLE_BYTES);
    assert_eq!(article.body.len(), cloakroom::corpus::MAX_BODY_BYTES);
    assert_eq!(article.source.as_deref(), Some("Red feed"));
}
