#!/usr/bin/env python3
"""Edit-to-served latency of `donorbook serve`.

Measures the time from saving a lesson (write + fsync) to `donorbook serve` answering a GET of
that lesson's page with the new text, over N edits, and prints a Markdown table (median, p90,
min, max in ms) and the machine's nproc.

The site is always a temporary COPY (site.yaml, content/, locales/, themes/, templates/,
static/); the original files are never touched:

  scripts/edit-latency.py                 # copy of the repo's own site
  scripts/edit-latency.py --root DIR      # copy of another site
  scripts/edit-latency.py --size 5000     # synthetic site from examples/gen_corpus (5000 .md files)

Each edit writes a unique marker sentence at the end of one of three lessons of the default
locale (first, middle and last lesson in path order, in turn), records time.perf_counter()
right after the write and fsync, then polls GET of the lesson's URL every 5 ms (http.client on
127.0.0.1) until the marker is in the body. It waits --pause (300 ms) between edits.

Needs `cargo build --release` first (and, for --size, it builds the gen_corpus example if
target/release/examples/gen_corpus is missing). Python 3 standard library only.
"""

import argparse
import http.client
import os
import re
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import uuid

REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SITE_PARTS = ["site.yaml", "content", "locales", "themes", "templates", "static"]


def free_port():
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def get(port, path, timeout=5.0):
    """(status, body) of GET path, or (None, b"") when the server does not answer."""
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=timeout)
    try:
        conn.request("GET", path)
        resp = conn.getresponse()
        return resp.status, resp.read()
    except (OSError, http.client.HTTPException):
        return None, b""
    finally:
        conn.close()


def copy_site(src, dst):
    if not os.path.isfile(os.path.join(src, "site.yaml")):
        sys.exit(f"error: {src} has no site.yaml")
    os.makedirs(dst)
    for part in SITE_PARTS:
        p = os.path.join(src, part)
        if os.path.isdir(p):
            shutil.copytree(p, os.path.join(dst, part), symlinks=True)
        elif os.path.isfile(p):
            shutil.copy2(p, os.path.join(dst, part))


def generate_site(size, dst):
    gen = os.path.join(REPO, "target", "release", "examples", "gen_corpus")
    if not os.access(gen, os.X_OK):
        print("building examples/gen_corpus ...", file=sys.stderr)
        subprocess.run(["cargo", "build", "--release", "--quiet", "--example", "gen_corpus"], cwd=REPO, check=True)
    subprocess.run([gen, dst, str(size)], check=True, stdout=subprocess.DEVNULL)


def default_locale(site):
    with open(os.path.join(site, "site.yaml"), encoding="utf-8") as f:
        m = re.search(r"^default_locale:\s*[\"']?([A-Za-z0-9-]+)", f.read(), re.M)
    return m.group(1) if m else "en"


def strip_order_prefix(name):
    """`02-myths` -> `myths`, as src/load.rs does."""
    num, sep, rest = name.partition("-")
    if sep and rest and 0 < len(num) <= 6 and num.isdigit():
        return rest
    return name


def lessons(site, locale):
    """(file, url) of every non-draft lesson of the default locale, in path order."""
    base = os.path.join(site, "content", "modules")
    found = []
    if not os.path.isdir(base):
        return found
    for mod in sorted(os.listdir(base)):
        mdir = os.path.join(base, mod)
        if not os.path.isfile(os.path.join(mdir, "_index.md")):
            continue
        for name in sorted(os.listdir(mdir)):
            path = os.path.join(mdir, name)
            if not name.endswith(".md") or name == "_index.md" or name.startswith(".") or not os.path.isfile(path):
                continue
            with open(path, encoding="utf-8") as f:
                head = f.read(4096)
            if re.search(r"^draft:\s*true\s*$", head, re.M):
                continue
            slug = strip_order_prefix(name[:-3])
            found.append((path, f"/{locale}/modules/{strip_order_prefix(mod)}/{slug}/index.html"))
    return found


def percentile(values, p):
    """Nearest-rank percentile."""
    s = sorted(values)
    k = max(1, -(-len(s) * p // 100))  # ceil(n * p / 100)
    return s[int(k) - 1]


def log_size(path):
    try:
        return os.path.getsize(path)
    except OSError:
        return 0


def stop(proc):
    if proc.poll() is None:
        proc.send_signal(signal.SIGINT)  # serve's Ctrl-C handler removes its staging folder
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()


def main():
    ap = argparse.ArgumentParser(description="Time from saving a lesson to `donorbook serve` serving the new text.")
    src = ap.add_mutually_exclusive_group()
    src.add_argument("--root", help="site to copy and edit (default: the repo's own site)")
    src.add_argument("--size", type=int, help="generate a synthetic site of N Markdown files with examples/gen_corpus instead")
    ap.add_argument("--edits", type=int, default=15, help="number of edits (default 15)")
    ap.add_argument("--binary", default=os.path.join(REPO, "target", "release", "donorbook"), help="donorbook binary (default target/release/donorbook)")
    ap.add_argument("--pause", type=float, default=0.3, help="seconds between edits (default 0.3)")
    ap.add_argument("--timeout", type=float, default=120.0, help="seconds to wait for one edit to be served (default 120)")
    ap.add_argument("--start-timeout", type=float, default=900.0, help="seconds to wait for the first build (default 900)")
    ap.add_argument("--idle", type=float, default=2.0, help="seconds without edits at the end, to check that serve does not rebuild on its own (default 2)")
    ap.add_argument("--keep", action="store_true", help="keep the temporary site and the server log")
    args = ap.parse_args()
    if args.edits < 1:
        ap.error("--edits must be at least 1")
    binary = os.path.abspath(args.binary)
    if not os.access(binary, os.X_OK):
        sys.exit(f"error: {binary} not found; run `cargo build --release` first")

    tmp = tempfile.mkdtemp(prefix="donorbook-edit-latency-")
    site = os.path.join(tmp, "site")
    log_path = os.path.join(tmp, "serve.log")
    proc = None
    ok = False
    try:
        if args.size:
            generate_site(args.size, site)
            label = f"synthetic, --size {args.size}"
        else:
            root = os.path.abspath(args.root or REPO)
            copy_site(root, site)
            label = "repo site" if not args.root else root
        md_files = sum(1 for _, _, fs in os.walk(site) for f in fs if f.endswith(".md"))
        locale = default_locale(site)
        all_lessons = lessons(site, locale)
        if not all_lessons:
            sys.exit("error: the site has no lessons under content/modules/")
        n = len(all_lessons)
        targets = [all_lessons[i] for i in sorted({0, n // 2, n - 1})]

        port = free_port()
        log = open(log_path, "wb")
        t_start = time.perf_counter()
        proc = subprocess.Popen([binary, "serve", "--root", site, "--port", str(port)], stdout=log, stderr=subprocess.STDOUT, start_new_session=True)
        home = f"/{locale}/index.html"
        while True:
            if proc.poll() is not None:
                sys.exit(f"error: donorbook serve exited with {proc.returncode}; log: {log_path}")
            status, _ = get(port, home)
            if status == 200:
                break
            if time.perf_counter() - t_start > args.start_timeout:
                sys.exit(f"error: {home} not served after {args.start_timeout:.0f} s; log: {log_path}")
            time.sleep(0.05)
        startup = time.perf_counter() - t_start
        for _, url in targets:
            status, _ = get(port, url)
            if status != 200:
                sys.exit(f"error: GET {url} answered {status}; the lesson URL was not guessed right")
        time.sleep(args.pause)  # let the watcher settle after the first build

        originals = {}
        for path, _ in targets:
            with open(path, encoding="utf-8") as f:
                originals[path] = f.read().rstrip("\n") + "\n"
        run_id = uuid.uuid4().hex[:8]
        latencies = []
        log_at_edits = log_size(log_path)
        for i in range(args.edits):
            path, url = targets[i % len(targets)]
            marker = f"Latency marker {run_id}x{i:03d} was saved here."
            with open(path, "w", encoding="utf-8") as f:
                f.write(originals[path] + "\n" + marker + "\n")
                f.flush()
                os.fsync(f.fileno())
            t0 = time.perf_counter()
            needle = marker.encode()
            while True:
                status, body = get(port, url)
                now = time.perf_counter()
                if status == 200 and needle in body:
                    break
                if proc.poll() is not None:
                    sys.exit(f"error: donorbook serve exited with {proc.returncode} during edit {i + 1}; log: {log_path}")
                if now - t0 > args.timeout:
                    sys.exit(f"error: edit {i + 1} ({os.path.relpath(path, site)}) not served after {args.timeout:.0f} s; log: {log_path}")
                time.sleep(0.005)
            latencies.append((now - t0) * 1000.0)
            time.sleep(args.pause)
        log_after_edits = log_size(log_path)
        time.sleep(args.idle)
        log_after_idle = log_size(log_path)
        ok = True
    finally:
        if proc is not None:
            stop(proc)
        if args.keep or not ok:
            print(f"temporary site and serve.log kept in {tmp}", file=sys.stderr)

    with open(log_path, "rb") as f:
        log_bytes = f.read()
    during = log_bytes[log_at_edits:log_after_edits].decode("utf-8", "replace")
    idle = log_bytes[log_after_edits:log_after_idle].decode("utf-8", "replace")
    if not args.keep:
        shutil.rmtree(tmp, ignore_errors=True)
    # What serve printed (informational: depends on serve's messages, see src/serve.rs).
    rendered = [float(m) for m in re.findall(r"re-rendered \d+ page\(s\) in (\d+(?:\.\d+)?) ms", during)]
    full_during = len(re.findall(r"^built \d+ pages", during, re.M))
    full_idle = len(re.findall(r"^built \d+ pages", idle, re.M)) + len(re.findall(r"re-rendered \d+ page", idle))

    print(f"site: {label} ({md_files} Markdown files); edited {len(targets)} lesson(s) of `{locale}` in turn:")
    for path, url in targets:
        print(f"  - {os.path.relpath(path, site)} -> {url}")
    nproc = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    print(f"first build until {locale}/index.html is served: {startup:.1f} s; nproc: {nproc}")
    print()
    print("| edits | median ms | p90 ms | min ms | max ms |")
    print("|---:|---:|---:|---:|---:|")
    print(f"| {len(latencies)} | {statistics.median(latencies):.0f} | {percentile(latencies, 90):.0f} | {min(latencies):.0f} | {max(latencies):.0f} |")
    print()
    line = f"serve during the edits: {full_during} full build(s), {len(rendered)} partial re-render(s)"
    if rendered:
        line += f" (median {statistics.median(rendered):.0f} ms as reported by serve)"
    print(line)
    if full_idle:
        print(f"warning: serve rebuilt {full_idle} time(s) during {args.idle:.0f} s without edits: it is rebuilding in a loop, so the latencies include waiting for those builds")


if __name__ == "__main__":
    main()
