//! The colours the app really sends, read from the raw terminal output captured with
//! `script` (util-linux): 24-bit colour only when COLORTERM says the terminal takes it, else
//! the nearest of 256; at most 16 on the Linux console; none on a dumb terminal.

use std::io::{Read, Write};
use std::process::{Command, Stdio};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

/// Run the app on the bundled case under `script` with `env` (TERM, COLORTERM, …), wait for
/// the matrix, press `q`, and return every byte the app wrote to its terminal.
fn raw_output(env: &[(&str, &str)], args: &str) -> String {
    let mut cmd = Command::new("script");
    cmd.args(["-q", "-e", "-c"])
        .arg(format!(
            "stty rows 30 cols 110; {} {args}",
            env!("CARGO_BIN_EXE_remiss")
        ))
        .arg("/dev/null")
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .env_remove("COLORTERM")
        .env_remove("NO_COLOR")
        .env_remove("DISPLAY")
        .env_remove("WAYLAND_DISPLAY")
        .env("LANG", "en_US.UTF-8")
        .env_remove("LC_ALL")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped());
    for (k, v) in env {
        cmd.env(k, v);
    }
    let mut child = cmd
        .spawn()
        .expect("script is installed (util-linux, in every Debian)");
    let mut stdout = child.stdout.take().unwrap();
    let seen = Arc::new(Mutex::new(Vec::new()));
    let reader = {
        let seen = Arc::clone(&seen);
        std::thread::spawn(move || {
            let mut buf = [0u8; 4096];
            while let Ok(n) = stdout.read(&mut buf) {
                if n == 0 {
                    break;
                }
                seen.lock().unwrap().extend_from_slice(&buf[..n]);
            }
        })
    };
    let start = Instant::now();
    while !String::from_utf8_lossy(&seen.lock().unwrap()).contains("Socialnämnden") {
        assert!(
            start.elapsed() < Duration::from_secs(20),
            "the matrix never showed"
        );
        std::thread::sleep(Duration::from_millis(50));
    }
    let mut stdin = child.stdin.take().unwrap();
    stdin.write_all(b"q").unwrap();
    stdin.flush().unwrap();
    let start = Instant::now();
    loop {
        if child.try_wait().unwrap().is_some() {
            break;
        }
        if start.elapsed() > Duration::from_secs(20) {
            let _ = child.kill();
            panic!("the app did not quit on q");
        }
        std::thread::sleep(Duration::from_millis(50));
    }
    drop(stdin);
    reader.join().unwrap();
    let bytes = seen.lock().unwrap().clone();
    String::from_utf8_lossy(&bytes).into_owned()
}

/// Every SGR sequence's parameters (`ESC [ … m`).
fn sgr(raw: &str) -> Vec<String> {
    raw.split("\x1b[")
        .skip(1)
        .filter_map(|s| {
            let end = s.find(|c: char| !(c.is_ascii_digit() || c == ';'))?;
            (s[end..].starts_with('m')).then(|| s[..end].to_string())
        })
        .collect()
}

/// The colours set by the SGR sequences: `("38", "2;27;73;221")`, `("48", "5;236")`.
fn colours(raw: &str) -> Vec<String> {
    let mut out = Vec::new();
    for params in sgr(raw) {
        let p: Vec<&str> = params.split(';').collect();
        let mut i = 0;
        while i < p.len() {
            match (p[i], p.get(i + 1)) {
                ("38" | "48" | "58", Some(&"2")) => {
                    out.push(format!("{};2", p[i]));
                    i += 5;
                }
                ("38" | "48" | "58", Some(&"5")) => {
                    out.push(format!("{};5;{}", p[i], p.get(i + 2).unwrap_or(&"")));
                    i += 3;
                }
                (n, _)
                    if n.len() == 2
                        && (n.starts_with('3') || n.starts_with('4'))
                        && n != "39"
                        && n != "49" =>
                {
                    out.push(n.to_string());
                    i += 1;
                }
                (n, _) if n.len() == 2 && (n.starts_with('9') || n.starts_with("10")) => {
                    out.push(n.to_string());
                    i += 1;
                }
                _ => i += 1,
            }
        }
    }
    out
}

const TERM_256: (&str, &str) = ("TERM", "xterm-256color");

#[test]
fn no_24_bit_colour_unless_colorterm_says_so() {
    if !crate::cmd::programs_or_skip("no_24_bit_colour_unless_colorterm_says_so", &["script"]) {
        return;
    }
    let raw = raw_output(&[TERM_256], "cases/trygghetskiosker.toml");
    let c = colours(&raw);
    assert!(
        !c.iter().any(|c| c.ends_with(";2")),
        "no 24-bit colour: {c:?}"
    );
    assert!(!raw.contains("38;2;") && !raw.contains("48;2;"));
    // Moderaterna's blue (#1B49DD) as the nearest of the 256 colours.
    assert!(c.contains(&"38;5;26".to_string()), "{c:?}");

    let raw = raw_output(
        &[TERM_256, ("COLORTERM", "truecolor")],
        "cases/trygghetskiosker.toml",
    );
    assert!(
        raw.contains("38;2;27;73;221"),
        "M's own blue in 24-bit colour"
    );
}

#[test]
fn the_linux_console_gets_16_colours_and_a_dumb_terminal_none() {
    if !crate::cmd::programs_or_skip(
        "the_linux_console_gets_16_colours_and_a_dumb_terminal_none",
        &["script"],
    ) {
        return;
    }
    let raw = raw_output(&[("TERM", "linux")], "cases/trygghetskiosker.toml");
    let c = colours(&raw);
    assert!(!c.is_empty());
    for colour in &c {
        let index = colour
            .strip_prefix("38;5;")
            .or_else(|| colour.strip_prefix("48;5;"))
            .map(|i| i.parse::<u8>().unwrap());
        assert!(!colour.ends_with(";2"), "{c:?}");
        assert!(index.is_none_or(|i| i < 16), "only the 16 colours: {c:?}");
    }

    let raw = raw_output(&[("TERM", "dumb")], "cases/trygghetskiosker.toml");
    assert_eq!(
        colours(&raw),
        Vec::<String>::new(),
        "no colour on a dumb terminal"
    );
    let raw = raw_output(
        &[TERM_256, ("COLORTERM", "truecolor")],
        "--color never cases/trygghetskiosker.toml",
    );
    assert_eq!(colours(&raw), Vec::<String>::new(), "--color never");
}
