//! Reading a body's stance on the motion the way a Swedish decision reads.
//!
//! A decision or an opinion is read sentence by sentence, and each sentence clause by clause,
//! with the rules of [`RULES`], one table: what a clause says about the motion (approve,
//! reject, answered, in part, no answer), what it does with the administration's opinion
//! (adopts it, follows the commissioner's proposal), and what changes how a clause counts:
//!
//! - **the motion's voice**: a sentence that reports what the motion asks for ("Motionärerna
//!   föreslår att nämnden ska tillstyrka motionen") says nothing about the body's stance, nor
//!   does anything in quotation marks;
//! - **concession**: in "positiv till motionens intentioner men avstyrker den" only what
//!   follows "men" (likewise "dock", "däremot") is the stance; a clause opened by "även om",
//!   "trots att" or "visserligen" is not;
//! - **negation**: "inte", "ej", "icke", "inga" just before a stance (or between its verb and
//!   its object) turns approve into reject; a negated reject or answer settles nothing;
//! - **sympathy**: "positiv till motionens intentioner" is no stance;
//! - **conclusion**: a sentence with "därför", "således", "mot bakgrund av", … is the opinion's
//!   conclusion, and **proposing**: "Förvaltningen föreslår att nämnden …" is the sentence the
//!   body adopts; both outrank the opinion's other sentences.
//!
//! [`read_decision`] reads the body's own decision; [`read_opinion`] the adopted opinion.
//! Every reading names the rule that settled it and the sentence it came from, and says how
//! sure it is: an explicit rule gives [`Review::Inferred`]; a default (an opinion with no
//! conclusion on the motion is taken to reject it), or rules that disagree, give
//! [`Review::Uncertain`].

use super::lines::Paragraph;
use super::parse::Source;
use super::phrases::normalise;
use crate::model::{Review, Stance};

/// What a clause says about the motion, or what the decision does with the opinion.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Verdict {
    /// A stance on the motion (approve, approve_in_part, reject, answered).
    Stance(Stance),
    /// The body did not answer ("avstår från att yttra sig").
    NoAnswer,
    /// The decision adopts the administration's opinion as its answer.
    AdoptsOpinion,
    /// The decision follows the presenting commissioner's proposal.
    FollowsProposal,
}

/// What a rule does.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// The clause states this.
    States(Verdict),
    /// Like `States`, with an object that points back ("avstyrker den"): only where the
    /// sentence named the motion before.
    StatesOfMotion(Verdict),
    /// A negation word near a stance.
    Negation,
    /// Only what follows the marker counts ("men", "dock", "däremot").
    ConcessionBefore,
    /// The clause from the marker to the next comma does not count ("även om", "trots att").
    ConcessionClause,
    /// The sentence reports the motion's own words.
    MotionVoice,
    /// Sympathy that is no stance ("positiv till motionens intentioner").
    Sympathy,
    /// The sentence is the opinion's conclusion.
    Conclusion,
    /// The sentence turns against what came before ("dock", "däremot"): it outranks the
    /// opinion's plain sentences, not its conclusion.
    Contrast,
    /// The administration proposes what the body should decide.
    Proposes,
}

/// One rule: its name (used as the evidence's `rule`), what it does, the fragments that must
/// occur in this order (normalised, lower case; `*` at either end of a fragment lets a word
/// go on there, a leading `^` ties the fragment to the clause's start), at most how many words
/// may stand between two fragments, and an example the unit tests read.
pub struct Rule {
    pub name: &'static str,
    pub kind: Kind,
    pub pattern: &'static [&'static str],
    pub gap: usize,
    pub example: &'static str,
}

const APPROVE: Kind = Kind::States(Verdict::Stance(Stance::Approve));
const REJECT: Kind = Kind::States(Verdict::Stance(Stance::Reject));
const ANSWERED: Kind = Kind::States(Verdict::Stance(Stance::Answered));
const IN_PART: Kind = Kind::States(Verdict::Stance(Stance::ApproveInPart));
const NO_ANSWER: Kind = Kind::States(Verdict::NoAnswer);
const ADOPTS: Kind = Kind::States(Verdict::AdoptsOpinion);
const FOLLOWS: Kind = Kind::States(Verdict::FollowsProposal);

macro_rules! rule {
    ($name:literal, $kind:expr, [$($f:literal),+], $gap:literal, $example:literal) => {
        Rule { name: $name, kind: $kind, pattern: &[$($f),+], gap: $gap, example: $example }
    };
}

/// Every rule, in one table. Order matters only among rules of one kind (the first of a
/// kind that matches a span is named in the evidence).
#[rustfmt::skip]
pub const RULES: &[Rule] = &[
    // What is not the body's voice.
    rule!("motion_voice", Kind::MotionVoice, ["^motionär*"], 0, "Motionärerna föreslår att nämnden ska tillstyrka motionen."),
    rule!("motion_voice", Kind::MotionVoice, ["^motionen", "föreslår"], 2, "Motionen föreslår att nämnden tillstyrker den."),
    rule!("motion_voice", Kind::MotionVoice, ["^i motionen"], 0, "I motionen föreslås att nämnden tillstyrker motionen."),
    rule!("motion_voice", Kind::MotionVoice, ["^skribent*"], 0, "Skribenterna vill att nämnden tillstyrker motionen."),
    rule!("motion_voice", Kind::MotionVoice, ["^förslagsställar*"], 0, "Förslagsställarna yrkar att motionen bifalls."),
    rule!("motion_voice", Kind::MotionVoice, ["föreslår", "motionär*"], 0, "Därför föreslår motionärerna att motionen bifalls."),
    rule!("motion_voice", Kind::MotionVoice, ["anser", "motionär*"], 0, "Vidare anser motionärerna att nämnden bör tillstyrka motionen."),
    rule!("motion_voice", Kind::MotionVoice, ["enligt", "motionär*"], 0, "Enligt motionärerna bör nämnden tillstyrka motionen."),
    rule!("motion_voice", Kind::MotionVoice, ["enligt motionen"], 0, "Enligt motionen ska nämnden tillstyrka motionen."),
    // Concession.
    rule!("concession_men", Kind::ConcessionBefore, ["men"], 0, "Förvaltningen är positiv till motionens intentioner men avstyrker den."),
    rule!("concession_dock", Kind::ConcessionBefore, ["dock"], 0, "Motionen har goda syften, dock avstyrker förvaltningen motionen."),
    rule!("concession_daremot", Kind::ConcessionBefore, ["däremot"], 0, "Syftet är gott, däremot avstyrker förvaltningen motionen."),
    rule!("concession_aven_om", Kind::ConcessionClause, ["även om"], 0, "Även om förvaltningen tillstyrker motionens syfte, avstyrks motionen."),
    rule!("concession_trots_att", Kind::ConcessionClause, ["trots att"], 0, "Trots att många tillstyrker motionen, avstyrker förvaltningen motionen."),
    rule!("concession_visserligen", Kind::ConcessionClause, ["visserligen"], 0, "Förvaltningen tillstyrker visserligen motionens syfte, men avstyrker motionen."),
    // Negation.
    rule!("negation", Kind::Negation, ["inte"], 0, "Förvaltningen kan inte tillstyrka motionen."),
    rule!("negation", Kind::Negation, ["ej"], 0, "Nämnden beslutar att ej tillstyrka motionen."),
    rule!("negation", Kind::Negation, ["icke"], 0, "Nämnden finner icke skäl att tillstyrka motionen."),
    rule!("negation", Kind::Negation, ["inga"], 0, "Förvaltningen ser inga skäl att tillstyrka motionen."),
    rule!("negation", Kind::Negation, ["inget"], 0, "Förvaltningen ser inget skäl att tillstyrka motionen."),
    // Sympathy without a stance.
    rule!("sympathy", Kind::Sympathy, ["motionen*", "intention*"], 1, "Förvaltningen är positiv till motionens intentioner."),
    rule!("sympathy", Kind::Sympathy, ["motionen*", "syfte*"], 1, "Förvaltningen ställer sig positiv till motionens syfte."),
    rule!("sympathy", Kind::Sympathy, ["motionen*", "ambition*"], 1, "Förvaltningen ställer sig bakom motionens ambitioner."),
    rule!("sympathy", Kind::Sympathy, ["motionen*", "*tanke*"], 1, "Förvaltningen är positiv till motionens grundtanke."),
    rule!("sympathy", Kind::Sympathy, ["motionen*", "mål"], 1, "Förvaltningen ställer sig bakom motionens mål."),
    rule!("sympathy", Kind::Sympathy, ["motionen*", "målsättning*"], 1, "Förvaltningen är positiv till motionens målsättning."),
    // The opinion's conclusion and the proposing sentence.
    rule!("conclusion", Kind::Conclusion, ["därför"], 0, "Förvaltningen avstyrker därför motionen."),
    rule!("conclusion", Kind::Conclusion, ["således"], 0, "Förvaltningen avstyrker således motionen."),
    rule!("conclusion", Kind::Conclusion, ["mot bakgrund av"], 0, "Mot bakgrund av detta avstyrks motionen."),
    rule!("conclusion", Kind::Conclusion, ["mot denna bakgrund"], 0, "Mot denna bakgrund avstyrker förvaltningen motionen."),
    rule!("conclusion", Kind::Conclusion, ["sammanfattningsvis"], 0, "Sammanfattningsvis avstyrker förvaltningen motionen."),
    rule!("conclusion", Kind::Conclusion, ["sammantaget"], 0, "Sammantaget avstyrker förvaltningen motionen."),
    rule!("conclusion", Kind::Conclusion, ["av dessa skäl"], 0, "Av dessa skäl avstyrker förvaltningen motionen."),
    rule!("conclusion", Kind::Conclusion, ["med hänvisning till ovanstående"], 0, "Med hänvisning till ovanstående avstyrks motionen."),
    rule!("conclusion", Kind::Conclusion, ["följaktligen"], 0, "Förvaltningen avstyrker följaktligen motionen."),
    rule!("contrast", Kind::Contrast, ["dock"], 0, "Förvaltningen avstyrker dock motionen."),
    rule!("contrast", Kind::Contrast, ["däremot"], 0, "Förvaltningen avstyrker däremot motionen."),
    rule!("proposes", Kind::Proposes, ["föreslår", "att", "*nämnden"], 1, "Förvaltningen föreslår att nämnden avstyrker motionen."),
    rule!("proposes", Kind::Proposes, ["föreslår", "att", "*nämnd"], 1, "Förvaltningen föreslår att stadsdelsnämnd Söder avstyrker motionen."),
    rule!("proposes", Kind::Proposes, ["föreslår", "att", "*styrelsen"], 1, "Kontoret föreslår att styrelsen avstyrker motionen."),
    // Stances on the motion.
    rule!("approve_in_part", IN_PART, ["tillstyrk*", "motionen*", "delvis"], 1, "Nämnden tillstyrker motionen delvis."),
    rule!("approve_in_part", IN_PART, ["delvis", "tillstyrk*", "motionen*"], 1, "Nämnden delvis tillstyrker motionen."),
    rule!("approve_in_part", IN_PART, ["ställer sig delvis bakom", "motionen*"], 0, "Förvaltningen ställer sig delvis bakom motionen."),
    rule!("approve_in_part", IN_PART, ["bifall*", "motionen*", "delvis"], 1, "Nämnden bifaller motionen delvis."),
    rule!("approve_in_part", IN_PART, ["tillstyrk*", "att-sats*", "i övrigt"], 8, "Nämnden tillstyrker motionens första att-sats och avstyrker motionen i övrigt."),
    rule!("approve_in_part", IN_PART, ["tillstyrk*", "attsats*", "i övrigt"], 8, "Nämnden tillstyrker motionens första attsats och avstyrker i övrigt."),
    rule!("approve_in_part", IN_PART, ["tillstyrk*", "motionen*", "i den del*"], 2, "Nämnden tillstyrker motionen i den del som avser parker men avstyrker den i övrigt."),
    rule!("approve_in_part", IN_PART, ["tillstyrk*", "delvis"], 0, "Nämnden tillstyrker delvis motionen."),
    rule!("approve_in_part", IN_PART, ["bifall*", "delvis"], 0, "Nämnden bifaller delvis motionen."),
    rule!("approve_in_part", IN_PART, ["avstyrk*", "delvis"], 0, "Nämnden avstyrker delvis motionen."),
    rule!("approve_in_part", IN_PART, ["tillstyrk*", "motionens", "*", "att-sats"], 0, "Nämnden tillstyrker motionens andra att-sats."),
    rule!("approve_in_part", IN_PART, ["tillstyrk*", "att-satsen"], 3, "Nämnden tillstyrker den första att-satsen i motionen."),
    rule!("approve", APPROVE, ["tillstyrk*", "motionen*"], 1, "Nämnden tillstyrker motionen."),
    rule!("approve", APPROVE, ["tillstyrk*", "motionerna*"], 1, "Nämnden tillstyrker motionerna."),
    rule!("approve", APPROVE, ["motionen", "tillstyrks"], 0, "Motionen tillstyrks."),
    rule!("approve", APPROVE, ["bifall*", "motionen*"], 1, "Nämnden bifaller motionen."),
    rule!("approve", APPROVE, ["motionen", "bifalls"], 0, "Motionen bifalls."),
    rule!("approve", APPROVE, ["ställer sig bakom", "motionen*"], 0, "Förvaltningen ställer sig bakom motionen."),
    rule!("approve", APPROVE, ["positiv*", "till", "motionen*"], 1, "Förvaltningen ställer sig positiv till motionen."),
    rule!("approve", APPROVE, ["ser positivt på", "motionen*"], 0, "Förvaltningen ser positivt på motionens förslag."),
    rule!("approve", APPROVE, ["välkomnar", "motionen*"], 0, "Kontoret välkomnar motionens förslag."),
    rule!("reject", REJECT, ["avstyrk*", "motionen*"], 1, "Nämnden avstyrker motionen."),
    rule!("reject", REJECT, ["avstyrk*", "motionerna*"], 1, "Nämnden avstyrker motionerna."),
    rule!("reject", REJECT, ["motionen", "avstyrks"], 0, "Motionen avstyrks."),
    rule!("reject", REJECT, ["avslå*", "motionen*"], 1, "Nämnden avslår motionen."),
    rule!("reject", REJECT, ["motionen", "avslås"], 0, "Motionen avslås."),
    rule!("reject", REJECT, ["avstyrks", "motionen"], 0, "Mot bakgrund av detta avstyrks motionen."),
    rule!("no_need", REJECT, ["inga", "behov", "motion*", "förslag*"], 6, "Således ser förvaltningen inga egentliga behov av att gå vidare med motionärernas förslag."),
    rule!("no_need", REJECT, ["inget", "behov", "motion*", "förslag*"], 6, "Förvaltningen ser inget behov av att genomföra motionens förslag."),
    rule!("no_need", REJECT, ["motionens förslag", "inte", "motiverat"], 12, "Mot bakgrund av detta bedöms motionens förslag om en handlingsplan inte motiverat att genomföra."),
    rule!("no_need", REJECT, ["motionens förslag", "inte", "genomföras"], 8, "Motionens förslag bör inte genomföras."),
    rule!("answered", ANSWERED, ["motionen*", "anses", "besvarad*"], 2, "Motionen anses besvarad med hänvisning till tjänsteutlåtandet."),
    rule!("answered", ANSWERED, ["anse", "motionen*", "besvarad*"], 2, "Nämnden föreslår kommunfullmäktige att anse motionen besvarad."),
    rule!("answered", ANSWERED, ["motionen*", "besvaras"], 1, "Motionen besvaras med hänvisning till vad som sägs i utlåtandet."),
    rule!("answered", ANSWERED, ["motionen*", "är besvarad*"], 1, "Nämnden anser att motionen är besvarad."),
    rule!("answered", ANSWERED, ["besvara*", "motionen*"], 1, "Nämnden föreslår att besvara motionen med hänvisning till tjänsteutlåtandet."),
    rule!("answered", ANSWERED, ["motionerna*", "anses", "besvarade"], 2, "Motionerna anses besvarade."),
    rule!("approve_anaphoric", Kind::StatesOfMotion(Verdict::Stance(Stance::Approve)), ["tillstyrk*", "den"], 0, "Motionen är väl underbyggd och förvaltningen tillstyrker den."),
    rule!("reject_anaphoric", Kind::StatesOfMotion(Verdict::Stance(Stance::Reject)), ["avstyrk*", "den"], 0, "Förvaltningen är positiv till motionens intentioner men avstyrker den."),
    // What a decision does with the opinion or the proposal, and not answering.
    rule!("no_answer", NO_ANSWER, ["avstår", "yttra sig"], 2, "Nämnden avstår från att yttra sig över remissen."),
    rule!("no_answer", NO_ANSWER, ["avstår", "att svara"], 2, "Nämnden avstår från att svara på remissen."),
    rule!("no_answer", NO_ANSWER, ["avstår", "yttrande"], 4, "Nämnden avstår från att lämna något yttrande."),
    rule!("no_answer", NO_ANSWER, ["lämnar inget", "yttrande"], 0, "Nämnden lämnar inget yttrande."),
    rule!("adopts_opinion", ADOPTS, ["godkänn*", "tjänsteutlåtande*"], 3, "Socialnämnden godkänner tjänsteutlåtandet som svar på remissen."),
    rule!("adopts_opinion", ADOPTS, ["överlämn*", "tjänsteutlåtande*"], 3, "Stadsdelsnämnden överlämnar förvaltningens tjänsteutlåtande som svar på remissen."),
    rule!("adopts_opinion", ADOPTS, ["antar", "tjänsteutlåtande*"], 3, "Nämnden antar tjänsteutlåtandet som sitt svar."),
    rule!("adopts_opinion", ADOPTS, ["lämnar", "tjänsteutlåtande*"], 3, "Nämnden lämnar tjänsteutlåtandet som svar på remissen."),
    rule!("adopts_opinion", ADOPTS, ["tjänsteutlåtande*", "som", "svar"], 6, "Tjänsteutlåtandet gäller som svar på remissen."),
    rule!("adopts_opinion", ADOPTS, ["överlämn*", "svar", "till"], 2, "Nämnden överlämnar förvaltningens svar till kommunstyrelsen."),
    rule!("adopts_opinion", ADOPTS, ["förslag till yttrande"], 0, "Nämnden godkänner förvaltningens förslag till yttrande."),
    rule!("adopts_opinion", ADOPTS, ["överlämn*", "yttrande*"], 3, "Nämnden överlämnar förvaltningens yttrande till kommunstyrelsen."),
    rule!("adopts_opinion", ADOPTS, ["*förvaltningens förslag"], 0, "Nämnden beslutar enligt förvaltningens förslag."),
    rule!("adopts_opinion", ADOPTS, ["*kontorets förslag"], 0, "Nämnden beslutar enligt kontorets förslag."),
    rule!("follows_proposal", FOLLOWS, ["föredragande borgarråd*", "förslag"], 1, "Borgarrådsberedningen tillstyrker föredragande borgarrådets förslag."),
    rule!("follows_proposal", FOLLOWS, ["borgarrådsberedningens", "uppfattning"], 0, "Kommunstyrelsen delar borgarrådsberedningens uppfattning."),
    rule!("follows_proposal", FOLLOWS, ["borgarrådsberedningens", "förslag"], 0, "Kommunstyrelsen beslutar enligt borgarrådsberedningens förslag."),
];

/// A negation this many words before a stance (or between its words) negates it.
const NEGATION_REACH: usize = 4;

/// How a stance was read, and from where.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Reading {
    pub verdict: Verdict,
    /// `decision.<rule>`, `opinion.<rule>`, `proposal.<rule>`.
    pub rule: String,
    pub review: Review,
    pub source: Source,
    pub note: Option<String>,
}

/// A word of a clause: its normalised form and its byte range in the clause.
struct Word<'a> {
    norm: &'a str,
    start: usize,
}

/// What one clause of a sentence says, after concession and voice: the verdicts it states
/// (each with the rule that stated it and whether a negation flipped it), and the rules that
/// changed how it counts.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct SentenceReading {
    pub verdicts: Vec<(Verdict, &'static str)>,
    /// A stance that was negated in a way that settles nothing ("kan inte avstyrka").
    pub unsettled: bool,
    pub motion_voice: bool,
    pub conclusion: bool,
    pub contrast: bool,
    pub proposes: bool,
    /// Names of the modifying rules that fired (negation, concession, sympathy, …).
    pub fired: Vec<&'static str>,
}

impl SentenceReading {
    /// The verdict of the sentence: its stance on the motion (or "no answer") if it states
    /// exactly one (approve and reject in one sentence, outside the in-part rules, settle
    /// nothing), else what it does with the opinion or the proposal.
    pub fn verdict(&self) -> Option<(Verdict, &'static str)> {
        let explicit = |v: &Verdict| matches!(v, Verdict::Stance(_) | Verdict::NoAnswer);
        match self.verdicts.iter().find(|(v, _)| explicit(v)) {
            Some(&first) => self
                .verdicts
                .iter()
                .filter(|(v, _)| explicit(v))
                .all(|(v, _)| *v == first.0)
                .then_some(first),
            None => self.verdicts.first().copied(),
        }
    }

    /// Approve and reject in one sentence, outside the in-part rules.
    pub fn conflicting(&self) -> bool {
        let mut stances = self.verdicts.iter().filter_map(|(v, _)| match v {
            Verdict::Stance(s) => Some(*s),
            _ => None,
        });
        stances
            .next()
            .is_some_and(|first| stances.any(|s| s != first))
    }
}

/// Read one sentence (as written).
pub fn read_sentence(sentence: &str) -> SentenceReading {
    let mut out = SentenceReading::default();
    let norm = strip_quotes(&normalise(sentence));
    let words = split_words(&norm);
    if matches_kind(&words, Kind::MotionVoice).is_some() {
        out.motion_voice = true;
        out.fired.push("motion_voice");
        return out;
    }
    out.conclusion = matches_kind(&words, Kind::Conclusion).is_some();
    out.contrast = matches_kind(&words, Kind::Contrast).is_some();
    out.proposes = matches_kind(&words, Kind::Proposes).is_some();
    // Approval in part is read on the whole sentence: its "men … i övrigt" is no concession.
    for rule in RULES.iter().filter(|r| r.kind == IN_PART) {
        if let Some(&(start, end)) = find_all(&words, rule.pattern, rule.gap).first() {
            if negated(&words, start, end, rule.pattern) {
                out.fired.push("negation");
                out.unsettled = true;
            } else {
                out.verdicts
                    .push((Verdict::Stance(Stance::ApproveInPart), rule.name));
            }
            return out;
        }
    }
    // Concession: keep what follows the last "men"/"dock"/"däremot" that has a stance after
    // it; drop clauses opened by "även om", "trots att", "visserligen".
    let mut from = 0;
    for rule in RULES.iter().filter(|r| r.kind == Kind::ConcessionBefore) {
        for (start, _) in find_all(&words, rule.pattern, rule.gap) {
            let rest = &words[start + 1..];
            if start >= from && stance_in(rest) {
                from = start + 1;
                if !out.fired.contains(&rule.name) {
                    out.fired.push(rule.name);
                }
            }
        }
    }
    let mut dropped = vec![false; words.len()];
    for rule in RULES.iter().filter(|r| r.kind == Kind::ConcessionClause) {
        for (start, _) in find_all(&words, rule.pattern, rule.gap) {
            // To the next comma, or the end.
            let comma = norm[words[start].start..]
                .find(',')
                .map_or(norm.len(), |k| words[start].start + k);
            let mut k = start;
            while k < words.len() && words[k].start < comma {
                dropped[k] = true;
                k += 1;
            }
            out.fired.push(rule.name);
        }
    }
    let clause_words: Vec<Word> = (from..words.len())
        .filter(|&k| !dropped[k])
        .map(|k| Word {
            norm: words[k].norm,
            start: words[k].start,
        })
        .collect();
    let mentions_motion = words[..from.min(words.len())]
        .iter()
        .chain(clause_words.iter())
        .any(|w| w.norm.starts_with("motion"));
    // Sympathy spans hide the stance phrases they are part of.
    let mut hidden = vec![false; clause_words.len()];
    for rule in RULES.iter().filter(|r| r.kind == Kind::Sympathy) {
        for (start, end) in find_all(&clause_words, rule.pattern, rule.gap) {
            // The stance phrase ends at the sympathy's first word ("positiv till motionens
            // intentioner"): hide from a few words before it to its end.
            let from = start.saturating_sub(3);
            for h in hidden.iter_mut().take(end + 1).skip(from) {
                *h = true;
            }
            out.fired.push(rule.name);
        }
    }
    let mut taken = vec![false; clause_words.len()];
    for rule in RULES {
        let verdict = match rule.kind {
            Kind::States(v) => v,
            Kind::StatesOfMotion(v) if mentions_motion => v,
            _ => continue,
        };
        for (start, end) in find_all(&clause_words, rule.pattern, rule.gap) {
            if (start..=end).any(|k| taken[k] || hidden[k]) {
                continue;
            }
            for t in taken.iter_mut().take(end + 1).skip(start) {
                *t = true;
            }
            let negated = negated(&clause_words, start, end, rule.pattern);
            let verdict = match (negated, verdict) {
                (false, v) => Some(v),
                (true, Verdict::Stance(Stance::Approve)) => {
                    out.fired.push("negation");
                    Some(Verdict::Stance(Stance::Reject))
                }
                // "kan inte avstyrka", "anses inte besvarad", "godkänner inte
                // tjänsteutlåtandet": nothing is settled.
                (true, _) => {
                    out.fired.push("negation");
                    out.unsettled = true;
                    None
                }
            };
            if let Some(v) = verdict {
                let name = if negated && v == Verdict::Stance(Stance::Reject) {
                    "negated_approve"
                } else {
                    rule.name
                };
                out.verdicts.push((v, name));
            }
        }
    }
    out
}

/// Whether a stance phrase stands in `words`.
fn stance_in(words: &[Word]) -> bool {
    RULES.iter().any(|r| {
        matches!(r.kind, Kind::States(_) | Kind::StatesOfMotion(_))
            && !find_all(words, r.pattern, r.gap).is_empty()
    })
}

/// Whether a negation word stands within [`NEGATION_REACH`] words before `start` (not across
/// a clause boundary) or between the words of the match that are not the pattern's own.
fn negated(words: &[Word], start: usize, end: usize, pattern: &[&str]) -> bool {
    let is_negation = |w: &str| {
        RULES
            .iter()
            .filter(|r| r.kind == Kind::Negation)
            .any(|r| r.pattern.contains(&w))
    };
    let own: Vec<&str> = pattern
        .iter()
        .flat_map(|p| p.split(' '))
        .map(|p| p.trim_matches(['*', '^']))
        .collect();
    let inside = (start..=end).any(|k| {
        let w = words[k].norm;
        is_negation(w) && !own.contains(&w)
    });
    if inside {
        return true;
    }
    let mut k = start;
    let mut reach = 0;
    while k > 0 && reach < NEGATION_REACH {
        k -= 1;
        reach += 1;
        let w = words[k].norm;
        if w.ends_with(',') || w == "och" || w == "men" || w == "eller" {
            return false;
        }
        if is_negation(w.trim_end_matches([',', '.'])) {
            return true;
        }
    }
    false
}

fn matches_kind(words: &[Word], kind: Kind) -> Option<&'static str> {
    RULES
        .iter()
        .filter(|r| r.kind == kind)
        .find(|r| !find_all(words, r.pattern, r.gap).is_empty())
        .map(|r| r.name)
}

/// Every match of `pattern` in `words`, as (first word, last word), leftmost first, not
/// overlapping.
fn find_all(words: &[Word], pattern: &[&str], gap: usize) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut from = 0;
    while from < words.len() {
        match find_from(words, pattern, gap, from) {
            Some((s, e)) => {
                out.push((s, e));
                from = e + 1;
            }
            None => break,
        }
    }
    out
}

fn find_from(words: &[Word], pattern: &[&str], gap: usize, from: usize) -> Option<(usize, usize)> {
    let first = *pattern.first()?;
    let anchored = first.starts_with('^');
    let starts: Vec<usize> = if anchored {
        if from == 0 { vec![0] } else { vec![] }
    } else {
        (from..words.len()).collect()
    };
    'start: for s in starts {
        let Some(mut end) = fragment_at(words, first.trim_start_matches('^'), s) else {
            continue;
        };
        for frag in &pattern[1..] {
            let mut found = None;
            for k in end + 1..=(end + 1 + gap).min(words.len().saturating_sub(1)) {
                // A pattern's words stand in one clause: "tillstyrker motionen, delvis
                // eftersom …" is no approval in part.
                if words[k - 1].norm.ends_with([',', ';', ':']) {
                    break;
                }
                if let Some(e) = fragment_at(words, frag, k) {
                    found = Some(e);
                    break;
                }
            }
            match found {
                Some(e) => end = e,
                None => continue 'start,
            }
        }
        return Some((s, end));
    }
    None
}

/// Whether the fragment's words match `words` from `at`; the index of its last word.
fn fragment_at(words: &[Word], fragment: &str, at: usize) -> Option<usize> {
    let parts: Vec<&str> = fragment.split(' ').collect();
    for (j, part) in parts.iter().enumerate() {
        let w = words
            .get(at + j)?
            .norm
            .trim_end_matches([',', '.', ';', ':', '!', '?']);
        let (open_left, open_right) = (part.starts_with('*'), part.ends_with('*'));
        let core = part.trim_matches('*');
        let ok = match (open_left, open_right) {
            (false, false) => w == core,
            (false, true) => w.starts_with(core),
            (true, false) => w.ends_with(core),
            (true, true) => w.contains(core),
        };
        if !ok {
            return None;
        }
    }
    Some(at + parts.len() - 1)
}

fn split_words(norm: &str) -> Vec<Word<'_>> {
    let mut out = Vec::new();
    let mut at = 0;
    for w in norm.split(' ') {
        if !w.is_empty() {
            out.push(Word { norm: w, start: at });
        }
        at += w.len() + 1;
    }
    out
}

/// The text without what stands in quotation marks ("…", ”…”, “…”, «…», „…“).
fn strip_quotes(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut closing: Option<char> = None;
    for c in s.chars() {
        match closing {
            Some(close) if c == close || (close == '”' && c == '"') => closing = None,
            Some(_) => {}
            None => match c {
                '"' => closing = Some('"'),
                '“' => closing = Some('”'),
                '”' => closing = Some('”'),
                '«' => closing = Some('»'),
                '„' => closing = Some('“'),
                c => out.push(c),
            },
        }
    }
    // An unclosed quotation hides nothing.
    if closing.is_some() {
        return s.to_string();
    }
    out
}

/// The sentences of a paragraph: byte ranges of its text. A sentence ends at `.`, `!` or `?`
/// before a capital or a digit, except after an abbreviation ([`ABBREVIATIONS`]) or a
/// paragraph's leading item number ("1. Stadsdelsnämnden …").
pub fn sentences(text: &str) -> Vec<std::ops::Range<usize>> {
    let mut out = Vec::new();
    let mut start = 0;
    for (k, c) in text.char_indices() {
        if !matches!(c, '.' | '!' | '?') {
            continue;
        }
        let after = &text[k + 1..];
        let Some(rest) = after.strip_prefix(' ') else {
            continue;
        };
        if !rest
            .chars()
            .next()
            .is_some_and(|n| n.is_uppercase() || n.is_ascii_digit())
        {
            continue;
        }
        let word_start = text[..k].rfind(' ').map_or(0, |s| s + 1);
        let word = normalise(&text[word_start..=k]);
        if c == '.' && ABBREVIATIONS.contains(&word.as_str()) {
            continue;
        }
        if c == '.'
            && word_start == start
            && word
                .trim_end_matches('.')
                .chars()
                .all(|d| d.is_ascii_digit())
        {
            continue;
        }
        out.push(start..k + 1);
        start = k + 2;
    }
    if start < text.len() && !text[start..].trim().is_empty() {
        out.push(start..text.len());
    }
    out
}

/// Abbreviations whose full stop ends no sentence.
pub const ABBREVIATIONS: &[&str] = &[
    "t.ex.", "s.k.", "m.fl.", "bl.a.", "m.m.", "d.v.s.", "dvs.", "o.s.v.", "osv.", "etc.", "ca.",
    "nr.", "kap.", "jfr.", "resp.", "p.", "st.", "f.d.", "fr.o.m.", "t.o.m.", "enl.", "ang.", "s.",
    "sid.", "tel.",
];

/// A sentence of a paragraph, with its source.
fn source_of(para: &Paragraph, range: std::ops::Range<usize>) -> Source {
    let (first, last) = para.lines_of(range.clone());
    Source::new(para.text[range].trim(), first, last)
}

/// Every sentence of the paragraphs, with its reading.
fn read_all(paras: &[Paragraph]) -> Vec<(Source, SentenceReading)> {
    paras
        .iter()
        .flat_map(|p| {
            sentences(&p.text)
                .into_iter()
                .map(move |r| (source_of(p, r.clone()), read_sentence(&p.text[r])))
        })
        .collect()
}

/// What a body's decision says: the first sentence with an explicit stance on the motion (or
/// "no answer"), else the first that adopts the opinion or follows the proposal. Sentences
/// that state different stances make the reading uncertain.
pub fn read_decision(decision: &[Paragraph]) -> Option<Reading> {
    let read = read_all(decision);
    let explicit: Vec<&(Source, SentenceReading)> = read
        .iter()
        .filter(|(_, r)| {
            r.verdict()
                .is_some_and(|(v, _)| matches!(v, Verdict::Stance(_) | Verdict::NoAnswer))
        })
        .collect();
    if let Some((source, r)) = explicit.first() {
        let (verdict, rule) = r.verdict()?;
        let disagree = explicit
            .iter()
            .any(|(_, o)| o.verdict().map(|(v, _)| v) != Some(verdict));
        return Some(Reading {
            verdict,
            rule: format!("decision.{rule}"),
            review: if disagree {
                Review::Uncertain
            } else {
                Review::Inferred
            },
            source: source.clone(),
            note: disagree.then(|| "the decision's sentences state different stances".into()),
        });
    }
    if let Some((source, r)) = read.iter().find(|(_, r)| r.unsettled || r.conflicting()) {
        return Some(Reading {
            verdict: Verdict::Stance(Stance::Unknown),
            rule: "decision.unsettled".into(),
            review: Review::Uncertain,
            source: source.clone(),
            note: Some(unsettled_note(r)),
        });
    }
    read.iter()
        .find_map(|(source, r)| {
            r.verdict()
                .filter(|(v, _)| matches!(v, Verdict::AdoptsOpinion | Verdict::FollowsProposal))
                .map(|(v, rule)| (source, v, rule))
        })
        .map(|(source, verdict, rule)| Reading {
            verdict,
            rule: format!("decision.{rule}"),
            review: Review::Inferred,
            source: source.clone(),
            note: None,
        })
}

fn unsettled_note(r: &SentenceReading) -> String {
    if r.unsettled {
        "a negated stance that settles nothing".into()
    } else {
        "the sentence states different stances on the motion".into()
    }
}

/// The stance of an administration's opinion on the motion: the proposing sentence's, else
/// the conclusion's, else the last explicit one; readings that disagree make it uncertain;
/// an opinion with no explicit stance is taken to reject the motion (not needed), uncertain.
pub fn read_opinion(opinion: &[Paragraph]) -> Option<Reading> {
    let read = read_all(opinion);
    if read.is_empty() {
        return None;
    }
    let stance_of = |r: &SentenceReading| match r.verdict() {
        Some((Verdict::Stance(s), rule)) => Some((s, rule)),
        _ => None,
    };
    let candidates: Vec<(usize, Stance, &'static str)> = read
        .iter()
        .enumerate()
        .filter(|(_, (_, r))| !r.motion_voice)
        .filter_map(|(k, (_, r))| stance_of(r).map(|(s, rule)| (k, s, rule)))
        .collect();
    let pick = |want: &dyn Fn(&SentenceReading) -> bool| {
        candidates
            .iter()
            .rev()
            .find(|(k, _, _)| want(&read[*k].1))
            .copied()
    };
    let chosen = pick(&|r| r.proposes)
        .map(|c| (c, "proposes"))
        .or_else(|| pick(&|r| r.conclusion).map(|c| (c, "concludes")))
        .or_else(|| pick(&|r| r.contrast).map(|c| (c, "contrasts")))
        .or_else(|| pick(&|_| true).map(|c| (c, "states")));
    if let Some(((k, stance, rule), how)) = chosen {
        let disagree = candidates.iter().any(|(_, s, _)| *s != stance);
        return Some(Reading {
            verdict: Verdict::Stance(stance),
            rule: format!("opinion.{how}.{rule}"),
            review: if disagree {
                Review::Uncertain
            } else {
                Review::Inferred
            },
            source: read[k].0.clone(),
            note: disagree.then(|| {
                "the opinion states other stances too; the proposing sentence or conclusion is taken"
                    .into()
            }),
        });
    }
    // Nothing explicit: the default. The evidence is the opinion's proposing sentence, else
    // its conclusion, else its last sentence of its own.
    let last_with = |want: &dyn Fn(&SentenceReading) -> bool| {
        read.iter().rposition(|(_, r)| !r.motion_voice && want(r))
    };
    let k = last_with(&|r| r.proposes)
        .or_else(|| last_with(&|r| r.conclusion))
        .or_else(|| last_with(&|_| true))
        .unwrap_or(read.len() - 1);
    let unsettled = read.iter().any(|(_, r)| r.unsettled);
    Some(Reading {
        verdict: Verdict::Stance(Stance::Reject),
        rule: "opinion.no_conclusion".into(),
        review: Review::Uncertain,
        source: read[k].0.clone(),
        note: Some(if unsettled {
            "the opinion negates a stance in a way that settles nothing; reject is the default"
                .into()
        } else {
            "the opinion states no conclusion on the motion; reject (the motion is not needed) is the default".into()
        }),
    })
}

/// The stance the proposal to the council asks for ("Motionen besvaras …", "Motionen anses
/// besvarad", "Motionen bifalls").
pub fn read_proposal(proposal: &[Paragraph]) -> Option<Reading> {
    read_all(proposal)
        .into_iter()
        .find_map(|(source, r)| match r.verdict() {
            Some((v @ Verdict::Stance(_), rule)) => Some(Reading {
                verdict: v,
                rule: format!("proposal.{rule}"),
                review: Review::Inferred,
                source,
                note: None,
            }),
            _ => None,
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn para(text: &str) -> Paragraph {
        Paragraph {
            first: 10,
            last: 10,
            text: text.to_string(),
            starts: vec![(0, 10)],
        }
    }

    fn verdict(s: &str) -> Option<Verdict> {
        read_sentence(s).verdict().map(|(v, _)| v)
    }

    /// Every rule of the table, one by one: its example fires it, and reads as it should.
    #[test]
    fn every_rule_fires_on_its_example() {
        for rule in RULES {
            let r = read_sentence(rule.example);
            let words_norm = strip_quotes(&normalise(rule.example));
            let words = split_words(&words_norm);
            assert!(
                !find_all(&words, rule.pattern, rule.gap).is_empty(),
                "{}: {:?} does not match its example {:?}",
                rule.name,
                rule.pattern,
                rule.example
            );
            match rule.kind {
                Kind::MotionVoice => assert!(r.motion_voice, "{}", rule.example),
                Kind::Conclusion => assert!(r.conclusion, "{}", rule.example),
                Kind::Contrast => assert!(r.contrast, "{}", rule.example),
                Kind::Proposes => assert!(r.proposes, "{}", rule.example),
                Kind::States(v) | Kind::StatesOfMotion(v) => assert_eq!(
                    r.verdict(),
                    Some((v, rule.name)),
                    "{}: {:?}",
                    rule.example,
                    r
                ),
                Kind::Negation => assert_eq!(
                    r.verdict().map(|(v, _)| v),
                    Some(Verdict::Stance(Stance::Reject)),
                    "{}: {r:?}",
                    rule.example
                ),
                Kind::ConcessionBefore | Kind::ConcessionClause => {
                    assert!(r.fired.contains(&rule.name), "{}: {r:?}", rule.example);
                    assert_eq!(
                        r.verdict().map(|(v, _)| v),
                        Some(Verdict::Stance(Stance::Reject)),
                        "{}: {r:?}",
                        rule.example
                    );
                }
                Kind::Sympathy => {
                    assert!(r.fired.contains(&"sympathy"), "{}", rule.example);
                    assert_eq!(r.verdict(), None, "{}: {r:?}", rule.example);
                }
            }
        }
    }

    #[test]
    fn negation_concession_and_voice() {
        use Stance::*;
        let s = |st| Some(Verdict::Stance(st));
        assert_eq!(
            verdict("Förvaltningen kan inte tillstyrka motionen."),
            s(Reject)
        );
        assert_eq!(
            verdict("Nämnden beslutar att inte tillstyrka motionen."),
            s(Reject)
        );
        assert_eq!(verdict("Nämnden tillstyrker inte motionen."), s(Reject));
        assert_eq!(
            verdict("Förvaltningen är positiv till motionens intentioner men avstyrker den."),
            s(Reject)
        );
        assert_eq!(
            verdict("Motionärerna föreslår att nämnden ska tillstyrka motionen."),
            None
        );
        assert!(
            read_sentence("Motionärerna föreslår att nämnden ska tillstyrka motionen.")
                .motion_voice
        );
        // A negation far before, in another clause, does not reach.
        assert_eq!(
            verdict(
                "Förvaltningen delar inte den bedömningen och föreslår att nämnden avstyrker motionen."
            ),
            s(Reject)
        );
        // "inte" inside "intentioner" is no negation.
        assert_eq!(
            verdict("Intentionerna är goda och nämnden tillstyrker motionen."),
            s(Approve)
        );
        // A negated reject settles nothing.
        let r = read_sentence("Förvaltningen kan inte avstyrka motionen.");
        assert!(r.unsettled && r.verdict().is_none());
        // Quotations are not the body's words.
        assert_eq!(verdict("Motionen har rubriken ”Tillstyrk motionen”."), None);
        assert_eq!(
            verdict(
                "Nämnden tillstyrker motionens första att-sats och avstyrker motionen i övrigt."
            ),
            s(ApproveInPart)
        );
        assert_eq!(
            verdict("Motionen besvaras med hänvisning till vad som sägs i utlåtandet."),
            s(Answered)
        );
        assert_eq!(verdict("Beslutet justeras omedelbart."), None);
        // A pattern does not reach across a comma.
        assert_eq!(
            verdict("Nämnden tillstyrker motionen, delvis eftersom den är billig."),
            s(Approve)
        );
        assert_eq!(
            verdict("Nämnden tillstyrker delvis motionen."),
            s(ApproveInPart)
        );
    }

    #[test]
    fn sentences_split_at_full_stops_not_abbreviations() {
        let t = "1. Stadsdelsnämnden godkänner t.ex. tjänsteutlåtandet. Beslutet justeras omedelbart. Reservation av X m.fl. (M).";
        let got: Vec<&str> = sentences(t).into_iter().map(|r| &t[r]).collect();
        assert_eq!(
            got,
            [
                "1. Stadsdelsnämnden godkänner t.ex. tjänsteutlåtandet.",
                "Beslutet justeras omedelbart.",
                "Reservation av X m.fl. (M)."
            ]
        );
    }

    #[test]
    fn decisions() {
        let r = read_decision(&[para(
            "Socialnämnden godkänner tjänsteutlåtandet som svar på remissen.",
        )])
        .unwrap();
        assert_eq!(r.verdict, Verdict::AdoptsOpinion);
        assert_eq!(r.rule, "decision.adopts_opinion");
        assert_eq!(r.source.first, 10);
        let r = read_decision(&[para(
            "Kulturnämnden godkänner förvaltningens tjänsteutlåtande och tillstyrker motionen.",
        )])
        .unwrap();
        assert_eq!(r.verdict, Verdict::Stance(Stance::Approve));
        let r = read_decision(&[para(
            "Trafiknämnden överlämnar förvaltningens svar till kommunstyrelsen.",
        )])
        .unwrap();
        assert_eq!(r.verdict, Verdict::AdoptsOpinion);
        let r = read_decision(&[para("Nämnden har avstått från att yttra sig.")]);
        assert_eq!(
            r, None,
            "a decision that avstått is read by the referral list's rules"
        );
        let r = read_decision(&[para("Nämnden avstår från att yttra sig över remissen.")]).unwrap();
        assert_eq!(r.verdict, Verdict::NoAnswer);
        assert_eq!(
            read_decision(&[para("Beslutet justeras omedelbart.")]),
            None
        );
    }

    #[test]
    fn opinions() {
        let quotes = para(
            "Motionärerna föreslår att nämnden ska tillstyrka motionen. Förvaltningen delar inte den bedömningen och föreslår att nämnden avstyrker motionen.",
        );
        let r = read_opinion(&[quotes]).unwrap();
        assert_eq!(r.verdict, Verdict::Stance(Stance::Reject));
        assert_eq!(r.review, Review::Inferred);
        assert_eq!(r.rule, "opinion.proposes.reject");
        let r =
            read_opinion(&[para("Förvaltningen bedömer att befintliga bänkar räcker.")]).unwrap();
        assert_eq!(r.verdict, Verdict::Stance(Stance::Reject));
        assert_eq!(r.review, Review::Uncertain);
        assert_eq!(r.rule, "opinion.no_conclusion");
        assert_eq!(
            r.source.sentence,
            "Förvaltningen bedömer att befintliga bänkar räcker."
        );
        let r = read_opinion(&[para(
            "Förvaltningen ställer sig positiv till motionen. Förvaltningen avstyrker därför motionen.",
        )])
        .unwrap();
        assert_eq!(r.verdict, Verdict::Stance(Stance::Reject));
        assert_eq!(r.review, Review::Uncertain, "two readings disagree");
        assert_eq!(r.rule, "opinion.concludes.reject");
    }
}
