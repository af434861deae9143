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
