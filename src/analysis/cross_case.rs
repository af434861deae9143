//! Views across the cases of a folder (issue 12): the cases × parties matrix, where each cell
//! is what one party did on one case across its bodies ("reservation in 7 of 7").
//!
//! A party's stance in a body is [`Case::party_stances`]: the positions naming it, and where
//! the body's decision names no party, the majority's decision, marked inferred. A cell counts
//! the bodies: of the bodies where anything is known of the party, in how many it held each
//! stance, and in how many of those the stance is only inferred, or rests on an imported
//! position that is uncertain or not yet reviewed. The app's cross-case screen
//! and `remiss matrix --by case` both read [`case_matrix`].

use crate::analysis::search::{Index, Query};
use crate::model::{Case, Review, Stance};
use chrono::NaiveDate;
use serde::Serialize;

/// Which cases a cross-case view shows. Every condition must hold.
#[derive(Debug, Clone, Copy, Default)]
pub struct Filter<'a> {
    /// Only the cases in which this search (the `remiss search` syntax: words, phrases,
    /// `party:`, `stance:`, `body:`, `case:`) finds a paragraph; the index must be of the
    /// same cases.
    pub search: Option<(&'a Index, &'a Query)>,
    /// Only cases dated on or after this day ([`Case::date`], the statement's date).
    pub from: Option<NaiveDate>,
    /// Only cases dated on or before this day.
    pub to: Option<NaiveDate>,
}

impl Filter<'_> {
    /// Whether a date condition is set (undated cases are then left out: they cannot be
    /// shown to be in the range).
    pub fn has_dates(&self) -> bool {
        self.from.is_some() || self.to.is_some()
    }

    /// The indices of the cases that pass, in case order.
    pub fn cases(&self, cases: &[Case]) -> Vec<usize> {
        let found: Option<Vec<bool>> = self.search.map(|(index, query)| {
            let mut found = vec![false; cases.len()];
            for hit in index.search(cases, query, usize::MAX).hits {
                if let Some(f) = found.get_mut(hit.case) {
                    *f = true;
                }
            }
            found
        });
        (0..cases.len())
            .filter(|&c| found.as_ref().is_none_or(|f| f[c]))
            .filter(|&c| {
                if !self.has_dates() {
                    return true;
                }
                cases[c].date.is_some_and(|d| {
                    self.from.is_none_or(|from| d >= from) && self.to.is_none_or(|to| d <= to)
                })
            })
            .collect()
    }
}

/// A party's stance on one case, counted over bodies.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct StanceCount {
    pub stance: Stance,
    /// Bodies where the party held this stance.
    pub bodies: usize,
    /// Of those, the bodies where it is only inferred from the majority's decision.
    pub inferred: usize,
    /// Of those, the bodies where the position is an imported one with an uncertain fact
    /// (check it before quoting it).
    pub uncertain: usize,
    /// Of those, the bodies where the position's facts were inferred by the importer and
    /// nobody reviewed them.
    pub unreviewed: usize,
    /// The positions it comes from (indices into [`Case::positions`]), in file order.
    pub positions: Vec<usize>,
}

/// One cell: what one party did on one case.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct PartyCell {
    /// Bodies where anything is known of the party's stance (the "of 7").
    pub bodies: usize,
    /// Each stance it held, in [`Stance::ALL`] order. Empty: nothing known (the party did
    /// not take part, or the case does not say).
    pub stances: Vec<StanceCount>,
}

/// One row: a case.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct CaseRow {
    /// Index into the cases.
    pub case: usize,
    pub date: Option<NaiveDate>,
    /// One cell per party of [`CaseMatrix::parties`].
    pub cells: Vec<PartyCell>,
}

/// The cases × parties matrix.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct CaseMatrix {
    /// The columns: every party that appears in a shown case, in the order the rows' cases
    /// declare them (row by row).
    pub parties: Vec<String>,
    /// The shown cases, by date (undated last), then in case order.
    pub rows: Vec<CaseRow>,
    /// Cases left out only because they have no date while a date condition is set.
    pub undated: usize,
}

/// The cases × parties matrix of the cases that pass `filter`.
pub fn case_matrix(cases: &[Case], filter: &Filter<'_>) -> CaseMatrix {
    let shown = filter.cases(cases);
    let undated = if filter.has_dates() {
        let without_dates = Filter {
            from: None,
            to: None,
            ..*filter
        };
        without_dates
            .cases(cases)
            .iter()
            .filter(|&&c| cases[c].date.is_none())
            .count()
    } else {
        0
    };
    let mut shown = shown;
    shown.sort_by_key(|&c| (cases[c].date.is_none(), cases[c].date, c));
    let mut parties: Vec<String> = Vec::new();
    for &c in &shown {
        for p in cases[c].active_parties() {
            if !parties.iter().any(|q| q == p) {
                parties.push(p.to_string());
            }
        }
    }
    let rows: Vec<CaseRow> = shown
        .iter()
        .map(|&c| CaseRow {
            case: c,
            date: cases[c].date,
            cells: parties.iter().map(|p| party_cell(&cases[c], p)).collect(),
        })
        .collect();
    CaseMatrix {
        parties,
        rows,
        undated,
    }
}

/// What `party` did on `case`, counted over its bodies.
pub fn party_cell(case: &Case, party: &str) -> PartyCell {
    let mut cell = PartyCell::default();
    for b in 0..case.bodies.len() {
        let stances = case.party_stances(b, party);
        if stances.is_empty() {
            continue;
        }
        cell.bodies += 1;
        for stance in Stance::ALL {
            let here: Vec<_> = stances.iter().filter(|s| s.stance == stance).collect();
            if here.is_empty() {
                continue;
            }
            let i = match cell.stances.iter().position(|s| s.stance == stance) {
                Some(i) => i,
                None => {
                    cell.stances.push(StanceCount {
                        stance,
                        bodies: 0,
                        inferred: 0,
                        uncertain: 0,
                        unreviewed: 0,
                        positions: Vec::new(),
                    });
                    cell.stances.len() - 1
                }
            };
            let count = &mut cell.stances[i];
            count.bodies += 1;
            count.inferred += usize::from(here.iter().all(|s| s.inferred));
            let review = |r: Review| here.iter().any(|s| case.review_of(s.position) == Some(r));
            count.uncertain += usize::from(review(Review::Uncertain));
            count.unreviewed += usize::from(review(Review::Inferred));
            count.positions.extend(here.iter().map(|s| s.position));
        }
    }
    cell.stances
        .sort_by_key(|s| Stance::ALL.iter().position(|&x| x == s.stance));
    for s in &mut cell.stances {
        s.positions.sort_unstable();
        s.positions.dedup();
    }
    cell
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{load_bundled, parse_case};

    fn cell<'a>(m: &'a CaseMatrix, row: usize, party: &str) -> &'a PartyCell {
        let col = m.parties.iter().position(|p| p == party).unwrap();
        &m.rows[row].cells[col]
    }

    /// The bundled case, a copy dated a year later with an id of its own, and the bygglov
    /// fixture.
    fn three() -> Vec<Case> {
        let later = crate::model::BUNDLED_CASE
            .replace("id = \"trygghetskiosker\"", "id = \"senare\"")
            .replace("date = 2026-04-29", "date = 2027-04-29");
        let bygglov = std::fs::read_to_string(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/tests/fixtures/valid/bygglov.toml"
        ))
        .unwrap();
        vec![
            parse_case(&later, "senare.toml", "senare").unwrap(),
            load_bundled(),
            parse_case(&bygglov, "bygglov.toml", "bygglov").unwrap(),
        ]
    }

    #[test]
    fn m_reserved_in_every_body_and_the_majority_is_inferred() {
        let cases = vec![load_bundled()];
        let m = case_matrix(&cases, &Filter::default());
        assert_eq!(m.rows.len(), 1);
        let moderates = cell(&m, 0, "M");
        assert_eq!(moderates.bodies, 7);
        assert_eq!(moderates.stances.len(), 1);
        let r = &moderates.stances[0];
        assert_eq!(
            (r.stance, r.bodies, r.inferred),
            (Stance::Reservation, 7, 0)
        );
        // KD's substitute concurred with M's reservation in Södermalm.
        let kd = cell(&m, 0, "KD");
        assert!(
            kd.stances
                .iter()
                .any(|s| s.stance == Stance::SubstituteStatement && s.bodies == 1),
            "{kd:?}"
        );
        // S: the majority's decisions name no party, so its stance is inferred where it made
        // no statement of its own; in Skärholmen it also made a special statement.
        let s = cell(&m, 0, "S");
        let special = s
            .stances
            .iter()
            .find(|x| x.stance == Stance::SpecialStatement)
            .unwrap();
        assert_eq!((special.bodies, special.inferred), (1, 0));
        assert!(
            s.stances
                .iter()
                .any(|x| x.inferred > 0 && x.inferred == x.bodies)
        );
        assert!(s.stances.iter().all(|x| x.bodies <= s.bodies));
    }

    #[test]
    fn rows_are_in_date_order_and_dates_filter() {
        let cases = three();
        let m = case_matrix(&cases, &Filter::default());
        let ids: Vec<&str> = m.rows.iter().map(|r| cases[r.case].id.as_str()).collect();
        let mut dated: Vec<(Option<NaiveDate>, &str)> =
            cases.iter().map(|c| (c.date, c.id.as_str())).collect();
        dated.sort_by_key(|(d, _)| (d.is_none(), *d));
        assert_eq!(ids, dated.iter().map(|(_, id)| *id).collect::<Vec<_>>());
        let filter = Filter {
            from: NaiveDate::from_ymd_opt(2027, 1, 1),
            ..Filter::default()
        };
        let later = case_matrix(&cases, &filter);
        let ids: Vec<&str> = later
            .rows
            .iter()
            .map(|r| cases[r.case].id.as_str())
            .collect();
        assert_eq!(ids, ["senare"]);
        let filter = Filter {
            to: NaiveDate::from_ymd_opt(2026, 12, 31),
            ..Filter::default()
        };
        let earlier = case_matrix(&cases, &filter);
        assert!(earlier.rows.iter().all(|r| cases[r.case].id != "senare"));
        assert!(
            earlier
                .rows
                .iter()
                .any(|r| cases[r.case].id == "trygghetskiosker")
        );
    }

    #[test]
    fn search_terms_pick_the_cases_that_mention_them() {
        let cases = three();
        let index = Index::build(&cases);
        let query = Query::parse("trygghetskiosker");
        let m = case_matrix(
            &cases,
            &Filter {
                search: Some((&index, &query)),
                ..Filter::default()
            },
        );
        let ids: Vec<&str> = m.rows.iter().map(|r| cases[r.case].id.as_str()).collect();
        assert_eq!(ids, ["trygghetskiosker", "senare"]);
        // A filter on parties in the query narrows to cases where that party wrote it.
        let query = Query::parse("party:M trygghetskiosker");
        let m = case_matrix(
            &cases,
            &Filter {
                search: Some((&index, &query)),
                ..Filter::default()
            },
        );
        assert_eq!(m.rows.len(), 2);
        let nothing = Query::parse("xyzzyplugh");
        let m = case_matrix(
            &cases,
            &Filter {
                search: Some((&index, &nothing)),
                ..Filter::default()
            },
        );
        assert!(m.rows.is_empty() && m.parties.is_empty());
    }

    #[test]
    fn undated_cases_are_left_out_of_a_date_range_and_counted() {
        let mut cases = three();
        cases[2].date = None;
        let m = case_matrix(
            &cases,
            &Filter {
                from: NaiveDate::from_ymd_opt(2000, 1, 1),
                ..Filter::default()
            },
        );
        assert_eq!(m.rows.len(), 2);
        assert_eq!(m.undated, 1);
        let all = case_matrix(&cases, &Filter::default());
        assert_eq!(all.rows.len(), 3);
        assert_eq!(all.undated, 0);
        assert_eq!(all.rows.last().unwrap().case, 2);
    }

    #[test]
    fn a_party_absent_from_a_case_has_an_empty_cell() {
        let cases = three();
        let m = case_matrix(&cases, &Filter::default());
        for row in &m.rows {
            let case = &cases[row.case];
            for (p, cell) in m.parties.iter().zip(&row.cells) {
                if !case.active_parties().contains(&p.as_str()) {
                    assert_eq!(cell, &PartyCell::default());
                }
            }
        }
        assert_eq!(case_matrix(&[], &Filter::default()), CaseMatrix::default());
    }

    #[test]
    fn imported_positions_carry_their_review_into_the_cell() {
        let src = include_str!("../../tests/fixtures/evidence/imported.toml");
        let cases = vec![parse_case(src, "imported.toml", "imported").unwrap()];
        let m = case_matrix(&cases, &Filter::default());
        // M's reservation was attributed to M by the importer's byline rule: not reviewed.
        let moderates = cell(&m, 0, "M");
        let r = &moderates.stances[0];
        assert_eq!(r.stance, Stance::Reservation);
        assert_eq!((r.bodies, r.unreviewed, r.uncertain), (1, 1, 0));
        let text = crate::export::matrix::case_cell(moderates, crate::i18n::Lang::En, true);
        assert_eq!(text, "Res.~ 1/1");
        // With L in the majority, L's stance in Socialnämnden is inferred from a decision
        // the importer was uncertain of: both marks, nothing hidden.
        let with_majority = src.replace(
            "[[bodies]]\nid = \"socialnamnden\"",
            "[majority]\nparties = [\"L\"]\n\n[[bodies]]\nid = \"socialnamnden\"",
        );
        let cases = vec![parse_case(&with_majority, "imported.toml", "imported").unwrap()];
        let m = case_matrix(&cases, &Filter::default());
        let liberals = cell(&m, 0, "L");
        let reject = liberals
            .stances
            .iter()
            .find(|s| s.stance == Stance::Reject)
            .unwrap();
        assert_eq!(
            (reject.bodies, reject.inferred, reject.uncertain),
            (1, 1, 1)
        );
        let text = crate::export::matrix::case_cell(liberals, crate::i18n::Lang::En, false);
        assert!(text.contains("rejection*! in 1 of"), "{text}");
    }
}
