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

    /// The folder the server builds into, from its first line ("serving DIR at URL").
    fn folder(&self) -> std::path::PathBuf {
        let log = self.log();
        let first = log.lines().next().unwrap_or_default();
        let dir = first.strip_prefix("serving ").and_then(|r| r.split(" at http").next()).unwrap_or_else(|| panic!("first line: {first}"));
        std::path::PathBuf::from(dir)
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
    start_until(site, env, 200)
}

/// Starts a server and waits until `/en/index.html` answers with `status`.
fn start_until(site: &Site, env: &[(&str, &str)], status: u16) -> Server {
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
        if get(port, "/en/index.html").0 == status {
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
    std::os::unix::fs::symlink(site.root().join("secret.txt"), server.folder().join("leak.txt")).unwrap();
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
    assert!(!server.folder().parent().unwrap().exists(), "the server's own folder is removed when it stops");
}

/// `serve` builds into a folder of its own and says which in its first line: a deploy build
/// in `public/` stays as it was, and a link at `public` exposes nothing.
#[test]
fn serve_never_writes_into_public() {
    let site = Site::fixture("basic");
    assert!(site.run(&["build", "--base-url", "https://learn.example.org/"]).status.success());
    let deploy = common::snapshot(&site.root().join("public"));
    let server = start(&site);
    assert!(server.log().starts_with("serving "), "{}", server.log());
    assert!(server.folder().join("en/index.html").is_file());
    assert!(!server.folder().starts_with(site.root()), "{}", server.folder().display());
    site.write(LESSON, "---\ntitle: Second lesson\nweight: 10\n---\nEdited while serving.\n");
    wait_for(server.port, PAGE, |b| b.contains("Edited while serving."));
    site.write("site.yaml", std::fs::read_to_string(site.root().join("site.yaml")).unwrap().replace("Fixture Centre", "Renamed Centre"));
    wait_for(server.port, "/en/index.html", |b| b.contains("Renamed Centre"));
    assert!(deploy == common::snapshot(&site.root().join("public")), "serve changed public/");
}

#[cfg(unix)]
#[test]
fn a_linked_public_folder_is_not_served() {
    let site = Site::fixture("basic");
    std::os::unix::fs::symlink("/", site.root().join("public")).unwrap();
    let server = start(&site);
    for target in ["/etc/passwd", "/etc/hostname", "/proc/self/environ"] {
        let (status, body) = get(server.port, target);
        assert_eq!(status, 404, "{target}");
        assert!(!body.contains("root:x:0:0") && !body.contains("PATH="), "{target} leaked a file");
    }
    assert_eq!(std::fs::read_link(site.root().join("public")).unwrap(), std::path::Path::new("/"));
}

/// A first build that fails serves its errors with the live-reload script, and the site once
/// it is fixed.
#[test]
fn a_failing_first_build_shows_its_errors_and_reloads_when_fixed() {
    let site = Site::fixture("basic");
    site.write(LESSON, "---\ntitle: [broken\n---\nBroken text.\n");
    let server = start_until(&site, &[], 500);
    let (_, body) = get(server.port, "/en/index.html");
    assert!(body.contains("content/modules/alpha/02-second.md:2:"), "{body}");
    assert!(body.contains("/__donorbook/reload.js"), "{body}");
    let mut events = TcpStream::connect(("127.0.0.1", server.port)).unwrap();
    events.set_read_timeout(Some(Duration::from_secs(20))).unwrap();
    write!(events, "GET /__donorbook/events HTTP/1.1\r\nHost: localhost\r\n\r\n").unwrap();
    let mut seen = String::new();
    let mut buf = [0u8; 512];
    while !seen.contains(": connected") {
        let n = events.read(&mut buf).unwrap();
        seen.push_str(&String::from_utf8_lossy(&buf[..n]));
    }
    site.write(LESSON, "---\ntitle: Second lesson\n---\nFixed now.\n");
    while !seen.contains("data: reload") {
        let n = events.read(&mut buf).expect("a reload event after the fix");
        assert!(n > 0, "the event stream closed");
        seen.push_str(&String::from_utf8_lossy(&buf[..n]));
    }
    let (status, body) = get(server.port, PAGE);
    assert_eq!(status, 200);
    assert!(body.contains("Fixed now."));
}

/// The server's output deleted while serving: the next edit rebuilds everything.
#[test]
fn a_deleted_output_is_rebuilt_in_full() {
    let site = Site::fixture("basic");
    let server = start(&site);
    std::fs::remove_dir_all(server.folder()).unwrap();
    let text = std::fs::read_to_string(site.root().join(LESSON)).unwrap();
    site.write(LESSON, format!("{text}\nAfter the output was deleted.\n"));
    wait_for(server.port, PAGE, |b| b.contains("After the output was deleted."));
    let (status, _) = get(server.port, "/fr/modules/beta/gamma/index.html");
    assert_eq!(status, 200, "every page is back, not only the edited one");
}

#[test]
fn a_missing_root_is_refused_not_created() {
    let site = Site::fixture("basic");
    let o = site.run(&["serve", "--root", "no/such/site", "--port", &free_port().to_string()]);
    assert_eq!(o.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&o.stderr).contains("no such folder"));
    assert!(!site.root().join("no").exists());
}

/// A client that trickles its request is cut off at the deadline; connections over the cap
/// are answered 503 at once.
#[test]
fn slow_clients_are_cut_off_and_connections_capped() {
    let site = Site::fixture("basic");
    let server = start(&site);
    let mut slow = TcpStream::connect(("127.0.0.1", server.port)).unwrap();
    slow.set_read_timeout(Some(Duration::from_millis(200))).unwrap();
    write!(slow, "GET / HTTP/1.1\r\n").unwrap();
    let began = Instant::now();
    let closed = loop {
        assert!(began.elapsed() < Duration::from_secs(25), "a trickling client was never cut off");
        if slow.write_all(b"X").is_err() {
            break began.elapsed();
        }
        let mut b = [0u8; 64];
        match slow.read(&mut b) {
            Ok(0) => break began.elapsed(),
            Ok(_) => {}
            Err(e) if e.kind() == std::io::ErrorKind::WouldBlock || e.kind() == std::io::ErrorKind::TimedOut => {}
            Err(_) => break began.elapsed(),
        }
        std::thread::sleep(Duration::from_millis(800));
    };
    assert!(closed < Duration::from_secs(15), "cut off after {closed:?}");

    let idle: Vec<TcpStream> = (0..128).map(|_| TcpStream::connect(("127.0.0.1", server.port)).unwrap()).collect();
    std::thread::sleep(Duration::from_millis(300));
    let (status, body) = get(server.port, "/en/index.html");
    assert_eq!(status, 503, "{body}");
    drop(idle);
    let deadline = Instant::now() + Duration::from_secs(15);
    while get(server.port, "/en/index.html").0 != 200 {
        assert!(Instant::now() < deadline, "the server did not recover after the idle connections closed");
        std::thread::sleep(Duration::from_millis(100));
    }
}
