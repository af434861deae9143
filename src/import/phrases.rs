//! Every phrase of the city's statements that the importer recognises, as data.
//!
//! The parser (`super::parse`) knows the order of a statement's parts; which words mark each
//! part, and what a decision or an opinion means for the motion, is here. A variant that a real
//! statement uses is one more row in a table, never a new string check in the parser. Matching
//! is on lower-cased text with white space collapsed (see [`normalise`]).

use crate::model::{BodyKind, CaseKind, Stance};

/// The parts of a statement, in document order. The parser only moves forward through them,
/// so a heading such as "Bakgrund" inside an administration's opinion stays text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Phase {
    /// Header, title, proposal, summary, preparation, the commissioner's views.
    Front,
    /// Attachments, the preparatory meeting's and the board's decisions and reservations.
    Decisions,
    /// "Ärendet": the motion's background.
    Background,
    /// "Remissammanställning" and its table of contents.
    Referral,
    /// One section per referral body.
    Bodies,
    /// "Reservationer m.m.": every body's reservations and statements.
    Reservations,
}

/// What a heading line opens.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Opens {
    /// The proposal to the council ("Förslag till beslut").
    Proposal,
    /// A case section, by its id in the case file.
    Section(&'static str),
    /// The list of attachments ("Bilaga").
    Attachments,
    /// The table of contents of the referral summary.
    Contents,
    /// The part with every body's reservations and statements.
    Reservations,
}

pub struct Heading {
    /// The whole line, normalised.
    pub text: &'static str,
    pub opens: Opens,
    /// The phase the heading starts; it is only recognised at or before that phase.
    pub phase: Phase,
}

/// Headings that stand alone on a line.
pub const HEADINGS: &[Heading] = &[
    Heading {
        text: "förslag till beslut",
        opens: Opens::Proposal,
        phase: Phase::Front,
    },
    Heading {
        text: "sammanfattning av ärendet",
        opens: Opens::Section("summary"),
        phase: Phase::Front,
    },
    Heading {
        text: "sammanfattning",
        opens: Opens::Section("summary"),
        phase: Phase::Front,
    },
    Heading {
        text: "beredning",
        opens: Opens::Section("preparation"),
        phase: Phase::Front,
    },
    Heading {
        text: "föredragande borgarrådets synpunkter",
        opens: Opens::Section("commissioner_views"),
        phase: Phase::Front,
    },
    Heading {
        text: "bilaga",
        opens: Opens::Attachments,
        phase: Phase::Decisions,
    },
    Heading {
        text: "bilagor",
        opens: Opens::Attachments,
        phase: Phase::Decisions,
    },
    Heading {
        text: "ärendet",
        opens: Opens::Section("background"),
        phase: Phase::Background,
    },
    Heading {
        text: "bakgrund",
        opens: Opens::Section("background"),
        phase: Phase::Background,
    },
    Heading {
        text: "remissammanställning",
        opens: Opens::Section("referral"),
        phase: Phase::Referral,
    },
    Heading {
        text: "innehållsförteckning",
        opens: Opens::Contents,
        phase: Phase::Referral,
    },
    Heading {
        text: "reservationer m.m.",
        opens: Opens::Reservations,
        phase: Phase::Reservations,
    },
    Heading {
        text: "reservationer m.m",
        opens: Opens::Reservations,
        phase: Phase::Reservations,
    },
    Heading {
        text: "reservationer med mera",
        opens: Opens::Reservations,
        phase: Phase::Reservations,
    },
    Heading {
        text: "reservationer",
        opens: Opens::Reservations,
        phase: Phase::Reservations,
    },
];

/// The heading a normalised line is (a trailing colon aside): one of [`HEADINGS`], or a
/// heading of the part with the statements in any of its wordings ("Reservationer och
/// särskilda uttalanden", "Reservationer, särskilda yttranden och protokollsanteckningar",
/// "Särskilda uttalanden och reservationer m.m."): only the statements' plural names, "och",
/// "samt", "m.m.".
pub fn heading(normalised: &str) -> Option<&'static Heading> {
    const WORDS: &[&str] = &[
        "reservationer",
        "särskilda",
        "uttalanden",
        "yttranden",
        "protokollsanteckningar",
        "ersättaryttranden",
        "och",
        "samt",
        "m.m.",
        "m.m",
        "med",
        "mera",
    ];
    let key = normalised.trim_end_matches(':');
    if let Some(h) = HEADINGS.iter().find(|h| h.text == key) {
        return Some(h);
    }
    let words: Vec<&str> = key.split([' ', ',']).filter(|w| !w.is_empty()).collect();
    let statements = words.iter().any(|w| {
        matches!(
            *w,
            "reservationer" | "uttalanden" | "yttranden" | "protokollsanteckningar"
        )
    });
    (words.len() >= 2
        && statements
        && matches!(words[0], "reservationer" | "särskilda")
        && words.iter().all(|w| WORDS.contains(w)))
    .then(|| HEADINGS.iter().find(|h| h.opens == Opens::Reservations))
    .flatten()
}

/// The first line: "Utlåtande Rotel I (Dnr KS 2025/1121)". It starts with one of these and
/// holds [`DNR_MARKERS`].
pub const DOCUMENT_HEADERS: &[&str] = &["utlåtande"];

/// What precedes the registration number, in the header line.
pub const DNR_MARKERS: &[&str] = &["dnr:", "dnr", "diarienummer:", "diarienummer"];

/// Whether a normalised line is the document's header: it starts with one of
/// [`DOCUMENT_HEADERS`] and holds one of [`DNR_MARKERS`].
pub fn is_document_header(norm: &str) -> bool {
    DOCUMENT_HEADERS.iter().any(|h| norm.starts_with(h))
        && DNR_MARKERS.iter().any(|m| norm.contains(&format!("{m} ")))
}

/// The line naming the motion's authors: it starts with one of these words (the kind of case
/// it makes), perhaps a reference ("Motion (2016:9) av …"), then a connector.
pub const CASE_BYLINES: &[(&str, CaseKind)] = &[
    ("motion", CaseKind::Motion),
    ("skrivelse", CaseKind::Skrivelse),
];

/// Between a case byline's word (and reference) and its names.
pub const CASE_BYLINE_CONNECTORS: &[&str] = &[" av ", " från "];

/// What may follow the presenting commissioner's name ("Föredragande borgarrådet Karin
/// Wanngård anför följande."): the commissioner's views follow.
pub const PRESENTING_COMMISSIONER_TAILS: &[&str] = &[" anför följande", " anför"];

/// A title starting with one of these gives the case's kind when no byline does.
pub const TITLE_KINDS: &[(&str, CaseKind)] = &[
    ("motion ", CaseKind::Motion),
    ("skrivelse ", CaseKind::Skrivelse),
];

/// The sentence that introduces the proposal to the council; it is structure, not proposal.
pub const PROPOSAL_PREAMBLES: &[&str] = &[
    "kommunstyrelsen föreslår att kommunfullmäktige beslutar följande",
    "kommunstyrelsen föreslår att kommunfullmäktige fattar följande beslut",
    "kommunstyrelsen beslutar följande",
];

/// "Föredragande borgarrådet Karin Wanngård".
pub const PRESENTING_COMMISSIONER: &[&str] =
    &["föredragande borgarrådet ", "föredragande borgarråd "];

/// Bodies whose own decisions on the case stand in the statement, before the referral
/// summary: a line starting with the name and holding a [`DECISION_PHRASES`] phrase.
pub const DECIDING_BODIES: &[(&str, BodyKind)] = &[
    ("Borgarrådsberedningen", BodyKind::Preparatory),
    ("Kommunstyrelsen", BodyKind::Board),
];

/// The line after the board's decision: "Stockholm den 29 april 2026" (place, then this, then
/// a date).
pub const DATE_LINE_INFIX: &str = " den ";

/// At most this many short lines after the date line are its signature ("Karin Wanngård",
/// "Kommunstyrelsens ordförande").
pub const SIGNATURE_LINES: usize = 3;

/// Opens a body's decision: "Socialnämnden beslutade vid sitt sammanträde den 17 februari
/// 2026 följande." As (infix between name and date, suffix after the date).
pub const MEETING_PREAMBLES: &[(&str, &str)] = &[
    (" beslutade vid sitt sammanträde den ", " följande"),
    (" beslutade vid sammanträde den ", " följande"),
    (" har vid sitt sammanträde den ", " beslutat följande"),
    (" beslutade den ", " följande"),
    // The date without "den": "vid sitt sammanträde 2025-03-03 följande", "… 12/3 2025 …".
    (" beslutade vid sitt sammanträde ", " följande"),
    (" beslutade vid sammanträde ", " följande"),
];

/// Opens an administration's opinion: "Socialförvaltningens tjänsteutlåtande daterat den 30
/// december 2025 har i huvudsak följande lydelse." As (infix between name and date, suffix).
pub const OPINION_PREAMBLES: &[(&str, &str)] = &[
    (
        " tjänsteutlåtande daterat den ",
        " har i huvudsak följande lydelse",
    ),
    (" tjänsteutlåtande daterat den ", " har följande lydelse"),
    (
        " tjänsteutlåtande daterat ",
        " har i huvudsak följande lydelse",
    ),
    (" yttrande daterat den ", " har i huvudsak följande lydelse"),
    (" yttrande daterat den ", " har följande lydelse"),
    (
        " remissvar daterat den ",
        " har i huvudsak följande lydelse",
    ),
    (" remissvar daterat den ", " har följande lydelse"),
];

/// Opens a position: "Reservation av …", and the stance of it.
pub const POSITION_OPENERS: &[(&str, Stance)] = &[
    ("reservation anfördes av ", Stance::Reservation),
    ("reservation anförs av ", Stance::Reservation),
    ("reservation anförd av ", Stance::Reservation),
    ("reservation gjordes av ", Stance::Reservation),
    ("reservation av ", Stance::Reservation),
    ("reservationer av ", Stance::Reservation),
    ("gemensam reservation av ", Stance::Reservation),
    ("gemensamt särskilt uttalande av ", Stance::SpecialStatement),
    ("gemensamt särskilt yttrande av ", Stance::SpecialStatement),
    ("särskilt uttalande gjordes av ", Stance::SpecialStatement),
    ("särskilt uttalande anfördes av ", Stance::SpecialStatement),
    ("särskilt uttalande anförs av ", Stance::SpecialStatement),
    ("särskilt uttalande av ", Stance::SpecialStatement),
    ("särskilda uttalanden av ", Stance::SpecialStatement),
    ("särskilt yttrande gjordes av ", Stance::SpecialStatement),
    ("särskilt yttrande anfördes av ", Stance::SpecialStatement),
    ("särskilt yttrande anförs av ", Stance::SpecialStatement),
    ("särskilt yttrande av ", Stance::SpecialStatement),
    ("särskilda yttranden av ", Stance::SpecialStatement),
    ("ersättaryttrande gjordes av ", Stance::SubstituteStatement),
    ("ersättaryttrande anfördes av ", Stance::SubstituteStatement),
    ("ersättaryttrande anförs av ", Stance::SubstituteStatement),
    ("ersättaryttrande av ", Stance::SubstituteStatement),
    ("ersättaryttranden av ", Stance::SubstituteStatement),
    ("protokollsanteckning gjordes av ", Stance::ProtocolNote),
    ("protokollsanteckning anfördes av ", Stance::ProtocolNote),
    ("protokollsanteckning anförs av ", Stance::ProtocolNote),
    ("protokollsanteckning av ", Stance::ProtocolNote),
    ("protokollsanteckningar av ", Stance::ProtocolNote),
    ("reservation från ", Stance::Reservation),
    ("särskilt uttalande från ", Stance::SpecialStatement),
    ("särskilt yttrande från ", Stance::SpecialStatement),
    ("ersättaryttrande från ", Stance::SubstituteStatement),
    ("protokollsanteckning från ", Stance::ProtocolNote),
];

/// What a member's title before a sentence opener may be ("Ledamoten Lars Ek (SD)
/// reserverade sig …"); one holding "ersättar" makes a concurrence a substitute's statement.
pub const SENTENCE_ROLES: &[&str] = &[
    "ledamoten ",
    "ledamöterna ",
    "tjänstgörande ersättaren ",
    "tjänstgörande ersättarna ",
    "ersättaren ",
    "ersättarna ",
    "förste vice ordföranden ",
    "andre vice ordföranden ",
    "andra vice ordföranden ",
    "vice ordföranden ",
    "ordföranden ",
    "borgarrådet ",
    "borgarråden ",
];

/// A sentence that opens a statement: the verb after the signatories, and the stance.
pub const SENTENCE_OPENERS: &[(&str, Stance)] = &[
    ("reserverade sig", Stance::Reservation),
    ("reserverar sig", Stance::Reservation),
    ("anmälde reservation", Stance::Reservation),
    ("lämnade särskilt uttalande", Stance::SpecialStatement),
    ("lämnade ett särskilt uttalande", Stance::SpecialStatement),
    ("anmälde särskilt uttalande", Stance::SpecialStatement),
    ("lämnade särskilt yttrande", Stance::SpecialStatement),
    ("lämnade ett särskilt yttrande", Stance::SpecialStatement),
    ("anmälde särskilt yttrande", Stance::SpecialStatement),
    ("lämnade ersättaryttrande", Stance::SubstituteStatement),
    ("lämnade ett ersättaryttrande", Stance::SubstituteStatement),
    ("anmälde ersättaryttrande", Stance::SubstituteStatement),
    ("anmälde protokollsanteckning", Stance::ProtocolNote),
    ("lämnade protokollsanteckning", Stance::ProtocolNote),
    ("lämnade en protokollsanteckning", Stance::ProtocolNote),
    ("lät anteckna till protokollet", Stance::ProtocolNote),
];

/// A sentence that joins another statement ("Ersättaren X (KD) instämde i Moderaternas
/// reservation."): the stance is the one it names, or a substitute's statement.
pub const SENTENCE_CONCURS: &[&str] = &["instämde i ", "instämmer i "];

/// What an unknown statement opener may look like: at most this many words before " av "
/// ("Yttrande av …", "Gemensamt uttalande av …"), then a signature line with a party.
pub const UNKNOWN_OPENER_WORDS: usize = 4;

/// Between an unknown opener's words and its signatories.
pub const OPENER_CONNECTORS: &[&str] = &[
    " av ",
    " från ",
    " anförd av ",
    " anfördes av ",
    " anförs av ",
    " gjordes av ",
];

/// What follows the signatories of a position header.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tail {
    /// The text is in "Reservationer m.m." further on.
    Reference,
    /// The text follows ("enligt följande.").
    TextFollows,
    /// The same text as another position ("som är likalydande med …").
    IdenticalTo,
    /// Concurred with another position ("som instämde i reservation anförd av …").
    ConcursWith,
}

/// The phrases that end the signatories of a position header. The earliest one in the
/// header wins.
pub const POSITION_TAILS: &[(&str, Tail)] = &[
    (", se reservationer m.m", Tail::Reference),
    (" se reservationer m.m", Tail::Reference),
    (", se reservationer", Tail::Reference),
    (" enligt följande", Tail::TextFollows),
    (" som är likalydande med ", Tail::IdenticalTo),
    (" likalydande med ", Tail::IdenticalTo),
    (" som instämde i ", Tail::ConcursWith),
    (" som instämmer i ", Tail::ConcursWith),
    (" instämde i ", Tail::ConcursWith),
];

/// Words naming a stance inside a link ("Moderaternas reservation", "särskilt uttalande av").
pub const LINK_STANCES: &[(&str, Stance)] = &[
    ("reservation", Stance::Reservation),
    ("särskilt uttalande", Stance::SpecialStatement),
    ("särskilda uttalande", Stance::SpecialStatement),
    ("särskilt yttrande", Stance::SpecialStatement),
    ("särskilda yttrande", Stance::SpecialStatement),
    ("ersättaryttrande", Stance::SubstituteStatement),
    ("protokollsanteckning", Stance::ProtocolNote),
];

/// Before the signatories named in a link: "reservation anförd av Jonas Nilsson m.fl. (M)".
pub const LINK_AUTHORS: &[&str] = &[" anförd av ", " anfördes av ", " av "];

/// Before the body named in a link: "… reservation i borgarrådsberedningen".
pub const LINK_BODY: &str = " i ";

/// An att-sats of a reservation ("1. att tillstyrka motionen,", "Att  bifalla motionen.") or
/// the sentence introducing them ("Vi föreslår att kommunstyrelsen föreslår …").
pub const PROPOSAL_STARTS: &[&str] = &[
    "att ",
    "vi föreslår att ",
    "jag föreslår att ",
    "vi yrkar att ",
    "jag yrkar att ",
];

/// After a proposal ending in one of these come the reasons, not more proposals.
pub const PROPOSALS_LAST: &[&str] = &["anföra"];

/// A proposal ending in one of these is complete even without punctuation.
pub const PROPOSAL_ENDS: &[&str] = &["anföra", "följande"];

/// Titles before the names of a byline ("borgarråden Christofer Fjellner, …").
pub const BYLINE_TITLES: &[&str] = &[
    "borgarråden ",
    "borgarrådet ",
    "ledamöterna ",
    "ledamoten ",
    "ersättarna ",
    "ersättaren ",
    "ordföranden ",
    "vice ordföranden ",
];

/// Words inside a party parenthesis that are not party codes: "(båda M)", "(alla M)".
pub const PARTY_QUANTIFIERS: &[&str] = &[
    "båda",
    "bägge",
    "alla",
    "samtliga",
    "och",
    "resp.",
    "respektive",
];

/// Referral lists: "Ärendet har remitterats till stadsledningskontoret, socialnämnden, … och
/// Polisregion Stockholm."
pub const REFERRAL_LISTS: &[&str] = &[
    "har remitterats till ",
    "har remitterats för yttrande till ",
    "har remitterats för synpunkter till ",
    "har skickats på remiss till ",
    "har skickats på remiss för yttrande till ",
    "har skickats ut på remiss till ",
    "har sänts på remiss till ",
    "har sänts på remiss för yttrande till ",
    "remitterades till ",
];

/// Words that join the last items of a list: "a, b och c", "a samt b".
pub const LIST_CONJUNCTIONS: &[&str] = &[" och ", " samt "];

/// Characters that open an item of a bulleted list ("• Socialnämnden").
pub const BULLETS: &[char] = &[
    '•', '▪', '◦', '●', '○', '■', '□', '‣', '⁃', '∙', '·', '–', '-', '*',
];

/// A name ending in one of these is a company's: "Stockholm Vatten och Avfall AB" is one name
/// though it holds "och".
/// Opens a list of district committees named by their districts ("stadsdelsnämnderna i
/// Rinkeby-Kista, Spånga-Tensta och Skärholmen"); normalised, with its space.
pub const DISTRICT_GROUPS: &[&str] = &[
    "stadsdelsnämnderna i ",
    "stadsdelsnämnderna för ",
    "stadsdelsnämnderna ",
];

pub const COMPANY_SUFFIXES: &[&str] = &[" ab", " hb", " kb", " ab (publ)"];

/// Bodies that did not answer: "Polisregion Stockholm har inte inkommit med svar."
pub const NO_ANSWER: &[&str] = &[
    " har inte inkommit med svar",
    " har inte inkommit med något svar",
    " har inte inkommit med yttrande",
    " har inte inkommit med något yttrande",
    " har inte inkommit med remissvar",
    " har inte inkommit",
    " har inte svarat",
    " har inte besvarat remissen",
    " har inte lämnat något svar",
    " har inte lämnat svar",
    " har inte lämnat något yttrande",
    " har inte lämnat yttrande",
    " har inte yttrat sig",
    " har inte avgett något yttrande",
    " har inte avgett yttrande",
    " har avstått från att yttra sig",
    " har avstått från att svara",
    " har avstått från att lämna yttrande",
    " har avstått från att lämna synpunkter",
    " har avstått",
    " avstår från att yttra sig",
    " har avböjt att yttra sig",
    " har avböjt att svara",
    " har meddelat att de avstår",
    " har meddelat att den avstår",
    " har valt att inte yttra sig",
    " har valt att inte svara",
    " har valt att avstå",
    " har inte velat yttra sig",
    " avstod från att yttra sig",
];

/// Bodies that answered with no comments: an answer, with no stance on the motion
/// (`unknown`, uncertain, the sentence as evidence).
pub const NO_COMMENTS: &[&str] = &[
    " har inga synpunkter",
    " har inte haft några synpunkter",
    " har inte några synpunkter",
    " lämnar inga synpunkter",
    " har inget att tillägga",
];

/// A body's kind from its name: (how to match, fragment, kind); the first match wins.
pub const BODY_KINDS: &[(Match, &str, BodyKind)] = &[
    (Match::Whole, "borgarrådsberedningen", BodyKind::Preparatory),
    (Match::Whole, "kommunstyrelsen", BodyKind::Board),
    (
        Match::Contains,
        "stadsdelsnämnd",
        BodyKind::DistrictCommittee,
    ),
    (Match::Ends, "nämnden", BodyKind::Committee),
    (Match::Ends, "nämnd", BodyKind::Committee),
    (Match::Ends, "kontoret", BodyKind::Administration),
    (Match::Ends, "kontor", BodyKind::Administration),
    (Match::Ends, "förvaltningen", BodyKind::Administration),
    (Match::Ends, "förvaltning", BodyKind::Administration),
];

/// What is left out of a district committee's id: "Skärholmens stadsdelsnämnd" → `skarholmen`.
pub const DISTRICT_SUFFIX: &str = " stadsdelsnämnd";

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Match {
    Whole,
    Contains,
    Ends,
}

/// A party: code, name (its genitive adds "s": "Moderaternas reservation"), colour.
pub struct PartyInfo {
    pub code: &'static str,
    pub name: &'static str,
    pub colour: &'static str,
}

/// The code of the party a word names, in the nominative or the genitive ("Moderaterna",
/// "Vänsterpartiets"); `None` for any other word.
pub fn party_of_name(word: &str) -> Option<&'static str> {
    let w = normalise(word.trim_matches(|c: char| !c.is_alphanumeric()));
    PARTIES
        .iter()
        .find(|p| {
            let n = normalise(p.name);
            w == n || w == format!("{n}s")
        })
        .map(|p| p.code)
}

pub const PARTIES: &[PartyInfo] = &[
    PartyInfo {
        code: "M",
        name: "Moderaterna",
        colour: "#1B49DD",
    },
    PartyInfo {
        code: "S",
        name: "Socialdemokraterna",
        colour: "#E8112D",
    },
    PartyInfo {
        code: "V",
        name: "Vänsterpartiet",
        colour: "#DA291C",
    },
    PartyInfo {
        code: "MP",
        name: "Miljöpartiet",
        colour: "#83CF39",
    },
    PartyInfo {
        code: "KD",
        name: "Kristdemokraterna",
        colour: "#000077",
    },
    PartyInfo {
        code: "C",
        name: "Centerpartiet",
        colour: "#009933",
    },
    PartyInfo {
        code: "L",
        name: "Liberalerna",
        colour: "#006AB3",
    },
    PartyInfo {
        code: "SD",
        name: "Sverigedemokraterna",
        colour: "#DDDD00",
    },
    PartyInfo {
        code: "FI",
        name: "Feministiskt initiativ",
        colour: "#CD1B68",
    },
    // Liberalerna's name until 2015; Stockholm's older statements write (FP) or (fp).
    PartyInfo {
        code: "FP",
        name: "Folkpartiet liberalerna",
        colour: "#006AB3",
    },
];

/// Names of a governing majority in running text, and its parties.
pub const MAJORITIES: &[(&str, &[&str])] = &[("den rödgröna majoriteten", &["S", "V", "MP"])];

/// Month names in dates ("17 februari 2026").
pub const MONTHS: &[&str] = &[
    "januari",
    "februari",
    "mars",
    "april",
    "maj",
    "juni",
    "juli",
    "augusti",
    "september",
    "oktober",
    "november",
    "december",
];

/// Lines that are page numbers wherever they stand: "Sida 3 (14)", "3 (14)", "Sida 3 av 14".
/// `#` stands for a number.
pub const PAGE_NUMBERS: &[&str] = &[
    "sida # (#)",
    "sida #(#)",
    "sida # av #",
    "sid # (#)",
    "sid #(#)",
    "sid # av #",
    "sid. # (#)",
    "sid. #(#)",
    "sid. # av #",
    "# (#)",
    "#(#)",
    "# av #",
    "- # -",
];

/// A line that is only a number is a page number when it stands next to a page break.
pub const BARE_PAGE_NUMBER: &str = "#";

/// A line that starts a page with the same text (numbers aside) on at least this many pages
/// is a running header (likewise a footer at the end of pages).
pub const RUNNING_HEADER_PAGES: usize = 3;

/// A running header has at most this many lines ("Stockholms stad" / "Utlåtande 2026:12 RI").
pub const MAX_RUNNING_HEADER_LINES: usize = 4;

/// A running header's lines are at most this long, in characters.
pub const MAX_RUNNING_HEADER_CHARS: usize = 60;

/// A hyphen at the end of a line before one of these words is a real one: "kort- och lång sikt".
pub const KEEP_HYPHEN_BEFORE: &[&str] =
    &["och", "eller", "samt", "respektive", "resp.", "som", "till"];

/// Contents lines: "Socialnämnden ........ 7": a name, at least this many dots (or one "…"),
/// a page.
pub const CONTENTS_DOTS: usize = 2;

/// Typographic ligatures as PDFs give them, and the letters they stand for: replaced before
/// parsing, so that "ﬁnns" is the word "finns".
pub const LIGATURES: &[(char, &str)] = &[
    ('\u{fb00}', "ff"),
    ('\u{fb01}', "fi"),
    ('\u{fb02}', "fl"),
    ('\u{fb03}', "ffi"),
    ('\u{fb04}', "ffl"),
    ('\u{fb05}', "st"),
    ('\u{fb06}', "st"),
    ('\u{a732}', "AA"),
    ('\u{a733}', "aa"),
    ('\u{0132}', "IJ"),
    ('\u{0133}', "ij"),
];

/// Lower-case and collapse white space: the form every phrase above is written in.
pub fn normalise(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for w in s.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        if w.is_ascii() {
            out.extend(w.bytes().map(|b| char::from(b.to_ascii_lowercase())));
        } else {
            for c in w.chars() {
                out.extend(c.to_lowercase());
            }
        }
    }
    out
}

/// Whether the fragments occur in `text` in this order (without overlapping).
pub fn holds_in_order(text: &str, fragments: &[&str]) -> bool {
    let mut rest = text;
    for f in fragments {
        match rest.find(f) {
            Some(at) => rest = &rest[at + f.len()..],
            None => return false,
        }
    }
    true
}

/// A text lower-cased, with the way back to the original's byte offsets, so that a phrase
/// found in lower case can be cut from the text as written.
pub struct Folded<'a> {
    pub original: &'a str,
    pub lower: String,
    /// For each byte of `lower` (and one past its end), the offset in `original` of the
    /// character it came from.
    map: Vec<usize>,
}

impl<'a> Folded<'a> {
    pub fn new(original: &'a str) -> Folded<'a> {
        let mut lower = String::with_capacity(original.len());
        let mut map = Vec::with_capacity(original.len() + 1);
        for (at, c) in original.char_indices() {
            for l in c.to_lowercase() {
                let before = lower.len();
                lower.push(l);
                map.extend(std::iter::repeat_n(at, lower.len() - before));
            }
        }
        map.push(original.len());
        Folded {
            original,
            lower,
            map,
        }
    }

    /// The original byte range of the first occurrence of `needle` (lower case) at or after
    /// `from` (an offset in `lower`).
    pub fn find_from(&self, needle: &str, from: usize) -> Option<(usize, usize)> {
        let from = from.min(self.lower.len());
        if !self.lower.is_char_boundary(from) {
            return None;
        }
        let at = from + self.lower[from..].find(needle)?;
        Some((self.map[at], self.map[at + needle.len()]))
    }

    pub fn find(&self, needle: &str) -> Option<(usize, usize)> {
        self.find_from(needle, 0)
    }

    /// The offset in `lower` of an original offset.
    pub fn lower_offset(&self, original: usize) -> usize {
        self.map.partition_point(|&m| m < original)
    }
}

/// A party by its code.
pub fn party(code: &str) -> Option<&'static PartyInfo> {
    PARTIES.iter().find(|p| p.code == code)
}

/// Whether a token is a party code: one to three upper-case letters.
pub fn is_party_code(s: &str) -> bool {
    let n = s.chars().count();
    (1..=3).contains(&n) && s.chars().all(|c| c.is_uppercase())
}

/// A party code as written, in any case: "M", "Fi", "fp", "(SPI)"; known codes in any case,
/// unknown ones in upper case only (a lower-case word in parentheses is no party). Returned
/// in upper case.
pub fn party_code(token: &str) -> Option<String> {
    if is_party_code(token) {
        return Some(token.to_string());
    }
    let upper = token.to_uppercase();
    let n = token.chars().count();
    ((1..=3).contains(&n) && token.chars().all(char::is_alphabetic) && party(&upper).is_some())
        .then_some(upper)
}

/// The kind of a body, from its name.
pub fn body_kind(name: &str) -> BodyKind {
    let n = normalise(name);
    BODY_KINDS
        .iter()
        .find(|(how, frag, _)| match how {
            Match::Whole => n == *frag,
            Match::Contains => n.contains(frag),
            Match::Ends => n.ends_with(frag),
        })
        .map_or(BodyKind::External, |(_, _, k)| *k)
}

/// Whether a normalised line has the shape of a page number pattern (`#` = digits).
pub fn is_page_number(normalised: &str) -> bool {
    PAGE_NUMBERS.iter().any(|p| shape_matches(normalised, p))
}

/// `#` in the pattern matches one or more ASCII digits; everything else itself.
pub fn shape_matches(s: &str, pattern: &str) -> bool {
    let mut s = s;
    let mut parts = pattern.split('#').peekable();
    let mut first = true;
    while let Some(lit) = parts.next() {
        if !first {
            let digits = s.bytes().take_while(u8::is_ascii_digit).count();
            if digits == 0 {
                return false;
            }
            s = &s[digits..];
        }
        first = false;
        match s.strip_prefix(lit) {
            Some(rest) => s = rest,
            None => return false,
        }
        if parts.peek().is_none() {
            return s.is_empty();
        }
    }
    s.is_empty()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn headings_of_the_statements_part_in_any_wording() {
        for h in [
            "reservationer m.m.",
            "reservationer och särskilda uttalanden",
            "reservationer, särskilda yttranden och protokollsanteckningar:",
            "särskilda uttalanden och reservationer m.m.",
        ] {
            assert_eq!(
                heading(h).map(|h| h.opens),
                Some(Opens::Reservations),
                "{h}"
            );
        }
        for not in [
            "reservationer mot beslutet",
            "särskilda skäl",
            "reservation",
        ] {
            assert!(heading(not).is_none(), "{not}");
        }
    }

    #[test]
    fn normalising() {
        assert_eq!(normalise("  Reservation  AV\tÅsa "), "reservation av åsa");
    }

    #[test]
    fn in_order() {
        assert!(holds_in_order("a b c", &["a", "c"]));
        assert!(!holds_in_order("a b c", &["c", "a"]));
    }

    #[test]
    fn body_kinds() {
        assert_eq!(body_kind("Socialnämnden"), BodyKind::Committee);
        assert_eq!(
            body_kind("Skärholmens stadsdelsnämnd"),
            BodyKind::DistrictCommittee
        );
        assert_eq!(body_kind("Stadsledningskontoret"), BodyKind::Administration);
        assert_eq!(body_kind("Polisregion Stockholm"), BodyKind::External);
        assert_eq!(body_kind("Kommunstyrelsen"), BodyKind::Board);
        assert_eq!(
            body_kind("Miljö- och hälsoskyddsnämnden"),
            BodyKind::Committee
        );
    }

    #[test]
    fn page_numbers() {
        assert!(is_page_number("sida 3 (14)"));
        assert!(is_page_number("3 (14)"));
        assert!(is_page_number("- 12 -"));
        assert!(!is_page_number("3 (x)"));
        assert!(!is_page_number("artikel 3 (om barnets bästa)"));
        assert!(shape_matches("12", BARE_PAGE_NUMBER));
        assert!(!shape_matches("12a", BARE_PAGE_NUMBER));
        assert!(!shape_matches("", BARE_PAGE_NUMBER));
    }

    #[test]
    fn folded_finds_in_the_original() {
        let f = Folded::new("Reservation AV Åsa İlhan");
        let (a, b) = f.find("av åsa").unwrap();
        assert_eq!(&f.original[a..b], "AV Åsa");
        let (a, _) = f.find("ilhan").unwrap_or((0, 0));
        assert!(f.original.is_char_boundary(a));
        assert_eq!(f.find("zzz"), None);
        assert_eq!(f.lower_offset(f.original.len()), f.lower.len());
    }

    #[test]
    fn party_codes() {
        assert!(is_party_code("MP"));
        assert!(is_party_code("Ö"));
        assert!(!is_party_code("alla"));
        assert!(!is_party_code("ABCD"));
        assert!(!is_party_code(""));
    }
}
