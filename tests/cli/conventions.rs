//! The conventions a command-line user expects: `remiss schema` (a JSON Schema that accepts
//! every valid case file and rejects broken ones, checked with a JSON-Schema validator),
//! `remiss completions`, `remiss man`, "did you mean" for a mistyped command, and `--color`.

use crate::cmd::{run, run_ok as stdout_ok};
use std::path::Path;
use std::process::Command;

const ROOT: &str = env!("CARGO_MANIFEST_DIR");

/// A TOML document as the JSON an editor validates: dates become strings, as taplo does.
fn toml_to_json(v: toml::Value) -> serde_json::Value {
    use serde_json::Value as J;
    match v {
        toml::Value::String(s) => J::String(s),
        toml::Value::Integer(i) => J::from(i),
        toml::Value::Float(f) => J::from(f),
        toml::Value::Boolean(b) => J::Bool(b),
        toml::Value::Datetime(d) => J::String(d.to_string()),
        toml::Value::Array(a) => J::Array(a.into_iter().map(toml_to_json).collect()),
        toml::Value::Table(t) => {
            J::Object(t.into_iter().map(|(k, v)| (k, toml_to_json(v))).collect())
        }
    }
}

fn as_json(src: &str) -> serde_json::Value {
    toml_to_json(toml::from_str(src).expect("TOML syntax"))
}

fn validator() -> jsonschema::Validator {
    let schema: serde_json::Value = serde_json::from_str(&stdout_ok(&["schema"])).unwrap();
    jsonschema::options()
        .should_validate_formats(true)
        .build(&schema)
        .expect("the schema is a valid JSON Schema")
}

#[test]
fn the_schema_accepts_every_valid_case_file() {
    let v = validator();
    let mut files = vec![Path::new(ROOT).join("cases/trygghetskiosker.toml")];
    files.push(Path::new(ROOT).join("tests/fixtures/valid/bygglov.toml"));
    for dir in ["tests/fixtures/import"] {
        for e in std::fs::read_dir(Path::new(ROOT).join(dir)).unwrap() {
            let p = e.unwrap().path();
            if p.extension().is_some_and(|x| x == "toml") {
                files.push(p);
            }
        }
    }
    assert!(files.len() >= 4, "{files:?}");
    for f in &files {
        // Each of them loads without a problem …
        let (code, _, _) = run(&["check", f.to_str().unwrap()]);
        assert_eq!(code, 0, "{} is valid", f.display());
        // … and the schema agrees.
        let doc = as_json(&std::fs::read_to_string(f).unwrap());
        let errors: Vec<String> = v.iter_errors(&doc).map(|e| e.to_string()).collect();
        assert!(errors.is_empty(), "{}: {errors:?}", f.display());
    }
}

#[test]
fn the_schema_rejects_broken_case_files() {
    let v = validator();
    let good =
        std::fs::read_to_string(Path::new(ROOT).join("tests/fixtures/valid/bygglov.toml")).unwrap();
    assert!(v.is_valid(&as_json(&good)));
    // The fixtures whose fault is in the file's shape (not in what it refers to).
    for name in [
        "misspelt_key",
        "unknown_top_level_key",
        "unknown_stance",
        "wrong_type",
        "missing_dnr",
        "wrong_format_version",
    ] {
        let src = std::fs::read_to_string(
            Path::new(ROOT).join(format!("tests/fixtures/invalid/{name}.toml")),
        )
        .unwrap();
        assert!(!v.is_valid(&as_json(&src)), "{name} is rejected");
    }
    for (what, from, to) in [
        (
            "a bad colour",
            "code = \"KD\"",
            "code = \"KD\"\ncolour = \"blue\"",
        ),
        (
            "a bad body id",
            "[[bodies]]\nid = \"",
            "[[bodies]]\nid = \"Stora ",
        ),
        (
            "a bad body kind",
            "kind = \"committee\"",
            "kind = \"nämnd\"",
        ),
    ] {
        assert!(good.contains(from), "{what}: {from}");
        let broken = good.replacen(from, to, 1);
        assert!(!v.is_valid(&as_json(&broken)), "{what} is rejected");
    }
}

#[test]
fn the_schema_describes_keys_for_editors() {
    let schema = stdout_ok(&["schema"]);
    let v: serde_json::Value = serde_json::from_str(&schema).unwrap();
    assert_eq!(v["$schema"], "https://json-schema.org/draft/2020-12/schema");
    assert_eq!(v["additionalProperties"], false);
    let dnr = &v["$defs"]["CaseTable"]["properties"]["dnr"]["description"];
    assert!(dnr.as_str().unwrap().contains("KS 2025/1121"), "{dnr}");
}

#[test]
fn completions_for_each_shell_name_every_command() {
    for shell in ["bash", "zsh", "fish", "elvish", "powershell"] {
        let script = stdout_ok(&["completions", shell]);
        for cmd in ["check", "matrix", "report", "schema", "completions"] {
            assert!(script.contains(cmd), "{shell} completes {cmd}");
        }
    }
    // bash loads it and registers the completion.
    let bash = Command::new("bash")
        .arg("-c")
        .arg(format!(
            "source <({} completions bash) && complete -p remiss",
            env!("CARGO_BIN_EXE_remiss")
        ))
        .output()
        .expect("bash");
    assert!(
        String::from_utf8_lossy(&bash.stdout).contains("_remiss"),
        "{}",
        String::from_utf8_lossy(&bash.stderr)
    );
}

#[test]
fn the_man_page_renders_and_one_page_per_command_can_be_written() {
    let page = stdout_ok(&["man"]);
    assert!(page.contains(".TH remiss 1"), "{page}");
    assert!(page.contains("report"));
    // man(1) itself formats it, where it is installed.
    if let Ok(out) = Command::new("man")
        .args(["-l", "-"])
        .env("MANWIDTH", "80")
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .spawn()
        .and_then(|mut c| {
            use std::io::Write;
            c.stdin.take().unwrap().write_all(page.as_bytes())?;
            c.wait_with_output()
        })
        && out.status.success()
    {
        assert!(String::from_utf8_lossy(&out.stdout).contains("remiss"));
    }
    let dir = tempfile::tempdir().unwrap();
    stdout_ok(&["man", "--out-dir", dir.path().to_str().unwrap()]);
    for name in ["remiss.1", "remiss-report.1", "remiss-check.1"] {
        assert!(dir.path().join(name).is_file(), "{name}");
    }
}

#[test]
fn a_mistyped_command_gets_a_suggestion_not_a_missing_file() {
    for args in [
        &["matirx"][..],
        &["matirx", "cases/"],
        &["--lang", "en", "serch", "x"],
    ] {
        let (code, _, err) = run(args);
        assert_eq!(code, 2, "{args:?}: {err}");
        assert!(err.contains("did you mean `remiss"), "{args:?}: {err}");
    }
    let (_, _, err) = run(&["--lang", "sv", "matirx"]);
    assert!(err.contains("menade du `remiss matrix`"), "{err}");
    // A command given wrong arguments gets clap's own error, not a suggestion of itself.
    let (code, _, err) = run(&["report", "-o", "x.html"]);
    assert_eq!(code, 2);
    assert!(!err.contains("did you mean `remiss report`"), "{err}");
    // A real path is still opened (here printed, since stdout is not a terminal).
    assert_eq!(run(&["cases"]).0, 0);
}

#[test]
fn color_always_never_and_the_no_color_alias() {
    let diff = [
        "diff",
        "cases/",
        "socialnamnden/reservation/M",
        "skarholmen/reservation/M",
    ];
    let with = |extra: &[&str]| {
        let mut args = diff.to_vec();
        args.extend_from_slice(extra);
        stdout_ok(&args)
    };
    assert!(with(&["--color", "always"]).contains("\x1b["));
    assert!(!with(&["--color", "never"]).contains("\x1b["));
    assert!(!with(&["--no-color"]).contains("\x1b["));
    assert!(!with(&[]).contains("\x1b["), "a pipe is not coloured");
    // --color is the same option on search (it was already there) …
    let search = stdout_ok(&["search", "cases/", "tunnelbanestation", "--color", "always"]);
    assert!(search.contains("\x1b[1m"));
    // … and search takes --no-color too.
    let search = stdout_ok(&["search", "cases/", "tunnelbanestation", "--no-color"]);
    assert!(!search.contains("\x1b["));
    // The CLI never sends 24-bit colour.
    assert!(!with(&["--color", "always"]).contains("38;2;"));
}
