//! `remiss review`: the imported facts of a case file and the reviewer's decisions on them
//! (the core is [`crate::review`]); and the review summary that ends `remiss import`.

use super::output::{message, out};
use super::{INVALID, OK, USAGE};
use crate::i18n::Lang;
use crate::model::{self, Case, Review, Stance};
use crate::review::{self, Change, Destination, ReviewError, ReviewItem};
use crate::text::escape;
use clap::Args;
use std::fmt::Write as _;
use std::path::{Path, PathBuf};

/// Exit code of `remiss import --strict` when a fact is uncertain or text is unplaced.
pub const REVIEW_NEEDED: u8 = 3;

#[derive(Debug, Args)]
pub struct ReviewArgs {
    /// The case file (written by `remiss import`).
    pub file: PathBuf,
    /// List the facts to review, uncertain first, then inferred, and the unplaced text (the
    /// default when no change is given).
    #[arg(long)]
    pub list: bool,
    /// Also list the confirmed facts.
    #[arg(long, requires = "list")]
    pub all: bool,
    /// Confirm a fact: POSITION_ID#FACT or BODY_ID#FACT, as `--list` names it (repeatable).
    #[arg(long, value_name = "ID")]
    pub confirm: Vec<String>,
    /// Give a position another stance: POSITION_ID STANCE.
    #[arg(long, num_args = 2, value_names = ["POSITION", "STANCE"])]
    pub stance: Option<Vec<String>>,
    /// Replace a party of a position: POSITION_ID FROM TO.
    #[arg(long, num_args = 3, value_names = ["POSITION", "FROM", "TO"])]
    pub party: Option<Vec<String>>,
    /// Move an unplaced paragraph (SECTION#N, from 1) to the end of a position's text
    /// (POSITION_ID) or a body's decision (decision:BODY_ID).
    #[arg(long, num_args = 2, value_names = ["SECTION#N", "TARGET"])]
    pub assign: Option<Vec<String>>,
}

pub fn run(args: ReviewArgs, lang: Lang) -> u8 {
    let mut changes = Vec::new();
    for item in &args.confirm {
        changes.push(Change::Confirm { item: item.clone() });
    }
    if let Some(v) = &args.stance {
        let Some(stance) = Stance::parse(&v[1]) else {
            let valid: Vec<&str> = Stance::ALL.iter().map(|s| s.as_str()).collect();
            message!(
                "remiss: {} `{}` ({})",
                lang.pick("unknown stance", "okänt ställningstagande"),
                escape(&v[1]),
                valid.join(", ")
            );
            return USAGE;
        };
        changes.push(Change::Stance {
            position: v[0].clone(),
            stance,
        });
    }
    if let Some(v) = &args.party {
        changes.push(Change::Party {
            position: v[0].clone(),
            from: v[1].clone(),
            to: v[2].clone(),
        });
    }
    if let Some(v) = &args.assign {
        let Some((section, n)) = v[0]
            .rsplit_once('#')
            .and_then(|(s, n)| Some((s, n.parse::<usize>().ok().filter(|n| *n >= 1)?)))
        else {
            message!(
                "remiss: {}",
                lang.pick(
                    "--assign takes SECTION#N (a paragraph counted from 1) and a target",
                    "--assign tar AVSNITT#N (ett stycke räknat från 1) och ett mål"
                )
            );
            return USAGE;
        };
        let to = match v[1].strip_prefix("decision:") {
            Some(body) => Destination::Decision(body.to_string()),
            None => Destination::Position(v[1].clone()),
        };
        changes.push(Change::Assign {
            section: section.to_string(),
            paragraph: n - 1,
            to,
        });
    }
    let shown = escape(&args.file.display().to_string());
    if changes.is_empty() {
        return list(&args.file, args.all, lang);
    }
    for change in &changes {
        match review::apply_to_file(&args.file, change) {
            Ok(applied) => {
                message!(
                    "{}",
                    escape(&review::describe(change, applied.renamed.as_ref(), lang))
                );
            }
            Err(e @ ReviewError::NotFound(_)) => {
                message!(
                    "{shown}: {}: {}",
                    lang.pick("error", "fel"),
                    escape(&e.worded(lang))
                );
                return USAGE;
            }
            Err(ReviewError::Invalid(problems)) => {
                message!(
                    "{shown}: {}: {}",
                    lang.pick("error", "fel"),
                    lang.pick(
                        "the change would leave a file that does not load; the file is unchanged:",
                        "ändringen skulle ge en fil som inte går att läsa in; filen är oförändrad:"
                    )
                );
                super::report(&problems, lang);
                return INVALID;
            }
            Err(e) => {
                message!(
                    "{shown}: {}: {}",
                    lang.pick("error", "fel"),
                    escape(&e.worded(lang))
                );
                return INVALID;
            }
        }
    }
    OK
}

fn list(path: &Path, all: bool, lang: Lang) -> u8 {
    let case = match model::load_file(path) {
        Ok(c) => c,
        Err(problems) => return super::fail(&problems, lang),
    };
    let mut text = String::new();
    let items = review::items(&case);
    for item in items
        .iter()
        .filter(|i| all || i.review != Review::Confirmed)
    {
        text.push_str(&describe_item(&case, item, lang));
    }
    for s in review::unplaced(&case) {
        for (k, p) in s.paragraphs.iter().enumerate() {
            let _ = writeln!(
                text,
                "{:<10} {}#{}  {}: \"{}\"",
                lang.pick("unplaced", "ej placerad"),
                s.id,
                k + 1,
                s.title,
                shorten(p)
            );
        }
    }
    if text.is_empty() {
        text = format!(
            "{}\n",
            lang.pick(
                "nothing to review: no fact of this file is inferred and unconfirmed",
                "inget att granska: inget faktum i filen är härlett och obekräftat"
            )
        );
    }
    out(&escape_lines(&text))
}

/// One fact: review state, id and value; then each evidence entry's rule, lines, sentence and
/// note.
fn describe_item(case: &Case, item: &ReviewItem, lang: Lang) -> String {
    let mut s = format!(
        "{:<10} {}  {}\n",
        lang.review(item.review),
        item.id,
        review::value_of(case, item)
    );
    for e in &item.evidence {
        let _ = writeln!(
            s,
            "{:<10}   {} · {} · \"{}\"",
            "",
            e.rule,
            lines(e.lines, lang),
            e.sentence
        );
        if let Some(note) = &e.note {
            let _ = writeln!(s, "{:<10}   {note}", "");
        }
    }
    s
}

fn lines((first, last): (usize, usize), lang: Lang) -> String {
    crate::import::line_span(first, last, lang)
}

fn shorten(p: &str) -> String {
    const MAX: usize = 120;
    if p.chars().count() <= MAX {
        return p.to_string();
    }
    let mut s: String = p.chars().take(MAX - 1).collect();
    s.push('…');
    s
}

/// Escape each line for the terminal, keeping the line breaks.
fn escape_lines(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for line in text.lines() {
        out.push_str(&escape(line));
        out.push('\n');
    }
    out
}

/// The review summary that ends `remiss import` (on stderr): every uncertain fact with its
/// evidence and every unplaced section with its lines, as `FILE:LINE: uncertain: …` and
/// `FILE:LINE: unplaced: …`, then a count. Returns whether anything needs a review (for
/// `--strict`).
pub fn import_summary(shown: &str, case: &Case, written: Option<&Path>, lang: Lang) -> bool {
    let items = review::items(case);
    let uncertain: Vec<&ReviewItem> = items
        .iter()
        .filter(|i| i.review == Review::Uncertain)
        .collect();
    let inferred = items
        .iter()
        .filter(|i| i.review == Review::Inferred)
        .count();
    for item in &uncertain {
        for e in item
            .evidence
            .iter()
            .filter(|e| e.review == Review::Uncertain)
        {
            let mut line = format!(
                "{shown}:{}: {}: {} = {} ({}, {}): \"{}\"",
                e.lines.0,
                lang.pick("uncertain", "osäkert"),
                item.id,
                review::value_of(case, item),
                e.rule,
                lines(e.lines, lang),
                e.sentence
            );
            if let Some(note) = &e.note {
                let _ = write!(line, "; {note}");
            }
            message!("{}", escape(&line));
        }
    }
    let unplaced = review::unplaced(case);
    for s in &unplaced {
        message!(
            "{shown}: {}: {} ({})",
            lang.pick("unplaced", "ej placerad"),
            escape(&s.id),
            escape(&s.title)
        );
    }
    let file = written.map_or_else(|| "FILE".to_string(), |p| escape(&p.display().to_string()));
    message!(
        "{}",
        match lang {
            Lang::En => format!(
                "review: {} uncertain, {} unplaced, {inferred} inferred and not yet reviewed; `remiss review {file}` lists them",
                uncertain.len(),
                unplaced.len()
            ),
            Lang::Sv => format!(
                "granskning: {} osäkra, {} ej placerade, {inferred} härledda och ännu inte granskade; `remiss review {file}` listar dem",
                uncertain.len(),
                unplaced.len()
            ),
        }
    );
    !uncertain.is_empty() || !unplaced.is_empty()
}
