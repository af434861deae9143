//! The benchmark corpus (the dev-only crate `remiss-corpus`) is what the loader expects: every
//! generated case loads without a problem, with the paragraphs the generator counted, realistic
//! lengths and the near-duplicate reservations the similarity benchmark needs.

use remiss::model::{Stance, parse_case};
use remiss_corpus::{case_file_name, generate_case, generate_case_counted, write_corpus};
use std::collections::HashSet;

fn loaded_paragraphs(case: &remiss::model::Case) -> usize {
    case.proposal.len()
        + case
            .sections
            .iter()
            .map(|s| s.paragraphs.len())
            .sum::<usize>()
        + case.bodies.iter().map(|b| b.decision.len()).sum::<usize>()
        + case
            .positions
            .iter()
            .map(|p| p.paragraphs.len())
            .sum::<usize>()
}

#[test]
fn generated_cases_load_cleanly() {
    for seed in [1, 42] {
        for index in 0..12 {
            let (src, paragraphs) = generate_case_counted(seed, index);
            let case = match parse_case(&src, "gen.toml", "gen") {
                Ok(case) => case,
                Err(problems) => panic!(
                    "seed {seed} case {index}:\n{}",
                    problems
                        .iter()
                        .map(ToString::to_string)
                        .collect::<Vec<_>>()
                        .join("\n")
                ),
            };
            assert!(
                (8..=14).contains(&case.bodies.len()),
                "{}",
                case.bodies.len()
            );
            assert_eq!(case.parties.len(), 8);
            assert_eq!(loaded_paragraphs(&case), paragraphs);
            assert!(
                case.positions
                    .iter()
                    .any(|p| p.stance == Stance::Reservation)
            );
        }
    }
}

#[test]
fn paragraph_lengths_are_realistic() {
    let case = parse_case(&generate_case(9, 0), "gen.toml", "gen").unwrap();
    let lens: Vec<usize> = case
        .positions
        .iter()
        .flat_map(|p| p.paragraphs.iter().map(|s| s.chars().count()))
        .collect();
    let mean = lens.iter().sum::<usize>() / lens.len();
    assert!((300..=700).contains(&mean), "mean paragraph length {mean}");
}

#[test]
fn reservations_of_a_party_are_near_duplicates() {
    // Across a few cases, some party's reservations in two bodies share most words.
    let mut found = false;
    for index in 0..5 {
        let case = parse_case(&generate_case(5, index), "gen.toml", "gen").unwrap();
        let res: Vec<_> = case
            .positions
            .iter()
            .filter(|p| p.stance == Stance::Reservation && !p.paragraphs.is_empty())
            .collect();
        for (i, a) in res.iter().enumerate() {
            for b in &res[i + 1..] {
                if a.parties == b.parties && a.body != b.body {
                    let wa: HashSet<&str> =
                        a.paragraphs.iter().flat_map(|p| p.split(' ')).collect();
                    let wb: HashSet<&str> =
                        b.paragraphs.iter().flat_map(|p| p.split(' ')).collect();
                    let shared = wa.intersection(&wb).count();
                    let all = wa.union(&wb).count();
                    found |= a.paragraphs != b.paragraphs && shared * 10 >= all * 7;
                }
            }
        }
    }
    assert!(found, "no near-duplicate reservations found");
}

#[test]
fn some_reservations_are_reused_across_cases() {
    // A party line appears, varied, in more than one case.
    let texts: Vec<HashSet<String>> = (0..60)
        .map(|i| {
            let case = parse_case(&generate_case(2026, i), "gen.toml", "gen").unwrap();
            case.positions
                .iter()
                .flat_map(|p| p.paragraphs.iter().cloned())
                .collect()
        })
        .collect();
    let shared = (0..texts.len())
        .flat_map(|i| (i + 1..texts.len()).map(move |j| (i, j)))
        .filter(|&(i, j)| texts[i].intersection(&texts[j]).next().is_some())
        .count();
    assert!(shared > 0, "no paragraph shared between cases");
}

#[test]
fn corpus_is_written() {
    let dir = tempfile::tempdir().unwrap();
    let stats = write_corpus(dir.path(), 3, 11).unwrap();
    assert_eq!(stats.files, 3);
    let ws = remiss::model::load_path(dir.path()).unwrap();
    assert!(ws.problems.is_empty(), "{:?}", ws.problems);
    assert_eq!(ws.cases.len(), 3);
    assert_eq!(
        ws.cases.iter().map(loaded_paragraphs).sum::<usize>(),
        stats.paragraphs
    );
    let bytes: u64 = (0..3)
        .map(|i| {
            std::fs::metadata(dir.path().join(case_file_name(i)))
                .unwrap()
                .len()
        })
        .sum();
    assert_eq!(bytes, stats.bytes);
}

#[test]
fn near_copies_vary_about_the_asked_share_of_words() {
    let dir = tempfile::tempdir().unwrap();
    let stats = remiss_corpus::write_near_copies(dir.path(), 3, 7, 6).unwrap();
    let ws = remiss::model::load_path(dir.path()).unwrap();
    assert!(ws.problems.is_empty(), "{:?}", ws.problems);
    assert_eq!(
        ws.cases.iter().map(loaded_paragraphs).sum::<usize>(),
        stats.paragraphs
    );
    let original = remiss::model::load_bundled();
    let words = |c: &remiss::model::Case| -> Vec<String> {
        c.positions
            .iter()
            .flat_map(|p| p.paragraphs.iter())
            .flat_map(|p| p.split_whitespace().map(str::to_string).collect::<Vec<_>>())
            .collect()
    };
    let base = words(&original);
    for (i, case) in ws.cases.iter().enumerate() {
        assert_eq!(case.id, format!("kopia-{i:04}"));
        assert_eq!(case.positions.len(), original.positions.len());
        let mine = words(case);
        assert_eq!(mine.len(), base.len());
        let changed = mine.iter().zip(&base).filter(|(a, b)| a != b).count();
        let share = changed as f64 / base.len() as f64;
        assert!((0.03..0.09).contains(&share), "{share}");
        // Texts identical in the bundled case stay identical within a copy.
        let text = |id: &str| {
            case.positions[case.position_index(id).unwrap()]
                .paragraphs
                .clone()
        };
        assert_eq!(
            text("socialnamnden/reservation/M"),
            text("sodermalm/reservation/M")
        );
        assert_ne!(
            text("socialnamnden/reservation/M"),
            original.positions[original
                .position_index("socialnamnden/reservation/M")
                .unwrap()]
            .paragraphs
        );
    }
    assert!(ws.cases[1].date > ws.cases[0].date);
    assert_ne!(ws.cases[1].dnr, ws.cases[0].dnr);
}
