//! `donorbook serve` end to end: live rebuilds, error page, recovery, traversal, port in use.

mod common;
use common::Site;
use std::io::{Read, Write};
use std::net::TcpStream;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

struct Server {
    child: Child,
    port: u16,
    /// The server's stderr, in a folder of its own (not watched).
    log: tempfile::NamedTempFile,
}

impl Server {
    fn log(&self) -> String {
        std::fs::read_to_string(self.log.path()).unwrap_or_default()
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap().port()
}

fn start(site: &Site) -> Server {
    start_with(site, &[])
}

fn start_with(site: &Site, env: &[(&str, &str)]) -> Server {
    let port = free_port();
    let log = tempfile::NamedTempFile::new().unwrap();
    let child = Command::new(env!("CARGO_BIN_EXE_donorbook"))
        .args(["serve", "--port", &port.to_string()])
        .current_dir(site.root())
        .envs(env.iter().copied())
        .stdout(Stdio::null())
        .stderr(log.reopen().unwrap())
        .spawn()
        .unwrap();
    let server = Server { child, port, log };
    let deadline = Instant::now() + Duration::from_secs(20);
    while Instant::now() < deadline {
        if get(port, "/en/index.html").0 == 200 {
            return server;
        }
        std::thread::sleep(Duration::from_millis(50));
    }
    panic!("server did not start");
}

/// A raw HTTP/1.1 GET: (status, body).
fn get(port: u16, target: &str) -> (u16, String) {
    let Ok(mut s) = TcpStream::connect(("127.0.0.1", port)) else { return (0, String::new()) };
    s.set_read_timeout(Some(Duration::from_secs(5))).unwrap();
    let _ = write!(s, "GET {target} HTTP/1.1\r\nHost: localhost\r\n\r\n");
    let mut buf = Vec::new();
    let _ = s.read_to_end(&mut buf);
    let text = String::from_utf8_lossy(&buf).into_owned();
    let status = text.split_whitespace().nth(1).and_then(|s| s.parse().ok()).unwrap_or(0);
    let body = text.split_once("\r\n\r\n").map(|(_, b)| b.to_string()).unwrap_or_default();
    (status, body)
}

fn wait_for(port: u16, target: &str, what: impl Fn(&str) -> bool) -> Duration {
    let start = Instant::now();
    while start.elapsed() < Duration::from_secs(15) {
        let (_, body) = get(port, target);
        if what(&body) {
            return start.elapsed();
        }
        std::thread::sleep(Duration::from_millis(25));
    }
    panic!("{target} never matched");
}

const LESSON: &str = "content/modules/alpha/02-second.md";
const PAGE: &str = "/en/modules/alpha/second/index.html";

#[test]
fn edits_are_served_errors_shown_and_recovered() {
    let site = Site::fixture("basic");
    let server = start(&site);
    let (status, body) = get(server.port, PAGE);
    assert_eq!(status, 200);
    assert!(body.contains("/__donorbook/reload.js"), "live reload script is injected");

    site.write(LESSON, "---\ntitle: Second lesson\nweight: 10\n---\nFreshly edited text.\n");
    let took = wait_for(server.port, PAGE, |b| b.contains("Freshly edited text."));
    eprintln!("edit served after {took:?}");

    site.write(LESSON, "---\ntitle: [broken\n---\nBroken text.\n");
    wait_for(server.port, PAGE, |b| b.contains("donorbook-build-error"));
    let (_, body) = get(server.port, PAGE);
    assert!(body.contains("Freshly edited text."), "the last good build is still served");
    assert!(body.contains("content/modules/alpha/02-second.md:2:"), "the error names file and line");

    site.write(LESSON, "---\ntitle: Second lesson\n---\nFixed again.\n");
    wait_for(server.port, PAGE, |b| b.contains("Fixed again.") && !b.contains("donorbook-build-error"));
}

/// Full builds ("built N pages") and partial re-renders printed since the server started,
/// not counting the first build.
fn rebuilds(server: &Server) -> (usize, usize) {
    let log = server.log();
    (log.matches("built ").count().saturating_sub(1), log.matches("re-rendered ").count())
}

/// The build's own reads of the sources must not count as changes: an idle server does nothing,
/// and a text edit re-renders only the pages it touches.
#[test]
fn idle_server_stays_idle_and_text_edits_are_partial() {
    let site = Site::fixture("basic");
    let server = start(&site);
    std::thread::sleep(Duration::from_millis(1500));
    assert_eq!(rebuilds(&server), (0, 0), "rebuilt with no edit:\n{}", server.log());

    let text = std::fs::read_to_string(site.root().join(LESSON)).unwrap();
    site.write(LESSON, format!("{text}\nA sentence added while serving.\n"));
    wait_for(server.port, PAGE, |b| b.contains("A sentence added while serving."));
    std::thread::sleep(Duration::from_millis(1000));
    let (full, partial) = rebuilds(&server);
    assert_eq!(full, 0, "a text edit rebuilt the whole site:\n{}", server.log());
    assert!(partial >= 1, "{}", server.log());
}

/// `DONORBOOK_POLL=1` (and the fallback where native events fail) watches by polling.
#[test]
fn polling_watcher_sees_edits() {
    let site = Site::fixture("basic");
    let server = start_with(&site, &[("DONORBOOK_POLL", "1")]);
    site.write(LESSON, "---\ntitle: Second lesson\nweight: 10\n---\nSeen by polling.\n");
    wait_for(server.port, PAGE, |b| b.contains("Seen by polling."));
    assert!(server.log().contains("polling"), "{}", server.log());
    std::thread::sleep(Duration::from_millis(1500));
    let before = rebuilds(&server);
    std::thread::sleep(Duration::from_millis(1500));
    assert_eq!(rebuilds(&server), before, "polling rebuilt with no edit:\n{}", server.log());
}

#[test]
fn traversal_is_refused_and_404_uses_the_site_page() {
    let site = Site::fixture("basic");
    site.write("secret.txt", "TOP SECRET");
    let server = start(&site);
    #[cfg(unix)]
    std::os::unix::fs::symlink(site.root().join("secret.txt"), site.root().join("public/leak.txt")).unwrap();
    for target in [
        "/../secret.txt",
        "/%2e%2e/secret.txt",
        "/en/%2E%2E/%2e%2e/secret.txt",
        "/en/..%5c..%5csecret.txt",
        "//etc/passwd",
        "/..\\secret.txt",
        "/leak.txt",
        "/../../../../etc/passwd",
    ] {
        let (status, body) = get(server.port, target);
        assert!(status == 403 || status == 404, "{target}: {status}");
        assert!(!body.contains("TOP SECRET") && !body.contains("root:"), "{target} leaked a file");
    }
    let (status, body) = get(server.port, "/no/such/page/");
    assert_eq!(status, 404);
    assert!(body.contains("<html"), "the site's 404 page is served");
    let (status, _) = get(server.port, "/assets/style.css");
    assert_eq!(status, 200);
}

#[test]
fn a_taken_port_gives_a_clear_message() {
    let site = Site::fixture("basic");
    let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let port = listener.local_addr().unwrap().port();
    let out = site.run(&["serve", "--port", &port.to_string()]);
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains(&format!("port {port} on 127.0.0.1 is already in use")), "{err}");
}

#[cfg(unix)]
#[test]
fn ctrl_c_stops_cleanly() {
    let site = Site::fixture("basic");
    let mut server = start(&site);
    let pid = server.child.id().to_string();
    assert!(Command::new("kill").args(["-INT", &pid]).status().unwrap().success());
    let deadline = Instant::now() + Duration::from_secs(10);
    loop {
        if let Some(status) = server.child.try_wait().unwrap() {
            assert!(status.success(), "{status:?}");
            break;
        }
        assert!(Instant::now() < deadline, "serve did not stop on SIGINT");
        std::thread::sleep(Duration::from_millis(20));
    }
    let leftovers: Vec<_> =
        std::fs::read_dir(site.root()).unwrap().filter_map(Result::ok).filter(|e| e.file_name().to_string_lossy().contains("staging")).collect();
    assert!(leftovers.is_empty());
}
