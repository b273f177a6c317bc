//! `offline.remote_assets: fetch`: each remote asset is downloaded once into a content-addressed
//! cache in the site (`.donorbook/remote/<sha256>`) and recorded in `remote.lock`, a file meant
//! to be committed. Builds after that read the lock and the cache and never touch the network,
//! so they are reproducible; `--offline` forbids the network outright.

use sha2::{Digest, Sha256};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::sync::Mutex;
use std::time::Duration;

/// The lock file, at the site root.
pub const LOCK_FILE: &str = "remote.lock";
/// The cache folder, at the site root.
pub const CACHE_DIR: &str = ".donorbook/remote";
/// Largest asset downloaded.
pub const MAX_BYTES: u64 = 20 * 1024 * 1024;
/// Time allowed for one download, connection included.
pub const TIMEOUT: Duration = Duration::from_secs(30);

/// One remote asset as recorded in `remote.lock`.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Entry {
    pub url: String,
    pub sha256: String,
    pub size: u64,
    pub media_type: String,
}

#[derive(serde::Serialize, serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct LockFile {
    version: u32,
    assets: Vec<Entry>,
}

/// The lock, the cache and the local copies a build uses; shared by the rendering threads.
pub struct Store {
    root: PathBuf,
    offline: bool,
    lock: Mutex<BTreeMap<String, Entry>>,
    /// URL → outcome, so each URL is fetched (or fails) once per build, whatever the locales.
    seen: Mutex<BTreeMap<String, Result<Entry, String>>>,
    changed: Mutex<bool>,
}

impl Store {
    /// Reads `remote.lock` (absent means empty). `offline` forbids downloads.
    pub fn open(root: &Path, offline: bool) -> Result<Store, String> {
        let path = root.join(LOCK_FILE);
        let lock = match std::fs::read_to_string(&path) {
            Ok(text) => {
                let file: LockFile = serde_json::from_str(&text).map_err(|e| format!("{LOCK_FILE} is not a valid lock file: {e}"))?;
                file.assets.into_iter().map(|e| (e.url.clone(), e)).collect()
            }
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => BTreeMap::new(),
            Err(e) => return Err(format!("cannot read {LOCK_FILE}: {e}")),
        };
        Ok(Store { root: root.to_path_buf(), offline, lock: Mutex::new(lock), seen: Mutex::new(BTreeMap::new()), changed: Mutex::new(false) })
    }

    /// The output path (relative to the output root) of the local copy of `url`.
    pub fn resolve(&self, url: &str) -> Result<String, String> {
        let mut seen = self.seen.lock().unwrap_or_else(|e| e.into_inner());
        if let Some(r) = seen.get(url) {
            return r.as_ref().map(output_path).map_err(Clone::clone);
        }
        // Held across the download: each URL is fetched once even when many pages use it.
        let r = self.fetch_or_cached(url);
        seen.insert(url.to_string(), r.clone());
        r.as_ref().map(output_path).map_err(Clone::clone)
    }

    fn fetch_or_cached(&self, url: &str) -> Result<Entry, String> {
        let locked = self.lock.lock().unwrap_or_else(|e| e.into_inner()).get(url).cloned();
        let cache = self.cache_path_of(locked.as_ref().map(|e| e.sha256.as_str()));
        if let (Some(entry), Some(path)) = (&locked, &cache) {
            if let Ok(bytes) = std::fs::read(path) {
                let digest = sha256_hex(&bytes);
                if digest != entry.sha256 {
                    return Err(format!(
                        "the cached copy of `{url}` ({}) does not match {LOCK_FILE} (sha256 {}); delete it to fetch it again",
                        path.display(),
                        entry.sha256
                    ));
                }
                return Ok(entry.clone());
            }
        }
        if self.offline {
            return Err(match locked {
                Some(_) => format!("`{url}` is in {LOCK_FILE} but not in {CACHE_DIR}/, and --offline forbids fetching it"),
                None => format!("`{url}` is not in {LOCK_FILE}, and --offline forbids fetching it; build once without --offline"),
            });
        }
        let (bytes, media_type) = download(url)?;
        let sha256 = sha256_hex(&bytes);
        if let Some(entry) = &locked {
            if entry.sha256 != sha256 {
                return Err(format!("`{url}` no longer matches {LOCK_FILE}: it was sha256 {}, the server now sends {sha256}", entry.sha256));
            }
        }
        let dir = self.root.join(CACHE_DIR);
        std::fs::create_dir_all(&dir).map_err(|e| format!("cannot create {CACHE_DIR}/: {e}"))?;
        std::fs::write(dir.join(&sha256), &bytes).map_err(|e| format!("cannot write to {CACHE_DIR}/: {e}"))?;
        let entry = Entry { url: url.to_string(), sha256, size: bytes.len() as u64, media_type };
        if locked.is_none() {
            self.lock.lock().unwrap_or_else(|e| e.into_inner()).insert(url.to_string(), entry.clone());
            *self.changed.lock().unwrap_or_else(|e| e.into_inner()) = true;
        }
        Ok(entry)
    }

    fn cache_path_of(&self, sha: Option<&str>) -> Option<PathBuf> {
        sha.filter(|s| s.len() == 64 && s.bytes().all(|b| b.is_ascii_hexdigit())).map(|s| self.root.join(CACHE_DIR).join(s))
    }

    /// The local copies this build used: (output path, cache file), sorted.
    pub fn used(&self) -> Vec<(String, PathBuf)> {
        let seen = self.seen.lock().unwrap_or_else(|e| e.into_inner());
        let mut v: Vec<(String, PathBuf)> =
            seen.values().filter_map(|r| r.as_ref().ok()).map(|e| (output_path(e), self.root.join(CACHE_DIR).join(&e.sha256))).collect();
        v.sort();
        v.dedup();
        v
    }

    /// The URL a local copy was fetched from, for messages.
    pub fn url_of(&self, out: &str) -> Option<String> {
        let seen = self.seen.lock().unwrap_or_else(|e| e.into_inner());
        seen.iter().find(|(_, r)| r.as_ref().is_ok_and(|e| output_path(e) == out)).map(|(u, _)| u.clone())
    }

    /// Writes `remote.lock` when this build added to it (sorted by URL, so diffs stay small).
    pub fn save(&self) -> Result<(), String> {
        if !*self.changed.lock().unwrap_or_else(|e| e.into_inner()) {
            return Ok(());
        }
        let assets: Vec<Entry> = self.lock.lock().unwrap_or_else(|e| e.into_inner()).values().cloned().collect();
        let mut text = serde_json::to_string_pretty(&LockFile { version: 1, assets }).map_err(|e| e.to_string())?;
        text.push('\n');
        std::fs::write(self.root.join(LOCK_FILE), text).map_err(|e| format!("cannot write {LOCK_FILE}: {e}"))
    }
}

/// Where a fetched asset is written in the output: by digest, so every page shares one copy.
fn output_path(e: &Entry) -> String {
    format!("assets/remote/{}.{}", e.sha256, extension(&e.media_type))
}

fn extension(media_type: &str) -> &'static str {
    match media_type {
        "image/png" => "png",
        "image/jpeg" => "jpg",
        "image/gif" => "gif",
        "image/webp" => "webp",
        "image/avif" => "avif",
        "image/svg+xml" => "svg",
        "audio/mpeg" => "mp3",
        "audio/ogg" => "ogg",
        "video/mp4" => "mp4",
        "video/webm" => "webm",
        _ => "bin",
    }
}

pub fn sha256_hex(bytes: &[u8]) -> String {
    let d = Sha256::digest(bytes);
    d.iter().map(|b| format!("{b:02x}")).collect()
}

/// One GET with a timeout and a size cap; only images, audio and video are accepted.
fn download(url: &str) -> Result<(Vec<u8>, String), String> {
    let full = if url.starts_with("//") { format!("https:{url}") } else { url.to_string() };
    let agent: ureq::Agent = ureq::Agent::config_builder().timeout_global(Some(TIMEOUT)).build().into();
    let mut resp = agent.get(&full).call().map_err(|e| format!("cannot fetch `{url}`: {e}"))?;
    let media_type = resp
        .headers()
        .get("content-type")
        .and_then(|v| v.to_str().ok())
        .map(|v| v.split(';').next().unwrap_or("").trim().to_ascii_lowercase())
        .unwrap_or_default();
    if !(media_type.starts_with("image/") || media_type.starts_with("audio/") || media_type.starts_with("video/")) {
        let shown = if media_type.is_empty() { "no media type" } else { media_type.as_str() };
        return Err(format!("`{url}` answered with {shown}, not an image, audio or video file"));
    }
    let bytes = resp
        .body_mut()
        .with_config()
        .limit(MAX_BYTES)
        .read_to_vec()
        .map_err(|e| format!("cannot fetch `{url}` (at most {} MiB): {e}", MAX_BYTES / 1024 / 1024))?;
    Ok((bytes, media_type))
}
