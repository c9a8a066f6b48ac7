//! HTTP for feeds: http(s) only, connect and total timeouts, at most 5 redirects, gzip, a size cap, conditional GET.

use std::time::{Duration, Instant};

use thiserror::Error;

pub use crate::library::Validators;

/// Redirects followed before a request fails.
pub const MAX_REDIRECTS: u32 = 5;

/// How requests are made; the defaults suit a reader, tests shorten the timeouts.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HttpConfig {
    /// Time allowed to open the connection (resolve included).
    pub connect_timeout: Duration,
    /// Time allowed for the whole request, body included.
    pub total_timeout: Duration,
    /// A response body (after gzip) larger than this fails.
    pub max_bytes: u64,
    /// Pause between two requests to one host when fetching article pages.
    pub host_delay: Duration,
}

impl Default for HttpConfig {
    fn default() -> Self {
        Self {
            connect_timeout: Duration::from_secs(10),
            total_timeout: Duration::from_secs(30),
            max_bytes: 8 * 1024 * 1024,
            host_delay: Duration::from_secs(1),
        }
    }
}

/// Why a request failed, in words a person can act on.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum HttpError {
    /// The URL is not http or https, or not a URL at all.
    #[error("refused: {0}")]
    Refused(String),
    /// The server answered with an error status.
    #[error("HTTP {0}")]
    Status(u16),
    /// The connection or the whole request took too long.
    #[error("timed out {0}")]
    Timeout(String),
    /// The redirects went on past the limit (or in a loop).
    #[error("more than {MAX_REDIRECTS} redirects")]
    TooManyRedirects,
    /// The body was larger than the cap.
    #[error("response larger than {0} bytes")]
    TooLarge(u64),
    /// Anything else: DNS, connection refused, TLS, a broken response.
    #[error("{0}")]
    Other(String),
}

/// A response worth reading.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Response {
    /// 304: nothing changed since the validators were given.
    NotModified,
    /// A 2xx body (decompressed) with its content type and new validators.
    Body {
        /// The bytes, at most the cap.
        bytes: Vec<u8>,
        /// The `Content-Type` header.
        content_type: Option<String>,
        /// Validators to send next time.
        validators: Validators,
        /// The URL after redirects.
        final_url: String,
    },
}

/// A small HTTP client: one `ureq` agent with the limits above.
#[derive(Debug, Clone)]
pub struct Http {
    agent: ureq::Agent,
    config: HttpConfig,
}

impl Http {
    /// A client with these limits.
    pub fn new(config: HttpConfig) -> Self {
        let agent = ureq::Agent::config_builder()
            .http_status_as_error(false)
            // Redirects are followed by `get`, which checks each hop.
            .max_redirects(0)
            .timeout_connect(Some(config.connect_timeout))
            .timeout_global(Some(config.total_timeout))
            .user_agent(concat!("cloakroom/", env!("CARGO_PKG_VERSION")))
            .build()
            .new_agent();
        Self { agent, config }
    }

    /// The limits in force.
    pub fn config(&self) -> &HttpConfig {
        &self.config
    }

    /// GETs `url`, sending `validators` for a conditional request. Redirects are followed here, not by `ureq`, so
    /// that every hop is checked (http or https only) and the whole chain shares one deadline.
    ///
    /// # Errors
    /// A non-http(s) URL or redirect, an error status, a timeout, more than [`MAX_REDIRECTS`] redirects, a body
    /// over the cap, or any network failure, as an [`HttpError`].
    pub fn get(
        &self,
        url: &str,
        validators: &Validators,
        accept: &str,
    ) -> Result<Response, HttpError> {
        let deadline = Instant::now() + self.config.total_timeout;
        let mut url = url.to_owned();
        for hop in 0..=MAX_REDIRECTS {
            check_scheme(&url)?;
            let left = deadline.saturating_duration_since(Instant::now());
            if left.is_zero() {
                return Err(self.timeout(false));
            }
            let mut request = self
                .agent
                .get(&url)
                .header("Accept", accept)
                .config()
                .timeout_global(Some(left))
                .build();
            if let Some(etag) = &validators.etag {
                request = request.header("If-None-Match", etag);
            }
            if let Some(date) = &validators.last_modified {
                request = request.header("If-Modified-Since", date);
            }
            let mut response = request.call().map_err(|e| self.error(e))?;
            let status = response.status().as_u16();
            let header = |name: &str| {
                response
                    .headers()
                    .get(name)
                    .and_then(|v| v.to_str().ok())
                    .map(str::to_owned)
            };
            match status {
                304 => return Ok(Response::NotModified),
                300..=399 => {
                    let location = header("location").ok_or_else(|| {
                        HttpError::Other(format!("HTTP {status} without a Location"))
                    })?;
                    if hop == MAX_REDIRECTS {
                        return Err(HttpError::TooManyRedirects);
                    }
                    url = url::Url::parse(&url)
                        .and_then(|base| base.join(location.trim()))
                        .map_err(|e| HttpError::Refused(format!("a redirect to a bad URL ({e})")))?
                        .into();
                    continue;
                }
                200..=299 => {}
                _ => return Err(HttpError::Status(status)),
            }
            let content_type = header("content-type");
            let validators = Validators {
                etag: header("etag"),
                last_modified: header("last-modified"),
            };
            let max = self.config.max_bytes;
            if response.body().content_length().is_some_and(|n| n > max) {
                return Err(HttpError::TooLarge(max));
            }
            let bytes = response
                .body_mut()
                .with_config()
                .limit(max)
                .read_to_vec()
                .map_err(|e| self.error(e))?;
            return Ok(Response::Body {
                bytes,
                content_type,
                validators,
                final_url: url,
            });
        }
        Err(HttpError::TooManyRedirects)
    }

    /// A timeout, with the limit that was reached.
    fn timeout(&self, connecting: bool) -> HttpError {
        let (what, limit) = if connecting {
            ("connecting ", self.config.connect_timeout)
        } else {
            ("", self.config.total_timeout)
        };
        HttpError::Timeout(format!("{what}after {} s", limit.as_secs_f64()))
    }

    /// Our words for a `ureq` error.
    fn error(&self, err: ureq::Error) -> HttpError {
        match err {
            ureq::Error::StatusCode(code) => HttpError::Status(code),
            ureq::Error::Timeout(which) => self.timeout(matches!(which, ureq::Timeout::Connect)),
            ureq::Error::TooManyRedirects | ureq::Error::RedirectFailed => {
                HttpError::TooManyRedirects
            }
            ureq::Error::BodyExceedsLimit(_) => HttpError::TooLarge(self.config.max_bytes),
            ureq::Error::BadUri(uri) => HttpError::Refused(format!("not a usable URL: {uri}")),
            ureq::Error::Io(io) if io.kind() == std::io::ErrorKind::TimedOut => self.timeout(false),
            other => HttpError::Other(other.to_string()),
        }
    }
}

/// Only absolute http and https URLs with a host are fetched, and none with spaces or control characters in it.
///
/// # Errors
/// Says which scheme was refused, or what else is wrong with the text.
pub fn check_scheme(url: &str) -> Result<(), HttpError> {
    if url.chars().any(|c| c.is_whitespace() || c.is_control()) {
        return Err(HttpError::Refused(
            "a URL with spaces or control characters".to_owned(),
        ));
    }
    let parsed =
        url::Url::parse(url).map_err(|e| HttpError::Refused(format!("not a URL ({e})")))?;
    match parsed.scheme() {
        "http" | "https" if parsed.host_str().is_some_and(|h| !h.is_empty()) => Ok(()),
        "http" | "https" => Err(HttpError::Refused("a URL without a host".to_owned())),
        other => Err(HttpError::Refused(format!(
            "{other}: URLs are not fetched; only http and https"
        ))),
    }
}
