//! `remiss notes`: print a case's debate notes, or add quotes to them from the command line.

use super::output::{message, out};
use super::{INVALID, OK, USAGE, fail, report};
use crate::export::notes as export;
use crate::i18n::Lang;
use crate::model::Part;
use crate::model::{self, Case};
use crate::notes::store::{Store, default_path};
use crate::notes::{ItemKind, Notes, Quote};
use crate::text::escape;
use std::path::{Path, PathBuf};

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum NotesFormat {
    Markdown,
    Text,
    Json,
    /// Word (.docx); needs -o.
    Docx,
}

#[derive(Debug, clap::Args)]
pub struct NotesArgs {
    /// Case file or folder.
    pub path: PathBuf,
    /// The notes file (default: beside the case file, `NAME.notes.toml`).
    #[arg(long)]
    pub notes: Option<PathBuf>,
    /// With a folder of several cases: the case (id or dnr).
    #[arg(long)]
    pub case: Option<String>,
    #[arg(long, value_enum, default_value = "markdown")]
    pub format: NotesFormat,
    /// Write to this file instead of standard output (needed for docx).
    #[arg(short, long, value_name = "FILE")]
    pub output: Option<PathBuf>,
    /// Overwrite FILE if it exists.
    #[arg(long, requires = "output")]
    pub force: bool,
    /// Add a quote, then print: a position id (`socialnamnden/reservation/M`),
    /// `section:ID`, `decision:BODY` or `proposal`, optionally with paragraphs `#2` or `#2-3`
    /// (from 1; default all). May be given several times.
    #[arg(long, value_name = "SOURCE[#N[-M]]")]
    pub add: Vec<String>,
    /// With --add: a heading to add before the quotes.
    #[arg(long)]
    pub heading: Option<String>,
    /// With --add: a comment under each added quote.
    #[arg(long)]
    pub comment: Option<String>,
}

pub fn run(args: NotesArgs, lang: Lang) -> u8 {
    let ws = match model::load_path(&args.path) {
        Ok(ws) => ws,
        Err(p) => return fail(&[*p], lang),
    };
    report(&ws.problems, lang);
    let cases: Vec<&Case> = match &args.case {
        Some(want) => ws
            .cases
            .iter()
            .filter(|c| c.id == *want || c.dnr == *want)
            .collect(),
        None => ws.cases.iter().collect(),
    };
    if cases.is_empty() {
        message!(
            "remiss: {}",
            lang.pick("no such case", "inget sådant ärende")
        );
        return INVALID;
    }
    let adding = !args.add.is_empty() || args.heading.is_some();
    if cases.len() > 1 && (adding || args.notes.is_some()) {
        message!(
            "remiss: {}",
            lang.pick(
                "several cases are loaded: name one with --case",
                "flera ärenden är inlästa: välj ett med --case"
            )
        );
        return USAGE;
    }
    if args.format == NotesFormat::Docx && args.output.is_none() {
        message!(
            "remiss: {}",
            lang.pick(
                "--format docx needs -o FILE.docx",
                "--format docx kräver -o FIL.docx"
            )
        );
        return USAGE;
    }
    let mut text = String::new();
    let mut docx: Vec<Vec<u8>> = Vec::new();
    let mut code = if ws.problems.is_empty() { OK } else { INVALID };
    for case in cases {
        let path = args.notes.clone().unwrap_or_else(|| default_path(case));
        let (mut store, mut notes) = match Store::open(path.clone(), case) {
            Ok(x) => x,
            Err(problems) => {
                report(&problems, lang);
                code = INVALID;
                continue;
            }
        };
        if adding {
            match add(case, &mut notes, &args, lang) {
                Ok(()) => {}
                Err(msg) => {
                    message!("remiss: {msg}");
                    return INVALID;
                }
            }
            match store.save(&notes) {
                Ok(saved) => {
                    notes = saved.notes;
                    message!(
                        "{} {} → {}",
                        lang.pick("saved", "sparat"),
                        notes.items.len(),
                        escape(&path.display().to_string())
                    );
                }
                Err(e) => {
                    message!("remiss: {}", lang.save_error(&e));
                    return INVALID;
                }
            }
        } else if notes.items.is_empty() && args.case.is_none() && !is_single(&args.path) {
            // In a folder, print only the cases that have notes.
            continue;
        }
        if args.format == NotesFormat::Docx {
            match crate::export::docx::to_docx(&notes, Some(case), lang) {
                Ok(bytes) => docx.push(bytes),
                Err(e) => {
                    message!("remiss: {}", escape(&e.to_string()));
                    return INVALID;
                }
            }
        } else {
            text.push_str(&render(&notes, case, args.format, lang));
        }
    }
    let written = match (&args.output, args.format) {
        (Some(path), NotesFormat::Docx) => match docx.as_slice() {
            [bytes] => super::write_output(path, bytes, args.force, lang),
            _ => {
                message!(
                    "remiss: {}",
                    lang.pick(
                        "a .docx holds one case's notes: name the case with --case",
                        "en .docx rymmer ett ärendes anteckningar: välj ärendet med --case"
                    )
                );
                return USAGE;
            }
        },
        (Some(path), _) => super::write_output(path, text.as_bytes(), args.force, lang),
        (None, _) => out(&text),
    };
    if written != OK { written } else { code }
}

fn is_single(path: &Path) -> bool {
    path.is_file()
}

fn render(notes: &Notes, case: &Case, format: NotesFormat, lang: Lang) -> String {
    match format {
        NotesFormat::Markdown => export::to_markdown(notes, Some(case), lang),
        NotesFormat::Text => export::to_text(notes, Some(case), lang),
        NotesFormat::Json => {
            let mut s = export::to_json(notes, Some(case)).to_string();
            s.push('\n');
            s
        }
        // Written as bytes by `run`.
        NotesFormat::Docx => String::new(),
    }
}

/// Add the heading and the quotes named by `--add` to `notes`.
fn add(case: &Case, notes: &mut Notes, args: &NotesArgs, lang: Lang) -> Result<(), String> {
    if let Some(h) = &args.heading {
        notes.push(ItemKind::Heading(crate::text::clean(h.trim())));
    }
    for spec in &args.add {
        let mut q = quote(case, spec, lang)?;
        if let Some(c) = &args.comment {
            q.comment = crate::text::clean(c.trim());
        }
        notes.push(ItemKind::Quote(q));
    }
    Ok(())
}

/// A quote from `SOURCE[#N[-M]]`.
pub fn quote(case: &Case, spec: &str, lang: Lang) -> Result<Quote, String> {
    let (key, range) = match spec.split_once('#') {
        Some((k, r)) => (k, Some(r)),
        None => (spec, None),
    };
    let part = Part::from_key(case, key);
    let Some(paragraphs) = part.and_then(|p| p.paragraphs(case)) else {
        let (key, dnr) = (escape(key), escape(&case.dnr));
        return Err(match lang {
            Lang::En => format!("no position or section `{key}` in {dnr}"),
            Lang::Sv => format!("inget ställningstagande eller avsnitt `{key}` i {dnr}"),
        });
    };
    let n = paragraphs.len();
    let (from, to) = match range {
        None => (1, n),
        Some(r) => {
            let parse = |s: &str| s.trim().parse::<usize>().ok();
            match r.split_once('-') {
                Some((a, b)) => (parse(a).unwrap_or(0), parse(b).unwrap_or(0)),
                None => (parse(r).unwrap_or(0), parse(r).unwrap_or(0)),
            }
        }
    };
    if from == 0 || to < from || to > n {
        let spec = escape(spec);
        return Err(match lang {
            Lang::En => format!("`{spec}`: paragraphs are 1 to {n}"),
            Lang::Sv => format!("`{spec}`: styckena är 1 till {n}"),
        });
    }
    let q = part.and_then(|p| Quote::new(case, p, (from - 1, to - 1), None));
    q.ok_or_else(|| {
        let spec = escape(spec);
        match lang {
            Lang::En => format!("`{spec}` has no text to quote"),
            Lang::Sv => format!("`{spec}` har ingen text att citera"),
        }
    })
}
