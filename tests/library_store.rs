//! The library's storage API: schema, articles with dedup, feeds with validators and history, marks merged by time.

use chrono::NaiveDate;
use cloakroom::corpus::{Article, Origin, SafeUrl};
use cloakroom::library::{
    FeedItem, FetchRecord, Library, Mark, MarkKind, SCHEMA_VERSION, Validators, default_path_from,
};

fn story(id: &str, title: &str, body: &str) -> Article {
    Article {
        id: id.into(),
        title: title.into(),
        body: body.into(),
        origin: Origin {
            file: "a.jsonl".into(),
            line: Some(3),
        },
        ..Article::default()
    }
}

fn open() -> (tempfile::TempDir, Library) {
    let dir = tempfile::tempdir().expect("tempdir");
    let lib = Library::open(&dir.path().join("sub").join("library.db")).expect("open");
    (dir, lib)
}

fn item(guid: Option<&str>, link: Option<&str>, title: &str, body: &str) -> FeedItem {
    FeedItem {
        guid: guid.map(str::to_owned),
        article: Article {
            title: title.into(),
            body: body.into(),
            url: link.map(|l| SafeUrl::parse(l).expect("url")),
            ..Article::default()
        },
    }
}

#[test]
fn a_new_library_is_created_in_wal_mode_at_the_current_schema() -> anyhow::Result<()> {
    let (dir, lib) = open();
    let path = dir.path().join("sub").join("library.db");
    assert!(path.is_file());
    let conn = rusqlite::Connection::open(&path)?;
    let mode: String = conn.query_row("PRAGMA journal_mode", [], |r| r.get(0))?;
    let version: i64 = conn.query_row("PRAGMA user_version", [], |r| r.get(0))?;
    assert_eq!(mode, "wal");
    assert_eq!(version, SCHEMA_VERSION);
    drop(lib);
    // Opening again migrates nothing and keeps what is there.
    let lib = Library::open(&path)?;
    assert_eq!(lib.article_count()?, 0);
    Ok(())
}

#[test]
fn a_library_from_a_newer_cloakroom_is_refused_by_name() -> anyhow::Result<()> {
    let dir = tempfile::tempdir()?;
    let path = dir.path().join("library.db");
    drop(Library::open(&path)?);
    let conn = rusqlite::Connection::open(&path)?;
    conn.pragma_update(None, "user_version", SCHEMA_VERSION + 1)?;
    drop(conn);
    let err = Library::open(&path).expect_err("newer schema");
    let text = format!("{err:#}");
    assert!(text.contains("library.db"), "{text}");
    assert!(text.contains("newer Cloakroom"), "{text}");
    Ok(())
}

#[test]
fn a_file_that_is_not_a_database_is_an_error_naming_it() -> anyhow::Result<()> {
    let dir = tempfile::tempdir()?;
    let path = dir.path().join("library.db");
    std::fs::write(
        &path,
        b"this is not sqlite, just some text that is long enough to have a header......",
    )?;
    let err = Library::open(&path).expect_err("not a database");
    assert!(format!("{err:#}").contains("library.db"), "{err:#}");
    Ok(())
}

#[test]
fn the_default_library_is_under_xdg_data_home() {
    let p = default_path_from(Some("/x/data".into()), Some("/home/u/.local/share".into()));
    assert_eq!(
        p.as_deref(),
        Some(std::path::Path::new("/x/data/cloakroom/library.db"))
    );
    let p = default_path_from(Some("relative".into()), Some("/d".into()));
    assert_eq!(
        p.as_deref(),
        Some(std::path::Path::new("/d/cloakroom/library.db"))
    );
}

#[test]
fn articles_round_trip_with_every_field() -> anyhow::Result<()> {
    let (_dir, mut lib) = open();
    let mut a = story("a1", "Senate passes S. 5", "Body one.\n\nSecond paragraph.");
    a.source = Some("Wire".into());
    a.authors = vec!["Ann Lee".into(), "Bo Chan".into()];
    a.tags = vec!["congress".into()];
    a.date = NaiveDate::from_ymd_opt(2025, 1, 29);
    a.url = Some(SafeUrl::parse("https://example.com/s5").map_err(anyhow::Error::msg)?);
    let b = story("b2", "Second", "Other body");
    let done = lib.add_file_articles(&[a.clone(), b.clone()], 1000)?;
    assert_eq!(done.new_ids, vec!["a1", "b2"]);
    let back = lib.articles()?;
    assert_eq!(back, vec![a, b]);
    Ok(())
}

#[test]
fn a_file_import_skips_the_same_id_and_the_same_content() -> anyhow::Result<()> {
    let (_dir, mut lib) = open();
    lib.add_file_articles(&[story("a", "T", "B")], 1)?;
    let again = lib.add_file_articles(
        &[
            story("a", "Changed title", "B"),
            story("other-id", "T", "B"),
            story("new", "T2", "B2"),
            story("new", "T2", "B2"),
        ],
        2,
    )?;
    assert_eq!(again.new_ids, vec!["new"]);
    assert_eq!(again.same_id, 2);
    assert_eq!(again.same_content, 1);
    assert_eq!(lib.article_count()?, 2);
    Ok(())
}

#[test]
fn batches_come_in_arrival_order() -> anyhow::Result<()> {
    let (_dir, mut lib) = open();
    let many: Vec<Article> = (0..10)
        .map(|i| story(&format!("s{i}"), &format!("T{i}"), "b"))
        .collect();
    lib.add_file_articles(&many, 1)?;
    let mut sizes = Vec::new();
    let mut ids = Vec::new();
    let total = lib.read_articles(4, &mut |batch| {
        sizes.push(batch.len());
        ids.extend(batch.into_iter().map(|a| a.id));
    })?;
    assert_eq!(total, 10);
    assert_eq!(sizes, vec![4, 4, 2]);
    assert_eq!(ids, (0..10).map(|i| format!("s{i}")).collect::<Vec<_>>());
    Ok(())
}

#[test]
fn feeds_are_listed_with_article_and_unread_counts() -> anyhow::Result<()> {
    let (_dir, mut lib) = open();
    let url = "https://news.example/rss";
    assert!(lib.add_feed(url, Some("Example News"), true, 5)?);
    assert!(lib.add_feed("https://b.example/atom", None, false, 6)?);
    assert!(!lib.add_feed(url, None, false, 7)?, "already subscribed");
    let done = lib.add_feed_articles(
        url,
        &[
            item(Some("g1"), Some("https://news.example/1"), "One", "b1"),
            item(Some("g2"), Some("https://news.example/2"), "Two", "b2"),
        ],
        10,
    )?;
    assert_eq!(done.count(), 2);
    lib.set_marks(&[Mark {
        id: done.new_ids[0].clone(),
        kind: MarkKind::Read,
        value: true,
        changed_at: 11,
    }])?;
    let feeds = lib.feeds()?;
    assert_eq!(feeds.len(), 2);
    // By title, or URL when untitled, ignoring case: "Example News" before "https://b...".
    assert_eq!(feeds[1].url, "https://b.example/atom");
    let f = &feeds[0];
    assert_eq!(
        f.title.as_deref(),
        Some("Example News"),
        "a later add without a title keeps it"
    );
    assert!(!f.full_text, "the later add set the flag");
    assert_eq!((f.articles, f.unread), (2, 1));
    assert_eq!(f.added_at, 5);
    Ok(())
}

#[test]
fn removing_a_feed_keeps_its_articles_and_drops_its_history() -> anyhow::Result<()> {
    let (_dir, mut lib) = open();
    let url = "https://news.example/rss";
    lib.add_feed(url, None, false, 1)?;
    lib.add_feed_articles(url, &[item(Some("g"), None, "T", "B")], 2)?;
    lib.record_fetch(
        url,
        &FetchRecord {
            at: 3,
            status: Some(200),
            new_articles: 1,
            error: None,
        },
    )?;
    assert!(lib.remove_feed(url)?);
    assert!(!lib.remove_feed(url)?);
    assert!(lib.feed(url)?.is_none());
    assert!(lib.fetches(url, 10)?.is_empty());
    assert_eq!(lib.article_count()?, 1);
    Ok(())
}

#[test]
fn validators_and_fetch_history_are_kept() -> anyhow::Result<()> {
    let (_dir, mut lib) = open();
    let url = "https://news.example/rss";
    lib.add_feed(url, None, false, 1)?;
    assert_eq!(lib.validators(url)?, Validators::default());
    let v = Validators {
        etag: Some("\"abc\"".into()),
        last_modified: Some("Tue, 5 Mar 2024 14:00:00 GMT".into()),
    };
    lib.set_validators(url, &v)?;
    assert_eq!(lib.validators(url)?, v);
    let failed = FetchRecord {
        at: 20,
        status: Some(500),
        new_articles: 0,
        error: Some("HTTP 500".into()),
    };
    lib.record_fetch(
        url,
        &FetchRecord {
            at: 10,
            status: Some(200),
            new_articles: 3,
            error: None,
        },
    )?;
    lib.record_fetch(url, &failed)?;
    let f = lib.feed(url)?.expect("feed");
    assert_eq!(
        (f.last_fetch, f.last_error.as_deref()),
        (Some(20), Some("HTTP 500"))
    );
    assert_eq!(lib.fetches(url, 10)?[0], failed, "newest first");
    assert_eq!(lib.fetches(url, 10)?.len(), 2);
    lib.record_fetch(
        url,
        &FetchRecord {
            at: 30,
            status: Some(304),
            new_articles: 0,
            error: None,
        },
    )?;
    assert_eq!(
        lib.feed(url)?.expect("feed").last_error,
        None,
        "a success clears the error"
    );
    assert_eq!(lib.fetches(url, 1)?.len(), 1);
    Ok(())
}

#[test]
fn feed_items_are_deduplicated_by_guid_then_link_then_content() -> anyhow::Result<()> {
    let (_dir, mut lib) = open();
    let a = "https://a.example/rss";
    let b = "https://b.example/rss";
    let first = lib.add_feed_articles(
        a,
        &[item(Some("1"), Some("https://a.example/1"), "One", "x")],
        1,
    )?;
    assert_eq!(first.count(), 1);
    assert!(first.new_ids[0].starts_with("feed-"), "{:?}", first.new_ids);
    let again = lib.add_feed_articles(
        a,
        &[
            item(
                Some("1"),
                Some("https://a.example/changed"),
                "One, updated",
                "y",
            ), // same guid
            item(Some("2"), Some("https://a.example/1"), "Other", "z"), // same link
            item(None, None, "One", "x"),                               // same content
            item(Some("3"), None, "Three", "t"),
            item(Some("3"), None, "Three again", "t2"), // twice in one fetch
        ],
        2,
    )?;
    assert_eq!(
        (again.same_id, again.same_link, again.same_content),
        (2, 1, 1)
    );
    assert_eq!(again.count(), 1);
    // The same guid in another feed is another article.
    let other = lib.add_feed_articles(b, &[item(Some("1"), None, "B one", "bb")], 3)?;
    assert_eq!(other.count(), 1);
    assert_ne!(other.new_ids[0], first.new_ids[0]);
    assert_eq!(lib.article_count()?, 3);
    Ok(())
}

#[test]
fn a_feed_item_whose_id_is_taken_gets_a_suffix() -> anyhow::Result<()> {
    let (_dir, mut lib) = open();
    lib.add_file_articles(&[story("x", "File", "f")], 1)?;
    let mut it = item(Some("g"), None, "Feed", "e");
    it.article.id = "x".into();
    let done = lib.add_feed_articles("https://a.example/rss", &[it], 2)?;
    assert_eq!(done.new_ids, vec!["x~2"]);
    let origins: Vec<String> = lib.articles()?.into_iter().map(|a| a.origin.file).collect();
    assert_eq!(origins, vec!["a.jsonl", "https://a.example/rss"]);
    Ok(())
}

#[test]
fn the_full_text_note_is_set_and_cleared() -> anyhow::Result<()> {
    let (_dir, mut lib) = open();
    let url = "https://a.example/rss";
    lib.add_feed(url, None, true, 1)?;
    assert_eq!(lib.full_text_note(url)?, None);
    lib.set_full_text_note(url, Some("2 pages had no readable text; summaries kept"))?;
    assert_eq!(
        lib.feed(url)?.expect("feed").full_text_note.as_deref(),
        Some("2 pages had no readable text; summaries kept")
    );
    lib.set_full_text_note(url, None)?;
    assert_eq!(lib.full_text_note(url)?, None);
    lib.set_feed_title(url, "Named")?;
    assert_eq!(
        lib.feed(url)?.expect("feed").title.as_deref(),
        Some("Named")
    );
    Ok(())
}

#[test]
fn marks_merge_per_mark_the_later_change_winning() -> anyhow::Result<()> {
    let (_dir, mut lib) = open();
    let mark = |id: &str, kind, value, at| Mark {
        id: id.into(),
        kind,
        value,
        changed_at: at,
    };
    lib.set_marks(&[
        mark("a", MarkKind::Read, true, 10),
        mark("a", MarkKind::Star, true, 10),
    ])?;
    // An older change from another reader does not undo the newer one; a newer one does.
    lib.set_marks(&[
        mark("a", MarkKind::Read, false, 5),
        mark("a", MarkKind::Star, false, 20),
    ])?;
    let mut marks = lib.marks()?;
    marks.sort_by_key(|m| m.kind);
    assert_eq!(
        marks,
        vec![
            mark("a", MarkKind::Read, true, 10),
            mark("a", MarkKind::Star, false, 20)
        ]
    );
    Ok(())
}

#[test]
fn stats_count_what_the_library_holds() -> anyhow::Result<()> {
    let (_dir, mut lib) = open();
    let mut a = story("a", "T", "B");
    a.source = Some("Wire".into());
    let mut b = story("b", "T2", "B2");
    b.source = Some("Post".into());
    lib.add_file_articles(&[a, b], 1)?;
    lib.add_feed("https://a.example/rss", None, false, 1)?;
    lib.add_feed_articles(
        "https://a.example/rss",
        &[item(Some("g"), None, "F", "f")],
        2,
    )?;
    lib.set_marks(&[
        Mark {
            id: "a".into(),
            kind: MarkKind::Read,
            value: true,
            changed_at: 1,
        },
        Mark {
            id: "b".into(),
            kind: MarkKind::Star,
            value: true,
            changed_at: 1,
        },
        Mark {
            id: "gone".into(),
            kind: MarkKind::Star,
            value: true,
            changed_at: 1,
        },
    ])?;
    let s = lib.stats()?;
    assert_eq!(
        (s.articles, s.from_files, s.from_feeds, s.feeds),
        (3, 2, 1, 1)
    );
    assert_eq!((s.sources, s.read, s.starred, s.unread), (2, 1, 1, 2));
    assert!(s.bytes > 0);
    Ok(())
}
