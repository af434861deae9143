//! The importer never panics and always writes a file that loads: the seed mutated (lines
//! deleted, duplicated, moved, replaced by garbage or by the statement's own marker phrases,
//! characters inserted, the text truncated), and inputs of any size.
//!
//! Bounded for the test suite (48 cases per property); a longer run:
//! `PROPTEST_CASES=20000 cargo test --release --test cli import_fuzz`.

use proptest::prelude::*;
use remiss::i18n::Lang;
use remiss::import::{WarningKind, import_text};
use remiss::model::parse_case;

const SEED: &str = include_str!("../fixtures/seed/000_fa419cc41b8f4bfd.txt");

fn cases() -> u32 {
    std::env::var("PROPTEST_CASES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(48)
}

/// Phrases that switch the parser's state, to put it in odd places.
const MARKERS: &[&str] = &[
    "Reservation av Jonas Nilsson m.fl. (M), se Reservationer m.m.",
    "Reservation av Anna Ek (M)",
    "Reservation av borgarråden A, B och",
    "Särskilt uttalande av X (S), Y (V) och",
    "Ersättaryttrande av Stefan Carneros (KD) som instämde i reservation anförd av",
    "som är likalydande med Moderaternas reservation i borgarrådsberedningen.",
    "Reservationer m.m.",
    "Remissammanställning",
    "Innehållsförteckning",
    "Socialnämnden ........................ 7",
    "Socialnämnden",
    "Södermalms stadsdelsnämnd",
    "Socialnämnden beslutade vid sitt sammanträde den 31 februari 2026 följande.",
    "Socialförvaltningens tjänsteutlåtande daterat den 30 december 2025 har i huvudsak",
    "följande lydelse.",
    "Borgarrådsberedningen tillstyrker föredragande borgarrådets förslag.",
    "Kommunstyrelsen delar borgarrådsberedningens uppfattning och föreslår att",
    "Stockholm den 29 april 2026",
    "Förslag till beslut",
    "Bilaga",
    "Ärendet",
    "Beredning",
    "Ärendet har remitterats till a, b och c.",
    "X har inte inkommit med svar.",
    "1. att tillstyrka motionen,",
    "Att därutöver anföra",
    "Motion av A (M) och",
    "Utlåtande Rotel I (Dnr )",
    "Sida 3 (14)",
    "12",
    "trygghets-",
    "\u{c}",
    "(((",
    ")",
    "\u{1b}[31m",
    "\u{202e}",
    "",
];

#[derive(Debug, Clone)]
enum Edit {
    Delete(usize, usize),
    Duplicate(usize, usize),
    Move(usize, usize),
    Marker(usize, usize),
    Garbage(usize, String),
    InsertChar(usize, char),
    Truncate(usize),
}

fn edit() -> impl Strategy<Value = Edit> {
    prop_oneof![
        (any::<usize>(), 1..40usize).prop_map(|(a, n)| Edit::Delete(a, n)),
        (any::<usize>(), 1..40usize).prop_map(|(a, n)| Edit::Duplicate(a, n)),
        (any::<usize>(), any::<usize>()).prop_map(|(a, b)| Edit::Move(a, b)),
        (any::<usize>(), 0..MARKERS.len()).prop_map(|(a, m)| Edit::Marker(a, m)),
        (any::<usize>(), ".{0,80}").prop_map(|(a, s)| Edit::Garbage(a, s)),
        (any::<usize>(), any::<char>()).prop_map(|(a, c)| Edit::InsertChar(a, c)),
        any::<usize>().prop_map(Edit::Truncate),
    ]
}

fn apply(text: &str, edits: &[Edit]) -> String {
    let mut lines: Vec<String> = text.split('\n').map(str::to_owned).collect();
    for e in edits {
        let n = lines.len().max(1);
        match e {
            Edit::Delete(a, k) => {
                let a = a % n;
                let end = (a + k).min(lines.len());
                lines.drain(a.min(lines.len())..end);
            }
            Edit::Duplicate(a, k) => {
                let a = (a % n).min(lines.len());
                let end = (a + k).min(lines.len());
                let copy: Vec<String> = lines[a..end].to_vec();
                let at = end;
                lines.splice(at..at, copy);
            }
            Edit::Move(a, b) => {
                if !lines.is_empty() {
                    let line = lines.remove(a % lines.len());
                    lines.insert(b % (lines.len() + 1), line);
                }
            }
            Edit::Marker(a, m) => lines.insert(a % (lines.len() + 1), MARKERS[*m].to_string()),
            Edit::Garbage(a, s) => lines.insert(a % (lines.len() + 1), s.clone()),
            Edit::InsertChar(a, c) => {
                if !lines.is_empty() {
                    let k = a % lines.len();
                    let line = &mut lines[k];
                    let chars = line.chars().count();
                    let at = line
                        .char_indices()
                        .nth(a % (chars + 1))
                        .map_or(line.len(), |(i, _)| i);
                    line.insert(at, *c);
                }
            }
            Edit::Truncate(a) => {
                let joined = lines.join("\n");
                let cut = joined
                    .char_indices()
                    .nth(a % (joined.chars().count() + 1))
                    .map_or(joined.len(), |(i, _)| i);
                lines = joined[..cut].split('\n').map(str::to_owned).collect();
            }
        }
    }
    lines.join("\n")
}

/// The import loads, took no internal fallback, and names only lines of the document.
fn assert_sound(text: &str) -> Result<(), TestCaseError> {
    let out = import_text(text, "fuzz.txt", Lang::En);
    if let Err(p) = parse_case(&out.toml, "fuzz.toml", "fuzz") {
        return Err(TestCaseError::fail(format!("{p:#?}\n{}", out.toml)));
    }
    let lines = text.split('\n').count();
    for w in &out.warnings {
        prop_assert!(
            !matches!(w.kind, WarningKind::Fallback { .. }),
            "fallback: {:?}",
            w
        );
        prop_assert!(w.line >= 1 && w.line <= lines.max(1), "{:?}", w);
    }
    let unplaced_sections = out.toml.matches("id = \"unplaced-").count();
    let unplaced_warnings = out
        .warnings
        .iter()
        .filter(|w| matches!(w.kind, WarningKind::Unplaced { .. }))
        .count();
    prop_assert_eq!(unplaced_sections, unplaced_warnings);
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(cases()))]

    #[test]
    fn the_mutated_seed_always_imports(edits in prop::collection::vec(edit(), 1..12)) {
        assert_sound(&apply(SEED, &edits))?;
    }

    #[test]
    fn any_text_imports(text in ".{0,2000}") {
        assert_sound(&text)?;
    }

    #[test]
    fn marker_soup_imports(picks in prop::collection::vec(0..MARKERS.len(), 0..120)) {
        let text: Vec<&str> = picks.iter().map(|&k| MARKERS[k]).collect();
        assert_sound(&text.join("\n"))?;
    }
}

#[test]
fn a_ten_megabyte_paragraph_imports() {
    let word = "trygghetskiosker ";
    let text = word.repeat(10 * 1024 * 1024 / word.len());
    let out = import_text(&text, "big.txt", Lang::En);
    // import_text loads its own output (a failure would be a Fallback warning); not again here,
    // to keep the test quick in a debug build.
    assert!(
        !out.warnings
            .iter()
            .any(|w| matches!(w.kind, WarningKind::Fallback { .. })),
        "{:?}",
        out.warnings
    );
    assert_eq!(out.toml.matches("id = \"unplaced-1\"").count(), 1);
    assert_eq!(
        out.toml.matches("trygghetskiosker").count(),
        text.split_whitespace().count()
    );
}

#[test]
fn many_short_lines_import() {
    let text = "Reservation av A (M)\nx\n".repeat(50_000);
    let out = import_text(&text, "many.txt", Lang::En);
    parse_case(&out.toml, "many.toml", "many").unwrap();
}
