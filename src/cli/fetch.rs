//! `cloakroom fetch [URL...]`: fetch the feeds into the library, with a progress bar and a summary line.

use std::process::ExitCode;
use std::time::Duration;

use clap::Args;
use indicatif::{ProgressBar, ProgressStyle};

use super::LibraryArgs;
use crate::corpus::sanitize;
use crate::feeds::sync::{fetch_into, requests};
use crate::feeds::{FeedResult, Http, HttpConfig, Outcome, POOL_SIZE};
use crate::library::now_ms;

/// Arguments of `fetch`.
#[derive(Debug, Clone, Args)]
pub struct FetchArgs {
    /// Feeds to fetch (their URLs, as `feed list` shows them); none fetches every feed.
    #[arg(value_name = "URL")]
    pub urls: Vec<String>,
    /// Feeds fetched at once.
    #[arg(long, value_name = "N", default_value_t = POOL_SIZE)]
    pub jobs: usize,
    /// Seconds allowed for one request, body included.
    #[arg(long, value_name = "SECS", default_value_t = 30.0)]
    pub timeout: f64,
    /// Seconds allowed to connect.
    #[arg(long, value_name = "SECS", default_value_t = 10.0)]
    pub connect_timeout: f64,
    /// Largest response accepted, in bytes (after gzip).
    #[arg(long, value_name = "BYTES", default_value_t = 8 * 1024 * 1024)]
    pub max_size: u64,
    /// Milliseconds between two page requests to one host (`--full-text` feeds).
    #[arg(long, value_name = "MS", default_value_t = 1000)]
    pub host_delay: u64,
}

impl FetchArgs {
    /// The HTTP limits these flags ask for.
    ///
    /// # Errors
    /// A timeout that is not a positive number of seconds.
    pub fn http_config(&self) -> anyhow::Result<HttpConfig> {
        let secs = |v: f64, flag: &str| {
            anyhow::ensure!(
                v.is_finite() && v > 0.0,
                "--{flag} must be a positive number of seconds"
            );
            Ok(Duration::from_secs_f64(v))
        };
        Ok(HttpConfig {
            connect_timeout: secs(self.connect_timeout, "connect-timeout")?,
            total_timeout: secs(self.timeout, "timeout")?,
            max_bytes: self.max_size,
            host_delay: Duration::from_millis(self.host_delay),
        })
    }
}

/// Runs `fetch`: exit 0 when every feed succeeded, 1 when some failed (each named on standard error).
///
/// # Errors
/// The library cannot be opened or written, a URL is not subscribed, a flag is out of range.
pub fn run(args: &FetchArgs, library: &LibraryArgs) -> anyhow::Result<ExitCode> {
    let http = Http::new(args.http_config()?);
    let mut lib = library.open()?;
    let requests = requests(&lib, &args.urls)?;
    if requests.is_empty() {
        eprintln!("cloakroom: no feeds to fetch (add one with `cloakroom feed add URL`)");
        return Ok(ExitCode::SUCCESS);
    }
    let bar = ProgressBar::new(requests.len() as u64);
    bar.set_style(
        ProgressStyle::with_template("{spinner} fetching [{bar:30}] {pos}/{len} feeds {msg}")
            .unwrap_or_else(|_| ProgressStyle::default_bar())
            .progress_chars("=> "),
    );
    bar.enable_steady_tick(Duration::from_millis(120));
    let done = |result: &FeedResult| {
        if let Outcome::Failed(why) = &result.outcome {
            // Above the bar on a terminal; plain lines when standard error is not one.
            bar.suspend(|| {
                eprintln!(
                    "cloakroom: failed {}: {}",
                    sanitize::clean_line(&result.url),
                    sanitize::clean_line(why)
                );
            });
        }
        bar.inc(1);
        if bar.position() == bar.length().unwrap_or(0) {
            bar.set_message("- pages of new stories, saving");
        }
    };
    let summary = fetch_into(&mut lib, &http, &requests, args.jobs, &done, &now_ms);
    bar.finish_and_clear();
    let summary = summary?;
    println!("{}", summary.line());
    Ok(ExitCode::from(u8::from(!summary.failed.is_empty())))
}
