//! The command line: argument parsing (clap) and one function per command. Each command
//! returns its exit code; `main` only calls [`run_args`].

use crate::analysis::search::Query;
use crate::cache::{self, Cache};
use crate::colour::{Depth, When};
use crate::export::matrix::{self, By};
use crate::export::search as search_out;
use crate::i18n::Lang;
use crate::model::matrix::Lens;
use crate::model::{self, Workspace};
use clap::{CommandFactory, FromArgMatches, Parser, Subcommand};

mod clap_sv;
mod help_sv;
pub mod notes;
pub mod output;
pub mod review;
pub mod share;
use output::{message, out};
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
    /// The app's notes file (default: beside the case file, `NAME.notes.toml`); only with a
    /// single case.
    #[arg(long, value_name = "FILE")]
    pub notes: Option<PathBuf>,
    /// Language of labels and messages (default: from the locale).
    #[arg(long, global = true, value_enum)]
    pub lang: Option<LangArg>,
    #[command(flatten)]
    pub colour: ColourArgs,
    /// The app's configuration file (keys, theme); default: $REMISS_CONFIG, else
    /// $XDG_CONFIG_HOME/remiss/config.toml (or ~/.config/remiss/config.toml) where it exists.
    #[arg(long, global = true, value_name = "FILE")]
    pub config: Option<PathBuf>,
    #[command(subcommand)]
    pub command: Option<Command>,
}

/// `--color WHEN` and its alias `--no-color`, for the app and every command that colours
/// (`search`, `diff`).
#[derive(Debug, Clone, Copy, clap::Args)]
pub struct ColourArgs {
    /// Colour: auto (a terminal, unless NO_COLOR is set or TERM=dumb; 24-bit colour only when
    /// COLORTERM=truecolor), always, or never.
    #[arg(
        long,
        global = true,
        value_enum,
        default_value = "auto",
        value_name = "WHEN"
    )]
    pub color: ColorArg,
    /// Same as --color never.
    #[arg(long, global = true)]
    pub no_color: bool,
}

impl ColourArgs {
    pub fn when(self) -> When {
        match (self.no_color, self.color) {
            (true, _) | (false, ColorArg::Never) => When::Never,
            (false, ColorArg::Always) => When::Always,
            (false, ColorArg::Auto) => When::Auto,
        }
    }
}

/// `--color`: clap's view of [`When`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum ColorArg {
    /// On a terminal, unless NO_COLOR is set or TERM=dumb.
    Auto,
    /// Also into a pipe or a file.
    Always,
    /// No colour.
    Never,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Validate case files; print every problem (exit 0 valid, 1 invalid, 2 usage error).
    Check {
        /// Case files or folders.
        #[arg(required = true)]
        paths: Vec<PathBuf>,
    },
    /// Print the body × stance matrix (or body × party) of every case, or the cases × parties
    /// matrix of a folder.
    Matrix {
        /// Case file or folder.
        path: PathBuf,
        /// stance: per case, bodies × stances; party: per case, bodies × parties; case: cases ×
        /// parties, each cell a party's stances over the case's bodies.
        #[arg(long, value_enum, default_value = "stance")]
        by: LensArg,
        #[arg(long, value_enum, default_value = "text")]
        format: MatrixFormat,
        /// Only the cases in which this search finds a paragraph (the `remiss search`
        /// syntax, e.g. "trygghet party:M").
        #[arg(long, value_name = "QUERY")]
        search: Option<String>,
        /// Only cases dated on or after this day (YYYY-MM-DD; the statement's date).
        #[arg(long, value_name = "DATE", value_parser = parse_date)]
        from: Option<chrono::NaiveDate>,
        /// Only cases dated on or before this day (YYYY-MM-DD).
        #[arg(long, value_name = "DATE", value_parser = parse_date)]
        to: Option<chrono::NaiveDate>,
    },
    /// Print a case's debate notes (Markdown, text, JSON) or write them as Word (.docx), or add
    /// quotes to them.
    Notes(notes::NotesArgs),
    /// Families of near-identical positions, their other relations, and passage reuse.
    Similar {
        /// Case file or folder.
        path: PathBuf,
        /// Both scores at least this: near-identical; one of them: incorporates (0 < T ≤ 1).
        #[arg(long, default_value_t = 0.7, value_parser = parse_threshold)]
        threshold: f32,
        #[arg(long, value_enum, default_value = "text")]
        format: SimilarFormat,
        /// Relatives kept per text, nearest first: at most N in its family and N outside it
        /// (families list every member against the base whatever N is).
        #[arg(long, value_name = "N", default_value_t = 10, value_parser = clap::value_parser!(u16).range(1..))]
        relations: u16,
        /// Print every related pair instead, one per line as it is found (JSON lines with
        /// --format json, else tab-separated): for scripts; time grows with the square of a
        /// family's size, memory does not.
        #[arg(long)]
        all_pairs: bool,
    },
    /// Word diff of two positions, named by id (`socialnamnden/reservation/M`; with several
    /// cases loaded, `CASE_ID:POSITION_ID` when the id is in more than one).
    Diff {
        /// Case file or folder.
        path: PathBuf,
        /// The left (old) position.
        a: String,
        /// The right (new) position.
        b: String,
    },
    /// Every case where a position's text, or one paragraph of it, appears (identical or a
    /// variant), in date order with its first appearance marked.
    Elsewhere {
        /// Case file or folder.
        path: PathBuf,
        /// The position (`socialnamnden/reservation/M`, or `CASE_ID:…` when the id is in more
        /// than one case), optionally a paragraph from 1: `…/M#2`.
        position: String,
        #[arg(long, value_enum, default_value = "text")]
        format: SimilarFormat,
    },
    /// Import a document as a case file: a Stockholm statement (utlåtande), a municipal
    /// protocol or protocol extract, or a Riksdag committee report (betänkande); text, PDF
    /// (through pdftotext), HTML or the Riksdag's dokumentstatus JSON. Several protocol
    /// extracts of one matter (one per body) make one case.
    #[command(long_about = IMPORT_HELP)]
    Import {
        /// The document(s): text, PDF (needs poppler's pdftotext), HTML or JSON.
        #[arg(required = true)]
        files: Vec<PathBuf>,
        /// Write the case file here instead of to standard output.
        #[arg(short, long, value_name = "OUT.toml")]
        output: Option<PathBuf>,
        /// Overwrite OUT if it exists; import a document of no known kind anyway (all of it
        /// as unplaced text).
        #[arg(long)]
        force: bool,
        /// Of a protocol, import this § only (default: every § with yrkanden, a vote, a
        /// reservation or a statement).
        #[arg(long, value_name = "N")]
        paragraph: Option<u32>,
        /// Exit with 3 when a fact is uncertain or text is unplaced (the files are written all
        /// the same).
        #[arg(long)]
        strict: bool,
    },
    /// List the facts an import inferred (uncertain first), confirm them, or correct a stance,
    /// a party or where unplaced text belongs; the file is edited in place, atomically, and
    /// keeps everything else as it was.
    Review(review::ReviewArgs),
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
        format: SearchFormat,
        /// Print whole paragraphs instead of about three lines around the match (text format).
        #[arg(long)]
        full: bool,
        /// Read every case file and build the index, neither reading nor writing the search
        /// cache (also when REMISS_NO_CACHE=1).
        #[arg(long)]
        no_cache: bool,
    },
    /// Write a report to hand to colleagues: one HTML file that any browser opens and prints
    /// (the summary, the matrix, every text with its citation, reused text with word diffs,
    /// the debate notes).
    Report(share::ReportArgs),
    /// Print a shell completion script: `remiss completions bash > ~/.local/share/bash-completion/completions/remiss`.
    Completions {
        #[arg(value_enum)]
        shell: clap_complete::Shell,
    },
    /// Print the manual page (roff), or write one page per command into a folder.
    Man {
        /// Write remiss.1 and remiss-COMMAND.1 into this folder instead.
        #[arg(long, value_name = "DIR")]
        out_dir: Option<PathBuf>,
    },
    /// Print the JSON Schema of the case format, for editors that check TOML (taplo, Even
    /// Better TOML).
    Schema,
    /// Check the app's configuration file (keys, theme) and say which file is in use, or
    /// print the built-in configuration as a commented file to start from.
    Config {
        /// Print the built-in configuration (every key of every screen, with what it does).
        #[arg(long)]
        default: bool,
    },
}

/// `--lang`: the UI language (clap's view of [`Lang`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum LangArg {
    En,
    Sv,
}

impl From<LangArg> for Lang {
    fn from(l: LangArg) -> Lang {
        match l {
            LangArg::En => Lang::En,
            LangArg::Sv => Lang::Sv,
        }
    }
}

/// `matrix --by`: which matrix. The per-case views are clap's view of a [`Lens`]; the others
/// are views across the cases. A new view is a new variant.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum LensArg {
    /// Each case: bodies × stances; cells list the parties.
    Stance,
    /// Each case: bodies × parties; cells list the stances.
    Party,
    /// Across the cases: cases × parties; each cell a party's stances over the case's bodies.
    Case,
    /// Each case: decision points × parties: reservations with their numbers, special
    /// statements, each party's vote and the winning side.
    Point,
}

impl LensArg {
    /// The view of a per-case matrix; `None` for a view across the cases.
    pub fn per_case(self) -> Option<By> {
        match self {
            LensArg::Stance => Some(By::Stance),
            LensArg::Party => Some(By::Party),
            LensArg::Point => Some(By::Point),
            LensArg::Case => None,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum MatrixFormat {
    Text,
    Markdown,
    Csv,
    Json,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum SearchFormat {
    Text,
    Json,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum SimilarFormat {
    Text,
    Json,
}

fn parse_date(s: &str) -> Result<chrono::NaiveDate, String> {
    chrono::NaiveDate::parse_from_str(s, "%Y-%m-%d")
        .map_err(|_| "expected a date as YYYY-MM-DD".to_string())
}

fn parse_threshold(s: &str) -> Result<f32, String> {
    match s.parse::<f32>() {
        Ok(t) if t > 0.0 && t <= 1.0 => Ok(t),
        _ => Err("expected a number above 0 and at most 1".to_string()),
    }
}

const IMPORT_HELP: &str = "Import a document as a case file.

Reads a Stockholm statement (utlåtande) with its referral answers; a municipal protocol or \
protocol extract (protokoll, protokollsutdrag: one case per § with yrkanden, a vote, a \
reservation or a statement, or the § given with --paragraph); or a Riksdag committee report \
(betänkande) as text, PDF, its HTML or the dokumentstatus JSON of the Riksdag's open data. \
Says on standard error which kind it found; a document of none of these kinds is refused \
(exit 1) unless --force is given, which writes all of it into unplaced sections.

Several protocol extracts of one referred motion (one per body) import into one case: \
`remiss import ks.pdf sbn.pdf kf.pdf -o case.toml`; they are matched by dnr or motion title.

Exit status: 0 when the case file was written (warnings or not), 1 when a document cannot be \
read or imported or OUT exists, 2 for a usage error.";

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
  stance:reservation          approve, approve_in_part, reject, answered, unknown,
                              reservation, special_statement, substitute_statement,
                              protocol_note, no_answer; or Swedish: tillstyrker, delvis,
                              avstyrker, besvarad, okänd, särskilt, ersättaryttrande,
                              protokollsanteckning; prefixes work
  body:skarholmen             body by name (fuzzy, like query words)
  case:2025/1121              case by registration number, id or title words

Filters combine with AND; comma-separated values with OR (party:S,V); quote a value with \
spaces (body:\"hässelby vällingby\"). A query of filters only lists every paragraph they \
allow.

Exit status: 0 when the search ran (also with no hits: then a message on stderr), 1 when a \
case file has problems (hits from the good files are still printed), 2 for a usage error or \
a query that cannot be used as written (an unknown stance, an empty filter).";

/// Parse `args` (the program's name first) and run; returns the process exit code. Help,
/// the version and usage errors go through [`output`] like every other text, so a closed pipe
/// or a full disk is handled the same way there.
pub fn run_args<I, T>(args: I) -> u8
where
    I: IntoIterator<Item = T>,
    T: Into<std::ffi::OsString> + Clone,
{
    let args: Vec<std::ffi::OsString> = args.into_iter().map(Into::into).collect();
    if let Some(code) = share::before_parsing(&args) {
        return output::exit_code(code);
    }
    let lang = language(&args);
    output::set_lang(lang);
    let parsed = clap_sv::localize(Cli::command(), lang)
        .try_get_matches_from(&args)
        .and_then(|m| Cli::from_arg_matches(&m));
    match parsed {
        Ok(cli) => match share::mistyped(&cli, lang) {
            Some(code) => output::exit_code(code),
            None => run(cli, lang),
        },
        Err(e) => output::exit_code(
            share::mistyped_on_error(&args, &e, lang).unwrap_or_else(|| clap_message(&e, lang)),
        ),
    }
}

/// The language of everything the command line and the app say, decided here once: `--lang`
/// when given (read from the raw arguments, so that clap's own errors about the rest of the
/// line are worded in it too), else the locale (`LC_ALL`, `LC_MESSAGES`, `LANG`:
/// [`Lang::detect`]).
pub fn language(args: &[std::ffi::OsString]) -> Lang {
    let mut it = args.iter().map(|a| a.to_string_lossy());
    while let Some(a) = it.next() {
        let value = match a.strip_prefix("--lang=") {
            Some(v) => Some(v.to_string()),
            None if a == "--lang" => it.next().map(|v| v.to_string()),
            None => None,
        };
        if let Some(v) = value {
            return Lang::from_locale(&v);
        }
    }
    Lang::detect()
}

/// Print clap's help, version or usage error in `lang` (plain text: it may quote an
/// argument, which is made inert like any other untrusted text); returns clap's exit code.
fn clap_message(e: &clap::Error, lang: Lang) -> u8 {
    let text = crate::text::clean(&clap_sv::error_text(e, lang));
    let code = u8::try_from(e.exit_code()).unwrap_or(USAGE);
    if e.use_stderr() {
        output::to_stderr(text.trim_end());
        code
    } else {
        match out(&text) {
            OK => code,
            failed => failed,
        }
    }
}

/// Run a parsed command line; returns the process exit code (at least [`INVALID`] when the
/// output could not be written, see [`output`]).
pub fn run(cli: Cli, lang: Lang) -> u8 {
    output::exit_code(dispatch(cli, lang))
}

fn dispatch(cli: Cli, lang: Lang) -> u8 {
    let when = cli.colour.when();
    match cli.command {
        Some(Command::Check { paths }) => check(&paths, lang),
        Some(Command::Matrix {
            path,
            by,
            format,
            search,
            from,
            to,
        }) => print_matrix(&path, by, format, MatrixFilter { search, from, to }, lang),
        Some(Command::Notes(args)) => notes::run(args, lang),
        Some(Command::Similar {
            path,
            threshold,
            format,
            relations,
            all_pairs,
        }) => print_similar(
            &path,
            threshold,
            format,
            usize::from(relations),
            all_pairs,
            lang,
        ),
        Some(Command::Diff { path, a, b }) => print_diff(&path, &a, &b, when, lang),
        Some(Command::Elsewhere {
            path,
            position,
            format,
        }) => print_elsewhere(&path, &position, format, lang),
        Some(Command::Import {
            files,
            output,
            force,
            paragraph,
            strict,
        }) => import(&files, output.as_deref(), force, paragraph, strict, lang),
        Some(Command::Review(args)) => review::run(args, lang),
        Some(Command::Search {
            path,
            query,
            limit,
            format,
            full,
            no_cache,
        }) => search(
            &path,
            &query.join(" "),
            SearchOptions {
                limit,
                format,
                full,
                when,
                no_cache,
            },
            lang,
        ),
        Some(Command::Report(args)) => share::report(args, lang),
        Some(Command::Completions { shell }) => share::completions(shell),
        Some(Command::Man { out_dir }) => share::man(out_dir.as_deref(), lang),
        Some(Command::Schema) => share::schema(),
        Some(Command::Config { default }) => config(default, cli.config.as_deref(), lang),

        None => open_app(cli.path, cli.notes, cli.config, when, lang),
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

/// `remiss config [--default]`.
fn config(default: bool, file: Option<&Path>, lang: Lang) -> u8 {
    use crate::tui::config;
    if default {
        return out(&config::default_text(lang));
    }
    match config::load_in_force(file) {
        Ok((_, Some(path))) => {
            let name = crate::text::escape(&path.display().to_string());
            out(&format!("{name}: {}\n", lang.pick("valid", "giltig")))
        }
        Ok((_, None)) => {
            let place = config::default_path()
                .map(|p| crate::text::escape(&p.display().to_string()))
                .unwrap_or_else(|| "~/.config/remiss/config.toml".into());
            out(&format!(
                "{} {place}{}\n",
                lang.pick(
                    "No configuration file: the built-in keys and theme are used. Write one at",
                    "Ingen konfigurationsfil: de inbyggda tangenterna och temat används. Skriv en i"
                ),
                lang.pick(
                    " (`remiss config --default` prints one to start from).",
                    " (`remiss config --default` skriver ut en att utgå från)."
                )
            ))
        }
        Err(problems) => {
            report(&problems, lang);
            INVALID
        }
    }
}

fn open_app(
    path: Option<PathBuf>,
    notes: Option<PathBuf>,
    config_file: Option<PathBuf>,
    when: When,
    lang: Lang,
) -> u8 {
    use std::io::IsTerminal;
    let interactive = std::io::stdout().is_terminal() && std::io::stdin().is_terminal();
    // A configuration with a mistake stops the app before it takes the screen, as a case file
    // does for `check`: the problems are printed with file, line and column. (Read only when
    // the app will draw: a piped run prints the matrix.)
    let config = if interactive {
        match crate::tui::config::load_in_force(config_file.as_deref()) {
            Ok((config, _)) => config,
            Err(problems) => {
                report(&problems, lang);
                return INVALID;
            }
        }
    } else {
        crate::tui::config::Config::default()
    };
    let theme = crate::tui::theme::Theme::named(config.theme, Depth::detect(when));
    // A folder of several case files opens at once and is read in the background (the app
    // shows how far it got); one file, a piped run and `--notes` read it first.
    let folder = match &path {
        Some(p) => Some(p.clone()),
        None if Path::new("cases").is_dir() => Some(PathBuf::from("cases")),
        None => None,
    };
    let files = folder.and_then(|f| model::case_files(&f).ok());
    if let Some(files) = files.filter(|f| interactive && notes.is_none() && f.len() > 1) {
        let result = crate::tui::run(
            crate::tui::Start::Files(files),
            lang,
            (theme, config.keys),
            crate::notes::store::default_path,
        );
        return app_ended(result, &[], lang);
    }
    let ws = match default_workspace(path) {
        Ok(ws) => ws,
        Err(p) => return fail(&[*p], lang),
    };
    if ws.cases.is_empty() {
        report(&ws.problems, lang);
        message!(
            "{}",
            lang.pick("no case could be loaded", "inget ärende kunde läsas in")
        );
        return INVALID;
    }
    if !interactive {
        // Not interactive (piped): print the matrix instead of drawing the app.
        report(&ws.problems, lang);
        return out(&matrix::to_text(&ws.cases, Lens::Stance, lang, 100));
    }
    if let Err(code) = single_case_for_notes(notes.as_deref(), &ws, lang) {
        return code;
    }
    let notes_path = move |case: &model::Case| {
        notes
            .clone()
            .unwrap_or_else(|| crate::notes::store::default_path(case))
    };
    let problems = ws.problems.clone();
    let start = crate::tui::Start::Cases(ws.cases, ws.problems);
    let result = crate::tui::run(start, lang, (theme, config.keys), notes_path);
    app_ended(result, &problems, lang)
}

/// The exit code of the app, after printing the problems of the files that could not be
/// loaded (named in the app's status bar; here in full, with line and column, on the screen
/// the app leaves): those found before it started and those it found reading a folder; and
/// for each notes file the session could not write, where its notes went instead (then the
/// exit code is `INVALID`: the notes are not where the user expects them).
fn app_ended(
    result: std::io::Result<crate::tui::Ended>,
    before: &[model::Problem],
    lang: Lang,
) -> u8 {
    report(before, lang);
    if let Ok(ended) = &result {
        report(&ended.problems, lang);
        for e in &ended.unsaved {
            message!("remiss: {}", lang.unsaved_at_end(e));
        }
    }
    match (result, crate::tui::ended_by_signal()) {
        // Ended by a signal: 128 + its number, as a shell reports it (SIGINT: 130).
        (Ok(_), Some(signal)) => u8::try_from(128 + signal).unwrap_or(INVALID),
        (Ok(ended), None) if !ended.unsaved.is_empty() => INVALID,
        (Ok(ended), None) if ended.loaded => OK,
        (Ok(_), None) => {
            message!(
                "{}",
                lang.pick("no case could be loaded", "inget ärende kunde läsas in")
            );
            INVALID
        }
        (Err(e), _) => {
            message!("remiss: {}", crate::text::escape(&e.to_string()));
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
                // Each case's notes file beside it, where there is one: the app would not
                // load notes it cannot read.
                for case in ws.cases.iter().filter(|c| c.path.is_some()) {
                    let notes = crate::notes::store::default_path(case);
                    if notes.exists()
                        && let Err(found) = crate::notes::store::Store::open(notes, case)
                    {
                        problems.extend(found);
                    }
                }
            }
            Err(p) => problems.push(*p),
        }
    }
    report(&problems, lang);
    if problems.is_empty() {
        let msg = match lang {
            Lang::En => format!("{cases} case(s) valid"),
            Lang::Sv => format!("{cases} ärende(n) giltiga"),
        };
        out(&format!("{msg}\n"))
    } else {
        let msg = match lang {
            Lang::En => format!("{} problem(s); {cases} case(s) valid", problems.len()),
            Lang::Sv => format!("{} fel; {cases} ärende(n) giltiga", problems.len()),
        };
        message!("{msg}");
        INVALID
    }
}

/// `remiss matrix`'s conditions on the cases shown.
struct MatrixFilter {
    search: Option<String>,
    from: Option<chrono::NaiveDate>,
    to: Option<chrono::NaiveDate>,
}

fn print_matrix(
    path: &Path,
    by: LensArg,
    format: MatrixFormat,
    filter: MatrixFilter,
    lang: Lang,
) -> u8 {
    use crate::analysis::cross_case::{self, Filter};
    use crate::analysis::search::Index;
    let ws = match model::load_path(path) {
        Ok(ws) => ws,
        Err(p) => return fail(&[*p], lang),
    };
    report(&ws.problems, lang);
    let query = filter.search.as_deref().map(Query::parse);
    if let Some(q) = &query
        && !q.problems().is_empty()
    {
        for p in q.problems() {
            message!("remiss: {}", p.message(lang));
        }
        return USAGE;
    }
    let index = query.as_ref().map(|_| Index::build(&ws.cases));
    let filter = Filter {
        search: index.as_ref().zip(query.as_ref()),
        from: filter.from,
        to: filter.to,
    };
    let text = match by.per_case() {
        Some(lens) => {
            let shown: Vec<model::Case> = filter
                .cases(&ws.cases)
                .into_iter()
                .map(|c| ws.cases[c].clone())
                .collect();
            match format {
                MatrixFormat::Text => Ok(matrix::to_text(&shown, lens, lang, 100)),
                MatrixFormat::Markdown => Ok(matrix::to_markdown(&shown, lens, lang)),
                MatrixFormat::Csv => matrix::to_csv(&shown, lens, lang),
                MatrixFormat::Json => Ok(json_line(&matrix::to_json(&shown, lens, lang))),
            }
        }
        None => {
            let m = cross_case::case_matrix(&ws.cases, &filter);
            match format {
                MatrixFormat::Text => Ok(matrix::cases_to_text(&ws.cases, &m, lang, 100)),
                MatrixFormat::Markdown => Ok(matrix::cases_to_markdown(&ws.cases, &m, lang)),
                MatrixFormat::Csv => matrix::cases_to_csv(&ws.cases, &m, lang),
                MatrixFormat::Json => Ok(json_line(&matrix::cases_to_json(&ws.cases, &m))),
            }
        }
    };
    match text {
        Ok(text) => out_then_problems(&text, &ws.problems),
        Err(e) => {
            message!("remiss: {}", crate::text::escape(&e.to_string()));
            INVALID
        }
    }
}

/// `--notes FILE` names one case's notes: a usage error with several cases loaded.
pub(crate) fn single_case_for_notes(
    notes: Option<&Path>,
    ws: &Workspace,
    lang: Lang,
) -> Result<(), u8> {
    if notes.is_some() && ws.cases.len() > 1 {
        message!(
            "remiss: {}",
            lang.pick(
                "--notes needs a single case file",
                "--notes kräver en enda ärendefil"
            )
        );
        return Err(USAGE);
    }
    Ok(())
}

/// A JSON value on one line.
fn json_line(v: &serde_json::Value) -> String {
    let mut s = v.to_string();
    s.push('\n');
    s
}

/// Print `text`; the exit code says whether some files had problems.
fn out_then_problems(text: &str, problems: &[model::Problem]) -> u8 {
    let code = out(text);
    if problems.is_empty() { code } else { INVALID }
}

/// Load `path` for a command that reads cases: problems go to stderr; `Err` carries the exit
/// code when nothing could be loaded.
fn load_for_command(path: &Path, lang: Lang) -> Result<Workspace, u8> {
    let ws = model::load_path(path).map_err(|p| fail(&[*p], lang))?;
    report(&ws.problems, lang);
    if ws.cases.is_empty() {
        message!(
            "{}",
            lang.pick("no case could be loaded", "inget ärende kunde läsas in")
        );
        return Err(INVALID);
    }
    Ok(ws)
}

fn print_similar(
    path: &Path,
    threshold: f32,
    format: SimilarFormat,
    relations: usize,
    all_pairs: bool,
    lang: Lang,
) -> u8 {
    use crate::analysis::similarity::{Options, Similarity};
    let ws = match load_for_command(path, lang) {
        Ok(ws) => ws,
        Err(code) => return code,
    };
    let options = Options {
        threshold,
        max_relations: relations,
        paragraph_index: false,
        ..Options::default()
    };
    let sim = Similarity::build(&ws.cases, &options);
    let json = format == SimilarFormat::Json;
    let code = if all_pairs {
        buffered(|w| crate::export::similar::write_all_pairs(w, &ws.cases, &sim, json))
    } else if json {
        buffered(|w| crate::export::similar::write_json(w, &ws.cases, &sim))
    } else {
        out(&crate::export::similar::to_text(&ws.cases, &sim, lang))
    };
    // The process ends now: leave the memory to the OS rather than free it piece by piece.
    std::mem::forget(sim);
    std::mem::forget(ws.cases);
    if ws.problems.is_empty() {
        code
    } else {
        INVALID
    }
}

fn print_elsewhere(path: &Path, spec: &str, format: SimilarFormat, lang: Lang) -> u8 {
    use crate::analysis::similarity::{Options, PosRef, Similarity};
    let ws = match load_for_command(path, lang) {
        Ok(ws) => ws,
        Err(code) => return code,
    };
    let (id, paragraph) = match spec.rsplit_once('#') {
        Some((id, n)) => match n.parse::<usize>() {
            Ok(n) if n >= 1 => (id, Some(n - 1)),
            _ => {
                message!(
                    "remiss: {}",
                    match lang {
                        Lang::En => format!(
                            "`{}`: a paragraph is a number from 1 after #",
                            crate::text::escape(spec)
                        ),
                        Lang::Sv => format!(
                            "`{}`: ett stycke anges med ett tal från 1 efter #",
                            crate::text::escape(spec)
                        ),
                    }
                );
                return USAGE;
            }
        },
        None => (spec, None),
    };
    let (case, position) = match model::locate(&ws.cases, id) {
        Ok(found) => found,
        Err(e) => {
            message!("remiss: {}", locate_message(id, &e, lang));
            return USAGE;
        }
    };
    let paragraphs = ws.cases[case].text_of(position).len();
    if paragraph.is_some_and(|p| p >= paragraphs) {
        message!(
            "remiss: {}",
            match lang {
                Lang::En => format!(
                    "`{}` has {paragraphs} paragraph(s)",
                    crate::text::escape(id)
                ),
                Lang::Sv => format!("`{}` har {paragraphs} stycke(n)", crate::text::escape(id)),
            }
        );
        return USAGE;
    }
    let options = Options {
        paragraph_index: paragraph.is_some(),
        ..Options::default()
    };
    let sim = Similarity::build(&ws.cases, &options);
    let pos = PosRef { case, position };
    if !sim.contains(pos) {
        message!(
            "remiss: {}",
            lang.pick(
                "only reservations and statements with text are compared",
                "bara reservationer och uttalanden med text jämförs"
            )
        );
        return USAGE;
    }
    let found = sim.elsewhere(&ws.cases, pos, paragraph);
    let text = match format {
        SimilarFormat::Text => {
            crate::export::similar::elsewhere_text(&ws.cases, pos, paragraph, &found, lang)
        }
        SimilarFormat::Json => json_line(&crate::export::similar::elsewhere_json(
            &ws.cases, pos, paragraph, &found,
        )),
    };
    out_then_problems(&text, &ws.problems)
}

/// [`output::out_with`] through a buffer: for output written in many small pieces.
fn buffered(write: impl FnOnce(&mut dyn Write) -> std::io::Result<()>) -> u8 {
    output::out_with(|w| {
        let mut b = std::io::BufWriter::new(w);
        write(&mut b)?;
        b.flush()
    })
}

fn print_diff(path: &Path, a: &str, b: &str, when: When, lang: Lang) -> u8 {
    use crate::analysis::diff::{DiffOptions, diff_texts};
    let ws = match load_for_command(path, lang) {
        Ok(ws) => ws,
        Err(code) => return code,
    };
    let mut sides = Vec::new();
    for spec in [a, b] {
        match model::locate(&ws.cases, spec) {
            Ok(found) => sides.push(found),
            Err(e) => {
                message!("remiss: {}", locate_message(spec, &e, lang));
                return USAGE;
            }
        }
    }
    let describe = |(c, p): (usize, usize)| {
        format!(
            "{} ({})",
            model::qualified_id(&ws.cases, c, p),
            crate::model::citation::citation(&ws.cases[c], p)
        )
    };
    let text_of = |(c, p): (usize, usize)| ws.cases[c].text_of(p);
    let diff = diff_texts(
        text_of(sides[0]),
        text_of(sides[1]),
        &DiffOptions::default(),
    );
    let colour = Depth::detect(when).has_colour();
    out(&crate::export::diff::to_text(
        &describe(sides[0]),
        &describe(sides[1]),
        &diff,
        colour,
        lang,
    ))
}

/// "no position `x`; did you mean: a, b" / "`x` is in several cases: c1:x, c2:x".
fn locate_message(spec: &str, e: &model::LocateError, lang: Lang) -> String {
    let spec = crate::text::escape(spec);
    match e {
        model::LocateError::Unknown { close } if close.is_empty() => match lang {
            Lang::En => format!("no position `{spec}`"),
            Lang::Sv => format!("inget ställningstagande `{spec}`"),
        },
        model::LocateError::Unknown { close } => match lang {
            Lang::En => format!("no position `{spec}`; did you mean: {}", close.join(", ")),
            Lang::Sv => format!(
                "inget ställningstagande `{spec}`; menade du: {}",
                close.join(", ")
            ),
        },
        model::LocateError::Ambiguous { candidates } => match lang {
            Lang::En => format!(
                "`{spec}` is in several cases; name one: {}",
                candidates.join(", ")
            ),
            Lang::Sv => format!(
                "`{spec}` finns i flera ärenden; ange ett: {}",
                candidates.join(", ")
            ),
        },
    }
}

fn import(
    files: &[PathBuf],
    output: Option<&Path>,
    force: bool,
    paragraph: Option<u32>,
    strict: bool,
    lang: Lang,
) -> u8 {
    use crate::import::{Document, Options};
    use crate::text::escape;
    let shown: Vec<String> = files
        .iter()
        .map(|f| escape(&f.display().to_string()))
        .collect();
    // A FIFO or a device at -o is refused before the documents are read, not after.
    if let Some(out) = output.filter(|o| !o.is_dir())
        && let Err(e) = crate::atomic::check_writable(out)
    {
        return write_failed(out, &e, lang);
    }
    let mut docs = Vec::new();
    for (k, file) in files.iter().enumerate() {
        match crate::import::read_document(file) {
            Ok(text) => docs.push(Document {
                name: file.file_name().map_or_else(
                    || file.display().to_string(),
                    |n| n.to_string_lossy().into_owned(),
                ),
                text,
            }),
            Err(e) => {
                message!(
                    "{}: {}: {}",
                    shown[k],
                    lang.pick("error", "fel"),
                    escape(&e.message(lang))
                );
                return INVALID;
            }
        }
    }
    let options = Options { force, paragraph };
    let outcome = match crate::import::import(&docs, &options, lang) {
        Ok(o) => o,
        Err(refusal) => {
            message!(
                "remiss: {}: {}",
                lang.pick("error", "fel"),
                escape(&refusal.message(&shown, lang))
            );
            return INVALID;
        }
    };
    let mut count = 0;
    for (k, f) in outcome.files.iter().enumerate() {
        let name = shown.get(k).map_or("", String::as_str);
        let kind = f.genre.map_or(
            lang.pick("a document of no known kind", "ett dokument av okänt slag"),
            |g| g.name(lang),
        );
        if f.found.is_empty() {
            message!("{name}: {} {kind}", lang.pick("read as", "läst som"));
        } else {
            message!(
                "{name}: {} {kind}, {}",
                lang.pick("read as", "läst som"),
                escape(&f.found)
            );
        }
        for w in &f.warnings {
            count += 1;
            message!(
                "{name}:{}: {}: {}",
                w.line,
                lang.pick("warning", "varning"),
                escape(&w.message(lang))
            );
        }
    }
    if count > 0 {
        message!(
            "{}",
            match lang {
                Lang::En => format!("{count} warning(s)"),
                Lang::Sv => format!("{count} varning(ar)"),
            }
        );
    }
    // Where each case goes; then, after each file is written, its review summary, and with
    // --strict the verdict.
    let targets: Vec<Option<PathBuf>> = if outcome.cases.len() > 1 {
        let numbers: Vec<String> = outcome.cases.iter().map(|c| c.label.clone()).collect();
        let dir = match output {
            Some(d) if d.is_dir() || d.extension().is_none() => d,
            _ => {
                message!(
                    "remiss: {}: {}",
                    lang.pick("error", "fel"),
                    match lang {
                        Lang::En => format!(
                            "the protocol has {} §§ to import ({}); name one with --paragraph N, or give -o FOLDER for one case file each",
                            numbers.len(),
                            numbers.join(", ")
                        ),
                        Lang::Sv => format!(
                            "protokollet har {} paragrafer att importera ({}); ange en med --paragraph N, eller -o MAPP för en ärendefil var",
                            numbers.len(),
                            numbers.join(", ")
                        ),
                    }
                );
                return INVALID;
            }
        };
        if let Err(e) = std::fs::create_dir_all(dir) {
            message!(
                "{}: {}: {} {}",
                escape(&dir.display().to_string()),
                lang.pick("error", "fel"),
                lang.pick("cannot write:", "kan inte skriva:"),
                io_words(&e, lang)
            );
            return INVALID;
        }
        outcome
            .cases
            .iter()
            .map(|c| Some(dir.join(format!("{}.toml", c.hint))))
            .collect()
    } else {
        // One case into an existing folder: a file named after it there, as for several.
        let into = |dir: &Path, c: &crate::import::CaseText| dir.join(format!("{}.toml", c.hint));
        match (output, outcome.cases.first()) {
            (Some(dir), Some(c)) if dir.is_dir() => vec![Some(into(dir, c))],
            _ => vec![output.map(Path::to_path_buf)],
        }
    };
    let mut code = OK;
    let mut needs_review = false;
    for (c, target) in outcome.cases.iter().zip(&targets) {
        let written = match target {
            Some(path) => write_output(path, c.toml.as_bytes(), force, lang),
            None => out(&c.toml),
        };
        if written == OK {
            // The evidence's lines are the document's (of several extracts: each names its own).
            let name = shown.join(", ");
            needs_review |= review::import_summary(&name, &c.case, target.as_deref(), lang);
        }
        code = code.max(written);
    }
    if code == OK && strict && needs_review {
        review::REVIEW_NEEDED
    } else {
        code
    }
}

/// Write a command's output file (`-o FILE`) atomically, readable as the umask allows (it is
/// meant to be shared); an existing file only with `force`.
/// Say that `path` cannot be written, and why; the exit code.
fn write_failed(path: &Path, e: &std::io::Error, lang: Lang) -> u8 {
    message!(
        "{}: {}: {} {}",
        crate::text::escape(&path.display().to_string()),
        lang.pick("error", "fel"),
        lang.pick("cannot write:", "kan inte skriva:"),
        io_words(e, lang)
    );
    INVALID
}

pub(crate) fn write_output(path: &Path, bytes: &[u8], force: bool, lang: Lang) -> u8 {
    use crate::text::escape;
    match crate::atomic::write_file(path, bytes, force, crate::atomic::Access::Shared) {
        Ok(true) => OK,
        Ok(false) => {
            message!(
                "{}: {}: {}",
                escape(&path.display().to_string()),
                lang.pick("error", "fel"),
                lang.pick(
                    "the file exists; give --force to overwrite it",
                    "filen finns redan; ange --force för att skriva över den"
                )
            );
            INVALID
        }
        Err(e) => write_failed(path, &e, lang),
    }
}

struct SearchOptions {
    limit: usize,
    format: SearchFormat,
    full: bool,
    when: When,
    no_cache: bool,
}

fn search(path: &Path, query: &str, opts: SearchOptions, lang: Lang) -> u8 {
    let query = Query::parse(query);
    if !query.problems().is_empty() {
        for p in query.problems() {
            message!("remiss: {}", p.message(lang));
        }
        return USAGE;
    }
    let cache = if opts.no_cache {
        None
    } else {
        Cache::from_env()
    };
    let mut indexed = match cache::load_indexed(path, cache.as_ref()) {
        Ok(indexed) => indexed,
        Err(p) => return fail(&[*p], lang),
    };
    let (ws, index) = (&indexed.workspace, &indexed.index);
    report(&ws.problems, lang);
    let limit = if opts.limit == 0 {
        usize::MAX
    } else {
        opts.limit
    };
    let results = index.search(&ws.cases, &query, limit);
    let text = match opts.format {
        SearchFormat::Json => {
            let mut s = search_out::to_json(&ws.cases, &results).to_string();
            s.push('\n');
            s
        }
        SearchFormat::Text => {
            let bold = Depth::detect(opts.when).has_colour();
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
        message!(
            "{}",
            lang.pick("no paragraph matches", "inget stycke matchar")
        );
    }
    let code = out_then_problems(&text, &ws.problems);
    // After the output: a search that writes the cache prints as soon as one that does not.
    indexed.write_cache();
    // The process ends now: leave the memory to the OS instead of freeing a year of cases
    // one paragraph at a time (a tenth of a cached search's time).
    std::mem::forget(indexed);
    code
}

/// Print problems to stderr (they are already escaped for a terminal).
/// Print `problems` on stderr, each with its place and excerpt, in `lang`.
pub fn report(problems: &[model::Problem], lang: Lang) {
    for p in problems {
        output::to_stderr(lang.problem(p));
    }
}

/// Why a read or write failed, in `lang`, escaped for a terminal.
pub(crate) fn io_words(e: &std::io::Error, lang: Lang) -> String {
    crate::text::escape(&lang.file_error(&crate::atomic::FileError::of(e)))
}

pub(crate) fn fail(problems: &[model::Problem], lang: Lang) -> u8 {
    report(problems, lang);
    INVALID
}
