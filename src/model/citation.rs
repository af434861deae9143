//! Quotes with their citation, in the form a debate note or a speech uses:
//! `”…text…” (Reservation av Andréa Hedin m.fl. (M), Socialnämnden 2026-02-17, KS 2025/1121)`.
//! Citations are in Swedish, the language of the quoted text.

use crate::model::{Case, Part, Stance};

/// Who said it, where and when: `Reservation av Andréa Hedin m.fl. (M), Socialnämnden
/// 2026-02-17, KS 2025/1121`; an administration's opinion with its own date and its body's
/// meeting: `Tjänsteutlåtande, Socialförvaltningen 2025-12-30 (Socialnämnden 2026-02-17), KS
/// 2025/1121`.
pub fn citation(case: &Case, position: usize) -> String {
    let p = &case.positions[position];
    let body = case.body(p);
    let when = case.date_of(p).map(|d| format!(" {d}")).unwrap_or_default();
    let who = match p.stance {
        Stance::Reservation => format!("Reservation av {}", case.byline(p)),
        Stance::SpecialStatement => format!("Särskilt uttalande av {}", case.byline(p)),
        Stance::SubstituteStatement => format!("Ersättaryttrande av {}", case.byline(p)),
        Stance::ProtocolNote => format!("Protokollsanteckning av {}", case.byline(p)),
        // An administration's opinion: its own date beside it, the body's meeting beside the
        // body, so that no date is read as the other's.
        _ => match case.opinion_author(p) {
            Some(author) => {
                let dated = |d: Option<chrono::NaiveDate>| d.map(|d| format!(" {d}"));
                let written = dated(case.opinion_date_of(p)).unwrap_or_default();
                let meeting = dated(body.meeting_date).unwrap_or_default();
                return format!(
                    "Tjänsteutlåtande, {author}{written} ({}{meeting}), {}",
                    body.name, case.dnr
                );
            }
            None => "Tjänsteutlåtande".to_string(),
        },
    };
    format!("{who}, {}{when}, {}", body.name, case.dnr)
}

/// The citation of a case text (a section of the statement, or its proposal): `Föredragande
/// borgarrådets synpunkter, utlåtande 2026-04-29, KS 2025/1121`.
pub fn case_text_citation(case: &Case, title: &str) -> String {
    let when = case.date.map(|d| format!(" {d}")).unwrap_or_default();
    format!("{title}, utlåtande{when}, {}", case.dnr)
}

/// The citation of a body's decision wording: `Beslut, Socialnämnden 2026-02-17, KS
/// 2025/1121`.
pub fn decision_citation(case: &Case, body: usize) -> String {
    let b = &case.bodies[body];
    let when = b.meeting_date.map(|d| format!(" {d}")).unwrap_or_default();
    format!("Beslut, {}{when}, {}", b.name, case.dnr)
}

/// The citation of any part of the case (`None` when `case` has no such part): a position's
/// ([`citation`]), a section's or the proposal's ([`case_text_citation`]), a decision's
/// ([`decision_citation`]).
pub fn of_part(case: &Case, part: Part) -> Option<String> {
    match part {
        Part::Position(p) => (p < case.positions.len()).then(|| citation(case, p)),
        Part::Section(s) => case
            .sections
            .get(s)
            .map(|s| case_text_citation(case, &s.title)),
        Part::Proposal => Some(case_text_citation(case, PROPOSAL_TITLE)),
        Part::Decision(b) => (b < case.bodies.len()).then(|| decision_citation(case, b)),
    }
}

/// The proposal's title in a citation (citations are in Swedish).
pub const PROPOSAL_TITLE: &str = "Förslag till beslut";

/// A quote of `text` from a position, with its citation.
pub fn quote(case: &Case, position: usize, text: &str) -> String {
    format_quote(text, &citation(case, position))
}

/// `”text” (citation)`.
pub fn format_quote(text: &str, citation: &str) -> String {
    format!("”{}” ({citation})", text.trim())
}

/// The whole text of a position, paragraphs separated by blank lines, then the citation.
pub fn whole(case: &Case, position: usize) -> String {
    let paragraphs = case.text_of(position).join("\n\n");
    format!("”{paragraphs}”\n({})", citation(case, position))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::load_bundled;

    #[test]
    fn reservation_citation_has_signatories_body_date_and_dnr() {
        let case = load_bundled();
        let i = case.position_index("socialnamnden/reservation/M").unwrap();
        assert_eq!(
            citation(&case, i),
            "Reservation av Andréa Hedin m.fl. (M), Socialnämnden 2026-02-17, KS 2025/1121"
        );
        assert!(quote(&case, i, " Text. ").starts_with("”Text.” (Reservation av"));
    }

    #[test]
    fn case_text_citation_has_title_date_and_dnr() {
        let case = load_bundled();
        assert_eq!(
            case_text_citation(&case, "Föredragande borgarrådets synpunkter"),
            "Föredragande borgarrådets synpunkter, utlåtande 2026-04-29, KS 2025/1121"
        );
    }

    #[test]
    fn opinion_citation_names_the_administration() {
        let case = load_bundled();
        let i = case.position_index("socialnamnden/reject").unwrap();
        assert_eq!(
            citation(&case, i),
            "Tjänsteutlåtande, Socialförvaltningen 2025-12-30 (Socialnämnden 2026-02-17), KS \
             2025/1121"
        );
        // An office's own opinion has one date, the opinion's.
        let i = case.position_index("stadsledningskontoret/reject").unwrap();
        assert_eq!(
            citation(&case, i),
            "Tjänsteutlåtande, Stadsledningskontoret 2026-03-04, KS 2025/1121"
        );
    }
}
