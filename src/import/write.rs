//! The case file as TOML text, laid out like a hand-written one (`cases/trygghetskiosker.toml`):
//! tables in the format's order, long texts as multi-line strings wrapped at 100 columns,
//! comments that say where things come from. Every string is encoded by `toml_writer`, so any
//! text (quotes, backslashes, control characters) round-trips; comments pass `text::escape`.

use super::resolve::Resolved;
use crate::i18n::Lang;
use crate::model::{Evidence, Signatory};
use chrono::NaiveDate;
use std::fmt::Write as _;
use toml_writer::{ToTomlValue, TomlStringBuilder};

/// Width to wrap long texts at.
const WRAP: usize = 100;

/// A one-line string value.
pub(crate) fn string(v: &str) -> String {
    encode(v, false)
}

/// A string value with no raw control, bidi or format character in the file: what the text
/// rule drops (soft hyphens, zero-width spaces, …, see `text::hygiene`) is dropped, every
/// other such character is written as a TOML escape (`\u202E`), which the loader then shows
/// as its marker. Basic strings (not literal ones) so that escapes are possible.
fn encode(v: &str, multi_line: bool) -> String {
    use crate::text::{Hygiene, hygiene, is_unsafe};
    let kept: String = v.chars().filter(|&c| hygiene(c) != Hygiene::Drop).collect();
    let builder = TomlStringBuilder::new(&kept);
    let encoded = if multi_line {
        builder.as_ml_basic().to_toml_value()
    } else {
        builder.as_basic().to_toml_value()
    };
    if !encoded.chars().any(|c| c != '\n' && is_unsafe(c)) {
        return encoded;
    }
    let mut out = String::with_capacity(encoded.len() + 16);
    for c in encoded.chars() {
        match u32::from(c) {
            _ if c == '\n' || !is_unsafe(c) => out.push(c),
            code @ ..=0xFFFF => {
                let _ = write!(out, "\\u{code:04X}");
            }
            code => {
                let _ = write!(out, "\\U{code:08X}");
            }
        }
    }
    out
}

/// Paragraphs as a multi-line string, each wrapped, separated by blank lines.
pub(crate) fn text(paragraphs: &[String]) -> String {
    let mut body = String::new();
    for (k, p) in paragraphs.iter().enumerate() {
        if k > 0 {
            body.push('\n');
        }
        wrap_into(&mut body, p);
    }
    encode(&body, true)
}

fn wrap_into(out: &mut String, paragraph: &str) {
    let mut width = 0;
    for word in paragraph.split_whitespace() {
        let w = word.chars().count();
        if width > 0 && width + 1 + w > WRAP {
            out.push('\n');
            width = 0;
        }
        if width > 0 {
            out.push(' ');
            width += 1;
        }
        out.push_str(word);
        width += w;
    }
    out.push('\n');
}

pub(super) fn date(d: NaiveDate) -> String {
    d.format("%Y-%m-%d").to_string()
}

/// A comment line: text from the document made inert and kept on one line.
pub(super) fn comment(out: &mut String, s: &str) {
    let _ = writeln!(out, "# {}", crate::text::escape(s));
}

pub(super) fn rule(out: &mut String, title: &str) {
    out.push('\n');
    out.push_str("# ");
    out.push_str(&"-".repeat(WRAP - 2));
    out.push('\n');
    comment(out, title);
}

pub(super) fn key(out: &mut String, k: &str, value: String) {
    let _ = writeln!(out, "{k} = {value}");
}

pub(super) fn list(out: &mut String, k: &str, items: &[String]) {
    if items.len() == 1 && items[0].chars().count() < 60 {
        let _ = writeln!(out, "{k} = [{}]", string(&items[0]));
        return;
    }
    let _ = writeln!(out, "{k} = [");
    for item in items {
        let _ = writeln!(out, "  {},", string(item));
    }
    out.push_str("]\n");
}

/// An `unplaced-N` section: the text the importer could not place, with a comment naming its
/// source lines `(first, last)`.
pub(super) fn unplaced_section(
    out: &mut String,
    id: &str,
    (first, last): (usize, usize),
    paragraphs: &[String],
    lang: Lang,
) {
    out.push('\n');
    comment(
        out,
        &match lang {
            Lang::En => format!(
                "UNPLACED: source lines {first}–{last}; the importer could not tell where this text belongs."
            ),
            Lang::Sv => format!(
                "EJ PLACERAD: källans rad {first}–{last}; importen kunde inte avgöra var texten hör hemma."
            ),
        },
    );
    out.push_str("[[case.sections]]\n");
    key(out, "id", string(id));
    key(out, "title", string(&unplaced_title(first, last, lang)));
    key(out, "text", text(paragraphs));
}

/// A `[[parties]]` table.
pub(super) fn party_table(out: &mut String, code: &str, name: &str, colour: Option<&str>) {
    out.push_str("\n[[parties]]\n");
    key(out, "code", string(code));
    key(out, "name", string(name));
    if let Some(c) = colour {
        key(out, "colour", string(c));
    }
}

/// Who stands behind a position and what it proposes, as every genre's writer writes them.
pub(super) struct Who<'a> {
    pub author: Option<&'a str>,
    pub date: Option<NaiveDate>,
    pub byline: Option<&'a str>,
    pub signatories: &'a [Signatory],
    pub parties: &'a [String],
    pub proposals: &'a [String],
}

/// A position's `author`, `date`, `byline`, `signatories`, `parties` and `proposals` keys, in
/// the format's order, each only where it has a value.
pub(super) fn who(out: &mut String, w: Who) {
    if let Some(a) = w.author {
        key(out, "author", string(a));
    }
    if let Some(d) = w.date {
        key(out, "date", date(d));
    }
    if let Some(b) = w.byline {
        key(out, "byline", string(b));
    }
    if !w.signatories.is_empty() {
        signatories(out, "signatories", w.signatories);
    }
    if !w.parties.is_empty() {
        let codes: Vec<String> = w.parties.iter().map(|c| string(c)).collect();
        let _ = writeln!(out, "parties = [{}]", codes.join(", "));
    }
    if !w.proposals.is_empty() {
        list(out, "proposals", w.proposals);
    }
}

pub(super) fn signatories(out: &mut String, k: &str, items: &[Signatory]) {
    let one = |s: &Signatory| match &s.party {
        Some(p) => format!("{{ name = {}, party = {} }}", string(&s.name), string(p)),
        None => format!("{{ name = {} }}", string(&s.name)),
    };
    if items.len() == 1 {
        let _ = writeln!(out, "{k} = [{}]", one(&items[0]));
        return;
    }
    let _ = writeln!(out, "{k} = [");
    for s in items {
        let _ = writeln!(out, "  {},", one(s));
    }
    out.push_str("]\n");
}

pub(super) fn unplaced_title(first: usize, last: usize, lang: Lang) -> String {
    match (first == last, lang) {
        (true, Lang::En) => format!("Unplaced text, line {first}"),
        (true, Lang::Sv) => format!("Ej placerad text, rad {first}"),
        (false, Lang::En) => format!("Unplaced text, lines {first}–{last}"),
        (false, Lang::Sv) => format!("Ej placerad text, rad {first}–{last}"),
    }
}

pub(super) fn header(
    out: &mut String,
    source_name: &str,
    unplaced: bool,
    artefacts: &[usize],
    lang: Lang,
) {
    comment(
        out,
        &match lang {
            Lang::En => format!(
                "Case file imported by `remiss import` from {source_name}; check it against the document."
            ),
            Lang::Sv => format!(
                "Ärendefil importerad med `remiss import` från {source_name}; stäm av den mot dokumentet."
            ),
        },
    );
    if unplaced {
        comment(
            out,
            lang.pick(
                "Sections with ids `unplaced-N` hold text the importer could not place: move it, then delete them.",
                "Avsnitt med id `unplaced-N` har text som inte kunde placeras: flytta den och ta sedan bort dem.",
            ),
        );
    }
    if !artefacts.is_empty() {
        let list: Vec<String> = artefacts.iter().map(ToString::to_string).collect();
        comment(
            out,
            &match lang {
                Lang::En => format!(
                    "Left out as page numbers or running headers: lines {}.",
                    list.join(", ")
                ),
                Lang::Sv => format!(
                    "Utelämnat som sidnummer eller sidhuvuden: rad {}.",
                    list.join(", ")
                ),
            },
        );
    }
    out.push_str("format = 1\n");
}

/// The case file.
pub fn write(r: &Resolved, lang: Lang) -> String {
    let d = &r.draft;
    let mut out = String::new();
    header(
        &mut out,
        &r.source_file,
        !d.unplaced.is_empty(),
        &r.artefacts,
        lang,
    );

    out.push_str("\n[case]\n");
    key(&mut out, "dnr", string(&r.dnr));
    key(&mut out, "title", string(&r.title));
    key(&mut out, "kind", string(r.kind.as_str()));
    if let Some(m) = &d.municipality {
        key(&mut out, "municipality", string(m));
    }
    if let Some(dt) = d.date {
        key(&mut out, "date", date(dt));
    }
    if !d.proposal.is_empty() {
        let proposal: Vec<String> = d.proposal.iter().map(|p| p.text.clone()).collect();
        key(&mut out, "proposal", text(&proposal));
    }
    if let Some(c) = &d.presenting_commissioner {
        key(&mut out, "presenting_commissioner", string(c));
    }
    if !d.attachments.is_empty() {
        list(&mut out, "attachments", &d.attachments);
    }

    out.push_str("\n[case.source]\n");
    if let Some(t) = &d.source_title {
        key(&mut out, "title", string(t));
    }
    key(&mut out, "file", string(&r.source_file));

    for a in &d.authors {
        out.push_str("\n[[case.authors]]\n");
        key(&mut out, "name", string(&a.name));
        if let Some(p) = &a.party {
            key(&mut out, "party", string(p));
        }
    }
    for s in d.sections.iter().filter(|s| !s.paragraphs.is_empty()) {
        out.push_str("\n[[case.sections]]\n");
        key(&mut out, "id", string(&s.id));
        key(&mut out, "title", string(&s.title));
        key(&mut out, "text", text(&s.paragraphs));
    }
    for (u, id) in d.unplaced.iter().zip(&r.unplaced_ids) {
        unplaced_section(&mut out, id, (u.first, u.last), &u.paragraphs, lang);
    }

    for p in &r.parties {
        party_table(&mut out, &p.code, &p.name, p.colour);
    }
    if let Some((name, parties)) = &r.majority {
        out.push('\n');
        comment(
            &mut out,
            &match lang {
                Lang::En => format!("From the words \"{name}\" in the document."),
                Lang::Sv => format!("Från orden \"{name}\" i dokumentet."),
            },
        );
        out.push_str("[majority]\n");
        key(&mut out, "name", string(name));
        let codes: Vec<String> = parties.iter().map(|c| string(c)).collect();
        let _ = writeln!(out, "parties = [{}]", codes.join(", "));
    }

    if !r.body_order.is_empty() {
        rule(
            &mut out,
            lang.pick("Bodies, in document order", "Organ, i dokumentets ordning"),
        );
    }
    for &b in &r.body_order {
        let body = &d.bodies[b];
        out.push_str("\n[[bodies]]\n");
        key(&mut out, "id", string(&r.body_ids[b]));
        key(&mut out, "name", string(&body.name));
        key(&mut out, "kind", string(body.kind.as_str()));
        if let Some(a) = &body.administration {
            key(&mut out, "administration", string(a));
        }
        if let Some(dt) = body.opinion_date {
            key(&mut out, "opinion_date", date(dt));
        }
        if let Some(dt) = body.meeting_date {
            key(&mut out, "meeting_date", date(dt));
        }
        if !body.decision.is_empty() {
            let decision: Vec<String> = body.decision.iter().map(|p| p.text.clone()).collect();
            key(&mut out, "decision", text(&decision));
        }
        if !r.answered[b] {
            key(&mut out, "answered", "false".into());
        }
        evidence_tables(&mut out, "bodies", &r.body_evidence[b]);
    }

    for &b in &r.body_order {
        let mut first = true;
        for p in r.positions.iter().filter(|p| p.body == b) {
            if first {
                rule(&mut out, &d.bodies[b].name);
                first = false;
            }
            out.push('\n');
            out.push_str("[[positions]]\n");
            if let Some(id) = &p.explicit_id {
                key(&mut out, "id", string(id));
            }
            key(&mut out, "body", string(&r.body_ids[b]));
            key(&mut out, "stance", string(p.stance.as_str()));
            who(
                &mut out,
                Who {
                    author: p.author.as_deref(),
                    date: p.date,
                    byline: p.byline.as_deref(),
                    signatories: &p.signatories,
                    parties: &p.parties,
                    proposals: &p.proposals,
                },
            );
            if let Some(t) = &p.identical_to {
                key(&mut out, "identical_to", string(t));
            }
            if let Some(t) = &p.concurs_with {
                key(&mut out, "concurs_with", string(t));
            }
            if !p.paragraphs.is_empty() {
                key(&mut out, "text", text(&p.paragraphs));
            }
            evidence_tables(&mut out, "positions", &p.evidence);
        }
    }
    out
}

/// `[[TABLE.evidence]]` for each entry, after the table's own keys.
pub(super) fn evidence_tables(out: &mut String, table: &str, evidence: &[Evidence]) {
    for e in evidence {
        let _ = writeln!(out, "\n[[{table}.evidence]]");
        key(out, "fact", string(e.fact.as_str()));
        key(out, "review", string(e.review.as_str()));
        key(out, "rule", string(&e.rule));
        key(out, "sentence", string(&e.sentence));
        let _ = writeln!(out, "lines = [{}, {}]", e.lines.0, e.lines.1);
        if let Some(n) = &e.note {
            key(out, "note", string(n));
        }
    }
}

/// The last resort: a valid file with the whole text in one unplaced section.
pub fn fallback(source: &str, source_name: &str, lang: Lang) -> String {
    let paragraphs = crate::text::paragraphs(source);
    let lines = source.split('\n').count();
    let mut out = String::new();
    header(&mut out, source_name, !paragraphs.is_empty(), &[], lang);
    out.push_str("\n[case]\n");
    key(&mut out, "dnr", string(lang.pick("unknown", "okänt")));
    let stem = std::path::Path::new(source_name)
        .file_stem()
        .and_then(|s| s.to_str())
        .map(crate::text::squash_whitespace)
        .filter(|s| !s.is_empty())
        .unwrap_or_else(|| "import".into());
    key(&mut out, "title", string(&stem));
    key(&mut out, "kind", string("other"));
    out.push_str("\n[case.source]\n");
    key(&mut out, "file", string(source_name));
    if !paragraphs.is_empty() {
        out.push_str("\n[[case.sections]]\n");
        key(&mut out, "id", string("unplaced-1"));
        key(&mut out, "title", string(&unplaced_title(1, lines, lang)));
        key(&mut out, "text", text(&paragraphs));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn texts_wrap_and_round_trip() {
        let paras = vec![
            "ord ".repeat(60).trim().to_string(),
            "Citat: \"\"\" och \\ och \u{1b}[31m".to_string(),
        ];
        let t = text(&paras);
        assert!(t.lines().all(|l| l.chars().count() <= WRAP + 8), "{t}");
        let v: toml::Value = toml::from_str(&format!("t = {t}")).unwrap();
        let back = v["t"].as_str().unwrap();
        assert_eq!(crate::text::paragraphs(back), paras);
    }

    proptest! {
        #[test]
        fn any_string_round_trips_without_raw_unsafe_characters(s in any::<String>()) {
            use crate::text::{Hygiene, hygiene, is_unsafe};
            let meant: String = s.chars().filter(|&c| hygiene(c) != Hygiene::Drop).collect();
            let one = string(&s);
            prop_assert!(!one.chars().any(is_unsafe), "{:?}", one);
            let v: toml::Value = toml::from_str(&format!("a = {one}")).unwrap();
            prop_assert_eq!(v["a"].as_str().unwrap(), meant.as_str());
            let drop = |p: &String| p.chars().filter(|&c| hygiene(c) != Hygiene::Drop).collect::<String>();
            let source = crate::text::paragraphs(&s);
            let paras = crate::text::paragraphs(&source.iter().map(drop).collect::<Vec<_>>().join("\n\n"));
            let many = text(&source);
            prop_assert!(!many.chars().any(|c| c != '\n' && is_unsafe(c)), "{:?}", many);
            let v: toml::Value = toml::from_str(&format!("a = {many}")).unwrap();
            prop_assert_eq!(crate::text::paragraphs(v["a"].as_str().unwrap()), paras);
        }
    }

    #[test]
    fn fallback_loads() {
        for src in ["", "x", "\u{1b}]0;t\u{7}\n\nrad två", "\"\"\"\n'''"] {
            let f = fallback(src, "a\u{1b}b.pdf", Lang::En);
            crate::model::parse_case(&f, "f", "f").unwrap();
        }
    }
}
