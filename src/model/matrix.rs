//! The body × stance matrix and the body × party matrix (the party lens): which columns a
//! lens has, which positions a cell holds, and the marks a cell can carry.

use super::{Case, Review, Stance};

/// Which columns the matrix has.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Lens {
    /// Columns are stances; cells list the parties.
    Stance,
    /// Columns are parties; cells list the stances.
    Party,
}

impl Lens {
    /// Stances ↔ parties.
    pub fn other(self) -> Lens {
        match self {
            Lens::Stance => Lens::Party,
            Lens::Party => Lens::Stance,
        }
    }
}

/// A column of the matrix under a lens.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Column {
    Stance(Stance),
    /// A party, by its code.
    Party(String),
}

/// Marks a body's own decision that names no party (stance lens).
pub const DECISION_MARK: &str = "•";
/// Marks a party's stance inferred from the governing majority's decision (party lens).
pub const INFERRED_MARK: &str = "*";
/// Marks an imported position with an uncertain fact: check it before quoting it.
pub const UNCERTAIN_MARK: &str = "!";
/// Marks an imported position whose facts the importer inferred and nobody reviewed.
pub const UNREVIEWED_MARK: &str = "~";

/// The mark of a review state: `!` uncertain, `~` inferred (not reviewed), nothing when
/// confirmed or when nothing was inferred.
pub fn review_mark(review: Option<Review>) -> &'static str {
    match review {
        Some(Review::Uncertain) => UNCERTAIN_MARK,
        Some(Review::Inferred) => UNREVIEWED_MARK,
        Some(Review::Confirmed) | None => "",
    }
}

/// One party's stance in one body.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PartyStance {
    pub stance: Stance,
    /// The position this comes from.
    pub position: usize,
    /// True when the body's decision named no party and the stance is the governing
    /// majority's, inferred from the decision.
    pub inferred: bool,
}

impl Case {
    /// The matrix's columns under `lens`: the stances used in the case (every stance with
    /// `all_stances`), or the parties that appear in it.
    pub fn columns(&self, lens: Lens, all_stances: bool) -> Vec<Column> {
        match lens {
            Lens::Stance if all_stances => Stance::ALL.into_iter().map(Column::Stance).collect(),
            Lens::Stance => self
                .used_stances()
                .into_iter()
                .map(Column::Stance)
                .collect(),
            Lens::Party => self
                .active_parties()
                .into_iter()
                .map(|p| Column::Party(p.to_string()))
                .collect(),
        }
    }

    /// The positions in the cell of `body` and `column`: those with the stance, or those
    /// naming the party (an inferred one first, see [`Case::party_stances`]).
    pub fn cell_of(&self, body: usize, column: &Column) -> Vec<usize> {
        match column {
            Column::Stance(s) => self.cell(body, *s),
            Column::Party(p) => self
                .party_stances(body, p)
                .iter()
                .map(|s| s.position)
                .collect(),
        }
    }

    /// Positions of `body` with `stance`, in file order.
    pub fn cell(&self, body: usize, stance: Stance) -> Vec<usize> {
        self.positions_of(body)
            .filter(|(_, p)| p.stance == stance)
            .map(|(i, _)| i)
            .collect()
    }

    /// Stances that occur anywhere in the case, in [`Stance::ALL`] order.
    pub fn used_stances(&self) -> Vec<Stance> {
        Stance::ALL
            .into_iter()
            .filter(|s| self.positions.iter().any(|p| p.stance == *s))
            .collect()
    }

    /// What `party` did in `body`: every position naming it, and where none of its own
    /// decisions names a party, the majority's decision marked as inferred. Empty when nothing
    /// is known.
    pub fn party_stances(&self, body: usize, party: &str) -> Vec<PartyStance> {
        let mut out: Vec<PartyStance> = self
            .positions_of(body)
            .filter(|(_, p)| p.parties.iter().any(|c| c == party))
            .map(|(i, p)| PartyStance {
                stance: p.stance,
                position: i,
                inferred: false,
            })
            .collect();
        let in_majority = self
            .majority
            .as_ref()
            .is_some_and(|m| m.parties.iter().any(|c| c == party));
        let has_decision = out.iter().any(|s| s.stance.is_decision());
        let reserved = out.iter().any(|s| s.stance == Stance::Reservation);
        if in_majority
            && !has_decision
            && !reserved
            && self.bodies[body].kind.is_political()
            && let Some((i, p)) = self
                .positions_of(body)
                .find(|(_, p)| p.stance.is_decision() && p.parties.is_empty())
        {
            out.insert(
                0,
                PartyStance {
                    stance: p.stance,
                    position: i,
                    inferred: true,
                },
            );
        }
        out
    }

    /// Parties that appear in any position, in declaration order.
    pub fn active_parties(&self) -> Vec<&str> {
        self.parties
            .iter()
            .map(|p| p.code.as_str())
            .filter(|c| {
                self.positions
                    .iter()
                    .any(|p| p.parties.iter().any(|x| x == c))
                    || self
                        .majority
                        .as_ref()
                        .is_some_and(|m| m.parties.iter().any(|x| x == c))
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::load_bundled;

    #[test]
    fn columns_and_cells_under_both_lenses() {
        let case = load_bundled();
        let stances = case.columns(Lens::Stance, false);
        assert_eq!(stances.len(), case.used_stances().len());
        assert_eq!(case.columns(Lens::Stance, true).len(), Stance::ALL.len());
        let parties = case.columns(Lens::Party, false);
        assert_eq!(
            parties,
            ["M", "S", "V", "MP", "KD"].map(|p| Column::Party(p.into()))
        );
        let b = case
            .bodies
            .iter()
            .position(|b| b.id == "skarholmen")
            .unwrap();
        let s_cell = case.cell_of(b, &Column::Party("S".into()));
        // The majority's inferred decision first, then S's own special statement.
        let ids: Vec<&str> = s_cell
            .iter()
            .map(|&i| case.positions[i].id.as_str())
            .collect();
        assert_eq!(ids[1], "skarholmen/special_statement/S+V+MP");
        assert!(case.positions[s_cell[0]].stance.is_decision());
        let res = case.cell_of(b, &Column::Stance(Stance::Reservation));
        assert_eq!(case.positions[res[0]].id, "skarholmen/reservation/M");
        assert_eq!(Lens::Stance.other(), Lens::Party);
    }
}
