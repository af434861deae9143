//! The wording of load problems ([`ProblemKind`]) and file errors ([`FileError`]) in both
//! languages. The model and the `atomic` gate say *what* is wrong, as data; this is the one
//! place that says it in words. The `Display` of [`Problem`], [`FileError`] and
//! [`ReadError`] is the English wording (for logs, tests and library callers without a
//! language); the command line and the app use [`Lang::problem`] and [`Lang::file_error`].

use super::Lang;
use crate::atomic::{FileError, FileKind, ReadError, Verb};
use crate::model::error::{ConfigMistake, IdOf, KeyTable, Problem, ProblemKind, Thing, ValueOf};
use crate::notes::store::{SaveError, SaveStep};

use crate::text;
use std::fmt;
use std::io::ErrorKind;

impl Lang {
    /// A problem as the command line prints it: `file:line:column: error: what`, then the
    /// offending line with a caret under the column ([`Problem::excerpt`]). Escaped for a
    /// terminal.
    pub fn problem(self, p: &Problem) -> String {
        format!(
            "{}: {}: {}{}",
            p.place(),
            self.pick("error", "fel"),
            self.problem_message(&p.kind),
            p.excerpt()
        )
    }

    /// What is wrong, one line, escaped for a terminal (no place, no excerpt): for a status
    /// bar or a short message.
    pub fn problem_message(self, kind: &ProblemKind) -> String {
        text::escape(&self.problem_words(kind))
    }

    /// A message of the TOML parser (as the `toml` and `toml_edit` crates word it) in this
    /// language: as it is in English, translated phrase by phrase in Swedish.
    pub fn toml_message(self, detail: &str) -> String {
        match self {
            Lang::En => detail.to_string(),
            Lang::Sv => toml_sv(detail),
        }
    }

    /// Why a file could not be read or written, in running text ("no such file or folder").
    /// Not escaped: a path in it is the user's own.
    pub fn file_error(self, e: &FileError) -> String {
        let sv = self == Lang::Sv;
        match e {
            FileError::NotFound => self
                .pick("no such file or folder", "filen eller mappen finns inte")
                .into(),
            FileError::PermissionDenied => self.pick("permission denied", "åtkomst nekas").into(),
            FileError::NotRegular { path, kind, verb } => {
                let what = self.file_kind(*kind);
                let it = path
                    .clone()
                    .unwrap_or_else(|| self.pick("it", "det").into());
                if sv {
                    let verb = match verb {
                        Verb::Read => "läser",
                        Verb::Write => "skriver",
                        Verb::Use => "använder",
                    };
                    format!("{it} är {what}, inte en vanlig fil; remiss {verb} bara vanliga filer")
                } else {
                    let verb = match verb {
                        Verb::Read => "reads",
                        Verb::Write => "writes",
                        Verb::Use => "uses",
                    };
                    format!("{it} is {what}, not a regular file; remiss {verb} only regular files")
                }
            }
            FileError::DanglingLink { target } => match self {
                Lang::En => format!("a symbolic link to {target}, which does not exist"),
                Lang::Sv => format!("en symbolisk länk till {target}, som inte finns"),
            },
            FileError::LinkLoop { path } => match self {
                Lang::En => format!("{path} is a loop of symbolic links"),
                Lang::Sv => format!("{path} är en slinga av symboliska länkar"),
            },
            FileError::TooLarge { size, limit } => {
                let first = self.too_large(*size, *limit);
                match self {
                    Lang::En => format!("{first}; at most {} MiB is read", mib0(*limit)),
                    Lang::Sv => format!("{first}; högst {} MiB läses", mib0(*limit)),
                }
            }
            FileError::System { kind, text } => match (self, system_sv(*kind)) {
                (Lang::Sv, Some(words)) => words.into(),
                (Lang::Sv, None) => format!("systemfel ({text})"),
                (Lang::En, _) => text.clone(),
            },
        }
    }

    /// Why the notes could not be saved, one line, escaped for a terminal.
    pub fn save_error(self, e: &SaveError) -> String {
        match e {
            SaveError::Unreadable { problem, recovered } => {
                let why = format!(
                    "{}: {}",
                    problem.place(),
                    self.problem_message(&problem.kind)
                );
                let mut m = match self {
                    Lang::En => {
                        format!("the notes file on disk cannot be read ({why}); not overwritten")
                    }
                    Lang::Sv => format!(
                        "anteckningsfilen på disken kan inte läsas ({why}); den skrevs inte över"
                    ),
                };
                if let Some(r) = recovered {
                    let r = text::escape(&r.display().to_string());
                    m.push_str(&match self {
                        Lang::En => format!("; this session's notes are in {r}"),
                        Lang::Sv => format!("; sessionens anteckningar finns i {r}"),
                    });
                }
                m
            }
            SaveError::Io { step, path, reason } => {
                let step = match (self, step) {
                    (Lang::En, SaveStep::CreateFolder) => "cannot create the folder of",
                    (Lang::En, SaveStep::Lock) => "cannot lock",
                    (Lang::En, SaveStep::Write) => "cannot write",
                    (Lang::Sv, SaveStep::CreateFolder) => "kan inte skapa mappen för",
                    (Lang::Sv, SaveStep::Lock) => "kan inte låsa",
                    (Lang::Sv, SaveStep::Write) => "kan inte skriva",
                };
                text::escape(&format!(
                    "{step} {}: {}",
                    path.display(),
                    self.file_error(reason)
                ))
            }
        }
    }

    /// What the app tells when it ends of a notes file whose last save failed (one line,
    /// escaped): where the session's notes went instead, or that they were not saved.
    pub fn unsaved_at_end(self, e: &SaveError) -> String {
        let recovered = matches!(
            e,
            SaveError::Unreadable {
                recovered: Some(_),
                ..
            }
        );
        format!(
            "{}: {}",
            self.notes_not_saved(recovered),
            self.save_error(e)
        )
    }

    /// The head of a message about a save that did not write the notes file: the notes went
    /// to a recovery file beside it (`recovered`), or nowhere.
    pub fn notes_not_saved(self, recovered: bool) -> &'static str {
        if recovered {
            self.pick(
                "Notes saved in a recovery file",
                "Anteckningarna sparades i en återställningsfil",
            )
        } else {
            self.pick("Notes not saved", "Anteckningarna sparades inte")
        }
    }

    /// What a path is that is not a regular file: "a FIFO (named pipe)", "en mapp".
    fn file_kind(self, kind: FileKind) -> &'static str {
        match (self, kind) {
            (Lang::En, FileKind::Folder) => "a folder",
            (Lang::En, FileKind::Fifo) => "a FIFO (named pipe)",
            (Lang::En, FileKind::CharDevice) => "a character device",
            (Lang::En, FileKind::BlockDevice) => "a block device",
            (Lang::En, FileKind::Socket) => "a socket",
            (Lang::En, FileKind::Other) => "not a regular file",
            (Lang::Sv, FileKind::Folder) => "en mapp",
            (Lang::Sv, FileKind::Fifo) => "en FIFO (namngiven pipe)",
            (Lang::Sv, FileKind::CharDevice) => "en teckenenhet",
            (Lang::Sv, FileKind::BlockDevice) => "en blockenhet",
            (Lang::Sv, FileKind::Socket) => "en socket",
            (Lang::Sv, FileKind::Other) => "ingen vanlig fil",
        }
    }

    /// "the file is 40.0 MiB" or "the input is larger than 32 MiB".
    fn too_large(self, size: Option<u64>, limit: u64) -> String {
        match (self, size) {
            (Lang::En, Some(s)) => format!("the file is {:.1} MiB", mib(s)),
            (Lang::En, None) => format!("the input is larger than {} MiB", mib0(limit)),
            (Lang::Sv, Some(s)) => format!("filen är {} MiB", decimal_comma(mib(s))),
            (Lang::Sv, None) => format!("indata är större än {} MiB", mib0(limit)),
        }
    }

    fn problem_words(self, kind: &ProblemKind) -> String {
        match self {
            Lang::En => en(kind),
            Lang::Sv => sv(kind),
        }
    }
}

fn mib(bytes: u64) -> f64 {
    bytes as f64 / (1024.0 * 1024.0)
}

fn mib0(bytes: u64) -> String {
    format!("{:.0}", mib(bytes))
}

/// A whole number in groups of three digits: `sep` ',' in English, ' ' in Swedish.
fn grouped(n: usize, sep: char) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, d) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(sep);
        }
        out.push(d);
    }
    out
}

/// A number with one decimal, written the Swedish way ("40,5").
fn decimal_comma(x: f64) -> String {
    format!("{x:.1}").replace('.', ",")
}

/// The system's errors that are common enough to word in Swedish (the rest keep the
/// system's own words).
fn system_sv(kind: ErrorKind) -> Option<&'static str> {
    Some(match kind {
        ErrorKind::StorageFull => "disken är full",
        ErrorKind::ReadOnlyFilesystem => "filsystemet är skrivskyddat",
        ErrorKind::AlreadyExists => "filen finns redan",
        ErrorKind::IsADirectory => "det är en mapp",
        ErrorKind::NotADirectory => "en del av sökvägen är ingen mapp",
        ErrorKind::QuotaExceeded => "diskkvoten är slut",
        ErrorKind::FileTooLarge => "filen är för stor",
        ErrorKind::BrokenPipe => "mottagaren stängde röret",
        ErrorKind::Interrupted => "avbruten",
        ErrorKind::OutOfMemory => "minnet räcker inte",
        ErrorKind::InvalidData => "ogiltiga data",
        _ => return None,
    })
}

/// A mistake in the configuration file, in English.
fn config_en(m: &ConfigMistake) -> String {
    use ConfigMistake as M;
    let dym = |s: &Option<String>| did_you_mean(Lang::En, s);
    match m {
        M::UnknownKey { name, suggestion } => format!(
            "unknown key `{name}`{} (the configuration takes: theme, keys)",
            dym(suggestion)
        ),
        M::UnknownTheme {
            name,
            suggestion,
            valid,
        } => format!(
            "unknown theme `{name}`{} (valid: {})",
            dym(suggestion),
            valid.join(", ")
        ),
        M::ThemeNotName { valid } => {
            format!("`theme` is a name in quotes: one of {}", valid.join(", "))
        }
        M::KeysNotTable => "`keys` is a table of screens: [keys.reader], [keys.global], …".into(),
        M::UnknownScreen {
            name,
            suggestion,
            valid,
        } => format!(
            "unknown screen `{name}` in [keys]{} (valid: {})",
            dym(suggestion),
            valid.join(", ")
        ),
        M::SectionNotTable { section } => {
            format!("`keys.{section}` is a table: action = key, or action = [keys]")
        }
        M::UnknownAction {
            name,
            section,
            suggestion,
            known,
            global,
        } => {
            let known = known.join(", ");
            let hint = if *global {
                format!(" ([keys.global] takes: {known}; other actions are set per screen)")
            } else {
                format!(
                    " (`remiss config --default` lists the actions of every screen; this one \
                     takes: {known})"
                )
            };
            format!(
                "unknown action `{name}` in [keys.{section}]{}{hint}",
                dym(suggestion)
            )
        }
        M::NotKeys { action } => {
            format!("`{action}` takes a key or a list of keys, e.g. \"y\" or [\"y\", \"Ctrl-y\"]")
        }
        M::KeyNotName => "a key is a name in quotes, e.g. \"y\", \"Ctrl-r\", \"PgDn\"".into(),
        M::PlainCharTyped { section, action } => format!(
            "in [keys.{section}] a plain character is typed as text; give `{action}` a key with \
             Ctrl- or Alt-, or a named key such as \"F2\""
        ),
        M::UnknownKeyName { text, suggestion } => format!(
            "unknown key `{text}`{} (a character such as \"y\" or \"?\", or a name: Enter, Esc, \
             Tab, Backspace, Del, Insert, Up, Down, Left, Right, Home, End, PgUp, PgDn, Space, \
             F1–F24; with Ctrl- or Alt- before it, or Shift- before a letter or Tab)",
            dym(suggestion)
        ),
        M::KeyConflict {
            key,
            mine,
            other,
            section,
        } => format!(
            "`{key}` would mean both `{mine}` and `{other}` in [keys.{section}]; give `{other}` \
             another key there, or unbind it (`{other} = []`)"
        ),
    }
}

/// A mistake in the configuration file, in Swedish (names of keys, screens, actions and
/// themes stay as the file writes them).
fn config_sv(m: &ConfigMistake) -> String {
    use ConfigMistake as M;
    let dym = |s: &Option<String>| did_you_mean(Lang::Sv, s);
    match m {
        M::UnknownKey { name, suggestion } => format!(
            "okänd nyckel `{name}`{} (konfigurationen tar: theme, keys)",
            dym(suggestion)
        ),
        M::UnknownTheme {
            name,
            suggestion,
            valid,
        } => format!(
            "okänt tema `{name}`{} (giltiga: {})",
            dym(suggestion),
            valid.join(", ")
        ),
        M::ThemeNotName { valid } => {
            format!(
                "`theme` är ett namn inom citattecken: ett av {}",
                valid.join(", ")
            )
        }
        M::KeysNotTable => "`keys` är en tabell av skärmar: [keys.reader], [keys.global], …".into(),
        M::UnknownScreen {
            name,
            suggestion,
            valid,
        } => format!(
            "okänd skärm `{name}` i [keys]{} (giltiga: {})",
            dym(suggestion),
            valid.join(", ")
        ),
        M::SectionNotTable { section } => {
            format!("`keys.{section}` är en tabell: åtgärd = tangent, eller åtgärd = [tangenter]")
        }
        M::UnknownAction {
            name,
            section,
            suggestion,
            known,
            global,
        } => {
            let known = known.join(", ");
            let hint = if *global {
                format!(" ([keys.global] tar: {known}; andra åtgärder anges per skärm)")
            } else {
                format!(
                    " (`remiss config --default` visar alla skärmars åtgärder; den här tar: \
                     {known})"
                )
            };
            format!(
                "okänd åtgärd `{name}` i [keys.{section}]{}{hint}",
                dym(suggestion)
            )
        }
        M::NotKeys { action } => format!(
            "`{action}` tar en tangent eller en lista av tangenter, t.ex. \"y\" eller \
             [\"y\", \"Ctrl-y\"]"
        ),
        M::KeyNotName => {
            "en tangent är ett namn inom citattecken, t.ex. \"y\", \"Ctrl-r\", \"PgDn\"".into()
        }
        M::PlainCharTyped { section, action } => format!(
            "i [keys.{section}] skrivs ett vanligt tecken som text; ge `{action}` en tangent med \
             Ctrl- eller Alt-, eller en namngiven tangent som \"F2\""
        ),
        M::UnknownKeyName { text, suggestion } => format!(
            "okänd tangent `{text}`{} (ett tecken som \"y\" eller \"?\", eller ett namn: Enter, \
             Esc, Tab, Backspace, Del, Insert, Up, Down, Left, Right, Home, End, PgUp, PgDn, \
             Space, F1–F24; med Ctrl- eller Alt- före, eller Shift- före en bokstav eller Tab)",
            dym(suggestion)
        ),
        M::KeyConflict {
            key,
            mine,
            other,
            section,
        } => format!(
            "`{key}` skulle betyda både `{mine}` och `{other}` i [keys.{section}]; ge `{other}` \
             en annan tangent där, eller ta bort dess tangent (`{other} = []`)"
        ),
    }
}

/// "; did you mean `x`?" or nothing.
fn did_you_mean(lang: Lang, s: &Option<String>) -> String {
    match (lang, s) {
        (Lang::En, Some(s)) => format!("; did you mean `{s}`?"),
        (Lang::Sv, Some(s)) => format!("; menade du `{s}`?"),
        (_, None) => String::new(),
    }
}

fn en(kind: &ProblemKind) -> String {
    use ProblemKind as K;
    let lang = Lang::En;
    let mib_limit = |limit: u64| mib0(limit);
    match kind {
        K::CannotRead(e) => format!("cannot read: {}", lang.file_error(e)),
        K::CannotReadFolder(e) => format!("cannot read folder: {}", lang.file_error(e)),
        K::TooLarge { size, limit } => format!(
            "{}; a case file may be at most {} MiB",
            lang.too_large(*size, *limit),
            mib_limit(*limit)
        ),
        K::Binary => "this is a binary file, not a TOML case file (NUL byte)".into(),
        K::NotUtf8 { byte } => {
            format!("the file is not valid UTF-8 (byte 0x{byte:02X}); save it as UTF-8")
        }
        K::Empty => {
            "the file is empty; a case file starts with `format = 1` and a [case] table".into()
        }
        K::Toml { detail } => detail.clone(),
        K::Config(m) => config_en(m),
        K::TooDeep => {
            "keys or tables nested too deeply (more levels than the parser follows)".into()
        }
        K::TooManyTokens { limit } => format!(
            "more than {} values, brackets and separators in one table, more than remiss \
             reads at once; split the table, or check that this is the right file",
            grouped(*limit, ',')
        ),
        K::DuplicateCaseId { id, first } => {
            format!("case id `{id}` is already used by {first}; give one an explicit [case] id")
        }
        K::FormatVersion { found, reads } => {
            format!("this file is case format {found}; this remiss reads format {reads}")
        }
        K::UnknownKey {
            name,
            suggestion,
            expected,
        } => {
            let mut m = format!("unknown key `{name}`{}", did_you_mean(lang, suggestion));
            if !expected.is_empty() {
                m.push_str(&format!(" (this table takes: {})", expected.join(", ")));
            }
            m
        }
        K::UnknownValue {
            of,
            name,
            suggestion,
            valid,
        } => {
            let what = match of {
                ValueOf::Fact => "fact",
                ValueOf::Stance => "stance",
                ValueOf::Review => "review",
                ValueOf::Method => "method",
                ValueOf::Vote => "vote",
                ValueOf::Kind => "kind",
            };
            format!(
                "unknown {what} `{name}`{} (valid: {})",
                did_you_mean(lang, suggestion),
                valid.join(", ")
            )
        }
        K::MissingKey { name, table } => {
            let table = match table {
                KeyTable::TopLevel => "the top level",
                KeyTable::Case => "[case]",
                KeyTable::Parties => "[[parties]]",
                KeyTable::Majority => "[majority]",
                KeyTable::Positions => "[[positions]]",
                KeyTable::Sections => "[[case.sections]]",
                KeyTable::BodiesOrOthers => {
                    "[[bodies]] (or [[parties]], [[case.authors]], signatories)"
                }
                KeyTable::Some => "a table",
            };
            format!("missing required key `{name}` in {table}")
        }
        K::NotRealDate { key } => format!("`{key}` is not a real date"),
        K::DateWithTime { key } => {
            format!("`{key}` must be a date like 2026-02-17, without a time")
        }
        K::CountRange { key, max } => format!("`{key}` is a whole number from 0 to {max}"),
        K::BadId(of) => match of {
            IdOf::Case => "an id may hold lower-case letters a-z, digits, `-` and `_`",
            IdOf::Body => "a body id may hold lower-case letters a-z, digits, `-` and `_`",
            IdOf::Position => "a position id has no spaces, e.g. `socialnamnden/reservation/M`",
            IdOf::Point => "a point id is a short word without spaces or `/`, e.g. `2` or `3b`",
            IdOf::PartyCode => "a party code is a short word without spaces, e.g. `M`",
        }
        .into(),
        K::BadColour => "a colour is written `#RRGGBB`, e.g. `#1B49DD`".into(),
        K::DeclaredTwice { thing, id } => match thing {
            Thing::Party => format!("party `{id}` is declared twice"),
            Thing::Body => format!("body `{id}` is declared twice"),
            Thing::Point => format!("point `{id}` is declared twice"),
            Thing::Section => format!("section `{id}` appears twice"),
            Thing::NotesItem => format!("item id `{id}` appears twice"),
        },
        K::EmptySection { id } => format!("section `{id}` has no text"),
        K::UnknownParty {
            code,
            suggestion,
            declared,
        } => {
            let list = if declared.is_empty() {
                " (no [[parties]] are declared)".to_string()
            } else {
                format!(" (declared: {})", declared.join(", "))
            };
            format!(
                "unknown party `{code}`{}{list}",
                did_you_mean(lang, suggestion)
            )
        }
        K::UnknownBody {
            name,
            suggestion,
            none_declared,
        } => format!(
            "unknown body `{name}`{}{}",
            did_you_mean(lang, suggestion),
            if *none_declared {
                " (no [[bodies]] are declared)"
            } else {
                ""
            }
        ),
        K::UnknownPoint {
            id,
            suggestion,
            none_declared,
        } => format!(
            "unknown point `{id}`{}{}",
            did_you_mean(lang, suggestion),
            if *none_declared {
                " (no [[points]] are declared)"
            } else {
                ""
            }
        ),
        K::UnknownLink {
            key,
            target,
            suggestion,
        } => format!(
            "`{key}` names an unknown position `{target}`{}",
            did_you_mean(lang, suggestion)
        ),
        K::LinkToSelf => "a position cannot refer to itself".into(),
        K::LinkLoop => "`identical_to` links form a loop".into(),
        K::SignatoryParty { name, party } => {
            format!("signatory {name} is of party {party}, which `parties` does not list")
        }
        K::PointShape => {
            "`point` is a point id (`point = \"2\"`) or a list of them (`point = [\"18\", \"19\"]`)"
                .into()
        }
        K::ReasonsOnly => "`reasons_only` is for a reservation (motivreservation)".into(),
        K::DuplicatePositionId { id } => {
            format!("position id `{id}` is used twice; give one of them an explicit `id = \"…\"`")
        }
        K::NoAnswerWithText => "a `no_answer` position has no text or signatories".into(),
        K::BodyNotAnswered { body } => {
            format!("body `{body}` has `answered = false`, so it can take no position")
        }
        K::NeedsText { stance } => format!(
            "a {} needs a `text` (or `identical_to` / `concurs_with` naming the position it \
             repeats)",
            stance.as_str()
        ),
        K::EvidenceWrongTable { fact, of_position } => {
            let (here, there) = evidence_tables(*of_position);
            format!(
                "`{}` is not a fact of {here}; it belongs in {there}",
                fact.as_str()
            )
        }
        K::EvidenceNotStated { fact } => format!(
            "evidence for `{}`, which this table does not state",
            fact.as_str()
        ),
        K::EmptyRule => "`rule` names the rule that fired; it is empty".into(),
        K::EmptySentence => {
            "`sentence` is the source sentence the fact comes from; it is empty".into()
        }
        K::BadLines => {
            "`lines` is `[first, last]`, source line numbers with 1 ≤ first ≤ last".into()
        }
        K::PartyVotedTwice { party } => format!("party `{party}` is listed twice"),
        K::AcclamationWithCounts => {
            "a decision by acclamation has no counts, party votes or member votes".into()
        }
        K::PartyVotesDisagree { choice, sum, total } => format!(
            "the parties' `{choice}` votes add up to {sum}, but the vote's `{choice}` is {total}"
        ),
        K::MemberVotesDisagree {
            choice,
            members,
            total,
        } => format!("{members} member(s) voted `{choice}`, but the vote's `{choice}` is {total}"),
        K::WinnerNotYesNo => "the winner of a vote is `yes` or `no`".into(),
        K::WinnerContradicts => {
            "`winner` contradicts the counts (the side with more votes wins)".into()
        }
        K::CannotReadNotes(e) => format!("cannot read notes: {}", lang.file_error(e)),
        K::NotesFormat { found, reads } => {
            format!("notes format {found} is not supported (this remiss reads format {reads})")
        }
        K::QuoteIncomplete => "a quote needs `citation`, `source` and `paragraphs`".into(),
        K::QuoteParagraphs { from, to } => {
            format!("`paragraphs = [{from}, {to}]`: first and last paragraph, counted from 1")
        }
        K::ItemNeither => {
            "an item is either a heading (`heading = …`) or a quote (`quote = …`)".into()
        }
    }
}

fn sv(kind: &ProblemKind) -> String {
    use ProblemKind as K;
    let lang = Lang::Sv;
    match kind {
        K::CannotRead(e) => format!("kan inte läsa: {}", lang.file_error(e)),
        K::CannotReadFolder(e) => format!("kan inte läsa mappen: {}", lang.file_error(e)),
        K::TooLarge { size, limit } => format!(
            "{}; en ärendefil får vara högst {} MiB",
            lang.too_large(*size, *limit),
            mib0(*limit)
        ),
        K::Binary => "detta är en binärfil, inte en ärendefil i TOML (NUL-byte)".into(),
        K::NotUtf8 { byte } => {
            format!("filen är inte giltig UTF-8 (byte 0x{byte:02X}); spara den som UTF-8")
        }
        K::Empty => "filen är tom; en ärendefil börjar med `format = 1` och en [case]-tabell".into(),
        K::Toml { detail } => toml_sv(detail),
        K::Config(m) => config_sv(m),
        K::TooDeep => "nycklar eller tabeller är för djupt nästlade (fler nivåer än tolken följer)".into(),
        K::TooManyTokens { limit } => format!(
            "fler än {} värden, hakparenteser och skiljetecken i en tabell, fler än remiss \
             läser på en gång; dela upp tabellen, eller kontrollera att det är rätt fil",
            grouped(*limit, ' ')
        ),
        K::DuplicateCaseId { id, first } => format!(
            "ärende-id `{id}` används redan av {first}; ge ett av dem ett eget id i [case]"
        ),
        K::FormatVersion { found, reads } => {
            format!("filen har ärendeformat {found}; denna remiss läser format {reads}")
        }
        K::UnknownKey {
            name,
            suggestion,
            expected,
        } => {
            let mut m = format!("okänd nyckel `{name}`{}", did_you_mean(lang, suggestion));
            if !expected.is_empty() {
                m.push_str(&format!(" (tabellen tar: {})", expected.join(", ")));
            }
            m
        }
        K::UnknownValue {
            of,
            name,
            suggestion,
            valid,
        } => {
            let what = match of {
                ValueOf::Fact => "okänt faktum",
                ValueOf::Stance => "okänt ställningstagande",
                ValueOf::Review => "okänd granskningsstatus",
                ValueOf::Method => "okänd beslutsmetod",
                ValueOf::Vote => "okänd röst",
                ValueOf::Kind => "okänt slag",
            };
            format!(
                "{what} `{name}`{} (giltiga: {})",
                did_you_mean(lang, suggestion),
                valid.join(", ")
            )
        }
        K::MissingKey { name, table } => {
            let table = match table {
                KeyTable::TopLevel => "på översta nivån",
                KeyTable::Case => "i [case]",
                KeyTable::Parties => "i [[parties]]",
                KeyTable::Majority => "i [majority]",
                KeyTable::Positions => "i [[positions]]",
                KeyTable::Sections => "i [[case.sections]]",
                KeyTable::BodiesOrOthers => {
                    "i [[bodies]] (eller [[parties]], [[case.authors]], undertecknare)"
                }
                KeyTable::Some => "i en tabell",
            };
            format!("den obligatoriska nyckeln `{name}` saknas {table}")
        }
        K::NotRealDate { key } => format!("`{key}` är inget verkligt datum"),
        K::DateWithTime { key } => {
            format!("`{key}` ska vara ett datum som 2026-02-17, utan klockslag")
        }
        K::CountRange { key, max } => format!("`{key}` är ett heltal från 0 till {max}"),
        K::BadId(of) => match of {
            IdOf::Case => "ett id får innehålla gemena bokstäver a-z, siffror, `-` och `_`",
            IdOf::Body => "ett organs id får innehålla gemena bokstäver a-z, siffror, `-` och `_`",
            IdOf::Position => {
                "ett ställningstagandes id har inga mellanslag, t.ex. `socialnamnden/reservation/M`"
            }
            IdOf::Point => {
                "en beslutspunkts id är ett kort ord utan mellanslag eller `/`, t.ex. `2` eller `3b`"
            }
            IdOf::PartyCode => "en partikod är ett kort ord utan mellanslag, t.ex. `M`",
        }
        .into(),
        K::BadColour => "en färg skrivs `#RRGGBB`, t.ex. `#1B49DD`".into(),
        K::DeclaredTwice { thing, id } => match thing {
            Thing::Party => format!("partiet `{id}` anges två gånger"),
            Thing::Body => format!("organet `{id}` anges två gånger"),
            Thing::Point => format!("beslutspunkten `{id}` anges två gånger"),
            Thing::Section => format!("avsnittet `{id}` förekommer två gånger"),
            Thing::NotesItem => format!("anteckningens id `{id}` förekommer två gånger"),
        },
        K::EmptySection { id } => format!("avsnittet `{id}` saknar text"),
        K::UnknownParty {
            code,
            suggestion,
            declared,
        } => {
            let list = if declared.is_empty() {
                " (inga [[parties]] anges)".to_string()
            } else {
                format!(" (angivna: {})", declared.join(", "))
            };
            format!("okänt parti `{code}`{}{list}", did_you_mean(lang, suggestion))
        }
        K::UnknownBody {
            name,
            suggestion,
            none_declared,
        } => format!(
            "okänt organ `{name}`{}{}",
            did_you_mean(lang, suggestion),
            if *none_declared {
                " (inga [[bodies]] anges)"
            } else {
                ""
            }
        ),
        K::UnknownPoint {
            id,
            suggestion,
            none_declared,
        } => format!(
            "okänd beslutspunkt `{id}`{}{}",
            did_you_mean(lang, suggestion),
            if *none_declared {
                " (inga [[points]] anges)"
            } else {
                ""
            }
        ),
        K::UnknownLink {
            key,
            target,
            suggestion,
        } => format!(
            "`{key}` anger ett okänt ställningstagande `{target}`{}",
            did_you_mean(lang, suggestion)
        ),
        K::LinkToSelf => "ett ställningstagande kan inte hänvisa till sig självt".into(),
        K::LinkLoop => "länkarna i `identical_to` bildar en slinga".into(),
        K::SignatoryParty { name, party } => format!(
            "undertecknaren {name} tillhör partiet {party}, som inte finns i `parties`"
        ),
        K::PointShape => {
            "`point` är ett punkt-id (`point = \"2\"`) eller en lista av dem (`point = [\"18\", \"19\"]`)"
                .into()
        }
        K::ReasonsOnly => "`reasons_only` gäller en reservation (motivreservation)".into(),
        K::DuplicatePositionId { id } => format!(
            "ställningstagandets id `{id}` används två gånger; ge ett av dem ett eget `id = \"…\"`"
        ),
        K::NoAnswerWithText => {
            "ett ställningstagande `no_answer` har ingen text och inga undertecknare".into()
        }
        K::BodyNotAnswered { body } => format!(
            "organet `{body}` har `answered = false` och kan därför inte ta ställning"
        ),
        K::NeedsText { stance } => format!(
            "ett ställningstagande `{}` behöver en `text` (eller `identical_to` / `concurs_with` \
             som anger ställningstagandet det upprepar)",
            stance.as_str()
        ),
        K::EvidenceWrongTable { fact, of_position } => {
            let (here, there) = evidence_tables(*of_position);
            format!(
                "`{}` är inget faktum i {here}; det hör hemma i {there}",
                fact.as_str()
            )
        }
        K::EvidenceNotStated { fact } => format!(
            "belägg för `{}`, som den här tabellen inte anger",
            fact.as_str()
        ),
        K::EmptyRule => "`rule` anger regeln som slog till; den är tom".into(),
        K::EmptySentence => "`sentence` är källmeningen som faktumet kommer från; den är tom".into(),
        K::BadLines => {
            "`lines` är `[första, sista]`, källans radnummer med 1 ≤ första ≤ sista".into()
        }
        K::PartyVotedTwice { party } => format!("partiet `{party}` står två gånger"),
        K::AcclamationWithCounts => {
            "ett beslut med acklamation har inga rösttal, partiröster eller ledamotsröster".into()
        }
        K::PartyVotesDisagree { choice, sum, total } => format!(
            "partiernas `{choice}`-röster blir sammanlagt {sum}, men voteringens `{choice}` är {total}"
        ),
        K::MemberVotesDisagree {
            choice,
            members,
            total,
        } => format!(
            "{members} ledamot/ledamöter röstade `{choice}`, men voteringens `{choice}` är {total}"
        ),
        K::WinnerNotYesNo => "vinnaren i en votering är `yes` eller `no`".into(),
        K::WinnerContradicts => {
            "`winner` motsäger rösttalen (sidan med flest röster vinner)".into()
        }
        K::CannotReadNotes(e) => format!("kan inte läsa anteckningarna: {}", lang.file_error(e)),
        K::NotesFormat { found, reads } => format!(
            "anteckningsformat {found} stöds inte (denna remiss läser format {reads})"
        ),
        K::QuoteIncomplete => "ett citat behöver `citation`, `source` och `paragraphs`".into(),
        K::QuoteParagraphs { from, to } => format!(
            "`paragraphs = [{from}, {to}]`: första och sista stycket, räknat från 1"
        ),
        K::ItemNeither => {
            "en post är antingen en rubrik (`heading = …`) eller ett citat (`quote = …`)".into()
        }
    }
}

/// The two evidence tables: where the evidence was found, where it belongs.
fn evidence_tables(of_position: bool) -> (&'static str, &'static str) {
    if of_position {
        ("[[positions.evidence]]", "[[bodies.evidence]]")
    } else {
        ("[[bodies.evidence]]", "[[positions.evidence]]")
    }
}

/// The TOML parser's and deserializer's own messages, in Swedish: the common ones by their
/// English wording (the `toml` crate's), any other kept in the crate's words behind a
/// Swedish lead-in so that an sv run never shows a bare English sentence.
fn toml_sv(detail: &str) -> String {
    // Messages with a value in them: "invalid type: string \"x\", expected i64".
    if let Some(rest) = detail.strip_prefix("invalid type: ")
        && let Some((found, expected)) = rest.split_once(", expected ")
    {
        return format!(
            "fel typ: {}, väntade {}",
            toml_type_sv(found),
            toml_type_sv(expected)
        );
    }
    if let Some(rest) = detail.strip_prefix("invalid value: ")
        && let Some((found, expected)) = rest.split_once(", expected ")
    {
        return format!(
            "ogiltigt värde: {}, väntade {}",
            toml_type_sv(found),
            toml_type_sv(expected)
        );
    }
    if let Some(rest) = detail.strip_prefix("invalid length ")
        && let Some((n, expected)) = rest.split_once(", expected ")
    {
        return format!("fel längd {n}, väntade {}", toml_type_sv(expected));
    }
    if let Some(rest) = detail.strip_prefix("duplicate key") {
        return format!("nyckeln anges två gånger{rest}");
    }
    // The parser's messages (toml_parser's), longest first where one starts another.
    const KNOWN: &[(&str, &str)] = &[
        (
            "`_` may only go between digits",
            "`_` får bara stå mellan siffror",
        ),
        (
            "cannot recurse further; max recursion depth met",
            "för djupt nästlat",
        ),
        (
            "carriage return must be followed by newline",
            "vagnretur måste följas av radbrytning",
        ),
        ("extra `=`", "extra `=`"),
        (
            "extra assignment between key-value pairs",
            "extra tilldelning mellan nyckel–värde-par",
        ),
        ("extra comma in array", "extra komma i listan"),
        (
            "extra comma in inline table",
            "extra komma i den inbäddade tabellen",
        ),
        (
            "integers with a radix cannot be signed",
            "heltal med talbas kan inte ha tecken",
        ),
        ("invalid comment character", "ogiltigt tecken i kommentaren"),
        (
            "invalid inline table element",
            "ogiltigt element i den inbäddade tabellen",
        ),
        ("invalid key-value pair", "ogiltigt nyckel–värde-par"),
        ("invalid unquoted key", "ogiltig nyckel utan citattecken"),
        ("invalid value", "ogiltigt värde"),
        ("invalid basic string", "ogiltig sträng"),
        ("invalid binary number", "ogiltigt binärtal"),
        ("invalid boolean", "ogiltigt sanningsvärde"),
        ("invalid date-time", "ogiltig tidpunkt"),
        ("invalid exponent", "ogiltig exponent"),
        ("invalid float", "ogiltigt decimaltal"),
        ("invalid fraction", "ogiltig decimaldel"),
        ("invalid hexadecimal number", "ogiltigt hexadecimalt tal"),
        ("invalid integer number", "ogiltigt heltal"),
        ("invalid key", "ogiltig nyckel"),
        ("invalid literal string", "ogiltig bokstavlig sträng"),
        ("invalid mantissa", "ogiltig mantissa"),
        ("invalid multi-line basic string", "ogiltig flerradssträng"),
        (
            "invalid multi-line literal string",
            "ogiltig bokstavlig flerradssträng",
        ),
        ("invalid octal number", "ogiltigt oktaltal"),
        ("invalid string", "ogiltig sträng"),
        ("invalid table", "ogiltig tabell"),
        ("key with no value", "nyckel utan värde"),
        ("missing array opening", "listans början saknas"),
        (
            "missing assignment between key-value pairs",
            "tilldelning saknas mellan nyckel–värde-par",
        ),
        (
            "missing comma between array elements",
            "komma saknas mellan listans element",
        ),
        (
            "missing comma between key-value pairs",
            "komma saknas mellan nyckel–värde-par",
        ),
        ("missing comment start", "kommentarens början saknas"),
        ("missing escaped value", "det escapade värdet saknas"),
        (
            "missing inline table opening",
            "den inbäddade tabellens början saknas",
        ),
        (
            "missing key for inline table element",
            "nyckel saknas för ett element i den inbäddade tabellen",
        ),
        ("missing opening quote", "inledande citattecken saknas"),
        ("missing table open", "tabellens början saknas"),
        ("missing value for key", "värde saknas för nyckeln"),
        ("missing value", "värde saknas"),
        (
            "radix must be lowercase",
            "talbasen ska skrivas med gemener",
        ),
        (
            "redundant integer number prefix",
            "överflödigt prefix på heltalet",
        ),
        ("redundant numeric sign", "överflödigt tecken på talet"),
        (
            "string values must be quoted",
            "strängvärden ska stå inom citattecken",
        ),
        (
            "too few unicode value digits",
            "för få siffror i unicode-värdet",
        ),
        (
            "unclosed array table",
            "tabellistans rubrik avslutas aldrig",
        ),
        ("unclosed array", "listan avslutas aldrig"),
        (
            "unclosed inline table",
            "den inbäddade tabellen avslutas aldrig",
        ),
        ("unclosed table", "tabellrubriken avslutas aldrig"),
        ("unexpected `=` in array", "oväntat `=` i listan"),
        (
            "unexpected content between comment and newline",
            "oväntat innehåll mellan kommentar och radbrytning",
        ),
        ("unexpected content", "oväntat innehåll"),
        (
            "unexpected key or value",
            "oväntad nyckel eller oväntat värde",
        ),
        ("unexpected leading zero", "oväntad inledande nolla"),
        ("unexpected sign", "oväntat tecken"),
        (
            "unquoted keys cannot be empty",
            "nycklar utan citattecken kan inte vara tomma",
        ),
        ("duplicate key", "nyckeln anges två gånger"),
        ("duplicate table", "tabellen anges två gånger"),
        ("invalid table header", "ogiltig tabellrubrik"),
        ("integer number overflowed", "heltalet är för stort"),
    ];
    let known = KNOWN
        .iter()
        .filter(|(en, _)| detail.starts_with(en))
        .max_by_key(|(en, _)| en.len());
    if let Some((en, sv)) = known {
        return format!("{sv}{}", toml_rest_sv(&detail[en.len()..]));
    }
    format!("ogiltig TOML (tolkens meddelande: {detail})")
}

/// What follows a known parser message: ", expected …" and similar tails.
fn toml_rest_sv(rest: &str) -> String {
    let rest = rest.trim_start_matches([',', ':', ' ', '\n']);
    if rest.is_empty() {
        return String::new();
    }
    match rest.strip_prefix("expected ") {
        Some(e) => format!("; väntade {}", toml_type_sv(e)),
        None => format!(" ({rest})"),
    }
}

/// serde's names of types and values, in Swedish where they are words ("a string",
/// "a sequence", "i64").
fn toml_type_sv(s: &str) -> String {
    const WORDS: &[(&str, &str)] = &[
        ("a string", "en sträng"),
        ("string", "sträng"),
        ("a sequence", "en lista"),
        ("sequence", "lista"),
        ("a map", "en tabell"),
        ("map", "tabell"),
        ("a boolean", "ett sanningsvärde"),
        ("boolean", "sanningsvärde"),
        ("integer", "heltal"),
        ("an integer", "ett heltal"),
        ("a float", "ett decimaltal"),
        ("floating point", "decimaltal"),
        ("a date", "ett datum"),
        ("a datetime", "en tidpunkt"),
        ("struct", "tabell"),
        ("a table", "en tabell"),
        ("table", "tabell"),
        ("an array", "en lista"),
        ("array", "lista"),
        ("a", "ett värde av typen"),
        ("or", "eller"),
        ("elements", "element"),
        ("element", "element"),
        ("an", "ett värde av typen"),
        ("one of", "ett av"),
        ("a valid date", "ett giltigt datum"),
        ("newline", "radbrytning"),
        ("whitespace", "blanktecken"),
        ("comment", "kommentar"),
        ("end-of-input", "filens slut"),
        ("letters", "bokstäver"),
        ("numbers", "siffror"),
        ("key-value separator", "`=`"),
        ("value separator", "`,`"),
        ("key separator", "`.`"),
        ("any valid TOML value", "ett giltigt TOML-värde"),
        ("with", "med"),
        ("variant", "variant"),
    ];
    let s = s.trim();
    if let Some((_, sv)) = WORDS.iter().find(|(en, _)| *en == s) {
        return (*sv).into();
    }
    // Word by word where the word is known; quoted values, numbers and type names as they are.
    let mut out = Vec::new();
    let mut words = s.split(' ').peekable();
    while let Some(w) = words.next() {
        let two = words.peek().map(|n| format!("{w} {n}"));
        if let Some(sv) = two
            .as_deref()
            .and_then(|t| WORDS.iter().find(|(en, _)| *en == t))
        {
            out.push(sv.1.to_string());
            words.next();
        } else if let Some((_, sv)) = WORDS.iter().find(|(en, _)| *en == w) {
            out.push((*sv).into());
        } else {
            out.push(w.to_string());
        }
    }
    out.join(" ")
}

impl fmt::Display for Problem {
    /// The English wording, as [`Lang::problem`] gives it.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&Lang::En.problem(self))
    }
}

impl fmt::Display for FileError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&Lang::En.file_error(self))
    }
}

impl fmt::Display for ReadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.reason().fmt(f)
    }
}

impl std::error::Error for ReadError {}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{FORMAT_VERSION, Fact, Stance};

    /// Every kind with made-up values, for checks over all of them.
    fn every_kind() -> Vec<ProblemKind> {
        use ProblemKind as K;
        let s = |x: &str| x.to_string();
        let some = Some(s("reservation"));
        vec![
            K::CannotRead(FileError::NotFound),
            K::CannotReadFolder(FileError::PermissionDenied),
            K::TooLarge {
                size: Some(40 << 20),
                limit: 32 << 20,
            },
            K::TooLarge {
                size: None,
                limit: 32 << 20,
            },
            K::Binary,
            K::NotUtf8 { byte: 0xFF },
            K::Empty,
            K::Toml {
                detail: s("invalid string\nexpected `\"`"),
            },
            K::TooDeep,
            K::TooManyTokens { limit: 2_000_000 },
            K::Config(ConfigMistake::UnknownTheme {
                name: s("drak"),
                suggestion: Some(s("dark")),
                valid: vec![s("dark"), s("light")],
            }),
            K::Config(ConfigMistake::KeyConflict {
                key: s("d"),
                mine: s("export"),
                other: s("delete"),
                section: s("notes"),
            }),
            K::Config(ConfigMistake::UnknownKey {
                name: s("tema"),
                suggestion: Some(s("theme")),
            }),
            K::Config(ConfigMistake::ThemeNotName {
                valid: vec![s("dark")],
            }),
            K::Config(ConfigMistake::KeysNotTable),
            K::Config(ConfigMistake::UnknownScreen {
                name: s("reder"),
                suggestion: Some(s("reader")),
                valid: vec![s("reader")],
            }),
            K::Config(ConfigMistake::SectionNotTable {
                section: s("reader"),
            }),
            K::Config(ConfigMistake::UnknownAction {
                name: s("copy"),
                section: s("global"),
                suggestion: None,
                known: vec![s("quit")],
                global: true,
            }),
            K::Config(ConfigMistake::UnknownAction {
                name: s("copy"),
                section: s("reader"),
                suggestion: Some(s("copy-paragraph")),
                known: vec![s("copy-paragraph")],
                global: false,
            }),
            K::Config(ConfigMistake::NotKeys { action: s("quit") }),
            K::Config(ConfigMistake::KeyNotName),
            K::Config(ConfigMistake::PlainCharTyped {
                section: s("search"),
                action: s("back"),
            }),
            K::Config(ConfigMistake::UnknownKeyName {
                text: s("Entr"),
                suggestion: Some(s("Enter")),
            }),
            K::DuplicateCaseId {
                id: s("a"),
                first: s("a.toml"),
            },
            K::FormatVersion {
                found: 2,
                reads: FORMAT_VERSION,
            },
            K::UnknownKey {
                name: s("stnce"),
                suggestion: Some(s("stance")),
                expected: vec![s("stance"), s("body")],
            },
            K::UnknownValue {
                of: ValueOf::Stance,
                name: s("reservaton"),
                suggestion: some.clone(),
                valid: vec![s("reservation")],
            },
            K::MissingKey {
                name: s("body"),
                table: KeyTable::Positions,
            },
            K::NotRealDate { key: s("date") },
            K::DateWithTime { key: s("date") },
            K::CountRange {
                key: s("yes"),
                max: 10,
            },
            K::BadId(IdOf::Point),
            K::BadColour,
            K::DeclaredTwice {
                thing: Thing::Body,
                id: s("a"),
            },
            K::EmptySection { id: s("s") },
            K::UnknownParty {
                code: s("X"),
                suggestion: None,
                declared: vec![],
            },
            K::UnknownBody {
                name: s("b"),
                suggestion: None,
                none_declared: true,
            },
            K::UnknownPoint {
                id: s("9"),
                suggestion: None,
                none_declared: true,
            },
            K::UnknownLink {
                key: s("identical_to"),
                target: s("x"),
                suggestion: None,
            },
            K::PointShape,
            K::LinkToSelf,
            K::LinkLoop,
            K::SignatoryParty {
                name: s("A B"),
                party: s("M"),
            },
            K::ReasonsOnly,
            K::DuplicatePositionId { id: s("p") },
            K::NoAnswerWithText,
            K::BodyNotAnswered { body: s("a") },
            K::NeedsText {
                stance: Stance::Reservation,
            },
            K::EvidenceWrongTable {
                fact: Fact::Stance,
                of_position: false,
            },
            K::EvidenceNotStated {
                fact: Fact::Parties,
            },
            K::EmptyRule,
            K::EmptySentence,
            K::BadLines,
            K::PartyVotedTwice { party: s("M") },
            K::AcclamationWithCounts,
            K::PartyVotesDisagree {
                choice: s("yes"),
                sum: 3,
                total: 4,
            },
            K::MemberVotesDisagree {
                choice: s("no"),
                members: 2,
                total: 3,
            },
            K::WinnerNotYesNo,
            K::WinnerContradicts,
            K::CannotReadNotes(FileError::NotFound),
            K::NotesFormat { found: 9, reads: 1 },
            K::QuoteIncomplete,
            K::QuoteParagraphs { from: 0, to: 1 },
            K::ItemNeither,
        ]
    }

    #[test]
    fn every_problem_is_worded_differently_in_swedish() {
        for kind in every_kind() {
            let (en, sv) = (
                Lang::En.problem_message(&kind),
                Lang::Sv.problem_message(&kind),
            );
            assert!(!en.is_empty() && !sv.is_empty(), "{kind:?}");
            assert_ne!(en, sv, "{kind:?} has no Swedish wording");
        }
    }

    #[test]
    fn a_problem_names_its_place_and_says_error_in_the_language() {
        let src = "stance = \"reservaton\"\n";
        let kind = ProblemKind::UnknownValue {
            of: ValueOf::Stance,
            name: "reservaton".into(),
            suggestion: Some("reservation".into()),
            valid: vec!["reservation".into(), "approve".into()],
        };
        let p = Problem::at("f.toml", src, Some(9..21), kind);
        let sv = Lang::Sv.problem(&p);
        assert!(
            sv.starts_with(
                "f.toml:1:10: fel: okänt ställningstagande `reservaton`; menade du \
                 `reservation`? (giltiga: reservation, approve)"
            ),
            "{sv}"
        );
        assert!(sv.ends_with("  |          ^"), "{sv}");
        assert!(
            p.to_string()
                .starts_with("f.toml:1:10: error: unknown stance")
        );
    }

    #[test]
    fn file_errors_in_both_languages() {
        let fifo = FileError::NotRegular {
            path: Some("x".into()),
            kind: FileKind::Fifo,
            verb: Verb::Write,
        };
        assert_eq!(
            fifo.to_string(),
            "x is a FIFO (named pipe), not a regular file; remiss writes only regular files"
        );
        assert_eq!(
            Lang::Sv.file_error(&fifo),
            "x är en FIFO (namngiven pipe), inte en vanlig fil; remiss skriver bara vanliga filer"
        );
        let full = FileError::of(&std::io::Error::from(ErrorKind::StorageFull));
        assert_eq!(Lang::Sv.file_error(&full), "disken är full");
        let big = FileError::TooLarge {
            size: Some(33 << 20),
            limit: 32 << 20,
        };
        assert_eq!(
            Lang::Sv.file_error(&big),
            "filen är 33,0 MiB; högst 32 MiB läses"
        );
    }

    #[test]
    fn a_failed_save_of_the_notes_in_both_languages() {
        let e = SaveError::Io {
            step: SaveStep::Write,
            path: "a.notes.toml".into(),
            reason: FileError::of(&std::io::Error::from(ErrorKind::StorageFull)),
        };
        assert_eq!(
            Lang::Sv.save_error(&e),
            "kan inte skriva a.notes.toml: disken är full"
        );
        assert!(e.to_string().starts_with("cannot write a.notes.toml: "));
        let src = "format = 1\ncase = \n";
        let e = SaveError::Unreadable {
            problem: Box::new(Problem::at(
                "a.notes.toml",
                src,
                Some(18..18),
                ProblemKind::Toml {
                    detail: "missing value".into(),
                },
            )),
            recovered: Some("a.notes.toml.recovered".into()),
        };
        assert_eq!(
            Lang::Sv.save_error(&e),
            "anteckningsfilen på disken kan inte läsas (a.notes.toml:2:8: värde saknas); den \
             skrevs inte över; sessionens anteckningar finns i a.notes.toml.recovered"
        );
    }

    #[test]
    fn the_parsers_messages_in_swedish() {
        assert_eq!(
            toml_sv("invalid type: string \"x\", expected i64"),
            "fel typ: sträng \"x\", väntade i64"
        );
        assert_eq!(toml_sv("invalid string"), "ogiltig sträng");
        assert_eq!(
            toml_sv("key with no value, expected `=`"),
            "nyckel utan värde; väntade `=`"
        );
        assert_eq!(
            toml_sv("invalid table header\nexpected `]`"),
            "ogiltig tabellrubrik; väntade `]`"
        );
        assert!(toml_sv("something new").starts_with("ogiltig TOML (tolkens meddelande:"));
    }
}
