//! `remiss similar`: families of reused text, the other relations, and passage reuse, as
//! text or JSON; every pair streamed (`--all-pairs`); `remiss elsewhere`: where a text appears.

use crate::analysis::similarity::{Elsewhere, Label, ParagraphSources, PosRef, Similarity};
use crate::i18n::Lang;
use crate::model::citation::citation;
use crate::model::{Case, qualified_id};
use serde_json::{Value, json};
use std::fmt::Write as _;

/// Sources shown per paragraph in the text form (the JSON form has all).
const MAX_SOURCES: usize = 5;

fn id(cases: &[Case], p: PosRef) -> String {
    qualified_id(cases, p.case, p.position)
}

/// A label in running text.
pub fn label_text(label: Label, lang: Lang) -> &'static str {
    match label {
        Label::Identical => lang.pick("identical", "identisk"),
        Label::NearIdentical => lang.pick("near-identical", "nästan identisk"),
        Label::Incorporates => lang.pick("incorporates", "innefattar"),
        Label::IncorporatedBy => lang.pick("incorporated by", "ingår i"),
        Label::Partial => lang.pick("partial", "delvis"),
        Label::Unrelated => lang.pick("unrelated", "orelaterad"),
    }
}

/// Pairs `(a, b)`, `a < b`, that are related but not in one family, best first.
fn other_relations(sim: &Similarity) -> Vec<(PosRef, crate::analysis::similarity::Relation)> {
    let mut out = sim.kept_pairs();
    out.retain(|(a, r)| {
        let fa = sim.family_of(*a).map(|m| m.family);
        fa.is_none() || fa != sim.family_of(r.other).map(|m| m.family)
    });
    // By position, then best first.
    out.sort_by(|x, y| {
        x.0.cmp(&y.0)
            .then(x.1.label.rank().cmp(&y.1.label.rank()))
            .then((y.1.a_in_b + y.1.b_in_a).total_cmp(&(x.1.a_in_b + x.1.b_in_a)))
            .then(x.1.other.cmp(&y.1.other))
    });
    out
}

/// The text form.
pub fn to_text(cases: &[Case], sim: &Similarity, lang: Lang) -> String {
    let mut out = String::new();
    let t = sim.options().threshold;
    let families = sim.families();
    let _ = writeln!(
        out,
        "{} ({} {t:.2}; {} {})",
        lang.pick("Families of reused text", "Familjer av återanvänd text"),
        lang.pick("threshold", "tröskel"),
        sim.positions().count(),
        lang.pick("texts compared", "texter jämförda"),
    );
    if families.is_empty() {
        let _ = writeln!(out, "  {}", lang.pick("(none)", "(inga)"));
    }
    let width = sim
        .positions()
        .map(|p| id(cases, p).chars().count())
        .max()
        .unwrap_or(0);
    for f in families {
        let base = &cases[f.base.case];
        let _ = writeln!(
            out,
            "\n{}  {}: {} ({})",
            f.letter,
            lang.pick("base", "bas"),
            id(cases, f.base),
            citation(base, f.base.position)
        );
        let _ = writeln!(
            out,
            "   {:<4}{:<width$}  {:<18}{:>8}{:>9}",
            "",
            "",
            "",
            lang.pick("in base", "i basen"),
            lang.pick("base in", "basen i"),
        );
        for m in &f.members {
            let mark = sim
                .family_of(m.position)
                .map(|mk| mk.to_string())
                .unwrap_or_default();
            let label = if m.position == f.base {
                lang.pick("base", "bas")
            } else {
                label_text(m.label, lang)
            };
            let _ = writeln!(
                out,
                "   {mark:<4}{:<width$}  {label:<18}{:>8.2}{:>9.2}",
                id(cases, m.position),
                m.in_base,
                m.base_in,
            );
        }
    }

    let relations = other_relations(sim);
    let _ = writeln!(
        out,
        "\n{}",
        lang.pick(
            "Other relations (A in B, B in A)",
            "Andra samband (A i B, B i A)"
        )
    );
    if relations.is_empty() {
        let _ = writeln!(out, "  {}", lang.pick("(none)", "(inga)"));
    }
    for (a, r) in &relations {
        let _ = writeln!(
            out,
            "   {:<width$}  {:<16} {:<width$} {:>5.2} {:>5.2}",
            id(cases, *a),
            label_text(r.label, lang),
            id(cases, r.other),
            r.a_in_b,
            r.b_in_a,
        );
    }

    let _ = writeln!(
        out,
        "\n{}",
        lang.pick(
            "Passage reuse (paragraphs also found in texts outside their family)",
            "Återanvända stycken (stycken som också finns i texter utanför familjen)"
        )
    );
    let mut any = false;
    for (p, passages) in sim.all_passages_outside_family() {
        if passages.is_empty() {
            continue;
        }
        any = true;
        let _ = writeln!(out, "   {}", id(cases, p));
        for ParagraphSources { paragraph, sources } in passages {
            let shown: Vec<String> = sources
                .iter()
                .take(MAX_SOURCES)
                .map(|(o, q, score)| format!("{} ¶{} {score:.2}", id(cases, *o), q + 1))
                .collect();
            let more = sources.len().saturating_sub(MAX_SOURCES);
            let more = if more > 0 {
                match lang {
                    Lang::En => format!("; and {more} more"),
                    Lang::Sv => format!("; och {more} till"),
                }
            } else {
                String::new()
            };
            let _ = writeln!(out, "     ¶{} ← {}{more}", paragraph + 1, shown.join("; "));
        }
    }
    if !any {
        let _ = writeln!(out, "  {}", lang.pick("(none)", "(inga)"));
    }
    out
}

/// The JSON form, written as it is built (one line; a year of cases makes megabytes):
/// `{"threshold", "families":[{"letter","base","members":[{"id","mark",
/// "label","in_base","base_in"}]}], "relations":[{"a","b","label","a_in_b","b_in_a"}],
/// "passages":[{"id","paragraphs":[{"paragraph","sources":[{"id","paragraph","score"}]}]}]}`.
/// Labels are ids (`near_identical`, …); paragraph numbers count from 0. Each family lists
/// every member with its scores against the base. Relations are the kept relations
/// ([`Similarity::kept_pairs`]: per position at most `--relations N` in its family and N
/// outside it), each pair once; passages have every source outside the position's family.
pub fn write_json(
    w: &mut (impl std::io::Write + ?Sized),
    cases: &[Case],
    sim: &Similarity,
) -> std::io::Result<()> {
    let families = sim.families().iter().map(|f| {
        json!({
            "letter": f.letter,
            "base": id(cases, f.base),
            "members": f.members.iter().map(|m| json!({
                "id": id(cases, m.position),
                "mark": sim.family_of(m.position).map(|mk| mk.to_string()),
                "label": m.label.as_str(),
                "in_base": round(m.in_base),
                "base_in": round(m.base_in),
            })).collect::<Vec<_>>(),
        })
    });
    let relations = sim.kept_pairs().into_iter().map(|(a, r)| {
        json!({
            "a": id(cases, a),
            "b": id(cases, r.other),
            "label": r.label.as_str(),
            "a_in_b": round(r.a_in_b),
            "b_in_a": round(r.b_in_a),
        })
    });
    let passages = sim
        .all_passages_outside_family()
        .into_iter()
        .filter(|(_, ps)| !ps.is_empty())
        .map(|(a, ps)| {
            json!({
                "id": id(cases, a),
                "paragraphs": ps.iter().map(|p| json!({
                    "paragraph": p.paragraph,
                    "sources": p.sources.iter().map(|(o, q, s)| json!({
                        "id": id(cases, *o),
                        "paragraph": q,
                        "score": round(*s),
                    })).collect::<Vec<_>>(),
                })).collect::<Vec<_>>(),
            })
        });
    write!(w, "{{\"families\":")?;
    json_array(w, families)?;
    write!(w, ",\"passages\":")?;
    json_array(w, passages)?;
    write!(w, ",\"relations\":")?;
    json_array(w, relations)?;
    writeln!(
        w,
        ",\"threshold\":{}}}",
        json!(round(sim.options().threshold))
    )
}

/// A JSON array written one element at a time.
fn json_array(
    w: &mut (impl std::io::Write + ?Sized),
    items: impl Iterator<Item = Value>,
) -> std::io::Result<()> {
    w.write_all(b"[")?;
    for (i, item) in items.enumerate() {
        if i > 0 {
            w.write_all(b",")?;
        }
        serde_json::to_writer(&mut *w, &item)?;
    }
    w.write_all(b"]")
}

/// `remiss similar --all-pairs`: every related pair ([`Similarity::for_each_pair`]) written as
/// it is found, one per line: with `json` a JSON object `{"a","b","label","a_in_b","b_in_a"}`
/// (JSON lines), else `a`, `b`, label and the two scores separated by tabs. Stops at the
/// first write error.
pub fn write_all_pairs(
    w: &mut (impl std::io::Write + ?Sized),
    cases: &[Case],
    sim: &Similarity,
    json: bool,
) -> std::io::Result<()> {
    let mut result = Ok(());
    sim.for_each_pair(|a, r| {
        let (a, b) = (id(cases, a), id(cases, r.other));
        let written = if json {
            serde_json::to_writer(
                &mut *w,
                &json!({
                    "a": a,
                    "b": b,
                    "label": r.label.as_str(),
                    "a_in_b": round(r.a_in_b),
                    "b_in_a": round(r.b_in_a),
                }),
            )
            .map_err(std::io::Error::from)
            .and_then(|()| w.write_all(b"\n"))
        } else {
            writeln!(
                w,
                "{a}\t{b}\t{}\t{:.3}\t{:.3}",
                r.label.as_str(),
                r.a_in_b,
                r.b_in_a
            )
        };
        match written {
            Ok(()) => std::ops::ControlFlow::Continue(()),
            Err(e) => {
                result = Err(e);
                std::ops::ControlFlow::Break(())
            }
        }
    });
    result
}

/// A score rounded to three decimals, as the JSON forms give them.
fn round(x: f32) -> f64 {
    (f64::from(x) * 1000.0).round() / 1000.0
}

/// "This text elsewhere" as text: a heading naming the text asked about, then per case (in
/// date order) its date, whether it is the first appearance or the case asked about, its dnr
/// and title, and each place with "identical" or "variant". Paragraph numbers from 1.
pub fn elsewhere_text(
    cases: &[Case],
    asked: PosRef,
    paragraph: Option<usize>,
    found: &Elsewhere,
    lang: Lang,
) -> String {
    let mut out = String::new();
    let place = |p: PosRef, q: Option<usize>| match q {
        Some(q) => format!("{} ¶{}", id(cases, p), q + 1),
        None => id(cases, p),
    };
    let _ = writeln!(
        out,
        "{}: {} ({})",
        lang.pick("This text elsewhere", "Samma text på andra ställen"),
        place(asked, paragraph),
        citation(&cases[asked.case], asked.position)
    );
    let others = found.others().count();
    let _ = writeln!(
        out,
        "{}",
        match lang {
            Lang::En => format!("in {others} other case(s)"),
            Lang::Sv => format!("i {others} andra ärende(n)"),
        }
    );
    for a in &found.appearances {
        let case = &cases[a.case];
        let date = a.date.map_or_else(
            || lang.pick("(no date)", "(inget datum)").to_string(),
            |d| d.to_string(),
        );
        let mut tags = Vec::new();
        if a.first {
            tags.push(lang.pick("first", "först"));
        }
        if a.this {
            tags.push(lang.pick("this case", "detta ärende"));
        }
        let tags = if tags.is_empty() {
            String::new()
        } else {
            format!(" ({})", tags.join(", "))
        };
        let _ = writeln!(out, "\n{date}  {} · {}{tags}", case.dnr, case.title);
        for p in &a.places {
            let kind = if p.identical {
                lang.pick("identical", "identisk")
            } else {
                lang.pick("variant", "variant")
            };
            let _ = writeln!(out, "  {kind:<10} {}", place(p.position, p.paragraph));
        }
    }
    if found.appearances.iter().any(|a| a.date.is_none()) {
        let _ = writeln!(
            out,
            "\n{}",
            lang.pick(
                "Not every appearance is dated, so none is marked first.",
                "Alla förekomster är inte daterade, så ingen markeras som först."
            )
        );
    }
    out
}

/// "This text elsewhere" as JSON: `{"id","paragraph","appearances":[{"case","dnr","title",
/// "date","first","this","identical","places":[{"id","paragraph","identical"}]}]}`; paragraph
/// numbers from 0, `null` for a whole position.
pub fn elsewhere_json(
    cases: &[Case],
    asked: PosRef,
    paragraph: Option<usize>,
    found: &Elsewhere,
) -> Value {
    json!({
        "id": id(cases, asked),
        "paragraph": paragraph,
        "appearances": found.appearances.iter().map(|a| {
            let case = &cases[a.case];
            json!({
                "case": case.id,
                "dnr": case.dnr,
                "title": case.title,
                "date": a.date.map(|d| d.to_string()),
                "first": a.first,
                "this": a.this,
                "identical": a.identical,
                "places": a.places.iter().map(|p| json!({
                    "id": id(cases, p.position),
                    "paragraph": p.paragraph,
                    "identical": p.identical,
                })).collect::<Vec<_>>(),
            })
        }).collect::<Vec<_>>(),
    })
}
