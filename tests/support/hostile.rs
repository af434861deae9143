//! Case text holding every class of invisible character (the hostile case of
//! `tests/cli/invisible.rs` and `tests/tui/invisible.rs`), and the checks that an output shows
//! markers only. Shared by both test binaries.
#![allow(dead_code)]

use unicode_general_category::{GeneralCategory, get_general_category};

/// Dropped: they mean nothing in this text.
pub const DROPPED: [&str; 6] = [
    "\\u00AD", "\\u200B", "\\u200C", "\\u200D", "\\u2060", "\\uFEFF",
];

/// Marked, with the marker the output must show.
pub const MARKED: [(&str, &str); 10] = [
    ("\\u202E", "<U+202E>"),
    ("\\u2067", "<U+2067>"),
    ("\\u200F", "<U+200F>"),
    ("\\U000E0041", "<U+E0041>"),
    ("\\U000E007F", "<U+E007F>"),
    ("\\u206A", "<U+206A>"),
    ("\\u180E", "<U+180E>"),
    ("\\uFFF9", "<U+FFF9>"),
    ("\\u001B", "^["),
    ("\\u009B", "<U+009B>"),
];

/// A TOML basic-string fragment holding every class: `Vik<dropped…>ingen <marked…> rad<LS>två<PS>tre`.
pub fn hostile_toml() -> String {
    let mut s = String::from("Vik");
    for d in DROPPED {
        s.push_str(d);
    }
    s.push_str("ingen ");
    for (m, _) in MARKED {
        s.push_str(m);
    }
    s.push_str(" rad\\u2028två\\u2029tre");
    s
}

/// Whether `c` may appear in an output: no control, format or separator character but `\n`.
pub fn allowed(c: char) -> bool {
    c == '\n'
        || !matches!(
            get_general_category(c),
            GeneralCategory::Control
                | GeneralCategory::Format
                | GeneralCategory::LineSeparator
                | GeneralCategory::ParagraphSeparator
        )
}

#[track_caller]
pub fn assert_clean(what: &str, text: &str) {
    if let Some((i, c)) = text.char_indices().find(|&(_, c)| !allowed(c)) {
        let around: String = text[i.saturating_sub(40)..].chars().take(60).collect();
        panic!("{what}: raw U+{:04X} at byte {i}: {around:?}", u32::from(c));
    }
}

/// Clean, with every marker shown (Markdown's escapes aside) and the dropped characters gone.
#[track_caller]
pub fn assert_marked(what: &str, text: &str) {
    assert_clean(what, text);
    let unescaped = text.replace('\\', "");
    for (_, marker) in MARKED {
        assert!(unescaped.contains(marker), "{what}: no {marker} in {text}");
    }
    assert!(
        text.contains("Vikingen"),
        "{what}: dropped characters split the word"
    );
}

/// The bundled case with: the hostile string in Trafiknämnden's reservation, its signatory
/// and Socialnämnden's name; `park\u{AD}bänkar` in Socialnämnden's reservation and
/// `parkbänkar` in Hässelby-Vällingby's identical one.
pub fn hostile_case() -> String {
    let src = include_str!("../../cases/trygghetskiosker.toml");
    let h = hostile_toml();
    let insert = |src: &str, body: &str, what: &str| -> String {
        let at = src
            .find(&format!("body = \"{body}\"\nstance = \"reservation\""))
            .unwrap();
        let text = at + src[at..].find("text = \"\"\"\n").unwrap() + "text = \"\"\"\n".len();
        format!("{}{what} {}", &src[..text], &src[text..])
    };
    let src = insert(src, "trafiknamnden", &h);
    let src = insert(&src, "socialnamnden", "Park\\u00ADbänkar\\u200B");
    let src = insert(&src, "hasselby-vallingby", "Parkbänkar");
    src.replace(
        "name = \"Socialnämnden\"",
        &format!("name = \"Socialnämnden {h}\""),
    )
    .replace("Dennis Wedin m.fl.", &format!("Dennis {h} Wedin m.fl."))
}

pub fn workspace() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir(dir.path().join("cases")).unwrap();
    std::fs::write(dir.path().join("cases/kiosker.toml"), hostile_case()).unwrap();
    dir
}
