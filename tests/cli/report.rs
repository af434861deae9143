//! `remiss report` rendered by a real browser: headless Chromium opens the HTML file, and the
//! test reads what it rendered (`--dump-dom`), prints it to PDF as a colleague would (one page
//! per body), and keeps a screenshot in `target/report-screenshot.png` for CI's artefacts.
//!
//! Chromium comes from Debian (`apt-get install chromium`); `.ci/run` installs it, and the
//! test is skipped with a message where it is missing (unless `REMISS_REQUIRE_E2E=1`).

use crate::cmd::{output, programs_or_skip, remiss as remiss_cmd};
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

/// The bundled case's file.
const CASE: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/cases/trygghetskiosker.toml");

/// `remiss ARGS` in Swedish; asserts success, returns stdout.
fn remiss(args: &[&str]) -> String {
    let (code, stdout, stderr) = output(remiss_cmd().args(args).env("LC_ALL", "sv_SE.UTF-8"));
    assert_eq!(code, 0, "remiss {args:?}: {stderr}");
    stdout
}

/// Headless Chromium on `file`, with `args` (`--dump-dom`, `--screenshot=…`): no network, no
/// profile of its own beyond a fresh folder.
fn chromium(file: &Path, args: &[String]) -> Output {
    let profile = tempfile::tempdir().unwrap();
    let out = Command::new("chromium")
        .args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
        ])
        .arg(format!("--user-data-dir={}", profile.path().display()))
        .args(args)
        .arg(format!("file://{}", file.display()))
        .output()
        .expect("chromium is installed (apt-get install chromium)");
    assert!(
        out.status.success(),
        "chromium: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    out
}

/// The text a reader sees in a serialised DOM: tags dropped, entities decoded.
fn visible_text(dom: &str) -> String {
    let body = &dom[dom.find("<body").unwrap_or(0)..];
    let mut text = String::new();
    let mut in_tag = false;
    for c in body.chars() {
        match c {
            '<' => in_tag = true,
            '>' if in_tag => {
                in_tag = false;
                text.push(' ');
            }
            c if !in_tag => text.push(c),
            _ => {}
        }
    }
    let text = text
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&nbsp;", " ")
        .replace("&amp;", "&");
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn artefact(name: &str) -> PathBuf {
    Path::new(env!("CARGO_TARGET_TMPDIR"))
        .parent()
        .unwrap()
        .join(name)
}

#[test]
fn the_report_renders_in_chromium_with_every_body_the_texts_and_the_notes() {
    if !programs_or_skip(
        "the_report_renders_in_chromium_with_every_body_the_texts_and_the_notes",
        &["chromium", "pdftotext"],
    ) {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let notes = dir.path().join("notes.toml");
    let notes_arg = notes.to_str().unwrap();
    remiss(&[
        "notes",
        CASE,
        "--notes",
        notes_arg,
        "--heading",
        "Argument mot <kiosker>",
        "--add",
        "socialnamnden/reservation/M#1",
        "--comment",
        "Läs upp i debatten",
    ]);
    let html = dir.path().join("rapport.html");
    let html_arg = html.to_str().unwrap();
    remiss(&["report", CASE, "--notes", notes_arg, "-o", html_arg]);

    let dom = String::from_utf8(chromium(&html, &["--dump-dom".into()]).stdout).unwrap();
    let text = visible_text(&dom);
    let case = remiss::model::load_bundled();
    assert_eq!(case.bodies.len(), 9);
    assert_eq!(
        dom.matches("class=\"body-section\"").count(),
        9,
        "one section per body"
    );
    for body in &case.bodies {
        assert!(text.contains(&body.name), "{} is in the report", body.name);
    }
    // An M reservation in full, and its citation.
    let i = case.position_index("skarholmen/reservation/M").unwrap();
    for para in case.text_of(i) {
        assert!(text.contains(para.as_str()), "paragraph rendered: {para}");
    }
    assert!(text.contains(
        "Reservation av Sophia Granswed Baat m.fl. (M), Skärholmens stadsdelsnämnd 2026-03-26, \
         KS 2025/1121"
    ));
    assert!(text.contains(&remiss::i18n::Lang::Sv.summary(&case)));
    assert!(text.contains("Matris: organ och ställningstaganden"));
    assert!(text.contains("Per parti"));
    // The family of M's reservations, with the variant's word diff.
    assert!(text.contains("Återanvänd text"));
    assert!(
        dom.contains("<del>") && dom.contains("<ins>"),
        "a word diff"
    );
    // The debate notes: the heading (escaped, shown as written), the quote and the comment.
    assert!(text.contains("Debattanteckningar"));
    assert!(text.contains("Argument mot <kiosker>"));
    assert!(text.contains("Läs upp i debatten"));
    assert!(
        !dom.contains("<kiosker>"),
        "the heading is text, not an element"
    );

    // Printable: one page (at least) per body, each starting with the body's name.
    let pdf = dir.path().join("rapport.pdf");
    chromium(
        &html,
        &[
            format!("--print-to-pdf={}", pdf.display()),
            "--no-pdf-header-footer".into(),
        ],
    );
    let pages = Command::new("pdftotext")
        .arg(&pdf)
        .arg("-")
        .output()
        .expect("pdftotext is installed (apt-get install poppler-utils)");
    let pages = String::from_utf8_lossy(&pages.stdout).into_owned();
    let firsts: Vec<&str> = pages
        .split('\u{c}')
        .filter_map(|p| p.lines().map(str::trim).find(|l| !l.is_empty()))
        .collect();
    for body in &case.bodies {
        assert!(
            firsts.iter().any(|l| *l == body.name),
            "a page starts with {}: {firsts:?}",
            body.name
        );
    }

    let shot = artefact("report-screenshot.png");
    chromium(
        &html,
        &[
            format!("--screenshot={}", shot.display()),
            "--window-size=1200,1800".into(),
        ],
    );
    let png = std::fs::read(&shot).unwrap();
    assert!(
        png.starts_with(b"\x89PNG") && png.len() > 10_000,
        "a real screenshot"
    );
}

#[test]
fn a_case_text_holding_markup_shows_as_text() {
    if !programs_or_skip("a_case_text_holding_markup_shows_as_text", &["chromium"]) {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let case = dir.path().join("elak.toml");
    std::fs::write(
        &case,
        r#"format = 1
[case]
dnr = "KS 2026/1"
title = "<script>document.title='pwned'</script> & <b>fet</b>"
kind = "motion"

[[bodies]]
id = "namnden"
name = "Nämnden <img src=x onerror=alert(1)>"
kind = "committee"

[[positions]]
body = "namnden"
stance = "reject"
text = "Svaret är </p><script>alert('x')</script> nej."
"#,
    )
    .unwrap();
    let html = dir.path().join("elak.html");
    remiss(&[
        "report",
        case.to_str().unwrap(),
        "-o",
        html.to_str().unwrap(),
    ]);
    let dom = String::from_utf8(chromium(&html, &["--dump-dom".into()]).stdout).unwrap();
    assert!(!dom.contains("<script"), "no script element: {dom}");
    assert!(!dom.contains("<img"), "no image element");
    assert!(!dom.contains("<b>"), "no bold element");
    assert!(
        dom.contains("<title>KS 2026/1 · &lt;script&gt;"),
        "the title is text"
    );
    let text = visible_text(&dom);
    assert!(text.contains("<script>document.title='pwned'</script> & <b>fet</b>"));
    assert!(text.contains("Svaret är </p><script>alert('x')</script> nej."));
    assert!(text.contains("Nämnden <img src=x onerror=alert(1)>"));

    // Never overwritten without --force.
    let out = Command::new(env!("CARGO_BIN_EXE_remiss"))
        .args([
            "report",
            case.to_str().unwrap(),
            "-o",
            html.to_str().unwrap(),
        ])
        .env("LC_ALL", "en_US.UTF-8")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("give --force"));
    remiss(&[
        "report",
        case.to_str().unwrap(),
        "-o",
        html.to_str().unwrap(),
        "--force",
    ]);
}

/// The report marks an imported fact as the app does: each party of a statement of several
/// (`M~ L~`, not `M L~`), and a body that did not answer with its body's review (`•~`).
#[test]
fn review_marks_in_the_report_are_the_apps() {
    let dir = tempfile::tempdir().unwrap();
    let src = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/evidence/imported.toml"
    ))
    .unwrap()
    .replace(
        "signatories = [{ name = \"Ida Jansson m.fl.\", party = \"M\" }]",
        "parties = [\"M\", \"L\"]",
    );
    assert!(src.contains("parties = [\"M\", \"L\"]"));
    let case = dir.path().join("imported.toml");
    std::fs::write(&case, src).unwrap();
    let html = dir.path().join("r.html");
    remiss(&[
        "report",
        case.to_str().unwrap(),
        "-o",
        html.to_str().unwrap(),
    ]);
    let html = std::fs::read_to_string(html).unwrap();
    assert!(html.contains(">M~ L~<"), "both parties marked");
    assert!(!html.contains(">M L~<"));
    assert!(html.contains(">•~<"), "the no-answer cell marked");
}
