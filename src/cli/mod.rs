//! The command line: argument parsing (clap) and one function per command. Each command
//! returns its exit code; `main` only calls [`run`].

use crate::export::matrix::{self, Format, Lens};
use crate::i18n::Lang;
use crate::model::{self, Workspace};
use clap::{Parser, Subcommand};
use std::io::Write;
use std::path::{Path, PathBuf};

/// Exit code: success.
pub const OK: u8 = 0;
/// Exit code: the input has problems (invalid case file, unreadable path, …).
pub const INVALID: u8 = 1;
/// Exit code: the command line itself is wrong (clap uses this too).
pub const USAGE: u8 = 2;

#[derive(Debug, Parser)]
#[command(
    name = "remiss",
    version,
    about = "Read a municipal case and every referral answer, reservation and statement on it",
    long_about = "Read a municipal case (ärende) and every referral answer, reservation and \
statement on it.\n\nWith no command, opens the interactive app on PATH (default: ./cases, \
or the bundled case when there is no ./cases folder)."
)]
pub struct Cli {
    /// Case file or folder of case files to open in the app.
    pub path: Option<PathBuf>,
    /// Language of labels and messages (default: from the locale).
    #[arg(long, global = true, value_enum)]
    pub lang: Option<Lang>,
    #[command(subcommand)]
    pub command: Option<Command>,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Validate case files; print every problem (exit 0 valid, 1 invalid, 2 usage error).
    Check {
        /// Case files or folders.
        #[arg(required = true)]
        paths: Vec<PathBuf>,
    },
    /// Print the body × stance matrix (or body × party) of every case.
    Matrix {
        /// Case file or folder.
        path: PathBuf,
        /// Columns: stances, or parties.
        #[arg(long, value_enum, default_value = "stance")]
        by: Lens,
        #[arg(long, value_enum, default_value = "text")]
        format: Format,
    },
    /// Import a statement (utlåtande) as a case file: a .txt, or a .pdf through pdftotext.
    Import {
        /// The document: text, or PDF (needs poppler's pdftotext).
        file: PathBuf,
        /// Write the case file here instead of to standard output.
        #[arg(short, long, value_name = "OUT.toml")]
        output: Option<PathBuf>,
        /// Overwrite OUT if it exists.
        #[arg(long, requires = "output")]
        force: bool,
    },
}

/// Run the command line; returns the process exit code.
pub fn run(cli: Cli) -> u8 {
    let lang = cli.lang.unwrap_or_else(Lang::detect);
    match cli.command {
        Some(Command::Check { paths }) => check(&paths, lang),
        Some(Command::Matrix { path, by, format }) => print_matrix(&path, by, format, lang),
        Some(Command::Import {
            file,
            output,
            force,
        }) => import(&file, output.as_deref(), force, lang),
        None => open_app(cli.path, lang),
    }
}

/// Where the app opens without a PATH: `./cases` if it exists, else the bundled case.
pub fn default_workspace(path: Option<PathBuf>) -> Result<Workspace, Box<model::Problem>> {
    match path {
        Some(p) => model::load_path(&p),
        None if Path::new("cases").is_dir() => model::load_path(Path::new("cases")),
        None => Ok(Workspace {
            cases: vec![model::load_bundled()],
            problems: vec![],
        }),
    }
}

fn open_app(path: Option<PathBuf>, lang: Lang) -> u8 {
    let ws = match default_workspace(path) {
        Ok(ws) => ws,
        Err(p) => return fail(&[*p]),
    };
    report(&ws.problems);
    if ws.cases.is_empty() {
        eprintln!(
            "{}",
            lang.pick("no case could be loaded", "inget ärende kunde läsas in")
        );
        return INVALID;
    }
    use std::io::IsTerminal;
    if !std::io::stdout().is_terminal() || !std::io::stdin().is_terminal() {
        // Not interactive (piped): print the matrix instead of drawing the app.
        return out(&matrix::to_text(&ws.cases, Lens::Stance, lang, 100));
    }
    match crate::tui::run(crate::tui::app::App::new(ws.cases, lang)) {
        Ok(()) => OK,
        Err(e) => {
            eprintln!("remiss: {}", crate::text::escape(&e.to_string()));
            INVALID
        }
    }
}

fn check(paths: &[PathBuf], lang: Lang) -> u8 {
    let mut problems = Vec::new();
    let mut cases = 0;
    for path in paths {
        match model::load_path(path) {
            Ok(ws) => {
                cases += ws.cases.len();
                problems.extend(ws.problems);
            }
            Err(p) => problems.push(*p),
        }
    }
    report(&problems);
    if problems.is_empty() {
        let msg = match lang {
            Lang::En => format!("{cases} case(s) valid"),
            Lang::Sv => format!("{cases} ärende(n) giltiga"),
        };
        println!("{msg}");
        OK
    } else {
        let msg = match lang {
            Lang::En => format!("{} problem(s); {cases} case(s) valid", problems.len()),
            Lang::Sv => format!("{} fel; {cases} ärende(n) giltiga", problems.len()),
        };
        eprintln!("{msg}");
        INVALID
    }
}

fn print_matrix(path: &Path, lens: Lens, format: Format, lang: Lang) -> u8 {
    let ws = match model::load_path(path) {
        Ok(ws) => ws,
        Err(p) => return fail(&[*p]),
    };
    report(&ws.problems);
    let text = match format {
        Format::Text => matrix::to_text(&ws.cases, lens, lang, 100),
        Format::Markdown => matrix::to_markdown(&ws.cases, lens, lang),
        Format::Csv => match matrix::to_csv(&ws.cases, lens, lang) {
            Ok(s) => s,
            Err(e) => {
                eprintln!("remiss: {e}");
                return INVALID;
            }
        },
        Format::Json => {
            let mut s = matrix::to_json(&ws.cases, lens, lang).to_string();
            s.push('\n');
            s
        }
    };
    let code = out(&text);
    if ws.problems.is_empty() {
        code
    } else {
        INVALID
    }
}

fn import(file: &Path, output: Option<&Path>, force: bool, lang: Lang) -> u8 {
    use crate::text::escape;
    let shown = escape(&file.display().to_string());
    let text = match crate::import::read_document(file) {
        Ok(t) => t,
        Err(e) => {
            eprintln!("{shown}: error: {}", escape(&e.message(lang)));
            return INVALID;
        }
    };
    let name = file.file_name().map_or_else(
        || file.display().to_string(),
        |n| n.to_string_lossy().into_owned(),
    );
    let imported = crate::import::import_text(&text, &name, lang);
    {
        let stderr = std::io::stderr();
        let mut e = stderr.lock();
        for w in &imported.warnings {
            let _ = writeln!(
                e,
                "{shown}:{}: {}: {}",
                w.line,
                lang.pick("warning", "varning"),
                escape(&w.message(lang))
            );
        }
        if !imported.warnings.is_empty() {
            let _ = writeln!(
                e,
                "{}",
                match lang {
                    Lang::En => format!("{} warning(s)", imported.warnings.len()),
                    Lang::Sv => format!("{} varning(ar)", imported.warnings.len()),
                }
            );
        }
    }
    let Some(out_path) = output else {
        return out(&imported.toml);
    };
    match write_new_file(out_path, imported.toml.as_bytes(), force) {
        Ok(()) => OK,
        Err(WriteError::Exists) => {
            eprintln!(
                "{}: error: {}",
                escape(&out_path.display().to_string()),
                lang.pick(
                    "the file exists; give --force to overwrite it",
                    "filen finns redan; ange --force för att skriva över den"
                )
            );
            INVALID
        }
        Err(WriteError::Io(e)) => {
            eprintln!(
                "{}: error: {} {}",
                escape(&out_path.display().to_string()),
                lang.pick("cannot write:", "kan inte skriva:"),
                escape(&e.to_string())
            );
            INVALID
        }
    }
}

enum WriteError {
    Exists,
    Io(std::io::Error),
}

/// Write a file atomically: a temporary file in the same folder, synced, then renamed over
/// the target (only when `overwrite`; else an existing file is an error, checked at the rename
/// too, so a file created meanwhile is not lost).
fn write_new_file(path: &Path, bytes: &[u8], overwrite: bool) -> Result<(), WriteError> {
    if !overwrite && path.exists() {
        return Err(WriteError::Exists);
    }
    let dir = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    };
    let mut tmp = tempfile::NamedTempFile::new_in(dir).map_err(WriteError::Io)?;
    tmp.write_all(bytes).map_err(WriteError::Io)?;
    tmp.as_file().sync_all().map_err(WriteError::Io)?;
    if overwrite {
        tmp.persist(path).map_err(|e| WriteError::Io(e.error))?;
    } else {
        tmp.persist_noclobber(path).map_err(|e| {
            if e.error.kind() == std::io::ErrorKind::AlreadyExists {
                WriteError::Exists
            } else {
                WriteError::Io(e.error)
            }
        })?;
    }
    Ok(())
}

/// Print problems to stderr (they are already escaped for a terminal).
pub fn report(problems: &[model::Problem]) {
    let stderr = std::io::stderr();
    let mut e = stderr.lock();
    for p in problems {
        let _ = writeln!(e, "{p}");
    }
}

fn fail(problems: &[model::Problem]) -> u8 {
    report(problems);
    INVALID
}

/// Write to stdout; a closed pipe (`remiss matrix … | head`) is not an error.
pub fn out(text: &str) -> u8 {
    let stdout = std::io::stdout();
    let mut o = stdout.lock();
    match o.write_all(text.as_bytes()).and_then(|()| o.flush()) {
        Ok(()) => OK,
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => OK,
        Err(e) => {
            eprintln!("remiss: cannot write output: {e}");
            INVALID
        }
    }
}
