//! `remiss review`: the facts an import inferred are listed, uncertain first, and confirmed or
//! corrected in the case file itself, through the real binary; the file then still loads and
//! only the lines of the change differ.

use crate::cmd::{output, remiss_in};
use remiss::model::{Review, load_file};

/// A statement with one uncertain stance (an opinion with no conclusion), an M reservation, and
/// a statement of a kind the importer does not know (unplaced).
const STATEMENT: &str = include_str!("../fixtures/evidence/parkbankar.txt");

fn imported() -> (tempfile::TempDir, std::path::PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("parkbankar.txt"), STATEMENT).unwrap();
    let (code, _, stderr) =
        output(remiss_in(dir.path()).args(["import", "parkbankar.txt", "-o", "parkbankar.toml"]));
    assert_eq!(code, 0, "{stderr}");
    assert!(
        stderr.contains("parkbankar.txt:11: uncertain: socialnamnden/reject#stance = reject"),
        "{stderr}"
    );
    assert!(
        stderr.contains(
            "parkbankar.txt:19: warning: \"Yttrande av Lena Berg (L)\" opens a statement"
        ),
        "{stderr}"
    );
    let path = dir.path().join("parkbankar.toml");
    (dir, path)
}

fn review(dir: &std::path::Path, args: &[&str]) -> (i32, String, String) {
    let mut cmd = remiss_in(dir);
    cmd.arg("review").arg("parkbankar.toml").args(args);
    output(&mut cmd)
}

/// Lines of `new` not in `old` and of `old` not in `new` (as multisets).
fn differing(old: &str, new: &str) -> (Vec<String>, Vec<String>) {
    let mut gone: Vec<String> = old.lines().map(str::to_string).collect();
    let mut came = Vec::new();
    for line in new.lines() {
        match gone.iter().position(|l| l == line) {
            Some(k) => {
                gone.remove(k);
            }
            None => came.push(line.to_string()),
        }
    }
    (gone, came)
}

#[test]
fn list_confirm_correct_and_assign() {
    let (dir, path) = imported();
    let dir = dir.path();
    let (code, list, _) = review(dir, &["--list"]);
    assert_eq!(code, 0);
    let first: Vec<&str> = list.lines().take(3).collect();
    assert_eq!(
        first,
        [
            "uncertain  socialnamnden/reject#stance  reject",
            "             decision.adopts_opinion · line 7 · \"Socialnämnden godkänner tjänsteutlåtandet som svar på remissen.\"",
            "             opinion.no_conclusion · line 11 · \"Förvaltningen bedömer att befintliga bänkar räcker.\"",
        ],
        "{list}"
    );
    assert!(
        list.contains("\ninferred   trafiknamnden/reject#stance  reject\n"),
        "{list}"
    );
    assert!(
        list.contains(
            "unplaced   unplaced-1#1  Unplaced text, lines 19–20: \"Yttrande av Lena Berg (L)\""
        ),
        "{list}"
    );

    // Confirm the uncertain stance: the review line of each of its two readings changes.
    let before = std::fs::read_to_string(&path).unwrap();
    let (code, _, stderr) = review(dir, &["--confirm", "socialnamnden/reject#stance"]);
    assert_eq!(code, 0, "{stderr}");
    assert_eq!(stderr, "confirmed socialnamnden/reject#stance\n");
    let after = std::fs::read_to_string(&path).unwrap();
    assert_eq!(
        differing(&before, &after),
        (
            vec![
                "review = \"uncertain\"".to_string(),
                "review = \"inferred\"".to_string()
            ],
            vec!["review = \"confirmed\"".to_string(); 2]
        )
    );
    let case = load_file(&path).unwrap();
    let p = case.position_index("socialnamnden/reject").unwrap();
    assert_eq!(case.positions[p].review(), Some(Review::Confirmed));

    // Trafiknämnden approved after all: another stance, the id follows.
    let (code, _, stderr) = review(dir, &["--stance", "trafiknamnden/reject", "approve"]);
    assert_eq!(code, 0, "{stderr}");
    assert_eq!(
        stderr,
        "trafiknamnden/reject: approve (position id trafiknamnden/reject → trafiknamnden/approve)\n"
    );
    let case = load_file(&path).unwrap();
    assert!(case.position_index("trafiknamnden/approve").is_some());

    // The reservation was Liberalerna's: a party change, L declared.
    let (code, _, stderr) = review(dir, &["--party", "socialnamnden/reservation/M", "M", "L"]);
    assert_eq!(code, 0, "{stderr}");
    let case = load_file(&path).unwrap();
    assert!(case.position_index("socialnamnden/reservation/L").is_some());
    assert!(case.party("L").is_some());

    // The unplaced statement's text goes to the reservation, its header too; the section goes.
    let before = std::fs::read_to_string(&path).unwrap();
    let (code, _, stderr) = review(
        dir,
        &["--assign", "unplaced-1#2", "socialnamnden/reservation/L"],
    );
    assert_eq!(code, 0, "{stderr}");
    let (code, _, stderr) = review(dir, &["--assign", "unplaced-1#1", "decision:socialnamnden"]);
    assert_eq!(code, 0, "{stderr}");
    let after = std::fs::read_to_string(&path).unwrap();
    let (gone, came) = differing(&before, &after);
    assert!(gone.iter().any(|l| l == "[[case.sections]]"), "{gone:#?}");
    assert!(
        came.iter().all(|l| l.contains("Liberalerna")
            || l.contains("Yttrande")
            || l.contains("Moderaterna")
            || l.contains("Socialnämnden godkänner")
            || l.starts_with("text = ")
            || l.starts_with("decision = ")
            || l.is_empty()
            || l == "\"\"\""),
        "{came:#?}"
    );
    let case = load_file(&path).unwrap();
    assert!(remiss::review::unplaced(&case).is_empty());
    let res = &case.positions[case.position_index("socialnamnden/reservation/L").unwrap()];
    assert_eq!(
        res.paragraphs,
        [
            "Moderaterna vill ha fler bänkar.",
            "Liberalerna vill att frågan utreds vidare."
        ]
    );
    // `remiss check` agrees.
    let (code, _, _) = output(remiss_in(dir).args(["check", "parkbankar.toml"]));
    assert_eq!(code, 0);
}

#[test]
fn mistakes_leave_the_file_as_it_was() {
    let (dir, path) = imported();
    let dir = dir.path();
    let before = std::fs::read_to_string(&path).unwrap();
    // No such fact: a usage error naming it.
    let (code, _, stderr) = review(dir, &["--confirm", "socialnamnden/approve#stance"]);
    assert_eq!(code, 2);
    assert!(
        stderr.contains("error: no position `socialnamnden/approve` in the file"),
        "{stderr}"
    );
    // A stance the position cannot take: the loader's problem, and nothing written.
    let (code, _, stderr) = review(
        dir,
        &["--stance", "socialnamnden/reservation/M", "no_answer"],
    );
    assert_eq!(code, 1);
    assert!(
        stderr.contains("does not load; the file is unchanged"),
        "{stderr}"
    );
    assert!(
        stderr.contains("a `no_answer` position has no text or signatories"),
        "{stderr}"
    );
    let (code, _, stderr) = review(dir, &["--stance", "socialnamnden/reject", "maybe"]);
    assert_eq!(code, 2);
    assert!(stderr.contains("unknown stance `maybe`"), "{stderr}");
    let (code, _, _) = review(dir, &["--assign", "unplaced-1#0", "decision:socialnamnden"]);
    assert_eq!(code, 2);
    assert_eq!(std::fs::read_to_string(&path).unwrap(), before);
    // A hand-written case with no inferred facts has nothing to review.
    let (code, out, _) = output(remiss_in(dir).args([
        "--lang",
        "sv",
        "review",
        concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/tests/fixtures/valid/bygglov.toml"
        ),
    ]));
    assert_eq!(code, 0);
    assert_eq!(
        out,
        "inget att granska: inget faktum i filen är härlett och obekräftat\n"
    );
}
