//! Municipal protocols (issue 11): protocol extracts of three invented municipalities' layouts
//! import to their reviewed case files; an extract with yrkanden, a vote and a reservation gives
//! the right point, counts and positions; the extracts of one motion from three bodies make one
//! case; the binary says what it read.

use crate::cmd::remiss;
use remiss::i18n::Lang;
use remiss::import::{Document, Options, import};
use remiss::model::{Case, Choice, Stance, VoteMethod, parse_case};
use std::path::PathBuf;

fn dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/protocol")
}

fn doc(name: &str) -> Document {
    Document {
        name: format!("{name}.txt"),
        text: std::fs::read_to_string(dir().join(format!("{name}.txt"))).unwrap(),
    }
}

fn import_one(names: &[&str], paragraph: Option<u32>) -> (String, Case) {
    let docs: Vec<Document> = names.iter().map(|n| doc(n)).collect();
    let out = import(
        &docs,
        &Options {
            force: false,
            paragraph,
        },
        Lang::En,
    )
    .unwrap();
    assert_eq!(out.cases.len(), 1);
    let toml = out.cases[0].toml.clone();
    let case = parse_case(&toml, "t.toml", "t").unwrap_or_else(|p| panic!("{p:#?}\n{toml}"));
    (toml, case)
}

/// Every fixture imports to its reviewed case file (`NAME.expected.toml`; for several
/// documents, `bussresor.expected.toml`). `UPDATE_EXPECTED=1` rewrites them, to be reviewed.
#[test]
fn fixtures_import_to_their_reviewed_case_files() {
    let sets: &[(&str, &[&str], Option<u32>)] = &[
        ("bussresor_kfn", &["bussresor_kfn"], None),
        ("bussresor_ks", &["bussresor_ks"], None),
        ("bussresor_kf", &["bussresor_kf"], None),
        ("norrvik_ks-62", &["norrvik_ks"], Some(62)),
        ("norrvik_ks-63", &["norrvik_ks"], Some(63)),
        ("sjobacka_sn", &["sjobacka_sn"], None),
        ("hagersten_sdn", &["hagersten_sdn"], None),
        ("vastbo_kfn", &["vastbo_kfn"], None),
        ("lindvik_mhn", &["lindvik_mhn"], None),
        (
            "bussresor",
            &["bussresor_ks", "bussresor_kf", "bussresor_kfn"],
            None,
        ),
    ];
    let mut differ = Vec::new();
    for (expected, names, paragraph) in sets {
        let (toml, _) = import_one(names, *paragraph);
        let path = dir().join(format!("{expected}.expected.toml"));
        if std::env::var_os("UPDATE_EXPECTED").is_some() {
            std::fs::write(&path, &toml).unwrap();
            continue;
        }
        let want = std::fs::read_to_string(&path).unwrap_or_default();
        if want != toml {
            differ.push(format!("{expected}:\n{toml}"));
        }
    }
    assert!(differ.is_empty(), "{}", differ.join("\n\n"));
}

#[test]
fn an_extract_with_yrkanden_a_vote_and_a_reservation() {
    let (_, case) = import_one(&["bussresor_ks"], None);
    assert_eq!(case.dnr, "KS 2025/412");
    assert_eq!(case.bodies.len(), 1);
    assert_eq!(case.bodies[0].name, "Kommunstyrelsen");
    assert_eq!(
        case.bodies[0]
            .meeting_date
            .map(|d| d.to_string())
            .as_deref(),
        Some("2026-03-11")
    );
    assert_eq!(case.points.len(), 1);
    let pt = &case.points[0];
    assert_eq!(pt.id, "145");
    let movers: Vec<(&str, Option<&str>)> = pt
        .moves
        .iter()
        .map(|m| (m.name.as_str(), m.party.as_deref()))
        .collect();
    assert_eq!(
        movers,
        [
            ("Lena Holm", Some("S")),
            ("Karin Ek", Some("M")),
            ("Anna Bergström", Some("V")),
            ("Per Nyström", Some("MP")),
        ]
    );
    assert_eq!(pt.moves[2].text, "bifall till motionen");
    assert!(pt.propositions[0].starts_with("Ordföranden ställer först"));
    let vote = pt.vote.as_ref().unwrap();
    assert_eq!(vote.method, VoteMethod::Vote);
    assert_eq!(
        (vote.tally.yes, vote.tally.no, vote.tally.abstain),
        (Some(9), Some(2), Some(2))
    );
    assert_eq!(vote.yes_for.as_deref(), Some("ordförandens yrkande"));
    assert_eq!(vote.no_for.as_deref(), Some("Anna Bergströms (V) yrkande"));
    assert_eq!(vote.winner(), Some(Choice::Yes));
    assert_eq!(vote.members.len(), 13);
    let bergstrom = vote
        .members
        .iter()
        .find(|m| m.name == "Anna Bergström")
        .unwrap();
    assert_eq!(
        (bergstrom.party.as_deref(), bergstrom.choice),
        (Some("V"), Choice::No)
    );
    let lund = vote
        .members
        .iter()
        .find(|m| m.name == "Hanna Lund")
        .unwrap();
    assert_eq!(lund.choice, Choice::Abstain);
    // Positions: the board's decision on the motion, the V reservation for its own yrkande,
    // MP's special statement, SD's protocol note; each on the point.
    let got: Vec<(Stance, Vec<&str>)> = case
        .positions
        .iter()
        .map(|p| (p.stance, p.parties.iter().map(String::as_str).collect()))
        .collect();
    assert_eq!(
        got,
        [
            (Stance::Reject, vec![]),
            (Stance::Reservation, vec!["V"]),
            (Stance::SpecialStatement, vec!["MP"]),
            (Stance::ProtocolNote, vec!["SD"]),
        ]
    );
    assert!(case.positions.iter().all(|p| p.points == [0]));
    let reservation = &case.positions[1];
    assert_eq!(reservation.signatories.len(), 2);
    assert_eq!(reservation.proposals, ["bifall till motionen"]);
    // The points matrix: V reserved and voted no, on the losing side; S and M won.
    let m = case.point_matrix();
    let v = m.parties.iter().position(|p| p == "V").unwrap();
    let s = m.parties.iter().position(|p| p == "S").unwrap();
    assert_eq!(m.rows[0].cells[v].marks[0].stance, Stance::Reservation);
    assert_eq!(m.rows[0].cells[v].vote.unwrap().won, Some(false));
    assert_eq!(m.rows[0].cells[s].vote.unwrap().won, Some(true));
}

#[test]
fn three_bodies_extracts_of_one_motion_make_one_case() {
    let (_, case) = import_one(&["bussresor_kf", "bussresor_kfn", "bussresor_ks"], None);
    assert_eq!(case.dnr, "KS 2025/412");
    assert_eq!(
        case.title,
        "Motion av Anna Bergström (V) om avgiftsfria bussresor för unga"
    );
    let bodies: Vec<&str> = case.bodies.iter().map(|b| b.name.as_str()).collect();
    assert_eq!(
        bodies,
        [
            "Kultur- och fritidsnämnden",
            "Kommunstyrelsen",
            "Kommunfullmäktige"
        ],
        "in meeting order"
    );
    let points: Vec<&str> = case.points.iter().map(|p| p.id.as_str()).collect();
    assert_eq!(
        points,
        [
            "kultur-och-fritidsnamnden-34",
            "kommunstyrelsen-145",
            "kommunfullmaktige-88"
        ]
    );
    // Each body rejected the motion; V reserved in all three.
    for b in 0..3 {
        assert_eq!(case.cell(b, Stance::Reject).len(), 1);
        let res = case.cell(b, Stance::Reservation);
        assert_eq!(res.len(), 1);
        assert_eq!(case.positions[res[0]].parties, ["V"]);
    }
    let kf = case.points[2].vote.as_ref().unwrap();
    assert_eq!(
        (kf.tally.yes, kf.tally.no, kf.tally.abstain, kf.tally.absent),
        (Some(45), Some(8), Some(6), Some(2))
    );
    assert_eq!(
        case.points[0].vote.as_ref().unwrap().method,
        VoteMethod::Acclamation
    );
}

/// The first body's meeting date, and each position's stance and parties, in order.
fn date_and_positions(case: &Case) -> (Option<String>, Vec<(Stance, Vec<String>)>) {
    let date = case.bodies[0].meeting_date.map(|d| d.to_string());
    let got = case
        .positions
        .iter()
        .map(|p| (p.stance, p.parties.clone()))
        .collect();
    (date, got)
}

/// Stockholm's protocol form: the body in the genitive in the head ("fört vid Hägerstens
/// stadsdelsnämnds sammanträde"), the dnr under the title, and statements opened on a line of
/// their own inside the § ("Reservation anfördes av …", "Särskilt uttalande gjordes av …",
/// "Ersättaryttrande anfördes av …"): each its own position, none read into the decision.
#[test]
fn a_stockholm_district_protocol_with_statements_opened_inline() {
    let (_, case) = import_one(&["hagersten_sdn"], None);
    assert_eq!(case.dnr, "Hä 2026/52");
    assert_eq!(
        case.title,
        "Svar på remiss av motion om fler utegym i Hägersten"
    );
    assert_eq!(case.bodies[0].name, "Hägerstens stadsdelsnämnd");
    let (date, got) = date_and_positions(&case);
    assert_eq!(date.as_deref(), Some("2026-04-16"));
    let v = |xs: &[&str]| xs.iter().map(|x| x.to_string()).collect::<Vec<_>>();
    assert_eq!(
        got,
        [
            // The decision adopts an opinion the protocol does not hold; the reservation's
            // "borde ha tillstyrkt motionen" is M's, not the body's.
            (Stance::Unknown, v(&[])),
            (Stance::Reservation, v(&["M"])),
            (Stance::SpecialStatement, v(&["S", "V"])),
            (Stance::SubstituteStatement, v(&["MP"])),
        ]
    );
    assert_eq!(
        case.positions[0].review(),
        Some(remiss::model::Review::Uncertain)
    );
    assert!(
        !case.positions[1]
            .paragraphs
            .join(" ")
            .contains("Vi ser fram emot")
    );
}

/// A committee's answer that is only a decision is a case (no yrkanden, no vote): a stance in
/// other words ("tillstyrker motionen i delar"), a date written "12/3 2026" (12 March), a dnr
/// of the municipality's own shape, a local party's code kept as written with a warning, and a
/// substitute's statement under "Ersättaryttrande"; a body that "lämnar ärendet utan eget
/// yttrande" does not answer.
#[test]
fn decisions_only_other_words_dates_dnrs_and_local_parties() {
    let (_, case) = import_one(&["vastbo_kfn"], None);
    assert_eq!(case.dnr, "Kfn 2026/15");
    let (date, got) = date_and_positions(&case);
    assert_eq!(date.as_deref(), Some("2026-03-12"));
    let v = |xs: &[&str]| xs.iter().map(|x| x.to_string()).collect::<Vec<_>>();
    assert_eq!(
        got,
        [
            (Stance::ApproveInPart, v(&[])),
            (Stance::Reservation, v(&["SJVP"])),
            (Stance::SubstituteStatement, v(&["MP"])),
        ]
    );
    let run = crate::cmd::remiss()
        .args([
            "--lang",
            "en",
            "import",
            "tests/fixtures/protocol/vastbo_kfn.txt",
        ])
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&run.stderr);
    assert!(stderr.contains("unknown party code SJVP"), "{stderr}");

    let (_, case) = import_one(&["lindvik_mhn"], None);
    assert_eq!(case.dnr, "MHN/2026:9");
    assert_eq!(case.positions.len(), 1);
    assert_eq!(case.positions[0].stance, Stance::NoAnswer);
    assert!(case.positions[0].paragraphs.is_empty());
}

#[test]
fn a_decision_that_does_not_settle_the_stance_is_unknown_and_uncertain() {
    let (_, case) = import_one(&["sjobacka_sn"], None);
    let decision = &case.positions[0];
    assert_eq!(decision.stance, Stance::Unknown);
    assert_eq!(
        decision.review(),
        Some(remiss::model::Review::Uncertain),
        "{decision:?}"
    );
    // Members listed in a table with a party column.
    let vote = case.points[0].vote.as_ref().unwrap();
    assert_eq!(vote.members.len(), 11);
    let nord = vote.members.iter().find(|m| m.name == "Olle Nord").unwrap();
    assert_eq!(
        (nord.party.as_deref(), nord.choice),
        (Some("M"), Choice::Abstain)
    );
    // "Moderaterna genom Olle Nord (M)": the statement is Olle Nord's, for M.
    let st = case
        .positions
        .iter()
        .find(|p| p.stance == Stance::SpecialStatement)
        .unwrap();
    assert_eq!(st.signatories[0].name, "Olle Nord");
    assert_eq!(st.parties, ["M"]);
}

#[test]
fn the_binary_imports_protocols_one_case_per_paragraph() {
    let path = "tests/fixtures/protocol/norrvik_ks.txt";
    // Two §§ with positions: refused to standard output, one file each into a folder.
    let run = remiss().args(["import", path]).output().unwrap();
    assert_eq!(run.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&run.stderr);
    assert!(
        stderr.contains(
            "read as a municipal protocol or protocol extract, Kommunstyrelsen, § 62, § 63"
        ),
        "{stderr}"
    );
    assert!(stderr.contains("(§ 62, § 63)"), "{stderr}");
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("cases");
    let run = remiss()
        .args(["import", path, "-o"])
        .arg(&out)
        .output()
        .unwrap();
    assert_eq!(run.status.code(), Some(0), "{run:?}");
    let check = remiss().arg("check").arg(&out).output().unwrap();
    assert_eq!(String::from_utf8_lossy(&check.stdout), "2 case(s) valid\n");
    // --paragraph picks one; a § that does not exist is an error.
    let run = remiss()
        .args(["import", path, "--paragraph", "63"])
        .output()
        .unwrap();
    assert_eq!(run.status.code(), Some(0));
    assert!(String::from_utf8_lossy(&run.stdout).contains("stance = \"protocol_note\""));
    let run = remiss()
        .args(["import", path, "--paragraph", "99"])
        .output()
        .unwrap();
    assert_eq!(run.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&run.stderr).contains("the protocol has no § 99"));
    // Several extracts of different matters are refused.
    let run = remiss()
        .args([
            "import",
            "tests/fixtures/protocol/bussresor_ks.txt",
            "tests/fixtures/protocol/sjobacka_sn.txt",
        ])
        .output()
        .unwrap();
    assert_eq!(run.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&run.stderr).contains("of one matter"));
}

/// The protocol and report importers never panic, and whatever they write loads: protocols and
/// a report mutated (lines deleted, duplicated, moved, replaced by the structure's own marker
/// lines or by garbage, the text cut short). `PROPTEST_CASES=5000` for a longer run.
mod fuzz {
    use proptest::prelude::*;
    use remiss::i18n::Lang;
    use remiss::import::{Document, Options, import};
    use remiss::model::parse_case;

    const MARKERS: &[&str] = &[
        "§ 12",
        "SN § 23    SN 2025/118",
        "Beslut",
        "Yrkanden",
        "Anna Ek (S) yrkar bifall till motionen.",
        "Propositionsordning",
        "Votering",
        "Med 9 ja-röster mot 2 nej-röster, 2 avstår",
        "Ledamot   Ja   Nej   Avstår",
        "Bo Al (M)        X",
        "Ja: Bo Al (M), Cia Berg (S)",
        "Reservation",
        "Anna Ek (S) reserverar sig mot beslutet till förmån för eget yrkande.",
        "Särskilt yttrande",
        "Protokollsanteckning",
        "Justerandes sign",
        "Reservationer",
        "Särskilda yttranden",
        "1. Titel (punkt 2)",
        "av Anna Ek (m) och Bo Al (-).",
        "Anna Ek och Bo Al (båda fp) anser",
        "Cia Berg (kd) anför:",
        "Reservation 4 (m, -) - motiv.",
        "Förslag till riksdagsbeslut",
        "Ställningstagande",
        "Utskottets förslag till riksdagsbeslut",
        "Utskottet hemställer",
        "RESERVATIONER 2013/14:FöU11",
        "( ) (m (- ,",
        "\u{1b}[2J\u{202e}\u{ad}",
    ];

    fn sources() -> Vec<String> {
        let dir = std::path::PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures");
        let mut out: Vec<String> = ["bussresor_ks", "norrvik_ks", "sjobacka_sn"]
            .iter()
            .map(|n| std::fs::read_to_string(dir.join(format!("protocol/{n}.txt"))).unwrap())
            .collect();
        let json =
            std::fs::read_to_string(dir.join("riksdag/GE01AU1.dokumentstatus.json")).unwrap();
        out.push(
            remiss::import::html::lay_out(
                &remiss::import::riksdag::parse_dokumentstatus(&json)
                    .unwrap()
                    .html,
            )
            .text,
        );
        out
    }

    #[derive(Debug, Clone)]
    enum Op {
        Delete(usize, usize),
        Duplicate(usize),
        Move(usize, usize),
        Marker(usize, usize),
        Garbage(usize, String),
        Truncate(usize),
    }

    fn op() -> impl Strategy<Value = Op> {
        prop_oneof![
            (any::<usize>(), 1usize..20).prop_map(|(a, n)| Op::Delete(a, n)),
            any::<usize>().prop_map(Op::Duplicate),
            (any::<usize>(), any::<usize>()).prop_map(|(a, b)| Op::Move(a, b)),
            (any::<usize>(), 0..MARKERS.len()).prop_map(|(a, m)| Op::Marker(a, m)),
            (any::<usize>(), ".{0,40}").prop_map(|(a, s)| Op::Garbage(a, s)),
            any::<usize>().prop_map(Op::Truncate),
        ]
    }

    fn apply(text: &str, ops: &[Op]) -> String {
        let mut lines: Vec<String> = text.lines().map(str::to_string).collect();
        for op in ops {
            if lines.is_empty() {
                break;
            }
            let n = lines.len();
            match op {
                Op::Delete(a, k) => {
                    let a = a % n;
                    lines.drain(a..(a + k).min(n));
                }
                Op::Duplicate(a) => lines.insert(a % n, lines[a % n].clone()),
                Op::Move(a, b) => {
                    let l = lines.remove(a % n);
                    lines.insert(b % n, l);
                }
                Op::Marker(a, m) => lines.insert(a % n, MARKERS[*m].to_string()),
                Op::Garbage(a, s) => lines.insert(a % n, s.clone()),
                Op::Truncate(a) => lines.truncate(a % n),
            }
        }
        lines.join("\n")
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(
            std::env::var("PROPTEST_CASES").ok().and_then(|v| v.parse().ok()).unwrap_or(24)
        ))]

        #[test]
        fn mutated_protocols_and_reports_import_or_are_refused(
            which in 0usize..4,
            ops in proptest::collection::vec(op(), 1..8),
            force in any::<bool>(),
        ) {
            let text = apply(&sources()[which], &ops);
            let docs = [Document { name: "fuzz.txt".into(), text }];
            let opts = Options { force, paragraph: None };
            if let Ok(out) = import(&docs, &opts, Lang::En) {
                for c in &out.cases {
                    prop_assert!(parse_case(&c.toml, "t", "t").is_ok(), "{}", c.toml);
                }
            }
        }
    }
}

/// Of several extracts, each warning is reported with the document whose line it names.
#[test]
fn warnings_of_several_extracts_name_their_own_document() {
    let ks = doc("bussresor_ks");
    let mut kf = doc("bussresor_kf");
    kf.text = kf.text.replace("Dnr KS 2025/412\n", "\n");
    let out = import(&[ks, kf], &Options::default(), Lang::En).unwrap();
    assert_eq!(out.files.len(), 2);
    let no_dnr = |k: usize| {
        out.files[k]
            .warnings
            .iter()
            .any(|w| w.kind == remiss::import::WarningKind::NoDnr)
    };
    assert!(!no_dnr(0), "{:?}", out.files[0].warnings);
    assert!(no_dnr(1), "{:?}", out.files[1].warnings);
    // Matched by the motion's title; the dnr is the one that remains.
    let case = parse_case(&out.cases[0].toml, "t", "t").unwrap();
    assert_eq!(case.dnr, "KS 2025/412");
    assert_eq!(case.bodies.len(), 2);
}

/// The extract with yrkanden, a vote and a reservation, as a user imports it and asks for the
/// points × parties matrix: the binary writes the case file, and the matrix gives the vote's
/// counts, each party's side and whether it won, and who reserved or filed a statement.
#[test]
fn the_binary_imports_an_extract_to_its_points_votes_and_positions() {
    let dir = tempfile::tempdir().unwrap();
    let case = dir.path().join("ks.toml");
    let run = remiss()
        .args([
            "--lang",
            "en",
            "import",
            "tests/fixtures/protocol/bussresor_ks.txt",
            "-o",
        ])
        .arg(&case)
        .output()
        .unwrap();
    assert_eq!(run.status.code(), Some(0), "{run:?}");
    assert!(
        String::from_utf8_lossy(&run.stderr)
            .contains("read as a municipal protocol or protocol extract, Kommunstyrelsen, § 145"),
        "{run:?}"
    );
    let run = remiss()
        .arg("matrix")
        .arg(&case)
        .args(["--by", "point", "--format", "json"])
        .output()
        .unwrap();
    assert_eq!(run.status.code(), Some(0), "{run:?}");
    let v: serde_json::Value = serde_json::from_slice(&run.stdout).unwrap();
    let c = &v["cases"][0];
    let vote = &c["points"][0]["vote"];
    assert_eq!(
        (&vote["method"], &vote["yes"], &vote["no"], &vote["abstain"]),
        (
            &serde_json::json!("vote"),
            &serde_json::json!(9),
            &serde_json::json!(2),
            &serde_json::json!(2)
        )
    );
    let row = &c["point_matrix"]["rows"][0];
    assert_eq!(row["point"], "145");
    assert_eq!(row["winner"], "yes");
    let cell = |party: &str| {
        row["cells"]
            .as_array()
            .unwrap()
            .iter()
            .find(|x| x["party"] == party)
            .unwrap()
            .clone()
    };
    let stances = |party: &str| -> Vec<String> {
        cell(party)["positions"]
            .as_array()
            .unwrap()
            .iter()
            .map(|p| p["stance"].as_str().unwrap().to_string())
            .collect()
    };
    assert_eq!(stances("V"), ["reservation"]);
    assert_eq!(stances("MP"), ["special_statement"]);
    assert_eq!(stances("SD"), ["protocol_note"]);
    assert!(stances("S").is_empty());
    assert_eq!(
        (&cell("V")["vote"]["side"], &cell("V")["vote"]["won"]),
        (&serde_json::json!("no"), &serde_json::json!(false))
    );
    assert_eq!(
        (&cell("S")["vote"]["side"], &cell("S")["vote"]["won"]),
        (&serde_json::json!("yes"), &serde_json::json!(true))
    );
    assert_eq!(cell("MP")["vote"]["side"], "abstain");
}
