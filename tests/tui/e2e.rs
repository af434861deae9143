//! End to end: the real binary in a real terminal (tmux): the matrix shows, a reservation
//! opens, `y` copies (OSC 52, which tmux with `set-clipboard on` keeps as a paste buffer), and
//! with an X display the system clipboard holds the exact quote (Xvfb + xclip).
//!
//! tmux, Xvfb and xclip come from Debian packages; `.ci/run` installs them. Where they are
//! missing each test says it is skipped and passes, unless `REMISS_REQUIRE_E2E=1` (CI) makes
//! that a failure.

use crate::cmd::{bundled_case_in_temp_dir, programs_or_skip};
use std::process::{Command, Output};
use std::thread::sleep;
use std::time::{Duration, Instant};

const QUOTE: &str = "”Trygghetskiosker ska vara upplysta och bemannade knutpunkter på platser med hög \
upplevd otrygghet eller stökig historik. Här ska stockholmare kunna möta ordningsvakter och \
medarbetare från socialtjänsten. Man ska kunna får hjälp att anmäla mindre brott, kunna få kontakt \
med socialjouren eller ta del av information. Genom trygghetskioskens fysiska närvaro i stadsmiljön \
ska tröskeln att söka hjälp minska och tränga undan brott och annat som stjälper den upplevda \
tryggheten bland stockholmarna.” (Reservation av Andréa Hedin m.fl. (M), Socialnämnden 2026-02-17, \
KS 2025/1121)";

struct Tmux {
    socket: String,
}

impl Tmux {
    fn start(name: &str, env: &[(&str, &str)], args: &str) -> Tmux {
        Tmux::start_then(name, env, args, "")
    }

    /// Like [`Tmux::start`], running the shell command `after` once remiss has ended.
    fn start_then(name: &str, env: &[(&str, &str)], args: &str, after: &str) -> Tmux {
        let socket = format!("remiss-e2e-{name}-{}", std::process::id());
        let bin = env!("CARGO_BIN_EXE_remiss");
        let mut cmd = String::from(
            "env -u DISPLAY -u WAYLAND_DISPLAY -u SSH_CONNECTION -u LC_ALL -u LC_MESSAGES -u REMISS_CONFIG \
             XDG_CONFIG_HOME=/nonexistent/remiss-e2e LANG=en_US.UTF-8",
        );
        for (k, v) in env {
            cmd.push_str(&format!(" {k}={v}"));
        }
        cmd.push_str(&format!(" {bin} {args}; echo EXITED=$?; {after} sleep 30"));
        let t = Tmux { socket };
        let out = t.run(&[
            "-f",
            "/dev/null",
            "new-session",
            "-d",
            "-x",
            "110",
            "-y",
            "32",
            &cmd,
        ]);
        assert!(
            out.status.success(),
            "tmux failed: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        t.run(&["set-option", "-g", "set-clipboard", "on"]);
        t
    }

    fn run(&self, args: &[&str]) -> Output {
        Command::new("tmux")
            .arg("-L")
            .arg(&self.socket)
            .args(args)
            .current_dir(env!("CARGO_MANIFEST_DIR"))
            .output()
            .expect("tmux is installed (apt-get install tmux)")
    }

    fn keys(&self, keys: &[&str]) {
        for k in keys {
            self.run(&["send-keys", k]);
            sleep(Duration::from_millis(60));
        }
    }

    fn screen(&self) -> String {
        String::from_utf8_lossy(&self.run(&["capture-pane", "-p"]).stdout).into_owned()
    }

    /// The screen once it shows `text` and has settled (a capture can catch a frame half
    /// drawn: the same screen twice, 50 ms apart, is a whole one).
    fn wait_for(&self, text: &str) -> String {
        let start = Instant::now();
        loop {
            let s = self.screen();
            if s.contains(text) {
                sleep(Duration::from_millis(50));
                if self.screen() == s || start.elapsed() > Duration::from_secs(15) {
                    return s;
                }
                continue;
            }
            assert!(
                start.elapsed() < Duration::from_secs(15),
                "timed out waiting for {text:?}; screen:\n{s}"
            );
            sleep(Duration::from_millis(100));
        }
    }
}

impl Drop for Tmux {
    fn drop(&mut self) {
        let _ = self.run(&["kill-server"]);
    }
}

#[test]
fn matrix_reservation_and_copy_through_osc52_in_tmux() {
    if !programs_or_skip(
        "matrix_reservation_and_copy_through_osc52_in_tmux",
        &["tmux"],
    ) {
        return;
    }
    let t = Tmux::start("osc52", &[], "cases/trygghetskiosker.toml");
    let s = t.wait_for("Bodies × stances");
    assert!(s.contains("Socialnämnden"), "{s}");
    assert!(s.contains("Polisregion Stockholm"));
    t.keys(&["j", "l", "l", "Enter"]);
    t.wait_for("Reservation · Andréa Hedin m.fl. (M)");
    t.keys(&["j", "y"]);
    t.wait_for("Sent to the terminal (OSC 52)");
    let buffer = t.run(&["show-buffer"]);
    assert_eq!(String::from_utf8_lossy(&buffer.stdout), QUOTE);
    t.keys(&["q"]);
    let s = t.wait_for("EXITED=0");
    // The alternate screen is gone: the app's frame is no longer on screen.
    assert!(!s.contains("Bodies × stances"), "{s}");
}

#[test]
fn swedish_labels_and_sigterm_restores_the_terminal() {
    if !programs_or_skip(
        "swedish_labels_and_sigterm_restores_the_terminal",
        &["tmux", "pkill"],
    ) {
        return;
    }
    let t = Tmux::start(
        "sigterm",
        &[("LANG", "sv_SE.UTF-8")],
        "cases/trygghetskiosker.toml",
    );
    t.wait_for("Organ × ställningstaganden");
    let pid = String::from_utf8_lossy(&t.run(&["display-message", "-p", "#{pane_pid}"]).stdout)
        .trim()
        .to_string();
    // The pane runs a shell; signal its child, remiss.
    let _ = Command::new("pkill")
        .args(["-TERM", "-P", &pid, "-f", "remiss"])
        .status();
    let s = t.wait_for("EXITED=");
    assert!(!s.contains("Organ × ställningstaganden"), "{s}");
}

#[test]
fn x11_clipboard_holds_the_exact_quote_under_xvfb() {
    if !programs_or_skip(
        "x11_clipboard_holds_the_exact_quote_under_xvfb",
        &["tmux", "Xvfb", "xclip"],
    ) {
        return;
    }
    let display = format!(":{}", 90 + std::process::id() % 100);
    let mut xvfb = Command::new("Xvfb")
        .args([
            display.as_str(),
            "-screen",
            "0",
            "640x480x24",
            "-nolisten",
            "tcp",
        ])
        .spawn()
        .expect("Xvfb is installed (apt-get install xvfb)");
    sleep(Duration::from_millis(800));
    let t = Tmux::start(
        "x11",
        &[("DISPLAY", &display)],
        "cases/trygghetskiosker.toml",
    );
    t.wait_for("Bodies × stances");
    t.keys(&["j", "l", "l", "Enter", "j", "y"]);
    t.wait_for("Copied");
    let paste = || {
        let out = Command::new("xclip")
            .args(["-o", "-selection", "clipboard", "-display", &display])
            .output()
            .expect("xclip is installed (apt-get install xclip)");
        String::from_utf8_lossy(&out.stdout).into_owned()
    };
    let while_running = paste();
    // After remiss quits (no clipboard manager runs here), the quote is still pasteable: a
    // helper serves it, as xclip does.
    t.keys(&["q"]);
    t.wait_for("EXITED=0");
    sleep(Duration::from_millis(300));
    let after_quit = paste();
    let helpers = || clipboard_helpers(&display);
    assert_eq!(helpers().len(), 1, "one helper serves the copy");
    // The helper ends with the X server.
    let _ = xvfb.kill();
    let _ = xvfb.wait();
    let start = Instant::now();
    while !helpers().is_empty() && start.elapsed() < Duration::from_secs(10) {
        sleep(Duration::from_millis(200));
    }
    assert_eq!(while_running, QUOTE);
    assert_eq!(after_quit, QUOTE, "pasteable after remiss quit");
    assert!(
        helpers().is_empty(),
        "the helper ends when the display goes away"
    );
}

/// Processes serving a copy (`remiss __serve-clipboard`) on X display `display`.
fn clipboard_helpers(display: &str) -> Vec<String> {
    let mut out = Vec::new();
    for entry in std::fs::read_dir("/proc").unwrap().flatten() {
        let dir = entry.path();
        let cmdline = std::fs::read(dir.join("cmdline")).unwrap_or_default();
        let environ = std::fs::read(dir.join("environ")).unwrap_or_default();
        let has = |hay: &[u8], needle: &[u8]| hay.split(|&b| b == 0).any(|part| part == needle);
        if has(&cmdline, b"__serve-clipboard")
            && has(&environ, format!("DISPLAY={display}").as_bytes())
        {
            out.push(dir.display().to_string());
        }
    }
    out
}

/// Copy a paragraph of Socialnämnden's reservation in tmux with `set-clipboard` set to
/// `mode`; the status bar's text is returned once `status` shows.
fn copy_in_tmux_with_set_clipboard(mode: &str, status: &str) -> (Tmux, String) {
    let t = Tmux::start(&format!("clip-{mode}"), &[], "cases/trygghetskiosker.toml");
    t.run(&["set-option", "-s", "set-clipboard", mode]);
    t.wait_for("Bodies × stances");
    t.keys(&["j", "l", "l", "Enter"]);
    t.wait_for("Reservation · Andréa Hedin m.fl. (M)");
    t.keys(&["j", "y"]);
    let s = t.wait_for(status);
    (t, s)
}

#[test]
fn tmux_without_set_clipboard_gets_the_quote_in_its_buffer_and_the_status_says_so() {
    if !programs_or_skip(
        "tmux_without_set_clipboard_gets_the_quote_in_its_buffer_and_the_status_says_so",
        &["tmux"],
    ) {
        return;
    }
    // `off`: tmux passes nothing on; the quote is in tmux's buffer, and the status says how
    // to get it to the system clipboard.
    let (t, s) = copy_in_tmux_with_set_clipboard("off", "set -g set-clipboard on");
    assert!(
        s.contains("Only in tmux's buffer; fix: set -g set-clipboard on"),
        "{s}"
    );
    assert!(!s.contains("OSC 52"), "{s}");
    let buffer = t.run(&["show-buffer"]);
    assert_eq!(String::from_utf8_lossy(&buffer.stdout), QUOTE);
    drop(t);
    // tmux's default, `external`: tmux forwards its own buffer to the terminal.
    let (t, s) = copy_in_tmux_with_set_clipboard("external", "and sent to the terminal");
    assert!(s.contains("In tmux's buffer (prefix ])"), "{s}");
    let buffer = t.run(&["show-buffer"]);
    assert_eq!(String::from_utf8_lossy(&buffer.stdout), QUOTE);
}

// The binary panics on request only when built with debug assertions (a test hook).
#[cfg(debug_assertions)]
#[test]
fn a_panic_restores_the_terminal_and_reports() {
    if !programs_or_skip("a_panic_restores_the_terminal_and_reports", &["tmux"]) {
        return;
    }
    let t = Tmux::start(
        "panic",
        &[("REMISS_TEST_PANIC", "1"), ("RUST_BACKTRACE", "0")],
        "cases/trygghetskiosker.toml",
    );
    let s = t.wait_for("EXITED=");
    assert!(s.contains("EXITED=101"), "{s}");
    assert!(s.contains("test panic requested"), "{s}");
    assert!(
        !s.contains("about to panic"),
        "the alternate screen should be gone:\n{s}"
    );
}

#[test]
fn a_bad_path_is_a_clear_error_not_a_blank_screen() {
    if !programs_or_skip("a_bad_path_is_a_clear_error_not_a_blank_screen", &["tmux"]) {
        return;
    }
    let t = Tmux::start("badpath", &[], "no/such/folder");
    let s = t.wait_for("EXITED=");
    assert!(
        s.contains("no/such/folder: error: cannot read: no such file or folder"),
        "{s}"
    );
    assert!(s.contains("EXITED=1"), "{s}");
}

impl Tmux {
    /// Type text literally (not as key names).
    fn type_text(&self, text: &str) {
        self.run(&["send-keys", "-l", text]);
        sleep(Duration::from_millis(60));
    }
}

#[test]
fn notes_survive_a_restart_and_export_to_the_expected_markdown() {
    if !programs_or_skip(
        "notes_survive_a_restart_and_export_to_the_expected_markdown",
        &["tmux"],
    ) {
        return;
    }
    let (dir, case) = bundled_case_in_temp_dir();
    let args = case.display().to_string();
    let t = Tmux::start("notes", &[], &args);
    t.wait_for("Bodies × stances");
    // Socialnämnden's reservation: both paragraphs.
    t.keys(&["j", "l", "l", "Enter"]);
    t.wait_for("Reservation · Andréa Hedin m.fl. (M)");
    t.keys(&["a"]);
    t.wait_for("Added to the notes (1 quote)");
    t.keys(&["j", "a"]);
    t.wait_for("Added to the notes (2 quotes)");
    // Skärholmen's reservation: its first two sentences.
    t.keys(&["Escape", "j", "j", "j", "Enter"]);
    t.wait_for("Reservation · Sophia Granswed Baat m.fl. (M)");
    t.keys(&["v", "j", "a"]);
    t.wait_for("Added to the notes (3 quotes)");
    // A heading on top and a comment under the last quote.
    t.keys(&["A"]);
    t.wait_for("Debate notes · KS 2025/1121 · 3 quotes");
    t.keys(&["h"]);
    t.wait_for("New heading");
    t.type_text("Deras argument: fasta platser");
    t.keys(&["Enter", "G", "c"]);
    t.wait_for("Edit");
    t.type_text("Svara: Skärholmens polis har redan flyttat till centrum");
    t.keys(&["Enter", "q"]);
    t.wait_for("EXITED=0");
    drop(t);

    let notes = dir.path().join("trygghetskiosker.notes.toml");
    assert!(notes.exists(), "the notes file is beside the case file");
    let t = Tmux::start("notes2", &[], &args);
    t.wait_for("Bodies × stances");
    t.keys(&["A"]);
    let s = t.wait_for("Deras argument: fasta platser");
    assert!(s.contains("3 quotes"), "{s}");
    t.keys(&["E"]);
    t.wait_for("Wrote");
    t.keys(&["q"]);
    t.wait_for("EXITED=0");
    let exported = std::fs::read_to_string(dir.path().join("trygghetskiosker.notes.md")).unwrap();
    let expected = include_str!("../fixtures/notes/e2e_expected.md");
    assert_eq!(exported, expected);
}

#[test]
fn a_diff_opens_from_the_reader_and_walks_the_changes() {
    if !programs_or_skip(
        "a_diff_opens_from_the_reader_and_walks_the_changes",
        &["tmux"],
    ) {
        return;
    }
    let t = Tmux::start("diff", &[], "cases/trygghetskiosker.toml");
    // The family marks come into the matrix once the texts are compared (in the background).
    t.wait_for("M A′");
    t.keys(&["j", "j", "j", "j", "l", "l", "Enter"]);
    t.wait_for("Reservation · Sophia Granswed Baat m.fl. (M)");
    t.keys(&["d"]);
    let s = t.wait_for("76% the same; 15 changes; +49 −15 words · change 1/15");
    assert!(s.contains("A − Socialnämnden · Reservation"), "{s}");
    assert!(
        s.contains("B + Skärholmens stadsdelsnämnd · Reservation"),
        "{s}"
    );
    t.keys(&["]", "]"]);
    t.wait_for("change 3/15");
    // y copies from the side the cursor is on (B, Skärholmen's).
    t.keys(&["y"]);
    t.wait_for("Sent to the terminal (OSC 52)");
    let buffer = String::from_utf8_lossy(&t.run(&["show-buffer"]).stdout).into_owned();
    assert!(
        buffer.contains("Vårberg, Skärholmen, Sätra och Bredäng"),
        "{buffer}"
    );
    assert!(buffer.ends_with("Skärholmens stadsdelsnämnd 2026-03-26, KS 2025/1121)"));
    t.keys(&["Escape"]);
    t.wait_for("Similar texts");
    t.keys(&["q"]);
    t.wait_for("EXITED=0");
}

#[test]
fn search_as_you_type_then_enter_opens_the_paragraph() {
    if !programs_or_skip(
        "search_as_you_type_then_enter_opens_the_paragraph",
        &["tmux"],
    ) {
        return;
    }
    let t = Tmux::start("search", &[], "cases/trygghetskiosker.toml");
    t.wait_for("Bodies × stances");
    t.keys(&["/"]);
    t.wait_for("/ ");
    t.type_text("skarholmen tunnelbana");
    let s = t.wait_for("1 hit");
    assert!(
        s.contains("Skärholmens stadsdelsnämnd · Reservation · M · 2026-03-26"),
        "{s}"
    );
    t.keys(&["Enter"]);
    let s = t.wait_for("Reservation · Sophia Granswed Baat m.fl. (M)");
    assert!(
        s.contains("Skärholmens stadsdelsnämnd › Reservation ¶1/2"),
        "{s}"
    );
    t.keys(&["y"]);
    t.wait_for("Sent to the terminal (OSC 52)");
    let buffer = String::from_utf8_lossy(&t.run(&["show-buffer"]).stdout).into_owned();
    assert!(
        buffer.contains("varje tunnelbanestation; Vårberg"),
        "{buffer}"
    );
    t.keys(&["q"]);
    t.wait_for("EXITED=0");
}

/// The state letter of a process (`R`, `S`, `Z`, …), or `None` when it is gone.
fn process_state(pid: &str) -> Option<char> {
    let stat = std::fs::read_to_string(format!("/proc/{pid}/stat")).ok()?;
    stat.rsplit(')').next()?.trim().chars().next()
}

#[test]
fn closing_the_terminal_ends_the_app_instead_of_spinning() {
    if !programs_or_skip(
        "closing_the_terminal_ends_the_app_instead_of_spinning",
        &["tmux", "pgrep"],
    ) {
        return;
    }
    let t = Tmux::start("hangup", &[], "cases/trygghetskiosker.toml");
    t.wait_for("Bodies × stances");
    let pane = String::from_utf8_lossy(&t.run(&["display-message", "-p", "#{pane_pid}"]).stdout)
        .trim()
        .to_string();
    let out = Command::new("pgrep").args(["-P", &pane]).output().unwrap();
    let pid = String::from_utf8_lossy(&out.stdout)
        .lines()
        .next()
        .expect("remiss runs in the pane")
        .to_string();
    // The terminal goes away as when an SSH connection drops: SIGHUP, and stdin at EOF.
    t.run(&["kill-server"]);
    let start = Instant::now();
    while matches!(process_state(&pid), Some(s) if s != 'Z') {
        assert!(
            start.elapsed() < Duration::from_secs(5),
            "remiss (pid {pid}) still runs 5 s after its terminal closed"
        );
        sleep(Duration::from_millis(50));
    }
}

#[test]
fn a_bad_file_in_the_folder_is_named_in_the_app_and_printed_on_quit() {
    if !programs_or_skip(
        "a_bad_file_in_the_folder_is_named_in_the_app_and_printed_on_quit",
        &["tmux"],
    ) {
        return;
    }
    let (dir, _case) = bundled_case_in_temp_dir();
    std::fs::copy(
        concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/tests/fixtures/invalid/misspelt_key.toml"
        ),
        dir.path().join("misspelt_key.toml"),
    )
    .unwrap();
    let t = Tmux::start("badfile", &[], &dir.path().display().to_string());
    let s = t.wait_for("1 file left out");
    assert!(
        s.contains("misspelt_key.toml:29:1: unknown key `stnace`"),
        "{s}"
    );
    // The good case opened.
    assert!(s.contains("Bodies × stances"), "{s}");
    t.keys(&["q"]);
    let s = t.wait_for("EXITED=0");
    assert!(
        s.contains("error: unknown key `stnace`; did you mean `stance`?"),
        "{s}"
    );
}

/// The pid of remiss, the child of the pane's shell.
fn remiss_pid(t: &Tmux) -> String {
    let pane = String::from_utf8_lossy(&t.run(&["display-message", "-p", "#{pane_pid}"]).stdout)
        .trim()
        .to_string();
    let out = Command::new("pgrep").args(["-P", &pane]).output().unwrap();
    String::from_utf8_lossy(&out.stdout)
        .lines()
        .next()
        .expect("remiss runs in the pane")
        .to_string()
}

/// Every signal that ends a process, sent from outside, restores the terminal: the alternate
/// screen is left, the cursor shown, raw mode off (the shell's `stty` sees `icanon` and
/// `echo`), and the exit code is 128 + the signal's number.
#[test]
fn every_quit_signal_restores_the_terminal() {
    if !programs_or_skip(
        "every_quit_signal_restores_the_terminal",
        &["tmux", "pgrep", "kill"],
    ) {
        return;
    }
    let signals = [
        ("INT", 2),
        ("QUIT", 3),
        ("USR1", 10),
        ("USR2", 12),
        ("ALRM", 14),
        ("TERM", 15),
        ("HUP", 1),
    ];
    std::thread::scope(|s| {
        for (name, number) in signals {
            s.spawn(move || {
                let t = Tmux::start_then(
                    &format!("sig{name}"),
                    &[],
                    "cases/trygghetskiosker.toml",
                    "stty -a | tr ' ;' '\\n\\n' | grep -xE -- '-?(icanon|echo)' | tr '\\n' ' '; echo STTY-DONE;",
                );
                t.wait_for("Bodies × stances");
                let pid = remiss_pid(&t);
                let sent = Command::new("kill")
                    .args([&format!("-{name}"), &pid])
                    .status()
                    .unwrap();
                assert!(sent.success());
                t.wait_for(&format!("EXITED={}", 128 + number));
                let s = t.wait_for("STTY-DONE");
                assert!(!s.contains("Bodies × stances"), "SIG{name}: {s}");
                assert!(s.contains("icanon echo"), "SIG{name}: raw mode left on: {s}");
                let state = t.run(&["display-message", "-p", "#{alternate_on} #{cursor_flag}"]);
                assert_eq!(
                    String::from_utf8_lossy(&state.stdout).trim(),
                    "0 1",
                    "SIG{name}: alternate screen or hidden cursor left"
                );
            });
        }
    });
}

/// The real binary on a statement `remiss import` wrote: `r` opens the review, the source
/// document's lines show, `c` confirms the uncertain stance, `s` changes another, and the file
/// on disk says so.
#[test]
fn an_imported_stance_is_confirmed_in_the_review_and_written() {
    if !programs_or_skip(
        "an_imported_stance_is_confirmed_in_the_review_and_written",
        &["tmux"],
    ) {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("parkbankar.txt"),
        include_str!("../fixtures/evidence/parkbankar.txt"),
    )
    .unwrap();
    let (code, _, stderr) = crate::cmd::output(crate::cmd::remiss_in(dir.path()).args([
        "import",
        "parkbankar.txt",
        "-o",
        "parkbankar.toml",
    ]));
    assert_eq!(code, 0, "{stderr}");
    let path = dir.path().join("parkbankar.toml");
    let t = Tmux::start("review", &[], &path.display().to_string());
    t.wait_for("Bodies × stances");
    t.keys(&["r"]);
    let s = t.wait_for("From parkbankar.txt");
    assert!(
        s.contains("11 ▌Förvaltningen bedömer att befintliga bänkar räcker."),
        "{s}"
    );
    t.keys(&["c"]);
    t.wait_for("Written to the case file: confirmed socialnamnden/reject#stance");
    // Trafiknämnden approved: the texts are compared and indexed again in the background, and
    // the search finds the position under its new stance.
    t.keys(&["G", "s", "Enter"]);
    t.wait_for("trafiknamnden/reject: approve");
    t.keys(&[
        "/", "s", "t", "a", "n", "c", "e", ":", "a", "p", "p", "r", "o", "v", "e",
    ]);
    t.wait_for("Trafiknämnden avstyrker motionen.");
    t.keys(&["Escape", "q"]);
    t.wait_for("EXITED=0");
    let case = remiss::model::load_file(&path).unwrap();
    let p = case.position_index("socialnamnden/reject").unwrap();
    assert_eq!(
        case.positions[p].review(),
        Some(remiss::model::Review::Confirmed)
    );
    assert!(case.position_index("trafiknamnden/approve").is_some());
}

/// A passage pasted with tmux's `paste-buffer -p` (a bracketed paste, as a terminal sends one)
/// over a line end still finds its paragraph: the line break becomes a space.
#[test]
fn a_pasted_two_line_passage_finds_its_hit() {
    if !programs_or_skip("a_pasted_two_line_passage_finds_its_hit", &["tmux"]) {
        return;
    }
    let t = Tmux::start("paste", &[], "cases/trygghetskiosker.toml");
    t.wait_for("Bodies × stances");
    t.keys(&["/"]);
    t.wait_for("/ ");
    t.run(&[
        "set-buffer",
        "känner otrygghet i sitt eget\nnärområde krävs",
    ]);
    t.run(&["paste-buffer", "-p"]);
    let s = t.wait_for(" hits");
    assert!(
        s.contains("känner otrygghet i sitt eget närområde krävs"),
        "{s}"
    );
    // The line break was not taken for Enter: the search is still open, then Enter opens the
    // first hit in the reader.
    t.keys(&["Enter"]);
    let s = t.wait_for("¶");
    assert!(s.contains("närområde"), "{s}");
    t.keys(&["q"]);
    t.wait_for("EXITED=0");
}

fn alternate_screen(t: &Tmux) -> String {
    String::from_utf8_lossy(&t.run(&["display-message", "-p", "#{alternate_on}"]).stdout)
        .trim()
        .to_string()
}

fn wait_until(what: &str, mut done: impl FnMut() -> bool) {
    let start = Instant::now();
    while !done() {
        assert!(
            start.elapsed() < Duration::from_secs(15),
            "timed out: {what}"
        );
        sleep(Duration::from_millis(100));
    }
}

/// Ctrl-Z (a key in raw mode) and SIGTSTP from outside give the terminal back and stop the
/// app; SIGCONT (what the shell's `fg` sends) takes the terminal again and redraws.
#[test]
fn ctrl_z_and_sigtstp_suspend_and_sigcont_resumes() {
    if !programs_or_skip(
        "ctrl_z_and_sigtstp_suspend_and_sigcont_resumes",
        &["tmux", "pgrep", "kill"],
    ) {
        return;
    }
    let t = Tmux::start("suspend", &[], "cases/trygghetskiosker.toml");
    t.wait_for("Bodies × stances");
    let pid = remiss_pid(&t);
    for stop in ["C-z", "TSTP"] {
        assert_eq!(alternate_screen(&t), "1");
        if stop == "C-z" {
            t.keys(&["C-z"]);
        } else {
            let sent = Command::new("kill").args(["-TSTP", &pid]).status().unwrap();
            assert!(sent.success());
        }
        wait_until("the app stops", || process_state(&pid) == Some('T'));
        // The terminal is the shell's again: the main screen, the matrix gone.
        assert_eq!(alternate_screen(&t), "0", "{stop}");
        assert!(!t.screen().contains("Bodies × stances"), "{stop}");
        let sent = Command::new("kill").args(["-CONT", &pid]).status().unwrap();
        assert!(sent.success());
        t.wait_for("Bodies × stances");
        assert_eq!(alternate_screen(&t), "1");
        // Keys work again (raw mode): `p` is the party lens.
        t.keys(&["p"]);
        t.wait_for("Bodies × parties");
        t.keys(&["p"]);
        t.wait_for("Bodies × stances");
    }
    t.keys(&["q"]);
    t.wait_for("EXITED=0");
}

/// The configuration's keys are what the app answers to and what its status bar shows; a
/// configuration with a mistake stops the app before it starts, with file, line and column.
#[test]
fn configured_keys_and_a_broken_configuration() {
    if !programs_or_skip("configured_keys_and_a_broken_configuration", &["tmux"]) {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let good = dir.path().join("good.toml");
    std::fs::write(
        &good,
        "theme = \"light\"\n[keys.matrix]\ntoggle-lens = \"P\"\n",
    )
    .unwrap();
    let t = Tmux::start(
        "config",
        &[],
        &format!("--config {} cases/trygghetskiosker.toml", good.display()),
    );
    let s = t.wait_for("Bodies × stances");
    assert!(s.contains("P lens"), "{s}");
    t.keys(&["p"]);
    sleep(Duration::from_millis(300));
    assert!(t.screen().contains("Bodies × stances"));
    t.keys(&["P"]);
    t.wait_for("Bodies × parties");
    t.keys(&["q"]);
    t.wait_for("EXITED=0");

    let bad = dir.path().join("bad.toml");
    std::fs::write(&bad, "[keys.matrix]\ntoggle-lens = \"Entr\"\n").unwrap();
    let t = Tmux::start(
        "config-bad",
        &[],
        &format!("--config {} cases/trygghetskiosker.toml", bad.display()),
    );
    let s = t.wait_for("EXITED=1");
    assert!(
        s.contains("bad.toml:2:15: error: unknown key `Entr`; did you mean `Enter`?"),
        "{s}"
    );
}

/// A folder of several cases opens on its case list (read in the background), the cases ×
/// parties view opens from it and a cell opens its case, in the real terminal.
#[test]
fn a_folder_opens_and_its_cases_by_parties_view_opens_a_case() {
    if !programs_or_skip(
        "a_folder_opens_and_its_cases_by_parties_view_opens_a_case",
        &["tmux"],
    ) {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let fixtures = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/crosscase");
    for entry in std::fs::read_dir(fixtures).unwrap() {
        let path = entry.unwrap().path();
        std::fs::copy(&path, dir.path().join(path.file_name().unwrap())).unwrap();
    }
    let t = Tmux::start("crosscase", &[], &dir.path().display().to_string());
    t.wait_for("Cases (4)");
    // The keys come back once the index and the similarity are in.
    t.wait_for("p parties");
    t.keys(&["p"]);
    let s = t.wait_for("Cases × parties (4 of 4)");
    assert!(s.contains("Res. 3/3"), "{s}");
    t.keys(&["l", "j", "j", "Enter"]);
    let s = t.wait_for("Bodies × parties");
    assert!(s.contains("KS 2026/0052"), "{s}");
    t.keys(&["q"]);
    t.wait_for("EXITED=0");
}

#[test]
fn a_notes_file_broken_before_the_start_is_kept_and_the_exit_says_where_the_notes_went() {
    if !programs_or_skip(
        "a_notes_file_broken_before_the_start_is_kept_and_the_exit_says_where_the_notes_went",
        &["tmux"],
    ) {
        return;
    }
    let (dir, case) = bundled_case_in_temp_dir();
    let notes = dir.path().join("trygghetskiosker.notes.toml");
    let broken = "format = 1\nthis is = = broken\n";
    std::fs::write(&notes, broken).unwrap();
    let t = Tmux::start("brokennotes", &[], &case.display().to_string());
    let s = t.wait_for("Notes not loaded");
    assert!(s.contains("trygghetskiosker.notes.toml:2:"), "{s}");
    t.keys(&["j", "l", "l", "Enter"]);
    t.wait_for("Reservation · Andréa Hedin m.fl. (M)");
    t.keys(&["a"]);
    t.wait_for("Notes saved in a recovery file");
    t.keys(&["A"]);
    t.wait_for("ONLY SAVED IN trygghetskiosker.notes.toml.recovered-");
    t.keys(&["Escape", "q"]);
    t.wait_for("EXITED=1");
    // Wrapped lines joined: the message names the broken file's line and the recovery file.
    let s = String::from_utf8_lossy(&t.run(&["capture-pane", "-p", "-J"]).stdout).into_owned();
    let recovered: Vec<_> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.to_string_lossy().contains(".notes.toml.recovered-"))
        .collect();
    assert_eq!(recovered.len(), 1, "{recovered:?}");
    assert!(
        s.contains(&format!(
            "remiss: Notes saved in a recovery file: the notes file on disk cannot be read ({}:2:",
            notes.display()
        )),
        "{s}"
    );
    assert!(
        s.contains(&format!(
            "not overwritten; this session's notes are in {}",
            recovered[0].display()
        )),
        "{s}"
    );
    assert_eq!(std::fs::read_to_string(&notes).unwrap(), broken);
    let kept = std::fs::read_to_string(&recovered[0]).unwrap();
    assert!(kept.contains("Trygghet är inte bara statistik"), "{kept}");
}
