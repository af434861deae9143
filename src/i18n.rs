//! User-interface language: Swedish when the locale is Swedish, else English.

use crate::model::{BodyKind, Case, Fact, Review, Stance};

mod problems;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Lang {
    En,
    Sv,
}

impl Lang {
    /// From `LC_ALL`, `LC_MESSAGES`, `LANG` (in that order, as POSIX does), else the system
    /// locale.
    pub fn detect() -> Lang {
        for var in ["LC_ALL", "LC_MESSAGES", "LANG"] {
            if let Ok(v) = std::env::var(var)
                && !v.is_empty()
            {
                return Lang::from_locale(&v);
            }
        }
        sys_locale::get_locale().map_or(Lang::En, |l| Lang::from_locale(&l))
    }

    pub fn from_locale(locale: &str) -> Lang {
        let l = locale.to_ascii_lowercase();
        if l.starts_with("sv") {
            Lang::Sv
        } else {
            Lang::En
        }
    }

    /// Pick the Swedish or the English text.
    pub fn pick<'a>(self, en: &'a str, sv: &'a str) -> &'a str {
        match self {
            Lang::En => en,
            Lang::Sv => sv,
        }
    }

    /// A share (0–1) as a percentage, written as the language writes it: "74%", "74 %".
    pub fn percent(self, share: f32) -> String {
        let n = (share * 100.0).round();
        match self {
            Lang::En => format!("{n}%"),
            Lang::Sv => format!("{n} %"),
        }
    }

    pub fn stance(self, s: Stance) -> &'static str {
        match (self, s) {
            (Lang::En, Stance::Approve) => "Approve",
            (Lang::En, Stance::Reject) => "Reject",
            (Lang::En, Stance::Answered) => "Answered",
            (Lang::En, Stance::Reservation) => "Reservation",
            (Lang::En, Stance::SpecialStatement) => "Special statement",
            (Lang::En, Stance::SubstituteStatement) => "Substitute's statement",
            (Lang::En, Stance::NoAnswer) => "No answer",
            (Lang::En, Stance::ApproveInPart) => "Approve in part",
            (Lang::En, Stance::Unknown) => "Unknown (?)",
            (Lang::En, Stance::ProtocolNote) => "Protocol note",
            (Lang::Sv, Stance::ApproveInPart) => "Tillstyrker delvis",
            (Lang::Sv, Stance::Unknown) => "Okänd (?)",
            (Lang::Sv, Stance::ProtocolNote) => "Protokollsanteckning",
            (Lang::Sv, Stance::Approve) => "Tillstyrker",
            (Lang::Sv, Stance::Reject) => "Avstyrker",
            (Lang::Sv, Stance::Answered) => "Besvarad",
            (Lang::Sv, Stance::Reservation) => "Reservation",
            (Lang::Sv, Stance::SpecialStatement) => "Särskilt uttalande",
            (Lang::Sv, Stance::SubstituteStatement) => "Ersättaryttrande",
            (Lang::Sv, Stance::NoAnswer) => "Inget svar",
        }
    }

    /// Short column heading for a stance.
    pub fn stance_short(self, s: Stance) -> &'static str {
        match (self, s) {
            (Lang::En, Stance::SpecialStatement) => "Special st.",
            (Lang::En, Stance::SubstituteStatement) => "Substitute",
            (Lang::Sv, Stance::SpecialStatement) => "Särsk. utt.",
            (Lang::Sv, Stance::SubstituteStatement) => "Ersättaryttr.",
            (Lang::En, Stance::ApproveInPart) => "In part",
            (Lang::Sv, Stance::ApproveInPart) => "Delvis",
            (Lang::En, Stance::ProtocolNote) => "Prot. note",
            (Lang::Sv, Stance::ProtocolNote) => "Prot.ant.",
            (_, Stance::Unknown) => "?",
            _ => self.stance(s),
        }
    }

    /// Very short column heading, for narrow terminals.
    pub fn stance_tiny(self, s: Stance) -> &'static str {
        match (self, s) {
            (Lang::En, Stance::Approve) => "Appr.",
            (Lang::En, Stance::Reject) => "Rej.",
            (Lang::En, Stance::Answered) => "Answ.",
            (Lang::En, Stance::Reservation) => "Res.",
            (Lang::En, Stance::SpecialStatement) => "Spec.",
            (Lang::En, Stance::SubstituteStatement) => "Subst.",
            (Lang::En, Stance::NoAnswer) => "None",
            (Lang::Sv, Stance::Approve) => "Tillst.",
            (Lang::Sv, Stance::Reject) => "Avst.",
            (Lang::Sv, Stance::Answered) => "Besv.",
            (Lang::Sv, Stance::Reservation) => "Res.",
            (Lang::Sv, Stance::SpecialStatement) => "Särsk.",
            (Lang::Sv, Stance::SubstituteStatement) => "Ersätt.",
            (Lang::Sv, Stance::NoAnswer) => "Inget",
            (Lang::En, Stance::ApproveInPart) => "Part",
            (Lang::Sv, Stance::ApproveInPart) => "Delv.",
            (Lang::En, Stance::ProtocolNote) => "Note",
            (Lang::Sv, Stance::ProtocolNote) => "Prot.",
            (_, Stance::Unknown) => "?",
        }
    }

    /// A position's name with the document's number for it: "Reservation 4", "Special
    /// statement 2", "Reservation 6 (reasons only)"; the stance alone without a number.
    pub fn position_name(self, p: &crate::model::Position) -> String {
        let mut s = self.stance(p.stance).to_string();
        if let Some(n) = p.number {
            s.push_str(&format!(" {n}"));
        }
        if p.reasons_only {
            s.push_str(self.pick(" (reasons only)", " (motivreservation)"));
        }
        s
    }

    /// Stance name in running text, singular or plural.
    pub fn stance_lower(self, s: Stance, plural: bool) -> &'static str {
        match (self, s, plural) {
            (Lang::En, Stance::Approve, _) => "approval",
            (Lang::En, Stance::Reject, _) => "rejection",
            (Lang::En, Stance::Answered, _) => "answered",
            (Lang::En, Stance::Reservation, false) => "reservation",
            (Lang::En, Stance::Reservation, true) => "reservations",
            (Lang::En, Stance::SpecialStatement, false) => "special statement",
            (Lang::En, Stance::SpecialStatement, true) => "special statements",
            (Lang::En, Stance::SubstituteStatement, false) => "substitute's statement",
            (Lang::En, Stance::SubstituteStatement, true) => "substitute's statements",
            (Lang::En, Stance::NoAnswer, _) => "no answer",
            (Lang::Sv, Stance::Approve, _) => "tillstyrkan",
            (Lang::Sv, Stance::Reject, _) => "avstyrkan",
            (Lang::Sv, Stance::Answered, _) => "besvarad",
            (Lang::Sv, Stance::Reservation, false) => "reservation",
            (Lang::Sv, Stance::Reservation, true) => "reservationer",
            (Lang::Sv, Stance::SpecialStatement, false) => "särskilt uttalande",
            (Lang::Sv, Stance::SpecialStatement, true) => "särskilda uttalanden",
            (Lang::Sv, Stance::SubstituteStatement, false) => "ersättaryttrande",
            (Lang::Sv, Stance::SubstituteStatement, true) => "ersättaryttranden",
            (Lang::Sv, Stance::NoAnswer, _) => "inget svar",
            (Lang::En, Stance::ApproveInPart, _) => "approval in part",
            (Lang::Sv, Stance::ApproveInPart, _) => "delvis tillstyrkan",
            (Lang::En, Stance::Unknown, _) => "unknown stance",
            (Lang::Sv, Stance::Unknown, _) => "okänd ställning",
            (Lang::En, Stance::ProtocolNote, false) => "protocol note",
            (Lang::En, Stance::ProtocolNote, true) => "protocol notes",
            (Lang::Sv, Stance::ProtocolNote, false) => "protokollsanteckning",
            (Lang::Sv, Stance::ProtocolNote, true) => "protokollsanteckningar",
        }
    }

    /// Source lines, `first` to `last` (from 1): "line 7", "lines 7–11" ("rad 7", "rad
    /// 7–11").
    pub fn source_lines(self, (first, last): (usize, usize)) -> String {
        match (first == last, self) {
            (true, Lang::En) => format!("line {first}"),
            (true, Lang::Sv) => format!("rad {first}"),
            (false, Lang::En) => format!("lines {first}–{last}"),
            (false, Lang::Sv) => format!("rad {first}–{last}"),
        }
    }

    /// A review state, in running text: "uncertain", "inferred", "confirmed".
    pub fn review(self, r: Review) -> &'static str {
        match (self, r) {
            (Lang::En, Review::Uncertain) => "uncertain",
            (Lang::En, Review::Inferred) => "inferred",
            (Lang::En, Review::Confirmed) => "confirmed",
            (Lang::Sv, Review::Uncertain) => "osäker",
            (Lang::Sv, Review::Inferred) => "härledd",
            (Lang::Sv, Review::Confirmed) => "bekräftad",
        }
    }

    /// The name of an inferred fact, in running text.
    pub fn fact(self, f: Fact) -> &'static str {
        match (self, f) {
            (Lang::En, Fact::Stance) => "stance",
            (Lang::En, Fact::Parties) => "parties",
            (Lang::En, Fact::Body) => "body",
            (Lang::En, Fact::IdenticalTo) => "identical to",
            (Lang::En, Fact::ConcursWith) => "concurs with",
            (Lang::En, Fact::Date) => "date",
            (Lang::En, Fact::MeetingDate) => "meeting date",
            (Lang::En, Fact::OpinionDate) => "opinion date",
            (Lang::En, Fact::Answered) => "answered",
            (Lang::En, Fact::Point) => "decision point",
            (Lang::En, Fact::Number) => "number",
            (Lang::Sv, Fact::Stance) => "ställningstagande",
            (Lang::Sv, Fact::Parties) => "partier",
            (Lang::Sv, Fact::Body) => "organ",
            (Lang::Sv, Fact::IdenticalTo) => "likalydande med",
            (Lang::Sv, Fact::ConcursWith) => "instämmer i",
            (Lang::Sv, Fact::Date) => "datum",
            (Lang::Sv, Fact::MeetingDate) => "sammanträdesdatum",
            (Lang::Sv, Fact::OpinionDate) => "tjänsteutlåtandets datum",
            (Lang::Sv, Fact::Answered) => "har svarat",
            (Lang::Sv, Fact::Point) => "beslutspunkt",
            (Lang::Sv, Fact::Number) => "nummer",
        }
    }

    /// `n` and a noun, singular for 1, plural otherwise: "1 decision point", "29 decision
    /// points", "1 beslutspunkt", "29 beslutspunkter".
    pub fn count(self, n: usize, en: (&str, &str), sv: (&str, &str)) -> String {
        let (one, many) = match self {
            Lang::En => en,
            Lang::Sv => sv,
        };
        format!("{n} {}", if n == 1 { one } else { many })
    }

    /// "1 body", "9 bodies"; "1 organ", "9 organ".
    pub fn bodies(self, n: usize) -> String {
        self.count(n, ("body", "bodies"), ("organ", "organ"))
    }

    /// "1 decision point", "29 decision points"; "1 beslutspunkt", "29 beslutspunkter".
    pub fn decision_points(self, n: usize) -> String {
        self.count(
            n,
            ("decision point", "decision points"),
            ("beslutspunkt", "beslutspunkter"),
        )
    }

    /// The summary of a case with decision points: "32 decision points; 52 reservations (M,
    /// V, …) on 24 points; 7 special statements (…) on 3 points; 2 votes", singular where
    /// the count is 1.
    pub fn points_summary(self, ps: &crate::model::summary::PointsSummary) -> String {
        let mut parts = vec![self.decision_points(ps.points)];
        for st in &ps.stances {
            let mut part = format!(
                "{} {}",
                st.count,
                self.stance_lower(st.stance, st.count > 1)
            );
            if !st.parties.is_empty() {
                part.push_str(&format!(" ({})", st.parties.join(", ")));
            }
            if st.on_points > 0 {
                let on = self.count(st.on_points, ("point", "points"), ("punkt", "punkter"));
                part.push_str(&format!(" {} {on}", self.pick("on", "på")));
            }
            parts.push(part);
        }
        if ps.votes > 0 {
            parts.push(self.count(ps.votes, ("vote", "votes"), ("votering", "voteringar")));
        }
        parts.join("; ")
    }

    /// The case's one-line summary, in the style of a parliamentary report: "Remitterad till
    /// 7; 6 svar; reservationer (M) i 7 organ; särskilt uttalande (S, V, MP) i 1;
    /// ersättaryttrande (KD) i 1". For an imported case the count of answers says how many of
    /// their stances are unknown, uncertain or not yet reviewed: "Referred to 5; 4 answered
    /// (1 stance unknown, 3 unreviewed)". The facts are [`Case::summary`]'s.
    pub fn summary(self, case: &Case) -> String {
        if let Some(ps) = case.points_summary() {
            return self.points_summary(&ps);
        }
        let s = case.summary();
        let counts = s.answers;
        let mut answered = match self {
            Lang::En => format!("{} answered", counts.answered),
            Lang::Sv => format!("{} svar", counts.answered),
        };
        let mut caveats = Vec::new();
        for (n, one, many) in [
            (
                counts.unknown,
                self.pick("stance unknown", "okänd ställning"),
                self.pick("stances unknown", "okända ställningar"),
            ),
            (
                counts.uncertain,
                self.pick("uncertain", "osäker"),
                self.pick("uncertain", "osäkra"),
            ),
            (
                counts.unreviewed,
                self.pick("unreviewed", "ej granskad"),
                self.pick("unreviewed", "ej granskade"),
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
            match self {
                Lang::En => format!("Referred to {}", counts.referred),
                Lang::Sv => format!("Remitterad till {}", counts.referred),
            },
            answered,
        ];
        let in_word = self.pick("in", "i");
        for (i, st) in s.stances.iter().enumerate() {
            let groups: Vec<String> = st
                .groups
                .iter()
                .map(|(ps, n)| format!("({}) {in_word} {n}", ps.join(", ")))
                .collect();
            let mut part = format!(
                "{} {}",
                self.stance_lower(st.stance, st.plural),
                groups.join(", ")
            );
            // The first stance says what the numbers count.
            if i == 0 {
                let one = st.groups.iter().all(|(_, n)| *n == 1);
                part.push_str(match (self, one) {
                    (Lang::En, true) => " body",
                    (Lang::En, false) => " bodies",
                    (Lang::Sv, _) => " organ",
                });
            }
            parts.push(part);
        }
        parts.join("; ")
    }

    pub fn body_kind(self, k: BodyKind) -> &'static str {
        match (self, k) {
            (Lang::En, BodyKind::Administration) => "administration",
            (Lang::En, BodyKind::Committee) => "committee",
            (Lang::En, BodyKind::DistrictCommittee) => "district committee",
            (Lang::En, BodyKind::Preparatory) => "preparatory",
            (Lang::En, BodyKind::Board) => "executive board",
            (Lang::En, BodyKind::Council) => "council",
            (Lang::En, BodyKind::External) => "external",
            (Lang::Sv, BodyKind::Administration) => "förvaltning",
            (Lang::Sv, BodyKind::Committee) => "nämnd",
            (Lang::Sv, BodyKind::DistrictCommittee) => "stadsdelsnämnd",
            (Lang::Sv, BodyKind::Preparatory) => "beredning",
            (Lang::Sv, BodyKind::Board) => "kommunstyrelse",
            (Lang::Sv, BodyKind::Council) => "fullmäktige",
            (Lang::Sv, BodyKind::External) => "extern",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn locale_parsing() {
        assert_eq!(Lang::from_locale("sv_SE.UTF-8"), Lang::Sv);
        assert_eq!(Lang::from_locale("en_US.UTF-8"), Lang::En);
        assert_eq!(Lang::from_locale("C"), Lang::En);
    }

    #[test]
    fn counts_are_singular_for_one_and_plural_otherwise() {
        assert_eq!(Lang::En.decision_points(1), "1 decision point");
        assert_eq!(Lang::En.decision_points(29), "29 decision points");
        assert_eq!(Lang::Sv.decision_points(1), "1 beslutspunkt");
        assert_eq!(Lang::Sv.decision_points(0), "0 beslutspunkter");
        assert_eq!(Lang::En.bodies(1), "1 body");
        assert_eq!(Lang::Sv.bodies(9), "9 organ");
        let ps = crate::model::summary::PointsSummary {
            points: 1,
            stances: vec![crate::model::summary::PointStance {
                stance: Stance::SpecialStatement,
                count: 1,
                parties: vec!["M".into()],
                on_points: 1,
            }],
            votes: 1,
        };
        assert_eq!(
            Lang::En.points_summary(&ps),
            "1 decision point; 1 special statement (M) on 1 point; 1 vote"
        );
        assert_eq!(
            Lang::Sv.points_summary(&ps),
            "1 beslutspunkt; 1 särskilt uttalande (M) på 1 punkt; 1 votering"
        );
    }

    #[test]
    fn the_summary_in_both_languages() {
        let case = crate::model::load_bundled();
        assert_eq!(
            Lang::Sv.summary(&case),
            "Remitterad till 7; 6 svar (4 osäkra); reservationer (M) i 7 organ; särskilt \
             uttalande (S, V, MP) i 1; ersättaryttrande (KD) i 1"
        );
        assert!(
            Lang::En.summary(&case).starts_with(
                "Referred to 7; 6 answered (4 uncertain); reservations (M) in 7 bodies"
            )
        );
    }
}
