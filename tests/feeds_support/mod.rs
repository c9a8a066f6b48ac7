//! A small HTTP/1.1 server on 127.0.0.1 for the feed tests: serves tests/fixtures/feeds/ and misbehaves on purpose.
//!
//! Routes: `/NAME` serves the fixture NAME (`HOST` in it becomes the server's address); `/etag/NAME` answers 304
//! to the `ETag` it sent; `/gzip/NAME` gzips when asked; `/status/404`, `/status/500`; `/hang` never answers;
//! `/loop/N` redirects to `/loop/N+1` forever; `/hops/N` reaches rss2.xml after N redirects; `/to-file`
//! redirects to a `file:` URL; `/big` is larger than a small cap (with a Content-Length) and
//! `/big-stream` is the same without one; `/article/1` is the full-text page. It stops when dropped.
#![allow(dead_code)]

use std::collections::HashMap;
use std::fmt::Write as _;
use std::io::{BufRead, BufReader, Read, Write};
use std::net::{TcpListener, TcpStream};
use std::path::Path;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::thread;
use std::time::{Duration, Instant};

/// One request as the server saw it.
#[derive(Debug, Clone)]
pub struct Seen {
    /// The path asked for.
    pub path: String,
    /// Its headers, names lower-cased.
    pub headers: HashMap<String, String>,
    /// When it arrived.
    pub at: Instant,
}

/// The running server.
pub struct Server {
    /// `127.0.0.1:PORT`.
    pub addr: String,
    stop: Arc<AtomicBool>,
    seen: Arc<Mutex<Vec<Seen>>>,
    thread: Option<thread::JoinHandle<()>>,
}

impl Server {
    /// Starts serving on a free port.
    pub fn start() -> Server {
        let listener = TcpListener::bind("127.0.0.1:0").expect("bind 127.0.0.1");
        let addr = listener.local_addr().unwrap().to_string();
        let stop = Arc::new(AtomicBool::new(false));
        let seen = Arc::new(Mutex::new(Vec::new()));
        let (stop2, seen2, addr2) = (stop.clone(), seen.clone(), addr.clone());
        let thread = thread::spawn(move || {
            for conn in listener.incoming() {
                if stop2.load(Ordering::SeqCst) {
                    return;
                }
                let Ok(conn) = conn else { continue };
                let (stop3, seen3, addr3) = (stop2.clone(), seen2.clone(), addr2.clone());
                thread::spawn(move || {
                    let _ = handle(conn, &addr3, &stop3, &seen3);
                });
            }
        });
        Server {
            addr,
            stop,
            seen,
            thread: Some(thread),
        }
    }

    /// `http://127.0.0.1:PORT/path`.
    pub fn url(&self, path: &str) -> String {
        format!("http://{}/{}", self.addr, path.trim_start_matches('/'))
    }

    /// The requests so far.
    pub fn seen(&self) -> Vec<Seen> {
        self.seen.lock().unwrap().clone()
    }

    /// How many requests asked for `path`.
    pub fn hits(&self, path: &str) -> usize {
        self.seen().iter().filter(|s| s.path == path).count()
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        self.stop.store(true, Ordering::SeqCst);
        let _ = TcpStream::connect(&self.addr);
        if let Some(t) = self.thread.take() {
            let _ = t.join();
        }
    }
}

/// The fixture folder.
pub fn fixtures() -> &'static Path {
    Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/feeds"))
}

/// A fixture's bytes with `HOST` replaced.
fn fixture(name: &str, addr: &str) -> Option<Vec<u8>> {
    let bytes = std::fs::read(fixtures().join(name)).ok()?;
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i..].starts_with(b"HOST") {
            out.extend_from_slice(addr.as_bytes());
            i += 4;
        } else {
            out.push(bytes[i]);
            i += 1;
        }
    }
    Some(out)
}

fn content_type(name: &str) -> &'static str {
    let ext = Path::new(name)
        .extension()
        .and_then(|e| e.to_str())
        .unwrap_or("");
    if ext.eq_ignore_ascii_case("json") {
        "application/feed+json"
    } else if ext.eq_ignore_ascii_case("html") {
        "text/html; charset=utf-8"
    } else {
        "application/xml"
    }
}

fn handle(
    mut conn: TcpStream,
    addr: &str,
    stop: &AtomicBool,
    seen: &Mutex<Vec<Seen>>,
) -> std::io::Result<()> {
    conn.set_read_timeout(Some(Duration::from_secs(5)))?;
    let mut reader = BufReader::new(conn.try_clone()?);
    let mut line = String::new();
    reader.read_line(&mut line)?;
    let path = line.split_whitespace().nth(1).unwrap_or("/").to_owned();
    let mut headers = HashMap::new();
    loop {
        let mut h = String::new();
        if reader.read_line(&mut h)? == 0 || h.trim().is_empty() {
            break;
        }
        if let Some((k, v)) = h.split_once(':') {
            headers.insert(k.trim().to_ascii_lowercase(), v.trim().to_owned());
        }
    }
    seen.lock().unwrap().push(Seen {
        path: path.clone(),
        headers: headers.clone(),
        at: Instant::now(),
    });
    let p = path.trim_start_matches('/');
    if p == "hang" {
        // Never answer; hold the connection until the server stops or 10 s pass.
        let start = Instant::now();
        while !stop.load(Ordering::SeqCst) && start.elapsed() < Duration::from_secs(10) {
            thread::sleep(Duration::from_millis(20));
        }
        return Ok(());
    }
    if let Some(n) = p.strip_prefix("loop/") {
        let next: u32 = n.parse().unwrap_or(0) + 1;
        return respond(
            &mut conn,
            "302 Found",
            &[("Location", format!("/loop/{next}"))],
            b"",
        );
    }
    if let Some(n) = p.strip_prefix("hops/") {
        // `/hops/N` takes N redirects (relative locations) to reach rss2.xml.
        let n: u32 = n.parse().unwrap_or(0);
        let next = if n == 0 {
            "/rss2.xml".to_owned()
        } else {
            format!("/hops/{}", n - 1)
        };
        return respond(
            &mut conn,
            "301 Moved Permanently",
            &[("Location", next)],
            b"",
        );
    }
    if p == "to-file" {
        return respond(
            &mut conn,
            "302 Found",
            &[("Location", "file:///etc/passwd".into())],
            b"",
        );
    }
    if let Some(code) = p.strip_prefix("status/") {
        let status = match code {
            "404" => "404 Not Found",
            _ => "500 Internal Server Error",
        };
        return respond(&mut conn, status, &[], b"error page");
    }
    if p == "big" || p == "big-stream" {
        let mut body =
            b"<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>Big</title>".to_vec();
        body.resize(300_000, b' ');
        if p == "big" {
            return respond(
                &mut conn,
                "200 OK",
                &[("Content-Type", "application/xml".into())],
                &body,
            );
        }
        // No Content-Length: the body ends when the connection closes.
        let head = "HTTP/1.1 200 OK\r\nContent-Type: application/xml\r\nConnection: close\r\n\r\n";
        conn.write_all(head.as_bytes())?;
        let _ = conn.write_all(&body);
        return Ok(());
    }
    if p == "article/1" {
        let body = fixture("article.html", addr).unwrap();
        return respond(
            &mut conn,
            "200 OK",
            &[("Content-Type", content_type(".html").into())],
            &body,
        );
    }
    if let Some(name) = p.strip_prefix("etag/") {
        let Some(body) = fixture(name, addr) else {
            return respond(&mut conn, "404 Not Found", &[], b"");
        };
        let etag = "\"fixture-v1\"";
        if headers.get("if-none-match").map(String::as_str) == Some(etag) {
            return respond(&mut conn, "304 Not Modified", &[("ETag", etag.into())], b"");
        }
        let extra = [
            ("Content-Type", content_type(name).into()),
            ("ETag", etag.into()),
            ("Last-Modified", "Tue, 04 Mar 2025 15:00:00 GMT".into()),
        ];
        return respond(&mut conn, "200 OK", &extra, &body);
    }
    if let Some(name) = p.strip_prefix("gzip/") {
        let Some(body) = fixture(name, addr) else {
            return respond(&mut conn, "404 Not Found", &[], b"");
        };
        let wants = headers
            .get("accept-encoding")
            .is_some_and(|v| v.contains("gzip"));
        if !wants {
            return respond(&mut conn, "406 Not Acceptable", &[], b"gzip only");
        }
        let mut enc = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
        enc.write_all(&body)?;
        let gz = enc.finish()?;
        let extra = [
            ("Content-Type", content_type(name).into()),
            ("Content-Encoding", "gzip".into()),
        ];
        return respond(&mut conn, "200 OK", &extra, &gz);
    }
    match fixture(p, addr) {
        Some(body) => respond(
            &mut conn,
            "200 OK",
            &[("Content-Type", content_type(p).into())],
            &body,
        ),
        None => respond(&mut conn, "404 Not Found", &[], b"not found"),
    }
}

fn respond(
    conn: &mut TcpStream,
    status: &str,
    headers: &[(&str, String)],
    body: &[u8],
) -> std::io::Result<()> {
    let mut head = format!(
        "HTTP/1.1 {status}\r\nContent-Length: {}\r\nConnection: close\r\n",
        body.len()
    );
    for (k, v) in headers {
        let _ = write!(head, "{k}: {v}\r\n");
    }
    head.push_str("\r\n");
    conn.write_all(head.as_bytes())?;
    conn.write_all(body)?;
    conn.flush()?;
    // Drain what the client may still send, so closing does not reset the connection.
    let _ = conn.shutdown(std::net::Shutdown::Write);
    let mut sink = [0u8; 256];
    let _ = conn.set_read_timeout(Some(Duration::from_millis(200)));
    let _ = conn.read(&mut sink);
    Ok(())
}
