//! Long fuzz runs of every parser of outside input, as property tests (cargo-fuzz needs a
//! nightly toolchain): the case loader, the notes loader and the importer here, the cache
//! decoder in `src/cache.rs` (`a_resealed_changed_file_never_panics_long`, it needs the
//! cache's internals). Each starts from a real document and mutates it: bytes deleted,
//! duplicated, replaced, hostile tokens inserted (TOML syntax, deep nesting, control and
//! format characters, the importer's marker phrases), lines swapped, the text cut.
//!
//! Ignored in the normal test run (the suite's own property tests are short); run them with
//!
//! ```text
//! FUZZ_CASES=20000 cargo test --release --test cli fuzz -- --ignored
//! FUZZ_CASES=20000 cargo test --release --lib cache::tests -- --ignored
//! ```
//!
//! and report the cases, the time and what was found.

use proptest::prelude::*;
use proptest::test_runner::Config;
use remiss::i18n::Lang;
use remiss::model::{BUNDLED_CASE, parse_case};

/// Cases per property: `FUZZ_CASES`, else 2,000.
fn cases() -> u32 {
    std::env::var("FUZZ_CASES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(2_000)
}

fn config() -> Config {
    Config {
        cases: cases(),
        // A failure is shrunk, but not for ever.
        max_shrink_iters: 2_000,
        ..Config::default()
    }
}

/// Tokens that put a parser in odd places.
const TOKENS: &[&str] = &[
    "[[positions]]\n",
    "[[bodies]]\n",
    "[case]\n",
    "\"\"\"",
    "'''",
    "\"",
    "= ",
    "{ name = \"x\", party = \"M\" }",
    "[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[",
    "x.x.x.x.x.x.x.x.x.x.x.x.x.x.x.x = 1\n",
    "identical_to = \"socialnamnden/reservation/M\"\n",
    "concurs_with = \"kommunstyrelsen/reservation/M\"\n",
    "stance = \"reservation\"\n",
    "date = 2026-02-30\n",
    "\\u0000",
    "\\uD800",
    "\u{0}",
    "\u{1b}[31m",
    "\u{202e}",
    "\u{ad}",
    "\u{200b}",
    "\u{e0041}",
    "\u{2028}",
    "\r",
    "\t",
    "a\u{301}\u{301}\u{301}\u{301}\u{301}\u{301}\u{301}\u{301}\u{301}\u{301}",
    "Reservation av Jonas Nilsson m.fl. (M)\n",
    "Särskilt uttalande av X (S), Y (V) och\n",
    "som är likalydande med Moderaternas reservation i borgarrådsberedningen.\n",
    "Socialnämnden beslutade vid sitt sammanträde den 31 februari 2026 följande.\n",
    "Reservationer m.m.\n",
    "\u{c}",
    "\n\n\n",
];

#[derive(Debug, Clone)]
enum Edit {
    Delete(usize, usize),
    Duplicate(usize, usize),
    Replace(usize, Vec<u8>),
    Token(usize, usize),
    SwapLines(usize, usize),
    Cut(usize),
}

fn edit() -> impl Strategy<Value = Edit> {
    prop_oneof![
        (any::<usize>(), 1..200usize).prop_map(|(a, n)| Edit::Delete(a, n)),
        (any::<usize>(), 1..200usize).prop_map(|(a, n)| Edit::Duplicate(a, n)),
        (any::<usize>(), prop::collection::vec(any::<u8>(), 1..8))
            .prop_map(|(a, b)| Edit::Replace(a, b)),
        (any::<usize>(), 0..TOKENS.len()).prop_map(|(a, t)| Edit::Token(a, t)),
        (any::<usize>(), any::<usize>()).prop_map(|(a, b)| Edit::SwapLines(a, b)),
        any::<usize>().prop_map(Edit::Cut),
    ]
}

/// `seed` with `edits` applied, as text (invalid UTF-8 made lossy: the loaders' byte checks
/// have tests of their own).
fn mutate(seed: &str, edits: &[Edit]) -> String {
    let mut s = seed.as_bytes().to_vec();
    for e in edits {
        let n = s.len().max(1);
        match e {
            Edit::Delete(a, k) => {
                let a = (a % n).min(s.len());
                let end = (a + k).min(s.len());
                s.drain(a..end);
            }
            Edit::Duplicate(a, k) => {
                let a = (a % n).min(s.len());
                let end = (a + k).min(s.len());
                let copy = s[a..end].to_vec();
                s.splice(end..end, copy);
            }
            Edit::Replace(a, bytes) => {
                let a = (a % n).min(s.len());
                let end = (a + bytes.len()).min(s.len());
                s.splice(a..end, bytes.iter().copied());
            }
            Edit::Token(a, t) => {
                let a = a % (s.len() + 1);
                s.splice(a..a, TOKENS[*t].bytes());
            }
            Edit::SwapLines(a, b) => {
                let mut lines: Vec<Vec<u8>> =
                    s.split(|&c| c == b'\n').map(<[u8]>::to_vec).collect();
                let (i, j) = (a % lines.len(), b % lines.len());
                lines.swap(i, j);
                s = lines.join(&b'\n');
            }
            Edit::Cut(a) => s.truncate(a % n),
        }
    }
    String::from_utf8_lossy(&s).into_owned()
}

/// No raw control, format or separator character but a newline.
fn inert(text: &str) -> bool {
    !text
        .chars()
        .any(|c| c != '\n' && remiss::text::is_unsafe(c))
}

fn edits() -> impl Strategy<Value = Vec<Edit>> {
    prop::collection::vec(edit(), 1..10)
}

proptest! {
    #![proptest_config(config())]

    /// The case loader never panics; a case it accepts holds together and prints inert text
    /// in every format; its problems print with file, line and column.
    #[test]
    #[ignore = "long fuzz run: FUZZ_CASES=N cargo test --release --test cli fuzz -- --ignored"]
    fn fuzz_the_case_loader(edits in edits()) {
        use remiss::export::matrix;
        use remiss::model::matrix::Lens;
        let src = mutate(BUNDLED_CASE, &edits);
        match parse_case(&src, "fuzz.toml", "fuzz") {
            Ok(case) => {
                let n = case.positions.len();
                for (i, p) in case.positions.iter().enumerate() {
                    prop_assert!(p.body < case.bodies.len());
                    prop_assert!(p.identical_to.is_none_or(|t| t < n));
                    prop_assert!(p.text_from.is_none_or(|t| t < n));
                    let _ = case.text_of(i);
                }
                let cases = [case];
                for lens in [Lens::Stance, Lens::Party] {
                    prop_assert!(inert(&matrix::to_text(&cases, lens, Lang::Sv, 100)));
                    prop_assert!(inert(&matrix::to_markdown(&cases, lens, Lang::En)));
                    prop_assert!(inert(&matrix::to_csv(&cases, lens, Lang::En).unwrap()));
                    prop_assert!(inert(&matrix::to_json(&cases, lens, Lang::En).to_string()));
                }
            }
            Err(problems) => {
                prop_assert!(!problems.is_empty());
                for p in &problems {
                    let shown = p.to_string();
                    prop_assert!(inert(&shown), "{}", shown);
                    prop_assert!(shown.starts_with("fuzz.toml"), "{}", shown);
                }
            }
        }
    }

    /// The notes loader never panics; notes it accepts export and round-trip.
    #[test]
    #[ignore = "long fuzz run: FUZZ_CASES=N cargo test --release --test cli fuzz -- --ignored"]
    fn fuzz_the_notes_loader(edits in edits()) {
        let case = remiss::model::load_bundled();
        let src = mutate(&notes_seed(&case), &edits);
        if let Ok(notes) = remiss::notes::file::parse(&src, "fuzz.notes.toml") {
            let md = remiss::export::notes::to_markdown(&notes, Some(&case), Lang::En);
            prop_assert!(inert(&md));
            let again = remiss::notes::file::to_toml(&notes);
            let back = remiss::notes::file::parse(&again, "again.notes.toml");
            prop_assert_eq!(back.ok(), Some(notes));
        }
    }

    /// The importer never panics, always writes a file that loads, and writes no raw
    /// control, bidi or format character.
    #[test]
    #[ignore = "long fuzz run: FUZZ_CASES=N cargo test --release --test cli fuzz -- --ignored"]
    fn fuzz_the_importer(edits in edits()) {
        let text = mutate(SEED_STATEMENT, &edits);
        let imported = remiss::import::import_text(&text, "fuzz.txt", Lang::Sv);
        prop_assert!(inert(&imported.toml));
        let loaded = parse_case(&imported.toml, "fuzz.toml", "fuzz");
        prop_assert!(loaded.is_ok(), "{:?}", loaded.err());
    }
}

const SEED_STATEMENT: &str = include_str!("../fixtures/seed/000_fa419cc41b8f4bfd.txt");

/// A notes file with headings, quotes of every kind and comments.
fn notes_seed(case: &remiss::model::Case) -> String {
    use remiss::model::Part;
    use remiss::notes::{ItemKind, Notes, Quote};
    let mut notes = Notes::for_case(case);
    notes.push(ItemKind::Heading("Deras argument".into()));
    let i = case.position_index("socialnamnden/reservation/M").unwrap();
    let mut q = Quote::from_position(case, i, (0, 1), None).unwrap();
    q.comment = "Svara: \"polisen\" finns redan där".into();
    notes.push(ItemKind::Quote(q));
    let q = Quote::new(case, Part::Proposal, (0, 0), None).unwrap();
    notes.push(ItemKind::Quote(q));
    remiss::notes::file::to_toml(&notes)
}
