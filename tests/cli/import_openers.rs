//! No text changes hands (issue 10, point 3): in "Reservationer m.m." and in a body's part, a
//! statement whose opener the importer does not know ends the position before it, and it and
//! its text are kept unplaced. Property: for any statement's opener replaced by an unknown one
//! ("Yttrande av", "Gemensamt uttryck av", any capitalised words), no position's text holds
//! another statement's byline or words, and every word of the unknown statement is in the file.

use proptest::prelude::*;
use remiss::i18n::Lang;
use remiss::import::{WarningKind, import_text};
use remiss::model::parse_case;

const OPENERS: &[&str] = &[
    "Reservation av",
    "Särskilt uttalande av",
    "Särskilt yttrande av",
    "Ersättaryttrande av",
    "Protokollsanteckning av",
    "Reservation anförs av",
];
const PARTIES: &[&str] = &["M", "S", "V", "MP", "C", "L", "KD", "SD", "Fi"];

/// One statement: its opener, byline and text (words unique to it: each ends in `q<k>`).
#[derive(Debug, Clone)]
struct Statement {
    opener: String,
    byline: String,
    sentences: Vec<Vec<String>>,
}

fn name() -> impl Strategy<Value = String> {
    ("[A-Z][a-z]{2,8}", "[A-Z][a-z]{2,10}").prop_map(|(a, b)| format!("{a} {b}"))
}

/// Where a statement stands: in "Reservationer m.m." (referred to from the body's part or
/// not), or with its text in the body's part ("… enligt följande.").
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Place {
    Reservations,
    Referenced,
    Inline,
}

fn statement() -> impl Strategy<Value = (usize, String, usize, Vec<Vec<String>>, Place)> {
    (
        0..OPENERS.len(),
        name(),
        0..PARTIES.len(),
        prop::collection::vec(prop::collection::vec("[a-zåäö]{3,9}", 3..12), 1..4),
        prop_oneof![
            Just(Place::Reservations),
            Just(Place::Referenced),
            Just(Place::Inline)
        ],
    )
}

/// An opener the importer cannot know: one to three capitalised words, then "av".
fn unknown_opener() -> impl Strategy<Value = String> {
    prop::collection::vec("[A-Z][a-z]{3,10}", 1..4)
        .prop_filter("not a known opener or case byline", |words| {
            !words.iter().any(|w| {
                ["Reservation", "Reservationer", "Motion", "Skrivelse"].contains(&w.as_str())
            })
        })
        .prop_map(|words| format!("{} av", words.join(" ")))
}

fn push_text(doc: &mut String, s: &Statement) {
    for sentence in &s.sentences {
        let line = sentence.join(" ");
        let mut chars = line.chars();
        if let Some(first) = chars.next() {
            doc.extend(first.to_uppercase());
            doc.push_str(chars.as_str());
        }
        doc.push_str(".\n");
    }
}

fn document(statements: &[Statement], places: &[Place]) -> String {
    let mut doc = String::from(
        "Utlåtande Rotel I (Dnr KS 2025/9999)\nMotion om fler parkbänkar\nRemissammanställning\n\
         Ärendet har remitterats till socialnämnden.\nSocialnämnden\n\
         Socialnämnden beslutade vid sitt sammanträde den 17 februari 2026 följande.\n\
         Socialnämnden avstyrker motionen.\n",
    );
    for (s, place) in statements.iter().zip(places) {
        match place {
            Place::Referenced => doc.push_str(&format!(
                "{} {}, se Reservationer m.m.\n",
                s.opener, s.byline
            )),
            Place::Inline => {
                doc.push_str(&format!("{} {} enligt följande.\n", s.opener, s.byline));
                push_text(&mut doc, s);
            }
            Place::Reservations => {}
        }
    }
    doc.push_str(
        "Socialförvaltningens tjänsteutlåtande daterat den 30 december 2025 har i huvudsak\n\
         följande lydelse.\nFörvaltningen avstyrker motionen.\nReservationer m.m.\nSocialnämnden\n",
    );
    for (s, place) in statements.iter().zip(places) {
        if *place != Place::Inline {
            doc.push_str(&format!("{} {}\n", s.opener, s.byline));
            push_text(&mut doc, s);
        }
    }
    doc
}

fn cases() -> u32 {
    std::env::var("PROPTEST_CASES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(64)
}

proptest! {
    #![proptest_config(ProptestConfig { cases: cases(), ..ProptestConfig::default() })]

    #[test]
    fn an_unknown_opener_takes_no_text_and_gives_none(
        raw in prop::collection::vec(statement(), 2..6).prop_filter("names differ", |v| {
            let mut names: Vec<&String> = v.iter().map(|s| &s.1).collect();
            names.sort();
            names.dedup();
            names.len() == v.len()
        }),
        pick in any::<prop::sample::Index>(),
        unknown in unknown_opener(),
    ) {
        let mut statements: Vec<Statement> = raw
            .iter()
            .enumerate()
            .map(|(k, (o, name, p, sentences, _))| Statement {
                opener: OPENERS[*o].to_string(),
                byline: format!("{name} ({})", PARTIES[*p]),
                sentences: sentences
                    .iter()
                    .map(|s| s.iter().map(|w| format!("{w}q{k}")).collect())
                    .collect(),
            })
            .collect();
        let places: Vec<Place> = raw.iter().map(|r| r.4).collect();
        let k = pick.index(statements.len());
        statements[k].opener = unknown.clone();
        let doc = document(&statements, &places);
        let imported = import_text(&doc, "t.txt", Lang::En);
        let case = parse_case(&imported.toml, "t.toml", "t")
            .map_err(|p| TestCaseError::fail(format!("{p:?}\n{}", imported.toml)))?;
        // The unknown opener is named in a warning.
        prop_assert!(
            imported.warnings.iter().any(|w| matches!(&w.kind, WarningKind::UnknownOpener { text } if text.starts_with(&unknown))),
            "{:#?}\n{doc}", imported.warnings
        );
        for p in case.positions.iter().filter(|p| p.stance.needs_text()) {
            let text = p.paragraphs.join(" ");
            let own = statements
                .iter()
                .position(|s| p.signatories.first().is_some_and(|sig| s.byline.starts_with(&sig.name)));
            for (j, s) in statements.iter().enumerate() {
                if Some(j) == own {
                    continue;
                }
                prop_assert!(!text.contains(&s.byline), "{} holds {:?}:\n{text}\n{doc}", p.id, s.byline);
                let marker = format!("q{j}");
                prop_assert!(
                    !text.split_whitespace().any(|w| w.trim_end_matches('.').ends_with(&marker)),
                    "{} holds words of statement {j}:\n{text}\n{doc}", p.id
                );
            }
        }
        // Nothing lost: every word of the unknown statement is in the file.
        let file = imported.toml.to_lowercase();
        for w in statements[k].sentences.iter().flatten() {
            prop_assert!(file.contains(w.as_str()), "{w} lost\n{}", imported.toml);
        }
    }
}
