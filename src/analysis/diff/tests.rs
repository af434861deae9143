use super::*;
use proptest::prelude::*;

fn paras(s: &[&str]) -> Vec<String> {
    s.iter().map(|p| (*p).to_string()).collect()
}

/// The text of a row in git's word-diff style, paragraphs joined by " ¶ ".
fn inline(d: &TextDiff) -> Vec<String> {
    d.rows
        .iter()
        .map(|r| {
            let mut s = String::new();
            let mut last = (None, None);
            for c in &r.chunks {
                let here = (c.left, c.right);
                if last != (None, None) && c.tag == Tag::Equal && here != last {
                    s.push_str(" ¶ ");
                }
                match (c.tag, c.paragraph_break) {
                    (Tag::Delete, true) => s.push_str("[-¶-]"),
                    (Tag::Insert, true) => s.push_str("{+¶+}"),
                    (Tag::Equal, _) => s.push_str(&c.text),
                    (Tag::Delete, false) => s.push_str(&format!("[-{}-]", c.text)),
                    (Tag::Insert, false) => s.push_str(&format!("{{+{}+}}", c.text)),
                }
                if c.tag == Tag::Equal {
                    last = here;
                }
            }
            s
        })
        .collect()
}

#[test]
fn words_and_punctuation_are_diffed() {
    let a = paras(&["Trygghetskiosker ska vara upplysta och bemannade knutpunkter."]);
    let b = paras(&["Trygghetskiosker ska vara upplysta och bemannande knutpunkter, nu."]);
    let d = diff_texts(&a, &b, &DiffOptions::default());
    assert_eq!(
        inline(&d),
        [
            "Trygghetskiosker ska vara upplysta och [-bemannade -]{+bemannande +}knutpunkter{+, nu+}."
        ]
    );
    assert_eq!(d.stats.changes, 2);
    assert_eq!(d.stats.deleted_words, 1);
    assert_eq!(d.stats.inserted_words, 2);
    assert_eq!(d.stats.equal_words, 6);
    assert!((d.stats.same_ratio - 6.0 / 8.0).abs() < 1e-6);
    assert_eq!(d.side(Side::Left), a);
    assert_eq!(d.side(Side::Right), b);
}

#[test]
fn paragraphs_align_into_rows() {
    let a = paras(&["Ett två tre.", "Fyra fem sex.", "Sju åtta."]);
    let b = paras(&[
        "Ett två tre.",
        "Helt nytt stycke här.",
        "Fyra fem sex.",
        "Sju åtta nio.",
    ]);
    let d = diff_texts(&a, &b, &DiffOptions::default());
    assert_eq!(
        inline(&d),
        [
            "Ett två tre.",
            "{+Helt nytt stycke här.+}",
            "Fyra fem sex.",
            "Sju åtta{+ nio+}."
        ]
    );
    let changed: Vec<bool> = d.rows.iter().map(|r| r.changed).collect();
    assert_eq!(changed, [false, true, false, true]);
    assert_eq!(d.changes.len(), 2);
    assert_eq!((d.changes[0].row, d.changes[0].chunk), (1, 0));
    assert_eq!(d.changes[1].row, 3);
    let right: Vec<usize> = d.rows[1]
        .paragraphs(Side::Right)
        .iter()
        .map(|p| p.index)
        .collect();
    assert_eq!(right, [1]);
    assert!(d.rows[1].paragraphs(Side::Left).is_empty());
}

#[test]
fn deleted_last_paragraph_and_joined_paragraphs() {
    let a = paras(&["Ett två.", "Tre fyra."]);
    let b = paras(&["Ett två."]);
    let d = diff_texts(&a, &b, &DiffOptions::default());
    assert_eq!(inline(&d), ["Ett två.", "[-Tre fyra.-]"]);
    let a = paras(&["Ett två.", "Tre fyra."]);
    let b = paras(&["Ett två. Tre fyra."]);
    let d = diff_texts(&a, &b, &DiffOptions::default());
    assert_eq!(d.rows.len(), 1, "{:?}", d.rows);
    assert!(
        d.rows[0]
            .chunks
            .iter()
            .any(|c| c.paragraph_break && c.tag == Tag::Delete)
    );
    assert_eq!(d.side(Side::Left), a);
    assert_eq!(d.side(Side::Right), b);
}

#[test]
fn empty_and_identical_inputs() {
    let d = diff_texts(&[], &[], &DiffOptions::default());
    assert!(d.rows.is_empty());
    assert_eq!(d.stats.same_ratio, 1.0);
    let a = paras(&["Samma text."]);
    let d = diff_texts(&a, &a, &DiffOptions::default());
    assert_eq!(d.stats.changes, 0);
    assert!(!d.rows[0].changed);
    let d = diff_texts(&a, &[], &DiffOptions::default());
    assert_eq!(inline(&d), ["[-Samma text.-]"]);
    assert_eq!(d.stats.same_ratio, 0.0);
    let e = paras(&["", "  x  "]);
    let d = diff_texts(&e, &a, &DiffOptions::default());
    assert_eq!(d.side(Side::Left), e);
}

#[test]
fn too_large_inputs_are_shown_whole() {
    let a = paras(&["ett två tre"]);
    let b = paras(&["ett två fyra"]);
    let d = diff_texts(&a, &b, &DiffOptions { max_tokens: 2 });
    assert_eq!(d.stats.equal_words, 0);
    assert_eq!(d.side(Side::Right), b);
}

/// Unrelated texts of about 1 MB each: completes (bounded worst case) and is a valid diff.
/// Correctness only; the time is measured in `benches/similar.rs`.
#[test]
fn unrelated_megabyte_texts() {
    let (a, b) = unrelated_megabyte_pair();
    let d = diff_texts(&a, &b, &DiffOptions::default());
    assert_eq!(d.side(Side::Left), a);
    assert_eq!(d.side(Side::Right), b);
    assert!(d.stats.same_ratio < 0.5);
}

/// Two ~1 MB texts of pseudo-random words from disjoint-ish vocabularies.
pub fn unrelated_megabyte_pair() -> (Vec<String>, Vec<String>) {
    let make = |seed: u64, prefix: &str| {
        let mut x = seed;
        let mut paras = Vec::new();
        let mut p = String::new();
        let mut total = 0;
        while total < 1_000_000 {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            let w = format!("{prefix}{} ", x % 5000);
            total += w.len();
            p.push_str(&w);
            if p.len() > 600 {
                paras.push(p.trim_end().to_string());
                p.clear();
            }
        }
        paras
    };
    (make(7, "ord"), make(11, "ting"))
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    /// Any text: no panic, both sides re-assemble exactly, counts add up.
    #[test]
    fn any_text_round_trips(
        a in proptest::collection::vec("[a-cå ,.\u{301}\n]{0,30}", 0..5),
        b in proptest::collection::vec("[a-cå ,.\u{301}\n]{0,30}", 0..5),
    ) {
        let d = diff_texts(&a, &b, &DiffOptions::default());
        prop_assert_eq!(d.side(Side::Left), a.clone());
        prop_assert_eq!(d.side(Side::Right), b.clone());
        prop_assert!(d.stats.same_ratio >= 0.0 && d.stats.same_ratio <= 1.0);
        prop_assert_eq!(d.changes.len(), d.stats.changes);
        for c in &d.changes {
            prop_assert!(c.row < d.rows.len() && c.chunk < d.rows[c.row].chunks.len());
        }
    }
}
