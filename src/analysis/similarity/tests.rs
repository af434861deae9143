use super::*;
use crate::model::{load_bundled, parse_case};

fn bundled() -> (Vec<Case>, Similarity) {
    let cases = vec![load_bundled()];
    let sim = Similarity::build(&cases, &Options::default());
    (cases, sim)
}

fn at(cases: &[Case], id: &str) -> PosRef {
    let position = cases[0].position_index(id).unwrap();
    PosRef { case: 0, position }
}

#[test]
fn the_standard_m_text_is_one_family_with_skarholmen_as_a_variant() {
    let (cases, sim) = bundled();
    let soc = at(&cases, "socialnamnden/reservation/M");
    let hv = at(&cases, "hasselby-vallingby/reservation/M");
    let sod = at(&cases, "sodermalm/reservation/M");
    let ska = at(&cases, "skarholmen/reservation/M");
    for (a, b) in [(soc, hv), (soc, sod), (hv, sod)] {
        let r = sim.relation(a, b).unwrap();
        assert_eq!((r.label, r.a_in_b, r.b_in_a), (Label::Identical, 1.0, 1.0));
    }
    let r = sim.relation(ska, soc).unwrap();
    assert_eq!(r.label, Label::NearIdentical, "{r:?}");
    assert!(r.a_in_b < 0.85 && r.b_in_a > r.a_in_b, "{r:?}");
    let mark = sim.family_of(soc).unwrap();
    assert_eq!(mark.to_string(), "A");
    for p in [hv, sod] {
        assert_eq!(sim.family_of(p), Some(mark.clone()));
    }
    assert_eq!(sim.family_of(ska).unwrap().to_string(), "A′");
    let fam = &sim.families()[mark.family];
    assert_eq!(fam.base, soc);
    let members: Vec<PosRef> = fam.members.iter().map(|m| m.position).collect();
    let mut expected = vec![soc, hv, sod, ska];
    expected.sort();
    assert_eq!(members, expected);
}

#[test]
fn the_composite_is_traced_to_both_sources_and_kommunstyrelsen_is_identical_to_it() {
    let (cases, sim) = bundled();
    let br = at(&cases, "borgarradsberedningen/reservation/M");
    let ks = at(&cases, "kommunstyrelsen/reservation/M");
    let traf = at(&cases, "trafiknamnden/reservation/M");
    let soc = at(&cases, "socialnamnden/reservation/M");
    assert_eq!(sim.relation(ks, br).unwrap().label, Label::Identical);
    assert_eq!(sim.family_of(ks).unwrap().to_string(), "B");
    assert_eq!(sim.family_of(br).unwrap().to_string(), "B");
    assert_eq!(sim.relation(br, traf).unwrap().label, Label::Partial);
    assert_eq!(sim.relation(br, soc).unwrap().label, Label::Partial);
    assert_eq!(sim.family_of(traf), None);
    let passages = sim.passages(br);
    let sources: Vec<PosRef> = passages
        .iter()
        .flat_map(|p| p.sources.iter().map(|s| s.0))
        .collect();
    assert!(sources.contains(&traf), "{passages:?}");
    assert!(sources.contains(&soc), "{passages:?}");
    // Paragraph 2 ("När hälften av invånarna …") comes from the M family.
    let p1 = passages.iter().find(|p| p.paragraph == 1).unwrap();
    assert!(p1.sources.iter().any(|s| s.0 == soc && s.1 == 0), "{p1:?}");
}

#[test]
fn the_majority_statement_is_related_to_none() {
    let (cases, sim) = bundled();
    let st = at(&cases, "skarholmen/special_statement/S+V+MP");
    assert!(sim.contains(st));
    assert_eq!(sim.relatives(st), vec![]);
    assert_eq!(sim.family_of(st), None);
    assert_eq!(sim.passages(st), vec![]);
}

#[test]
fn relations_are_symmetric_and_sorted_best_first() {
    let (_, sim) = bundled();
    for a in sim.positions() {
        let rel = sim.relatives(a);
        for w in rel.windows(2) {
            assert!(w[0].label.rank() <= w[1].label.rank());
        }
        for r in rel {
            let back = sim.relation(r.other, a).unwrap();
            assert_eq!(back.label, r.label.flip());
            assert_eq!((back.a_in_b, back.b_in_a), (r.b_in_a, r.a_in_b));
            assert_eq!(sim.compare(a, r.other), Some(r));
        }
    }
}

#[test]
fn decisions_and_positions_without_text_are_skipped() {
    let (cases, sim) = bundled();
    let reject = at(&cases, "socialnamnden/reject");
    assert!(!sim.contains(reject));
    assert_eq!(sim.family_of(reject), None);
    let concurs = at(&cases, "sodermalm/substitute_statement/KD");
    assert!(!sim.contains(concurs));
    let with = Similarity::build(
        &cases,
        &Options {
            include_decisions: true,
            ..Options::default()
        },
    );
    assert!(with.contains(reject));
    // Out of range is no panic.
    assert!(
        sim.relatives(PosRef {
            case: 9,
            position: 0
        })
        .is_empty()
    );
}

#[test]
fn labels_follow_the_scores() {
    let o = Options::default();
    assert_eq!(o.label(0.9, 0.8), Label::NearIdentical);
    assert_eq!(o.label(0.3, 0.95), Label::Incorporates);
    assert_eq!(o.label(0.95, 0.3), Label::IncorporatedBy);
    assert_eq!(o.label(0.3, 0.2), Label::Partial);
    assert_eq!(o.label(0.05, 0.0), Label::Unrelated);
}

#[test]
fn reuse_across_cases_is_found() {
    let a = load_bundled();
    // A second case whose body list differs: a district's own name is not a change.
    let src = crate::model::BUNDLED_CASE
        .replace("id = \"trygghetskiosker\"", "id = \"kopia\"")
        .replace("Skärholmens stadsdelsnämnd", "Farsta stadsdelsnämnd")
        .replace(
            "Skärholmens stadsdelsförvaltning",
            "Farsta stadsdelsförvaltning",
        )
        .replace("Skärholmens invånare", "Farstas invånare")
        .replace("I Skärholmens stadsdelsområde", "I Farstas stadsdelsområde")
        .replace("skärholmsborna", "farstaborna");
    let b = parse_case(&src, "kopia.toml", "kopia").unwrap();
    let cases = vec![a, b];
    let sim = Similarity::build(&cases, &Options::default());
    let ska = PosRef {
        case: 0,
        position: cases[0].position_index("skarholmen/reservation/M").unwrap(),
    };
    let r = sim
        .relatives(ska)
        .into_iter()
        .find(|r| r.other.case == 1 && r.other.position == ska.position)
        .unwrap();
    // Only the station list differs: "Skärholmen" is a body in the first case (a
    // placeholder) and a plain word in the second.
    assert_eq!(r.label, Label::NearIdentical, "{r:?}");
    assert!(r.a_in_b > 0.95 && r.b_in_a > 0.95, "{r:?}");
    assert_eq!(
        sim.family_of(ska).map(|m| m.family),
        sim.family_of(r.other).map(|m| m.family)
    );
    // The two Socialnämnden reservations are identical across the cases.
    let soc = cases[0]
        .position_index("socialnamnden/reservation/M")
        .unwrap();
    let r = sim
        .relation(
            PosRef {
                case: 0,
                position: soc,
            },
            PosRef {
                case: 1,
                position: soc,
            },
        )
        .unwrap();
    assert_eq!(r.label, Label::Identical);
}

proptest::proptest! {
    #![proptest_config(proptest::prelude::ProptestConfig::with_cases(48))]

    /// Any text in a reservation: building and every query never panic, and relations stay
    /// symmetric.
    #[test]
    fn any_text_never_panics(
        paragraphs in proptest::collection::vec("[a-då ,.;0-9\u{301}\u{202e}-]{0,60}", 0..4),
    ) {
        let mut case = load_bundled();
        let i = case.position_index("socialnamnden/reservation/M").unwrap();
        case.positions[i].paragraphs = paragraphs;
        let cases = vec![case];
        let sim = Similarity::build(&cases, &Options::default());
        for a in sim.positions() {
            let _ = sim.family_of(a);
            let _ = sim.passages(a);
            for r in sim.relatives(a) {
                proptest::prop_assert_eq!(sim.relation(r.other, a).map(|b| b.label), Some(r.label.flip()));
            }
        }
    }
}

/// `n` near copies of the bundled case (6% of words varied), parsed.
fn near_copies(n: usize) -> Vec<Case> {
    (0..n)
        .map(|i| {
            let src = remiss_corpus::near_copy(2026, i, 6);
            parse_case(&src, "copy.toml", "copy").unwrap()
        })
        .collect()
}

/// The bundled case with the Socialnämnden reservation's first paragraph replaced.
fn with_reservation(id: &str, first: &str) -> Case {
    let mut case = load_bundled();
    case.id = id.to_string();
    let i = case.position_index("socialnamnden/reservation/M").unwrap();
    case.positions[i].paragraphs[0] = first.to_string();
    case
}

const AMOUNT_2026: &str = "Vi föreslår att nämnden avsätter 10 000 kr till trygghetskiosker \
    under 2026 och att förvaltningen återkommer med en plan för hur kioskerna ska bemannas.";
const AMOUNT_2028: &str = "Vi föreslår att nämnden avsätter 250 000 kr till trygghetskiosker \
    under 2028 och att förvaltningen återkommer med en plan för hur kioskerna ska bemannas.";

#[test]
fn texts_that_differ_only_in_an_amount_and_a_year_are_variants_not_identical() {
    let cases = vec![
        with_reservation("a", AMOUNT_2026),
        with_reservation("b", AMOUNT_2028),
    ];
    let sim = Similarity::build(&cases, &Options::default());
    let i = cases[0]
        .position_index("socialnamnden/reservation/M")
        .unwrap();
    let (a, b) = (
        PosRef {
            case: 0,
            position: i,
        },
        PosRef {
            case: 1,
            position: i,
        },
    );
    assert!(!sim.identical(a, b));
    let r = sim.compare(a, b).unwrap();
    assert_eq!(r.label, Label::NearIdentical, "{r:?}");
    assert!(r.a_in_b < 1.0 && r.b_in_a < 1.0, "{r:?}");
    // One family; one of them the base (A), the other a variant (A′).
    let (ma, mb) = (sim.family_of(a).unwrap(), sim.family_of(b).unwrap());
    assert_eq!(ma.family, mb.family);
    let marks = [ma.to_string(), mb.to_string()];
    assert!(marks.contains(&format!("{}′", ma.letter)), "{marks:?}");
    // Spacing in a number is not a change: "10 000" and "10000" are the same amount.
    let cases = vec![
        with_reservation("a", AMOUNT_2026),
        with_reservation("b", &AMOUNT_2026.replace("10 000", "10000")),
    ];
    let sim = Similarity::build(&cases, &Options::default());
    assert!(sim.identical(a, b));
    assert_eq!(
        sim.family_of(b).unwrap().to_string(),
        sim.family_of(a).unwrap().letter
    );
}

#[test]
fn the_diff_marks_the_changed_amount_and_year() {
    use crate::analysis::diff::{DiffOptions, Tag, diff_texts};
    let d = diff_texts(
        &[AMOUNT_2026.to_string()],
        &[AMOUNT_2028.to_string()],
        &DiffOptions::default(),
    );
    let changed = |tag: Tag| -> Vec<String> {
        d.rows
            .iter()
            .flat_map(|r| r.chunks.iter())
            .filter(|c| c.tag == tag)
            .map(|c| c.text.trim().to_string())
            .collect()
    };
    assert_eq!(changed(Tag::Delete), ["10", "2026"]);
    assert_eq!(changed(Tag::Insert), ["250", "2028"]);
    assert_eq!(d.stats.changes, 2);
}

#[test]
fn a_text_filed_in_many_cases_is_one_family_scored_against_its_base() {
    let n = 40;
    let cases = near_copies(n);
    let options = Options::default();
    let sim = Similarity::build(&cases, &options);
    let stats = sim.stats();
    // Per copy: the M text (Socialnämnden, Hässelby-Vällingby, Södermalm identical; Skärholmen
    // a variant), the composite (Borgarrådsberedningen = Kommunstyrelsen), Trafiknämnden's
    // reservation, and the majority's statement: four families of 4n, 2n, n and n members.
    let mut sizes: Vec<usize> = sim.families().iter().map(|f| f.members.len()).collect();
    sizes.sort_unstable();
    assert_eq!(sizes, [n, n, 2 * n, 4 * n], "{stats:?}");
    // Identical positions are one text: Soc/HV/Söd and BR/KS per copy.
    assert_eq!(stats.texts, 8 * n);
    assert_eq!(stats.distinct, 5 * n);
    // Aligned pairs stay linear: the bound of the passes.
    let per_text = 2 * options.max_relations + options.join_attempts + 1;
    assert!(
        stats.aligned <= stats.distinct * per_text + n * 10,
        "{stats:?}"
    );
    for f in sim.families() {
        let base = f.members.iter().find(|m| m.position == f.base).unwrap();
        assert_eq!(base.label, Label::Identical);
        for m in &f.members {
            // Every member's scores against the base are exact.
            let exact = sim.compare(m.position, f.base).unwrap();
            assert_eq!(
                (m.label, m.in_base, m.base_in),
                (exact.label, exact.a_in_b, exact.b_in_a)
            );
            assert_eq!(
                sim.family_of(m.position).unwrap().variant,
                !sim.identical(m.position, f.base)
            );
        }
    }
    // Relatives are capped: at most N in the family and N outside it.
    for p in sim.positions() {
        let rel = sim.relatives(p);
        let family = sim.family_of(p).map(|m| m.family);
        let inside = rel
            .iter()
            .filter(|r| family.is_some() && sim.family_of(r.other).map(|m| m.family) == family)
            .count();
        assert!(inside <= options.max_relations, "{inside}");
        assert!(rel.len() - inside <= options.max_relations);
        for r in &rel {
            assert_eq!(sim.compare(p, r.other), Some(*r));
        }
    }
    // kept_pairs: each kept pair once, first before second.
    let kept = sim.kept_pairs();
    assert!(kept.iter().all(|(a, r)| *a < r.other));
    assert!(
        kept.windows(2)
            .all(|w| (w[0].0, w[0].1.other) < (w[1].0, w[1].1.other))
    );
}

#[test]
fn a_smaller_relations_cap_keeps_fewer_relatives_and_the_same_families() {
    let cases = near_copies(12);
    let wide = Similarity::build(&cases, &Options::default());
    let narrow = Similarity::build(
        &cases,
        &Options {
            max_relations: 2,
            ..Options::default()
        },
    );
    let members = |s: &Similarity| -> Vec<Vec<PosRef>> {
        s.families()
            .iter()
            .map(|f| f.members.iter().map(|m| m.position).collect())
            .collect()
    };
    assert_eq!(members(&wide), members(&narrow));
    for p in narrow.positions() {
        assert!(narrow.relatives(p).len() <= 4);
    }
    assert!(narrow.kept_pairs().len() < wide.kept_pairs().len());
}

#[test]
fn all_pairs_streams_every_related_pair_with_exact_scores() {
    let cases = near_copies(6);
    let sim = Similarity::build(&cases, &Options::default());
    let mut streamed = Vec::new();
    sim.for_each_pair(|a, r| {
        streamed.push((a, r));
        std::ops::ControlFlow::Continue(())
    });
    let all: Vec<PosRef> = sim.positions().collect();
    let mut expected = Vec::new();
    for (i, &a) in all.iter().enumerate() {
        for &b in &all[i + 1..] {
            let r = sim.compare(a, b).unwrap();
            if r.label != Label::Unrelated {
                expected.push((a, r));
            }
        }
    }
    streamed.sort_by_key(|(a, r)| (*a, r.other));
    // Each pair once, first before second, scores exact; every near-identical pair is there.
    assert!(
        streamed
            .windows(2)
            .all(|w| (w[0].0, w[0].1.other) < (w[1].0, w[1].1.other))
    );
    for (a, r) in &streamed {
        assert!(*a < r.other);
        assert_eq!(sim.compare(*a, r.other), Some(*r));
    }
    let near = |r: &Relation| matches!(r.label, Label::Identical | Label::NearIdentical);
    let streamed_near: Vec<_> = streamed.iter().filter(|(_, r)| near(r)).collect();
    let expected_near: Vec<_> = expected.iter().filter(|(_, r)| near(r)).collect();
    assert_eq!(streamed_near, expected_near);
    assert!(streamed.len() >= sim.kept_pairs().len());
    // Stopping early stops.
    let mut seen = 0;
    sim.for_each_pair(|_, _| {
        seen += 1;
        std::ops::ControlFlow::Break(())
    });
    assert_eq!(seen, 1);
}

#[test]
fn this_text_elsewhere_lists_every_case_in_date_order_with_the_first_marked() {
    let cases = near_copies(5);
    let sim = Similarity::build(&cases, &Options::default());
    let soc = cases[2]
        .position_index("socialnamnden/reservation/M")
        .unwrap();
    let me = PosRef {
        case: 2,
        position: soc,
    };
    let e = sim.elsewhere(&cases, me, None);
    // The family of the M text is in every copy; copies are dated one day apart.
    let order: Vec<usize> = e.appearances.iter().map(|a| a.case).collect();
    assert_eq!(order, [0, 1, 2, 3, 4]);
    assert!(e.appearances[0].first);
    assert!(e.appearances[1..].iter().all(|a| !a.first));
    assert_eq!(e.others().count(), 4);
    let mine = &e.appearances[2];
    assert!(mine.this && mine.identical);
    // In its own case: Socialnämnden, Hässelby-Vällingby, Södermalm identical, Skärholmen a
    // variant.
    let identical: Vec<bool> = mine.places.iter().map(|p| p.identical).collect();
    assert_eq!(identical.iter().filter(|&&i| i).count(), 3, "{mine:?}");
    assert_eq!(mine.places.len(), 4);
    assert!(e.appearances.iter().all(|a| a.date.is_some()));
    // In the other copies, the words were varied: variants.
    assert!(e.others().all(|a| !a.identical));

    // A paragraph: the first paragraph of the M text appears in every copy (in the M family's
    // four texts and in the composite reservation, which borrowed it).
    let e = sim.elsewhere(&cases, me, Some(1));
    assert_eq!(e.appearances.len(), 5);
    let mine = e.appearances.iter().find(|a| a.this).unwrap();
    assert!(
        mine.places
            .iter()
            .any(|p| p.position == me && p.paragraph == Some(1) && p.identical)
    );
    // Out of range and not compared: nothing, never a panic.
    assert!(sim.elsewhere(&cases, me, Some(99)).appearances.is_empty());
    let reject = PosRef {
        case: 0,
        position: cases[0].position_index("socialnamnden/reject").unwrap(),
    };
    assert!(sim.elsewhere(&cases, reject, None).appearances.is_empty());
    assert!(
        sim.elsewhere(&[], me, None)
            .appearances
            .iter()
            .all(|a| a.date.is_none())
    );
    // Without the paragraph index, a paragraph query lists nothing.
    let plain = Similarity::build(
        &cases,
        &Options {
            paragraph_index: false,
            ..Options::default()
        },
    );
    assert!(plain.elsewhere(&cases, me, Some(0)).appearances.is_empty());
    assert_eq!(plain.elsewhere(&cases, me, None).appearances.len(), 5);
}

#[test]
fn the_first_appearance_is_not_marked_when_an_appearance_is_undated() {
    let mut cases = near_copies(3);
    // Copy 1 undated: its positions and bodies lose their dates.
    for p in &mut cases[1].positions {
        p.date = None;
    }
    for b in &mut cases[1].bodies {
        b.meeting_date = None;
        b.opinion_date = None;
    }
    let sim = Similarity::build(&cases, &Options::default());
    let me = PosRef {
        case: 0,
        position: cases[0]
            .position_index("socialnamnden/reservation/M")
            .unwrap(),
    };
    let e = sim.elsewhere(&cases, me, None);
    assert_eq!(e.appearances.last().unwrap().case, 1);
    assert!(e.appearances.last().unwrap().date.is_none());
    assert!(e.appearances.iter().all(|a| !a.first));
}

#[test]
fn soft_hyphens_and_zero_width_spaces_make_no_difference_to_similarity_or_diff() {
    use crate::analysis::diff::{DiffOptions, diff_texts};
    // As loaded from files: text copied from Word or the web carries invisible characters.
    let line = "Trygghet är inte bara statistik i en medborgarundersökning; det är den konkreta upplevelsen hos";
    let case = |id: &str, words: &str| {
        let src = crate::model::BUNDLED_CASE
            .replace("id = \"trygghetskiosker\"", &format!("id = \"{id}\""))
            .replace(
                line,
                &format!("Fler {words} och bättre belysning; det är den konkreta upplevelsen hos"),
            );
        parse_case(&src, &format!("{id}.toml"), id).unwrap()
    };
    let cases = vec![
        case("a", "parkbänkar"),
        case("b", "park\u{ad}bänkar"),
        case("c", "park\u{200b}bänkar\u{2060}"),
    ];
    let sim = Similarity::build(&cases, &Options::default());
    let i = cases[0]
        .position_index("socialnamnden/reservation/M")
        .unwrap();
    let at = |case: usize| PosRef { case, position: i };
    for c in [1, 2] {
        assert!(sim.identical(at(0), at(c)), "case {c}");
        assert_eq!(sim.compare(at(0), at(c)).unwrap().label, Label::Identical);
        assert_eq!(sim.family_of(at(c)).unwrap().to_string(), "A");
        let d = diff_texts(
            cases[0].text_of(i),
            cases[c].text_of(i),
            &DiffOptions::default(),
        );
        assert_eq!(d.stats.changes, 0, "case {c}: {d:?}");
    }
}

#[test]
fn all_passages_at_once_are_each_positions_passages() {
    let mut cases = near_copies(6);
    cases.push(load_bundled());
    let sim = Similarity::build(&cases, &Options::default());
    let all = sim.all_passages_outside_family();
    assert_eq!(all.len(), sim.positions().count());
    for (p, sources) in &all {
        assert_eq!(sources, &sim.passages_outside_family(*p), "{p:?}");
    }
    assert!(all.iter().any(|(_, s)| !s.is_empty()));
}
