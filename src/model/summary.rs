//! The one-line summary of a case, in the style of a parliamentary report:
//! "Remitterad till 7; 6 svar; reservationer (M) i 7 organ; särskilt uttalande (S, V, MP) i 1;
//! ersättaryttrande (KD) i 1". For an imported case the count of answers says how many of
//! their stances are unknown, uncertain or not yet reviewed: "Referred to 5; 4 answered (1
//! stance unknown, 3 unreviewed)".

use super::{Case, Review, Stance};
use crate::i18n::Lang;

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

    pub fn summary(&self, lang: Lang) -> String {
        let counts = self.answer_counts();
        let mut answered = match lang {
            Lang::En => format!("{} answered", counts.answered),
            Lang::Sv => format!("{} svar", counts.answered),
        };
        let mut caveats = Vec::new();
        for (n, one, many) in [
            (
                counts.unknown,
                lang.pick("stance unknown", "okänd ställning"),
                lang.pick("stances unknown", "okända ställningar"),
            ),
            (
                counts.uncertain,
                lang.pick("uncertain", "osäker"),
                lang.pick("uncertain", "osäkra"),
            ),
            (
                counts.unreviewed,
                lang.pick("unreviewed", "ej granskad"),
                lang.pick("unreviewed", "ej granskade"),
            ),
        ] {
            if n > 0 {
                caveats.push(format!("{n} {}", if n == 1 { one } else { many }));
            }
        }
        if !caveats.is_empty() {
            answered.push_str(&format!(" ({})", caveats.join(", ")));
        }
        let mut parts = vec![
            match lang {
                Lang::En => format!("Referred to {}", counts.referred),
                Lang::Sv => format!("Remitterad till {}", counts.referred),
            },
            answered,
        ];
        let mut first_stance = true;
        for stance in [
            Stance::Reservation,
            Stance::SpecialStatement,
            Stance::SubstituteStatement,
            Stance::ProtocolNote,
        ] {
            // Bodies with this stance, per party, in party declaration order.
            let mut per_party: Vec<(String, usize)> = Vec::new();
            for party in self.parties.iter().map(|p| p.code.as_str()) {
                let n = (0..self.bodies.len())
                    .filter(|&b| {
                        self.positions_of(b).any(|(_, p)| {
                            p.stance == stance && p.parties.iter().any(|c| c == party)
                        })
                    })
                    .count();
                if n > 0 {
                    per_party.push((party.to_string(), n));
                }
            }
            if per_party.is_empty() {
                continue;
            }
            // Parties with the same count share one group: "(S, V, MP) i 1".
            let mut groups: Vec<(Vec<String>, usize)> = Vec::new();
            for (party, n) in per_party {
                match groups.iter_mut().find(|(_, m)| *m == n) {
                    Some((ps, _)) => ps.push(party),
                    None => groups.push((vec![party], n)),
                }
            }
            let positions = self.positions.iter().filter(|p| p.stance == stance).count();
            let plural = positions > 1;
            let in_word = lang.pick("in", "i");
            let groups_text: Vec<String> = groups
                .iter()
                .map(|(ps, n)| format!("({}) {in_word} {n}", ps.join(", ")))
                .collect();
            let mut part = format!(
                "{} {}",
                lang.stance_lower(stance, plural),
                groups_text.join(", ")
            );
            if first_stance {
                let one = groups.iter().all(|(_, n)| *n == 1);
                part.push_str(match (lang, one) {
                    (Lang::En, true) => " body",
                    (Lang::En, false) => " bodies",
                    (Lang::Sv, _) => " organ",
                });
                first_stance = false;
            }
            parts.push(part);
        }
        parts.join("; ")
    }
}
