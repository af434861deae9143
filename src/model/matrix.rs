//! The body × stance matrix and the body × party matrix (the party lens).

use super::{Case, Stance};

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
