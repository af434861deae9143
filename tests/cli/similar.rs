//! Issue 5 on the bundled case, through the library and the real binary: families of the M
//! reservations, the Skärholmen variant and its diff, the composite reservation's passages,
//! the unrelated majority statement, and the `similar` and `diff` commands.

use crate::cmd::{run, run_ok};
use remiss::analysis::diff::{DiffOptions, Side, Tag, diff_texts};
use remiss::analysis::similarity::{Label, Options, PosRef, Similarity};
use remiss::model::{Case, load_bundled};
use serde_json::Value;

fn at(case: &Case, id: &str) -> PosRef {
    PosRef {
        case: 0,
        position: case.position_index(id).unwrap(),
    }
}

#[test]
fn library_families_variant_composite_and_unrelated() {
    let cases = vec![load_bundled()];
    let sim = Similarity::build(&cases, &Options::default());
    let c = &cases[0];
    let standard = ["socialnamnden", "hasselby-vallingby", "sodermalm"]
        .map(|b| at(c, &format!("{b}/reservation/M")));
    let ska = at(c, "skarholmen/reservation/M");
    for p in &standard[1..] {
        assert_eq!(
            sim.relation(standard[0], *p).unwrap().label,
            Label::Identical
        );
    }
    assert_eq!(
        sim.relation(ska, standard[0]).unwrap().label,
        Label::NearIdentical
    );
    let marks: Vec<String> = standard
        .iter()
        .chain([&ska])
        .map(|p| sim.family_of(*p).unwrap().to_string())
        .collect();
    assert_eq!(marks, ["A", "A", "A", "A′"]);

    // Skärholmen's diff against the family's base shows the added stations.
    let base = sim.families()[sim.family_of(ska).unwrap().family].base;
    let d = diff_texts(
        c.text_of(base.position),
        c.text_of(ska.position),
        &DiffOptions::default(),
    );
    let inserted: String = d
        .rows
        .iter()
        .flat_map(|r| &r.chunks)
        .filter(|ch| ch.tag == Tag::Insert)
        .map(|ch| ch.text.as_str())
        .collect();
    assert!(
        inserted.contains("Vårberg, Skärholmen, Sätra och Bredäng"),
        "{inserted}"
    );
    assert_eq!(d.side(Side::Right), c.text_of(ska.position));
    assert!(d.stats.same_ratio > 0.7 && d.stats.same_ratio < 0.85);

    // The composite borrows from Trafiknämnden's reservation and from the Socialnämnden family.
    let br = at(c, "borgarradsberedningen/reservation/M");
    let traf = at(c, "trafiknamnden/reservation/M");
    let traced: Vec<PosRef> = sim
        .passages(br)
        .iter()
        .flat_map(|p| p.sources.iter().map(|s| s.0))
        .collect();
    assert!(traced.contains(&traf));
    assert!(standard.iter().all(|p| traced.contains(p)));

    let statement = at(c, "skarholmen/special_statement/S+V+MP");
    assert!(sim.relatives(statement).is_empty());
}

#[test]
fn similar_text_snapshot() {
    insta::assert_snapshot!("similar_text_en", run_ok(&["similar", "cases/"]));
}

#[test]
fn similar_text_swedish_snapshot() {
    insta::assert_snapshot!(
        "similar_text_sv",
        run_ok(&["--lang", "sv", "similar", "cases/"])
    );
}

#[test]
fn similar_json_has_families_relations_and_passages() {
    let v: Value =
        serde_json::from_str(&run_ok(&["similar", "cases/", "--format", "json"])).unwrap();
    let families = v["families"].as_array().unwrap();
    assert_eq!(families.len(), 2);
    let a = &families[0];
    assert_eq!(a["base"], "socialnamnden/reservation/M");
    let marks: Vec<(&str, &str)> = a["members"]
        .as_array()
        .unwrap()
        .iter()
        .map(|m| (m["id"].as_str().unwrap(), m["mark"].as_str().unwrap()))
        .collect();
    assert!(marks.contains(&("skarholmen/reservation/M", "A′")));
    assert!(marks.contains(&("sodermalm/reservation/M", "A")));
    assert!(
        v["relations"]
            .as_array()
            .unwrap()
            .iter()
            .any(|r| r["a"] == "trafiknamnden/reservation/M"
                && r["b"] == "borgarradsberedningen/reservation/M"
                && r["label"] == "partial")
    );
    let br = v["passages"]
        .as_array()
        .unwrap()
        .iter()
        .find(|p| p["id"] == "borgarradsberedningen/reservation/M")
        .unwrap();
    let sources: Vec<&str> = br["paragraphs"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|p| p["sources"].as_array().unwrap())
        .map(|s| s["id"].as_str().unwrap())
        .collect();
    assert!(sources.contains(&"trafiknamnden/reservation/M"));
    assert!(sources.contains(&"socialnamnden/reservation/M"));
    // The majority's statement is in no relation.
    let s = "skarholmen/special_statement/S+V+MP";
    assert!(!v.to_string().contains(s));
}

#[test]
fn threshold_changes_labels_and_is_checked() {
    let strict = run_ok(&[
        "similar",
        "cases/",
        "--threshold",
        "0.95",
        "--format",
        "json",
    ]);
    let v: Value = serde_json::from_str(&strict).unwrap();
    let members: Vec<&str> = v["families"][0]["members"]
        .as_array()
        .unwrap()
        .iter()
        .map(|m| m["id"].as_str().unwrap())
        .collect();
    assert!(
        !members.contains(&"skarholmen/reservation/M"),
        "{members:?}"
    );
    for bad in ["0", "1.5", "x"] {
        let (code, _, stderr) = run(&["similar", "cases/", "--threshold", bad]);
        assert_eq!(code, 2, "{bad}: {stderr}");
    }
}

#[test]
fn diff_snapshot_without_colour() {
    let out = run_ok(&[
        "diff",
        "cases/",
        "socialnamnden/reservation/M",
        "skarholmen/reservation/M",
        "--no-color",
    ]);
    assert!(out.contains(" {+I Skärholmens stadsdelsområde"), "{out}");
    assert!(out.contains("Vårberg, Skärholmen, Sätra och Bredäng"));
    assert!(!out.contains('\x1b'));
    insta::assert_snapshot!("diff_skarholmen_en", out);
}

#[test]
fn diff_piped_has_no_colour_and_markers_instead() {
    // stdout is a pipe here, so no colour even without --no-color.
    let out = run_ok(&[
        "diff",
        "cases/",
        "trygghetskiosker:borgarradsberedningen/reservation/M",
        "kommunstyrelsen/reservation/M",
    ]);
    assert!(!out.contains('\x1b'));
    assert!(
        out.contains("100% the same; 0 changes; +0 −0 words"),
        "{out}"
    );
}

#[test]
fn diff_unknown_id_lists_close_matches() {
    let (code, stdout, stderr) = run(&[
        "diff",
        "cases/",
        "socialnamden/reservation/M",
        "skarholmen/reservation/M",
    ]);
    assert_eq!(code, 2);
    assert!(stdout.is_empty());
    assert!(
        stderr.contains(
            "no position `socialnamden/reservation/M`; did you mean: socialnamnden/reservation/M"
        ),
        "{stderr}"
    );
    // User input is escaped before it reaches the terminal.
    let (_, _, stderr) = run(&["diff", "cases/", "x\u{1b}[31m", "y"]);
    assert!(!stderr.contains('\u{1b}'), "{stderr:?}");
}

#[test]
fn diff_with_two_cases_needs_a_case_id_when_ambiguous() {
    let dir = tempfile::tempdir().unwrap();
    let src = remiss::model::BUNDLED_CASE;
    std::fs::write(dir.path().join("a.toml"), src).unwrap();
    std::fs::write(
        dir.path().join("b.toml"),
        src.replace("id = \"trygghetskiosker\"", "id = \"kopia\""),
    )
    .unwrap();
    let path = dir.path().to_str().unwrap();
    let (code, _, stderr) = run(&[
        "diff",
        path,
        "socialnamnden/reservation/M",
        "kopia:socialnamnden/reservation/M",
    ]);
    assert_eq!(code, 2);
    assert!(
        stderr.contains(
            "is in several cases; name one: trygghetskiosker:socialnamnden/reservation/M, \
             kopia:socialnamnden/reservation/M"
        ),
        "{stderr}"
    );
    let out = run_ok(&[
        "diff",
        path,
        "trygghetskiosker:socialnamnden/reservation/M",
        "kopia:skarholmen/reservation/M",
    ]);
    assert!(out.starts_with("--- trygghetskiosker:socialnamnden/reservation/M"));
    // Families span the two cases.
    let v: Value = serde_json::from_str(&run_ok(&["similar", path, "--format", "json"])).unwrap();
    let a: Vec<&str> = v["families"][0]["members"]
        .as_array()
        .unwrap()
        .iter()
        .map(|m| m["id"].as_str().unwrap())
        .collect();
    assert!(a.contains(&"kopia:skarholmen/reservation/M"), "{a:?}");
    assert!(
        a.contains(&"trygghetskiosker:sodermalm/reservation/M"),
        "{a:?}"
    );
}
