//! The facts behind a case's one-line summary: how many bodies it was referred to, how many
//! answered (and of those, how many stances are unknown, uncertain or not yet reviewed), and
//! for reservations, special statements, substitute's statements and protocol notes which
//! parties filed them in how many bodies. The wording ("Remitterad till 7; 6 svar;
//! reservationer (M) i 7 organ; …", "Referred to 5; 4 answered (1 stance unknown, 3
//! unreviewed)") is `Lang::summary`'s, in the i18n module.

use super::{Case, Review, Stance};

/// What the summary line says, before it is worded.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Summary {
    pub answers: AnswerCounts,
    /// Reservations, special statements, substitute's statements and protocol notes, in that
    /// order; a stance no party took is left out.
    pub stances: Vec<StanceSummary>,
}

/// Who took a stance, and in how many bodies.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StanceSummary {
    pub stance: Stance,
    /// Parties that took it in the same number of bodies, grouped, in party declaration
    /// order: `[(["S", "V", "MP"], 1)]`.
    pub groups: Vec<(Vec<String>, usize)>,
    /// More than one position with this stance in the case.
    pub plural: bool,
}

/// What is known of the answers of a case's referral bodies.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct AnswerCounts {
    /// Referral bodies (not the preparatory meeting and the board).
    pub referred: usize,
    /// Referral bodies whose answer is in the file: not `answered = false`, and at least one
    /// position of their own.
    pub answered: usize,
    /// Of those, bodies without a decision, or whose decision's stance is `unknown`.
    pub unknown: usize,
    /// Bodies whose decision's stance is uncertain (imported, a weak rule or a disagreement).
    pub uncertain: usize,
    /// Bodies whose decision's stance was inferred by the importer and not yet confirmed.
    pub unreviewed: usize,
}

impl Case {
    /// Whether the body's answer is in the file: it is not marked `answered = false` and has
    /// a position of its own.
    pub fn answer_found(&self, body: usize) -> bool {
        self.bodies[body].answered
            && self
                .positions_of(body)
                .any(|(_, p)| p.stance != Stance::NoAnswer)
    }

    /// The counts behind the summary's "N answered".
    pub fn answer_counts(&self) -> AnswerCounts {
        let mut c = AnswerCounts::default();
        for b in (0..self.bodies.len()).filter(|&b| self.bodies[b].kind.is_referral_body()) {
            c.referred += 1;
            if !self.answer_found(b) {
                continue;
            }
            c.answered += 1;
            let decision = self.positions_of(b).find(|(_, p)| p.stance.is_decision());
            match decision {
                None => c.unknown += 1,
                Some((_, p)) if p.stance == Stance::Unknown => c.unknown += 1,
                Some((_, p)) => match p.review() {
                    Some(Review::Uncertain) => c.uncertain += 1,
                    Some(Review::Inferred) => c.unreviewed += 1,
                    _ => {}
                },
            }
        }
        c
    }

    /// The facts of the case's one-line summary.
    pub fn summary(&self) -> Summary {
        let mut stances = Vec::new();
        for stance in [
            Stance::Reservation,
            Stance::SpecialStatement,
            Stance::SubstituteStatement,
            Stance::ProtocolNote,
        ] {
            // Bodies with this stance, per party, in party declaration order.
            let mut groups: Vec<(Vec<String>, usize)> = Vec::new();
            for party in self.parties.iter().map(|p| p.code.as_str()) {
                let n = (0..self.bodies.len())
                    .filter(|&b| {
                        self.positions_of(b).any(|(_, p)| {
                            p.stance == stance && p.parties.iter().any(|c| c == party)
                        })
                    })
                    .count();
                if n == 0 {
                    continue;
                }
                // Parties with the same count share one group: "(S, V, MP) i 1".
                match groups.iter_mut().find(|(_, m)| *m == n) {
                    Some((ps, _)) => ps.push(party.to_string()),
                    None => groups.push((vec![party.to_string()], n)),
                }
            }
            if groups.is_empty() {
                continue;
            }
            let positions = self.positions.iter().filter(|p| p.stance == stance).count();
            stances.push(StanceSummary {
                stance,
                groups,
                plural: positions > 1,
            });
        }
        Summary {
            answers: self.answer_counts(),
            stances,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::load_bundled;

    #[test]
    fn the_bundled_case_in_figures() {
        let s = load_bundled().summary();
        assert_eq!((s.answers.referred, s.answers.answered), (7, 6));
        let groups = |stance| {
            s.stances
                .iter()
                .find(|x| x.stance == stance)
                .map(|x| x.groups.clone())
        };
        let owned = |ps: &[&str], n| (ps.iter().map(|p| p.to_string()).collect::<Vec<_>>(), n);
        assert_eq!(groups(Stance::Reservation), Some(vec![owned(&["M"], 7)]));
        assert_eq!(
            groups(Stance::SpecialStatement),
            Some(vec![owned(&["S", "V", "MP"], 1)])
        );
        assert_eq!(s.stances[0].stance, Stance::Reservation);
        assert!(s.stances[0].plural);
    }
}

/// What the summary of a case with decision points says, as a committee report states it:
/// "32 decision points; 52 reservations (M, V, …) on 24 points; 7 special statements (…) on 3
/// points; 2 votes". Worded by `Lang::summary`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PointsSummary {
    pub points: usize,
    /// Reservations, special statements, substitute's statements and protocol notes that occur.
    pub stances: Vec<PointStance>,
    /// Points decided by a counted vote.
    pub votes: usize,
}

/// How many positions of one stance, by which parties (declaration order), on how many points.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PointStance {
    pub stance: Stance,
    pub count: usize,
    pub parties: Vec<String>,
    pub on_points: usize,
}

impl Case {
    /// The summary's facts for a case with decision points; `None` without points.
    pub fn points_summary(&self) -> Option<PointsSummary> {
        if self.points.is_empty() {
            return None;
        }
        let mut stances = Vec::new();
        for stance in [
            Stance::Reservation,
            Stance::SpecialStatement,
            Stance::SubstituteStatement,
            Stance::ProtocolNote,
        ] {
            let of: Vec<&super::Position> = self
                .positions
                .iter()
                .filter(|p| p.stance == stance)
                .collect();
            if of.is_empty() {
                continue;
            }
            let parties = self
                .parties
                .iter()
                .map(|p| p.code.clone())
                .filter(|c| of.iter().any(|p| p.parties.contains(c)))
                .collect();
            let mut on: Vec<usize> = of.iter().flat_map(|p| p.points.iter().copied()).collect();
            on.sort_unstable();
            on.dedup();
            stances.push(PointStance {
                stance,
                count: of.len(),
                parties,
                on_points: on.len(),
            });
        }
        let votes = self
            .points
            .iter()
            .filter(|p| {
                p.vote
                    .as_ref()
                    .is_some_and(|v| v.method == super::VoteMethod::Vote)
            })
            .count();
        Some(PointsSummary {
            points: self.points.len(),
            stances,
            votes,
        })
    }
}
