//! Commands for sharing and installing: `remiss report` (HTML), `remiss completions`,
//! `remiss man`, `remiss schema`; and the "did you mean" for a mistyped command.

use super::output::{message, out};
use super::{Cli, INVALID, OK, USAGE, load_for_command, report as report_problems};
use crate::analysis::similarity::{Options, Similarity};
use crate::export::report::{Report, to_html};
use crate::i18n::Lang;
use crate::notes::store::{Store, default_path};
use crate::text::escape;
use clap::CommandFactory;
use std::ffi::OsString;
use std::path::{Path, PathBuf};

#[derive(Debug, clap::Args)]
pub struct ReportArgs {
    /// Case file or folder.
    pub path: PathBuf,
    /// Write the report here (HTML) instead of to standard output.
    #[arg(short, long, value_name = "FILE.html")]
    pub output: Option<PathBuf>,
    /// Overwrite FILE if it exists.
    #[arg(long, requires = "output")]
    pub force: bool,
    /// The notes file (default: beside each case file, `NAME.notes.toml`); only with a single
    /// case.
    #[arg(long, value_name = "FILE")]
    pub notes: Option<PathBuf>,
}

/// `remiss report`: every case of PATH, with its notes, as one HTML file.
pub fn report(args: ReportArgs, lang: Lang) -> u8 {
    let ws = match load_for_command(&args.path, lang) {
        Ok(ws) => ws,
        Err(code) => return code,
    };
    if let Err(code) = super::single_case_for_notes(args.notes.as_deref(), &ws, lang) {
        return code;
    }
    let mut code = if ws.problems.is_empty() { OK } else { INVALID };
    let notes: Vec<_> = ws
        .cases
        .iter()
        .map(|case| {
            let path = args.notes.clone().unwrap_or_else(|| default_path(case));
            match Store::open(path, case) {
                Ok((_, notes)) => Some(notes),
                Err(problems) => {
                    report_problems(&problems, lang);
                    code = INVALID;
                    None
                }
            }
        })
        .collect();
    let similarity = Similarity::build(&ws.cases, &Options::default());
    let html = to_html(&Report {
        cases: &ws.cases,
        notes: &notes,
        similarity: &similarity,
        lang,
    });
    let written = match &args.output {
        Some(path) => super::write_output(path, html.as_bytes(), args.force, lang),
        None => out(&html),
    };
    if written == OK { code } else { written }
}

/// `remiss completions SHELL`.
pub fn completions(shell: clap_complete::Shell) -> u8 {
    let mut buf = Vec::new();
    clap_complete::generate(shell, &mut Cli::command(), "remiss", &mut buf);
    out(&String::from_utf8_lossy(&buf))
}

/// `remiss man [--out-dir DIR]`.
pub fn man(out_dir: Option<&Path>, lang: Lang) -> u8 {
    let cmd = Cli::command();
    let result = match out_dir {
        Some(dir) => std::fs::create_dir_all(dir)
            .and_then(|()| clap_mangen::generate_to(cmd, dir))
            .map(|()| None),
        None => {
            let mut buf = Vec::new();
            clap_mangen::Man::new(cmd)
                .render(&mut buf)
                .map(|()| Some(String::from_utf8_lossy(&buf).into_owned()))
        }
    };
    match result {
        Ok(Some(page)) => out(&page),
        Ok(None) => OK,
        Err(e) => {
            message!(
                "remiss: {} {}",
                lang.pick("cannot write the manual:", "kan inte skriva manualen:"),
                super::io_words(&e, lang)
            );
            INVALID
        }
    }
}

/// `remiss schema`.
pub fn schema() -> u8 {
    let mut text = serde_json::to_string_pretty(&crate::model::file::schema())
        .unwrap_or_else(|_| "{}".to_string());
    text.push('\n');
    out(&text)
}

/// What is done before the command line is parsed: `remiss __serve-clipboard`, the helper the
/// app starts to keep a copy pasteable after it quits ([`crate::tui::clipboard`]). It is not
/// a command for people, so it is in no help, completion or manual page. Returns its exit code.
pub fn before_parsing(args: &[OsString]) -> Option<u8> {
    (args.len() == 2 && args[1] == crate::tui::clipboard::SERVE_COMMAND).then(|| {
        match crate::tui::clipboard::serve_from_stdin() {
            Ok(()) => OK,
            Err(_) => INVALID,
        }
    })
}

/// A mistyped command read as the app's PATH (`remiss matirx`): its message on stderr and
/// the usage exit code, or `None` when the command line is fine.
pub fn mistyped(cli: &Cli, lang: Lang) -> Option<u8> {
    match (&cli.command, &cli.path) {
        (None, Some(path)) => suggest(path.as_os_str(), lang),
        _ => None,
    }
}

/// A usage error whose first word is a mistyped command (`remiss matirx cases/`): the
/// suggestion instead of clap's error about the second word.
pub fn mistyped_on_error(args: &[OsString], e: &clap::Error, lang: Lang) -> Option<u8> {
    if !e.use_stderr() {
        return None;
    }
    suggest(&first_word(args)?, lang)
}

fn suggest(word: &std::ffi::OsStr, lang: Lang) -> Option<u8> {
    let msg = mistyped_command(word, lang)?;
    message!("remiss: {msg}");
    Some(USAGE)
}

/// The first argument that is not an option or an option's value.
fn first_word(args: &[OsString]) -> Option<OsString> {
    let mut skip = false;
    for a in args.iter().skip(1) {
        let s = a.to_string_lossy();
        if skip {
            skip = false;
        } else if matches!(s.as_ref(), "--lang" | "--notes" | "--color") {
            skip = true;
        } else if s == "--" {
            return None;
        } else if !s.starts_with('-') {
            return Some(a.clone());
        }
    }
    None
}

/// The message for a word that looks like a mistyped command: not an existing path, and
/// close to a command's name (Jaro–Winkler ≥ 0.8, the measure clap's own suggestions use).
pub fn mistyped_command(word: &std::ffi::OsStr, lang: Lang) -> Option<String> {
    if Path::new(word).exists() {
        return None;
    }
    let word = word.to_str()?;
    if word.contains(['/', '\\', '.']) {
        return None;
    }
    let cmd = Cli::command();
    let names: Vec<&str> = cmd.get_subcommands().map(|c| c.get_name()).collect();
    if names.contains(&word) {
        return None; // A command: whatever is wrong is elsewhere on the line.
    }
    let best = names
        .into_iter()
        .map(|name| (strsim::jaro_winkler(word, name), name))
        .filter(|(score, _)| *score >= 0.8)
        .max_by(|a, b| a.0.total_cmp(&b.0))?;
    let word = escape(word);
    Some(match lang {
        Lang::En => format!(
            "`{word}` is not a command, nor a file or folder; did you mean `remiss {}`?",
            best.1
        ),
        Lang::Sv => format!(
            "`{word}` är inget kommando och ingen fil eller mapp; menade du `remiss {}`?",
            best.1
        ),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn suggests_the_command_for_a_typo_but_not_for_a_path() {
        let msg = mistyped_command("matirx".as_ref(), Lang::En).unwrap();
        assert!(msg.contains("did you mean `remiss matrix`"), "{msg}");
        let msg = mistyped_command("serach".as_ref(), Lang::Sv).unwrap();
        assert!(msg.contains("menade du `remiss search`"), "{msg}");
        assert_eq!(mistyped_command("cases/matirx".as_ref(), Lang::En), None);
        assert_eq!(mistyped_command("matirx.toml".as_ref(), Lang::En), None);
        assert_eq!(mistyped_command("zzzzzz".as_ref(), Lang::En), None);
        assert_eq!(mistyped_command("src".as_ref(), Lang::En), None, "exists");
        assert_eq!(
            mistyped_command("report".as_ref(), Lang::En),
            None,
            "a command"
        );
    }

    #[test]
    fn the_first_word_skips_options_and_their_values() {
        let args: Vec<OsString> = ["remiss", "--lang", "sv", "--no-color", "matirx", "x"]
            .iter()
            .map(OsString::from)
            .collect();
        assert_eq!(first_word(&args), Some("matirx".into()));
        assert_eq!(super::super::language(&args), Lang::Sv);
    }
}
