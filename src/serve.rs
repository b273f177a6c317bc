//! `donorbook serve`: build, serve the output over HTTP, rebuild on change, reload open pages.
//!
//! The server is deliberately small (std::net, a thread per connection): it serves only files
//! inside the output folder, answers GET and HEAD, and keeps one server-sent-events stream per
//! open page for live reload. A failed rebuild keeps the last good output and shows the errors
//! on every page and in the terminal until the files are fixed.

use crate::build::{self, BuildOptions};
use crate::diagnostics::Diagnostic;
use crate::urls;
use crate::write;
use notify_debouncer_full::notify::event::{AccessKind, AccessMode};
use notify_debouncer_full::notify::{self, EventKind, PollWatcher, RecommendedWatcher, RecursiveMode, Watcher};
use notify_debouncer_full::{DebounceEventResult, RecommendedCache, new_debouncer_opt};
use std::io::{BufRead, BufReader, Read, Write};
use std::net::{TcpListener, TcpStream};
use std::path::{Component, Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Condvar, Mutex};
use std::time::{Duration, Instant};

/// Shared state between the builder and the HTTP workers.
pub struct State {
    /// Output folder being served (canonical).
    pub out: PathBuf,
    /// Connections being served.
    active: AtomicUsize,
    /// Bumped after every build; pages reload when it changes.
    generation: Mutex<u64>,
    changed: Condvar,
    /// Errors of the last build, shown on every page while non-empty.
    errors: Mutex<Vec<String>>,
}

impl State {
    pub fn new(out: PathBuf) -> Arc<State> {
        Arc::new(State { out, active: AtomicUsize::new(0), generation: Mutex::new(0), changed: Condvar::new(), errors: Mutex::new(Vec::new()) })
    }

    fn bump(&self, errors: Vec<String>) {
        *self.errors.lock().unwrap_or_else(|e| e.into_inner()) = errors;
        let mut g = self.generation.lock().unwrap_or_else(|e| e.into_inner());
        *g += 1;
        self.changed.notify_all();
    }

    fn generation(&self) -> u64 {
        *self.generation.lock().unwrap_or_else(|e| e.into_inner())
    }
}

/// Options of `donorbook serve`.
pub struct ServeOptions {
    pub root: PathBuf,
    pub bind: String,
    pub port: u16,
    pub open: bool,
    pub drafts: bool,
}

/// Longest time a client may take to send its request line and headers (slow clients would
/// otherwise hold a thread each for ever).
const REQUEST_DEADLINE: Duration = Duration::from_secs(10);
/// Connections served at once; each open page keeps one for live reload. More get a 503.
const MAX_CONNECTIONS: usize = 128;

/// Runs the server until the process is stopped. Returns an error message for the terminal.
///
/// The site is built into a folder of the server's own in the system's temporary folder, never
/// into `public/`: a deploy build made there (with `--base-url`) stays as it was, and a link at
/// `public` cannot make the server expose what it points at.
pub fn run(opts: &ServeOptions) -> Result<(), String> {
    if !opts.root.is_dir() {
        return Err(format!("--root {}: no such folder (nothing was created)", opts.root.display()));
    }
    let listener = TcpListener::bind((opts.bind.as_str(), opts.port)).map_err(|e| match e.kind() {
        std::io::ErrorKind::AddrInUse => {
            format!("port {} on {} is already in use; stop the other server or try `--port {}`", opts.port, opts.bind, opts.port.saturating_add(1))
        }
        _ => format!("cannot listen on {}:{}: {e}", opts.bind, opts.port),
    })?;
    let serve_dir = serve_folder()?;
    let out = serve_dir.join("site");
    let url = format!("http://{}:{}/", opts.bind, opts.port);
    eprintln!("serving {} at {url} (Ctrl-C to stop; public/ is not touched)", out.display());
    // Ctrl-C: remove the server's folder (its build and any half-written staging), then leave.
    let to_remove = serve_dir.clone();
    let _ = ctrlc::set_handler(move || {
        let _ = std::fs::remove_dir_all(&to_remove);
        eprintln!("\nstopped");
        std::process::exit(0);
    });
    let build_opts = BuildOptions { root: opts.root.clone(), out: Some(out.clone()), drafts: opts.drafts, write: true, ..BuildOptions::default() };
    let (session, first) = build::Session::start(&build_opts);
    report(&opts.root, &first.diagnostics);
    if first.output == build::OutputFate::Refused {
        let _ = std::fs::remove_dir_all(&serve_dir);
        return Err("the output folder was refused, so there is nothing to serve".into());
    }
    let state = State::new(out);
    if !first.ok() {
        state.bump(first.diagnostics.iter().filter(|d| d.is_error()).map(Diagnostic::to_string).collect());
    }
    if opts.open {
        let _ = std::process::Command::new("xdg-open").arg(&url).spawn();
    }
    let _watcher = watch(&opts.root, build_opts, session, state.clone())?;
    for stream in listener.incoming().flatten() {
        if state.active.fetch_add(1, Ordering::SeqCst) >= MAX_CONNECTIONS {
            state.active.fetch_sub(1, Ordering::SeqCst);
            let _ = busy(stream);
            continue;
        }
        let state = state.clone();
        std::thread::spawn(move || {
            let _ = handle(stream, &state);
            state.active.fetch_sub(1, Ordering::SeqCst);
        });
    }
    Ok(())
}

/// A new, empty folder for this server's builds (`donorbook-serve-<pid>` in the temporary
/// folder), after removing those of servers that are no longer running.
fn serve_folder() -> Result<PathBuf, String> {
    let tmp = std::env::temp_dir().canonicalize().unwrap_or_else(|_| std::env::temp_dir());
    if let Ok(entries) = std::fs::read_dir(&tmp) {
        for entry in entries.flatten() {
            let name = entry.file_name().to_string_lossy().into_owned();
            let pid = name.strip_prefix("donorbook-serve-").and_then(|p| p.parse::<u32>().ok());
            if pid.is_some_and(|p| p != std::process::id() && !write::process_alive(p)) && entry.file_type().is_ok_and(|t| t.is_dir()) {
                let _ = std::fs::remove_dir_all(entry.path());
            }
        }
    }
    let dir = tmp.join(format!("donorbook-serve-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).map_err(|e| format!("cannot create {}: {e}", dir.display()))?;
    Ok(dir)
}

/// The answer to a connection over the cap.
fn busy(mut stream: TcpStream) -> std::io::Result<()> {
    stream.set_write_timeout(Some(Duration::from_secs(1)))?;
    stream.write_all(b"HTTP/1.1 503 Service Unavailable\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Length: 31\r\nRetry-After: 1\r\nConnection: close\r\n\r\ntoo many connections; try again")
}

/// Rebuilds after file events: only the edited pages when the change is to the text of
/// Markdown files, everything otherwise.
struct Rebuilder {
    session: Mutex<Option<build::Session>>,
    opts: BuildOptions,
    state: Arc<State>,
    root_abs: PathBuf,
    report_root: PathBuf,
}

impl Rebuilder {
    fn on_events(&self, res: DebounceEventResult) {
        let Ok(events) = res else { return };
        let mut paths: Vec<PathBuf> = events
            .iter()
            .filter(|e| is_change(&e.kind))
            .flat_map(|e| e.paths.iter())
            .filter(|p| is_source(&self.root_abs, &self.state.out, p))
            .cloned()
            .collect();
        if paths.is_empty() {
            return;
        }
        paths.sort();
        paths.dedup();
        let mut guard = self.session.lock().unwrap_or_else(|e| e.into_inner());
        let partial = guard.as_mut().and_then(|s| s.update(&paths));
        let result = match partial {
            Some(r) => {
                if r.ok() {
                    eprintln!("re-rendered {} page(s) in {:.0} ms", r.files_written, r.elapsed.as_secs_f64() * 1000.0);
                }
                r
            }
            None => {
                let (new_session, r) = build::Session::start(&self.opts);
                if new_session.is_some() {
                    *guard = new_session;
                }
                if r.ok() {
                    eprintln!("{}", build::summary(&r));
                }
                r
            }
        };
        drop(guard);
        report(&self.report_root, &result.diagnostics);
        self.state.bump(result.diagnostics.iter().filter(|d| d.is_error()).map(Diagnostic::to_string).collect());
    }
}

/// Reading a file is not a change. Without this filter every build's own reads (inotify
/// reports them as `Access(Open)`) would trigger the next build, for ever.
fn is_change(kind: &EventKind) -> bool {
    match kind {
        EventKind::Access(AccessKind::Close(AccessMode::Write)) => true,
        EventKind::Access(_) => false,
        _ => true,
    }
}

/// What the watcher looks at: the source folders that exist, and `site.yaml`.
fn watched_paths(root: &Path) -> Vec<(PathBuf, RecursiveMode)> {
    let mut out: Vec<(PathBuf, RecursiveMode)> = ["content", "locales", "templates", "static", "themes"]
        .iter()
        .map(|d| root.join(d))
        .filter(|p| p.is_dir())
        .map(|p| (p, RecursiveMode::Recursive))
        .collect();
    out.push((root.join("site.yaml"), RecursiveMode::NonRecursive));
    out
}

/// A debouncer over watcher `W`, watching every source path.
fn debouncer_with<W: Watcher + 'static>(root: &Path, config: notify::Config, rebuilder: &Arc<Rebuilder>) -> Result<Box<dyn std::any::Any>, String> {
    let r = rebuilder.clone();
    let mut debouncer =
        new_debouncer_opt::<_, W, _>(Duration::from_millis(150), None, move |res: DebounceEventResult| r.on_events(res), RecommendedCache::new(), config)
            .map_err(|e| format!("cannot watch the site for changes: {e}"))?;
    for (p, mode) in watched_paths(root) {
        debouncer.watch(&p, mode).map_err(|e| format!("cannot watch {}: {e}", p.display()))?;
    }
    Ok(Box::new(debouncer))
}

/// Watches sources (not the output) with native file events, or by polling where those are
/// unavailable (network drives, some containers, exhausted inotify limits) or when
/// `DONORBOOK_POLL=1` asks for it.
fn watch(root: &Path, opts: BuildOptions, session: Option<build::Session>, state: Arc<State>) -> Result<Box<dyn std::any::Any>, String> {
    // Absolute paths: the poller reports paths as they were given, and they are compared
    // with the canonical root.
    let root_abs = root.canonicalize().unwrap_or_else(|_| root.to_path_buf());
    let rebuilder = Arc::new(Rebuilder { session: Mutex::new(session), opts, root_abs: root_abs.clone(), report_root: root.to_path_buf(), state });
    let root = root_abs.as_path();
    // Contents are compared too: the poller sees modification times only to the second.
    let poll = notify::Config::default().with_poll_interval(Duration::from_millis(500)).with_compare_contents(true);
    if std::env::var_os("DONORBOOK_POLL").is_some_and(|v| v != "0") {
        eprintln!("watching for changes by polling every 500 ms");
        return debouncer_with::<PollWatcher>(root, poll, &rebuilder);
    }
    debouncer_with::<RecommendedWatcher>(root, notify::Config::default(), &rebuilder).or_else(|native| {
        eprintln!("{native}; watching for changes by polling every 500 ms instead");
        debouncer_with::<PollWatcher>(root, poll, &rebuilder)
    })
}

/// Changes to the output, staging folders and editor temp files do not trigger builds.
fn is_source(root: &Path, out: &Path, p: &Path) -> bool {
    let name = p.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
    if name.starts_with('.') || name.ends_with('~') || name.ends_with(".swp") {
        return false;
    }
    !p.starts_with(out) && p.starts_with(root) && !p.components().any(|c| c.as_os_str().to_string_lossy().contains(".staging-"))
}

fn report(root: &Path, diags: &[Diagnostic]) {
    for d in diags {
        eprintln!("{}\n", d.render(root, false));
    }
}

/// Reads from a connection until a deadline, however slowly the client trickles bytes.
struct Deadline<'a> {
    stream: &'a TcpStream,
    until: Instant,
}

impl Read for Deadline<'_> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        let left = self.until.saturating_duration_since(Instant::now());
        if left.is_zero() {
            return Err(std::io::Error::new(std::io::ErrorKind::TimedOut, "request deadline passed"));
        }
        self.stream.set_read_timeout(Some(left))?;
        (&mut &*self.stream).read(buf)
    }
}

/// The request line, once the whole head (at most 32 KiB) has arrived within the deadline.
fn read_head(stream: &TcpStream) -> std::io::Result<String> {
    let mut reader = BufReader::new(Deadline { stream, until: Instant::now() + REQUEST_DEADLINE }).take(32 * 1024);
    let mut request_line = String::new();
    reader.read_line(&mut request_line)?;
    loop {
        let mut h = String::new();
        if reader.read_line(&mut h)? == 0 || h == "\r\n" || h == "\n" {
            break;
        }
    }
    Ok(request_line)
}

/// One request: parse, route, respond. Errors just close the connection.
fn handle(mut stream: TcpStream, state: &State) -> std::io::Result<()> {
    stream.set_write_timeout(Some(Duration::from_secs(30)))?;
    let request_line = read_head(&stream)?;
    let mut parts = request_line.split_whitespace();
    let (method, target) = (parts.next().unwrap_or(""), parts.next().unwrap_or(""));
    if method != "GET" && method != "HEAD" {
        return respond(&mut stream, 405, "text/plain; charset=utf-8", b"method not allowed", method == "HEAD");
    }
    let path = target.split(['?', '#']).next().unwrap_or("/");
    if path == "/__donorbook/events" {
        return events(stream, state);
    }
    if path == "/__donorbook/reload.js" {
        return respond(&mut stream, 200, "text/javascript; charset=utf-8", RELOAD_JS.as_bytes(), method == "HEAD");
    }
    if !state.out.join("index.html").is_file() {
        // No good build yet: the errors, and the script that reloads once there is one.
        return respond(&mut stream, 500, "text/html; charset=utf-8", &error_page(state), method == "HEAD");
    }
    match resolve(&state.out, path) {
        Resolved::File(file) => {
            let bytes = std::fs::read(&file)?;
            let mime = mime_type(&file);
            let body = if mime.starts_with("text/html") { inject(&bytes, state) } else { bytes };
            respond(&mut stream, 200, mime, &body, method == "HEAD")
        }
        Resolved::Forbidden => respond(&mut stream, 403, "text/plain; charset=utf-8", b"forbidden", method == "HEAD"),
        Resolved::NotFound => {
            let page = std::fs::read(state.out.join("404.html")).map(|b| inject(&b, state)).unwrap_or_else(|_| b"not found".to_vec());
            respond(&mut stream, 404, "text/html; charset=utf-8", &page, method == "HEAD")
        }
    }
}

/// What a request path maps to.
#[derive(Debug, PartialEq, Eq)]
pub enum Resolved {
    File(PathBuf),
    NotFound,
    Forbidden,
}

/// Maps a URL path to a file inside `out`. Traversal (`..`, `%2e%2e`, backslashes, absolute
/// paths, NUL) is forbidden; symlinks that lead outside `out` are forbidden too.
pub fn resolve(out: &Path, url_path: &str) -> Resolved {
    let decoded = urls::percent_decode(url_path);
    if decoded.contains('\\') || decoded.contains('\0') || decoded.starts_with("//") {
        return Resolved::Forbidden;
    }
    let rel = decoded.trim_start_matches('/');
    let rel_path = Path::new(rel);
    if rel_path.components().any(|c| !matches!(c, Component::Normal(_))) && !rel.is_empty() {
        return Resolved::Forbidden;
    }
    let mut file = out.join(rel_path);
    if file.is_dir() {
        file = file.join("index.html");
    }
    match file.canonicalize() {
        Ok(real) if real.starts_with(out) && real.is_file() => Resolved::File(real),
        Ok(real) if !real.starts_with(out) => Resolved::Forbidden,
        _ => Resolved::NotFound,
    }
}

fn respond(stream: &mut TcpStream, status: u16, mime: &str, body: &[u8], head: bool) -> std::io::Result<()> {
    let reason = match status {
        200 => "OK",
        500 => "Internal Server Error",
        403 => "Forbidden",
        404 => "Not Found",
        405 => "Method Not Allowed",
        _ => "Error",
    };
    write!(
        stream,
        "HTTP/1.1 {status} {reason}\r\nContent-Type: {mime}\r\nContent-Length: {}\r\nCache-Control: no-store\r\nX-Content-Type-Options: nosniff\r\nConnection: close\r\n\r\n",
        body.len()
    )?;
    if !head {
        stream.write_all(body)?;
    }
    stream.flush()
}

/// A server-sent-events stream that says "reload" whenever a build finishes.
fn events(mut stream: TcpStream, state: &State) -> std::io::Result<()> {
    stream.write_all(b"HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\nCache-Control: no-store\r\nConnection: keep-alive\r\n\r\n: connected\n\n")?;
    let mut seen = state.generation();
    loop {
        let guard = state.generation.lock().unwrap_or_else(|e| e.into_inner());
        let (guard, timeout) = state.changed.wait_timeout(guard, Duration::from_secs(15)).unwrap_or_else(|e| e.into_inner());
        let now = *guard;
        drop(guard);
        if now != seen {
            seen = now;
            stream.write_all(b"data: reload\n\n")?;
        } else if timeout.timed_out() {
            stream.write_all(b": ping\n\n")?;
        }
        stream.flush()?;
    }
}

/// Adds the reload script, and the last build's errors if it failed, to a served page.
fn inject(html: &[u8], state: &State) -> Vec<u8> {
    let text = String::from_utf8_lossy(html);
    let errors = state.errors.lock().unwrap_or_else(|e| e.into_inner()).clone();
    let mut extra = String::from("<script src=\"/__donorbook/reload.js\"></script>");
    if !errors.is_empty() {
        extra.push_str("<div id=\"donorbook-build-error\" role=\"alert\" style=\"position:fixed;inset:auto 0 0 0;max-height:50vh;overflow:auto;background:#3b0a0a;color:#fff;padding:1rem;font:14px/1.5 monospace;z-index:9999;white-space:pre-wrap\"><strong>Build failed — showing the last good version.</strong>\n");
        for e in &errors {
            extra.push_str(&urls::escape_attr(e));
            extra.push('\n');
        }
        extra.push_str("</div>");
    }
    match text.rfind("</body>") {
        Some(i) => format!("{}{extra}{}", &text[..i], &text[i..]).into_bytes(),
        None => format!("{text}{extra}").into_bytes(),
    }
}

/// The page served while no build has succeeded yet.
fn error_page(state: &State) -> Vec<u8> {
    let errors = state.errors.lock().unwrap_or_else(|e| e.into_inner()).clone();
    let mut page = String::from(
        "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><title>Build failed</title></head><body><main><h1>The site could not be built</h1><p>Fix the errors below and save: this page reloads when the build succeeds.</p><pre id=\"donorbook-build-error\">",
    );
    if errors.is_empty() {
        page.push_str("The site is being built.");
    }
    for e in &errors {
        page.push_str(&urls::escape_attr(e));
        page.push('\n');
    }
    page.push_str("</pre></main><script src=\"/__donorbook/reload.js\"></script></body></html>");
    page.into_bytes()
}

const RELOAD_JS: &str = "(function(){if(!window.EventSource)return;var s=new EventSource('/__donorbook/events');s.onmessage=function(e){if(e.data==='reload'){location.reload();}};})();\n";

/// Content types of the files a site holds.
pub fn mime_type(p: &Path) -> &'static str {
    match p.extension().and_then(|e| e.to_str()).map(str::to_ascii_lowercase).as_deref() {
        Some("html" | "htm") => "text/html; charset=utf-8",
        Some("css") => "text/css; charset=utf-8",
        Some("js" | "mjs") => "text/javascript; charset=utf-8",
        Some("json") => "application/json",
        Some("xml") => "application/xml",
        Some("txt") => "text/plain; charset=utf-8",
        Some("svg") => "image/svg+xml",
        Some("png") => "image/png",
        Some("jpg" | "jpeg") => "image/jpeg",
        Some("gif") => "image/gif",
        Some("webp") => "image/webp",
        Some("avif") => "image/avif",
        Some("ico") => "image/x-icon",
        Some("woff2") => "font/woff2",
        Some("woff") => "font/woff",
        Some("ttf") => "font/ttf",
        Some("pdf") => "application/pdf",
        Some("zip") => "application/zip",
        Some("mp4") => "video/mp4",
        Some("webm") => "video/webm",
        Some("mp3") => "audio/mpeg",
        _ => "application/octet-stream",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn traversal_is_refused() {
        let t = tempfile::tempdir().unwrap();
        let out = t.path().join("public");
        std::fs::create_dir_all(out.join("en")).unwrap();
        std::fs::write(out.join("en/index.html"), "x").unwrap();
        std::fs::write(t.path().join("secret.txt"), "s").unwrap();
        let out = out.canonicalize().unwrap();
        assert!(matches!(resolve(&out, "/en/"), Resolved::File(_)));
        assert_eq!(resolve(&out, "/../secret.txt"), Resolved::Forbidden);
        assert_eq!(resolve(&out, "/%2e%2e/secret.txt"), Resolved::Forbidden);
        assert_eq!(resolve(&out, "/%2E%2E%2fsecret.txt"), Resolved::Forbidden);
        assert_eq!(resolve(&out, "/en/..\\..\\secret.txt"), Resolved::Forbidden);
        assert_eq!(resolve(&out, "//etc/passwd"), Resolved::Forbidden);
        assert_eq!(resolve(&out, "/nope.html"), Resolved::NotFound);
        #[cfg(unix)]
        {
            std::os::unix::fs::symlink(t.path().join("secret.txt"), out.join("link.txt")).unwrap();
            assert_eq!(resolve(&out, "/link.txt"), Resolved::Forbidden);
        }
    }
}
