//! A case as the genre parsers other than the Stockholm statement's build it (Riksdag reports,
//! municipal protocols), and its TOML text. The layout and encoding are those of
//! `super::write` (whose helpers this uses): tables in the format's order, long texts as
//! wrapped multi-line strings, comments that say where each inferred fact comes from.

use super::write::{
    Who, comment, date, evidence_tables, header, key, party_table, rule, string, text,
    unplaced_section, who,
};
use crate::i18n::Lang;
use crate::model::{
    BodyKind, CaseKind, Choice, Evidence, Fact, Review, Signatory, Stance, Tally, VoteMethod,
};
use chrono::NaiveDate;

#[derive(Debug, Clone, Default)]
pub struct CaseOut {
    pub source_file: String,
    pub source_title: Option<String>,
    pub url: Option<String>,
    pub dnr: String,
    pub title: String,
    pub kind: Option<CaseKind>,
    pub municipality: Option<String>,
    pub date: Option<NaiveDate>,
    /// The motion's authors.
    pub authors: Vec<Signatory>,
    pub sections: Vec<SectionOut>,
    pub unplaced: Vec<UnplacedOut>,
    pub parties: Vec<PartyOut>,
    pub bodies: Vec<BodyOut>,
    pub points: Vec<PointOut>,
    pub positions: Vec<PositionOut>,
    /// Source lines left out as page furniture (running heads, page numbers).
    pub artefacts: Vec<usize>,
}

#[derive(Debug, Clone, Default)]
pub struct SectionOut {
    pub id: String,
    pub title: String,
    pub paragraphs: Vec<String>,
}

#[derive(Debug, Clone, Default)]
pub struct UnplacedOut {
    pub first: usize,
    pub last: usize,
    pub paragraphs: Vec<String>,
}

#[derive(Debug, Clone)]
pub struct PartyOut {
    pub code: String,
    pub name: String,
    pub colour: Option<&'static str>,
}

#[derive(Debug, Clone)]
pub struct BodyOut {
    pub id: String,
    pub name: String,
    pub kind: BodyKind,
    pub meeting_date: Option<NaiveDate>,
    pub decision: Vec<String>,
    /// Where an inferred `meeting_date` comes from (`[[bodies.evidence]]`).
    pub evidence: Vec<Evidence>,
}

#[derive(Debug, Clone, Default)]
pub struct PointOut {
    pub id: String,
    pub title: String,
    pub body: Option<String>,
    pub proposal: Vec<String>,
    pub decision: Vec<String>,
    pub moves: Vec<MoveOut>,
    pub propositions: Vec<String>,
    pub vote: Option<VoteOut>,
    /// Comments above the table: where the point and its decision come from.
    pub notes: Vec<String>,
}

#[derive(Debug, Clone)]
pub struct MoveOut {
    pub name: String,
    pub party: Option<String>,
    pub text: String,
}

#[derive(Debug, Clone)]
pub struct VoteOut {
    pub method: VoteMethod,
    pub tally: Tally,
    pub yes_for: Option<String>,
    pub no_for: Option<String>,
    pub winner: Option<Choice>,
    pub parties: Vec<(String, Tally)>,
    pub members: Vec<(String, Option<String>, Choice)>,
}

#[derive(Debug, Clone)]
pub struct PositionOut {
    /// Set when the derived id would be used twice.
    pub id: Option<String>,
    pub body: String,
    pub stance: Stance,
    /// The points' ids: none, one, or several ("punkterna 18 och 19").
    pub points: Vec<String>,
    pub number: Option<u32>,
    pub reasons_only: bool,
    pub byline: Option<String>,
    pub signatories: Vec<Signatory>,
    /// Written when the signatories do not carry every party.
    pub parties: Vec<String>,
    pub author: Option<String>,
    pub date: Option<NaiveDate>,
    pub proposals: Vec<String>,
    pub paragraphs: Vec<String>,
    /// Comments above the table.
    pub notes: Vec<String>,
    /// Where each inferred fact comes from (`[[positions.evidence]]`).
    pub evidence: Vec<Evidence>,
}

/// Evidence for a fact the importer inferred: its rule, the source sentence as written (white
/// space collapsed) and its lines.
pub fn inferred(fact: Fact, rule: &str, sentence: &str, lines: (usize, usize)) -> Evidence {
    Evidence {
        fact,
        review: Review::Inferred,
        rule: rule.to_string(),
        sentence: crate::text::squash_whitespace(sentence),
        lines: (lines.0.max(1), lines.1.max(lines.0).max(1)),
        note: None,
    }
}

/// The same evidence, uncertain, with why.
pub fn uncertain(mut e: Evidence, note: String) -> Evidence {
    e.review = Review::Uncertain;
    e.note = Some(note);
    e
}

impl PositionOut {
    pub fn new(body: &str, stance: Stance) -> PositionOut {
        PositionOut {
            id: None,
            body: body.to_string(),
            stance,
            points: Vec::new(),
            number: None,
            reasons_only: false,
            byline: None,
            signatories: Vec::new(),
            parties: Vec::new(),
            author: None,
            date: None,
            proposals: Vec::new(),
            paragraphs: Vec::new(),
            notes: Vec::new(),
            evidence: Vec::new(),
        }
    }

    /// The parties the loader derives: `parties` first, then the signatories' parties.
    fn all_parties(&self) -> Vec<String> {
        let mut out = self.parties.clone();
        for s in &self.signatories {
            if let Some(p) = &s.party
                && !out.contains(p)
            {
                out.push(p.clone());
            }
        }
        out
    }
}

impl CaseOut {
    /// Give an explicit id to each position whose derived id another already has (`…-2`).
    pub fn settle_ids(&mut self) {
        let mut seen = std::collections::HashSet::new();
        for p in &mut self.positions {
            let base = match p.points.first() {
                Some(pt) => format!("{}/{pt}", p.body),
                None => p.body.clone(),
            };
            let derived = crate::model::derive_position_id(&base, p.stance, &p.all_parties());
            let mut id = derived.clone();
            let mut n = 2;
            while !seen.insert(id.clone()) {
                id = format!("{derived}-{n}");
                n += 1;
            }
            p.id = (id != derived).then_some(id);
        }
    }
}

fn tally(out: &mut String, t: &Tally) {
    for c in Choice::ALL {
        if let Some(n) = t.get(c) {
            key(out, c.as_str(), n.to_string());
        }
    }
}

/// The case file.
pub fn write(c: &CaseOut, lang: Lang) -> String {
    let mut out = String::new();
    header(
        &mut out,
        &c.source_file,
        !c.unplaced.is_empty(),
        &c.artefacts,
        lang,
    );
    out.push_str("\n[case]\n");
    key(&mut out, "dnr", string(&c.dnr));
    key(&mut out, "title", string(&c.title));
    key(
        &mut out,
        "kind",
        string(c.kind.unwrap_or(CaseKind::Other).as_str()),
    );
    if let Some(m) = &c.municipality {
        key(&mut out, "municipality", string(m));
    }
    if let Some(d) = c.date {
        key(&mut out, "date", date(d));
    }
    out.push_str("\n[case.source]\n");
    if let Some(t) = &c.source_title {
        key(&mut out, "title", string(t));
    }
    key(&mut out, "file", string(&c.source_file));
    if let Some(u) = &c.url {
        key(&mut out, "url", string(u));
    }
    for a in &c.authors {
        out.push_str("\n[[case.authors]]\n");
        key(&mut out, "name", string(&a.name));
        if let Some(p) = &a.party {
            key(&mut out, "party", string(p));
        }
    }
    for s in c.sections.iter().filter(|s| !s.paragraphs.is_empty()) {
        out.push_str("\n[[case.sections]]\n");
        key(&mut out, "id", string(&s.id));
        key(&mut out, "title", string(&s.title));
        key(&mut out, "text", text(&s.paragraphs));
    }
    for (k, u) in c.unplaced.iter().enumerate() {
        let id = format!("unplaced-{}", k + 1);
        unplaced_section(&mut out, &id, (u.first, u.last), &u.paragraphs, lang);
    }
    for p in &c.parties {
        party_table(&mut out, &p.code, &p.name, p.colour);
    }
    if !c.bodies.is_empty() {
        rule(&mut out, lang.pick("Bodies", "Organ"));
    }
    for b in &c.bodies {
        out.push_str("\n[[bodies]]\n");
        key(&mut out, "id", string(&b.id));
        key(&mut out, "name", string(&b.name));
        key(&mut out, "kind", string(b.kind.as_str()));
        if let Some(d) = b.meeting_date {
            key(&mut out, "meeting_date", date(d));
        }
        if !b.decision.is_empty() {
            key(&mut out, "decision", text(&b.decision));
        }
        evidence_tables(&mut out, "bodies", &b.evidence);
    }
    if !c.points.is_empty() {
        rule(&mut out, lang.pick("Decision points", "Beslutspunkter"));
    }
    for p in &c.points {
        out.push('\n');
        for n in &p.notes {
            comment(&mut out, n);
        }
        out.push_str("[[points]]\n");
        key(&mut out, "id", string(&p.id));
        key(&mut out, "title", string(&p.title));
        if let Some(b) = &p.body {
            key(&mut out, "body", string(b));
        }
        if !p.proposal.is_empty() {
            key(&mut out, "proposal", text(&p.proposal));
        }
        if !p.propositions.is_empty() {
            key(&mut out, "propositions", text(&p.propositions));
        }
        if !p.decision.is_empty() {
            key(&mut out, "decision", text(&p.decision));
        }
        for m in &p.moves {
            out.push_str("\n[[points.moves]]\n");
            key(&mut out, "name", string(&m.name));
            if let Some(party) = &m.party {
                key(&mut out, "party", string(party));
            }
            key(&mut out, "text", string(&m.text));
        }
        if let Some(v) = &p.vote {
            out.push_str("\n[points.vote]\n");
            key(&mut out, "method", string(v.method.as_str()));
            tally(&mut out, &v.tally);
            if let Some(y) = &v.yes_for {
                key(&mut out, "yes_for", string(y));
            }
            if let Some(n) = &v.no_for {
                key(&mut out, "no_for", string(n));
            }
            if let Some(w) = v.winner {
                key(&mut out, "winner", string(w.as_str()));
            }
            for (party, t) in &v.parties {
                out.push_str("\n[[points.vote.parties]]\n");
                key(&mut out, "party", string(party));
                tally(&mut out, t);
            }
            for (name, party, choice) in &v.members {
                out.push_str("\n[[points.vote.members]]\n");
                key(&mut out, "name", string(name));
                if let Some(party) = party {
                    key(&mut out, "party", string(party));
                }
                key(&mut out, "vote", string(choice.as_str()));
            }
        }
    }
    let mut last_body: Option<&str> = None;
    for p in &c.positions {
        if last_body != Some(p.body.as_str()) {
            let name = c
                .bodies
                .iter()
                .find(|b| b.id == p.body)
                .map_or(p.body.as_str(), |b| b.name.as_str());
            rule(&mut out, name);
            last_body = Some(p.body.as_str());
        }
        out.push('\n');
        for n in &p.notes {
            comment(&mut out, n);
        }
        out.push_str("[[positions]]\n");
        if let Some(id) = &p.id {
            key(&mut out, "id", string(id));
        }
        key(&mut out, "body", string(&p.body));
        key(&mut out, "stance", string(p.stance.as_str()));
        match p.points.as_slice() {
            [] => {}
            [one] => key(&mut out, "point", string(one)),
            several => key(
                &mut out,
                "point",
                format!(
                    "[{}]",
                    several
                        .iter()
                        .map(|s| string(s))
                        .collect::<Vec<_>>()
                        .join(", ")
                ),
            ),
        }
        if let Some(n) = p.number {
            key(&mut out, "number", n.to_string());
        }
        if p.reasons_only {
            key(&mut out, "reasons_only", "true".into());
        }
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
        if !p.paragraphs.is_empty() {
            key(&mut out, "text", text(&p.paragraphs));
        }
        evidence_tables(&mut out, "positions", &p.evidence);
    }
    out
}
