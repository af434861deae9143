//! A deterministic generator of synthetic case files (case format v1), for benchmarks of
//! loading, search and similarity.
//!
//! The text is Swedish-like: sentences come from a word-bigram walk over the texts of the
//! bundled case, with long words often replaced by compounds built from stems and heads
//! ("trygghets" + "kiosk" + "erna"), which gives a vocabulary of tens of thousands of words.
//!
//! Shape of a case: 8–14 bodies (the city administration, committees, district committees,
//! sometimes an external body that may not have answered, the preparatory meeting and the
//! board), the eight parties with the majority S, V and MP, a decision position per body with
//! the administration's opinion, and reservations by one to three parties in many bodies.
//! A party's reservations within one case are near-duplicates of one template (0–5 word
//! edits, sometimes a paragraph added or removed), with now and then an unrelated text;
//! special statements and substitute statements occur too. Paragraphs are about 300–700
//! characters; 500 cases are about 50,000 paragraphs and 25 MB of TOML.
//!
//! The generator uses its own small PRNG (splitmix64) and no hash-map iteration or floating
//! point, so the output is the same on every platform.
//!
//! This crate is for development only (benchmarks and tests of `remiss`); it is not part of
//! the remiss library or binary.

use chrono::{Days, NaiveDate};
use std::collections::HashMap;
use std::fmt::Write as _;
use std::io;
use std::path::Path;
use std::sync::OnceLock;

/// Changes whenever the generator's output changes, so benchmarks regenerate their corpus.
/// 2: party lines reused across cases.
pub const GENERATOR_VERSION: u32 = 2;

/// The case whose texts seed the vocabulary.
const SOURCE: &str = include_str!("../../../cases/trygghetskiosker.toml");

/// What [`write_corpus`] wrote.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct CorpusStats {
    /// Case files written.
    pub files: usize,
    /// Bytes of TOML written.
    pub bytes: u64,
    /// Paragraphs in all texts (proposals, sections, decisions, positions), as the loader
    /// splits them.
    pub paragraphs: usize,
}

/// The file name of case `index` in a corpus.
pub fn case_file_name(index: usize) -> String {
    format!("case-{index:04}.toml")
}

/// TOML source of one valid case (format v1). The same `seed` and `index` always give the
/// same text.
pub fn generate_case(seed: u64, index: usize) -> String {
    generate(seed, index).0
}

/// [`generate_case`], and how many paragraphs its texts hold as the loader splits them.
pub fn generate_case_counted(seed: u64, index: usize) -> (String, usize) {
    generate(seed, index)
}

/// Write `cases` case files (`case-0000.toml`, …) into `dir`, creating it if needed.
pub fn write_corpus(dir: &Path, cases: usize, seed: u64) -> io::Result<CorpusStats> {
    std::fs::create_dir_all(dir)?;
    let mut stats = CorpusStats::default();
    for index in 0..cases {
        let (src, paragraphs) = generate(seed, index);
        std::fs::write(dir.join(case_file_name(index)), &src)?;
        stats.files += 1;
        stats.bytes += src.len() as u64;
        stats.paragraphs += paragraphs;
    }
    Ok(stats)
}

// ---------------------------------------------------------------------------------------------
// PRNG

/// splitmix64: tiny, fast, and the same everywhere.
#[derive(Debug, Clone)]
struct Rng(u64);

impl Rng {
    fn new(seed: u64, index: usize) -> Rng {
        let mut r = Rng(seed ^ 0x005E_ED0F_CA5E_F11E);
        let a = r.next_u64();
        Rng(a ^ (index as u64).wrapping_mul(0x9E37_79B9_7F4A_7C15))
    }

    fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// Uniform in `0..n` (`n > 0`).
    fn below(&mut self, n: usize) -> usize {
        ((u128::from(self.next_u64()) * n as u128) >> 64) as usize
    }

    /// Uniform in `lo..=hi`.
    fn range(&mut self, lo: usize, hi: usize) -> usize {
        lo + self.below(hi - lo + 1)
    }

    /// True with probability `percent` / 100.
    fn chance(&mut self, percent: usize) -> bool {
        self.below(100) < percent
    }

    fn pick<'a, T>(&mut self, xs: &'a [T]) -> &'a T {
        &xs[self.below(xs.len())]
    }

    fn shuffle<T>(&mut self, xs: &mut [T]) {
        for i in (1..xs.len()).rev() {
            let j = self.below(i + 1);
            xs.swap(i, j);
        }
    }
}

// ---------------------------------------------------------------------------------------------
// Vocabulary

/// First parts of compounds.
const STEMS: &[&str] = &[
    "trygghets",
    "brotts",
    "stads",
    "social",
    "skol",
    "trafik",
    "bostads",
    "miljö",
    "kultur",
    "idrotts",
    "äldre",
    "barn",
    "ungdoms",
    "fritids",
    "park",
    "gatu",
    "hälso",
    "arbets",
    "närings",
    "fastighets",
    "klimat",
    "energi",
    "vatten",
    "avfalls",
    "cykel",
    "kollektivtrafik",
    "budget",
    "förvaltnings",
    "samverkans",
    "utbildnings",
    "integrations",
    "jämställdhets",
    "tillgänglighets",
    "säkerhets",
    "ordnings",
    "lokal",
    "regional",
    "kommun",
    "stadsdels",
    "polis",
    "fält",
    "medborgar",
    "invånar",
    "förskole",
    "grundskole",
    "gymnasie",
    "biblioteks",
    "musik",
    "konst",
    "bad",
    "simhalls",
    "is",
    "natur",
    "grön",
    "strand",
    "hamn",
    "sjö",
    "tunnelbane",
    "buss",
    "spårvägs",
    "pendel",
    "parkerings",
    "laddnings",
    "el",
    "värme",
    "bygg",
    "plan",
    "mark",
    "tomt",
    "hyres",
    "student",
    "senior",
    "omsorgs",
    "vård",
    "hemtjänst",
    "boende",
    "missbruks",
    "beroende",
    "våld",
    "drog",
    "narkotika",
    "alkohol",
    "spel",
    "digital",
    "data",
    "informations",
    "kommunikations",
    "språk",
    "flykting",
    "demokrati",
    "val",
    "jobb",
    "praktik",
    "sommar",
    "vinter",
    "kvälls",
    "natt",
    "helg",
    "trafiksäkerhets",
    "olycks",
    "brand",
    "räddnings",
    "krisberedskaps",
    "skydds",
    "upphandlings",
    "inköps",
    "kvalitets",
    "uppföljnings",
    "kontroll",
    "tillsyns",
    "livsmedels",
    "buller",
    "luft",
    "dagvatten",
    "skogs",
    "träd",
    "djur",
    "hund",
    "mat",
    "måltids",
    "jämlikhets",
    "rättighets",
    "funktionshinder",
    "familje",
    "föräldra",
    "elev",
    "lärar",
    "rektors",
    "personal",
    "chefs",
    "löne",
    "pensions",
    "ekonomi",
    "skatte",
    "avgifts",
    "bidrags",
    "service",
    "ytterstads",
    "innerstads",
    "grannskaps",
    "förenings",
    "civilsamhälles",
    "närpolis",
    "kameraövervaknings",
    "belysnings",
    "snöröjnings",
    "städ",
];

/// Last parts of compounds: `root|ending|ending|…`, each ending appended to the root gives a
/// form (base, definite, plural, definite plural where they exist).
const HEADS: &[&str] = &[
    "kiosk||en|er|erna",
    "plan||en|er|erna",
    "nämnd||en|er|erna",
    "insats||en|er|erna",
    "åtgärd||en|er|erna",
    "fråg|a|an|or|orna",
    "arbete||t|n|na",
    "område||t|n|na",
    "miljö||n|er|erna",
    "förvaltning||en|ar|arna",
    "kontor||et|en",
    "central||en|er|erna",
    "strategi||n|er|erna",
    "program||met|men",
    "satsning||en|ar|arna",
    "utredning||en|ar|arna",
    "uppföljning||en|ar|arna",
    "mätning||en|ar|arna",
    "verksamhet||en|er|erna",
    "lokal||en|er|erna",
    "resurs||en|er|erna",
    "ansvar||et",
    "stöd||et",
    "tjänst||en|er|erna",
    "behov||et|en",
    "mål||et|en",
    "analys||en|er|erna",
    "modell||en|er|erna",
    "process||en|er|erna",
    "organisation||en|er|erna",
    "samverkan|",
    "utveckling||en",
    "kostnad||en|er|erna",
    "investering||en|ar|arna",
    "budget||en|ar|arna",
    "rapport||en|er|erna",
    "grupp||en|er|erna",
    "personal||en",
    "team||et|en",
    "plats||en|er|erna",
    "yt|a|an|or|orna",
    "anläggning||en|ar|arna",
    "byggnad||en|er|erna",
    "lösning||en|ar|arna",
    "avtal||et|en",
    "beslut||et|en",
    "underlag||et|en",
    "uppdrag||et|en",
    "projekt||et|en",
    "förslag||et|en",
    "riktlinje||n|r|rna",
    "kontroll||en|er|erna",
    "tillsyn||en",
    "service||n",
    "utbud||et",
    "ekonomi||n",
    "kris||en|er|erna",
    "risk||en|er|erna",
    "säkerhet||en",
    "nivå||n|er|erna",
    "statistik||en",
    "enkät||en|er|erna",
    "dialog||en|er|erna",
    "möte||t|n|na",
    "råd||et|en",
    "forum||et",
    "center||et",
    "station||en|er|erna",
    "hus||et|en",
    "skol|a|an|or|orna",
    "park||en|er|erna",
    "gat|a|an|or|orna",
    "väg||en|ar|arna",
    "ban|a|an|or|orna",
    "avgift||en|er|erna",
    "bidrag||et|en",
    "tillstånd||et|en",
    "ärende||t|n|na",
    "kompetens||en|er|erna",
    "utbildning||en|ar|arna",
    "vakt||en|er|erna",
    "assistent||en|er|erna",
    "samordnare||n|na",
    "handläggare||n|na",
    "brist||en|er|erna",
    "effekt||en|er|erna",
    "ökning||en|ar|arna",
    "minskning||en|ar|arna",
    "kartläggning||en|ar|arna",
    "träff||en|ar|arna",
    "patrull||en|er|erna",
    "kamer|a|an|or|orna",
];

/// The forms of a head, e.g. `["kiosk", "kiosken", "kiosker", "kioskerna"]`.
fn head_forms(head: &str) -> Vec<String> {
    let mut parts = head.split('|');
    let root = parts.next().unwrap_or_default();
    parts.map(|e| format!("{root}{e}")).collect()
}

/// Words and their successors, from the texts of the bundled case.
struct Vocab {
    /// Distinct tokens (a word with any trailing `,` or `.`), in first-seen order.
    tokens: Vec<String>,
    /// For each token, the tokens that followed it in the source (repeated by frequency).
    next: Vec<Vec<u32>>,
    /// Tokens that started a sentence.
    starts: Vec<u32>,
    /// Plain lower-case words, for edits.
    words: Vec<String>,
    /// The forms of every head.
    heads: Vec<Vec<String>>,
}

fn vocab() -> &'static Vocab {
    static VOCAB: OnceLock<Vocab> = OnceLock::new();
    VOCAB.get_or_init(build_vocab)
}

/// Every `text = """…"""` of the bundled case, with line breaks as spaces.
fn source_texts() -> Vec<String> {
    let mut out = Vec::new();
    let mut rest = SOURCE;
    while let Some(start) = rest.find("text = \"\"\"") {
        let after = &rest[start + 10..];
        let Some(end) = after.find("\"\"\"") else {
            break;
        };
        out.push(
            after[..end]
                .split_whitespace()
                .collect::<Vec<_>>()
                .join(" "),
        );
        rest = &after[end + 3..];
    }
    out
}

/// A token ends a sentence when it ends in `.` and is not an abbreviation like `t.ex.`.
fn ends_sentence(token: &str) -> bool {
    token
        .strip_suffix('.')
        .is_some_and(|core| !core.contains('.') && core.chars().count() > 1)
}

fn build_vocab() -> Vocab {
    let mut tokens: Vec<String> = Vec::new();
    let mut ids: HashMap<String, u32> = HashMap::new();
    let mut next: Vec<Vec<u32>> = Vec::new();
    let mut starts = Vec::new();
    let mut words = Vec::new();
    for text in source_texts() {
        let mut prev: Option<u32> = None;
        for raw in text.split(' ') {
            // Brackets and colons would come out unbalanced or odd in a random walk.
            let t: String = raw
                .chars()
                .filter(|c| !matches!(c, '(' | ')' | ';' | ':' | '"' | '\\'))
                .collect();
            if t.is_empty() {
                continue;
            }
            let id = *ids.entry(t.clone()).or_insert_with(|| {
                tokens.push(t.clone());
                next.push(Vec::new());
                let core = t.trim_end_matches([',', '.']);
                if core.chars().count() > 1 && core.chars().all(|c| c.is_lowercase()) {
                    words.push(core.to_string());
                }
                (tokens.len() - 1) as u32
            });
            match prev {
                None => starts.push(id),
                Some(p) if ends_sentence(&tokens[p as usize]) => starts.push(id),
                Some(p) => next[p as usize].push(id),
            }
            prev = Some(id);
        }
    }
    starts.retain(|&s| {
        tokens[s as usize]
            .chars()
            .next()
            .is_some_and(char::is_uppercase)
    });
    words.sort();
    words.dedup();
    Vocab {
        tokens,
        next,
        starts,
        words,
        heads: HEADS.iter().map(|h| head_forms(h)).collect(),
    }
}

/// Upper-case the first letter.
fn capitalise(s: &str) -> String {
    let mut chars = s.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// Lower-case the first letter.
fn decapitalise(s: &str) -> String {
    let mut chars = s.chars();
    match chars.next() {
        Some(first) => first.to_lowercase().chain(chars).collect(),
        None => String::new(),
    }
}

// ---------------------------------------------------------------------------------------------
// People, bodies, parties

const FIRST_NAMES: &[&str] = &[
    "Anna",
    "Erik",
    "Maria",
    "Lars",
    "Karin",
    "Johan",
    "Eva",
    "Anders",
    "Sara",
    "Per",
    "Emma",
    "Mikael",
    "Lena",
    "Fredrik",
    "Elin",
    "Jonas",
    "Linnéa",
    "Magnus",
    "Sofia",
    "Björn",
    "Ida",
    "Mattias",
    "Malin",
    "Henrik",
    "Åsa",
    "Oskar",
    "Ebba",
    "Gustav",
    "Märta",
    "Nils",
    "Hanna",
    "Olof",
    "Amira",
    "Mohammed",
    "Leila",
    "Ahmed",
    "Fatima",
    "Ali",
    "Yasmin",
    "Daniel",
    "Josefin",
    "Kristoffer",
    "Ulla",
    "Göran",
    "Birgitta",
    "Stefan",
    "Helén",
    "Rasmus",
    "Tove",
    "Viktor",
];

const SURNAMES: &[&str] = &[
    "Andersson",
    "Johansson",
    "Karlsson",
    "Nilsson",
    "Eriksson",
    "Larsson",
    "Olsson",
    "Persson",
    "Svensson",
    "Gustafsson",
    "Pettersson",
    "Jonsson",
    "Jansson",
    "Hansson",
    "Bengtsson",
    "Jönsson",
    "Lindberg",
    "Jakobsson",
    "Magnusson",
    "Lindström",
    "Lindqvist",
    "Lindgren",
    "Berg",
    "Axelsson",
    "Bergström",
    "Lundberg",
    "Lind",
    "Lundgren",
    "Lundqvist",
    "Mattsson",
    "Berglund",
    "Fredriksson",
    "Sandberg",
    "Henriksson",
    "Forsberg",
    "Sjöberg",
    "Wallin",
    "Engström",
    "Danielsson",
    "Håkansson",
    "Åberg",
    "Öberg",
    "Hassan",
    "Ali",
    "Mohammed",
    "Yilmaz",
    "Nyström",
    "Holmberg",
    "Söderberg",
    "Ekström",
];

/// Code, name, colour, whether in the majority.
const PARTIES: &[(&str, &str, &str, bool)] = &[
    ("M", "Moderaterna", "#1B49DD", false),
    ("S", "Socialdemokraterna", "#E8112D", true),
    ("V", "Vänsterpartiet", "#DA291C", true),
    ("MP", "Miljöpartiet", "#83CF39", true),
    ("C", "Centerpartiet", "#009933", false),
    ("L", "Liberalerna", "#006AB3", false),
    ("KD", "Kristdemokraterna", "#000077", false),
    ("SD", "Sverigedemokraterna", "#DDDD00", false),
];

const OPPOSITION: &[&str] = &["M", "C", "L", "KD", "SD"];
const MAJORITY: &[&str] = &["S", "V", "MP"];

/// Id, name, administration.
const COMMITTEES: &[(&str, &str, &str)] = &[
    ("socialnamnden", "Socialnämnden", "Socialförvaltningen"),
    ("trafiknamnden", "Trafiknämnden", "Trafikkontoret"),
    (
        "utbildningsnamnden",
        "Utbildningsnämnden",
        "Utbildningsförvaltningen",
    ),
    ("kulturnamnden", "Kulturnämnden", "Kulturförvaltningen"),
    ("idrottsnamnden", "Idrottsnämnden", "Idrottsförvaltningen"),
    (
        "exploateringsnamnden",
        "Exploateringsnämnden",
        "Exploateringskontoret",
    ),
    (
        "stadsbyggnadsnamnden",
        "Stadsbyggnadsnämnden",
        "Stadsbyggnadskontoret",
    ),
    (
        "miljo-och-halsoskyddsnamnden",
        "Miljö- och hälsoskyddsnämnden",
        "Miljöförvaltningen",
    ),
    ("aldrenamnden", "Äldrenämnden", "Äldreförvaltningen"),
    (
        "arbetsmarknadsnamnden",
        "Arbetsmarknadsnämnden",
        "Arbetsmarknadsförvaltningen",
    ),
    (
        "fastighetsnamnden",
        "Fastighetsnämnden",
        "Fastighetskontoret",
    ),
    (
        "kyrkogardsnamnden",
        "Kyrkogårdsnämnden",
        "Kyrkogårdsförvaltningen",
    ),
    ("servicenamnden", "Servicenämnden", "Serviceförvaltningen"),
    (
        "overformyndarnamnden",
        "Överförmyndarnämnden",
        "Överförmyndarförvaltningen",
    ),
];

/// Id, the district's name, the committee's name.
const DISTRICTS: &[(&str, &str, &str)] = &[
    (
        "rinkeby-kista",
        "Rinkeby-Kista",
        "Rinkeby-Kista stadsdelsnämnd",
    ),
    (
        "spanga-tensta",
        "Spånga-Tensta",
        "Spånga-Tensta stadsdelsnämnd",
    ),
    (
        "hasselby-vallingby",
        "Hässelby-Vällingby",
        "Hässelby-Vällingby stadsdelsnämnd",
    ),
    ("bromma", "Bromma", "Bromma stadsdelsnämnd"),
    ("kungsholmen", "Kungsholmen", "Kungsholmens stadsdelsnämnd"),
    ("norrmalm", "Norrmalm", "Norrmalms stadsdelsnämnd"),
    ("ostermalm", "Östermalm", "Östermalms stadsdelsnämnd"),
    ("sodermalm", "Södermalm", "Södermalms stadsdelsnämnd"),
    (
        "enskede-arsta-vantor",
        "Enskede-Årsta-Vantör",
        "Enskede-Årsta-Vantörs stadsdelsnämnd",
    ),
    ("skarpnack", "Skarpnäck", "Skarpnäcks stadsdelsnämnd"),
    ("farsta", "Farsta", "Farsta stadsdelsnämnd"),
    (
        "hagersten-alvsjo",
        "Hägersten-Älvsjö",
        "Hägersten-Älvsjö stadsdelsnämnd",
    ),
    ("skarholmen", "Skärholmen", "Skärholmens stadsdelsnämnd"),
];

const EXTERNALS: &[(&str, &str)] = &[
    ("polisregion-stockholm", "Polisregion Stockholm"),
    ("region-stockholm", "Region Stockholm"),
    ("lansstyrelsen", "Länsstyrelsen i Stockholms län"),
    (
        "funktionshinderradet",
        "Stockholms stads funktionshinderråd",
    ),
    ("pensionarsradet", "Stockholms stads pensionärsråd"),
    ("brandforsvaret", "Storstockholms brandförsvar"),
    ("stockholm-vatten", "Stockholm Vatten och Avfall AB"),
];

const ROTELS: &[&str] = &[
    "I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII",
];

const BODY_VERBS: &[&str] = &[
    "bedömer att",
    "anser att",
    "framför att",
    "lyfter fram att",
    "instämmer i att",
    "understryker att",
    "påpekar att",
    "konstaterar att",
];

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    Administration,
    Committee,
    District,
    External,
    Preparatory,
    Board,
}

impl Kind {
    fn as_str(self) -> &'static str {
        match self {
            Kind::Administration => "administration",
            Kind::Committee => "committee",
            Kind::District => "district_committee",
            Kind::External => "external",
            Kind::Preparatory => "preparatory",
            Kind::Board => "board",
        }
    }

    fn political(self) -> bool {
        matches!(
            self,
            Kind::Committee | Kind::District | Kind::Preparatory | Kind::Board
        )
    }
}

struct BodySpec {
    id: String,
    name: String,
    kind: Kind,
    administration: Option<String>,
    /// The district's name, for district committees.
    place: Option<String>,
    answered: bool,
    opinion_date: Option<NaiveDate>,
    meeting_date: Option<NaiveDate>,
}

// ---------------------------------------------------------------------------------------------
// Text generation

/// What a case is about, and the words that come with it.
struct Topic {
    /// Stems this case prefers when it makes compounds.
    stems: Vec<&'static str>,
    /// The motion's subject in the plural, e.g. "trygghetskiosker".
    plural: String,
    /// Definite plural, e.g. "trygghetskioskerna".
    definite: String,
}

struct Gen<'a> {
    rng: Rng,
    v: &'a Vocab,
    topic: Topic,
}

impl Gen<'_> {
    /// A compound word, often on the case's topic.
    fn compound(&mut self) -> String {
        let stem = if self.rng.chance(35) {
            *self.rng.pick(&self.topic.stems)
        } else {
            *self.rng.pick(STEMS)
        };
        let forms = self.rng.pick(&self.v.heads);
        let form = self.rng.pick(forms);
        format!("{stem}{form}")
    }

    /// One sentence from a walk over the source's bigrams.
    fn chain_sentence(&mut self) -> String {
        let v = self.v;
        let mut id = *self.rng.pick(&v.starts) as usize;
        let mut out = String::new();
        let limit = self.rng.range(10, 32);
        for n in 0.. {
            let token = &v.tokens[id];
            if !out.is_empty() {
                out.push(' ');
            }
            let core = token.trim_end_matches([',', '.']);
            let long = core.chars().count() >= 8 && core.chars().all(char::is_lowercase);
            if n > 0 && long && self.rng.chance(30) {
                out.push_str(&self.compound());
                out.push_str(&token[core.len()..]);
            } else {
                out.push_str(token);
            }
            if ends_sentence(token) {
                break;
            }
            let succ = &v.next[id];
            if succ.is_empty() || n >= limit {
                while out.ends_with([',', '.']) {
                    out.pop();
                }
                out.push('.');
                break;
            }
            id = *self.rng.pick(succ) as usize;
        }
        out
    }

    /// A sentence on the case's topic, from a template.
    fn topic_sentence(&mut self, who: &str) -> String {
        let c1 = self.compound();
        let c2 = self.compound();
        let pl = self.topic.plural.clone();
        let def = self.topic.definite.clone();
        match self.rng.below(12) {
            0 => format!("{who} delar uppfattningen att {c1} är en viktig fråga för staden."),
            1 => {
                format!("Förslaget om {pl} behöver ses i ljuset av det pågående arbetet med {c1}.")
            }
            2 => format!(
                "Det finns enligt {} redan strukturer för {c1} som kan fånga upp behovet av {pl}.",
                decapitalise(who)
            ),
            3 => format!(
                "{def} skulle kunna bidra till {c1}, men kostnaderna för {c2} är inte utredda."
            ),
            4 => format!(
                "Under {} har {c1} stärkts i flera stadsdelar.",
                2019 + self.rng.below(7)
            ),
            5 => format!(
                "Andelen som är nöjda med {c1} uppgår till {} procent, vilket är {} än föregående år.",
                40 + self.rng.below(55),
                if self.rng.chance(50) {
                    "högre"
                } else {
                    "lägre"
                }
            ),
            6 => format!("Vi vill se fler {pl} och en tydligare {c1} i hela Stockholm."),
            7 => format!("Frågan om {pl} hanteras bäst inom ramen för befintlig {c1}."),
            8 => format!("{who} ser inga egentliga behov av att gå vidare med förslaget om {pl}."),
            9 => format!("Arbetet med {c1} och {c2} följs upp årligen i verksamhetsplanen."),
            10 => format!("Motionärerna föreslår att staden inför {pl} i anslutning till {c1}."),
            _ => format!("En satsning på {pl} kräver samverkan mellan {c1} och {c2}."),
        }
    }

    /// One paragraph of about 300–700 characters.
    fn paragraph(&mut self, who: &str) -> String {
        let target = self.rng.range(260, 620);
        let mut p = String::new();
        if self.rng.chance(40) {
            p = self.topic_sentence(who);
        }
        while p.len() < target {
            if !p.is_empty() {
                p.push(' ');
            }
            let s = if self.rng.chance(12) {
                self.topic_sentence(who)
            } else {
                self.chain_sentence()
            };
            p.push_str(&s);
        }
        p
    }

    fn paragraphs(&mut self, who: &str, lo: usize, hi: usize) -> Vec<String> {
        let n = self.rng.range(lo, hi);
        (0..n).map(|_| self.paragraph(who)).collect()
    }

    /// A plain word for an edit: a source word or a compound.
    fn edit_word(&mut self) -> String {
        if self.rng.chance(50) {
            self.rng.pick(&self.v.words).clone()
        } else {
            self.compound()
        }
    }

    /// A near-duplicate of `template`: 0–5 word edits, sometimes a paragraph dropped or
    /// added.
    fn variant(&mut self, template: &[String], who: &str) -> Vec<String> {
        let mut paras = template.to_vec();
        if paras.len() > 2 && self.rng.chance(15) {
            let i = self.rng.below(paras.len());
            paras.remove(i);
        }
        if self.rng.chance(15) {
            let i = self.rng.range(0, paras.len());
            let p = self.paragraph(who);
            paras.insert(i, p);
        }
        let edits = *self.rng.pick(&[0, 0, 0, 1, 1, 2, 2, 3, 4, 5]);
        for _ in 0..edits {
            let i = self.rng.below(paras.len());
            let mut words: Vec<String> = paras[i].split(' ').map(str::to_owned).collect();
            let w = self.rng.below(words.len());
            let plain = words[w].chars().all(char::is_alphabetic) && w > 0;
            match self.rng.below(4) {
                0 | 1 if plain => words[w] = self.edit_word(),
                2 if plain && words.len() > 8 => {
                    words.remove(w);
                }
                _ => {
                    let word = self.edit_word();
                    words.insert(w.max(1), word);
                }
            }
            paras[i] = words.join(" ");
        }
        paras
    }

    fn name(&mut self) -> String {
        format!("{} {}", self.rng.pick(FIRST_NAMES), self.rng.pick(SURNAMES))
    }

    fn date_after(&mut self, d: NaiveDate, lo: usize, hi: usize) -> NaiveDate {
        d + Days::new(self.rng.range(lo, hi) as u64)
    }
}

// ---------------------------------------------------------------------------------------------
// TOML output

/// A basic TOML string.
fn quoted(s: &str) -> String {
    format!("\"{}\"", s.replace('\\', "\\\\").replace('"', "\\\""))
}

/// A multi-line TOML string of paragraphs, wrapped at about 100 columns.
fn text_block(paras: &[String]) -> String {
    let mut out = String::from("\"\"\"\n");
    for (i, p) in paras.iter().enumerate() {
        if i > 0 {
            out.push('\n');
        }
        let mut width = 0;
        for word in p.split(' ') {
            let w = word.chars().count();
            if width > 0 && width + 1 + w > 100 {
                out.push('\n');
                width = 0;
            } else if width > 0 {
                out.push(' ');
                width += 1;
            }
            out.push_str(&word.replace('\\', "\\\\").replace('"', "\\\""));
            width += w;
        }
        out.push('\n');
    }
    out.push_str("\"\"\"");
    out
}

struct Writer {
    out: String,
    paragraphs: usize,
}

impl Writer {
    fn line(&mut self, s: &str) {
        self.out.push_str(s);
        self.out.push('\n');
    }

    fn key(&mut self, key: &str, value: &str) {
        let _ = writeln!(self.out, "{key} = {}", quoted(value));
    }

    fn raw(&mut self, key: &str, value: impl std::fmt::Display) {
        let _ = writeln!(self.out, "{key} = {value}");
    }

    fn text(&mut self, key: &str, paras: &[String]) {
        self.paragraphs += paras.len();
        let _ = writeln!(self.out, "{key} = {}", text_block(paras));
    }

    fn signatories(&mut self, sigs: &[(String, &str)]) {
        if sigs.len() == 1 {
            let _ = writeln!(
                self.out,
                "signatories = [{{ name = {}, party = \"{}\" }}]",
                quoted(&sigs[0].0),
                sigs[0].1
            );
        } else {
            self.line("signatories = [");
            for (name, party) in sigs {
                let _ = writeln!(
                    self.out,
                    "  {{ name = {}, party = \"{party}\" }},",
                    quoted(name)
                );
            }
            self.line("]");
        }
    }

    fn list(&mut self, key: &str, items: &[String]) {
        let items: Vec<String> = items.iter().map(|s| quoted(s)).collect();
        let _ = writeln!(self.out, "{key} = [{}]", items.join(", "));
    }
}

// ---------------------------------------------------------------------------------------------
// The case

fn party_name(code: &str) -> &'static str {
    PARTIES
        .iter()
        .find(|p| p.0 == code)
        .map_or("partiet", |p| p.1)
}

/// A reservation or statement to write.
struct Statement {
    stance: &'static str,
    sigs: Vec<(String, &'static str)>,
    byline: Option<String>,
    proposals: Vec<String>,
    date: Option<NaiveDate>,
    text: Vec<String>,
    identical_to: Option<String>,
    concurs_with: Option<String>,
}

/// Percentage of (case, party) reservation templates that are a party line shared across
/// cases, and how many party lines each party has.
const PARTY_LINE_PERCENT: usize = 15;
const PARTY_LINES: usize = 8;
const PARTY_LINE_SALT: u64 = 0x9A27_7E11_5EED_0001;

/// Party line `k` of `party`: the same text in every case that uses it.
fn party_line(seed: u64, party: &str, k: usize) -> Vec<String> {
    let v = vocab();
    let slot = PARTIES.iter().position(|p| p.0 == party).unwrap_or(0);
    let mut rng = Rng::new(
        seed ^ PARTY_LINE_SALT.rotate_left(17),
        k * PARTIES.len() + slot,
    );
    let stem = *rng.pick(STEMS);
    let head = loop {
        let h = rng.pick(&v.heads);
        if h.len() >= 4 {
            break h;
        }
    };
    let topic = Topic {
        plural: format!("{stem}{}", head[2]),
        definite: capitalise(&format!("{stem}{}", head[3])),
        stems: vec![stem],
    };
    let mut g = Gen { rng, v, topic };
    g.paragraphs(party_name(party), 2, 3)
}

fn generate(seed: u64, index: usize) -> (String, usize) {
    let v = vocab();
    let mut rng = Rng::new(seed, index);

    // Topic: two or three preferred stems and a plural subject.
    let mut stems: Vec<&'static str> = (0..rng.range(2, 3)).map(|_| *rng.pick(STEMS)).collect();
    stems.dedup();
    let head = loop {
        let h = rng.pick(&v.heads);
        if h.len() >= 4 {
            break h;
        }
    };
    let topic = Topic {
        plural: format!("{}{}", stems[0], head[2]),
        definite: capitalise(&format!("{}{}", stems[0], head[3])),
        stems,
    };
    let mut g = Gen { rng, v, topic };
    let mut w = Writer {
        out: String::with_capacity(64 * 1024),
        paragraphs: 0,
    };

    // The case.
    let kind = match g.rng.below(20) {
        0 => "other",
        1..=3 => "skrivelse",
        _ => "motion",
    };
    let motion_party: &'static str = if g.rng.chance(80) {
        OPPOSITION[g.rng.below(OPPOSITION.len())]
    } else {
        MAJORITY[g.rng.below(MAJORITY.len())]
    };
    let opposition_motion = OPPOSITION.contains(&motion_party);
    let districts_pick = *g.rng.pick(DISTRICTS);
    let subject = match g.rng.below(5) {
        0 => format!("att införa {} i Stockholm", g.topic.plural),
        1 => format!("fler {} i {}", g.topic.plural, districts_pick.1),
        2 => format!("en handlingsplan för {}", g.topic.plural),
        3 => {
            let c = g.compound();
            format!(
                "hur vi kan förbättra {c} genom att införa s.k. {}",
                g.topic.plural
            )
        }
        _ => format!("{} i hela staden", g.topic.plural),
    };
    let title = match kind {
        "skrivelse" => format!("Skrivelse om {subject}"),
        "other" => format!("Ärende om {subject}"),
        _ => format!("Motion om {subject}"),
    };
    let year = 2024 + g.rng.below(3);
    let dnr = format!("KS {year}/{}", 100 + index);
    let base = NaiveDate::from_ymd_opt(i32::try_from(year).unwrap_or(2025), 1, 1)
        .unwrap_or(NaiveDate::MIN);
    let motion_date = g.date_after(base, 0, 300);
    let date = g.date_after(motion_date, 200, 420);

    w.line("format = 1");
    w.line("");
    w.line("[case]");
    w.key("id", &format!("arende-{index:04}"));
    w.key("dnr", &dnr);
    w.key("title", &title);
    w.key("kind", kind);
    w.key("municipality", "Stockholm");
    w.raw("date", date);
    w.raw("motion_date", motion_date);
    let (proposal, stance_main) = if opposition_motion {
        match g.rng.below(3) {
            0 => ("Motionen avslås.", "reject"),
            _ => (
                "Motionen besvaras med hänvisning till vad som sägs i utlåtandet.",
                "answered",
            ),
        }
    } else {
        ("Motionen bifalls.", "approve")
    };
    w.text("proposal", &[proposal.to_string()]);
    let commissioner = g.name();
    w.key("presenting_commissioner", &commissioner);
    w.list("attachments", &[format!("{title}, dnr {dnr}-1")]);
    w.line("");
    w.line("[case.source]");
    w.key(
        "title",
        &format!("Utlåtande Rotel {} (Dnr {dnr})", g.rng.pick(ROTELS)),
    );
    w.key("file", &format!("{index:03}_{:016x}.txt", g.rng.next_u64()));
    let authors: Vec<String> = (0..g.rng.range(1, 3)).map(|_| g.name()).collect();
    for a in &authors {
        w.line("");
        w.line("[[case.authors]]");
        w.key("name", a);
        w.key("party", motion_party);
    }

    // Bodies.
    let total = g.rng.range(8, 14);
    let external = g.rng.chance(40);
    let n_ref = total - 3 - usize::from(external);
    let n_comm = g.rng.range(1, 4.min(n_ref - 1));
    let n_dist = n_ref - n_comm;
    let mut comms: Vec<usize> = (0..COMMITTEES.len()).collect();
    g.rng.shuffle(&mut comms);
    let mut dists: Vec<usize> = (0..DISTRICTS.len()).collect();
    g.rng.shuffle(&mut dists);
    let mut bodies = vec![BodySpec {
        id: "stadsledningskontoret".into(),
        name: "Stadsledningskontoret".into(),
        kind: Kind::Administration,
        administration: Some("Stadsledningskontoret".into()),
        place: None,
        answered: true,
        opinion_date: Some(g.date_after(motion_date, 60, 150)),
        meeting_date: None,
    }];
    for &c in &comms[..n_comm] {
        let (id, name, admin) = COMMITTEES[c];
        let opinion = g.date_after(motion_date, 20, 120);
        bodies.push(BodySpec {
            id: id.into(),
            name: name.into(),
            kind: Kind::Committee,
            administration: Some(admin.into()),
            place: None,
            answered: true,
            opinion_date: Some(opinion),
            meeting_date: Some(g.date_after(opinion, 7, 50)),
        });
    }
    for &d in &dists[..n_dist] {
        let (id, place, name) = DISTRICTS[d];
        let opinion = g.date_after(motion_date, 20, 120);
        bodies.push(BodySpec {
            id: id.into(),
            name: name.into(),
            kind: Kind::District,
            administration: Some(format!("{place} stadsdelsförvaltning")),
            place: Some(place.into()),
            answered: true,
            opinion_date: Some(opinion),
            meeting_date: Some(g.date_after(opinion, 7, 50)),
        });
    }
    if external {
        let (id, name) = *g.rng.pick(EXTERNALS);
        let answered = g.rng.chance(50);
        bodies.push(BodySpec {
            id: id.into(),
            name: name.into(),
            kind: Kind::External,
            administration: None,
            place: None,
            answered,
            opinion_date: answered.then(|| g.date_after(motion_date, 30, 150)),
            meeting_date: None,
        });
    }
    bodies.push(BodySpec {
        id: "borgarradsberedningen".into(),
        name: "Borgarrådsberedningen".into(),
        kind: Kind::Preparatory,
        administration: None,
        place: None,
        answered: true,
        opinion_date: None,
        meeting_date: Some(date - Days::new(14)),
    });
    bodies.push(BodySpec {
        id: "kommunstyrelsen".into(),
        name: "Kommunstyrelsen".into(),
        kind: Kind::Board,
        administration: None,
        place: None,
        answered: true,
        opinion_date: None,
        meeting_date: None,
    });

    // Case sections.
    let referral: Vec<&BodySpec> = bodies
        .iter()
        .filter(|b| b.kind != Kind::Preparatory && b.kind != Kind::Board)
        .collect();
    let lower_name = |b: &BodySpec| match b.kind {
        Kind::Administration | Kind::Committee => decapitalise(&b.name),
        _ => b.name.clone(),
    };
    let names: Vec<String> = referral.iter().map(|b| lower_name(b)).collect();
    let listed = match names.as_slice() {
        [init @ .., last] if !init.is_empty() => format!("{} och {last}", init.join(", ")),
        _ => names.join(""),
    };
    let author_line = format!(
        "{} ({})",
        join_swedish(&authors.iter().map(String::as_str).collect::<Vec<_>>()),
        if authors.len() > 1 {
            format!("alla {motion_party}")
        } else {
            motion_party.to_string()
        }
    );
    let mut summary = vec![format!(
        "I en {} väckt i kommunfullmäktige föreslår {author_line} {subject}. {}",
        if kind == "motion" {
            "motion"
        } else {
            "skrivelse"
        },
        g.chain_sentence()
    )];
    summary.extend(g.paragraphs("Motionärerna", 0, 1));
    let mut preparation = vec![format!("Ärendet har remitterats till {listed}.")];
    for b in &referral {
        if !b.answered {
            preparation.push(format!("{} har inte inkommit med svar.", b.name));
            continue;
        }
        let mut p = format!(
            "{} {} {}",
            b.name,
            g.rng.pick(BODY_VERBS),
            decapitalise(&g.chain_sentence())
        );
        for _ in 0..g.rng.range(1, 3) {
            p.push(' ');
            let s = g.chain_sentence();
            p.push_str(&s);
        }
        preparation.push(p);
    }
    let mut views = g.paragraphs("Staden", 2, 4);
    views.push("I övrigt hänvisar jag till stadsledningskontorets tjänsteutlåtande.".into());
    let sections: [(&str, &str, Vec<String>); 5] = [
        ("summary", "Sammanfattning av ärendet", summary),
        ("preparation", "Beredning", preparation),
        (
            "commissioner_views",
            "Föredragande borgarrådets synpunkter",
            views,
        ),
        ("background", "Ärendet", g.paragraphs("Motionärerna", 2, 4)),
        (
            "referral",
            "Remissammanställning",
            vec![format!("Ärendet har remitterats till {listed}.")],
        ),
    ];
    for (id, title, paras) in &sections {
        w.line("");
        w.line("[[case.sections]]");
        w.key("id", id);
        w.key("title", title);
        w.text("text", paras);
    }

    for (code, name, colour, _) in PARTIES {
        w.line("");
        w.line("[[parties]]");
        w.key("code", code);
        w.key("name", name);
        w.key("colour", colour);
    }
    w.line("");
    w.line("[majority]");
    w.key("name", "den rödgröna majoriteten");
    w.line("parties = [\"S\", \"V\", \"MP\"]");

    w.line("");
    w.line("# -----------------------------------------------------------------------------");
    w.line("# Bodies, in document order");
    for b in &bodies {
        w.line("");
        w.line("[[bodies]]");
        w.key("id", &b.id);
        w.key("name", &b.name);
        w.key("kind", b.kind.as_str());
        if let Some(a) = &b.administration {
            w.key("administration", a);
        }
        if let Some(d) = b.opinion_date {
            w.raw("opinion_date", d);
        }
        if let Some(d) = b.meeting_date {
            w.raw("meeting_date", d);
        }
        if !b.answered {
            w.raw("answered", false);
        }
        let decision: Vec<String> = match b.kind {
            Kind::Committee | Kind::District => {
                let mut d = vec![format!(
                    "{} godkänner förvaltningens tjänsteutlåtande som svar på remissen.",
                    b.name
                )];
                if g.rng.chance(30) {
                    d.push("Beslutet justeras omedelbart.".into());
                }
                d
            }
            Kind::Preparatory => {
                vec!["Borgarrådsberedningen tillstyrker föredragande borgarrådets förslag.".into()]
            }
            Kind::Board => vec![
                "Kommunstyrelsen delar borgarrådsberedningens uppfattning och föreslår att \
                 kommunfullmäktige beslutar enligt föredragande borgarråds förslag."
                    .into(),
            ],
            Kind::Administration | Kind::External => Vec::new(),
        };
        if !decision.is_empty() {
            w.text("decision", &decision);
        }
    }

    // Reservation templates, per party, made on first use.
    // Now and then a party files its national "party line" instead (reuse across cases); the
    // choice has its own PRNG so the rest of the case is unchanged.
    let mut templates: Vec<(&'static str, Vec<String>)> = Vec::new();
    let mut side = Rng::new(seed ^ PARTY_LINE_SALT, index);
    let mut template = |g: &mut Gen, party: &'static str| -> Vec<String> {
        if let Some((_, t)) = templates.iter().find(|(p, _)| *p == party) {
            return t.clone();
        }
        let mut t = g.paragraphs(party_name(party), 2, 3);
        if side.chance(PARTY_LINE_PERCENT) {
            t = party_line(seed, party, side.below(PARTY_LINES));
        }
        templates.push((party, t.clone()));
        t
    };
    // Who reserves in this case: the motion's party (if in opposition) and one or two more.
    let mut reservers: Vec<&'static str> = Vec::new();
    if opposition_motion {
        reservers.push(motion_party);
    } else {
        reservers.push("M");
        reservers.push("SD");
    }
    for _ in 0..g.rng.range(1, 2) {
        let p = *g.rng.pick(OPPOSITION);
        if !reservers.contains(&p) {
            reservers.push(p);
        }
    }
    let mut preparatory_reservations: Vec<(&'static str, String)> = Vec::new();

    for b in &bodies {
        if !b.answered {
            continue;
        }
        w.line("");
        w.line("# -----------------------------------------------------------------------------");
        let _ = writeln!(w.out, "# {}", b.name);

        // The body's decision, with the administration's opinion.
        let decision_stance = match b.kind {
            Kind::Preparatory | Kind::Board => stance_main,
            _ if g.rng.chance(15) => "answered",
            _ => {
                if opposition_motion {
                    "reject"
                } else {
                    "approve"
                }
            }
        };
        w.line("");
        w.line("[[positions]]");
        w.key("body", &b.id);
        w.key("stance", decision_stance);
        match b.kind {
            Kind::Preparatory => {}
            Kind::Board => w.raw("date", date),
            _ => {
                let author = b.administration.clone().unwrap_or_else(|| b.name.clone());
                w.key("author", &author);
                if (b.kind == Kind::Administration || b.kind == Kind::External)
                    && let Some(d) = b.opinion_date
                {
                    w.raw("date", d);
                }
                let who = match b.kind {
                    Kind::District | Kind::Committee => "Förvaltningen".to_string(),
                    _ => author.clone(),
                };
                let mut text = g.paragraphs(&who, 3, 6);
                if b.kind == Kind::District && g.rng.chance(50) {
                    text.pop();
                    text.push(format!(
                        "Förvaltningen föreslår att stadsdelsnämnden godkänner tjänsteutlåtandet \
                         som svar på remissen. {}",
                        g.chain_sentence()
                    ));
                }
                w.text("text", &text);
            }
        }
        if !b.kind.political() {
            continue;
        }

        // Reservations.
        let mut statements: Vec<Statement> = Vec::new();
        let mut reserving: Vec<&'static str> = Vec::new();
        let top_level = matches!(b.kind, Kind::Preparatory | Kind::Board);
        if top_level || g.rng.chance(65) {
            for &p in &reservers {
                if p == reservers[0] || g.rng.chance(45) {
                    reserving.push(p);
                }
            }
            if reserving.len() < 3 && g.rng.chance(15) {
                let p = *g.rng.pick(OPPOSITION);
                if !reserving.contains(&p) {
                    reserving.push(p);
                }
            }
        }
        for &p in &reserving {
            let sigs: Vec<(String, &'static str)> = if top_level {
                let n = if p == "M" { g.rng.range(1, 3) } else { 1 };
                (0..n).map(|_| (g.name(), p)).collect()
            } else {
                vec![(format!("{} m.fl.", g.name()), p)]
            };
            let byline = (top_level && g.rng.chance(40)).then(|| {
                let names: Vec<&str> = sigs.iter().map(|s| s.0.as_str()).collect();
                format!(
                    "borgarråden {} ({}{p})",
                    join_swedish(&names),
                    if names.len() > 1 { "alla " } else { "" }
                )
            });
            let mut identical_to = None;
            let text = if b.kind == Kind::Board
                && g.rng.chance(40)
                && preparatory_reservations.iter().any(|(q, _)| *q == p)
            {
                identical_to = preparatory_reservations
                    .iter()
                    .find(|(q, _)| *q == p)
                    .map(|(_, id)| id.clone());
                Vec::new()
            } else if g.rng.chance(10) {
                g.paragraphs(party_name(p), 2, 3)
            } else {
                let t = template(&mut g, p);
                let mut t = g.variant(&t, party_name(p));
                if let Some(place) = &b.place
                    && g.rng.chance(30)
                {
                    let extra = format!(
                        "I {place} {} {}",
                        decapitalise(&g.chain_sentence()),
                        g.chain_sentence()
                    );
                    t.push(extra);
                }
                t
            };
            if b.kind == Kind::Preparatory {
                preparatory_reservations.push((p, format!("{}/reservation/{p}", b.id)));
            }
            let proposals = if top_level {
                vec![
                    "Vi föreslår att kommunstyrelsen föreslår att kommunfullmäktige beslutar följande."
                        .to_string(),
                    if opposition_motion && p == motion_party {
                        "Att bifalla motionen.".to_string()
                    } else {
                        "Att avslå motionen.".to_string()
                    },
                    "Att därutöver anföra".to_string(),
                ]
            } else if opposition_motion && p == motion_party {
                vec![
                    "att tillstyrka motionen,".into(),
                    "att därutöver anföra".into(),
                ]
            } else {
                vec!["att därutöver anföra".into()]
            };
            statements.push(Statement {
                stance: "reservation",
                sigs,
                byline,
                proposals,
                date: (b.kind == Kind::Board).then_some(date),
                text,
                identical_to,
                concurs_with: None,
            });
        }
        // A special statement by the majority.
        if g.rng.chance(12) {
            let sigs = MAJORITY
                .iter()
                .map(|&p| {
                    let n = g.name();
                    (if top_level { n } else { format!("{n} m.fl.") }, p)
                })
                .collect();
            let t = template(&mut g, "S");
            let text = g.variant(&t, "Den rödgröna majoriteten");
            statements.push(Statement {
                stance: "special_statement",
                sigs,
                byline: None,
                proposals: Vec::new(),
                date: None,
                text,
                identical_to: None,
                concurs_with: None,
            });
        }
        // A substitute statement by a party that did not reserve.
        if !top_level && g.rng.chance(15) {
            let p = *g.rng.pick(OPPOSITION);
            if !reserving.contains(&p) {
                let concurs = (!reserving.is_empty() && g.rng.chance(50)).then(|| {
                    let q = *g.rng.pick(&reserving);
                    format!("{}/reservation/{q}", b.id)
                });
                let text = if concurs.is_some() {
                    Vec::new()
                } else {
                    let t = template(&mut g, p);
                    g.variant(&t, party_name(p))
                };
                statements.push(Statement {
                    stance: "substitute_statement",
                    sigs: vec![(g.name(), p)],
                    byline: None,
                    proposals: Vec::new(),
                    date: None,
                    text,
                    identical_to: None,
                    concurs_with: concurs,
                });
            }
        }
        for s in statements {
            w.line("");
            w.line("[[positions]]");
            w.key("body", &b.id);
            w.key("stance", s.stance);
            if let Some(d) = s.date {
                w.raw("date", d);
            }
            if let Some(by) = &s.byline {
                w.key("byline", by);
            }
            w.signatories(&s.sigs);
            if !s.proposals.is_empty() {
                w.list("proposals", &s.proposals);
            }
            if let Some(id) = &s.identical_to {
                w.key("identical_to", id);
            }
            if let Some(id) = &s.concurs_with {
                w.key("concurs_with", id);
            }
            if !s.text.is_empty() {
                w.text("text", &s.text);
            }
        }
    }
    (w.out, w.paragraphs)
}

/// "a, b och c": a list joined as Swedish writes it (as `remiss::model::join_swedish`; this
/// crate does not depend on remiss, so that the library's tests can use it).
fn join_swedish(items: &[&str]) -> String {
    match items {
        [] => String::new(),
        [one] => (*one).to_string(),
        [init @ .., last] => format!("{} och {last}", init.join(", ")),
    }
}

// ---------------------------------------------------------------------------------------------
// Near copies of the bundled case

/// TOML source of copy `index` of the bundled case: the same bodies, positions and links, a
/// case id `kopia-NNNN`, a registration number of its own, every date moved `index` days later,
/// and in every text about `percent`% of the words replaced by other words of the case (the
/// same party texts filed again and again with small edits). A line of text is varied the same
/// way wherever it occurs in one copy, so texts that are identical in the bundled case
/// (likalydande reservations) stay identical within a copy. Words with digits are kept.
pub fn near_copy(seed: u64, index: usize, percent: usize) -> String {
    let words = &vocab().words;
    let mut out = String::with_capacity(SOURCE.len() + 1024);
    let mut in_text = false;
    let mut in_case = false;
    for line in SOURCE.lines() {
        if in_text {
            if line == "\"\"\"" {
                in_text = false;
                out.push_str(line);
            } else {
                vary_line(seed, index, percent, line, words, &mut out);
            }
        } else if in_case && line.starts_with("id = ") {
            let _ = write!(out, "id = \"kopia-{index:04}\"");
        } else if in_case && line.starts_with("dnr = ") {
            let year = shifted(NaiveDate::from_ymd_opt(2025, 6, 1), index)
                .map_or(2025, |d| chrono::Datelike::year(&d));
            let _ = write!(out, "dnr = \"KS {year}/{}\"", 10_000 + index);
        } else if let Some((key, date)) = line
            .split_once(" = ")
            .filter(|(k, _)| k.ends_with("date") && !k.contains(' '))
            && let Some(d) = shifted(NaiveDate::parse_from_str(date, "%Y-%m-%d").ok(), index)
        {
            let _ = write!(out, "{key} = {}", d.format("%Y-%m-%d"));
        } else {
            if line.starts_with('[') {
                in_case = line == "[case]";
            }
            in_text = line.ends_with("\"\"\"") && line.matches("\"\"\"").count() == 1;
            out.push_str(line);
        }
        out.push('\n');
    }
    out
}

/// `date` moved `days` days later.
fn shifted(date: Option<NaiveDate>, days: usize) -> Option<NaiveDate> {
    date?.checked_add_days(Days::new(days as u64))
}

/// One line of text with about `percent`% of its words (letters only) replaced, seeded by the
/// line's content so that equal lines vary equally.
fn vary_line(
    seed: u64,
    index: usize,
    percent: usize,
    line: &str,
    words: &[String],
    out: &mut String,
) {
    let h = line.bytes().fold(0xcbf2_9ce4_8422_2325_u64, |h, b| {
        (h ^ u64::from(b)).wrapping_mul(0x0000_0100_0000_01b3)
    });
    let mut rng = Rng::new(seed ^ h, index);
    let mut word = String::new();
    let flush = |word: &mut String, out: &mut String, rng: &mut Rng| {
        if !word.is_empty() {
            if word.chars().all(char::is_alphabetic) && rng.below(1000) < percent * 10 {
                out.push_str(rng.pick(words).as_str());
            } else {
                out.push_str(word);
            }
            word.clear();
        }
    };
    for c in line.chars() {
        if c.is_alphanumeric() {
            word.push(c);
        } else {
            flush(&mut word, out, &mut rng);
            out.push(c);
        }
    }
    flush(&mut word, out, &mut rng);
}

/// Write `cases` near copies ([`near_copy`]) as `case-0000.toml`, … into `dir`.
pub fn write_near_copies(
    dir: &Path,
    cases: usize,
    seed: u64,
    percent: usize,
) -> io::Result<CorpusStats> {
    std::fs::create_dir_all(dir)?;
    let mut stats = CorpusStats::default();
    for index in 0..cases {
        let src = near_copy(seed, index, percent);
        std::fs::write(dir.join(case_file_name(index)), &src)?;
        stats.files += 1;
        stats.bytes += src.len() as u64;
        stats.paragraphs += text_paragraphs(&src);
    }
    Ok(stats)
}

/// Paragraphs of the multi-line texts of a case file (blank-line separated), as the loader
/// splits them; single-line strings count one each.
fn text_paragraphs(src: &str) -> usize {
    let mut n = 0;
    let mut in_text = false;
    let mut in_paragraph = false;
    for line in src.lines() {
        if in_text {
            if line == "\"\"\"" {
                in_text = false;
            } else if line.trim().is_empty() {
                in_paragraph = false;
            } else if !in_paragraph {
                in_paragraph = true;
                n += 1;
            }
        } else if line.ends_with("\"\"\"") && line.matches("\"\"\"").count() == 1 {
            in_text = true;
            in_paragraph = false;
        } else if line.matches("\"\"\"").count() == 2 {
            n += 1;
        }
    }
    n
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn same_seed_same_output() {
        for index in [0, 7, 499] {
            assert_eq!(generate_case(3, index), generate_case(3, index));
        }
        assert_ne!(generate_case(3, 1), generate_case(4, 1));
        assert_ne!(generate_case(3, 1), generate_case(3, 2));
    }

    #[test]
    fn vocabulary_is_large() {
        let v = vocab();
        let compounds: usize = v.heads.iter().map(Vec::len).sum::<usize>() * STEMS.len();
        assert!(v.words.len() > 800, "{}", v.words.len());
        assert!(compounds > 30_000, "{compounds}");
    }
}
