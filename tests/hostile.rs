//! Hostile input: each case gives a clear error (or just works), never a panic, and nothing
//! outside the output folder is written.

mod common;
use common::{Site, snapshot, stderr};

const LESSON: &str = "content/modules/alpha/02-second.md";

/// Builds and checks that the only change to the site folder is inside `public/`.
fn build_untouched(s: &Site) -> std::process::Output {
    let before: Vec<_> = snapshot(s.root()).into_iter().filter(|(p, _)| !p.starts_with("public")).collect();
    let o = s.build();
    let after: Vec<_> = snapshot(s.root()).into_iter().filter(|(p, _)| !p.starts_with("public")).collect();
    assert_eq!(before, after, "the build wrote outside public/");
    assert!(!stderr(&o).contains("panicked"), "{}", stderr(&o));
    o
}

fn expect_error(s: &Site, needle: &str) -> String {
    let o = build_untouched(s);
    let e = stderr(&o);
    assert_eq!(o.status.code(), Some(1), "{e}");
    assert!(e.contains(needle), "expected `{needle}` in:\n{e}");
    e
}

#[test]
fn path_escapes_in_links_images_and_shortcodes() {
    for (body, needle) in [
        ("![x](%2e%2e/%2e%2e/%2e%2e/%2e%2e/etc/passwd)", "is outside the site's content folder"),
        ("![x](/etc/passwd)", "must be a path relative to this file"),
        ("![x](..\\..\\secret.png)", "must be a path relative to this file"),
        ("[x](../../../../../etc/passwd.md)", "leaves the site's content folder"),
        ("{{ figure(src=\"../../../../etc/passwd\", alt=\"x\") }}", "outside the site's content folder"),
        ("[x](javascript:alert(1))", "runs a script"),
    ] {
        let s = Site::fixture("basic");
        s.write(LESSON, format!("---\ntitle: A\nsummary: s\n---\n{body}\n"));
        expect_error(&s, needle);
    }
}

#[cfg(unix)]
#[test]
fn symlinks_that_leave_the_site_or_loop() {
    let s = Site::fixture("basic");
    let outside = tempfile::tempdir().unwrap();
    std::fs::write(outside.path().join("secret.md"), "---\ntitle: Secret\n---\nTOP SECRET\n").unwrap();
    std::os::unix::fs::symlink(outside.path().join("secret.md"), s.root().join("content/modules/alpha/04-leak.md")).unwrap();
    std::os::unix::fs::symlink(s.root().join("content"), s.root().join("content/modules/alpha/loop")).unwrap();
    let e = expect_error(&s, "points outside the site; it was not read");
    assert!(e.contains("content/modules/alpha/04-leak.md"), "{e}");
    assert!(
        !s.root().join("public").exists()
            || !std::fs::read_to_string(s.root().join("public/en/modules/alpha/leak/index.html")).unwrap_or_default().contains("TOP SECRET")
    );
}

#[test]
fn deeply_nested_lists_and_blockquotes() {
    let s = Site::fixture("basic");
    let quotes = ">".repeat(100_000);
    let lists: String = (0..2_000).map(|i| format!("{}- item\n", "  ".repeat(i))).collect();
    // 4 MB, above the default size limit of a source file: raised for this site.
    raise_source_limit(&s, 8);
    s.write(LESSON, format!("---\ntitle: Deep\nsummary: s\n---\n{quotes} deep\n\n{lists}\n"));
    let o = build_untouched(&s);
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(stderr(&o).contains("nested more than 64 levels deep are flattened"), "{}", stderr(&o));
    let html = s.out("en/modules/alpha/second/index.html");
    assert!(html.matches("<blockquote>").count() <= 64);
}

#[test]
fn deeply_nested_raw_html_is_refused_quickly() {
    let s = Site::fixture("basic");
    s.write(LESSON, format!("---\ntitle: Deep\nsummary: s\n---\ntext\n\n{}\n", "<div>".repeat(100_000)));
    let start = std::time::Instant::now();
    expect_error(&s, "raw HTML is nested more than 512 elements deep");
    assert!(start.elapsed() < std::time::Duration::from_secs(60));
}

#[test]
fn fifty_megabyte_markdown_file() {
    let s = Site::fixture("basic");
    let para = "Regular voluntary donors are the safest source of blood. ".repeat(20);
    let mut text = String::from("---\ntitle: Huge\nsummary: s\n---\n");
    while text.len() < 50 * 1024 * 1024 {
        text.push_str(&para);
        text.push_str("\n\n");
    }
    s.write(LESSON, text);
    // Refused by default, before it is read (docs/security.md, "Size limits")…
    let e = expect_error(&s, "02-second.md: error: the file is 50.0 MB, more than the 2.0 MB a source file may have");
    assert!(e.contains("limits: { max_source_mb: 51 }"), "{e}");
    // …and built when the site raises the limit.
    raise_source_limit(&s, 64);
    let o = build_untouched(&s);
    assert!(o.status.success(), "{}", stderr(&o));
}

/// Adds `limits.max_source_mb` to the site's configuration.
fn raise_source_limit(s: &Site, mb: u64) {
    let yaml = std::fs::read_to_string(s.root().join("site.yaml")).unwrap();
    s.write("site.yaml", format!("{yaml}limits:\n  max_source_mb: {mb}\n"));
}

#[test]
fn nul_bytes_and_control_characters() {
    let s = Site::fixture("basic");
    s.write(LESSON, b"---\ntitle: A\n---\nbinary\0data\n".to_vec());
    expect_error(&s, "02-second.md:4:7: error: the file contains a NUL byte");
    s.write(LESSON, "---\ntitle: \"Bad \\x1b[31m title\"\n---\n");
    expect_error(&s, "02-second.md:2:1: error: `title` contains the control character U+001B");
    s.write(LESSON, "---\ntitle: A\n---\nInvisible \u{0007} bell\n");
    expect_error(&s, "02-second.md:4:11: error: the file contains the invisible control character U+0007");
}

#[test]
fn undeclared_locale_folder_is_reported() {
    let s = Site::fixture("basic");
    s.write("locales/frr/content/_index.md", "---\ntitle: Typo\n---\n");
    let o = build_untouched(&s);
    assert!(o.status.success());
    assert!(stderr(&o).contains("locales/frr: warning: locale folder `frr` is not declared in site.yaml"), "{}", stderr(&o));
    assert!(stderr(&o).contains("did you mean `fr`?"), "{}", stderr(&o));
}

#[test]
fn script_urls_and_tags_in_front_matter_are_escaped_in_sitemap_and_search() {
    let s = Site::fixture("basic");
    s.write(LESSON, "---\ntitle: \"</script><script>alert(1)</script>\"\nsummary: \"javascript:alert(2)\"\n---\nText\n");
    // A sitemap is written only with a base URL.
    let yaml = std::fs::read_to_string(s.root().join("site.yaml")).unwrap();
    s.write("site.yaml", format!("{yaml}base_url: https://learn.example.org/\n"));
    let o = build_untouched(&s);
    assert!(o.status.success(), "{}", stderr(&o));
    let index = s.out("assets/search/en.js");
    assert!(!index.contains("</script>"), "the search index must not close a script element");
    for page in ["en/modules/alpha/second/index.html", "en/modules/alpha/index.html", "sitemap.xml"] {
        assert!(!s.out(page).contains("<script>alert(1)"), "{page}");
    }
    assert!(!s.out("en/modules/alpha/index.html").contains("href=\"javascript:"));
}

/// Issue 11 item 4: shortcode output lands inside raw HTML attributes after the sanitizer ran, so
/// a message argument made a `javascript:` link in the lesson, its fallbacks and the print page.
#[test]
fn shortcode_output_in_raw_html_attributes_is_sanitized() {
    let payload = "{{ t(key=\"print-title\", module=\"javascript:alert(1)//\") }}";
    let breakout = "{{ t(key=\"print-title\", module='\"><script>alert(2)</script>') }}";
    for body in [
        format!("<a href=\"{payload}\">quoted</a>"),
        format!("<a href={payload}>unquoted</a>"),
        format!("<div>\n<a href='{payload}'>block</a>\n</div>"),
        format!("<a title=\"{breakout}\" href=\"01-first.md\">title</a>"),
        format!("[link](01-first.md \"{breakout}\")"),
    ] {
        let s = Site::fixture("basic");
        s.write(LESSON, format!("---\ntitle: A\nsummary: s\n---\n{body}\n"));
        let o = build_untouched(&s);
        assert!(o.status.success(), "{body}\n{}", stderr(&o));
        // The lesson, its French fallback and the English and French print pages.
        for page in [
            "en/modules/alpha/second/index.html",
            "fr/modules/alpha/second/index.html",
            "en/modules/alpha/print/index.html",
            "fr/modules/alpha/print/index.html",
        ] {
            let html = s.out(page).to_ascii_lowercase();
            let at = html.find("<main").unwrap_or(0);
            for bad in ["javascript:", "<script>alert", "\u{e000}"] {
                assert!(!html[at..].contains(bad), "{page} holds `{bad}` from {body}:\n{}", &html[at..]);
            }
        }
        if body.contains("javascript") {
            let line = body.lines().position(|l| l.contains("javascript")).unwrap();
            let col = body.lines().nth(line).unwrap().find("{{").unwrap() + 1;
            let at = format!("02-second.md:{}:{col}", line + 5);
            assert!(stderr(&o).contains(&format!("{at}: warning: the sanitizer removed")), "the removal is reported at the shortcode:\n{}", stderr(&o));
            assert_eq!(s.run(&["check", "--strict"]).status.code(), Some(1), "check --strict fails on {body}");
        }
    }
}

/// Shortcode output inside a tag that Markdown writes (a link title, an image's alt text) is
/// text: a term's HTML used to break out of the attribute, in every raw-HTML mode.
#[test]
fn shortcode_output_inside_markdown_attributes_is_text() {
    for mode in ["sanitize", "escape"] {
        let s = Site::fixture("basic");
        s.write("site.yaml", format!("{}markdown:\n  raw_html: {mode}\n", std::fs::read_to_string(s.root().join("site.yaml")).unwrap()));
        s.write("content/glossary.yaml", "- id: plasma\n  term: plasma\n  definition: The liquid part of blood.\n");
        s.write(LESSON, "---\ntitle: A\nsummary: s\n---\n[link](01-first.md \"{{ term(id=\"plasma\") }}\") ![{{ term(id=\"plasma\") }}](images/drop.svg)\n");
        let o = build_untouched(&s);
        assert!(o.status.success(), "{}", stderr(&o));
        let html = s.out("en/modules/alpha/second/index.html");
        assert!(html.contains("title=\"plasma\">link</a>") && html.contains("alt=\"plasma\""), "{mode}: {html}");
    }
}

/// Issue 11 item 4: an SVG beside a lesson runs its scripts when a reader opens it.
#[test]
fn active_svg_beside_a_lesson_is_refused_unless_raw_html_is_allowed() {
    let s = Site::fixture("basic");
    let yaml = std::fs::read_to_string(s.root().join("site.yaml")).unwrap();
    s.write("content/modules/alpha/images/drop.svg", "<svg xmlns=\"http://www.w3.org/2000/svg\" onload=\"alert(document.domain)\"><circle r=\"4\"/></svg>\n");
    expect_error(&s, "content/modules/alpha/images/drop.svg: error: this SVG holds active content (an event handler `onload=`)");
    let check = s.run(&["check"]);
    assert_eq!(check.status.code(), Some(1), "{}", stderr(&check));
    s.write("site.yaml", format!("{yaml}markdown:\n  raw_html: allow\n"));
    let o = build_untouched(&s);
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(stderr(&o).contains("drop.svg: warning: this SVG holds active content"), "{}", stderr(&o));
}

/// Runs donorbook so that file permissions apply even when the tests run as root (the DAC
/// override capabilities are dropped with `setpriv`). `None` when that is not possible here.
#[cfg(unix)]
fn run_bound_by_permissions(s: &Site, args: &[&str]) -> Option<std::process::Output> {
    let uid = std::process::Command::new("id").arg("-u").output().ok()?;
    let mut cmd = if String::from_utf8_lossy(&uid.stdout).trim() == "0" {
        let mut c = std::process::Command::new("setpriv");
        c.arg("--bounding-set=-dac_override,-dac_read_search").arg(env!("CARGO_BIN_EXE_donorbook"));
        c
    } else {
        std::process::Command::new(env!("CARGO_BIN_EXE_donorbook"))
    };
    let o = cmd.args(args).current_dir(s.root()).env("NO_COLOR", "1").output().ok()?;
    // setpriv itself failing (no such program, no permission to drop capabilities).
    (!stderr(&o).starts_with("setpriv:")).then_some(o)
}

/// Issue 11 item 6: folders that exist but cannot be read (a looping link here, which stops
/// root too) are errors naming them, not a silent English fallback or missing files.
#[cfg(unix)]
#[test]
fn unreadable_locale_template_and_static_folders_are_errors() {
    let s = Site::fixture("basic");
    std::fs::remove_dir_all(s.root().join("locales/fr")).unwrap();
    std::os::unix::fs::symlink("fr", s.root().join("locales/fr")).unwrap();
    std::os::unix::fs::symlink("templates", s.root().join("templates")).unwrap();
    std::os::unix::fs::symlink("static", s.root().join("static")).unwrap();
    for needle in [
        "locales/fr/content: error: cannot read the folder",
        "locales/fr: error: cannot read the folder",
        "templates: error: cannot read the folder",
        "static: error: cannot read the folder",
    ] {
        expect_error(&s, needle);
    }
}

/// The same with permissions: `chmod 000` on a locale, and on folders under static/ and
/// templates/ (which walkdir used to skip silently).
#[cfg(unix)]
#[test]
fn folders_without_read_permission_are_errors() {
    use std::os::unix::fs::PermissionsExt;
    let s = Site::fixture("basic");
    s.write("static/docs/leaflet.txt", "leaflet");
    s.write("templates/partials/extra.html", "extra");
    let locked = ["locales/fr", "static/docs", "templates/partials"];
    for dir in locked {
        std::fs::set_permissions(s.root().join(dir), std::fs::Permissions::from_mode(0o000)).unwrap();
    }
    let o = run_bound_by_permissions(&s, &["build"]);
    for dir in locked {
        std::fs::set_permissions(s.root().join(dir), std::fs::Permissions::from_mode(0o755)).unwrap();
    }
    let Some(o) = o else {
        eprintln!("note: cannot drop the capabilities that bypass permissions here; the looping-link test covers the same paths");
        return;
    };
    let e = stderr(&o);
    assert_eq!(o.status.code(), Some(1), "{e}");
    for needle in [
        "locales/fr/content: error: cannot read",
        "locales/fr: error: cannot read",
        "static/docs: error: cannot read",
        "templates/partials: error: cannot read",
    ] {
        assert!(e.contains(needle), "expected `{needle}` in:\n{e}");
    }
}

/// Issue 11 item 7: links inside the site but outside content/ (or to hidden files) published
/// `.env` and `site.yaml` in every locale.
#[cfg(unix)]
#[test]
fn content_symlinks_to_dot_files_or_outside_content_are_refused() {
    let s = Site::fixture("basic");
    s.write(".env", "SECRET=hunter2\n");
    s.write("content/.hidden/notes.txt", "SECRET=draft\n");
    let links = [("env.txt", "../../../.env"), ("config.txt", "../../../site.yaml"), ("notes.txt", "../../.hidden/notes.txt")];
    for (name, target) in links {
        std::os::unix::fs::symlink(target, s.root().join("content/modules/alpha").join(name)).unwrap();
    }
    let e = expect_error(&s, "content/modules/alpha/env.txt: error: this symbolic link points outside the content folder; it was not read");
    assert!(e.contains("content/modules/alpha/config.txt: error: this symbolic link points outside the content folder"), "{e}");
    assert!(e.contains("content/modules/alpha/notes.txt: error: this symbolic link points to a hidden file"), "{e}");
    for (name, _) in links {
        assert!(!s.exists(&format!("en/modules/alpha/{name}")), "{name} was published");
    }
    // A link to another file of the content folder still works.
    for (name, _) in links {
        s.remove(&format!("content/modules/alpha/{name}"));
    }
    std::os::unix::fs::symlink("images/drop.svg", s.root().join("content/modules/alpha/same-drop.svg")).unwrap();
    let o = build_untouched(&s);
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(s.exists("en/modules/alpha/same-drop.svg"));
}

/// Issue 11 item 8: site files used to replace generated pages and theme files silently.
#[test]
fn site_files_that_would_overwrite_generated_files_are_errors() {
    let s = Site::fixture("basic");
    // With a base URL donorbook writes sitemap.xml (without one a site may bring its own).
    let yaml = std::fs::read_to_string(s.root().join("site.yaml")).unwrap();
    s.write("site.yaml", format!("{yaml}base_url: https://learn.example.org/\n"));
    s.write("static/index.html", "<p>mine</p>");
    s.write("static/assets/style.css", "body{}");
    s.write("static/sitemap.xml", "<urlset/>");
    s.write("static/en/about/index.html", "<p>mine</p>");
    s.write("content/modules/alpha/index.html", "<p>mine</p>");
    s.write("content/modules/alpha/print/index.html", "<p>mine</p>");
    let e = expect_error(&s, "static/index.html: error: this file would overwrite `index.html` in the output: donorbook writes that file itself");
    for needle in [
        "static/assets/style.css: error: this file would overwrite `assets/style.css`",
        "static/sitemap.xml: error: this file would overwrite `sitemap.xml`",
        "static/en/about/index.html: error: this file would overwrite `en/about/index.html`",
        "content/modules/alpha/index.html: error: this file would overwrite `en/modules/alpha/index.html`",
        "content/modules/alpha/print/index.html: error: this file would overwrite `en/modules/alpha/print/index.html`",
    ] {
        assert!(e.contains(needle), "expected `{needle}` in:\n{e}");
    }
    // A static file where a colocated file goes is named as the other claimant.
    let s = Site::fixture("basic");
    s.write("static/en/modules/alpha/images/drop.svg", "<svg/>");
    expect_error(
        &s,
        "content/modules/alpha/images/drop.svg: error: this file would overwrite `en/modules/alpha/images/drop.svg` in the output: `static/en/modules/alpha/images/drop.svg` is written there too",
    );
}

/// Issue 11 item 9: a locale called `assets` wrote into the theme's folder; `con`, `aux`, `nul`
/// and names with `? < > " # |` or a newline make output and zips that Windows cannot unpack.
#[test]
fn names_that_do_not_travel_are_refused() {
    for code in ["assets", "aux", "nul"] {
        let s = Site::fixture("basic");
        let yaml = std::fs::read_to_string(s.root().join("site.yaml")).unwrap();
        s.write("site.yaml", format!("{yaml}  - code: {code}\n    name: Odd\n"));
        let e = expect_error(&s, &format!("site.yaml:10:11: error: locale code `{code}` cannot be used"));
        assert_eq!(e.matches("error:").count(), 1, "one error per bad code:\n{e}");
    }
    let s = Site::fixture("basic");
    let bad = [
        "content/modules/alpha/03-con.md",
        "content/modules/alpha/images/what?.png",
        "content/modules/alpha/images/say \"hi\".png",
        "content/modules/alpha/images/two\nlines.png",
        "content/modules/alpha/images/a#b.png",
        "content/modules/alpha/images/pipe|d.png",
        "content/aux/_index.md",
        "static/nul.txt",
        "static/com1/readme.txt",
        "static/less<than.txt",
    ];
    for path in bad {
        s.write(path, "---\ntitle: X\n---\n");
    }
    let e = expect_error(&s, "this name cannot be published");
    for path in bad {
        let shown = if path.starts_with("content/aux") || path.starts_with("static/com1") { path.rsplit_once('/').unwrap().0 } else { path };
        let shown = shown.replace('\n', "\\u{a}");
        assert!(e.contains(&format!("{shown}: error: this name cannot be published")), "expected {shown:?} in:\n{e}");
    }
    assert_eq!(e.matches("static/com1").count(), 1, "a bad folder is named once:\n{e}");
}

/// Issue 11 item 11: diagnostics echoed the source's control characters to the terminal (an ESC
/// sequence retitles the terminal or clears the screen; NUL was printed).
#[test]
fn diagnostics_show_control_characters_escaped() {
    let s = Site::fixture("basic");
    for (text, shown) in [
        (&b"---\ntitle: A\n---\nbinary\0data \x1b]0;owned\x07\n"[..], "binary\\u{0}data \\u{1b}]0;owned\\u{7}"),
        (b"---\ntitle: \"Bad \x1b[2J title\"\n---\n", "title: \"Bad \\u{1b}[2J title\""),
    ] {
        s.write(LESSON, text);
        let o = build_untouched(&s);
        assert_eq!(o.status.code(), Some(1));
        let e = stderr(&o);
        assert!(!e.contains(|c: char| c.is_control() && c != '\n'), "raw control characters in:\n{e:?}");
        assert!(e.contains(shown), "expected `{shown}` in:\n{e}");
    }
}

/// Issue 11 item 16: smaller holes, each an error with a place instead of odd output.
#[test]
fn small_inputs_that_used_to_give_odd_output() {
    // A shortcode as a link destination or image path: the message names no placeholder.
    let s = Site::fixture("basic");
    s.write(LESSON, "---\ntitle: A\nsummary: s\n---\n[x]({{ t(key=\"print-title\", module=\"m\") }}) ![y]({{ t(key=\"print-title\", module=\"m\") }})\n");
    let e = expect_error(&s, "02-second.md:5:1: error: a shortcode cannot be a link's destination");
    assert!(e.contains("02-second.md:5:") && e.contains("a shortcode cannot be an image's path"), "{e}");
    assert!(!e.contains('\u{e000}') && !e.contains("\\u{e000}"), "{e}");
    // Empty locale names and glossary terms.
    let s = Site::fixture("basic");
    let yaml = std::fs::read_to_string(s.root().join("site.yaml")).unwrap();
    s.write("site.yaml", yaml.replace("name: Français", "name: \"\""));
    s.write("content/glossary.yaml", "- id: plasma\n  term: \"\"\n  definition: The liquid part of blood.\n- id: \" \"\n  term: x\n  definition: y\n");
    let e = expect_error(&s, "site.yaml:6:");
    assert!(e.contains("locale `fr` has an empty `name`"), "{e}");
    s.write("site.yaml", &yaml);
    let e = expect_error(&s, "content/glossary.yaml:2:1: error: glossary entry 1 has an empty `term`");
    assert!(e.contains("content/glossary.yaml:4:1: error: glossary entry 2 has an empty `id`"), "{e}");
    // Module durations add up without wrapping.
    let s = Site::fixture("basic");
    s.write("content/modules/alpha/_index.md", "---\ntitle: Alpha module\nsummary: s\n---\nText\n");
    for f in ["01-first.md", "02-second.md"] {
        let path = format!("content/modules/alpha/{f}");
        let text = std::fs::read_to_string(s.root().join(&path)).unwrap();
        let text = text.replace("duration: 10\n", "");
        s.write(&path, text.replacen("---\n", "---\nduration: 4000000000\n", 1));
    }
    let o = build_untouched(&s);
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(!s.out("en/modules/index.html").contains("3705032704"), "the sum wrapped around");
}

#[test]
fn base_url_must_be_an_absolute_http_url() {
    let s = Site::fixture("basic");
    for bad in ["javascript:alert(1)", "garbage", "https://", "ftp://example.org/", "https://exa mple.org/\"><script>"] {
        let o = s.run(&["build", "--base-url", bad]);
        assert_eq!(o.status.code(), Some(2), "{bad}: {}", stderr(&o));
        assert!(!s.exists("index.html"));
    }
    let o = s.run(&["build", "--base-url", "https://learn.example.org/donors"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let yaml = std::fs::read_to_string(s.root().join("site.yaml")).unwrap();
    s.write("site.yaml", format!("{yaml}base_url: javascript:alert(1)\n"));
    expect_error(&s, "site.yaml:10: error: base_url: `javascript:alert(1)` is not an absolute http(s) URL");
}

/// `l10n stamp` on a translation whose name is near the 255-byte limit: the temporary file's
/// name used to be longer than the limit.
#[test]
fn stamp_works_on_names_near_the_length_limit() {
    let s = Site::fixture("basic");
    let name = format!("03-{}.md", "a".repeat(245));
    assert_eq!(name.len(), 251);
    s.write(&format!("content/modules/alpha/{name}"), "---\ntitle: Long\nsummary: s\n---\nText\n");
    s.write(&format!("locales/fr/content/modules/alpha/{name}"), "---\ntitle: Longue\nsummary: s\n---\nTexte\n");
    let o = s.run(&["l10n", "stamp", "fr"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let stamped = std::fs::read_to_string(s.root().join(format!("locales/fr/content/modules/alpha/{name}"))).unwrap();
    assert!(stamped.contains("source_hash:"), "{stamped}");
}
