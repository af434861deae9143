//! The command line: argument parsing (clap) and one function per command. Each command
//! returns its exit code; `main` only calls [`run`].

use crate::analysis::search::{Index, Query};
use crate::export::matrix::{self, Format, Lens};
use crate::export::search as search_out;
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
    /// Search every paragraph of every case: words, typos, "phrases", filters.
    #[command(long_about = SEARCH_HELP)]
    Search {
        /// Case file or folder.
        path: PathBuf,
        /// The query; several arguments are joined with spaces.
        #[arg(required = true)]
        query: Vec<String>,
        /// Show at most N hits, best first (0: all).
        #[arg(long, default_value_t = 20, value_name = "N")]
        limit: usize,
        #[arg(long, value_enum, default_value = "text")]
        format: search_out::Format,
        /// Print whole paragraphs instead of about three lines around the match (text format).
        #[arg(long)]
        full: bool,
        /// Mark matches in bold: when stdout is a terminal and NO_COLOR is unset (auto),
        /// always, or never (text format).
        #[arg(long, value_enum, default_value = "auto")]
        color: Color,
    },
}

/// When to mark matches with ANSI bold.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Color {
    Auto,
    Always,
    Never,
}

const SEARCH_HELP: &str = "Search every paragraph of every case: the positions' texts, the \
bodies' decisions, the case's sections and its proposal.

Query words match words of a paragraph, best first: the same word, the start of a word \
(`bostad` finds `bostadsbrist`), a part of a compound (`kiosk` finds `trygghetskiosker`, 4+ \
letters), a word with a typo (one for 5+ letters, two for 9+; a swap of two letters is one), \
an abbreviation (`sdn` finds `stadsdelsnämnd`). Every word must match; paragraphs where the \
words stand close together and in order rank higher. Upper and lower case are the same. A \
word without å, ä, ö also finds them (`skarholmen` finds `Skärholmen`, exact letters rank \
higher); a word with them means exactly them (`för` does not find `for`).

  \"varje tunnelbanestation\"   exact phrase (whole words, in this order)
  party:M                     position held by M (code, or start of the party's name)
  stance:reservation          approve, reject, answered, reservation, special_statement,
                              substitute_statement, no_answer; or Swedish: tillstyrker,
                              avstyrker, besvarad, särskilt, ersättaryttrande; prefixes work
  body:skarholmen             body by name (fuzzy, like query words)
  case:2025/1121              case by registration number, id or title words

Filters combine with AND; comma-separated values with OR (party:S,V); quote a value with \
spaces (body:\"hässelby vällingby\"). A query of filters only lists every paragraph they \
allow.

Exit status: 0 when the search ran (also with no hits: then a message on stderr), 1 when a \
case file has problems (hits from the good files are still printed), 2 for a usage error or \
a query that cannot be used as written (an unknown stance, an empty filter).";

/// Run the command line; returns the process exit code.
pub fn run(cli: Cli) -> u8 {
    let lang = cli.lang.unwrap_or_else(Lang::detect);
    match cli.command {
        Some(Command::Check { paths }) => check(&paths, lang),
        Some(Command::Matrix { path, by, format }) => print_matrix(&path, by, format, lang),
        Some(Command::Search {
            path,
            query,
            limit,
            format,
            full,
            color,
        }) => search(
            &path,
            &query.join(" "),
            SearchOptions {
                limit,
                format,
                full,
                color,
            },
            lang,
        ),
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

struct SearchOptions {
    limit: usize,
    format: search_out::Format,
    full: bool,
    color: Color,
}

fn search(path: &Path, query: &str, opts: SearchOptions, lang: Lang) -> u8 {
    let query = Query::parse(query);
    if !query.problems().is_empty() {
        for p in query.problems() {
            eprintln!("remiss: {}", p.message(lang));
        }
        return USAGE;
    }
    let ws = match model::load_path(path) {
        Ok(ws) => ws,
        Err(p) => return fail(&[*p]),
    };
    report(&ws.problems);
    let index = Index::build(&ws.cases);
    let limit = if opts.limit == 0 {
        usize::MAX
    } else {
        opts.limit
    };
    let results = index.search(&ws.cases, &query, limit);
    let text = match opts.format {
        search_out::Format::Json => {
            let mut s = search_out::to_json(&ws.cases, &results).to_string();
            s.push('\n');
            s
        }
        search_out::Format::Text => {
            use std::io::IsTerminal;
            let bold = match opts.color {
                Color::Always => true,
                Color::Never => false,
                Color::Auto => {
                    std::io::stdout().is_terminal()
                        && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty())
                }
            };
            let marks = if bold {
                search_out::Marks::Bold
            } else {
                search_out::Marks::None
            };
            let opts = search_out::TextOptions {
                lang,
                marks,
                full: opts.full,
                width: 100,
            };
            if results.total == 0 {
                String::new()
            } else {
                search_out::to_text(&ws.cases, &results, opts)
            }
        }
    };
    if results.total == 0 {
        eprintln!(
            "{}",
            lang.pick("no paragraph matches", "inget stycke matchar")
        );
    }
    let code = out(&text);
    if ws.problems.is_empty() {
        code
    } else {
        INVALID
    }
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
