//! `remiss config`: the built-in configuration printed as a file that loads back to the
//! built-in keys, where the configuration is looked for (`--config`, `REMISS_CONFIG`,
//! `XDG_CONFIG_HOME`), and a configuration with a mistake refused with file, line and column.

use crate::cmd::{output, remiss, run_ok};

#[test]
fn the_default_configuration_is_commented_and_loads_back() {
    let text = run_ok(&["config", "--default"]);
    assert!(text.starts_with("# remiss configuration"), "{text}");
    assert!(text.contains("theme = \"dark\""));
    assert!(text.contains("[keys.global]") && text.contains("[keys.reader]"));
    assert!(text.contains("copy-paragraph = [\"y\"]"));
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("config.toml");
    std::fs::write(&file, &text).unwrap();
    let (code, stdout, stderr) = output(remiss().args(["config", "--config"]).arg(&file));
    assert_eq!(code, 0, "{stderr}");
    assert!(stdout.ends_with("config.toml: valid\n"), "{stdout}");
}

#[test]
fn the_file_is_found_by_flag_variable_or_xdg_folder() {
    let dir = tempfile::tempdir().unwrap();
    // No file: the built-in configuration, and where a file would go.
    let (code, stdout, _) = output(remiss().arg("config").env("XDG_CONFIG_HOME", dir.path()));
    assert_eq!(code, 0);
    assert!(stdout.contains("No configuration file"), "{stdout}");
    assert!(stdout.contains(&format!("{}/remiss/config.toml", dir.path().display())));
    // The XDG folder.
    std::fs::create_dir_all(dir.path().join("remiss")).unwrap();
    let xdg = dir.path().join("remiss/config.toml");
    std::fs::write(&xdg, "theme = \"light\"\n").unwrap();
    let (code, stdout, _) = output(remiss().arg("config").env("XDG_CONFIG_HOME", dir.path()));
    assert_eq!((code, stdout), (0, format!("{}: valid\n", xdg.display())));
    // REMISS_CONFIG wins over it, and a file it names must exist.
    let other = dir.path().join("other.toml");
    std::fs::write(&other, "theme = \"monochrome\"\n").unwrap();
    let (_, stdout, _) = output(
        remiss()
            .arg("config")
            .env("XDG_CONFIG_HOME", dir.path())
            .env("REMISS_CONFIG", &other),
    );
    assert!(stdout.starts_with(&other.display().to_string()), "{stdout}");
    let (code, _, stderr) = output(
        remiss()
            .arg("config")
            .env("REMISS_CONFIG", dir.path().join("missing.toml")),
    );
    assert_eq!(code, 1);
    assert!(
        stderr.contains("missing.toml: error: cannot read"),
        "{stderr}"
    );
}

#[test]
fn a_mistake_is_named_with_file_line_column_and_a_suggestion() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("config.toml");
    std::fs::write(
        &file,
        "theme = \"dark\"\n\n[keys.reader]\ncopy-paragrph = \"y\"\nnext-same-stance = \"Ctrl-PgDwn\"\n\n[keys.notes]\nexport = \"d\"\n",
    )
    .unwrap();
    let (code, stdout, stderr) = output(remiss().args(["config", "--config"]).arg(&file));
    assert_eq!(code, 1);
    assert!(stdout.is_empty());
    let name = file.display().to_string();
    for expected in [
        format!(
            "{name}:4:1: error: unknown action `copy-paragrph` in [keys.reader]; did you mean `copy-paragraph`?"
        ),
        format!("{name}:5:20: error: unknown key `Ctrl-PgDwn`; did you mean `Ctrl-PgDn`?"),
        format!("{name}:8:10: error: `d` would mean both `export` and `delete` in [keys.notes]"),
    ] {
        assert!(stderr.contains(&expected), "{expected}\n---\n{stderr}");
    }
}

/// The README's example configuration is one a user can copy: it loads (a new user found it
/// bound `n` twice in the reader).
#[test]
fn the_readme_example_configuration_is_valid() {
    let readme =
        std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/README.md")).unwrap();
    let section = &readme[readme
        .find("### Configuration")
        .expect("a configuration section")..];
    let start = section.find("```toml\n").expect("a TOML example") + "```toml\n".len();
    let example = &section[start..start + section[start..].find("```").unwrap()];
    assert!(example.contains("[keys.reader]"), "{example}");
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("config.toml");
    std::fs::write(&file, example).unwrap();
    let (code, stdout, stderr) = output(remiss().arg("config").env("REMISS_CONFIG", &file));
    assert_eq!(code, 0, "{stdout}{stderr}");
    assert!(stdout.ends_with(": valid\n"), "{stdout}");
}
