//! The command line on the bundled case (`cases/trygghetskiosker.toml`) and the second fixture
//! case: the "done when", run against the real binary.

use crate::cmd::run_ok;
use serde_json::Value;
use unicode_width::UnicodeWidthStr;

fn matrix_json(args: &[&str]) -> Value {
    let mut all = vec!["matrix"];
    all.extend_from_slice(args);
    all.extend_from_slice(&["--format", "json"]);
    serde_json::from_str(&run_ok(&all)).unwrap()
}

/// The only case of a JSON matrix.
fn only_case(v: &Value) -> &Value {
    let cases = v["cases"].as_array().unwrap();
    assert_eq!(cases.len(), 1, "{v:#}");
    &cases[0]
}

fn bodies(case: &Value) -> &Vec<Value> {
    case["bodies"].as_array().unwrap()
}

fn body<'a>(case: &'a Value, id: &str) -> &'a Value {
    bodies(case)
        .iter()
        .find(|b| b["id"] == id)
        .unwrap_or_else(|| panic!("no body {id}"))
}

fn strings(v: &Value) -> Vec<&str> {
    v.as_array()
        .unwrap()
        .iter()
        .map(|s| s.as_str().unwrap())
        .collect()
}

/// Ids of the bodies that have a position with `stance` whose parties are exactly `parties`.
fn bodies_with(case: &Value, stance: &str, parties: &[&str]) -> Vec<String> {
    bodies(case)
        .iter()
        .filter(|b| {
            b["positions"]
                .as_array()
                .unwrap()
                .iter()
                .any(|p| p["stance"] == stance && strings(&p["parties"]) == parties)
        })
        .map(|b| b["id"].as_str().unwrap().to_string())
        .collect()
}

/// The one position of `body` with `stance`.
fn position<'a>(case: &'a Value, body_id: &str, stance: &str) -> &'a Value {
    let found: Vec<&Value> = body(case, body_id)["positions"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|p| p["stance"] == stance)
        .collect();
    assert_eq!(found.len(), 1, "{stance} in {body_id}: {found:#?}");
    found[0]
}

const SUMMARY_EN: &str = "Referred to 7; 6 answered (4 uncertain); reservations (M) in 7 \
                          bodies; special statement (S, V, MP) in 1; substitute's statement (KD) \
                          in 1";
const SUMMARY_SV: &str = "Remitterad till 7; 6 svar (4 osäkra); reservationer (M) i 7 organ; \
                          särskilt uttalande (S, V, MP) i 1; ersättaryttrande (KD) i 1";

#[test]
fn check_cases_folder_is_valid() {
    // The Stockholm statement and the two Riksdag reports.
    let stdout = run_ok(&["check", "cases/"]);
    assert_eq!(stdout, "3 case(s) valid\n");
}

#[test]
fn check_the_valid_fixtures() {
    let stdout = run_ok(&["check", "tests/fixtures/valid/"]);
    assert_eq!(stdout, "1 case(s) valid\n");
}

#[test]
fn the_nine_bodies_in_document_order() {
    let v = matrix_json(&["cases/trygghetskiosker.toml"]);
    let case = only_case(&v);
    assert_eq!(case["id"], "trygghetskiosker");
    assert_eq!(case["dnr"], "KS 2025/1121");
    let ids: Vec<&str> = bodies(case)
        .iter()
        .map(|b| b["id"].as_str().unwrap())
        .collect();
    assert_eq!(
        ids,
        [
            "stadsledningskontoret",
            "socialnamnden",
            "trafiknamnden",
            "hasselby-vallingby",
            "skarholmen",
            "sodermalm",
            "polisregion-stockholm",
            "borgarradsberedningen",
            "kommunstyrelsen",
        ]
    );
}

#[test]
fn m_reserved_in_seven_bodies() {
    let v = matrix_json(&["cases/trygghetskiosker.toml"]);
    assert_eq!(
        bodies_with(only_case(&v), "reservation", &["M"]),
        [
            "socialnamnden",
            "trafiknamnden",
            "hasselby-vallingby",
            "skarholmen",
            "sodermalm",
            "borgarradsberedningen",
            "kommunstyrelsen",
        ]
    );
    // And nobody else reserved.
    let all: usize = bodies(only_case(&v))
        .iter()
        .flat_map(|b| b["positions"].as_array().unwrap())
        .filter(|p| p["stance"] == "reservation")
        .count();
    assert_eq!(all, 7);
}

#[test]
fn special_statement_of_s_v_mp_in_skarholmen_only() {
    let v = matrix_json(&["cases/trygghetskiosker.toml"]);
    let case = only_case(&v);
    assert_eq!(
        bodies_with(case, "special_statement", &["S", "V", "MP"]),
        ["skarholmen"]
    );
    let p = position(case, "skarholmen", "special_statement");
    assert_eq!(p["id"], "skarholmen/special_statement/S+V+MP");
    assert_eq!(
        p["byline"],
        "Stephan Guiance m.fl. (S), Shamso Ali Hassan m.fl. (V) och Karmapriya Muschott m.fl. \
         (MP)"
    );
    let anywhere = bodies(case)
        .iter()
        .flat_map(|b| b["positions"].as_array().unwrap())
        .filter(|p| p["stance"] == "special_statement")
        .count();
    assert_eq!(anywhere, 1);
}

#[test]
fn kd_substitute_statement_in_sodermalm_concurs_with_m() {
    let v = matrix_json(&["cases/trygghetskiosker.toml"]);
    let case = only_case(&v);
    assert_eq!(
        bodies_with(case, "substitute_statement", &["KD"]),
        ["sodermalm"]
    );
    let p = position(case, "sodermalm", "substitute_statement");
    assert_eq!(p["concurs_with"], "sodermalm/reservation/M");
    assert_eq!(p["byline"], "Stefan Carneros (KD)");
}

#[test]
fn polisregion_did_not_answer() {
    let v = matrix_json(&["cases/trygghetskiosker.toml"]);
    let police = body(only_case(&v), "polisregion-stockholm");
    assert_eq!(police["answered"], false);
    let positions = police["positions"].as_array().unwrap();
    assert_eq!(positions.len(), 1, "{positions:#?}");
    assert_eq!(positions[0]["stance"], "no_answer");
    assert_eq!(positions[0]["id"], "polisregion-stockholm/no_answer");
}

#[test]
fn kommunstyrelsen_reservation_is_identical_to_borgarradsberedningen() {
    let v = matrix_json(&["cases/trygghetskiosker.toml"]);
    let case = only_case(&v);
    let p = position(case, "kommunstyrelsen", "reservation");
    assert_eq!(p["identical_to"], "borgarradsberedningen/reservation/M");
    assert_eq!(
        p["byline"],
        "Christofer Fjellner, Jonas Nilsson och Johan Paccamonti (alla M)"
    );
    // It has no text of its own; the one it repeats has.
    assert_eq!(p["paragraphs"], 0);
    let original = position(case, "borgarradsberedningen", "reservation");
    assert_eq!(original["paragraphs"], 6);
    assert_eq!(original["identical_to"], Value::Null);
}

#[test]
fn json_summary_in_both_languages() {
    let en = matrix_json(&["cases/trygghetskiosker.toml", "--lang", "en"]);
    assert_eq!(only_case(&en)["summary"], SUMMARY_EN);
    let sv = matrix_json(&["cases/trygghetskiosker.toml", "--lang", "sv"]);
    assert_eq!(only_case(&sv)["summary"], SUMMARY_SV);
}

/// Lines wider than `max` display columns, with their widths.
fn too_wide(text: &str, max: usize) -> Vec<(usize, &str)> {
    text.lines()
        .map(|l| (l.width(), l))
        .filter(|(w, _)| *w > max)
        .collect()
}

fn squash(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[test]
fn text_has_the_summary_in_english() {
    let text = run_ok(&["matrix", "cases/trygghetskiosker.toml", "--lang", "en"]);
    // The summary may be wrapped to the width; read it with line breaks as spaces.
    assert!(squash(&text).contains(SUMMARY_EN), "{text}");
    assert!(text.contains("Stadsledningskontoret"), "{text}");
}

#[test]
fn text_has_the_summary_in_swedish() {
    let text = run_ok(&["matrix", "cases/trygghetskiosker.toml", "--lang", "sv"]);
    assert!(squash(&text).contains(SUMMARY_SV), "{text}");
    assert!(text.contains("Organ"), "{text}");
}

#[test]
fn text_lines_fit_in_100_columns() {
    let mut wide = Vec::new();
    for lang in ["en", "sv"] {
        for by in ["stance", "party"] {
            let text = run_ok(&[
                "matrix",
                "cases/trygghetskiosker.toml",
                "--lang",
                lang,
                "--by",
                by,
            ]);
            for (w, line) in too_wide(&text, 100) {
                wide.push(format!("--lang {lang} --by {by}: {w} columns: {line}"));
            }
        }
    }
    assert!(
        wide.is_empty(),
        "lines over 100 columns:\n{}",
        wide.join("\n")
    );
}

#[test]
fn snapshot_matrix_text() {
    insta::assert_snapshot!(
        "matrix_text_en",
        run_ok(&[
            "matrix",
            "cases/trygghetskiosker.toml",
            "--lang",
            "en",
            "--format",
            "text"
        ])
    );
}

#[test]
fn snapshot_matrix_markdown() {
    insta::assert_snapshot!(
        "matrix_markdown_en",
        run_ok(&[
            "matrix",
            "cases/trygghetskiosker.toml",
            "--lang",
            "en",
            "--format",
            "markdown"
        ])
    );
}

#[test]
fn snapshot_matrix_csv() {
    insta::assert_snapshot!(
        "matrix_csv_en",
        run_ok(&[
            "matrix",
            "cases/trygghetskiosker.toml",
            "--lang",
            "en",
            "--format",
            "csv"
        ])
    );
}

#[test]
fn snapshot_matrix_by_party() {
    insta::assert_snapshot!(
        "matrix_by_party_en",
        run_ok(&[
            "matrix",
            "cases/trygghetskiosker.toml",
            "--lang",
            "en",
            "--by",
            "party"
        ])
    );
}

/// `--by point` in every format, on the two shipped Riksdag reports (issue 11).
#[test]
fn snapshot_matrix_by_point() {
    const AU1: &str = "cases/riksdag-1990-91-au1.toml";
    const BOU1: &str = "cases/riksdag-2001-02-bou1.toml";
    insta::assert_snapshot!(
        "matrix_by_point_text_en",
        run_ok(&["matrix", AU1, "--lang", "en", "--by", "point"])
    );
    insta::assert_snapshot!(
        "matrix_by_point_text_sv",
        run_ok(&["matrix", BOU1, "--lang", "sv", "--by", "point"])
    );
    insta::assert_snapshot!(
        "matrix_by_point_markdown_en",
        run_ok(&[
            "matrix", AU1, "--lang", "en", "--by", "point", "--format", "markdown"
        ])
    );
    insta::assert_snapshot!(
        "matrix_by_point_csv_en",
        run_ok(&[
            "matrix", BOU1, "--lang", "en", "--by", "point", "--format", "csv"
        ])
    );
    // JSON: the points, and the matrix cell by cell.
    let v = matrix_json(&[AU1, "--by", "point"]);
    let case = only_case(&v);
    assert_eq!(case["points"].as_array().unwrap().len(), 29);
    let m = &case["point_matrix"];
    assert_eq!(strings(&m["parties"]), ["M", "V", "MP", "FP", "C"]);
    let row = |point: &str| {
        m["rows"]
            .as_array()
            .unwrap()
            .iter()
            .find(|r| r["point"] == point)
            .unwrap()
            .clone()
    };
    let r19 = row("19");
    let numbers: Vec<(String, Value)> = r19["cells"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|c| {
            let party = c["party"].as_str().unwrap().to_string();
            c["positions"]
                .as_array()
                .unwrap()
                .iter()
                .map(move |p| (party.clone(), p["number"].clone()))
                .collect::<Vec<_>>()
        })
        .collect();
    assert_eq!(
        numbers,
        [
            ("M".to_string(), Value::from(11)),
            ("FP".to_string(), Value::from(11))
        ]
    );
    // A case without points says so, by point.
    let text = run_ok(&["matrix", "cases/trygghetskiosker.toml", "--by", "point"]);
    assert!(text.contains("(no decision points in this case)"), "{text}");
}

/// The stances of `party` in `body` from the party lens: `(stance, inferred)`.
fn party_stances(case: &Value, body_id: &str, party: &str) -> Vec<(String, bool)> {
    body(case, body_id)["parties"]
        .as_array()
        .unwrap()
        .iter()
        .find(|p| p["party"] == party)
        .unwrap_or_else(|| panic!("no party {party} in {body_id}"))["stances"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| {
            (
                s["stance"].as_str().unwrap().to_string(),
                s["inferred"].as_bool().unwrap(),
            )
        })
        .collect()
}

#[test]
fn party_lens_infers_the_majority_and_keeps_reservations() {
    let v = matrix_json(&["cases/trygghetskiosker.toml", "--by", "party"]);
    let case = only_case(&v);
    // S named in no position of socialnamnden: the majority's decision, inferred.
    assert_eq!(
        party_stances(case, "socialnamnden", "S"),
        [("reject".to_string(), true)]
    );
    // M reserved in its own name: not inferred, and no inferred decision added.
    assert_eq!(
        party_stances(case, "socialnamnden", "M"),
        [("reservation".to_string(), false)]
    );
    // In Skärholmen S has both the inferred decision and its own special statement.
    assert_eq!(
        party_stances(case, "skarholmen", "S"),
        [
            ("reject".to_string(), true),
            ("special_statement".to_string(), false)
        ]
    );
    // KD is not in the majority: only its own statement.
    assert_eq!(
        party_stances(case, "sodermalm", "KD"),
        [("substitute_statement".to_string(), false)]
    );
    assert_eq!(party_stances(case, "socialnamnden", "KD"), []);
    // An administration and a body that did not answer have no party stances.
    assert_eq!(party_stances(case, "stadsledningskontoret", "S"), []);
    assert_eq!(party_stances(case, "polisregion-stockholm", "S"), []);
    // The board "answered" the motion; the majority is inferred there too.
    assert_eq!(
        party_stances(case, "kommunstyrelsen", "MP"),
        [("answered".to_string(), true)]
    );
}

#[test]
fn party_lens_text_marks_inferred_stances() {
    let text = run_ok(&[
        "matrix",
        "cases/trygghetskiosker.toml",
        "--lang",
        "en",
        "--by",
        "party",
    ]);
    let social = text
        .lines()
        .find(|l| l.starts_with("Socialnämnd"))
        .unwrap_or_else(|| panic!("{text}"));
    let cells: Vec<&str> = social.split("  ").filter(|c| !c.is_empty()).collect();
    assert_eq!(
        cells[1..].iter().map(|c| c.trim()).collect::<Vec<_>>(),
        ["Reservation", "Reject*", "Reject*", "Reject*"],
        "{social}"
    );
}

#[test]
fn version_and_help() {
    let version = run_ok(&["--version"]);
    assert_eq!(version, format!("remiss {}\n", env!("CARGO_PKG_VERSION")));
    let help = run_ok(&["check", "--help"]);
    assert!(help.contains("Usage: remiss check"), "{help}");
    assert!(help.contains("PATHS"), "{help}");
}

#[test]
fn matrix_of_the_second_fixture_case() {
    let v = matrix_json(&["tests/fixtures/valid/"]);
    let case = only_case(&v);
    assert_eq!(case["id"], "bygglov");
    assert_eq!(case["dnr"], "KS 2025/0872");
    let ids: Vec<&str> = bodies(case)
        .iter()
        .map(|b| b["id"].as_str().unwrap())
        .collect();
    assert_eq!(
        ids,
        [
            "byggnadsnamnden",
            "miljo-och-klimatnamnden",
            "lansstyrelsen",
            "kommunstyrelsen"
        ]
    );
    assert_eq!(bodies_with(case, "approve", &[]), ["byggnadsnamnden"]);
    assert_eq!(
        bodies_with(case, "reservation", &["C", "L"]),
        ["miljo-och-klimatnamnden"]
    );
    assert_eq!(
        bodies_with(case, "reservation", &["SD"]),
        ["kommunstyrelsen"]
    );
    assert_eq!(
        bodies_with(case, "special_statement", &["S"]),
        ["byggnadsnamnden"]
    );
    let lst = body(case, "lansstyrelsen");
    assert_eq!(lst["answered"], false);
    assert_eq!(lst["positions"][0]["stance"], "no_answer");
    // Only the counts here: the stance word of the summary is the bundled case's business.
    let summary = case["summary"].as_str().unwrap();
    assert!(
        summary.starts_with("Referred to 3; 2 answered; reservation"),
        "{summary}"
    );
    assert!(summary.contains("(C, L, SD) in 1"), "{summary}");
    assert!(summary.ends_with("special statement (S) in 1"), "{summary}");
    // No majority table: nothing is inferred in the party lens.
    let by_party = matrix_json(&["tests/fixtures/valid/", "--by", "party"]);
    let inferred = bodies(only_case(&by_party))
        .iter()
        .flat_map(|b| b["parties"].as_array().unwrap())
        .flat_map(|p| p["stances"].as_array().unwrap())
        .filter(|s| s["inferred"] == true)
        .count();
    assert_eq!(inferred, 0);
    // And the text format works for it too.
    let text = run_ok(&[
        "matrix",
        "tests/fixtures/valid/bygglov.toml",
        "--lang",
        "en",
    ]);
    assert!(
        text.starts_with("KS 2025/0872 · Motion om kortare handläggningstider för bygglov\n"),
        "{text}"
    );
}

/// A folder of three cases (issue 12): the bundled case, a copy of it dated a year later
/// (the same reservations filed again), and the bygglov fixture; the same texts across them.
fn year_folder() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let root = env!("CARGO_MANIFEST_DIR");
    let bundled = remiss::model::BUNDLED_CASE;
    std::fs::write(dir.path().join("trygghetskiosker.toml"), bundled).unwrap();
    std::fs::write(
        dir.path().join("senare.toml"),
        bundled
            .replace("id = \"trygghetskiosker\"", "id = \"senare\"")
            .replace("dnr = \"KS 2025/1121\"", "dnr = \"KS 2026/0412\"")
            .replace("\ndate = 2026-04-29", "\ndate = 2027-04-29"),
    )
    .unwrap();
    std::fs::copy(
        format!("{root}/tests/fixtures/valid/bygglov.toml"),
        dir.path().join("bygglov.toml"),
    )
    .unwrap();
    dir
}

#[test]
fn matrix_by_case_in_every_format() {
    let dir = year_folder();
    let path = dir.path().to_str().unwrap();
    for (format, name) in [
        ("text", "matrix_by_case_text_en"),
        ("markdown", "matrix_by_case_markdown_en"),
        ("csv", "matrix_by_case_csv_en"),
        ("json", "matrix_by_case_json_en"),
    ] {
        let out = run_ok(&["matrix", path, "--by", "case", "--format", format]);
        insta::assert_snapshot!(name, out);
    }
    insta::assert_snapshot!(
        "matrix_by_case_text_sv",
        run_ok(&["--lang", "sv", "matrix", path, "--by", "case"])
    );
    let text = run_ok(&["matrix", path, "--by", "case"]);
    assert!(
        too_wide(&text, 100).is_empty(),
        "{:?}",
        too_wide(&text, 100)
    );
}

#[test]
fn matrix_by_case_counts_each_partys_bodies() {
    let dir = year_folder();
    let v = matrix_json(&[dir.path().to_str().unwrap(), "--by", "case"]);
    let cases = v["cases"].as_array().unwrap();
    // By date: bygglov (2026-03-18), the bundled case (2026-04-29), the later copy.
    let ids: Vec<&str> = cases.iter().map(|c| c["id"].as_str().unwrap()).collect();
    assert_eq!(ids, ["bygglov", "trygghetskiosker", "senare"]);
    let cell = |case: &Value, party: &str| -> Value {
        case["parties"]
            .as_array()
            .unwrap()
            .iter()
            .find(|p| p["party"] == party)
            .unwrap()
            .clone()
    };
    // M: reservation in 7 of 7, in both years.
    for case in &cases[1..] {
        let m = cell(case, "M");
        assert_eq!(m["bodies"], 7);
        assert_eq!(m["stances"][0]["stance"], "reservation");
        assert_eq!(m["stances"][0]["bodies"], 7);
        assert_eq!(m["stances"][0]["inferred"], 0);
        // S is inferred where the decision names no party, and says so.
        let s = cell(case, "S");
        let reject = s["stances"]
            .as_array()
            .unwrap()
            .iter()
            .find(|x| x["stance"] == "reject")
            .unwrap();
        assert_eq!(reject["inferred"], reject["bodies"]);
    }
    // M took no part in bygglov.
    assert_eq!(cell(&cases[0], "M")["bodies"], 0);
}

#[test]
fn matrix_by_case_filters_by_dates_and_search_terms() {
    let dir = year_folder();
    let path = dir.path().to_str().unwrap();
    let ids = |v: &Value| -> Vec<String> {
        v["cases"]
            .as_array()
            .unwrap()
            .iter()
            .map(|c| c["id"].as_str().unwrap().to_string())
            .collect()
    };
    let v = matrix_json(&[path, "--by", "case", "--from", "2027-01-01"]);
    assert_eq!(ids(&v), ["senare"]);
    let v = matrix_json(&[path, "--by", "case", "--to", "2026-12-31"]);
    assert_eq!(ids(&v), ["bygglov", "trygghetskiosker"]);
    let v = matrix_json(&[path, "--by", "case", "--search", "trygghetskiosk"]);
    assert_eq!(ids(&v), ["trygghetskiosker", "senare"]);
    let v = matrix_json(&[
        path,
        "--by",
        "case",
        "--search",
        "trygghetskiosk",
        "--from",
        "2027-01-01",
    ]);
    assert_eq!(ids(&v), ["senare"]);
    // The filters choose the cases of the per-case matrices too.
    let v = matrix_json(&[path, "--search", "bygglov"]);
    assert_eq!(ids(&v), ["bygglov"]);
    // Usage errors: a bad date, an unusable query.
    for args in [
        vec!["matrix", path, "--by", "case", "--from", "2026-13-01"],
        vec![
            "matrix",
            path,
            "--by",
            "case",
            "--search",
            "stance:nonsense",
        ],
    ] {
        let out = crate::cmd::remiss().args(&args).output().unwrap();
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        assert!(out.stdout.is_empty());
    }
}

#[test]
fn matrix_by_case_says_when_undated_cases_are_left_out() {
    let dir = year_folder();
    let bygglov = dir.path().join("bygglov.toml");
    let src = std::fs::read_to_string(&bygglov).unwrap();
    std::fs::write(&bygglov, src.replacen("\ndate = 2026-03-18\n", "\n", 1)).unwrap();
    let path = dir.path().to_str().unwrap();
    let out = run_ok(&["matrix", path, "--by", "case", "--from", "2000-01-01"]);
    assert!(
        out.contains("1 case(s) without a date left out of the date range."),
        "{out}"
    );
    assert!(!out.contains("bygglov"));
    let all = run_ok(&["matrix", path, "--by", "case"]);
    assert!(!all.contains("without a date"), "{all}");
    assert!(all.contains("KS 2025/0872"), "{all}");
}
