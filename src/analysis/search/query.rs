//! The query language: words, `"exact phrases"` and filters (`party:M`, `stance:reservation`,
//! `body:skärholmen`, `case:2025/1121`). Parsing never fails; what cannot be understood becomes
//! a [`QueryProblem`] that the app or the command line shows.

use super::fold;
use crate::i18n::Lang;
use crate::model::Stance;

/// At most this many words are searched (phrase words included); the rest are reported.
pub const MAX_TERMS: usize = 16;

/// A parsed query.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Query {
    pub(crate) terms: Vec<Term>,
    /// Runs of `terms` that must stand next to each other in this order (quoted phrases).
    pub(crate) phrases: Vec<std::ops::Range<usize>>,
    pub(crate) filters: Vec<Filter>,
    problems: Vec<QueryProblem>,
}

/// One query word.
#[derive(Debug, Clone, PartialEq)]
pub struct Term {
    /// Lower form; for a plain term also its folded form.
    pub text: String,
    /// The term has no diacritics, so it is compared with the folded forms of the text.
    pub plain: bool,
    /// Only whole words match (a word of a quoted phrase).
    pub whole_word: bool,
    /// A word of the text may start with the term (everywhere except inside a closed phrase,
    /// and for the last word of a phrase still being typed).
    pub prefix: bool,
}

impl Term {
    pub(crate) fn new(word: &str, whole_word: bool, prefix: bool) -> Term {
        let text = fold::lower(word);
        let plain = fold::folded(&text) == text;
        Term {
            text,
            plain,
            whole_word,
            prefix,
        }
    }

    /// Length in characters.
    pub fn chars(&self) -> usize {
        self.text.chars().count()
    }
}

/// One filter; its alternatives (comma-separated values) are combined with OR, filters with
/// AND.
#[derive(Debug, Clone, PartialEq)]
pub enum Filter {
    /// Party codes or the start of party names, lower case.
    Party(Vec<String>),
    Stance(Vec<Stance>),
    /// Each alternative is a list of words that must all match words of the body's name or id.
    Body(Vec<Vec<Term>>),
    /// Each alternative matches the registration number, the id or words of the title.
    Case(Vec<CaseValue>),
}

/// A `case:` value.
#[derive(Debug, Clone, PartialEq)]
pub struct CaseValue {
    /// Folded, without white space: compared with the folded registration number and id.
    pub compact: String,
    pub words: Vec<Term>,
}

/// Something in a query that could not be used as written. The search runs without it: an
/// empty or unknown filter is left out, words past [`MAX_TERMS`] are not searched.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum QueryProblem {
    /// `party:` and nothing after it.
    EmptyValue { key: String },
    /// A `stance:` value that names no stance.
    UnknownStance { value: String },
    /// More than [`MAX_TERMS`] words.
    TooManyWords,
}

impl QueryProblem {
    /// The message to show, with any text from the query made safe for a terminal.
    pub fn message(&self, lang: Lang) -> String {
        let esc = crate::text::escape;
        match (self, lang) {
            (QueryProblem::EmptyValue { key }, Lang::En) => {
                format!("`{}:` has no value", esc(key))
            }
            (QueryProblem::EmptyValue { key }, Lang::Sv) => {
                format!("`{}:` saknar värde", esc(key))
            }
            (QueryProblem::UnknownStance { value }, Lang::En) => format!(
                "unknown stance `{}` (use one of {})",
                esc(value),
                STANCE_HELP_EN
            ),
            (QueryProblem::UnknownStance { value }, Lang::Sv) => format!(
                "okänt ställningstagande `{}` (använd något av {})",
                esc(value),
                STANCE_HELP_SV
            ),
            (QueryProblem::TooManyWords, Lang::En) => {
                format!("only the first {MAX_TERMS} words are searched")
            }
            (QueryProblem::TooManyWords, Lang::Sv) => {
                format!("bara de {MAX_TERMS} första orden söks")
            }
        }
    }
}

const STANCE_HELP_EN: &str = "approve, approve_in_part, reject, answered, unknown, \
reservation, special_statement, substitute_statement, protocol_note, no_answer";
const STANCE_HELP_SV: &str = "tillstyrker, delvis, avstyrker, besvarad, okänd, reservation, \
särskilt, ersättaryttrande, protokollsanteckning, inget_svar";

/// Names a `stance:` value may start with (compared folded, without spaces, `_` or `-`).
const STANCE_NAMES: &[(&str, Stance)] = &[
    ("approve", Stance::Approve),
    ("approval", Stance::Approve),
    ("tillstyrker", Stance::Approve),
    ("tillstyrkan", Stance::Approve),
    ("tillstyrka", Stance::Approve),
    ("bifall", Stance::Approve),
    ("reject", Stance::Reject),
    ("rejection", Stance::Reject),
    ("avstyrker", Stance::Reject),
    ("avstyrkan", Stance::Reject),
    ("avstyrka", Stance::Reject),
    ("avslag", Stance::Reject),
    ("answered", Stance::Answered),
    ("besvarad", Stance::Answered),
    ("besvaras", Stance::Answered),
    ("reservation", Stance::Reservation),
    ("specialstatement", Stance::SpecialStatement),
    ("sarskiltuttalande", Stance::SpecialStatement),
    ("substitutestatement", Stance::SubstituteStatement),
    ("substitutesstatement", Stance::SubstituteStatement),
    ("ersattaryttrande", Stance::SubstituteStatement),
    ("noanswer", Stance::NoAnswer),
    ("ingetsvar", Stance::NoAnswer),
    ("approveinpart", Stance::ApproveInPart),
    ("inpart", Stance::ApproveInPart),
    ("partial", Stance::ApproveInPart),
    ("delvis", Stance::ApproveInPart),
    ("tillstyrkerdelvis", Stance::ApproveInPart),
    ("delvistillstyrker", Stance::ApproveInPart),
    ("unknown", Stance::Unknown),
    ("okand", Stance::Unknown),
    ("?", Stance::Unknown),
    ("protocolnote", Stance::ProtocolNote),
    ("protokollsanteckning", Stance::ProtocolNote),
    ("sarskiltyttrande", Stance::SpecialStatement),
];

/// Stances whose names start with `value` (folded; spaces, `_`, `-` and `'` ignored); a value
/// that is a whole name means that stance alone (`approve` is not also `approve_in_part`).
pub fn stances_named(value: &str) -> Vec<Stance> {
    let v: String = fold::folded(value)
        .chars()
        .filter(|c| !matches!(c, ' ' | '_' | '-' | '\''))
        .collect();
    let mut out = Vec::new();
    if v.is_empty() {
        return out;
    }
    if let Some(&(_, stance)) = STANCE_NAMES.iter().find(|(name, _)| *name == v) {
        out.push(stance);
        return out;
    }
    for &(name, stance) in STANCE_NAMES {
        if name.starts_with(&v) && !out.contains(&stance) {
            out.push(stance);
        }
    }
    out
}

#[derive(Clone, Copy)]
enum Key {
    Party,
    Stance,
    Body,
    Case,
}

fn key(name: &str) -> Option<Key> {
    match fold::folded(name).as_str() {
        "party" | "parti" => Some(Key::Party),
        "stance" | "standpunkt" => Some(Key::Stance),
        "body" | "organ" | "namnd" => Some(Key::Body),
        "case" | "arende" | "dnr" => Some(Key::Case),
        _ => None,
    }
}

impl Query {
    /// Parse a query. Never fails: see [`Query::problems`].
    ///
    /// - Words match words of a paragraph: exactly, as the start of a word, inside a compound
    ///   word, with a typo, or as an abbreviation (in that order of rank); all must match.
    /// - `"two words"` is an exact phrase; an unclosed quote runs to the end of the query (and
    ///   its last word may still be a prefix, for typing).
    /// - `party:M`, `stance:reservation`, `body:skärholmen`, `case:2025/1121` filter (AND
    ///   between filters, OR between comma-separated values); `key:"two words"` quotes a
    ///   value. Swedish keys work too: `parti:`, `ståndpunkt:`, `organ:`/`nämnd:`, `ärende:`.
    ///   Unknown keys are searched as words.
    pub fn parse(input: &str) -> Query {
        let mut q = Query::default();
        // The text rule, as for the paragraphs searched: a soft hyphen or a zero-width space
        // pasted with a word does not stop it from matching.
        let input = crate::text::clean(input);
        let mut rest = input.as_str();
        loop {
            rest = rest.trim_start();
            if rest.is_empty() {
                break;
            }
            if let Some(body) = rest.strip_prefix('"') {
                let (phrase, closed, after) = until_quote(body);
                q.push_phrase(phrase, closed);
                rest = after;
                continue;
            }
            let end = rest
                .find(|c: char| c.is_whitespace() || c == '"')
                .unwrap_or(rest.len());
            let chunk = &rest[..end];
            rest = &rest[end..];
            match chunk
                .split_once(':')
                .and_then(|(k, v)| Some((key(k)?, k, v)))
            {
                Some((key, name, value)) => {
                    let value = if value.is_empty() && rest.starts_with('"') {
                        let (v, _, after) = until_quote(&rest[1..]);
                        rest = after;
                        v
                    } else {
                        value
                    };
                    q.push_filter(key, name, value);
                }
                None => {
                    for w in fold::words(chunk) {
                        q.push_term(Term::new(&chunk[w], false, true));
                    }
                }
            }
        }
        q
    }

    fn push_term(&mut self, term: Term) -> bool {
        if self.terms.len() >= MAX_TERMS {
            if !self.problems.contains(&QueryProblem::TooManyWords) {
                self.problems.push(QueryProblem::TooManyWords);
            }
            return false;
        }
        self.terms.push(term);
        true
    }

    fn push_phrase(&mut self, phrase: &str, closed: bool) {
        let ranges: Vec<_> = fold::words(phrase).collect();
        let start = self.terms.len();
        for (i, w) in ranges.iter().enumerate() {
            let last = i + 1 == ranges.len();
            if !self.push_term(Term::new(&phrase[w.clone()], true, !closed && last)) {
                break;
            }
        }
        if self.terms.len() - start > 1 {
            self.phrases.push(start..self.terms.len());
        }
    }

    fn push_filter(&mut self, key: Key, name: &str, value: &str) {
        let values: Vec<&str> = value
            .split(',')
            .map(str::trim)
            .filter(|v| !v.is_empty())
            .collect();
        if values.is_empty() {
            self.problems.push(QueryProblem::EmptyValue {
                key: name.to_string(),
            });
            return;
        }
        let filter = match key {
            Key::Party => Filter::Party(values.iter().map(|v| fold::lower(v)).collect()),
            Key::Stance => {
                let mut stances = Vec::new();
                for v in &values {
                    let found = stances_named(v);
                    if found.is_empty() {
                        self.problems.push(QueryProblem::UnknownStance {
                            value: (*v).to_string(),
                        });
                    }
                    for s in found {
                        if !stances.contains(&s) {
                            stances.push(s);
                        }
                    }
                }
                if stances.is_empty() {
                    return;
                }
                Filter::Stance(stances)
            }
            Key::Body => Filter::Body(values.iter().map(|v| value_words(v)).collect()),
            Key::Case => Filter::Case(
                values
                    .iter()
                    .map(|v| CaseValue {
                        compact: fold::folded(v).split_whitespace().collect(),
                        words: value_words(v),
                    })
                    .collect(),
            ),
        };
        self.filters.push(filter);
    }

    /// What could not be used as written, for the user to see.
    pub fn problems(&self) -> &[QueryProblem] {
        &self.problems
    }

    /// The query has neither words nor filters: it matches nothing.
    pub fn is_empty(&self) -> bool {
        self.terms.is_empty() && self.filters.is_empty()
    }

    /// The query words, in order.
    pub fn terms(&self) -> &[Term] {
        &self.terms
    }

    /// The filters, in order.
    pub fn filters(&self) -> &[Filter] {
        &self.filters
    }
}

/// Split at the next `"`: (inside, whether a quote closed it, after the quote).
fn until_quote(s: &str) -> (&str, bool, &str) {
    match s.find('"') {
        Some(e) => (&s[..e], true, &s[e + 1..]),
        None => (s, false, ""),
    }
}

fn value_words(v: &str) -> Vec<Term> {
    fold::words(v)
        .map(|w| Term::new(&v[w], false, true))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(q: &Query) -> Vec<&str> {
        q.terms().iter().map(|t| t.text.as_str()).collect()
    }

    #[test]
    fn words_are_lowercased_and_split_like_the_text() {
        let q = Query::parse("  Hässelby-Vällingby TRYGGHETSKIOSK 2025/1121 ");
        assert_eq!(
            texts(&q),
            vec!["hässelby", "vällingby", "trygghetskiosk", "2025", "1121"]
        );
        assert!(!q.terms()[0].plain);
        assert!(q.terms()[2].plain);
        assert!(q.problems().is_empty());
        assert!(Query::parse("").is_empty());
        assert!(Query::parse(" ... !!").is_empty());
    }

    #[test]
    fn quoted_phrases() {
        let q = Query::parse(r#"kiosk "varje tunnelbanestation" "Vårberg, Skärh"#);
        assert_eq!(
            texts(&q),
            vec!["kiosk", "varje", "tunnelbanestation", "vårberg", "skärh"]
        );
        assert_eq!(q.phrases, vec![1..3, 3..5]);
        assert!(q.terms()[1].whole_word && !q.terms()[1].prefix);
        assert!(!q.terms()[2].prefix);
        // The last word of an unclosed phrase is still being typed.
        assert!(q.terms()[4].whole_word && q.terms()[4].prefix);
        // A one-word phrase is a whole word, not a phrase.
        let q = Query::parse(r#""för""#);
        assert!(q.phrases.is_empty() && q.terms()[0].whole_word);
    }

    #[test]
    fn filters() {
        let q = Query::parse(
            r#"party:M,kd stance:res body:"hässelby vällingby" case:KS 2025/1121 tunnelbana"#,
        );
        assert_eq!(q.filters()[0], Filter::Party(vec!["m".into(), "kd".into()]));
        assert_eq!(q.filters()[1], Filter::Stance(vec![Stance::Reservation]));
        match &q.filters()[2] {
            Filter::Body(alts) => {
                assert_eq!(alts.len(), 1);
                assert_eq!(alts[0].len(), 2);
                assert_eq!(alts[0][1].text, "vällingby");
            }
            f => panic!("{f:?}"),
        }
        // `case:KS` is the value; the number after the space is a word of the text.
        assert_eq!(texts(&q), vec!["2025", "1121", "tunnelbana"]);
        // Unknown keys are text.
        let q = Query::parse("kl:18 http://x");
        assert_eq!(texts(&q), vec!["kl", "18", "http", "x"]);
        assert!(q.filters().is_empty());
    }

    #[test]
    fn stance_names_in_english_and_swedish_with_prefixes() {
        use Stance::*;
        for (v, s) in [
            ("reservation", Reservation),
            ("res", Reservation),
            ("special_statement", SpecialStatement),
            ("särskilt", SpecialStatement),
            ("sarskilt uttalande", SpecialStatement),
            ("ersättaryttrande", SubstituteStatement),
            ("substitute", SubstituteStatement),
            ("tillstyrker", Approve),
            ("avslag", Reject),
            ("besvarad", Answered),
            ("inget_svar", NoAnswer),
            ("no-answer", NoAnswer),
            ("approve", Approve),
            ("approve_in_part", ApproveInPart),
            ("delvis", ApproveInPart),
            ("unknown", Unknown),
            ("okänd", Unknown),
            ("?", Unknown),
            ("protocol_note", ProtocolNote),
            ("protokollsanteckning", ProtocolNote),
            ("särskilt yttrande", SpecialStatement),
        ] {
            assert_eq!(stances_named(v), vec![s], "{v}");
        }
        // A prefix of a name and of a longer one means both.
        assert_eq!(stances_named("appr"), vec![Approve, ApproveInPart]);
        // Ambiguous prefixes mean every stance they start.
        assert_eq!(
            stances_named("s"),
            vec![SpecialStatement, SubstituteStatement]
        );
        assert!(stances_named("").is_empty());
    }

    #[test]
    fn problems_are_reported_and_the_filter_dropped() {
        let q = Query::parse("stance:nonsense party: kiosk");
        assert_eq!(
            q.problems(),
            &[
                QueryProblem::UnknownStance {
                    value: "nonsense".into()
                },
                QueryProblem::EmptyValue {
                    key: "party".into()
                }
            ]
        );
        assert!(q.filters().is_empty());
        assert_eq!(texts(&q), vec!["kiosk"]);
        let msg = Query::parse("stance:\u{1b}[31m").problems()[0].message(Lang::En);
        assert!(!msg.contains('\u{1b}'), "{msg}");
        assert!(QueryProblem::TooManyWords.message(Lang::Sv).contains("16"));
        let many = "ord ".repeat(40);
        let q = Query::parse(&many);
        assert_eq!(q.terms().len(), MAX_TERMS);
        assert_eq!(q.problems(), &[QueryProblem::TooManyWords]);
    }
}
