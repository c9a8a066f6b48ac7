//! `cloakroom feed add|list|remove|import|export`: subscriptions kept in the library, traded as OPML.

use std::io::Write as _;
use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Args, Subcommand};

use super::LibraryArgs;
use crate::corpus::sanitize;
use crate::feeds::http::check_scheme;
use crate::feeds::opml::{self, Subscription};
use crate::library::{Feed, Library, now_ms};

/// Arguments of `feed`.
#[derive(Debug, Clone, Args)]
pub struct FeedArgs {
    /// What to do with the subscriptions.
    #[command(subcommand)]
    pub command: FeedCommand,
}

/// The `feed` subcommands.
#[derive(Debug, Clone, Subcommand)]
pub enum FeedCommand {
    /// Subscribe to a feed (RSS, Atom or JSON Feed, by its http or https URL).
    Add {
        /// The feed's address.
        url: String,
        /// A title of your own (otherwise the feed's, once fetched).
        #[arg(long, value_name = "T")]
        title: Option<String>,
        /// Fetch each new story's page and keep its main text (most feeds carry only a summary).
        #[arg(long)]
        full_text: bool,
    },
    /// List the feeds: title, URL, articles, unread, last fetch, last error.
    List {
        /// Print a JSON array instead of a table.
        #[arg(long)]
        json: bool,
    },
    /// Unsubscribe (the feed's stories and their marks stay in the library).
    Remove {
        /// The feed's address, as `feed list` shows it.
        url: String,
    },
    /// Subscribe to every feed of an OPML file.
    Import {
        /// The OPML file.
        #[arg(value_name = "FILE.opml")]
        file: PathBuf,
    },
    /// Print the subscriptions as OPML 2.0.
    Export,
}

/// Runs a `feed` subcommand.
///
/// # Errors
/// The library cannot be opened or written, the OPML file cannot be read or parsed, a URL is refused.
pub fn run(args: &FeedArgs, library: &LibraryArgs) -> anyhow::Result<ExitCode> {
    let mut lib = library.open()?;
    match &args.command {
        FeedCommand::Add {
            url,
            title,
            full_text,
        } => {
            let url = url.trim();
            check_scheme(url).map_err(|e| anyhow::anyhow!("{}: {e}", sanitize::clean_line(url)))?;
            let title = title.as_deref().map(sanitize::clean_line);
            if lib.add_feed(url, title.as_deref(), *full_text, now_ms())? {
                println!("subscribed to {url}");
            } else {
                println!("already subscribed to {url} (title and --full-text updated)");
            }
            Ok(ExitCode::SUCCESS)
        }
        FeedCommand::List { json } => list(&lib, *json),
        FeedCommand::Remove { url } => {
            if lib.remove_feed(url.trim())? {
                println!("unsubscribed from {}", sanitize::clean_line(url.trim()));
                Ok(ExitCode::SUCCESS)
            } else {
                eprintln!("cloakroom: not subscribed to {}", sanitize::clean_line(url));
                Ok(ExitCode::from(1))
            }
        }
        FeedCommand::Import { file } => import(&mut lib, file),
        FeedCommand::Export => {
            let feeds: Vec<Subscription> = lib
                .feeds()?
                .into_iter()
                .map(|f| Subscription {
                    url: f.url,
                    title: f.title,
                    site: None,
                    folder: None,
                })
                .collect();
            let xml = opml::export(&feeds, "Cloakroom feeds").map_err(anyhow::Error::msg)?;
            std::io::stdout().lock().write_all(xml.as_bytes())?;
            Ok(ExitCode::SUCCESS)
        }
    }
}

/// `feed list`: a table, or `--json`.
fn list(lib: &Library, json: bool) -> anyhow::Result<ExitCode> {
    let feeds = lib.feeds()?;
    let mut out = std::io::stdout().lock();
    if json {
        serde_json::to_writer_pretty(&mut out, &feeds)?;
        writeln!(out)?;
        return Ok(ExitCode::SUCCESS);
    }
    if feeds.is_empty() {
        writeln!(
            out,
            "no feeds (add one with `cloakroom feed add URL`, or `cloakroom feed import FILE.opml`)"
        )?;
        return Ok(ExitCode::SUCCESS);
    }
    let title = |f: &Feed| f.title.clone().unwrap_or_else(|| "(untitled)".to_owned());
    let tw = feeds
        .iter()
        .map(|f| title(f).chars().count())
        .max()
        .unwrap_or(5)
        .clamp(5, 40);
    let uw = feeds
        .iter()
        .map(|f| f.url.chars().count())
        .max()
        .unwrap_or(3)
        .clamp(3, 60);
    writeln!(
        out,
        "{:tw$}  {:uw$}  {:>8}  {:>6}  {:16}  LAST ERROR",
        "TITLE", "URL", "ARTICLES", "UNREAD", "LAST FETCH"
    )?;
    for feed in &feeds {
        writeln!(
            out,
            "{:tw$}  {:uw$}  {:>8}  {:>6}  {:16}  {}",
            fit(&sanitize::clean_line(&title(feed)), tw),
            fit(&sanitize::clean_line(&feed.url), uw),
            feed.articles,
            feed.unread,
            feed.last_fetch
                .map_or_else(|| "never".to_owned(), crate::feeds::format_time),
            sanitize::clean_line(feed.last_error.as_deref().unwrap_or("-")),
        )?;
        if let Some(note) = &feed.full_text_note {
            writeln!(out, "{:tw$}  full text: {}", "", sanitize::clean_line(note))?;
        }
    }
    Ok(ExitCode::SUCCESS)
}

/// `text` cut to `width` characters with an ellipsis.
fn fit(text: &str, width: usize) -> String {
    if text.chars().count() <= width {
        return text.to_owned();
    }
    text.chars()
        .take(width.saturating_sub(1))
        .chain(['…'])
        .collect()
}

/// `feed import FILE.opml`.
fn import(lib: &mut Library, file: &PathBuf) -> anyhow::Result<ExitCode> {
    let name = sanitize::clean_line(&file.display().to_string());
    let text = std::fs::read_to_string(file).map_err(|e| anyhow::anyhow!("{name}: {e}"))?;
    let imported = opml::import(&text).map_err(|e| anyhow::anyhow!("{name}: {e}"))?;
    let now = now_ms();
    let (mut added, mut known) = (0, 0);
    for feed in &imported.feeds {
        let have = lib.feed(&feed.url)?;
        if have.is_some() {
            known += 1;
            continue;
        }
        lib.add_feed(&feed.url, feed.title.as_deref(), false, now)?;
        added += 1;
    }
    for (what, why) in &imported.refused {
        eprintln!("cloakroom: {name}: left out {what}: {why}");
    }
    println!(
        "imported {added} feeds from {name} ({known} already subscribed, {} left out)",
        imported.refused.len()
    );
    Ok(ExitCode::from(u8::from(!imported.refused.is_empty())))
}
