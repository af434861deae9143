//! The one-line summary of a case, in the style of a parliamentary report:
//! "Remitterad till 7; 6 svar; reservationer (M) i 7 organ; särskilt uttalande (S, V, MP) i 1;
//! ersättaryttrande (KD) i 1".

use super::{Case, Stance};
use crate::i18n::Lang;

impl Case {
    pub fn summary(&self, lang: Lang) -> String {
        let referral: Vec<usize> = (0..self.bodies.len())
            .filter(|&b| self.bodies[b].kind.is_referral_body())
            .collect();
        let answered = referral
            .iter()
            .filter(|&&b| self.bodies[b].answered)
            .count();
        let mut parts = vec![
            match lang {
                Lang::En => format!("Referred to {}", referral.len()),
                Lang::Sv => format!("Remitterad till {}", referral.len()),
            },
            match lang {
                Lang::En => format!("{answered} answered"),
                Lang::Sv => format!("{answered} svar"),
            },
        ];
        let mut first_stance = true;
        for stance in [
            Stance::Reservation,
            Stance::SpecialStatement,
            Stance::SubstituteStatement,
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
