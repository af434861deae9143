//! Search (issue 4) on the bundled case: through the library, and through the real binary
//! (`remiss search`).

use crate::cmd::run;
use proptest::prelude::*;
use remiss::analysis::search::{Hit, Index, Query, Results, snippet};
use remiss::model::{Case, Stance, load_bundled};
use remiss::model::{Part, TextRef};
use serde_json::Value;
use std::sync::OnceLock;

fn bundled() -> &'static (Vec<Case>, Index) {
    static B: OnceLock<(Vec<Case>, Index)> = OnceLock::new();
    B.get_or_init(|| {
        let cases = vec![load_bundled()];
        let index = Index::build(&cases);
        (cases, index)
    })
}

fn search(q: &str) -> Results {
    let (cases, index) = bundled();
    index.search(cases, &Query::parse(q), usize::MAX)
}

fn text(hit: &Hit) -> &'static str {
    hit.text(&bundled().0)
}

/// The highlighted parts of a hit's text.
fn highlighted(hit: &Hit) -> Vec<&'static str> {
    let t = text(hit);
    hit.highlights.iter().map(|r| &t[r.clone()]).collect()
}

/// Words of a text in lower case, split as a reader would (on anything not a letter or digit).
fn words(text: &str) -> Vec<String> {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect()
}

/// Every indexed paragraph of the bundled case: positions' own text, decisions, sections,
/// proposal.
fn all_paragraphs(case: &Case) -> Vec<&str> {
    let mut out: Vec<&str> = Vec::new();
    for p in &case.positions {
        out.extend(p.paragraphs.iter().map(String::as_str));
    }
    for b in &case.bodies {
        out.extend(b.decision.iter().map(String::as_str));
    }
    for s in &case.sections {
        out.extend(s.paragraphs.iter().map(String::as_str));
    }
    out.extend(case.proposal.iter().map(String::as_str));
    out
}

fn position_id(hit: &Hit) -> &'static str {
    let case = &bundled().0[hit.case];
    match hit.target.part {
        Part::Position(position) => &case.positions[position].id,
        _ => "",
    }
}

#[test]
fn index_is_send_and_sync() {
    fn shareable<T: Send + Sync>() {}
    shareable::<Index>();
    shareable::<Query>();
}

#[test]
fn trygghetskiosk_ranks_words_starting_with_it_above_all_others() {
    let r = search("trygghetskiosk");
    let starts = |h: &Hit| {
        words(text(h))
            .iter()
            .any(|w| w.starts_with("trygghetskiosk"))
    };
    let first_without = r
        .hits
        .iter()
        .position(|h| !starts(h))
        .unwrap_or(r.hits.len());
    assert!(first_without > 0);
    assert!(
        r.hits[first_without..].iter().all(|h| !starts(h)),
        "a paragraph with a word starting with trygghetskiosk ranks below one without"
    );
    // Every such paragraph is found.
    let case = &bundled().0[0];
    let expected = all_paragraphs(case)
        .iter()
        .filter(|p| words(p).iter().any(|w| w.starts_with("trygghetskiosk")))
        .count();
    assert_eq!(first_without, expected);
    assert_eq!(r.total, r.hits.len());
}

#[test]
fn skarholmen_tunnelbana_puts_ms_skarholmen_reservation_first() {
    let r = search("skarholmen tunnelbana");
    let best = &r.hits[0];
    assert_eq!(position_id(best), "skarholmen/reservation/M");
    assert!(
        text(best).contains("Vårberg, Skärholmen, Sätra och Bredäng"),
        "{}",
        text(best)
    );
    assert!(highlighted(best).contains(&"Skärholmen"));
    assert!(highlighted(best).contains(&"tunnelbanestation"));
}

#[test]
fn a_one_letter_typo_still_finds_its_word() {
    for (typo, word) in [
        ("trygghetskoisk", "trygghetskiosk"),  // two letters swapped
        ("trygghetskisk", "trygghetskiosk"),   // one left out
        ("trygghetsskiosk", "trygghetskiosk"), // one too many
        ("trygghetskiask", "trygghetskiosk"),  // one wrong
        ("tunnelbanestatoin", "tunnelbanestation"),
        ("skärholmem", "skärholmen"),
        ("fältassistentr", "fältassistenter"),
    ] {
        let r = search(typo);
        let best = r.hits.first().unwrap_or_else(|| panic!("{typo}: no hit"));
        assert!(
            highlighted(best)
                .iter()
                .any(|h| h.to_lowercase().starts_with(word)),
            "{typo}: {:?}",
            highlighted(best)
        );
    }
}

#[test]
fn party_m_stance_reservation_returns_only_m_reservations() {
    let (cases, _) = bundled();
    let case = &cases[0];
    let r = search("party:M stance:reservation");
    assert!(!r.hits.is_empty());
    for h in &r.hits {
        assert_eq!(
            h.target.part.stance(case),
            Some(Stance::Reservation),
            "{h:?}"
        );
        assert!(
            h.target.part.parties(case).iter().any(|p| p == "M"),
            "{h:?}"
        );
    }
    // All of them: every paragraph of every M reservation with text of its own.
    let expected: usize = case
        .positions
        .iter()
        .filter(|p| p.stance == Stance::Reservation && p.parties.iter().any(|x| x == "M"))
        .map(|p| p.paragraphs.len())
        .sum();
    assert_eq!(r.total, expected);
    // With words too.
    let r = search("party:M stance:reservation trygghetskiosk");
    assert!(r.total > 0 && r.total < search("trygghetskiosk").total);
    assert!(
        r.hits
            .iter()
            .all(|h| position_id(h).ends_with("/reservation/M"))
    );
}

#[test]
fn a_text_identical_to_another_is_found_through_either_position() {
    // Kommunstyrelsen's M reservation is identical to Borgarrådsberedningen's: indexed once,
    // named by the position the filters ask for.
    let r = search("body:kommunstyrelsen party:M poliskiosker");
    assert!(r.total > 0);
    for h in &r.hits {
        assert_eq!(position_id(h), "kommunstyrelsen/reservation/M");
        let case = &bundled().0[0];
        let TextRef {
            part: Part::Position(position),
            paragraph,
        } = h.target
        else {
            panic!("{h:?}")
        };
        assert_eq!(case.text_of(position)[paragraph], text(h));
    }
    let plain = search("poliskiosker");
    assert!(
        plain
            .hits
            .iter()
            .all(|h| position_id(h) != "kommunstyrelsen/reservation/M"),
        "without filters the text is named once, by its own position"
    );
}

#[test]
fn highlights_are_right_on_hasselby_vallingby() {
    for q in [
        "Hässelby-Vällingby",
        "hasselby vallingby",
        "HÄSSELBY",
        "\"hässelby vällingby\"",
    ] {
        let r = search(q);
        assert!(r.total > 0, "{q}");
        for h in &r.hits {
            let t = text(h);
            let mut last = 0;
            for range in &h.highlights {
                assert!(t.is_char_boundary(range.start) && t.is_char_boundary(range.end));
                assert!(range.start >= last && range.start < range.end);
                last = range.end;
            }
            for part in highlighted(h) {
                assert!(
                    ["Hässelby", "Vällingby"].contains(&part),
                    "{q}: highlighted {part:?} in {t}"
                );
            }
        }
    }
    // A prefix highlights the part typed, whole characters.
    let r = search("välling");
    assert!(highlighted(&r.hits[0]).contains(&"Välling"));
    let r = search("hasselb");
    assert!(highlighted(&r.hits[0]).contains(&"Hässelb"));
    // And the snippet keeps them right.
    let h = &search("Hässelby-Vällingby").hits[0];
    let s = snippet(text(h), &h.highlights, 30);
    let parts: Vec<&str> = s.highlights.iter().map(|r| &s.text[r.clone()]).collect();
    assert_eq!(parts, vec!["Hässelby", "Vällingby"], "{s:?}");
}

#[test]
fn diacritics_one_way_and_case_folding() {
    let hits = |q: &str| -> Vec<Hit> { search(q).hits };
    // Without å/ä/ö a query finds them.
    assert!(!hits("skarholmen").is_empty());
    assert_eq!(
        hits("SKÄRHOLMEN")
            .iter()
            .map(|h| h.target)
            .collect::<Vec<_>>(),
        hits("skärholmen")
            .iter()
            .map(|h| h.target)
            .collect::<Vec<_>>()
    );
    let folded: Vec<TextRef> = hits("skarholmen").iter().map(|h| h.target).collect();
    for h in hits("skärholmen") {
        assert!(folded.contains(&h.target));
    }
    // With them it means exactly them: "för" never finds a word without ö (fortsatt).
    let found = hits("för");
    assert!(!found.is_empty());
    for h in found {
        assert!(
            highlighted(&h)
                .iter()
                .all(|p| p.to_lowercase().contains('ö')),
            "{:?}",
            highlighted(&h)
        );
    }
    assert!(
        hits("for").iter().any(|h| highlighted(h).contains(&"for")),
        "while `for` finds both"
    );
}

#[test]
fn phrases_are_exact_and_in_order() {
    assert_eq!(search("\"varje tunnelbanestation\"").total, 1);
    assert_eq!(search("\"tunnelbanestation varje\"").total, 0);
    assert_eq!(search("\"varje tunnelbanestatio\"").total, 0);
    // Still being typed: the last word may be a prefix.
    assert_eq!(search("\"varje tunnelbanestatio").total, 1);
}

#[test]
fn words_close_together_and_in_order_rank_higher() {
    // Two paragraphs have both words; the one where they stand together ranks first.
    let r = search("öppna drogscener");
    assert!(r.total >= 1);
    let best = highlighted(&r.hits[0]);
    assert!(text(&r.hits[0]).contains("öppna drogscener"), "{best:?}");
}

#[test]
fn body_and_case_filters() {
    let case = &bundled().0[0];
    for q in [
        "body:skarholmen",
        "body:skärholmens",
        "body:skarholmn",
        "nämnd:Skärholmen",
    ] {
        let r = search(q);
        assert!(r.total > 0, "{q}");
        for h in &r.hits {
            let b = h.target.part.body(case).expect("a body");
            assert_eq!(case.bodies[b].id, "skarholmen", "{q}");
        }
    }
    assert_eq!(search("case:2025/1121 kiosk").total, search("kiosk").total);
    assert_eq!(
        search("case:trygghetskiosker kiosk").total,
        search("kiosk").total
    );
    assert_eq!(
        search("case:\"KS 2025\" kiosk").total,
        search("kiosk").total
    );
    assert_eq!(search("case:9999/1 kiosk").total, 0);
    // Case texts have no body, party or stance.
    let r = search("stance:reject body:socialnamnden");
    assert!(r.hits.iter().all(|h| h.target.part.body(case).is_some()));
}

#[test]
fn empty_and_hopeless_queries() {
    assert_eq!(search(""), Results::default());
    assert_eq!(search("   ,,, !!"), Results::default());
    assert_eq!(search("xyzzyq").total, 0);
    assert_eq!(search("trygghetskiosk xyzzyq").total, 0);
    let (cases, index) = bundled();
    // Limit 0 counts without returning hits.
    let r = index.search(cases, &Query::parse("kiosk"), 0);
    assert!(r.hits.is_empty() && r.total > 0);
    // Huge queries: the first 16 words are searched, a 2 MB word is just a word.
    let q = Query::parse(&"trygghetskiosk ".repeat(100_000));
    assert_eq!(q.terms().len(), remiss::analysis::search::MAX_TERMS);
    assert!(index.search(cases, &q, 10).total > 0);
    assert_eq!(search(&"å".repeat(1_000_000)).total, 0);
    // Searching other cases than the index was built from does not panic.
    let r = index.search(&[], &Query::parse("kiosk"), 10);
    assert!(r.hits.is_empty());
}

#[test]
fn the_best_hits_do_not_depend_on_the_limit() {
    // Enough generated cases that two-word queries have more candidates than the first round
    // of proximity ranking looks at (1,000): the bound must still give the exact top hits.
    let cases: Vec<Case> = (0..30)
        .map(|i| {
            let src = remiss_corpus::generate_case(7, i);
            remiss::model::parse_case(&src, &format!("case-{i}.toml"), &format!("case-{i}"))
                .expect("generated cases are valid")
        })
        .collect();
    let index = Index::build(&cases);
    for (q, many) in [
        ("trygghet stad", true),
        ("s t", true),
        ("polisen arbete", false),
        ("trygghetskiosk o", false),
    ] {
        let query = Query::parse(q);
        let all = index.search(&cases, &query, usize::MAX);
        assert!(!many || all.total > 1000, "{q}: {}", all.total);
        for limit in [1, 10, 200] {
            let some = index.search(&cases, &query, limit);
            assert_eq!(some.total, all.total, "{q}");
            assert_eq!(
                some.hits[..],
                all.hits[..limit.min(all.hits.len())],
                "{q} limit {limit}"
            );
        }
    }
}

#[test]
fn a_megabyte_paragraph() {
    let mut case = load_bundled();
    let big = format!("{} trygghetskiosk slut", "ord, ".repeat(400_000));
    case.positions[0].paragraphs.push(big);
    case.positions[1].paragraphs.push("x".repeat(2_000_000));
    let cases = vec![case];
    let index = Index::build(&cases);
    let r = index.search(&cases, &Query::parse("trygghetskiosk slut"), 5);
    let hit = &r.hits[0];
    let text = hit.text(&cases);
    assert!(text.len() > 1_000_000);
    let s = snippet(text, &hit.highlights, 60);
    assert!(s.text.contains("trygghetskiosk slut"), "{}", s.text);
    assert!(index.search(&cases, &Query::parse("xxxx"), 5).total > 0);
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    /// Any query: no panic, and highlights always on char boundaries, sorted, not overlapping.
    #[test]
    fn any_query_any_text_never_panics(
        query in "\\PC{0,40}|[a-zåäö\": ]{0,30}",
        para in "\\PC{0,300}",
    ) {
        let mut case = load_bundled();
        case.positions[0].paragraphs.push(para);
        let cases = vec![case];
        let index = Index::build(&cases);
        let r = index.search(&cases, &Query::parse(&query), 50);
        prop_assert!(r.hits.len() <= r.total);
        for h in &r.hits {
            let t = h.text(&cases);
            let mut last = 0;
            for range in &h.highlights {
                prop_assert!(range.start >= last && range.start < range.end && range.end <= t.len());
                prop_assert!(t.is_char_boundary(range.start) && t.is_char_boundary(range.end));
                last = range.end;
            }
            let s = snippet(t, &h.highlights, 40);
            for range in &s.highlights {
                prop_assert!(s.text.is_char_boundary(range.start) && s.text.is_char_boundary(range.end));
            }
        }
    }
}

// ---------------------------------------------------------------------------------------------
// The binary.

#[test]
fn cli_text_snapshot() {
    let (code, out, err) = run(&[
        "search",
        "cases/trygghetskiosker.toml",
        "skarholmen",
        "tunnelbana",
    ]);
    assert_eq!((code, err.as_str()), (0, ""));
    insta::assert_snapshot!("search_text_skarholmen_tunnelbana", out);
    let (code, out, _) = run(&[
        "search",
        "cases/trygghetskiosker.toml",
        "trygghetskiosk",
        "--limit",
        "3",
    ]);
    assert_eq!(code, 0);
    insta::assert_snapshot!("search_text_trygghetskiosk_limit_3", out);
}

#[test]
fn cli_json_snapshot() {
    let (code, out, err) = run(&[
        "search",
        "cases/trygghetskiosker.toml",
        "hässelby-vällingby",
        "--limit",
        "2",
        "--format",
        "json",
    ]);
    assert_eq!((code, err.as_str()), (0, ""));
    let v: Value = serde_json::from_str(&out).unwrap();
    for hit in v.as_array().unwrap() {
        for key in [
            "case",
            "body",
            "stance",
            "parties",
            "paragraph",
            "score",
            "text",
        ] {
            assert!(hit.get(key).is_some(), "no {key} in {hit}");
        }
        assert_eq!(hit["matched"], serde_json::json!(["Hässelby", "Vällingby"]));
    }
    insta::assert_snapshot!(
        "search_json_hasselby_vallingby",
        serde_json::to_string_pretty(&v).unwrap()
    );
}

#[test]
fn cli_json_names_the_position() {
    let (_, out, _) = run(&[
        "search",
        "cases/trygghetskiosker.toml",
        "party:M stance:reservation skarholmen tunnelbana",
        "--format",
        "json",
    ]);
    let v: Value = serde_json::from_str(&out).unwrap();
    assert_eq!(v[0]["position"], "skarholmen/reservation/M");
    assert_eq!(v[0]["body"], "Skärholmens stadsdelsnämnd");
    assert_eq!(v[0]["stance"], "reservation");
    assert_eq!(v[0]["parties"], serde_json::json!(["M"]));
    assert_eq!(v[0]["target"], "position");
}

#[test]
fn cli_marks_matches_in_bold_only_when_asked_or_on_a_terminal() {
    let (_, out, _) = run(&[
        "search",
        "cases/trygghetskiosker.toml",
        "tunnelbanestation",
        "--color",
        "always",
    ]);
    assert!(
        out.contains("\u{1b}[1mtunnelbanestation\u{1b}[22m"),
        "{out}"
    );
    // A pipe is not a terminal: plain.
    let (_, out, _) = run(&["search", "cases/trygghetskiosker.toml", "tunnelbanestation"]);
    assert!(!out.contains('\u{1b}'));
    let (_, out, _) = run(&[
        "search",
        "cases/trygghetskiosker.toml",
        "tunnelbanestation",
        "--color",
        "never",
    ]);
    assert!(!out.contains('\u{1b}'));
}

#[test]
fn cli_full_paragraphs_and_limits() {
    let (_, out, _) = run(&[
        "search",
        "cases/trygghetskiosker.toml",
        "trygghetskiosk",
        "--full",
        "--limit",
        "1",
    ]);
    assert!(out.contains("Vårberg, Skärholmen, Sätra och Bredäng"));
    assert!(!out.contains('…'), "{out}");
    assert!(out.ends_with("1 of 16 paragraphs\n"), "{out}");
    let (_, out, _) = run(&[
        "search",
        "cases/trygghetskiosker.toml",
        "trygghetskiosk",
        "--limit",
        "0",
    ]);
    assert!(out.ends_with("16 paragraph(s)\n"), "{out}");
    for line in out.lines() {
        assert!(unicode_width::UnicodeWidthStr::width(line) <= 100, "{line}");
    }
}

#[test]
fn cli_exit_codes() {
    // No hits: the search ran; say so on stderr.
    let (code, out, err) = run(&["search", "cases/trygghetskiosker.toml", "xyzzyq"]);
    assert_eq!((code, out.as_str()), (0, ""));
    assert!(err.contains("no paragraph matches"), "{err}");
    let (code, out, _) = run(&[
        "search",
        "cases/trygghetskiosker.toml",
        "xyzzyq",
        "--format",
        "json",
    ]);
    assert_eq!((code, out.trim()), (0, "[]"));
    // A query that cannot be used as written is a usage error, in the chosen language.
    let (code, _, err) = run(&["search", "cases/trygghetskiosker.toml", "stance:nonsense"]);
    assert_eq!(code, 2);
    assert!(err.contains("unknown stance `nonsense`"), "{err}");
    let (code, _, err) = run(&[
        "--lang",
        "sv",
        "search",
        "cases/trygghetskiosker.toml",
        "party:",
    ]);
    assert_eq!(code, 2);
    assert!(err.contains("saknar värde"), "{err}");
    // Escape sequences in a query never reach the terminal.
    let (_, _, err) = run(&["search", "cases/trygghetskiosker.toml", "stance:\u{1b}[2J"]);
    assert!(!err.contains('\u{1b}'), "{err:?}");
    // Load problems: exit 1.
    let (code, _, err) = run(&["search", "no/such/folder", "kiosk"]);
    assert_eq!(code, 1);
    assert!(err.contains("no/such/folder"), "{err}");
    let (code, _, _) = run(&["search", "cases/trygghetskiosker.toml"]);
    assert_eq!(code, 2);
}

/// `sdn` finds `stadsdelsnämnd` first, not words that merely hold s, d and n in order
/// (`studentbostäder`, `stranderosion` in the Riksdag reports): the README's example of an
/// abbreviation, over every shipped case.
#[test]
fn a_known_abbreviation_ranks_its_word_first() {
    let (code, stdout, _) = run(&["search", "cases/", "sdn", "--format", "json"]);
    assert_eq!(code, 0);
    let v: Value = serde_json::from_str(&stdout).unwrap();
    let hits = v.as_array().expect("a list of hits");
    assert!(hits.len() >= 3, "{v}");
    for hit in &hits[..3] {
        let matched = hit["matched"].as_array().expect("matched words");
        assert!(
            matched.iter().any(|w| w
                .as_str()
                .is_some_and(|w| w.to_lowercase().starts_with("stadsdelsnämnd"))),
            "{hit}"
        );
    }
}
