//! The cases × parties view of a folder (issue 12): one row per case (by date), one column per
//! party, each cell what the party did on that case across its bodies ("reservation in 7 of
//! 7", [`crate::analysis::cross_case`]). Filtered by search terms and a date range typed in a
//! prompt (`F`); `Enter` opens the case's matrix on the party's column.

pub mod view;

use super::Route;
use super::matrix::MatrixScreen;
use super::notes::NotesScreen;
use crate::analysis::cross_case::{self, CaseMatrix, Filter};
use crate::analysis::search::Query;
use crate::i18n::Lang;
use crate::model::matrix::{Column, Lens};
use crate::tui::action::{Action, Outcome};
use crate::tui::ctx::Ctx;
use crate::tui::overlays::Overlay;
use crate::tui::overlays::prompt::{Prompt, PromptKind};
use chrono::NaiveDate;

#[derive(Debug, Clone)]
pub struct CrossCaseScreen {
    /// The filter as typed: search terms, `from:DATE`, `to:DATE`.
    pub filter: String,
    /// The matrix of the cases that pass the filter.
    pub matrix: CaseMatrix,
    /// The selected row (index into `matrix.rows`) and party column.
    pub row: usize,
    pub col: usize,
}

/// A filter as typed, split into its search words and its dates.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct FilterText {
    /// What is left for the search (words, phrases, `party:`, `stance:`, …).
    pub search: String,
    pub from: Option<NaiveDate>,
    pub to: Option<NaiveDate>,
}

/// Split a typed filter: `from:2026-01-01` (or `från:`), `to:2026-12-31` (or `till:`) are the
/// dates, every other word is the search. A date that is not `YYYY-MM-DD` is an error naming
/// it (escaped: the text is the user's).
pub fn parse_filter(text: &str, lang: Lang) -> Result<FilterText, String> {
    let mut out = FilterText::default();
    let mut words = Vec::new();
    for word in text.split_whitespace() {
        let lower = word.to_lowercase();
        let (key, value) = match lower.split_once(':') {
            Some((k @ ("from" | "från" | "to" | "till"), v)) => (k.to_string(), v.to_string()),
            _ => {
                words.push(word);
                continue;
            }
        };
        let date = NaiveDate::parse_from_str(&value, "%Y-%m-%d").map_err(|_| match lang {
            Lang::En => format!(
                "`{}` is not a date: write {key}:YYYY-MM-DD",
                crate::text::escape(word)
            ),
            Lang::Sv => format!(
                "`{}` är inget datum: skriv {key}:ÅÅÅÅ-MM-DD",
                crate::text::escape(word)
            ),
        })?;
        if matches!(key.as_str(), "from" | "från") {
            out.from = Some(date);
        } else {
            out.to = Some(date);
        }
    }
    out.search = words.join(" ");
    Ok(out)
}

impl CrossCaseScreen {
    /// Every loaded case, unfiltered.
    pub fn open(ctx: &Ctx) -> CrossCaseScreen {
        CrossCaseScreen {
            filter: String::new(),
            matrix: cross_case::case_matrix(ctx.cases, &Filter::default()),
            row: 0,
            col: 0,
        }
    }

    /// Apply a typed filter; on an error (a bad date, a query problem, no index yet) the view
    /// stays as it was and the outcome says why.
    fn set_filter(&mut self, text: &str, ctx: &Ctx) -> Outcome {
        let lang = ctx.lang;
        let parsed = match parse_filter(text, lang) {
            Ok(p) => p,
            Err(e) => return Outcome::error(e),
        };
        let query = Query::parse(&parsed.search);
        if let Some(problem) = query.problems().first() {
            return Outcome::error(problem.message(lang));
        }
        let searching = !query.is_empty();
        let search = match (searching, ctx.index) {
            (false, _) => None,
            (true, Some(index)) => Some((index, &query)),
            (true, None) => {
                return Outcome::error(lang.pick(
                    "Still indexing the texts; try the filter again in a moment",
                    "Indexerar fortfarande texterna; prova filtret igen om en stund",
                ));
            }
        };
        let filter = Filter {
            search,
            from: parsed.from,
            to: parsed.to,
        };
        self.matrix = cross_case::case_matrix(ctx.cases, &filter);
        self.filter = text.trim().to_string();
        self.row = 0;
        self.col = self.col.min(self.matrix.parties.len().saturating_sub(1));
        let n = self.matrix.rows.len();
        Outcome::say(match lang {
            Lang::En if n == 1 => "1 case shown".to_string(),
            Lang::En => format!("{n} cases shown"),
            Lang::Sv => format!("{n} ärenden visas"),
        })
    }

    /// The case of the selected row, if any row is shown.
    pub fn selected_case(&self) -> Option<usize> {
        self.matrix.rows.get(self.row).map(|r| r.case)
    }

    pub fn update(&mut self, action: &Action, ctx: &Ctx) -> Outcome {
        let rows = self.matrix.rows.len().saturating_sub(1);
        let cols = self.matrix.parties.len().saturating_sub(1);
        match action {
            Action::Up => self.row = self.row.saturating_sub(1),
            Action::Down => self.row = (self.row + 1).min(rows),
            Action::Left => self.col = self.col.saturating_sub(1),
            Action::Right => self.col = (self.col + 1).min(cols),
            Action::Top => self.row = 0,
            Action::Bottom => self.row = rows,
            Action::Filter => {
                let kind = PromptKind::CaseFilter;
                return Outcome::open(Overlay::Prompt(Prompt::new(kind, &self.filter)));
            }
            Action::SetFilter(text) => return self.set_filter(text, ctx),
            Action::Open => return self.open_case(ctx),
            Action::OpenNotes => {
                if let Some(case) = self.selected_case() {
                    return NotesScreen::open(case);
                }
            }
            Action::Back => return Outcome::pop(),
            _ => {}
        }
        Outcome::none()
    }

    /// The selected case's matrix, in the party lens on the selected party's column.
    fn open_case(&self, ctx: &Ctx) -> Outcome {
        let Some(case) = self.selected_case() else {
            return Outcome::none();
        };
        let mut m = MatrixScreen::new(case);
        m.lens = Lens::Party;
        if let Some(party) = self.matrix.parties.get(self.col) {
            let columns = m.columns(ctx);
            m.col = party_column(&columns, party).unwrap_or(0);
        }
        Outcome::push(Route::Matrix(m))
    }
}

/// The column of `party` in a case's party lens, if it has one.
pub fn party_column(columns: &[Column], party: &str) -> Option<usize> {
    columns
        .iter()
        .position(|c| matches!(c, Column::Party(p) if p == party))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_are_split_from_the_search_words() {
        let f = parse_filter("trygghet from:2026-01-01 party:M till:2026-06-30", Lang::En);
        assert_eq!(
            f.unwrap(),
            FilterText {
                search: "trygghet party:M".into(),
                from: NaiveDate::from_ymd_opt(2026, 1, 1),
                to: NaiveDate::from_ymd_opt(2026, 6, 30),
            }
        );
        let bad = parse_filter("from:2026-13-01", Lang::En).unwrap_err();
        assert_eq!(
            bad,
            "`from:2026-13-01` is not a date: write from:YYYY-MM-DD"
        );
        let bad = parse_filter("till:igår\u{1b}", Lang::Sv).unwrap_err();
        assert!(bad.starts_with("`till:igår"), "{bad}");
        assert!(!bad.contains('\u{1b}'), "{bad}");
    }
}
