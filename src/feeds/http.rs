//! HTTP for feeds: http(s) only, connect and total timeouts, at most 5 redirects, gzip, a size cap, conditional GET.

use std::time::Duration;

use thiserror::Error;
use ureq::ResponseExt;

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
    #[error("timed out ({0})")]
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
            .max_redirects(MAX_REDIRECTS)
            .max_redirects_will_error(true)
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

    /// GETs `url`, sending `validators` for a conditional request.
    ///
    /// # Errors
    /// A non-http(s) URL, an error status, a timeout, too many redirects, a body over the cap, or any
    /// network failure, as an [`HttpError`].
    pub fn get(
        &self,
        url: &str,
        validators: &Validators,
        accept: &str,
    ) -> Result<Response, HttpError> {
        check_scheme(url)?;
        let mut request = self.agent.get(url).header("Accept", accept);
        if let Some(etag) = &validators.etag {
            request = request.header("If-None-Match", etag);
        }
        if let Some(date) = &validators.last_modified {
            request = request.header("If-Modified-Since", date);
        }
        let mut response = request.call().map_err(|e| self.error(e))?;
        let status = response.status().as_u16();
        if status == 304 {
            return Ok(Response::NotModified);
        }
        if !(200..300).contains(&status) {
            return Err(HttpError::Status(status));
        }
        let header = |name: &str| {
            response
                .headers()
                .get(name)
                .and_then(|v| v.to_str().ok())
                .map(str::to_owned)
        };
        let content_type = header("content-type");
        let validators = Validators {
            etag: header("etag"),
            last_modified: header("last-modified"),
        };
        let final_url = response.get_uri().to_string();
        check_scheme(&final_url)?;
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
        Ok(Response::Body {
            bytes,
            content_type,
            validators,
            final_url,
        })
    }

    /// Our words for a `ureq` error.
    fn error(&self, err: ureq::Error) -> HttpError {
        match err {
            ureq::Error::StatusCode(code) => HttpError::Status(code),
            ureq::Error::Timeout(which) => HttpError::Timeout(which.to_string()),
            ureq::Error::TooManyRedirects | ureq::Error::RedirectFailed => {
                HttpError::TooManyRedirects
            }
            ureq::Error::BodyExceedsLimit(_) => HttpError::TooLarge(self.config.max_bytes),
            ureq::Error::BadUri(uri) => HttpError::Refused(format!("not a usable URL: {uri}")),
            ureq::Error::Io(io) if io.kind() == std::io::ErrorKind::TimedOut => {
                HttpError::Timeout(io.to_string())
            }
            other => HttpError::Other(other.to_string()),
        }
    }
}

/// Only absolute http and https URLs are fetched.
///
/// # Errors
/// Says which scheme was refused, or that the text is no URL.
pub fn check_scheme(url: &str) -> Result<(), HttpError> {
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
