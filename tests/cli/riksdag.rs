//! Riksdag committee reports (issue 11): the two real reports import from every form (the
//! dokumentstatus JSON, the HTML, PDF-like text) with every reservation and special statement
//! at its point with its parties; the shipped cases are verbatim and their matrices pinned.

use crate::riksdag_accuracy::{self as acc, FORMS, REPORTS};

#[test]
fn every_form_of_both_reports_finds_every_reservation_and_statement() {
    let mut failures = Vec::new();
    for name in REPORTS {
        for form in FORMS {
            let (r, s) = acc::measure(name, form);
            eprintln!(
                "{name} {:10} reservations {r:?} statements {s:?}",
                form.name()
            );
            if r.recall() < 0.95 || r.precision() < 0.98 || s.recall() < 0.90 {
                failures.push(format!("{name} {}: {r:?} {s:?}", form.name()));
            }
            if r.wrong_party > 0 || s.wrong_party > 0 {
                failures.push(format!(
                    "{name} {}: a wrong party: {r:?} {s:?}",
                    form.name()
                ));
            }
        }
    }
    assert!(failures.is_empty(), "{failures:#?}");
}

/// The two reports shipped in `cases/`: the import of their JSON, reviewed (every inferred fact
/// confirmed); their points × parties matrices are the hand-checked ones; their texts are
/// verbatim.
mod shipped {
    use super::acc;
    use remiss::model::{Case, Review, Stance, load_file};
    use std::path::Path;

    const SHIPPED: &[(&str, &str)] = &[
        ("GE01AU1", "cases/riksdag-1990-91-au1.toml"),
        ("GP01BOU1", "cases/riksdag-2001-02-bou1.toml"),
    ];

    fn shipped(path: &str) -> Case {
        load_file(&Path::new(env!("CARGO_MANIFEST_DIR")).join(path)).unwrap()
    }

    #[test]
    fn the_shipped_cases_are_their_reviewed_imports() {
        for (name, path) in SHIPPED {
            let mut doc = acc::document(name, acc::Form::Json);
            doc.name = format!("{name}.dokumentstatus.json");
            let mut imported = acc::import_case(&doc).1;
            imported = imported.replace("review = \"inferred\"", "review = \"confirmed\"");
            let file =
                std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join(path)).unwrap();
            // The file's head says it was reviewed; the rest is the import as it stands.
            let body = |t: &str| {
                t.lines()
                    .skip_while(|l| l.starts_with('#'))
                    .collect::<Vec<_>>()
                    .join("\n")
            };
            assert!(
                body(&file) == body(&imported),
                "{path} differs from the import of {name}"
            );
            let case = shipped(path);
            assert!(
                case.positions
                    .iter()
                    .all(|p| p.review().is_none_or(|r| r == Review::Confirmed))
            );
        }
    }

    #[test]
    fn the_shipped_matrices_are_the_hand_checked_ones() {
        for (name, path) in SHIPPED {
            let case = shipped(path);
            let exp = acc::expected(name);
            for (stance, expected) in [
                (Stance::Reservation, &exp.reservations),
                (Stance::SpecialStatement, &exp.statements),
            ] {
                let found = acc::found(&case, stance);
                let s = acc::score(expected, &found);
                assert_eq!(
                    (s.correct, s.found, s.wrong_party),
                    (expected.len(), expected.len(), 0),
                    "{path} {stance:?}"
                );
                for (e, f) in expected.iter().zip(&found) {
                    assert_eq!(e.reasons_only, f.reasons_only, "{path} {e:?}");
                }
            }
            // Every reservation and statement is in the points matrix at its point, under each
            // of its parties.
            let m = case.point_matrix();
            for (k, p) in case.positions.iter().enumerate() {
                for &pt in &p.points {
                    let row = m.rows.iter().find(|r| r.point == Some(pt)).unwrap();
                    for party in &p.parties {
                        let col = m.parties.iter().position(|x| x == party).unwrap();
                        assert!(row.cells[col].marks.iter().any(|mk| mk.position == k));
                    }
                }
            }
        }
    }

    /// The letters, digits and punctuation of a text without white space and hyphens: a word
    /// hyphenated at a line end of the report's layout ("räntebidrags-" / "anslaget") is one
    /// word in the case.
    fn squash(s: &str) -> String {
        s.chars()
            .filter(|c| !c.is_whitespace() && *c != '-' && *c != '\u{ad}')
            .collect()
    }

    /// Every text of the case occurs, word for word, in the report: its HTML as laid out, or
    /// the metadata beside it (the chamber's decision, the title).
    #[test]
    fn the_shipped_texts_are_verbatim() {
        for (name, path) in SHIPPED {
            let json = acc::fixture(&format!("{name}.dokumentstatus.json"));
            let meta = remiss::import::riksdag::parse_dokumentstatus(&json).unwrap();
            let (laid, _) = acc::laid_text(&json);
            let source = squash(&format!(
                "{laid} {} {}",
                meta.chamber_decision.clone().unwrap_or_default(),
                meta.title.clone().unwrap_or_default()
            ));
            let case = shipped(path);
            let mut texts: Vec<(String, String)> = Vec::new();
            for s in &case.sections {
                for p in &s.paragraphs {
                    texts.push((format!("section {}", s.id), p.clone()));
                }
            }
            for pt in &case.points {
                texts.push((format!("point {} title", pt.id), pt.title.clone()));
                for p in pt.proposal.iter().chain(&pt.decision) {
                    texts.push((format!("point {}", pt.id), p.clone()));
                }
            }
            for p in &case.positions {
                for t in p.paragraphs.iter().chain(&p.proposals) {
                    texts.push((p.id.clone(), t.clone()));
                }
                texts.push((format!("{} byline", p.id), case.byline(p)));
            }
            assert!(texts.len() > 100, "{path}: {} texts", texts.len());
            let missing: Vec<String> = texts
                .iter()
                .filter(|(_, t)| !source.contains(&squash(t)))
                .map(|(w, t)| format!("{w}: {t}"))
                .collect();
            assert!(
                missing.is_empty(),
                "{path}: not in the source:\n{}",
                missing.join("\n")
            );
        }
    }
}

/// A report in the newer HTML of the open data (a Word export): a table of contents that lists
/// every reservation, the references under each point, headings marked by their paragraph
/// classes with the number in a table cell beside them. Invented content in that layout.
#[test]
fn a_report_in_the_newer_html_layout() {
    let row = |class: &str, n: u32, text: &str| {
        format!(
            "<table><tr><td><p>{n}.</p></td><td><p class=\"{class}\"><a name=\"_Toc{n}\">{text}</a></p></td></tr></table>"
        )
    };
    let mut html = String::from(
        "<div class=\"Section1\"><p class=\"Dokumentbeteckning\">2019/20:KrU7</p>\
         <p class=\"DokumentRubrik\">Fritidsfrågor</p>\
         <p class=\"Rubrik1Dokumentinformation\">Kulturutskottets betänkande</p>\
         <p class=\"Innehllsfrteckning\">Innehållsförteckning</p>\
         <p class=\"TOC1\">Utskottets förslag till riksdagsbeslut 3</p>\
         <p class=\"TOC1\">Reservationer 9</p>\
         <p class=\"TOC2\">1. Idrottens villkor, punkt 1 (M) 9</p>\
         <p class=\"TOC2\">2. Idrottens villkor, punkt 1 (SD) 9</p>\
         <p class=\"TOC2\">3. Friluftslivet, punkt 2 (V, C) 10</p>\
         <p class=\"TOC1\">Särskilt yttrande 11</p>\
         <p class=\"TOC2\">Friluftslivet, punkt 2 (L) 11</p>\
         <p class=\"R1\">Utskottets förslag till riksdagsbeslut</p>",
    );
    html.push_str(
        "<table><tr><td><p>1.</p></td><td><p class=\"R2\">Idrottens villkor</p></td></tr></table>",
    );
    html.push_str("<p>Riksdagen avslår motionerna 2019/20:101 av Anna Ek (M) och 2019/20:102 av Bo Al (SD).</p>");
    html.push_str("<p class=\"Reservationshnvisning\">Reservation 1 (M)</p>");
    html.push_str("<p class=\"Reservationshnvisning\">Reservation 2 (SD)</p>");
    html.push_str(
        "<table><tr><td><p>2.</p></td><td><p class=\"R2\">Friluftslivet</p></td></tr></table>",
    );
    html.push_str("<p>Riksdagen avslår motion 2019/20:103 av Cia Berg m.fl. (V).</p>");
    html.push_str("<p class=\"Reservationshnvisning\">Reservation 3 (V, C)</p>");
    html.push_str("<p class=\"OrtochDatum\">Stockholm den 12 november 2019</p>");
    html.push_str("<p class=\"R1\">Reservationer</p><p>Utskottets förslag till riksdagsbeslut och ställningstaganden har föranlett följande reservationer.</p>");
    for (n, heading, byline, text) in [
        (
            1,
            "Idrottens villkor, punkt 1 (M)",
            "av Anna Ek (M) och Dan Dahl (M).",
            "Idrotten behöver bättre villkor.",
        ),
        (
            2,
            "Idrottens villkor, punkt 1 (SD)",
            "av Bo Al (SD).",
            "Föreningarna ska få mer stöd.",
        ),
        (
            3,
            "Friluftslivet, punkt 2 (V, C)",
            "av Cia Berg (V) och Eva Lund (C).",
            "Allemansrätten ska värnas.",
        ),
    ] {
        html.push_str(&row("Reservationsrubrik", n, heading));
        html.push_str(&format!("<p class=\"Normalutanluftfre\">{byline}</p>"));
        html.push_str("<p class=\"R4\">Förslag till riksdagsbeslut</p>");
        html.push_str(&format!("<p>Vi anser att förslaget under punkt {n} borde ha följande lydelse:</p><p>Riksdagen ställer sig bakom det som anförs i reservationen.</p>"));
        html.push_str(&format!(
            "<p class=\"R4\">Ställningstagande</p><p>{text}</p>"
        ));
    }
    html.push_str("<p class=\"R1\">Särskilt yttrande</p>");
    html.push_str("<p class=\"Srskiltyttranderubrik\">Friluftslivet, punkt 2 (L)</p>");
    html.push_str("<p class=\"Normalutanluftfre\">Fia Ström (L) anför:</p><p>Liberalerna vill se en friluftsstrategi.</p>");
    html.push_str("</div>");
    let docs = [remiss::import::Document {
        name: "kru7.html".into(),
        text: html,
    }];
    let out = remiss::import::import(&docs, &Default::default(), remiss::i18n::Lang::En).unwrap();
    let case = remiss::model::parse_case(&out.cases[0].toml, "t", "t")
        .unwrap_or_else(|p| panic!("{p:#?}\n{}", out.cases[0].toml));
    assert_eq!(case.dnr, "2019/20:KrU7");
    assert_eq!(case.bodies[0].name, "Kulturutskottet");
    assert_eq!(case.points.len(), 2);
    let found = acc::found(&case, remiss::model::Stance::Reservation);
    let want: Vec<(Option<u32>, Option<&str>, Vec<&str>)> = vec![
        (Some(1), Some("1"), vec!["M"]),
        (Some(2), Some("1"), vec!["SD"]),
        (Some(3), Some("2"), vec!["V", "C"]),
    ];
    let got: Vec<(Option<u32>, Option<&str>, Vec<&str>)> = found
        .iter()
        .map(|e| {
            (
                e.number,
                e.points.first().map(String::as_str),
                e.parties.iter().map(String::as_str).collect(),
            )
        })
        .collect();
    assert_eq!(got, want, "the contents list is no second copy");
    let st = acc::found(&case, remiss::model::Stance::SpecialStatement);
    assert_eq!(st.len(), 1);
    assert_eq!(
        (st[0].points.clone(), st[0].parties.clone()),
        (vec!["2".to_string()], vec!["L".to_string()])
    );
    assert!(
        out.files[0].warnings.is_empty(),
        "{:?}",
        out.files[0].warnings
    );
}

/// An invented older report as a PDF copy gives it, with every fault of the kind at once:
/// lower-case party codes, a contents list that repeats every reservation's heading (a summary,
/// not a second copy), running heads ("RESERVATIONER 2007/08:TU9") between pages, headings glued
/// to their byline ("1.Hamntillsyn, punkt 1 (s) av …") and to their text
/// ("StällningstagandeVi anser …"), a word split with a soft hyphen, a motivreservation, and a
/// reservation on a point the list of points lacks, which is kept on that point but marked
/// uncertain with its heading as evidence. Run through the binary as a user would.
#[test]
fn an_older_pdf_copy_with_the_faults_of_its_kind() {
    let text = "Trafikutskottets betänkande\n2007/08:TU9\n\nTillsyn över hamnar och lotsning\n\n\
        Sammanfattning\nI betänkandet behandlar utskottet tre motioner om hamnar och lotsning.\n\
        I betänkandet finns fyra reservationer och ett särskilt yttrande.\n\n\
        Innehåll\nSammanfattning ........................................ 1\n\
        Utskottets förslag till riksdagsbeslut ................ 2\n\
        Reservationer ......................................... 4\n\
        1. Hamntillsyn, punkt 1 (s) ........................... 4\n\
        2. Lotsning, punkt 2 (v, mp) .......................... 4\n\
        3. Avgifter, punkt 3 motiveringen (c) ................. 5\n\
        4. Farleder, punkt 4 (m) .............................. 5\n\
        Särskilt yttrande ..................................... 5\n\
        Hamnarnas säkerhet, punkt 1 (kd) ...................... 5\n\n\
        Utskottets förslag till riksdagsbeslut\n1. Hamntillsyn\n\
        Riksdagen avslår motion 2007/08:T1 av Anna Ek m.fl. (s).\nReservation 1 (s)\n\
        2. Lotsning\nRiksdagen avslår motionerna 2007/08:T2 av Bo Al (v) och 2007/08:T3 av Cia Berg (mp).\n\
        Reservation 2 (v, mp)\n3. Avgifter\nRiksdagen avslår motion 2007/08:T4 av Dan Ek (c).\n\
        Reservation 3 (c) - motiv.\n\nStockholm den 4 mars 2008\nPå trafikutskottets vägnar\nEva Lund\n\n\
        Utskottets överväganden\nHamntillsyn\nUtskottet anser att tillsynen över hamnarna fungerar väl. \
        Motionen avstyrks.\n\u{c}\nRESERVATIONER 2007/08:TU9\nLotsning\n\
        Utskottet anser att lotsningen är en fråga för Sjöfartsverket. Motionerna avstyrks.\n\n\
        Reservationer\n1.Hamntillsyn, punkt 1 (s) av Anna Ek (s) och Per Holm (s).\n\
        Förslag till riksdagsbeslut\nRiksdagen bifaller motion 2007/08:T1.\n\
        StällningstagandeVi anser att tillsynen över hamnarna måste skärpas och att regeringen bör åter\u{ad}\n\
        komma med förslag.\n2.Lotsning, punkt 2 (v, mp) av Bo Al (v) och Cia Berg (mp).\n\
        Förslag till riksdagsbeslut\nRiksdagen bifaller motionerna 2007/08:T2 och 2007/08:T3.\n\
        Ställningstagande\nVi anser att lotsningen ska vara avgiftsfri för mindre fartyg.\n\u{c}\n\
        2007/08:TU9 RESERVATIONER\n3.Avgifter, punkt 3 motiveringen (c) av Dan Ek (c).\n\
        Ställningstagande\nJag delar utskottets förslag men anser att avgifterna bör ses över.\n\
        4.Farleder, punkt 4 (m) av Eva Holm (m).\nStällningstagande\nFarlederna behöver muddras.\n\n\
        Särskilt yttrande\nHamnarnas säkerhet, punkt 1 (kd)\nGun Ström (kd) anför:\n\
        Vi vill framhålla vikten av säkerhet i hamnarna.\n";
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("tu9.txt");
    std::fs::write(&path, text).unwrap();
    let run = crate::cmd::remiss()
        .args(["--lang", "en", "import"])
        .arg(&path)
        .output()
        .unwrap();
    assert_eq!(run.status.code(), Some(0), "{run:?}");
    let stderr = String::from_utf8_lossy(&run.stderr);
    assert!(
        stderr.contains("read as a Riksdag committee report (betänkande), 2007/08:TU9: 4 point(s), 4 reservation(s), 1 special statement(s)"),
        "{stderr}"
    );
    assert!(
        stderr.contains("reservation 4 names point 4, which the list of points lacks"),
        "{stderr}"
    );
    let toml = String::from_utf8(run.stdout).unwrap();
    let case =
        remiss::model::parse_case(&toml, "tu9.toml", "t").unwrap_or_else(|p| panic!("{p:#?}"));
    assert_eq!(case.dnr, "2007/08:TU9");
    assert_eq!(case.title, "Tillsyn över hamnar och lotsning");
    let got = |stance| {
        acc::found(&case, stance)
            .into_iter()
            .map(|e| (e.number, e.points, e.parties, e.reasons_only, e.uncertain))
            .collect::<Vec<_>>()
    };
    let s = |v: &[&str]| v.iter().map(|x| x.to_string()).collect::<Vec<_>>();
    assert_eq!(
        got(remiss::model::Stance::Reservation),
        [
            (Some(1), s(&["1"]), s(&["S"]), false, false),
            (Some(2), s(&["2"]), s(&["V", "MP"]), false, false),
            (Some(3), s(&["3"]), s(&["C"]), true, false),
            (Some(4), s(&["4"]), s(&["M"]), false, true),
        ],
        "{toml}"
    );
    assert_eq!(
        got(remiss::model::Stance::SpecialStatement),
        [(None, s(&["1"]), s(&["KD"]), false, false)]
    );
    // The uncertain point says why, with the heading it comes from.
    let res4 = case.positions.iter().find(|p| p.number == Some(4)).unwrap();
    let ev = res4
        .evidence
        .iter()
        .find(|e| e.fact == remiss::model::Fact::Point)
        .unwrap();
    assert_eq!(ev.sentence, "4.Farleder, punkt 4 (m)");
    assert!(
        ev.note
            .as_deref()
            .is_some_and(|n| n.contains("not in the list of points"))
    );
    // Texts: the soft hyphen joined, the glued heading apart, no running head left in them.
    let res1 = case.positions.iter().find(|p| p.number == Some(1)).unwrap();
    let t1 = res1.paragraphs.join("\n");
    assert!(t1.starts_with("Vi anser att tillsynen"), "{t1}");
    assert!(t1.contains("regeringen bör återkomma med förslag"), "{t1}");
    assert!(!toml.contains("RESERVATIONER 2007/08:TU9"), "{toml}");
    assert!(!toml.contains('\u{ad}'));
}
