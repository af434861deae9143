//! Errors and warnings in the user's language: the real binary under `LANG=sv_SE.UTF-8` says
//! everything in Swedish on the common paths (a bad case file, a file that is not there, a
//! mistyped command, a missing argument, an unknown option, an import with warnings), and
//! under `LANG=C` in English.

use crate::cmd::{output, remiss};
use std::path::Path;
use std::process::Command;

/// `remiss ARGS` with only `LANG` saying the language (the tests' default `LC_ALL` removed).
fn run_in(lang: &str, dir: &Path, args: &[&str]) -> (i32, String, String) {
    let mut cmd: Command = remiss();
    cmd.env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .env("LANG", lang)
        .current_dir(dir)
        .args(args);
    output(&mut cmd)
}

const BAD_CASE: &str = "format = 1\n[case]\ndnr = \"KS 1/1\"\ntitle = \"T\"\nkind = \"motion\"\n\
[[bodies]]\nid = \"a\"\nname = \"A\"\nkind = \"committee\"\n\
[[positions]]\nbody = \"a\"\nstance = \"reservaton\"\ntext = \"x\"\n";

const SYNTAX: &str = "format = 1\n[case]\ndnr = \"KS 1/1\n";

/// English words that must not appear in a Swedish run (whole words, lower case).
const ENGLISH: &[&str] = &[
    "error",
    "warning",
    "cannot",
    "unknown",
    "did",
    "usage",
    "such",
    "found",
    "expected",
    "required",
    "the",
    "review",
    "problem(s)",
    "invalid",
    "tip",
    "unexpected",
    "for more information",
];

fn assert_no_english(what: &str, text: &str) {
    let lower = text.to_lowercase();
    let words: Vec<&str> = lower
        .split(|c: char| !(c.is_alphanumeric() || c == '(' || c == ')'))
        .collect();
    for w in ENGLISH {
        let hit = if w.contains(' ') {
            lower.contains(w)
        } else {
            words.contains(w)
        };
        assert!(!hit, "{what}: English `{w}` in a Swedish run:\n{text}");
    }
}

/// The messages of `stderr` without the quoted lines of the file and what follows `cut` on a
/// line (lists of the format's own names).
fn own_words(stderr: &str, cut: &str) -> String {
    stderr
        .lines()
        .filter(|l| !l.contains(" | ") && !l.trim_start().starts_with('|'))
        .map(|l| l.split(cut).next().unwrap_or(l))
        .collect::<Vec<_>>()
        .join("\n")
}

fn folder() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("bad.toml"), BAD_CASE).unwrap();
    std::fs::write(dir.path().join("syntax.toml"), SYNTAX).unwrap();
    std::fs::copy(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/import/not_a_statement.txt"),
        dir.path().join("doc.txt"),
    )
    .unwrap();
    dir
}

#[test]
fn a_bad_case_file_in_swedish_with_place_and_caret() {
    let dir = folder();
    let (code, stdout, stderr) = run_in("sv_SE.UTF-8", dir.path(), &["check", "bad.toml"]);
    assert_eq!(code, 1);
    assert!(stdout.is_empty());
    assert!(
        stderr.starts_with(
            "bad.toml:12:10: fel: okänt ställningstagande `reservaton`; menade du \
             `reservation`? (giltiga: "
        ),
        "{stderr}"
    );
    // The excerpt and its caret are the same in both languages.
    assert!(
        stderr.contains("12 | stance = \"reservaton\"\n   |          ^\n"),
        "{stderr}"
    );
    assert!(stderr.ends_with("1 fel; 0 ärende(n) giltiga\n"), "{stderr}");
    // Strip the quoted line and the list of valid stances (the format's own names).
    assert_no_english("bad case", &own_words(&stderr, " (giltiga:"));

    let (code, _, stderr) = run_in("sv_SE.UTF-8", dir.path(), &["check", "syntax.toml"]);
    assert_eq!(code, 1);
    assert!(stderr.starts_with("syntax.toml:3:"), "{stderr}");
    assert!(stderr.contains(": fel: ogiltig sträng"), "{stderr}");
    assert_no_english("syntax", stderr.lines().next().unwrap());
}

#[test]
fn a_missing_file_in_swedish() {
    let dir = folder();
    let (code, _, stderr) = run_in("sv_SE.UTF-8", dir.path(), &["check", "saknas.toml"]);
    assert_eq!(code, 1);
    assert_eq!(
        stderr,
        "saknas.toml: fel: kan inte läsa: filen eller mappen finns inte\n\
         1 fel; 0 ärende(n) giltiga\n"
    );
    // The same from the importer.
    let (code, _, stderr) = run_in("sv_SE.UTF-8", dir.path(), &["import", "saknas.txt"]);
    assert_eq!(code, 1);
    assert!(
        stderr.contains("kan inte läsa: filen eller mappen finns inte"),
        "{stderr}"
    );
    assert_no_english("import of a missing file", &stderr);
}

#[test]
fn usage_errors_in_swedish() {
    let dir = folder();
    // A mistyped command, alone and with a path after it.
    for args in [&["matirx"][..], &["matirx", "bad.toml"]] {
        let (code, _, stderr) = run_in("sv_SE.UTF-8", dir.path(), args);
        assert_eq!(code, 2, "{args:?}");
        assert_eq!(
            stderr,
            "remiss: `matirx` är inget kommando och ingen fil eller mapp; menade du \
             `remiss matrix`?\n"
        );
    }
    // A missing argument: clap's error, worded in Swedish.
    let (code, _, stderr) = run_in("sv_SE.UTF-8", dir.path(), &["check"]);
    assert_eq!(code, 2);
    assert!(
        stderr.starts_with("fel: följande obligatoriska argument saknas:\n  <SÖKVÄGAR>..."),
        "{stderr}"
    );
    assert!(
        stderr.contains("\nAnvändning: remiss check [FLAGGOR] <SÖKVÄGAR>..."),
        "{stderr}"
    );
    assert!(
        stderr.ends_with("För mer information, prova '--help'.\n"),
        "{stderr}"
    );
    assert_no_english("missing argument", &stderr);
    // An unknown option, and a value that is not one of the valid ones.
    let (code, _, stderr) = run_in("sv_SE.UTF-8", dir.path(), &["check", "--strct", "x"]);
    assert_eq!(code, 2);
    assert!(
        stderr.starts_with("fel: oväntat argument '--strct'"),
        "{stderr}"
    );
    assert_no_english("unknown option", &stderr);
    let (code, _, stderr) = run_in(
        "sv_SE.UTF-8",
        dir.path(),
        &["matrix", "bad.toml", "--format", "pdf"],
    );
    assert_eq!(code, 2);
    assert!(
        stderr.starts_with("fel: ogiltigt värde 'pdf' för '--format <FORMAT>'"),
        "{stderr}"
    );
    assert!(stderr.contains("[möjliga värden: "), "{stderr}");
    // The help's own words.
    let (code, stdout, _) = run_in("sv_SE.UTF-8", dir.path(), &["check", "--help"]);
    assert_eq!(code, 0);
    assert!(stdout.contains("Användning: remiss check"), "{stdout}");
    assert!(stdout.contains("  -h, --help"), "{stdout}");
    assert!(stdout.contains("Visa hjälpen"), "{stdout}");
}

#[test]
fn an_import_with_warnings_in_swedish() {
    let dir = folder();
    let (code, _, stderr) = run_in(
        "sv_SE.UTF-8",
        dir.path(),
        &["import", "doc.txt", "--force", "-o", "doc.toml"],
    );
    assert_eq!(code, 0, "{stderr}");
    assert!(
        stderr.contains("doc.txt:1: varning: inget diarienummer (Dnr) hittades"),
        "{stderr}"
    );
    assert!(stderr.contains("3 varning(ar)"), "{stderr}");
    assert!(
        stderr.contains("granskning: 0 osäkra, 1 ej placerade"),
        "{stderr}"
    );
    // `remiss review` is a command name, and the file names are the user's.
    let own = stderr.replace("remiss review", "");
    assert_no_english("import", &own);
    // A write error (the atomic module's refusal of a FIFO), in Swedish.
    let fifo = dir.path().join("ror.toml");
    assert!(
        std::process::Command::new("mkfifo")
            .arg(&fifo)
            .status()
            .unwrap()
            .success()
    );
    let (code, _, stderr) = run_in(
        "sv_SE.UTF-8",
        dir.path(),
        &["import", "doc.txt", "--force", "-o", "ror.toml"],
    );
    assert_eq!(code, 1);
    assert!(
        stderr.contains(
            "ror.toml: fel: kan inte skriva: ror.toml är en FIFO (namngiven pipe), inte en vanlig \
             fil; remiss skriver bara vanliga filer"
        ),
        "{stderr}"
    );
}

#[test]
fn the_same_in_english_under_lang_c() {
    let dir = folder();
    let (_, _, stderr) = run_in("C", dir.path(), &["check", "bad.toml", "saknas.toml"]);
    assert!(
        stderr.starts_with("bad.toml:12:10: error: unknown stance `reservaton`; did you mean"),
        "{stderr}"
    );
    assert!(
        stderr.contains("saknas.toml: error: cannot read: no such file or folder\n"),
        "{stderr}"
    );
    assert!(
        stderr.ends_with("2 problem(s); 0 case(s) valid\n"),
        "{stderr}"
    );
    let (_, _, stderr) = run_in("C", dir.path(), &["matirx"]);
    assert!(stderr.contains("did you mean `remiss matrix`?"), "{stderr}");
    let (_, _, stderr) = run_in("C", dir.path(), &["check"]);
    assert!(
        stderr.starts_with("error: the following required arguments were not provided:"),
        "{stderr}"
    );
    assert!(stderr.contains("Usage: remiss check"), "{stderr}");
    let (_, _, stderr) = run_in(
        "C",
        dir.path(),
        &["import", "doc.txt", "--force", "-o", "doc.toml"],
    );
    assert!(
        stderr.contains("doc.txt:1: warning: no registration number (Dnr) found"),
        "{stderr}"
    );
    assert!(
        stderr.contains("review: 0 uncertain, 1 unplaced"),
        "{stderr}"
    );
    // `--lang sv` wins over the locale, also for clap's own errors.
    let (_, _, stderr) = run_in("C", dir.path(), &["--lang", "sv", "check"]);
    assert!(
        stderr.starts_with("fel: följande obligatoriska"),
        "{stderr}"
    );
}

/// A configuration file's mistakes (an unknown theme and screen, a key bound twice) are worded
/// in Swedish, detail included, with place and caret; in English under `LANG=C`.
#[test]
fn configuration_mistakes_in_swedish() {
    let dir = folder();
    std::fs::write(
        dir.path().join("config.toml"),
        "theme = \"drak\"\n[keys.reder]\nx = \"y\"\n[keys.notes]\nexport = \"d\"\n\
         [keys.reader]\nfollow-link = \"Entr\"\ncopy = \"y\"\n",
    )
    .unwrap();
    let args = ["config", "--config", "config.toml"];
    let (code, _, stderr) = run_in("sv_SE.UTF-8", dir.path(), &args);
    assert_eq!(code, 1, "{stderr}");
    for line in [
        "config.toml:1:9: fel: okänt tema `drak`; menade du `dark`? (giltiga: dark, light, monochrome)",
        "config.toml:2:7: fel: okänd skärm `reder` i [keys]; menade du `reader`?",
        "config.toml:5:10: fel: `d` skulle betyda både `export` och `delete` i [keys.notes]; ge \
         `delete` en annan tangent där, eller ta bort dess tangent (`delete = []`)",
        "config.toml:7:15: fel: okänd tangent `Entr`; menade du `Enter`? (ett tecken som",
        "config.toml:8:1: fel: okänd åtgärd `copy` i [keys.reader]",
    ] {
        assert!(stderr.contains(line), "{line}\n{stderr}");
    }
    // The file's own names (keys, actions, key names, the lists of valid ones) left aside.
    let own = own_words(&stderr, " (");
    assert_no_english("configuration", &own);
    assert!(!own.contains("på engelska"), "{own}");
    // The built-in configuration's comments, in the language too.
    let (_, sv, _) = run_in("sv_SE.UTF-8", dir.path(), &["config", "--default"]);
    assert!(sv.contains("\n# Läsaren: ett ställningstagande"), "{sv}");
    assert!(sv.contains("  # avsluta\n"), "{sv}");
    let (_, en, _) = run_in("C", dir.path(), &["config", "--default"]);
    assert!(en.contains("\n# The reader: a position"), "{en}");
    let (_, _, stderr) = run_in("C", dir.path(), &args);
    assert!(
        stderr.contains(
            "config.toml:5:10: error: `d` would mean both `export` and `delete` in \
             [keys.notes]; give `delete` another key there, or unbind it (`delete = []`)"
        ),
        "{stderr}"
    );
    assert!(
        stderr.contains("config.toml:1:9: error: unknown theme `drak`; did you mean `dark`?"),
        "{stderr}"
    );
}

/// `remiss review`'s errors (an id the file lacks, a paragraph that is not there, a file that
/// is no TOML) in Swedish, and in English under `LANG=C`.
#[test]
fn review_errors_in_swedish() {
    let dir = folder();
    let (code, _, stderr) = run_in(
        "sv_SE.UTF-8",
        dir.path(),
        &["import", "doc.txt", "--force", "-o", "doc.toml"],
    );
    assert_eq!(code, 0, "{stderr}");
    std::fs::write(dir.path().join("trasig.toml"), "x = \n").unwrap();
    let cases: [(&[&str], &str, &str); 4] = [
        (
            &["review", "doc.toml", "--stance", "nope/x", "reservation"],
            "doc.toml: fel: filen har inget ställningstagande `nope/x`\n",
            "doc.toml: error: no position `nope/x` in the file\n",
        ),
        (
            &["review", "doc.toml", "--confirm", "doc#stance"],
            "doc.toml: fel: filen har inget organ `doc`\n",
            "doc.toml: error: no body `doc` in the file\n",
        ),
        (
            &["review", "doc.toml", "--assign", "unplaced-1#9", "x/y"],
            "doc.toml: fel: filen har inget stycke 9 i avsnitt `unplaced-1`\n",
            "doc.toml: error: no paragraph 9 of section `unplaced-1` in the file\n",
        ),
        (
            &["review", "trasig.toml", "--confirm", "a#stance"],
            "trasig.toml: fel: ingen TOML-fil: ",
            "trasig.toml: error: not a TOML file: ",
        ),
    ];
    for (args, sv, en) in cases {
        let (code, _, stderr) = run_in("sv_SE.UTF-8", dir.path(), args);
        assert_ne!(code, 0);
        assert!(stderr.starts_with(sv), "{args:?}: {stderr}");
        assert_no_english("review", &stderr);
        let (_, _, stderr) = run_in("C", dir.path(), args);
        assert!(stderr.starts_with(en), "{args:?}: {stderr}");
    }
}

/// `--help` and `-h` of remiss and of every command: under `LANG=sv_SE.UTF-8` the descriptions
/// of the commands, arguments and values are Swedish as well as clap's own words (headings,
/// possible values, defaults); under `LANG=C` they are the English of the doc comments.
#[test]
fn the_help_of_every_command_in_swedish() {
    let dir = folder();
    // English words of the descriptions that Swedish ones never use (names such as `case:` in
    // the search syntax, `stance` and file names aside).
    const HELP_ENGLISH: &[&str] = &[
        "the",
        "print",
        "write",
        "file",
        "with",
        "when",
        "of",
        "and",
        "or",
        "every",
        "possible",
        "default",
        "values",
        "usage",
        "commands",
        "options",
        "arguments",
        "language",
        "only",
    ];
    let commands = [
        "",
        "check",
        "matrix",
        "notes",
        "similar",
        "diff",
        "elsewhere",
        "import",
        "review",
        "search",
        "report",
        "completions",
        "man",
        "schema",
        "config",
    ];
    for command in commands {
        for flag in ["--help", "-h"] {
            let args: Vec<&str> = [command, flag]
                .into_iter()
                .filter(|a| !a.is_empty())
                .collect();
            let (code, stdout, _) = run_in("sv_SE.UTF-8", dir.path(), &args);
            assert_eq!(code, 0, "{args:?}");
            let lower = stdout.to_lowercase();
            let words: Vec<&str> = lower
                .split(|c: char| !c.is_alphanumeric() && c != '_' && c != '-')
                .collect();
            for w in HELP_ENGLISH {
                assert!(!words.contains(w), "{args:?}: English `{w}`:\n{stdout}");
            }
            assert!(stdout.contains("Användning: remiss"), "{stdout}");
            let (_, english, _) = run_in("C", dir.path(), &args);
            assert!(english.contains("Usage: remiss"), "{english}");
        }
    }
    // The same texts in English under LANG=C, as the doc comments write them.
    let (_, stdout, _) = run_in("C", dir.path(), &["matrix", "--help"]);
    for line in [
        "Print the body × stance matrix (or body × party) of every case",
        "Each case: bodies × stances; cells list the parties",
        "[default: stance]",
        "Only cases dated on or before this day (YYYY-MM-DD)",
    ] {
        assert!(stdout.contains(line), "{line}:\n{stdout}");
    }
    let (_, stdout, _) = run_in("sv_SE.UTF-8", dir.path(), &["matrix", "--help"]);
    for line in [
        "Skriv ut matrisen organ × ställningstagande (eller organ × parti) för varje ärende",
        "- stance: Varje ärende: organ × ställningstaganden; cellerna listar partierna",
        "[standard: stance]",
        "Bara ärenden daterade denna dag eller tidigare (ÅÅÅÅ-MM-DD)",
    ] {
        assert!(stdout.contains(line), "{line}:\n{stdout}");
    }
}
