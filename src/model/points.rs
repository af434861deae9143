//! The points × parties matrix of a one-body document (a committee report, a protocol): for
//! each decision point, who reserved on it (with the reservation's number), who filed a
//! special statement or a protocol note, how each party voted and which side won.

use super::{Case, Choice, Stance, Tally};

/// One position in a cell of the points matrix.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PointMark {
    /// Index into [`Case::positions`].
    pub position: usize,
    pub stance: Stance,
    /// The document's number for it ("Reservation 4").
    pub number: Option<u32>,
    /// A reservation against the reasoning only (motivreservation).
    pub reasons_only: bool,
}

/// How one party voted on one point.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PartySide {
    /// The party's counts (its own, or tallied from its members' votes).
    pub tally: Tally,
    /// The choice most of the party's present members made, if one leads.
    pub side: Option<Choice>,
    /// Whether that side won the vote; `None` when the winner or the side is unknown, or the
    /// party abstained.
    pub won: Option<bool>,
}

/// What one party did on one point.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct PointCell {
    pub marks: Vec<PointMark>,
    pub vote: Option<PartySide>,
}

/// One row: a decision point, or (`point: None`) the positions that name no point.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PointRow {
    /// Index into [`Case::points`]; `None` for the row of positions without a point.
    pub point: Option<usize>,
    /// The winning side of the point's vote, where it was decided by a vote and the winner is
    /// known.
    pub winner: Option<Choice>,
    /// One cell per party of [`PointMatrix::parties`].
    pub cells: Vec<PointCell>,
}

/// Points × parties. Rows in point order; a last row for reservations and statements that
/// name no point, when there are any.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PointMatrix {
    /// Party codes, in declaration order: those with a position on a point or a vote.
    pub parties: Vec<String>,
    pub rows: Vec<PointRow>,
}

impl Case {
    /// The points × parties matrix. Empty (no rows) for a case without points.
    pub fn point_matrix(&self) -> PointMatrix {
        if self.points.is_empty() {
            return PointMatrix {
                parties: Vec::new(),
                rows: Vec::new(),
            };
        }
        let statement = |s: Stance| !s.is_decision() && s != Stance::NoAnswer;
        let parties: Vec<String> = self
            .parties
            .iter()
            .map(|p| p.code.clone())
            .filter(|code| {
                self.positions.iter().any(|p| {
                    (!p.points.is_empty() || statement(p.stance)) && p.parties.contains(code)
                }) || self.points.iter().any(|pt| {
                    pt.vote
                        .as_ref()
                        .is_some_and(|v| v.party_tally(code).is_some())
                })
            })
            .collect();
        let mut rows: Vec<PointRow> = Vec::new();
        for (k, pt) in self.points.iter().enumerate() {
            let winner = pt.vote.as_ref().and_then(|v| v.winner());
            let cells = parties
                .iter()
                .map(|party| PointCell {
                    marks: self.marks(Some(k), party),
                    vote: pt.vote.as_ref().and_then(|v| {
                        let tally = v.party_tally(party)?;
                        let side = tally.leading();
                        let won = match (side, winner) {
                            (Some(s @ (Choice::Yes | Choice::No)), Some(w)) => Some(s == w),
                            _ => None,
                        };
                        Some(PartySide { tally, side, won })
                    }),
                })
                .collect();
            rows.push(PointRow {
                point: Some(k),
                winner,
                cells,
            });
        }
        let loose: Vec<PointCell> = parties
            .iter()
            .map(|party| PointCell {
                marks: self.marks(None, party),
                vote: None,
            })
            .collect();
        if loose.iter().any(|c| !c.marks.is_empty()) {
            rows.push(PointRow {
                point: None,
                winner: None,
                cells: loose,
            });
        }
        PointMatrix { parties, rows }
    }

    /// The positions of `party` on `point` (for `None`: its reservations and statements that
    /// name no point), in file order. A position on several points is in each of their rows.
    fn marks(&self, point: Option<usize>, party: &str) -> Vec<PointMark> {
        self.positions
            .iter()
            .enumerate()
            .filter(|(_, p)| match point {
                Some(k) => p.points.contains(&k),
                None => p.points.is_empty(),
            })
            .filter(|(_, p)| p.parties.iter().any(|c| c == party))
            .filter(|(_, p)| {
                point.is_some() || (!p.stance.is_decision() && p.stance != Stance::NoAnswer)
            })
            .map(|(i, p)| PointMark {
                position: i,
                stance: p.stance,
                number: p.number,
                reasons_only: p.reasons_only,
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use crate::model::{Choice, parse_case};

    const REPORT: &str = r#"
format = 1
[case]
dnr = "2001/02:BoU1"
title = "Utgiftsområde 18"
kind = "other"
[[parties]]
code = "S"
name = "Socialdemokraterna"
[[parties]]
code = "M"
name = "Moderaterna"
[[parties]]
code = "V"
name = "Vänsterpartiet"
[[parties]]
code = "C"
name = "Centerpartiet"
[[bodies]]
id = "bou"
name = "Bostadsutskottet"
kind = "committee"
[[points]]
id = "1"
title = "Anslagen"
proposal = "Riksdagen anvisar anslagen."
[[points]]
id = "2"
title = "Bostadspolitiken"
proposal = "Riksdagen avslår motionerna."
decision = "Kammaren biföll utskottets förslag."
[points.vote]
method = "vote"
yes = 175
no = 101
abstain = 40
absent = 33
yes_for = "utskottets förslag"
no_for = "reservation 2 (M)"
[[points.vote.parties]]
party = "S"
yes = 175
no = 0
abstain = 0
absent = 20
[[points.vote.parties]]
party = "M"
yes = 0
no = 101
abstain = 0
absent = 10
[[points.vote.parties]]
party = "V"
yes = 0
no = 0
abstain = 40
absent = 3
[[positions]]
body = "bou"
point = "2"
number = 2
stance = "reservation"
parties = ["M"]
text = "Vi anser."
[[positions]]
body = "bou"
point = "2"
number = 3
stance = "reservation"
reasons_only = true
parties = ["C"]
text = "Motiven."
[[positions]]
body = "bou"
point = "1"
number = 1
stance = "special_statement"
parties = ["M", "C"]
text = "Vi avstår."
[[positions]]
body = "bou"
stance = "special_statement"
number = 2
parties = ["V"]
text = "Utan punkt."
"#;

    #[test]
    fn points_by_parties() {
        let case = parse_case(REPORT, "t.toml", "t").unwrap();
        assert_eq!(case.positions[0].id, "bou/2/reservation/M");
        let m = case.point_matrix();
        assert_eq!(m.parties, ["S", "M", "V", "C"]);
        assert_eq!(m.rows.len(), 3, "two points and the row without a point");
        let p2 = &m.rows[1];
        assert_eq!(p2.winner, Some(Choice::Yes));
        let m_cell = &p2.cells[1];
        assert_eq!(m_cell.marks[0].number, Some(2));
        assert_eq!(m_cell.vote.unwrap().side, Some(Choice::No));
        assert_eq!(m_cell.vote.unwrap().won, Some(false));
        assert_eq!(p2.cells[0].vote.unwrap().won, Some(true));
        assert_eq!(p2.cells[2].vote.unwrap().side, Some(Choice::Abstain));
        assert_eq!(p2.cells[2].vote.unwrap().won, None);
        assert!(p2.cells[3].marks[0].reasons_only);
        assert_eq!(m.rows[0].cells[1].marks[0].number, Some(1));
        assert_eq!(m.rows[0].cells[3].marks.len(), 1);
        assert_eq!(m.rows[2].point, None);
        assert_eq!(m.rows[2].cells[2].marks[0].number, Some(2));
    }

    #[test]
    fn a_case_without_points_has_an_empty_matrix() {
        let case = crate::model::load_bundled();
        assert!(case.points.is_empty());
        assert!(case.point_matrix().rows.is_empty());
    }

    fn problems(src: &str) -> Vec<String> {
        match parse_case(src, "t.toml", "t") {
            Ok(_) => vec![],
            Err(p) => p.iter().map(ToString::to_string).collect(),
        }
    }

    #[test]
    fn votes_are_checked() {
        let bad = REPORT.replace("yes = 175\nno = 101", "yes = 176\nno = 101");
        let p = problems(&bad);
        assert_eq!(p.len(), 1, "{p:#?}");
        assert!(
            p[0].contains("the parties' `yes` votes add up to 175"),
            "{}",
            p[0]
        );
        assert!(p[0].starts_with("t.toml:34:7:"), "{}", p[0]);

        let bad = REPORT.replace("method = \"vote\"", "method = \"acklamation\"");
        let p = problems(&bad);
        assert!(p[0].contains("unknown method `acklamation`"), "{p:?}");

        let bad = REPORT.replace(
            "abstain = 40\nabsent = 33",
            "abstain = 40\nabsent = 33\nwinner = \"no\"",
        );
        let p = problems(&bad);
        assert!(p[0].contains("`winner` contradicts the counts"), "{p:?}");

        let bad = REPORT.replacen("point = \"2\"", "point = \"22\"", 1);
        let p = problems(&bad);
        assert!(
            p[0].contains("unknown point `22`; did you mean `2`?"),
            "{p:?}"
        );

        let bad = REPORT.replacen("number = 2\n", "number = -2\n", 1);
        let p = problems(&bad);
        assert!(p[0].contains("`number` is a whole number"), "{p:?}");

        let bad = REPORT.replacen(
            "stance = \"special_statement\"\nparties = [\"M\", \"C\"]",
            "stance = \"special_statement\"\nreasons_only = true\nparties = [\"M\", \"C\"]",
            1,
        );
        let p = problems(&bad);
        assert!(
            p[0].contains("`reasons_only` is for a reservation"),
            "{p:?}"
        );

        let bad = REPORT.replace("[[points]]\nid = \"2\"", "[[points]]\nid = \"1\"");
        let p = problems(&bad);
        assert!(
            p.iter().any(|m| m.contains("point `1` is declared twice")),
            "{p:?}"
        );
    }

    #[test]
    fn members_votes_are_tallied_per_party() {
        let src = r#"
format = 1
[case]
dnr = "KS 2026/1"
title = "Motion"
kind = "motion"
[[parties]]
code = "S"
name = "Socialdemokraterna"
[[parties]]
code = "M"
name = "Moderaterna"
[[points]]
id = "45"
title = "§ 45"
[points.vote]
method = "vote"
yes = 2
no = 1
[[points.vote.members]]
name = "Anna"
party = "S"
vote = "yes"
[[points.vote.members]]
name = "Bo"
party = "S"
vote = "yes"
[[points.vote.members]]
name = "Cia"
party = "M"
vote = "no"
"#;
        let case = parse_case(src, "t.toml", "t").unwrap();
        let m = case.point_matrix();
        assert_eq!(m.parties, ["S", "M"]);
        let s = m.rows[0].cells[0].vote.unwrap();
        assert_eq!(s.tally.yes, Some(2));
        assert_eq!(s.won, Some(true));
        let bad = src.replace("yes = 2", "yes = 3");
        let p = problems(&bad);
        assert!(
            p[0].contains("2 member(s) voted `yes`, but the vote's `yes` is 3"),
            "{p:?}"
        );
    }
}
