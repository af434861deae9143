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

#[test]
#[ignore]
fn debug_forms() {
    let name = std::env::var("R").unwrap_or("GE01AU1".into());
    let form = match std::env::var("F").as_deref() {
        Ok("copied") => acc::Form::Copied,
        _ => acc::Form::PdfText,
    };
    let doc = acc::document(&name, form);
    std::fs::write("/tmp/derived.txt", &doc.text).unwrap();
    let (case, toml) = acc::import_case(&doc);
    std::fs::write("/tmp/derived.toml", &toml).unwrap();
    let exp = acc::expected(&name);
    for f in acc::found(&case, remiss::model::Stance::Reservation) {
        let e = exp.reservations.iter().find(|e| e.number == f.number);
        if e.map(|e| {
            (&e.point, {
                let mut p = e.parties.clone();
                p.sort();
                p
            })
        }) != Some((&f.point, {
            let mut p = f.parties.clone();
            p.sort();
            p
        })) {
            eprintln!("found {f:?}\nexpected {e:?}");
        }
    }
}
