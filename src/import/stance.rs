//! Reading a body's stance on the motion the way a Swedish decision reads, and saying how sure
//! the reading is.
//!
//! A decision, an opinion or a proposal is read sentence by sentence with the rules of
//! [`RULES`], one table. Some rules **state** something about the motion (approve, reject,
//! answered, in part, no answer), or what a decision does with the administration's opinion;
//! their words are taken, so that an idiom's own negation ("ser inga hinder för att tillstyrka
//! motionen", "kan inte tillstyrka motionen") is part of what it states. The others are
//! **markers** that change how the sentence counts:
//!
//! - **another voice**: the motion's authors ("Motionärerna föreslår …", "De vill att …",
//!   "Författarna menar …"), a passive proposal with no subject ("Vidare föreslås att …"), a
//!   member's yrkande or reservation, another body as the subject ("Kulturförvaltningen har
//!   … tillstyrkt"), a reported earlier decision ("har tidigare tillstyrkt"), and quotations:
//!   the sentence says nothing about this body's stance;
//! - **concession**: in "positiv till motionens intentioner men avstyrker den" what follows
//!   "men" (likewise "dock", "däremot") decides; a clause opened by "även om", "trots att",
//!   "fastän", "samtidigt som" or holding "visserligen" is conceded;
//! - **negation** ("inte", "ej", "icke", "inga", "ingen", "inget", "aldrig", "varken",
//!   "utan", "saknas", …) that no idiom took;
//! - **condition** ("om …,", "under förutsättning att", "förutsatt att", "på villkor att");
//! - **part** ("att-sats", "i de delar", "såvitt avser", "med undantag", "i övrigt",
//!   "delvis");
//! - **conclusion** and **proposing** ("därför", "således", …; "Förvaltningen föreslår att
//!   nämnden …"), which rank an opinion's sentences.
//!
//! **Honest by construction**: a sentence is a *clean* reading only when the body (or its
//! administration) speaks, a stance rule states the stance, and no negation, condition, part,
//! unresolved concession or other voice stands in its clause. Only a clean reading gives
//! [`Review::Inferred`]; anything else gives at most [`Review::Uncertain`] with the best
//! reading and the sentence (the doubts named in the evidence's note), and readings that
//! conflict give `unknown`.
//!
//! [`read_decision`] reads the body's own decision; [`read_opinion`] the adopted opinion;
//! [`read_proposal`] the proposal to the council. The protocol importer reads a § decision
//! with [`read_decision`] too.

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
    /// The clause states this, with a verb that settles it ("tillstyrker", "avslås",
    /// "anses besvarad", "godkänner tjänsteutlåtandet").
    States(Verdict),
    /// The clause leans this way without a verb of decision ("ställer sig positiv till
    /// motionen", "välkomnar motionen"): a stance, but one a concession's second half
    /// outweighs.
    Leans(Verdict),
    /// Like `States`, with an object that points back ("avstyrker den"): only where the
    /// sentence named the motion.
    StatesOfMotion(Verdict),
    /// Words that look like a marker and are none ("hänvisar i övrigt till"): taken, no
    /// stance.
    Neutral,
    /// Sympathy that is no stance ("positiv till motionens intentioner").
    Sympathy,
    /// A negation word no idiom took.
    Negation,
    /// A condition on the stance.
    Condition,
    /// A word that restricts the stance to part of the motion.
    Part,
    /// What follows the marker decides ("men", "dock", "däremot").
    Concession,
    /// The clause the marker opens (or stands in) is conceded ("även om", "visserligen").
    ConcessionClause,
    /// The sentence is not the body's voice.
    OtherVoice,
    /// The sentence reports an earlier decision.
    Earlier,
    /// The sentence is the opinion's conclusion.
    Conclusion,
    /// The sentence turns against what came before ("dock", "däremot"): it outranks the
    /// opinion's plain sentences, not its conclusion.
    Contrast,
    /// The administration proposes what the body should decide.
    Proposes,
}

impl Kind {
    /// Rules whose words are taken (a stance, a neutral phrase, sympathy); the others mark.
    fn takes(self) -> bool {
        matches!(
            self,
            Kind::States(_)
                | Kind::Leans(_)
                | Kind::StatesOfMotion(_)
                | Kind::Neutral
                | Kind::Sympathy
        )
    }

    fn verdict(self) -> Option<Verdict> {
        match self {
            Kind::States(v) | Kind::Leans(v) | Kind::StatesOfMotion(v) => Some(v),
            _ => None,
        }
    }
}

/// One rule: its name (used as the evidence's `rule`), what it does, the fragments that must
/// occur in this order, at most how many words may stand between two fragments (never across
/// a comma, semicolon or colon), and an example the unit tests read.
///
/// A fragment is lower case and normalised; `a|b c` is either `a` or `b c`; `*` at either end
/// of a word lets the word go on there; a leading `^` ties the fragment to the start of a
/// clause (the sentence's, or after a comma, semicolon or colon).
pub struct Rule {
    pub name: &'static str,
    pub kind: Kind,
    pub pattern: &'static [&'static str],
    pub gap: usize,
    pub example: &'static str,
}

const APPROVE: Kind = Kind::States(Verdict::Stance(Stance::Approve));
const LEANS_APPROVE: Kind = Kind::Leans(Verdict::Stance(Stance::Approve));
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

/// Every rule, in one table. Rules that take words are applied in this order, each where
/// the words are still free: idioms and parts before the plain stances they hold, sympathy
/// before the approvals it looks like.
#[rustfmt::skip]
pub const RULES: &[Rule] = &[
    // ---- Idioms with a negation of their own: the negation is part of what they state.
    rule!("double_negation", APPROVE, ["inga|inget|ingen", "hinder|invändningar|invändning|betänkligheter|erinran|erinringar", "att", "tillstyrk*|bifall*|ställa sig bakom", "motionen*|förslaget|förslagen"], 2, "Kontoret ser inga hinder för att tillstyrka motionen."),
    rule!("double_negation", APPROVE, ["inte|ej|icke", "några|något|någon", "hinder|invändningar|invändning|betänkligheter|erinran|erinringar", "att", "tillstyrk*|bifall*|ställa sig bakom", "motionen*|förslaget|förslagen"], 2, "Förvaltningen ser inte några hinder mot att bifalla motionen."),
    rule!("double_negation", APPROVE, ["ingen|inget|inga|inte någon|inte något|inte några", "anledning|skäl|grund", "att", "inte|ej|icke", "tillstyrk*|bifall*|ställa sig bakom", "motionen*|förslaget|förslagen"], 2, "Förvaltningen ser ingen anledning att inte tillstyrka motionen."),
    rule!("double_negation", APPROVE, ["inte|ej|icke", "annat än", "tillstyrk*|bifall*|ställa sig bakom", "motionen*|förslaget|förslagen"], 1, "Förvaltningen kan inte annat än tillstyrka motionen."),
    rule!("double_negation", REJECT, ["inte|ej|icke", "annat än", "avstyrk*|avslå*", "motionen*|förslaget|förslagen"], 1, "Förvaltningen kan inte annat än avstyrka motionen."),
    // "No objection to the motion" is consent, but no decision verb: a leaning.
    rule!("leans_approve", LEANS_APPROVE, ["ingen|inga|inget", "erinran|erinringar|invändning|invändningar", "mot", "motionen*|motionens förslag*|förslaget|förslagen"], 0, "Förvaltningen har ingen erinran mot motionens förslag."),
    rule!("no_reason", REJECT, ["inte|ej|icke", "skäl|anledning|grund|motiv|behov", "att", "tillstyrk*|bifall*|ställa sig bakom", "motionen*|förslaget|förslagen"], 5, "Förvaltningen anser inte att det finns tillräckliga skäl för nämnden att tillstyrka motionen."),
    rule!("no_reason", REJECT, ["inga|inget|ingen|inte några|inte något|inte någon", "skäl|anledning|grund|motiv|behov", "att", "tillstyrk*|bifall*|ställa sig bakom", "motionen*|förslaget|förslagen"], 3, "Förvaltningen ser inga skäl att tillstyrka motionen."),
    rule!("no_reason", REJECT, ["saknas|saknar", "skäl|anledning|grund|motiv|behov", "att", "tillstyrk*|bifall*|ställa sig bakom", "motionen*|förslaget|förslagen"], 3, "Det saknas skäl att tillstyrka motionen."),
    rule!("negated_view", REJECT, ["delar inte|delar ej|delar icke", "uppfattning*|bedömning*|syn|synen|åsikt*|förslag*", "att", "tillstyrk*|bifall*|ställa sig bakom", "motionen*"], 4, "Förvaltningen delar inte motionärernas uppfattning att nämnden bör tillstyrka motionen."),
    rule!("negated_approve", REJECT, ["inte|ej|icke", "tillstyrk*|bifall*|ställa sig bakom|ställer sig bakom", "motionen*|förslaget|den"], 0, "Förvaltningen kan inte tillstyrka motionen."),
    rule!("negated_approve", REJECT, ["tillstyrker|bifaller|tillstyrkte|biföll", "inte|ej|icke", "motionen*"], 0, "Nämnden tillstyrker inte motionen."),
    rule!("negated_approve", REJECT, ["ställer sig|ställde sig", "inte|ej|icke", "bakom", "motionen*"], 0, "Nämnden ställer sig inte bakom motionen."),
    rule!("negated_approve", REJECT, ["motionen", "bör|kan|ska|skall", "inte|ej|icke", "tillstyrkas|bifallas"], 0, "Motionen bör inte bifallas."),
    rule!("no_need", REJECT, ["inga|inget|ingen", "behov", "motion*|förslag*"], 6, "Således ser förvaltningen inga egentliga behov av att gå vidare med motionärernas förslag."),
    rule!("no_need", REJECT, ["motionens förslag|förslaget|förslagen", "inte|ej", "motiverat|motiverade"], 12, "Mot bakgrund av detta bedöms motionens förslag om en handlingsplan inte motiverat att genomföra."),
    rule!("no_need", REJECT, ["motionens förslag|förslaget|förslagen", "bör|ska|kan", "inte|ej", "genomföras|införas"], 1, "Motionens förslag bör inte genomföras."),
    rule!("no_need", REJECT, ["motionens förslag|förslaget|förslagen", "inte|ej", "bör|ska|kan", "genomföras|införas"], 0, "Förvaltningen bedömer att förslaget inte bör genomföras av kostnadsskäl."),
    rule!("no_answer", NO_ANSWER, ["inte|ej", "yttra sig|lämna något yttrande|lämna yttrande|svara på remissen"], 0, "Nämnden beslutar att inte yttra sig över remissen."),
    rule!("no_answer", NO_ANSWER, ["utan", "yttrande|eget yttrande|synpunkter"], 0, "Nämnden lämnar remissen utan yttrande."),
    rule!("no_answer", NO_ANSWER, ["lämnar inget|avger inget", "yttrande"], 0, "Nämnden lämnar inget yttrande."),
    // A body's part that only says it did not answer (the referral summary's wording).
    rule!("no_answer", NO_ANSWER, ["har inte|har ej", "inkommit|svarat|besvarat remissen|yttrat sig|lämnat något svar|lämnat svar|lämnat något yttrande|avgett något yttrande"], 0, "Region Stockholms trafiknämnd har inte inkommit med svar."),
    // ---- What reads like a part, and is none.
    rule!("approve", APPROVE, ["tillstyrk*|bifall*", "båda|samtliga|alla", "att-sats*|attsats*"], 1, "Nämnden tillstyrker motionens båda att-satser."),
    rule!("approve", APPROVE, ["tillstyrk*|bifall*", "motionen", "i sin helhet"], 0, "Nämnden tillstyrker motionen i sin helhet."),
    rule!("reject", REJECT, ["avstyrk*|avslå*", "båda|samtliga|alla", "att-sats*|attsats*"], 1, "Nämnden avstyrker motionens samtliga att-satser."),
    rule!("reference", Kind::Neutral, ["hänvisar|hänvisas|hänvisning", "i övrigt"], 0, "Nämnden hänvisar i övrigt till förvaltningens tjänsteutlåtande."),
    rule!("reference", Kind::Neutral, ["i övrigt", "hänvisar|hänvisas"], 1, "I övrigt hänvisar nämnden till tjänsteutlåtandet."),
    // ---- Approval in part.
    rule!("approve_in_part", IN_PART, ["tillstyrk*|bifall*", "motionen*", "delvis"], 1, "Nämnden tillstyrker motionen delvis."),
    rule!("approve_in_part", IN_PART, ["delvis", "tillstyrk*|bifall*", "motionen*"], 1, "Nämnden delvis tillstyrker motionen."),
    rule!("approve_in_part", IN_PART, ["ställer sig delvis bakom|ställer sig bakom delar av", "motionen*"], 0, "Förvaltningen ställer sig delvis bakom motionen."),
    rule!("approve_in_part", IN_PART, ["tillstyrk*|bifall*", "att-sats*|attsats*", "avstyrk*|avslå*"], 8, "Nämnden tillstyrker motionens första att-sats men avstyrker den andra."),
    rule!("approve_in_part", IN_PART, ["avstyrk*|avslå*", "att-sats*|attsats*", "tillstyrk*|bifall*"], 8, "Nämnden avstyrker motionens att-satser 1 och 2 men tillstyrker att-sats 3."),
    rule!("approve_in_part", IN_PART, ["tillstyrk*|bifall*", "att-sats*|attsats*", "i övrigt"], 8, "Nämnden tillstyrker motionens första att-sats och avstyrker motionen i övrigt."),
    rule!("approve_in_part", IN_PART, ["tillstyrk*|bifall*", "den del|de delar|delar", "av", "motionen*"], 1, "Kontoret tillstyrker den del av motionen som rör belysning men avstyrker motionen i övrigt."),
    rule!("approve_in_part", IN_PART, ["tillstyrk*|bifall*", "motionen*", "i den del*|i de delar*|i delar|såvitt avser|vad avser|vad gäller|med undantag*|utom|förutom|till viss del|i vissa delar"], 1, "Nämnden tillstyrker motionen i de delar som rör tillgänglighet."),
    rule!("approve_in_part", IN_PART, ["tillstyrk*|bifall*", "motionen*", "men|dock", "avstyrk*|avslå*", "förslaget|förslagen|delen|del|att-sats*|attsats*|den andra|den första|den tredje|punkten|punkt"], 1, "Nämnden tillstyrker motionen men avstyrker förslaget om avgiftsfria entréer."),
    rule!("approve_in_part", IN_PART, ["tillstyrk*|bifall*", "motionen*", "men inte|dock inte|men ej", "förslaget|förslagen|delen|att-sats*|attsats*"], 1, "Nämnden tillstyrker motionen men inte förslaget om avgifter."),
    rule!("approve_in_part", IN_PART, ["motionen*|motionens", "bifalls|tillstyrks", "såvitt avser|i den del*|i de delar*|i delar|vad avser|vad gäller|delvis|med undantag*|till viss del"], 1, "Motionen bifalls såvitt avser att-sats 1."),
    rule!("approve_in_part", IN_PART, ["tillstyrk*|bifall*", "första|andra|tredje|fjärde|femte|sjätte|sista", "att-sats*|attsats*"], 1, "Nämnden tillstyrker motionens andra att-sats."),
    rule!("approve_in_part", IN_PART, ["tillstyrk*|bifall*", "att-sats*|attsats*", "1|2|3|4|5|6|7|8|9"], 1, "Nämnden tillstyrker att-sats 2 i motionen."),
    rule!("approve_in_part", IN_PART, ["tillstyrk*|bifall*", "att-satsen|attsatsen"], 3, "Nämnden tillstyrker den första att-satsen i motionen."),
    rule!("approve_in_part", IN_PART, ["tillstyrk*|bifall*|avstyrk*|avslå*", "delvis"], 0, "Nämnden tillstyrker delvis motionen."),
    // ---- Answered: before the approvals, whose words it holds ("tillstyrker att motionen
    // anses besvarad").
    rule!("answered", ANSWERED, ["motionen*|motionerna*", "anses|ska anses|skall anses|får anses|kan anses", "besvarad*"], 2, "Motionen anses besvarad med hänvisning till tjänsteutlåtandet."),
    rule!("answered", ANSWERED, ["anse*|betrakta*", "motionen*|motionerna*", "besvarad*|som besvarad*"], 2, "Nämnden anser motionen besvarad med hänvisning till förvaltningens tjänsteutlåtande."),
    rule!("answered", ANSWERED, ["motionen*|motionerna*", "besvaras"], 1, "Motionen besvaras med hänvisning till vad som sägs i utlåtandet."),
    rule!("answered", ANSWERED, ["motionen*|motionerna*", "är besvarad*"], 2, "Nämnden anser att motionen är besvarad."),
    rule!("answered", ANSWERED, ["besvara*", "motionen*|motionerna*"], 1, "Nämnden föreslår att besvara motionen med hänvisning till tjänsteutlåtandet."),
    // ---- Sympathy: the motion's aims, not the motion.
    rule!("sympathy", Kind::Sympathy, ["motionens|motionärernas|motionernas", "intention*|syfte*|ambition*|*tanke*|mål|målet|målsättning*|idé*|engagemang*|inriktning*|oro|vilja|viljan|anda|grundtanke*|frågeställning*|problembeskrivning*|intentionen"], 1, "Förvaltningen är positiv till motionens intentioner."),
    // ---- Stances on the motion.
    rule!("approve", APPROVE, ["tillstyrk*", "motionen*|motionerna*|förslaget i motionen"], 1, "Nämnden tillstyrker motionen."),
    rule!("approve", APPROVE, ["motionen|motionerna", "tillstyrks"], 0, "Motionen tillstyrks."),
    rule!("approve", APPROVE, ["tillstyrks", "motionen"], 0, "Därmed tillstyrks motionen."),
    rule!("approve", APPROVE, ["bifall*|biföll", "motionen*|motionerna*"], 1, "Nämnden bifaller motionen."),
    rule!("approve", APPROVE, ["motionen|motionerna", "bifalls"], 0, "Motionen bifalls."),
    rule!("approve", APPROVE, ["ställer sig bakom|ställa sig bakom|ställde sig bakom|står bakom", "motionen|motionerna|motionens förslag*"], 0, "Förvaltningen ställer sig bakom motionen."),
    rule!("leans_approve", LEANS_APPROVE, ["positiv*", "till", "motionen|motionerna|motionens förslag*|förslaget|förslagen"], 1, "Förvaltningen ställer sig positiv till motionen."),
    rule!("leans_approve", LEANS_APPROVE, ["ser positivt på", "motionen|motionerna|motionens förslag*|förslaget|förslagen"], 0, "Förvaltningen ser positivt på motionens förslag."),
    rule!("leans_approve", LEANS_APPROVE, ["välkomnar", "motionen|motionerna|motionens förslag*|förslaget|förslagen"], 0, "Kontoret välkomnar motionens förslag."),
    rule!("reject", REJECT, ["avstyrk*", "motionen*|motionerna*|förslaget i motionen"], 1, "Nämnden avstyrker motionen."),
    rule!("reject", REJECT, ["motionen|motionerna", "avstyrks"], 0, "Motionen avstyrks."),
    rule!("reject", REJECT, ["avstyrks", "motionen"], 0, "Mot bakgrund av detta avstyrks motionen."),
    rule!("reject", REJECT, ["avslå*|avslog", "motionen*|motionerna*"], 1, "Nämnden avslår motionen."),
    rule!("reject", REJECT, ["motionen|motionerna", "avslås"], 0, "Motionen avslås."),
    rule!("reject", REJECT, ["avslås", "motionen"], 0, "Därmed avslås motionen."),
    rule!("reject", REJECT, ["motsätter sig|avvisar", "motionen*|motionerna*"], 1, "Nämnden motsätter sig motionen."),
    rule!("approve_anaphoric", Kind::StatesOfMotion(Verdict::Stance(Stance::Approve)), ["tillstyrk*|bifall*", "den|dem"], 0, "Motionen är väl underbyggd och förvaltningen tillstyrker den."),
    rule!("reject_anaphoric", Kind::StatesOfMotion(Verdict::Stance(Stance::Reject)), ["avstyrk*|avslå*", "den|dem"], 0, "Förvaltningen är positiv till motionens intentioner men avstyrker den."),
    // ---- Not answering, adopting the opinion, following the proposal.
    rule!("no_answer", NO_ANSWER, ["avstår|avstod|avstå", "yttra sig|att svara|yttrande|lämna synpunkter"], 4, "Nämnden avstår från att yttra sig över remissen."),
    rule!("adopts_opinion", ADOPTS, ["godkänn*|antar|anta|lämnar|överlämn*|översänd*|åberopa*", "tjänsteutlåtande*|tjänsteskrivelse*|förvaltningens yttrande|kontorets yttrande|förvaltningens svar|kontorets svar|förslag till yttrande|förslag till svar|förvaltningens förslag|kontorets förslag"], 3, "Socialnämnden godkänner tjänsteutlåtandet som svar på remissen."),
    rule!("adopts_opinion", ADOPTS, ["tjänsteutlåtande*|tjänsteskrivelse*", "som", "svar|yttrande|nämndens yttrande"], 6, "Tjänsteutlåtandet gäller som svar på remissen."),
    rule!("adopts_opinion", ADOPTS, ["överlämn*", "svar|yttrande*", "till"], 2, "Nämnden överlämnar förvaltningens svar till kommunstyrelsen."),
    rule!("adopts_opinion", ADOPTS, ["förslag till yttrande|förslag till svar"], 0, "Nämnden beslutar i enlighet med förvaltningens förslag till yttrande."),
    rule!("adopts_opinion", ADOPTS, ["*förvaltningens förslag|*kontorets förslag"], 0, "Nämnden beslutar enligt förvaltningens förslag."),
    rule!("follows_proposal", FOLLOWS, ["föredragande borgarråd*", "förslag"], 1, "Borgarrådsberedningen tillstyrker föredragande borgarrådets förslag."),
    rule!("follows_proposal", FOLLOWS, ["borgarrådsberedningens", "uppfattning|förslag"], 0, "Kommunstyrelsen delar borgarrådsberedningens uppfattning."),

    // ---- Markers. Another voice than the body's.
    rule!("motion_voice", Kind::OtherVoice, ["^motionär*|^motionen föreslår|^motionen vill|^motionen anser|^motionen menar"], 0, "Motionärerna föreslår att nämnden ska tillstyrka motionen."),
    rule!("motion_voice", Kind::OtherVoice, ["^i motionen|enligt motionen|enligt motionär*|enligt författar*"], 0, "I motionen föreslås att nämnden tillstyrker motionen."),
    rule!("motion_voice", Kind::OtherVoice, ["^skribent*|^förslagsställar*|^författar*|^motionens författare"], 0, "Författarna menar att nämnden bör ställa sig bakom motionen."),
    rule!("motion_voice", Kind::OtherVoice, ["föreslår|anser|menar|vill|skriver|yrkar|önskar", "motionär*|författar*|skribent*|förslagsställar*"], 0, "Därför föreslår motionärerna att motionen bifalls."),
    rule!("motion_voice", Kind::OtherVoice, ["^de|^han|^hon", "vill|föreslår|menar|anser|yrkar|önskar|pekar|skriver|framhåller|framför|efterfrågar|kräver"], 0, "De vill att stadsdelsnämnden tillstyrker motionen."),
    rule!("motion_voice", Kind::OtherVoice, ["vill|föreslår|menar|anser|yrkar|önskar|skriver", "de|han|hon"], 0, "Vidare vill de att nämnden tillstyrker motionen."),
    rule!("passive_proposal", Kind::OtherVoice, ["föreslås"], 0, "Vidare föreslås att kommunfullmäktige bifaller motionen i sin helhet."),
    rule!("yrkande", Kind::OtherVoice, ["yrkade|yrkar|yrkat|yrkande|yrkandet|yrkanden|yrkandena"], 0, "Vice ordföranden Ida Jansson (M) yrkade bifall till motionen."),
    rule!("reservation", Kind::OtherVoice, ["reserverade|reserverar|reserverat"], 0, "Ida Jansson m.fl. (M) reserverade sig till förmån för att tillstyrka motionen."),
    rule!("earlier", Kind::Earlier, ["har|hade", "tidigare"], 0, "Kommunstyrelsen har tidigare tillstyrkt motionen om simskola."),
    rule!("earlier", Kind::Earlier, ["tidigare", "har|hade"], 0, "Tidigare har nämnden tillstyrkt motionen."),
    rule!("earlier", Kind::Earlier, ["har|hade", "tillstyrkt|avstyrkt|bifallit|avslagit|ställt sig bakom|besvarat"], 4, "Kulturförvaltningen har i sitt remissvar tillstyrkt motionen."),
    // Concession.
    rule!("concession_men", Kind::Concession, ["men"], 0, "Förvaltningen är positiv till motionens intentioner men avstyrker den."),
    rule!("concession_dock", Kind::Concession, ["dock"], 0, "Motionen har goda syften, dock avstyrker förvaltningen motionen."),
    rule!("concession_daremot", Kind::Concession, ["däremot"], 0, "Syftet är gott, däremot avstyrker förvaltningen motionen."),
    rule!("concession_aven_om", Kind::ConcessionClause, ["även om|trots att|fastän|samtidigt som|oaktat att"], 0, "Även om förvaltningen tillstyrker motionens syfte, avstyrks motionen."),
    rule!("concession_visserligen", Kind::ConcessionClause, ["visserligen|förvisso|i och för sig"], 0, "Förvaltningen tillstyrker visserligen motionens syfte, men avstyrker motionen."),
    // Negation that no idiom took.
    rule!("negation", Kind::Negation, ["inte|ej|icke|inga|ingen|inget|intet|aldrig|varken|utan|saknas|saknar|knappast|svårligen|ingalunda"], 0, "Förvaltningen bedömer inte att det är rimligt att tillstyrka motionen."),
    // Conditions.
    rule!("condition", Kind::Condition, ["^om|^ifall|^såvida|^bara om|^endast om|under förutsättning att|under förutsättning|förutsatt att|på villkor att|med villkor*|villkora*|endast om|bara om|enbart om|i den mån|under villkor"], 0, "Kulturnämnden tillstyrker motionen under förutsättning att verksamheten finansieras."),
    // Parts.
    rule!("part", Kind::Part, ["att-sats*|attsats*|i de delar*|i den del*|i delar|såvitt avser|vad avser|med undantag*|i övrigt|delvis|utom|förutom|till viss del|i vissa delar|delar av"], 0, "Nämnden avstyrker motionen i övrigt."),
    // The opinion's conclusion, a contrast, and the proposing sentence.
    rule!("conclusion", Kind::Conclusion, ["därför|således|sammanfattningsvis|sammantaget|följaktligen|^därmed|mot bakgrund av|mot denna bakgrund|av dessa skäl|av detta skäl|med hänvisning till ovanstående|med anledning av ovanstående"], 0, "Förvaltningen avstyrker därför motionen."),
    rule!("contrast", Kind::Contrast, ["dock|däremot|samtidigt"], 0, "Förvaltningen avstyrker dock motionen."),
    rule!("proposes", Kind::Proposes, ["föreslår|föreslog", "att", "*nämnden|*nämnd|*styrelsen|kommunfullmäktige|fullmäktige"], 1, "Förvaltningen föreslår att nämnden avstyrker motionen."),
];

/// Who speaks for the body: its name and its administration's, as the document writes them.
/// A sentence whose subject is another body ("Kulturförvaltningen har … tillstyrkt motionen"
/// in the city office's opinion) is not the body's voice; "nämnden", "förvaltningen",
/// "kontoret" and the like always are.
#[derive(Debug, Clone, Default)]
pub struct Voice {
    /// Normalised names.
    names: Vec<String>,
    /// Whether the speaker is known; if not, no sentence is taken for another body's.
    known: bool,
}

impl Voice {
    pub fn of<'a>(names: impl IntoIterator<Item = &'a str>) -> Voice {
        Voice {
            names: names
                .into_iter()
                .map(normalise)
                .filter(|n| !n.is_empty())
                .collect(),
            known: true,
        }
    }

    /// Whether `name` (as a preamble writes it: "Kulturnämnden", "Socialförvaltningens",
    /// "Region Stockholms") names this body or its administration: a word that always does
    /// ("Nämnden", "Förvaltningen"), one of its names, or a body word of the same stem
    /// ("Trafikkontoret" for Trafiknämnden). A genitive's "s" is no difference.
    pub fn speaks_for(&self, name: &str) -> bool {
        let norm = normalise(name);
        let words = split_words(&norm);
        let Some(last) = words.len().checked_sub(1) else {
            return false;
        };
        if self.own(&words, last) {
            return true;
        }
        let bare_name = |s: &str| {
            s.split(' ')
                .map(|w| {
                    let w = bare(w);
                    w.strip_suffix(":s")
                        .or_else(|| w.strip_suffix('s'))
                        .unwrap_or(w)
                        .to_string()
                })
                .collect::<Vec<_>>()
                .join(" ")
        };
        let n = bare_name(&norm);
        self.names.iter().any(|m| bare_name(m) == n)
    }

    /// Whether the body word at `k` (a word with a body's ending, [`BODY_WORDS`]) names this
    /// body or its administration.
    fn own(&self, words: &[Word], k: usize) -> bool {
        let word = bare(words[k].norm);
        let w = match word.strip_suffix('s') {
            Some(g) if BODY_WORDS.iter().any(|s| g.ends_with(s)) => g,
            _ => word,
        };
        if OWN_WORDS.contains(&w) {
            return true;
        }
        self.names.iter().any(|name| {
            let parts: Vec<&str> = name.split(' ').collect();
            let Some(last) = parts.last() else {
                return false;
            };
            let same_stem = stem(last).is_some_and(|s| stem(w) == Some(s));
            if !(*last == w || same_stem) {
                return false;
            }
            // "Skärholmens stadsdelsnämnd": the word before must be the same too.
            match parts.len() {
                1 => true,
                n => k > 0 && bare(words[k - 1].norm) == parts[n - 2],
            }
        })
    }
}

/// Words that always name the body that speaks or its administration.
const OWN_WORDS: &[&str] = &[
    "nämnden",
    "stadsdelsnämnden",
    "förvaltningen",
    "stadsdelsförvaltningen",
    "kontoret",
    "styrelsen",
    "bolaget",
    "utskottet",
    "beredningen",
    "vi",
];

/// Endings of a word that names a body (in the nominative): the subject of a sentence that
/// is another body's voice unless it is [`Voice::own`].
const BODY_WORDS: &[&str] = &[
    "nämnden",
    "nämnd",
    "förvaltningen",
    "förvaltning",
    "kontoret",
    "kontor",
    "styrelsen",
    "styrelse",
    "beredningen",
    "fullmäktige",
    "myndigheten",
    "verket",
    "utskottet",
];

/// A body word's stem: "trafiknämnden" → "trafik", so that "Trafikkontoret" speaks for
/// Trafiknämnden.
fn stem(w: &str) -> Option<&str> {
    BODY_WORDS
        .iter()
        .find_map(|s| w.strip_suffix(s))
        .filter(|s| s.chars().count() >= 3)
}

fn bare(w: &str) -> &str {
    w.trim_matches(|c: char| !c.is_alphanumeric() && c != '-')
}

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

/// A word of a sentence, normalised (with the punctuation that follows it).
struct Word<'a> {
    norm: &'a str,
}

/// What a sentence says: the verdict it states (with the rule that stated it), how sure that
/// is ([`SentenceReading::clean`]), and what ranks it among an opinion's sentences.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct SentenceReading {
    /// The sentence's verdict, with the rule that stated it; empty when it states none (or
    /// when what it states is not settled: see `unsettled`).
    pub verdicts: Vec<(Verdict, &'static str)>,
    /// A stance is stated but not settled: a negated rejection, an answer negated, stances
    /// that conflict.
    pub unsettled: bool,
    /// Not the body's voice (the motion's, a member's, another body's, an earlier
    /// decision): the sentence says nothing about the body's stance.
    pub other_voice: bool,
    pub conclusion: bool,
    pub contrast: bool,
    pub proposes: bool,
    /// The stance was stated with a verb of decision (not only "positiv till").
    pub firm: bool,
    /// The sentence also adopts the opinion or follows the proposal.
    pub adopts: bool,
    /// A word of part ("i övrigt", "att-sats") that no rule took: with an approval in part
    /// elsewhere in the decision it is that approval's other half.
    pub part_marker: bool,
    /// Why the reading is not clean: "negation 'inte'", "condition 'under förutsättning
    /// att'", … Empty: a clean reading.
    pub doubts: Vec<String>,
    /// Names of the rules that changed how the sentence counts (negation, concession,
    /// sympathy, another voice, …).
    pub fired: Vec<&'static str>,
}

impl SentenceReading {
    /// The verdict of the sentence, if it states one.
    pub fn verdict(&self) -> Option<(Verdict, &'static str)> {
        self.verdicts.first().copied()
    }

    /// Whether the stance (if any) was stated cleanly: by the body's own voice, with no
    /// negation, condition, part, concession or other voice left in its clause.
    pub fn clean(&self) -> bool {
        self.doubts.is_empty() && !self.unsettled && !self.other_voice
    }

    /// The sentence states stances that conflict.
    pub fn conflicting(&self) -> bool {
        self.unsettled && self.fired.contains(&"conflict")
    }

    fn doubt(&mut self, what: &str, word: &str) {
        let d = format!("{what} '{word}'");
        if !self.doubts.contains(&d) {
            self.doubts.push(d);
        }
    }

    fn fire(&mut self, name: &'static str) {
        if !self.fired.contains(&name) {
            self.fired.push(name);
        }
    }
}

/// A rule that matched: the rule, the first and last word of the match, and the words that
/// are the pattern's own (not the words between).
struct Found {
    rule: &'static Rule,
    start: usize,
    end: usize,
    own: Vec<usize>,
}

/// Read one sentence (as written), with no knowledge of who speaks but "nämnden",
/// "förvaltningen" and the like (no sentence is taken for another body's).
pub fn read_sentence(sentence: &str) -> SentenceReading {
    read_sentence_as(sentence, &Voice::default())
}

/// Read one sentence (as written) of the body that `voice` names.
pub fn read_sentence_as(sentence: &str, voice: &Voice) -> SentenceReading {
    let mut out = SentenceReading::default();
    let norm0 = normalise(sentence);
    let (norm, quoted) = strip_quotes(&norm0);
    let words = split_words(&norm);
    if words.is_empty() {
        return out;
    }
    if quoted.as_deref().is_some_and(|q| {
        let qw = split_words(q);
        RULES
            .iter()
            .filter(|r| r.kind.verdict().is_some())
            .any(|r| !find_all(&qw, r, &vec![false; qw.len()]).is_empty())
    }) {
        out.doubt("quotation", "”…”");
        out.fire("quotation");
    }
    let n = words.len();
    // 1. The rules that take words, in table order.
    let mut taken = vec![false; n];
    let mut found: Vec<Found> = Vec::new();
    let mentions_motion = words.iter().any(|w| w.norm.starts_with("motion"));
    for rule in RULES.iter().filter(|r| r.kind.takes()) {
        if matches!(rule.kind, Kind::StatesOfMotion(_)) && !mentions_motion {
            continue;
        }
        for f in find_all(&words, rule, &taken) {
            for &k in &f.own {
                taken[k] = true;
            }
            if rule.kind == Kind::Sympathy {
                out.fire("sympathy");
            }
            found.push(f);
        }
    }
    // 2. The markers. Negation, condition, part and concession only where no rule took the
    // words (an idiom's own negation is no negation); voice, conclusion and proposing
    // anywhere.
    let none = vec![false; n];
    let mut marks: Vec<Found> = Vec::new();
    for rule in RULES.iter().filter(|r| !r.kind.takes()) {
        let blocked = match rule.kind {
            Kind::Negation
            | Kind::Condition
            | Kind::Part
            | Kind::Concession
            | Kind::ConcessionClause => &taken,
            _ => &none,
        };
        marks.extend(find_all(&words, rule, blocked));
    }
    let marked = |kind: Kind| marks.iter().filter(move |m| m.rule.kind == kind);
    out.conclusion = marked(Kind::Conclusion).next().is_some();
    out.contrast = marked(Kind::Contrast).next().is_some();
    out.proposes = marked(Kind::Proposes).next().is_some();

    let stances: Vec<&Found> = found
        .iter()
        .filter(|f| f.rule.kind.verdict().is_some())
        .collect();
    let first_stance = stances.iter().map(|f| f.start).min().unwrap_or(n);

    // 3. Where the decisive part starts: after the last concession ("men", "dock",
    // "däremot") that stands outside every match and has a stance after it.
    let boundaries: Vec<usize> = marked(Kind::Concession)
        .map(|m| m.start)
        .filter(|&b| !stances.iter().any(|f| f.start < b && b <= f.end))
        .collect();
    for m in marked(Kind::Concession) {
        out.fire(m.rule.name);
    }
    let tail_from = boundaries
        .iter()
        .copied()
        .filter(|&b| stances.iter().any(|f| f.start > b))
        .max();
    let last_boundary = boundaries.iter().copied().max();

    // 4. Another voice: the motion's, a member's, another body's, an earlier decision. In
    // the part that decides, it silences the sentence; before a concession whose second half
    // the body speaks, only the first half.
    let other_at: Vec<(usize, &'static str)> = marks
        .iter()
        .filter(|m| matches!(m.rule.kind, Kind::OtherVoice | Kind::Earlier))
        .map(|m| (m.start, m.rule.name))
        .chain(other_body(&words, voice, first_stance).map(|k| (k, "other_body")))
        .collect();
    let decides_from = tail_from.unwrap_or(0);
    if let Some(&(_, name)) = other_at.iter().find(|(k, _)| *k >= decides_from) {
        out.other_voice = true;
        out.fire(name);
        return out;
    }
    for (_, name) in &other_at {
        out.fire(name);
    }

    // 5. Conceded clauses: from "även om" (or the clause holding "visserligen") to the next
    // comma, "så" or concession.
    let mut conceded = vec![false; n];
    for m in marked(Kind::ConcessionClause) {
        let from = if m.rule.name == "concession_visserligen" {
            clause_start(&words, m.start)
        } else {
            m.start
        };
        let mut k = from;
        while k < n {
            if k > m.end
                && (bare(words[k].norm) == "så"
                    || boundaries.contains(&k)
                    || ends_clause(&words[k - 1]))
            {
                break;
            }
            conceded[k] = true;
            k += 1;
        }
        out.fire(m.rule.name);
    }

    // 6. The decisive stance. Stances on the motion (and "no answer") first; what the
    // decision does with the opinion or the proposal only where none is stated.
    let explicit = |f: &&Found| {
        matches!(
            f.rule.kind.verdict(),
            Some(Verdict::Stance(_) | Verdict::NoAnswer)
        )
    };
    let in_play: Vec<&Found> = stances
        .iter()
        .copied()
        .filter(|f| f.start >= decides_from)
        .collect();
    out.adopts = in_play.iter().any(|f| {
        matches!(
            f.rule.kind.verdict(),
            Some(Verdict::AdoptsOpinion | Verdict::FollowsProposal)
        )
    });
    let live: Vec<&Found> = {
        let chosen: Vec<&Found> = if in_play.iter().any(explicit) {
            in_play.iter().copied().filter(explicit).collect()
        } else {
            in_play
        };
        let free: Vec<&Found> = chosen
            .iter()
            .copied()
            .filter(|f| !conceded[f.start])
            .collect();
        if free.is_empty() { chosen } else { free }
    };
    if live.is_empty() {
        return out;
    }
    let verdict_of = |f: &Found| f.rule.kind.verdict().unwrap_or(Verdict::NoAnswer);
    let firm = |f: &Found| !matches!(f.rule.kind, Kind::Leans(_));
    let mut concession_settled = true;
    // An approval in part holds its own "men … i övrigt": it decides wherever it stands
    // (unless another voice spoke before the concession).
    let in_part = stances
        .iter()
        .copied()
        .filter(|f| other_at.is_empty() || f.start >= decides_from)
        .find(|f| verdict_of(f) == Verdict::Stance(Stance::ApproveInPart));
    let decisive: &Found = if let Some(f) = in_part {
        f
    } else if let Some(b) = tail_from {
        // What follows the concession decides; a firm stance before it that says otherwise
        // conflicts.
        let head: Vec<&Found> = stances
            .iter()
            .copied()
            .filter(|f| f.start < b && !conceded[f.start] && explicit(f))
            .collect();
        let last = live[live.len() - 1];
        if live.iter().any(|f| verdict_of(f) != verdict_of(last))
            || head
                .iter()
                .any(|f| firm(f) && verdict_of(f) != verdict_of(last))
        {
            return conflict(out);
        }
        concession_settled = firm(last);
        last
    } else {
        let first = live[0];
        if live.iter().any(|f| verdict_of(f) != verdict_of(first)) {
            return conflict(out);
        }
        // A concession after the stance with nothing stated after it: "positiv till motionen
        // men bedömer att befintliga arbetssätt räcker".
        if let Some(b) = last_boundary.filter(|&b| b > first.end) {
            let undermines = (b + 1..n).any(|k| {
                is_marker(&marks, k, Kind::Negation)
                    || ["tillräcklig", "räcker", "redan"]
                        .iter()
                        .any(|s| words[k].norm.starts_with(s))
            });
            if undermines {
                out.fire("concession_undermines");
                out.doubt("concession", bare(words[b].norm));
                if !firm(first) && verdict_of(first) == Verdict::Stance(Stance::Approve) {
                    // What was welcomed is not to be done: the best reading is a rejection.
                    out.verdicts
                        .push((Verdict::Stance(Stance::Reject), "concession_undermines"));
                    return out;
                }
            }
        }
        first
    };
    let mut verdict = verdict_of(decisive);
    let mut rule_name = decisive.rule.name;
    out.firm = firm(decisive) && explicit(&decisive);

    // 7. What is left in the decisive clause. Its clause starts after the last concession
    // it follows, or the last "och" that opens a new main clause ("… och föreslår att …");
    // subordinate clauses that state nothing (", som …", "eftersom …", "Om …,") are not
    // part of it.
    let restart = clause_restarts(&words)
        .into_iter()
        .filter(|&r| r <= decisive.start)
        .max()
        .unwrap_or(0)
        .max(
            tail_from
                .filter(|&b| b < decisive.start)
                .map_or(0, |b| b + 1),
        );
    let aside = subordinate(&words, &stances, decisive);
    let in_scope = |k: usize| {
        k >= restart && !taken[k] && !aside[k] && (!conceded[k] || conceded[decisive.start])
    };
    let mut flips = 0;
    for m in marks.iter().filter(|m| in_scope(m.start)) {
        let word = span_text(&words, m.start, m.end);
        match m.rule.kind {
            Kind::Negation => {
                out.fire("negation");
                out.doubt("negation", &word);
                if m.start < decisive.end {
                    flips += 1;
                }
            }
            Kind::Part if verdict != Verdict::Stance(Stance::ApproveInPart) => {
                out.part_marker = true;
                out.doubt("part", &word);
            }
            _ => {}
        }
    }
    for m in marked(Kind::Condition) {
        out.fire("condition");
        out.doubt("condition", &span_text(&words, m.start, m.end));
    }
    if !concession_settled {
        out.doubt("concession", bare(words[tail_from.unwrap_or(0)].norm));
    }
    if conceded.iter().any(|&c| c) && !firm(decisive) {
        out.doubt("concession", "visserligen / även om");
    }
    if flips % 2 == 1 {
        match verdict {
            Verdict::Stance(Stance::Approve) => {
                verdict = Verdict::Stance(Stance::Reject);
                rule_name = "negated_approve";
            }
            // "kan inte avstyrka", "anses inte besvarad", "godkänner inte tjänsteutlåtandet":
            // nothing is settled.
            _ => {
                out.unsettled = true;
                return out;
            }
        }
    }
    out.verdicts.push((verdict, rule_name));
    out
}

/// Finite verbs that open a main clause after "och": "… delar inte den bedömningen och
/// föreslår att …".
const FINITE_VERBS: &[&str] = &[
    "föreslår",
    "avstyrker",
    "tillstyrker",
    "anser",
    "bedömer",
    "ställer",
    "godkänner",
    "beslutar",
    "lämnar",
    "överlämnar",
    "avslår",
    "bifaller",
    "finner",
    "ser",
    "vill",
    "menar",
    "instämmer",
    "delar",
    "konstaterar",
    "hänvisar",
    "understryker",
    "betonar",
    "noterar",
    "välkomnar",
    "är",
    "har",
    "kan",
    "bör",
    "avstår",
    "rekommenderar",
    "förordar",
    "stödjer",
    "stöder",
    "avser",
];

/// Adverbs that may stand between "och" and its verb ("och föreslår därför", "och därför
/// föreslår").
const CLAUSE_ADVERBS: &[&str] = &[
    "därför",
    "därmed",
    "således",
    "också",
    "även",
    "dessutom",
    "därutöver",
    "alltså",
];

/// Where a new main clause starts inside a sentence: after "och"/"samt" followed by a finite
/// verb (or by "nämnden", "förvaltningen", … and one).
fn clause_restarts(words: &[Word]) -> Vec<usize> {
    let finite = |k: usize| {
        words
            .get(k)
            .is_some_and(|w| FINITE_VERBS.contains(&bare(w.norm)))
    };
    let mut out = Vec::new();
    for k in 1..words.len() {
        if !matches!(bare(words[k - 1].norm), "och" | "samt") {
            continue;
        }
        let mut j = k;
        while j < words.len() && CLAUSE_ADVERBS.contains(&bare(words[j].norm)) {
            j += 1;
        }
        if finite(j)
            || (OWN_WORDS.contains(&bare(words.get(j).map_or("", |w| w.norm))) && finite(j + 1))
        {
            out.push(k);
        }
    }
    out
}

/// Words that `on`'s clause does not hold: relative clauses (", som …", "motionen som …"),
/// causal ones ("eftersom …", ", då …") and leading subordinate clauses ("Om …,", "När …,")
/// that state no stance of their own.
fn subordinate(words: &[Word], stances: &[&Found], on: &Found) -> Vec<bool> {
    const RELATIVE: &[&str] = &["som", "vilket", "vilka", "vars", "där"];
    const CAUSAL: &[&str] = &["eftersom", "då", "emedan", "ty"];
    const LEADING: &[&str] = &[
        "om", "ifall", "när", "sedan", "innan", "eftersom", "då", "fastän", "medan",
    ];
    let n = words.len();
    let mut out = vec![false; n];
    let holds_stance = |a: usize, b: usize| stances.iter().any(|f| f.start >= a && f.start < b);
    let clause_end = |from: usize| {
        (from + 1..=n)
            .find(|&j| j == n || ends_clause(&words[j - 1]))
            .unwrap_or(n)
    };
    for k in 0..n {
        let w = bare(words[k].norm);
        let opens = k == 0 || ends_clause(&words[k - 1]);
        let next_is_att = words.get(k + 1).is_some_and(|x| bare(x.norm) == "att");
        let starts = (opens
            && (RELATIVE.contains(&w)
                || CAUSAL.contains(&w)
                || (k < on.start && LEADING.contains(&w))))
            || (k > on.end
                && (CAUSAL.contains(&w)
                    || (k == on.end + 1 && w == "som")
                    || (w == "därför" && next_is_att)));
        if !starts {
            continue;
        }
        let end = clause_end(k);
        // The deciding clause itself is never aside, nor one that states a stance.
        if (k <= on.start && on.start < end) || holds_stance(k, end) {
            continue;
        }
        out[k..end].fill(true);
    }
    out
}

/// Stances that conflict in one sentence: nothing is settled.
fn conflict(mut out: SentenceReading) -> SentenceReading {
    out.unsettled = true;
    out.fire("conflict");
    out.doubts.push("stances that conflict".into());
    out
}

/// The first word before `before` that names another body than `voice`'s, as a subject: a
/// body word in the nominative ("Kulturförvaltningen", "kommunfullmäktige") that is not the
/// body's own, standing before any body word that is.
fn other_body(words: &[Word], voice: &Voice, before: usize) -> Option<usize> {
    if !voice.known || before >= words.len() {
        return None;
    }
    for k in 0..before {
        let w = bare(words[k].norm);
        // "Trafikkontorets mening är …": a genitive before the verb speaks too.
        let nominative = w
            .strip_suffix('s')
            .filter(|g| BODY_WORDS.iter().any(|s| g.ends_with(s)));
        if !BODY_WORDS.iter().any(|s| w.ends_with(s)) && nominative.is_none() {
            continue;
        }
        return (!voice.own(words, k)).then_some(k);
    }
    None
}

fn is_marker(marks: &[Found], k: usize, kind: Kind) -> bool {
    marks
        .iter()
        .any(|m| m.rule.kind == kind && m.start <= k && k <= m.end)
}

/// Whether the word ends a clause (a comma, semicolon or colon after it).
fn ends_clause(w: &Word) -> bool {
    w.norm.ends_with([',', ';', ':'])
}

/// The first word of the clause that holds word `k`.
fn clause_start(words: &[Word], k: usize) -> usize {
    (1..=k)
        .rev()
        .find(|&j| ends_clause(&words[j - 1]))
        .unwrap_or(0)
}

fn span_text(words: &[Word], start: usize, end: usize) -> String {
    words[start..=end]
        .iter()
        .map(|w| w.norm.trim_end_matches([',', '.', ';', ':']))
        .collect::<Vec<_>>()
        .join(" ")
}

/// Every match of the rule in `words`, leftmost first, not overlapping, whose own words are
/// not `taken`.
fn find_all(words: &[Word], rule: &'static Rule, taken: &[bool]) -> Vec<Found> {
    let mut out = Vec::new();
    let mut from = 0;
    while from < words.len() {
        match find_from(words, rule.pattern, rule.gap, from, taken) {
            Some((start, end, own)) => {
                from = end + 1;
                out.push(Found {
                    rule,
                    start,
                    end,
                    own,
                });
            }
            None => break,
        }
    }
    out
}

fn find_from(
    words: &[Word],
    pattern: &[&str],
    gap: usize,
    from: usize,
    taken: &[bool],
) -> Option<(usize, usize, Vec<usize>)> {
    let first = *pattern.first()?;
    'start: for s in from..words.len() {
        let Some(mut end) = fragment_at(words, first, s, taken) else {
            continue;
        };
        let mut own: Vec<usize> = (s..=end).collect();
        for frag in &pattern[1..] {
            let mut found = None;
            for k in end + 1..=(end + 1 + gap).min(words.len().saturating_sub(1)) {
                // A pattern's words stand in one clause: "tillstyrker motionen, delvis
                // eftersom …" is no approval in part.
                if ends_clause(&words[k - 1]) {
                    break;
                }
                if let Some(e) = fragment_at(words, frag, k, taken) {
                    found = Some((k, e));
                    break;
                }
            }
            match found {
                Some((k, e)) => {
                    own.extend(k..=e);
                    end = e;
                }
                None => continue 'start,
            }
        }
        return Some((s, end, own));
    }
    None
}

/// Whether one of the fragment's alternatives matches `words` from `at` (with none of its
/// words taken); the index of its last word.
fn fragment_at(words: &[Word], fragment: &str, at: usize, taken: &[bool]) -> Option<usize> {
    'alt: for alternative in fragment.split('|') {
        let (anchored, alternative) = match alternative.strip_prefix('^') {
            Some(rest) => (true, rest),
            None => (false, alternative),
        };
        if anchored && at > 0 && !ends_clause(&words[at - 1]) {
            continue;
        }
        let parts: Vec<&str> = alternative.split(' ').collect();
        for (j, part) in parts.iter().enumerate() {
            let Some(word) = words.get(at + j) else {
                continue 'alt;
            };
            if taken.get(at + j).copied().unwrap_or(false) {
                continue 'alt;
            }
            // A comma ends the fragment's words: "tillstyrker, motionen" is no phrase.
            if j > 0 && ends_clause(&words[at + j - 1]) {
                continue 'alt;
            }
            let w = word
                .norm
                .trim_end_matches([',', '.', ';', ':', '!', '?', ')']);
            let w = w.trim_start_matches('(');
            let (open_left, open_right) = (part.starts_with('*'), part.ends_with('*'));
            let core = part.trim_matches('*');
            let ok = match (open_left, open_right) {
                (false, false) => w == core,
                (false, true) => w.starts_with(core),
                (true, false) => w.ends_with(core),
                (true, true) => w.contains(core),
            };
            if !ok {
                continue 'alt;
            }
        }
        return Some(at + parts.len() - 1);
    }
    None
}

fn split_words(norm: &str) -> Vec<Word<'_>> {
    norm.split(' ')
        .filter(|w| !w.is_empty())
        .map(|norm| Word { norm })
        .collect()
}

/// The text without what stands in quotation marks ("…", ”…”, “…”, «…», „…“), and what stood
/// there (`None` when nothing did, or a quotation is not closed: then nothing is left out).
fn strip_quotes(s: &str) -> (String, Option<String>) {
    let mut out = String::with_capacity(s.len());
    let mut quoted = String::new();
    let mut closing: Option<char> = None;
    for c in s.chars() {
        match closing {
            Some(close) if c == close || (close == '”' && c == '"') => {
                closing = None;
                quoted.push(' ');
            }
            Some(_) => quoted.push(c),
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
    if closing.is_some() {
        return (s.to_string(), None);
    }
    let quoted = (!quoted.trim().is_empty()).then(|| normalise(&quoted));
    (normalise(&out), quoted)
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
fn read_all(paras: &[Paragraph], voice: &Voice) -> Vec<(Source, SentenceReading)> {
    paras
        .iter()
        .flat_map(|p| {
            sentences(&p.text)
                .into_iter()
                .map(move |r| (source_of(p, r.clone()), read_sentence_as(&p.text[r], voice)))
        })
        .collect()
}

/// The note of a reading that is not clean: its doubts.
fn doubts_note(r: &SentenceReading) -> Option<String> {
    (!r.doubts.is_empty()).then(|| format!("not a clean reading: {}", r.doubts.join(", ")))
}

fn join_notes(a: Option<String>, b: Option<String>) -> Option<String> {
    match (a, b) {
        (Some(a), Some(b)) => Some(format!("{a}; {b}")),
        (a, b) => a.or(b),
    }
}

/// Whether two explicit sentences of one decision agree: the same verdict, or an approval in
/// part and its other half ("Motionen avslås i övrigt").
fn agree(a: &SentenceReading, b: &SentenceReading) -> bool {
    let (Some((va, _)), Some((vb, _))) = (a.verdict(), b.verdict()) else {
        return false;
    };
    let in_part = Verdict::Stance(Stance::ApproveInPart);
    va == vb || (va == in_part && b.part_marker) || (vb == in_part && a.part_marker)
}

/// The stance stated by explicit sentences (approve, reject, …, no answer), where they agree.
/// Sentences that disagree give `unknown`; the reading is inferred only when a clean
/// sentence states it. `None` when no sentence states one.
fn explicit(read: &[(Source, SentenceReading)], prefix: &str) -> Option<Reading> {
    let explicit: Vec<&(Source, SentenceReading)> = read
        .iter()
        .filter(|(_, r)| {
            r.verdict()
                .is_some_and(|(v, _)| matches!(v, Verdict::Stance(_) | Verdict::NoAnswer))
        })
        .collect();
    let (first_source, first) = *explicit.first()?;
    if let Some((_, other)) = explicit.iter().find(|(_, o)| !agree(first, o)) {
        return Some(Reading {
            verdict: Verdict::Stance(Stance::Unknown),
            rule: format!("{prefix}.conflict"),
            review: Review::Uncertain,
            source: first_source.clone(),
            note: Some(format!(
                "the sentences state different stances ({} and {})",
                verdict_name(first),
                verdict_name(other)
            )),
        });
    }
    // An approval in part and its other half: the approval in part.
    let chosen: &(Source, SentenceReading) = explicit
        .iter()
        .copied()
        .find(|(_, r)| r.verdict().map(|(v, _)| v) == Some(Verdict::Stance(Stance::ApproveInPart)))
        .unwrap_or(explicit[0]);
    let (verdict, _) = chosen.1.verdict()?;
    let halves = explicit
        .iter()
        .all(|(_, o)| o.verdict().map(|(v, _)| v) == Some(verdict) || o.part_marker);
    // The evidence is a clean sentence if one states it.
    let clean = explicit
        .iter()
        .copied()
        .find(|(_, o)| o.clean() && o.verdict().map(|(v, _)| v) == Some(verdict));
    let ((source, r), review) = match clean {
        Some(c) if halves => (c, Review::Inferred),
        _ => (chosen, Review::Uncertain),
    };
    let rule = r.verdict().map_or("", |(_, rule)| rule);
    Some(Reading {
        verdict,
        rule: format!("{prefix}.{rule}"),
        review,
        source: source.clone(),
        note: if review == Review::Inferred {
            None
        } else {
            doubts_note(r).or_else(|| Some("the reading is not clean".into()))
        },
    })
}

fn verdict_name(r: &SentenceReading) -> &'static str {
    match r.verdict() {
        Some((Verdict::Stance(s), _)) => s.as_str(),
        Some((Verdict::NoAnswer, _)) => "no_answer",
        Some((Verdict::AdoptsOpinion, _)) => "adopts the opinion",
        Some((Verdict::FollowsProposal, _)) => "follows the proposal",
        None => "nothing",
    }
}

/// What a body's decision says: its explicit stance on the motion (or "no answer"), where its
/// sentences agree, else what it does with the opinion or the proposal. Sentences in another
/// voice (a member's yrkande, a reservation, the chair's finding) are not the decision.
pub fn read_decision(decision: &[Paragraph], voice: &Voice) -> Option<Reading> {
    let read = read_all(decision, voice);
    if let Some(r) = explicit(&read, "decision") {
        return Some(r);
    }
    if let Some((source, r)) = read.iter().find(|(_, r)| r.unsettled) {
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
                .map(|(v, rule)| (source, r, v, rule))
        })
        .map(|(source, r, verdict, rule)| Reading {
            verdict,
            rule: format!("decision.{rule}"),
            review: if r.clean() {
                Review::Inferred
            } else {
                Review::Uncertain
            },
            source: source.clone(),
            note: doubts_note(r),
        })
}

/// Whether a sentence of the decision adopts the opinion as the body's answer.
pub fn adopts(decision: &[Paragraph], voice: &Voice) -> bool {
    read_all(decision, voice).iter().any(|(_, r)| {
        r.adopts
            || r.verdict()
                .is_some_and(|(v, _)| v == Verdict::AdoptsOpinion)
    })
}

fn unsettled_note(r: &SentenceReading) -> String {
    if r.conflicting() {
        "the sentence states different stances on the motion".into()
    } else {
        join_notes(
            Some("a negated stance that settles nothing".into()),
            doubts_note(r),
        )
        .unwrap_or_default()
    }
}

/// The stance of an administration's opinion on the motion: the proposing sentence's, else
/// the conclusion's, else a contrasting one's, else the last explicit one (the motion's and
/// other voices never count). Inferred only when that sentence is clean and no other
/// sentence disagrees; sentences of the same rank that disagree give `unknown`; an opinion
/// with no explicit stance is taken to reject the motion (not needed), uncertain.
pub fn read_opinion(opinion: &[Paragraph], voice: &Voice) -> Option<Reading> {
    let read = read_all(opinion, voice);
    if read.is_empty() {
        return None;
    }
    let rank = |r: &SentenceReading| {
        if r.proposes {
            3
        } else if r.conclusion {
            2
        } else if r.contrast {
            1
        } else {
            0
        }
    };
    let how = ["states", "contrasts", "concludes", "proposes"];
    let candidates: Vec<(usize, Stance, &'static str)> = read
        .iter()
        .enumerate()
        .filter_map(|(k, (_, r))| match r.verdict() {
            Some((Verdict::Stance(s), rule)) => Some((k, s, rule)),
            _ => None,
        })
        .collect();
    if let Some(top) = candidates.iter().map(|(k, ..)| rank(&read[*k].1)).max() {
        let best: Vec<&(usize, Stance, &'static str)> = candidates
            .iter()
            .filter(|(k, ..)| rank(&read[*k].1) == top)
            .collect();
        let last = best[best.len() - 1];
        if let Some(other) = best.iter().find(|(_, s, _)| *s != last.1) {
            return Some(Reading {
                verdict: Verdict::Stance(Stance::Unknown),
                rule: "opinion.conflict".into(),
                review: Review::Uncertain,
                source: read[last.0].0.clone(),
                note: Some(format!(
                    "the opinion's sentences state different stances ({} and {})",
                    last.1.as_str(),
                    other.1.as_str()
                )),
            });
        }
        // Of the agreeing top sentences, a clean one is the evidence.
        let &(k, stance, rule) = best
            .iter()
            .rev()
            .find(|(k, ..)| read[*k].1.clean())
            .copied()
            .unwrap_or(last);
        let disagree = candidates.iter().any(|(_, s, _)| *s != stance);
        let r = &read[k].1;
        let review = if r.clean() && !disagree {
            Review::Inferred
        } else {
            Review::Uncertain
        };
        return Some(Reading {
            verdict: Verdict::Stance(stance),
            rule: format!("opinion.{}.{rule}", how[top]),
            review,
            source: read[k].0.clone(),
            note: join_notes(
                disagree.then(|| {
                    "the opinion states other stances too; the proposing sentence or conclusion is taken"
                        .to_string()
                }),
                doubts_note(r),
            ),
        });
    }
    // A stance stated and not settled ("kan inte avstyrka motionen"): unknown.
    if let Some((source, r)) = read.iter().find(|(_, r)| r.unsettled && !r.other_voice) {
        return Some(Reading {
            verdict: Verdict::Stance(Stance::Unknown),
            rule: "opinion.unsettled".into(),
            review: Review::Uncertain,
            source: source.clone(),
            note: Some(unsettled_note(r)),
        });
    }
    // Nothing explicit: the default. The evidence is the opinion's proposing sentence, else
    // its conclusion, else its last sentence of its own.
    let last_with = |want: &dyn Fn(&SentenceReading) -> bool| {
        read.iter().rposition(|(_, r)| !r.other_voice && want(r))
    };
    let k = last_with(&|r| r.proposes)
        .or_else(|| last_with(&|r| r.conclusion))
        .or_else(|| last_with(&|_| true))
        .unwrap_or(read.len() - 1);
    Some(Reading {
        verdict: Verdict::Stance(Stance::Reject),
        rule: "opinion.no_conclusion".into(),
        review: Review::Uncertain,
        source: read[k].0.clone(),
        note: Some(
            "the opinion states no conclusion on the motion; reject (the motion is not needed) is the default".into(),
        ),
    })
}

/// The stance the proposal to the council asks for ("Motionen besvaras …", "Motionen anses
/// besvarad", "1. Motionen bifalls såvitt avser att-sats 1. 2. Motionen avslås i övrigt."),
/// read over all its sentences like a decision.
pub fn read_proposal(proposal: &[Paragraph]) -> Option<Reading> {
    let read = read_all(
        proposal,
        &Voice::of(["kommunfullmäktige", "kommunstyrelsen"]),
    );
    explicit(&read, "proposal").filter(|r| matches!(r.verdict, Verdict::Stance(_)))
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

    fn clean(s: &str) -> bool {
        read_sentence(s).clean()
    }

    /// Every rule of the table, one by one: its example fires it, and reads as it should.
    #[test]
    fn every_rule_fires_on_its_example() {
        for rule in RULES {
            let r = read_sentence(rule.example);
            let (norm, _) = strip_quotes(&normalise(rule.example));
            let words = split_words(&norm);
            assert!(
                !find_all(&words, rule, &vec![false; words.len()]).is_empty(),
                "{}: {:?} does not match its example {:?}",
                rule.name,
                rule.pattern,
                rule.example
            );
            match rule.kind {
                Kind::OtherVoice | Kind::Earlier => {
                    assert!(r.other_voice, "{}: {r:?}", rule.example);
                    assert_eq!(r.verdict(), None, "{}", rule.example);
                }
                Kind::Conclusion => assert!(r.conclusion, "{}", rule.example),
                Kind::Contrast => assert!(r.contrast, "{}", rule.example),
                Kind::Proposes => assert!(r.proposes, "{}", rule.example),
                Kind::States(v) | Kind::Leans(v) | Kind::StatesOfMotion(v) => {
                    assert_eq!(
                        r.verdict(),
                        Some((v, rule.name)),
                        "{}: {:?}",
                        rule.example,
                        r
                    );
                    assert!(r.clean(), "{}: {r:?}", rule.example);
                }
                Kind::Neutral => assert!(r.clean(), "{}: {r:?}", rule.example),
                Kind::Negation | Kind::Condition | Kind::Part => {
                    assert!(!r.clean(), "{}: {r:?}", rule.example);
                    assert!(r.verdict().is_some(), "{}: {r:?}", rule.example);
                }
                Kind::Concession | Kind::ConcessionClause => {
                    assert!(r.fired.contains(&rule.name), "{}: {r:?}", rule.example);
                    assert_eq!(
                        r.verdict().map(|(v, _)| v),
                        Some(Verdict::Stance(Stance::Reject)),
                        "{}: {r:?}",
                        rule.example
                    );
                    assert!(r.clean(), "{}: {r:?}", rule.example);
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
        assert!(clean("Förvaltningen kan inte tillstyrka motionen."));
        assert_eq!(
            verdict("Nämnden beslutar att inte tillstyrka motionen."),
            s(Reject)
        );
        assert_eq!(verdict("Nämnden tillstyrker inte motionen."), s(Reject));
        assert_eq!(
            verdict("Förvaltningen är positiv till motionens intentioner men avstyrker den."),
            s(Reject)
        );
        assert!(
            read_sentence("Motionärerna föreslår att nämnden ska tillstyrka motionen.").other_voice
        );
        // Two clauses: the negation of the first does not reach the second's own verb.
        let r = read_sentence(
            "Förvaltningen delar inte den bedömningen, och föreslår att nämnden avstyrker motionen.",
        );
        assert_eq!(r.verdict().map(|(v, _)| v), s(Reject));
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
        assert_eq!(verdict("Beslutet justeras omedelbart."), None);
        // A pattern does not reach across a comma.
        assert_eq!(
            verdict("Nämnden tillstyrker motionen, delvis eftersom den är billig."),
            s(Approve)
        );
        // "i delar" is a part like "i de delar som …".
        assert_eq!(
            verdict(
                "Idrottsnämnden tillstyrker motionen i delar och godkänner förvaltningens tjänsteutlåtande."
            ),
            s(ApproveInPart)
        );
        assert_eq!(verdict("Motionen bifalls i delar."), s(ApproveInPart));
    }

    /// The kinds of sentence of issue 10's unseen statements: each read right, and confident
    /// only where a Swedish reader is.
    #[test]
    fn kinds_of_sentence() {
        use Stance::*;
        let cases: &[(&str, Option<Stance>, bool)] = &[
            // Double negation: approval.
            (
                "Kontoret ser inga hinder för att tillstyrka motionen.",
                Some(Approve),
                true,
            ),
            (
                "Förvaltningen kan inte annat än tillstyrka motionen.",
                Some(Approve),
                true,
            ),
            (
                "Förvaltningen ser ingen anledning att inte tillstyrka motionen.",
                Some(Approve),
                true,
            ),
            (
                "Förvaltningen har inga invändningar mot att tillstyrka motionen.",
                Some(Approve),
                true,
            ),
            // Negation far from the verb.
            (
                "Förvaltningen anser inte att det finns tillräckliga skäl för nämnden att tillstyrka motionen.",
                Some(Reject),
                true,
            ),
            (
                "Förvaltningen delar inte motionärernas uppfattning att nämnden bör tillstyrka motionen.",
                Some(Reject),
                true,
            ),
            (
                "Kontoret finner ej att det föreligger skäl att bifalla motionen.",
                Some(Reject),
                true,
            ),
            (
                "Äldrenämnden kan icke ställa sig bakom motionen.",
                Some(Reject),
                true,
            ),
            // An unknown negation: the best reading, not confident.
            (
                "Förvaltningen bedömer inte att det är rimligt att tillstyrka motionen.",
                Some(Reject),
                false,
            ),
            // Concession with no stance after it.
            (
                "Förvaltningen är i grunden positiv till motionen men bedömer att förslaget inte bör genomföras av kostnadsskäl.",
                Some(Reject),
                true,
            ),
            (
                "Förvaltningen är positiv till motionen men bedömer att parkerna redan har tillräckligt många bänkar.",
                Some(Reject),
                false,
            ),
            (
                "Förvaltningen välkomnar motionens engagemang för tryggare gångtunnlar men bedömer att befintliga arbetssätt är tillräckliga.",
                None,
                false,
            ),
            (
                "Förvaltningen ställer sig bakom motionens idé men anser att frågan inte kan prioriteras inom nuvarande budgetram.",
                None,
                false,
            ),
            (
                "Kontoret ser visserligen ett värde i bättre belysning, men kan inte tillstyrka motionen.",
                Some(Reject),
                true,
            ),
            (
                "Även om förvaltningen delar motionärernas oro så avstyrks motionen av kostnadsskäl.",
                Some(Reject),
                true,
            ),
            (
                "Förvaltningen tillstyrker motionen, men vill betona vikten av uppföljning.",
                Some(Approve),
                true,
            ),
            // Parts and false parts.
            (
                "Miljö- och hälsoskyddsnämnden avstyrker motionens att-satser 1 och 2 men tillstyrker att-sats 3.",
                Some(ApproveInPart),
                true,
            ),
            (
                "Exploateringsnämnden tillstyrker motionens första att-sats men avstyrker den andra.",
                Some(ApproveInPart),
                true,
            ),
            (
                "Äldrenämnden tillstyrker motionen i de delar som rör tillgänglighet för äldre.",
                Some(ApproveInPart),
                true,
            ),
            (
                "Kulturnämnden tillstyrker motionen men avstyrker förslaget om avgiftsfria entréer.",
                Some(ApproveInPart),
                true,
            ),
            (
                "Stadsdelsnämnden tillstyrker motionen med undantag för förslaget om nya odlingslotter.",
                Some(ApproveInPart),
                true,
            ),
            (
                "Kontoret tillstyrker den del av motionen som rör belysning men avstyrker motionen i övrigt.",
                Some(ApproveInPart),
                true,
            ),
            (
                "Idrottsnämnden tillstyrker motionens båda att-satser och hänvisar i övrigt till förvaltningens tjänsteutlåtande.",
                Some(Approve),
                true,
            ),
            (
                "Förvaltningen tillstyrker motionen, som delvis ligger i linje med pågående arbete.",
                Some(Approve),
                true,
            ),
            ("Nämnden avstyrker motionen i övrigt.", Some(Reject), false),
            // Answered.
            (
                "Utbildningsnämnden tillstyrker att motionen anses besvarad.",
                Some(Answered),
                true,
            ),
            (
                "Kulturnämnden anser motionen besvarad med hänvisning till förvaltningens tjänsteutlåtande.",
                Some(Answered),
                true,
            ),
            (
                "Utbildningsnämnden föreslår att motionen ska anses vara besvarad.",
                Some(Answered),
                true,
            ),
            (
                "Stadsdelsnämnden anser att motionen får anses besvarad.",
                Some(Answered),
                true,
            ),
            // Conditions.
            (
                "Kulturnämnden tillstyrker motionen under förutsättning att verksamheten finansieras inom befintlig budgetram.",
                Some(Approve),
                false,
            ),
            (
                "Om finansiering finns, tillstyrker nämnden motionen.",
                Some(Approve),
                false,
            ),
            (
                "Nämnden tillstyrker motionen om fler parkbänkar.",
                Some(Approve),
                true,
            ),
            // Other voices.
            (
                "De vill att stadsdelsnämnden tillstyrker motionen och avsätter medel i budgeten.",
                None,
                false,
            ),
            (
                "Vidare föreslås att kommunfullmäktige bifaller motionen i sin helhet.",
                None,
                false,
            ),
            (
                "Författarna menar att nämnden bör ställa sig bakom motionen och prioritera turistområdena.",
                None,
                false,
            ),
            (
                "Vice ordföranden Ida Jansson (M) yrkade bifall till motionen.",
                None,
                false,
            ),
            (
                "Ida Jansson m.fl. (M) reserverade sig till förmån för att tillstyrka motionen.",
                None,
                false,
            ),
            (
                "Kommunstyrelsen har tidigare tillstyrkt motionen om simskola för nyanlända, och det arbetet pågår.",
                None,
                false,
            ),
            (
                "Motionärerna vill ha fler bänkar, men förvaltningen avstyrker motionen.",
                Some(Reject),
                true,
            ),
            // No answer.
            (
                "Idrottsnämnden beslutar att inte yttra sig över remissen.",
                None,
                true,
            ),
            ("Servicenämnden lämnar remissen utan yttrande.", None, true),
        ];
        for &(sentence, want, confident) in cases {
            let r = read_sentence(sentence);
            let got = r.verdict().and_then(|(v, _)| match v {
                Verdict::Stance(s) => Some(s),
                _ => None,
            });
            assert_eq!(got, want, "{sentence}: {r:?}");
            if want.is_some() {
                assert_eq!(r.clean(), confident, "{sentence}: {r:?}");
            }
        }
        assert_eq!(
            verdict("Idrottsnämnden beslutar att inte yttra sig över remissen."),
            Some(Verdict::NoAnswer)
        );
    }

    #[test]
    fn another_body_is_another_voice() {
        let office = Voice::of(["Stadsledningskontoret"]);
        let r = read_sentence_as(
            "Kulturförvaltningen har i sitt remissvar tillstyrkt motionen.",
            &office,
        );
        assert!(r.other_voice && r.verdict().is_none());
        let traffic = Voice::of(["Trafiknämnden"]);
        // The administration of the body speaks for it, by name or stem.
        let r = read_sentence_as("Trafikkontoret avstyrker motionen.", &traffic);
        assert!(r.clean(), "{r:?}");
        let r = read_sentence_as("Kulturnämnden tillstyrker motionen.", &traffic);
        assert!(r.other_voice, "{r:?}");
        // The body proposing to another: its own voice.
        let r = read_sentence_as(
            "Förvaltningen föreslår att kommunfullmäktige bifaller motionen.",
            &traffic,
        );
        assert!(r.clean() && r.proposes, "{r:?}");
        let district = Voice::of(["Skärholmens stadsdelsnämnd"]);
        assert!(
            read_sentence_as("Skärholmens stadsdelsnämnd avstyrker motionen.", &district).clean()
        );
        assert!(
            read_sentence_as("Farsta stadsdelsnämnd avstyrker motionen.", &district).other_voice
        );
    }

    #[test]
    fn a_preamble_speaks_for_the_body_it_names() {
        let traffic = Voice::of(["Trafiknämnden"]);
        assert!(traffic.speaks_for("Trafiknämnden"));
        assert!(traffic.speaks_for("Trafikkontorets"));
        assert!(traffic.speaks_for("Nämnden"));
        assert!(!traffic.speaks_for("Kulturnämnden"));
        assert!(!traffic.speaks_for("Region Stockholms"));
        let district = Voice::of(["Hässelby-Vällingby stadsdelsnämnd"]);
        assert!(district.speaks_for("Hässelby-Vällingby stadsdelsnämnd"));
        assert!(district.speaks_for("Hässelby-Vällingbys stadsdelsnämnd"));
        assert!(!district.speaks_for("Farsta stadsdelsnämnd"));
        let company = Voice::of(["Stockholm Vatten och Avfall AB"]);
        assert!(company.speaks_for("Stockholm Vatten och Avfall AB:s"));
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
        let v = Voice::of(["Socialnämnden"]);
        let r = read_decision(
            &[para(
                "Socialnämnden godkänner tjänsteutlåtandet som svar på remissen.",
            )],
            &v,
        )
        .unwrap();
        assert_eq!(r.verdict, Verdict::AdoptsOpinion);
        assert_eq!(r.rule, "decision.adopts_opinion");
        assert_eq!(r.source.first, 10);
        let k = Voice::of(["Kulturnämnden"]);
        let r = read_decision(
            &[para(
                "Kulturnämnden godkänner förvaltningens tjänsteutlåtande och tillstyrker motionen.",
            )],
            &k,
        )
        .unwrap();
        assert_eq!(r.verdict, Verdict::Stance(Stance::Approve));
        let r = read_decision(
            &[para(
                "Trafiknämnden överlämnar förvaltningens svar till kommunstyrelsen.",
            )],
            &Voice::of(["Trafiknämnden"]),
        )
        .unwrap();
        assert_eq!(r.verdict, Verdict::AdoptsOpinion);
        assert_eq!(
            read_decision(&[para("Nämnden har avstått från att yttra sig.")], &v),
            None,
            "a decision that avstått is read by the referral list's rules"
        );
        let r = read_decision(
            &[para("Nämnden avstår från att yttra sig över remissen.")],
            &v,
        )
        .unwrap();
        assert_eq!(r.verdict, Verdict::NoAnswer);
        assert_eq!(
            read_decision(&[para("Beslutet justeras omedelbart.")], &v),
            None
        );
        // A member's yrkande is not the decision.
        let r = read_decision(
            &[para(
                "Vice ordföranden Ida Jansson (M) yrkade bifall till motionen. Ordföranden fann att nämnden beslutat enligt hans yrkande. Socialnämnden godkänner tjänsteutlåtandet som svar på remissen.",
            )],
            &v,
        )
        .unwrap();
        assert_eq!(r.verdict, Verdict::AdoptsOpinion);
        // Sentences that disagree: unknown.
        let r = read_decision(
            &[para(
                "Nämnden tillstyrker motionen. Nämnden avslår motionen.",
            )],
            &v,
        )
        .unwrap();
        assert_eq!(r.verdict, Verdict::Stance(Stance::Unknown));
        // An approval in part and its other half.
        let r = read_proposal(&[para(
            "1. Motionen bifalls såvitt avser att-sats 1. 2. Motionen avslås i övrigt.",
        )])
        .unwrap();
        assert_eq!(r.verdict, Verdict::Stance(Stance::ApproveInPart));
        assert_eq!(r.review, Review::Inferred);
    }

    #[test]
    fn opinions() {
        let v = Voice::of(["Socialnämnden", "Socialförvaltningen"]);
        let quotes = para(
            "Motionärerna föreslår att nämnden ska tillstyrka motionen. Förvaltningen delar inte den bedömningen och föreslår att nämnden avstyrker motionen.",
        );
        let r = read_opinion(&[quotes], &v).unwrap();
        assert_eq!(r.verdict, Verdict::Stance(Stance::Reject));
        assert_eq!(r.rule, "opinion.proposes.reject");
        let r = read_opinion(
            &[para("Förvaltningen bedömer att befintliga bänkar räcker.")],
            &v,
        )
        .unwrap();
        assert_eq!(r.verdict, Verdict::Stance(Stance::Reject));
        assert_eq!(r.review, Review::Uncertain);
        assert_eq!(r.rule, "opinion.no_conclusion");
        assert_eq!(
            r.source.sentence,
            "Förvaltningen bedömer att befintliga bänkar räcker."
        );
        let r = read_opinion(
            &[para(
                "Förvaltningen ställer sig positiv till motionen. Förvaltningen avstyrker därför motionen.",
            )],
            &v,
        )
        .unwrap();
        assert_eq!(r.verdict, Verdict::Stance(Stance::Reject));
        assert_eq!(r.review, Review::Uncertain, "two readings disagree");
        assert_eq!(r.rule, "opinion.concludes.reject");
        // The motion summarised, then the office's own view: never the motion's approval.
        let r = read_opinion(
            &[para(
                "Motionärerna föreslår att fler offentliga toaletter öppnas i innerstaden. Författarna menar att nämnden bör ställa sig bakom motionen och prioritera turistområdena. Vidare föreslås att kommunfullmäktige bifaller motionen i sin helhet. Kontoret bedömer att nuvarande antal toaletter motsvarar behovet.",
            )],
            &Voice::of(["Trafiknämnden", "Trafikkontoret"]),
        )
        .unwrap();
        assert_eq!(r.verdict, Verdict::Stance(Stance::Reject));
        assert_eq!(r.review, Review::Uncertain);
        // Two plain sentences that disagree: unknown.
        let r = read_opinion(
            &[para(
                "Förvaltningen tillstyrker motionen. Förvaltningen avstyrker motionen.",
            )],
            &v,
        )
        .unwrap();
        assert_eq!(r.verdict, Verdict::Stance(Stance::Unknown));
    }
}
