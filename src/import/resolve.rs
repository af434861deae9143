//! From a [`Draft`] to what the case file says: each body's stance on the motion, links between
//! positions, ids, declared parties and the majority, and the warnings.

use super::lines::Repaired;
use super::parse::{Draft, DraftPosition, Filled, Note, Source};
use super::phrases::{self as ph, normalise};
use super::stance::{self, Reading, Verdict};
use super::{Warning, WarningKind, describe};
use crate::i18n::Lang;
use crate::model::{
    BodyKind, CaseKind, Evidence, Fact, Review, Signatory, Stance, derive_position_id,
};
use crate::text::slug;
use chrono::NaiveDate;

pub struct Resolved {
    pub draft: Draft,
    pub dnr: String,
    pub title: String,
    pub kind: CaseKind,
    pub source_file: String,
    /// Ids of `draft.bodies`, by index.
    pub body_ids: Vec<String>,
    /// Bodies in file order (indices into `draft.bodies`).
    pub body_order: Vec<usize>,
    /// Whether each body answered.
    pub answered: Vec<bool>,
    /// Each body's evidence (its dates, whether it answered), by index.
    pub body_evidence: Vec<Vec<Evidence>>,
    /// Positions in file order.
    pub positions: Vec<Position>,
    pub parties: Vec<PartyDecl>,
    pub majority: Option<(String, Vec<String>)>,
    /// Ids of the unplaced sections, with the lines they hold.
    pub unplaced_ids: Vec<String>,
    /// Source lines removed as page artefacts.
    pub artefacts: Vec<usize>,
    pub warnings: Vec<Warning>,
}

/// A position as the file states it.
#[derive(Debug, Clone)]
pub struct Position {
    /// Given only where the derived id is taken (two M reservations in one body).
    pub explicit_id: Option<String>,
    pub id: String,
    pub body: usize,
    pub stance: Stance,
    pub author: Option<String>,
    pub date: Option<NaiveDate>,
    pub byline: Option<String>,
    pub signatories: Vec<Signatory>,
    /// Given only where the signatories do not carry every party.
    pub parties: Vec<String>,
    pub proposals: Vec<String>,
    pub paragraphs: Vec<String>,
    pub identical_to: Option<String>,
    pub concurs_with: Option<String>,
    /// Where each inferred fact comes from.
    pub evidence: Vec<Evidence>,
    /// Source line of the header or decision.
    pub line: usize,
    /// Index in the draft's positions, for a member position.
    pub draft: Option<usize>,
    /// Every party of the position: `parties`, then the signatories'.
    pub all_parties: Vec<String>,
}

/// Evidence for `fact` from a source sentence.
pub fn evidence(
    fact: Fact,
    review: Review,
    rule: &str,
    source: &Source,
    note: Option<String>,
) -> Evidence {
    Evidence {
        fact,
        review,
        rule: rule.to_string(),
        sentence: source.sentence.clone(),
        lines: (source.first, source.last),
        note,
    }
}

fn reading_evidence(r: &Reading) -> Evidence {
    evidence(Fact::Stance, r.review, &r.rule, &r.source, r.note.clone())
}

pub struct PartyDecl {
    pub code: String,
    pub name: String,
    pub colour: Option<&'static str>,
}

pub fn resolve(draft: Draft, rep: &Repaired, source_name: &str, lang: Lang) -> Resolved {
    let mut warnings = Vec::new();
    if rep.lines.is_empty() {
        warnings.push(Warning {
            line: 1,
            kind: WarningKind::Empty,
        });
    }
    for (line, note) in &draft.notes {
        warnings.push(Warning {
            line: *line,
            kind: match note {
                Note::BadDate(text) => WarningKind::BadDate { text: text.clone() },
                Note::PositionWithoutBody => WarningKind::PositionWithoutBody,
                Note::UnknownOpener(text) => WarningKind::UnknownOpener { text: text.clone() },
                Note::AnnouncedInSeveral(text) => {
                    WarningKind::AnnouncedInSeveral { text: text.clone() }
                }
            },
        });
    }
    let first_line = rep.lines.first().map_or(1, |l| l.no);
    let dnr = draft.dnr.clone().unwrap_or_else(|| {
        if !rep.lines.is_empty() {
            warnings.push(Warning {
                line: first_line,
                kind: WarningKind::NoDnr,
            });
        }
        lang.pick("unknown", "okänt").to_string()
    });
    let title = draft.title.clone().unwrap_or_else(|| {
        if !rep.lines.is_empty() {
            warnings.push(Warning {
                line: first_line,
                kind: WarningKind::NoTitle,
            });
        }
        let stem = std::path::Path::new(source_name)
            .file_stem()
            .and_then(|s| s.to_str())
            .unwrap_or(source_name);
        let t = crate::text::squash_whitespace(stem);
        if t.is_empty() { "import".into() } else { t }
    });
    let kind = draft.kind.unwrap_or_else(|| {
        let t = normalise(&title);
        ph::TITLE_KINDS
            .iter()
            .find(|(p, _)| t.starts_with(p))
            .map_or(CaseKind::Other, |(_, k)| *k)
    });

    // Body ids and order: referral bodies and others in the order met, deciding bodies last.
    let mut body_ids: Vec<String> = Vec::new();
    for b in &draft.bodies {
        let mut id = body_id(&b.name, b.kind);
        let base = id.clone();
        let mut k = 2;
        while body_ids.contains(&id) {
            id = format!("{base}-{k}");
            k += 1;
        }
        body_ids.push(id);
    }
    let mut body_order: Vec<usize> = (0..draft.bodies.len())
        .filter(|&b| !draft.bodies[b].deciding)
        .collect();
    body_order.extend((0..draft.bodies.len()).filter(|&b| draft.bodies[b].deciding));

    let mut r = Resolver {
        draft: &draft,
        lang,
        warnings,
        positions: Vec::new(),
        declined: vec![None; draft.bodies.len()],
    };
    for &b in &body_order {
        r.decision(b);
        for (k, p) in draft.positions.iter().enumerate() {
            if p.body == b {
                r.member_position(k, p);
            }
        }
    }
    let mut answered = vec![true; draft.bodies.len()];
    let mut body_evidence: Vec<Vec<Evidence>> = vec![Vec::new(); draft.bodies.len()];
    for (b, body) in draft.bodies.iter().enumerate() {
        let has_positions = r.positions.iter().any(|p| p.body == b);
        if let Some(declined) = &r.declined[b] {
            answered[b] = false;
            body_evidence[b].push(reading_evidence(declined));
            body_evidence[b][0].fact = Fact::Answered;
        } else if body.no_answer && !has_positions && !body.has_section {
            answered[b] = false;
            if let Some(src) = &body.no_answer_source {
                body_evidence[b].push(evidence(
                    Fact::Answered,
                    Review::Inferred,
                    "referral.no_answer",
                    src,
                    None,
                ));
            }
        } else if body.referred
            && !body.has_section
            && !has_positions
            && body.no_comments_source.is_none()
        {
            r.warnings.push(Warning {
                line: body.line,
                kind: WarningKind::NoAnswerFound {
                    body: body.name.clone(),
                },
            });
        }
    }
    for (b, body) in draft.bodies.iter().enumerate() {
        if let (Some(_), Some(src)) = (body.meeting_date, &body.meeting_source) {
            body_evidence[b].push(evidence(
                Fact::MeetingDate,
                Review::Inferred,
                "preamble.meeting",
                src,
                None,
            ));
        }
        if let (Some(_), Some(src)) = (body.opinion_date, &body.opinion_source) {
            body_evidence[b].push(evidence(
                Fact::OpinionDate,
                Review::Inferred,
                "preamble.opinion",
                src,
                None,
            ));
        }
    }
    r.same_signatory();
    r.assign_ids(&body_ids);
    r.links();
    let Resolver {
        mut positions,
        mut warnings,
        ..
    } = r;
    // Positions that must have a text and have none get their header.
    for p in &mut positions {
        let linked = p.identical_to.is_some() || p.concurs_with.is_some();
        if p.stance.needs_text() && p.paragraphs.is_empty() && !linked {
            let header = p
                .draft
                .map(|i| draft.positions[i].header.clone())
                .unwrap_or_default();
            let already = warnings
                .iter()
                .any(|w| w.line == p.line && matches!(w.kind, WarningKind::UnresolvedLink { .. }));
            if !already {
                warnings.push(Warning {
                    line: p.line,
                    kind: WarningKind::NoText {
                        position: describe(
                            p.stance,
                            &byline_of(p),
                            &draft.bodies[p.body].name,
                            lang,
                        ),
                    },
                });
            }
            p.paragraphs = vec![if header.is_empty() {
                byline_of(p)
            } else {
                header
            }];
        }
    }

    let majority = find_majority(&draft);
    let mut codes = draft.parties.clone();
    if let Some((_, parties)) = &majority {
        for c in parties {
            if !codes.contains(c) {
                codes.push(c.clone());
            }
        }
    }
    let parties = codes
        .iter()
        .map(|code| match ph::party(code) {
            Some(info) => PartyDecl {
                code: code.clone(),
                name: info.name.to_string(),
                colour: Some(info.colour),
            },
            None => {
                let line = draft
                    .positions
                    .iter()
                    .find(|p| p.byline.parties.contains(code))
                    .map_or(first_line, |p| p.line);
                warnings.push(Warning {
                    line,
                    kind: WarningKind::UnknownParty { code: code.clone() },
                });
                PartyDecl {
                    code: code.clone(),
                    name: code.clone(),
                    colour: None,
                }
            }
        })
        .collect();

    let mut unplaced_ids = Vec::new();
    for (k, u) in draft.unplaced.iter().enumerate() {
        let id = format!("unplaced-{}", k + 1);
        warnings.push(Warning {
            line: u.first,
            kind: WarningKind::Unplaced {
                first: u.first,
                last: u.last,
                section: id.clone(),
            },
        });
        unplaced_ids.push(id);
    }

    Resolved {
        dnr,
        title,
        kind,
        source_file: source_name.to_string(),
        body_ids,
        body_order,
        answered,
        body_evidence,
        positions,
        parties,
        majority,
        unplaced_ids,
        artefacts: rep.artefacts.clone(),
        warnings,
        draft,
    }
}

struct Resolver<'a> {
    draft: &'a Draft,
    lang: Lang,
    warnings: Vec<Warning>,
    positions: Vec<Position>,
    /// Bodies whose decision says they do not answer ("avstår från att yttra sig"), and the
    /// reading that says so.
    declined: Vec<Option<Reading>>,
}

impl Resolver<'_> {
    /// The body's own decision on the motion: read from its decision, the opinion it adopts
    /// or the proposal it follows ([`stance`]); `unknown` (with a warning) where the body
    /// answered but the text does not settle its stance.
    fn decision(&mut self, b: usize) {
        let body = &self.draft.bodies[b];
        let members = self.draft.positions.iter().any(|p| p.body == b);
        let unknown = |rule: &str, source: Source, note: &str| Reading {
            verdict: Verdict::Stance(Stance::Unknown),
            rule: rule.to_string(),
            review: Review::Uncertain,
            source,
            note: Some(note.to_string()),
        };
        let first_sentence = |paras: &[super::lines::Paragraph]| {
            paras.first().map(|p| {
                let r = stance::sentences(&p.text)
                    .into_iter()
                    .next()
                    .unwrap_or(0..p.text.len());
                let (first, last) = p.lines_of(r.clone());
                Source::new(p.text[r].trim(), first, last)
            })
        };
        // Who speaks in the body's part: the body, under the names the document gives it
        // and its administration.
        let voice = stance::Voice::of(
            [Some(body.name.as_str()), body.administration.as_deref()]
                .into_iter()
                .flatten()
                .chain(body.heading.as_ref().map(|h| h.sentence.as_str())),
        );
        // The readings behind the stance, the decisive one last.
        let mut readings: Vec<Reading> = Vec::new();
        match stance::read_decision(&body.decision, &voice) {
            Some(r) if r.verdict == Verdict::NoAnswer => {
                if members {
                    readings.push(unknown(
                        "decision.no_answer_with_statements",
                        r.source.clone(),
                        "the decision says the body does not answer, yet members filed statements",
                    ));
                } else {
                    self.declined[b] = Some(r);
                    return;
                }
            }
            Some(r) if r.verdict == Verdict::AdoptsOpinion => {
                let adopted = stance::read_opinion(&body.opinion, &voice);
                readings.push(r.clone());
                readings.push(adopted.unwrap_or_else(|| {
                    unknown(
                        "decision.adopts_missing_opinion",
                        r.source.clone(),
                        "the decision adopts an opinion whose text is not in the document",
                    )
                }));
            }
            Some(r) if r.verdict == Verdict::FollowsProposal => {
                let proposal = stance::read_proposal(&self.draft.proposal);
                readings.push(r.clone());
                readings.push(proposal.unwrap_or_else(|| {
                    unknown(
                        "decision.follows_unread_proposal",
                        r.source.clone(),
                        "the decision follows the commissioner's proposal, whose stance is not stated",
                    )
                }));
            }
            Some(mut r) => {
                // A decision that states its stance and adopts an opinion that says
                // otherwise: the decision's words are taken, but a reviewer should look.
                if r.review == Review::Inferred
                    && stance::adopts(&body.decision, &voice)
                    && let Some(o) = stance::read_opinion(&body.opinion, &voice)
                    && o.review == Review::Inferred
                    && o.verdict != r.verdict
                {
                    r.review = Review::Uncertain;
                    r.note = Some(
                        "the decision adopts the administration's opinion, which states another stance"
                            .into(),
                    );
                }
                readings.push(r)
            }
            None if body.decision.is_empty() && !body.opinion.is_empty() => {
                if let Some(r) = stance::read_opinion(&body.opinion, &voice) {
                    readings.push(r);
                }
            }
            None if !body.decision.is_empty() => {
                let source = first_sentence(&body.decision).unwrap_or_default();
                readings.push(unknown(
                    "decision.unrecognised",
                    source,
                    "the decision's wording says nothing the importer knows about the motion",
                ));
            }
            None if members || body.has_section => {
                let source = body.heading.clone().unwrap_or_else(|| {
                    let p = self.draft.positions.iter().find(|p| p.body == b);
                    Source::new(
                        p.map_or(body.name.clone(), |p| p.header.clone()),
                        p.map_or(body.line, |p| p.line),
                        p.map_or(body.line, |p| p.header_last),
                    )
                });
                readings.push(unknown(
                    "section.no_decision",
                    source,
                    "the body's part holds no decision and no opinion",
                ));
            }
            None => match &body.no_comments_source {
                // "Kulturnämnden har inga synpunkter på motionen": an answer that states no
                // stance.
                Some(src) => readings.push(unknown(
                    "referral.no_comments",
                    src.clone(),
                    "the body answered that it has no comments; the text states no stance on the motion",
                )),
                None => return,
            },
        }
        let Some(decisive) = readings.last() else {
            return;
        };
        let Verdict::Stance(stance) = decisive.verdict else {
            return;
        };
        if stance == Stance::Unknown {
            self.warnings.push(Warning {
                line: decisive.source.first,
                kind: WarningKind::UnknownStance {
                    body: body.name.clone(),
                },
            });
        }
        let has_opinion = !body.opinion.is_empty();
        let line = readings
            .first()
            .map_or(body.decision_line, |r| r.source.first);
        self.positions.push(Position {
            explicit_id: None,
            id: String::new(),
            body: b,
            stance,
            author: has_opinion.then(|| body.administration.clone()).flatten(),
            date: (body.kind == BodyKind::Board)
                .then_some(self.draft.date)
                .flatten(),
            byline: None,
            signatories: Vec::new(),
            parties: Vec::new(),
            proposals: Vec::new(),
            paragraphs: body.opinion.iter().map(|p| p.text.clone()).collect(),
            identical_to: None,
            concurs_with: None,
            evidence: readings.iter().map(reading_evidence).collect(),
            line,
            draft: None,
            all_parties: Vec::new(),
        });
        self.date_evidence();
    }

    /// Evidence for the date of the last position, when it has one (the board's, from
    /// "Stockholm den …").
    fn date_evidence(&mut self) {
        let Some(p) = self.positions.last_mut() else {
            return;
        };
        if let (Some(_), Some(src)) = (p.date, &self.draft.date_source) {
            p.evidence.push(evidence(
                Fact::Date,
                Review::Inferred,
                "date_line",
                src,
                None,
            ));
        }
    }

    fn member_position(&mut self, k: usize, p: &DraftPosition) {
        let parties = if p.byline.parties_apart {
            p.byline.parties.clone()
        } else {
            Vec::new()
        };
        self.positions.push(Position {
            explicit_id: None,
            id: String::new(),
            body: p.body,
            stance: p.stance,
            author: None,
            date: p.date,
            byline: p.byline.as_written_if_different().map(str::to_string),
            signatories: p.byline.signatories.clone(),
            parties,
            proposals: p.proposals.clone(),
            paragraphs: p.paragraphs.clone(),
            identical_to: None,
            concurs_with: None,
            evidence: member_evidence(p),
            line: p.line,
            draft: Some(k),
            all_parties: Vec::new(),
        });
        self.date_evidence();
    }

    /// Two statements of one kind in one body by the same first signatory are never both
    /// stated as sure: a body's part and "Reservationer m.m." may disagree on whose it is (a
    /// lost sub-heading). Each gets an uncertain `body` fact with its header, naming the other.
    fn same_signatory(&mut self) {
        let first = |p: &Position| {
            p.signatories.first().map(|s| {
                let n = normalise(&s.name);
                n.trim_end_matches("m.fl.").trim().to_string()
            })
        };
        let mut marks: Vec<(usize, Evidence)> = Vec::new();
        for (a, p) in self.positions.iter().enumerate() {
            let (Some(name), Some(k)) = (first(p), p.draft) else {
                continue;
            };
            for (b, q) in self.positions.iter().enumerate() {
                if a == b
                    || q.draft.is_none()
                    || q.body != p.body
                    || q.stance != p.stance
                    || first(q).as_ref() != Some(&name)
                {
                    continue;
                }
                let d = &self.draft.positions[k];
                let header = Source::new(d.header.clone(), d.line, d.header_last);
                let note = format!(
                    "the same body has another {} by {} (line {}); which body each belongs to is not sure",
                    p.stance.as_str().replace('_', " "),
                    p.signatories[0].name,
                    q.line
                );
                marks.push((
                    a,
                    evidence(
                        Fact::Body,
                        Review::Uncertain,
                        "section.same_signatory",
                        &header,
                        Some(note),
                    ),
                ));
            }
        }
        for (a, e) in marks {
            self.positions[a].evidence.push(e);
        }
    }

    /// Derived ids, as the loader derives them; a taken one gets `-2`, `-3`, … explicitly.
    fn assign_ids(&mut self, body_ids: &[String]) {
        let mut taken: Vec<String> = Vec::new();
        for p in &mut self.positions {
            let mut parties = p.parties.clone();
            for s in &p.signatories {
                if let Some(party) = &s.party
                    && !parties.contains(party)
                {
                    parties.push(party.clone());
                }
            }
            let derived = derive_position_id(&body_ids[p.body], p.stance, &parties);
            p.all_parties = parties;
            let mut id = derived.clone();
            let mut k = 2;
            while taken.contains(&id) {
                id = format!("{derived}-{k}");
                k += 1;
            }
            if id != derived {
                p.explicit_id = Some(id.clone());
            }
            taken.push(id.clone());
            p.id = id;
        }
    }

    /// Resolve "likalydande" and "instämde i" links to position ids: the position of the
    /// named body (else the same one) with the named stance, and the same signature line,
    /// else the named parties, else the only one.
    fn links(&mut self) {
        let mut set: Vec<(usize, ph::Tail, usize)> = Vec::new();
        let mut evidence_for: Vec<(usize, Evidence)> = Vec::new();
        for k in 0..self.positions.len() {
            let Some(d) = self.positions[k].draft.map(|i| &self.draft.positions[i]) else {
                continue;
            };
            let Some(link) = &d.link else { continue };
            let target_body = link
                .body
                .as_deref()
                .and_then(|name| self.body_by_name(name))
                .unwrap_or(d.body);
            let candidates: Vec<usize> = (0..self.positions.len())
                .filter(|&j| {
                    let q = &self.positions[j];
                    j != k && q.body == target_body && q.stance == link.stance
                })
                .collect();
            let by_line = link.byline.as_ref().and_then(|b| {
                candidates.iter().copied().find(|&j| {
                    self.positions[j].draft.is_some_and(|i| {
                        normalise(&self.draft.positions[i].byline.written) == normalise(&b.written)
                    })
                })
            });
            let by_party = || {
                candidates.iter().copied().find(|&j| {
                    !link.parties.is_empty()
                        && link
                            .parties
                            .iter()
                            .all(|c| self.positions[j].all_parties.contains(c))
                })
            };
            let only = || {
                (candidates.len() == 1 && link.parties.is_empty() && link.byline.is_none())
                    .then(|| candidates[0])
            };
            let found = by_line
                .map(|t| (t, "link.byline", Review::Inferred))
                .or_else(|| by_party().map(|t| (t, "link.party", Review::Inferred)))
                .or_else(|| only().map(|t| (t, "link.only_candidate", Review::Uncertain)));
            match found {
                Some((t, rule, review)) => {
                    let fact = match link.tail {
                        ph::Tail::IdenticalTo => Fact::IdenticalTo,
                        _ => Fact::ConcursWith,
                    };
                    let source = Source::new(d.header.clone(), d.line, d.header_last);
                    let note = (review == Review::Uncertain).then(|| {
                        "the link names no signatory or party; the only position of that kind was taken".to_string()
                    });
                    evidence_for.push((k, evidence(fact, review, rule, &source, note)));
                    set.push((k, link.tail, t));
                }
                None => self.warnings.push(Warning {
                    line: d.line,
                    kind: WarningKind::UnresolvedLink {
                        position: describe(
                            d.stance,
                            &d.byline.written,
                            &self.draft.bodies[d.body].name,
                            self.lang,
                        ),
                        link: link.text.clone(),
                    },
                }),
            }
        }
        for ((k, tail, t), (_, e)) in set.into_iter().zip(evidence_for) {
            let id = self.positions[t].id.clone();
            match tail {
                ph::Tail::IdenticalTo => {
                    if !self.identical_loops(k, t) {
                        self.positions[k].identical_to = Some(id);
                        self.positions[k].evidence.push(e);
                    }
                }
                _ => {
                    self.positions[k].concurs_with = Some(id);
                    self.positions[k].evidence.push(e);
                }
            }
        }
    }

    fn body_by_name(&self, name: &str) -> Option<usize> {
        let n = normalise(name);
        let n = n.trim_end_matches(['.', ',']);
        self.draft
            .bodies
            .iter()
            .position(|b| normalise(&b.name) == n)
    }

    /// Whether making `k` identical to `t` would close a loop of identical-to links.
    fn identical_loops(&self, k: usize, t: usize) -> bool {
        let mut j = t;
        for _ in 0..=self.positions.len() {
            if j == k {
                return true;
            }
            match self.positions[j]
                .identical_to
                .as_ref()
                .and_then(|id| self.positions.iter().position(|p| &p.id == id))
            {
                Some(next) => j = next,
                None => return false,
            }
        }
        true
    }
}

/// Evidence for a member statement's parties and body.
fn member_evidence(p: &DraftPosition) -> Vec<Evidence> {
    let header = Source::new(p.header.clone(), p.line, p.header_last);
    let unknown_codes: Vec<&String> = p
        .byline
        .parties
        .iter()
        .filter(|c| ph::party(c).is_none())
        .collect();
    let (review, note) = if p.byline.parties.is_empty() {
        (
            Review::Uncertain,
            Some("no party code was found in the signature line".to_string()),
        )
    } else if !unknown_codes.is_empty() {
        let codes: Vec<&str> = unknown_codes.iter().map(|c| c.as_str()).collect();
        (
            Review::Uncertain,
            Some(format!("not a known party code: {}", codes.join(", "))),
        )
    } else if p.byline.parties_apart {
        (
            Review::Uncertain,
            Some("the parties could not be given to the names one by one".to_string()),
        )
    } else {
        (Review::Inferred, None)
    };
    let mut out = match p
        .filled_by
        .as_ref()
        .and_then(|f| Some((f, f.other_parties.as_ref()?)))
    {
        // "Reservation av Jonas Nilsson m.fl. (M), se Reservationer m.m." and, there,
        // "Reservation av Jonas Nilsson m.fl. (L)": the announcement's parties, uncertain,
        // with both sentences.
        Some((filled, theirs)) => {
            let note = format!(
                "the announcement says ({}), the header of its text in \"Reservationer m.m.\" says ({}); the announcement's parties are kept",
                p.byline.parties.join(", "),
                theirs.join(", ")
            );
            [&header, &filled.source]
                .into_iter()
                .map(|src| {
                    evidence(
                        Fact::Parties,
                        Review::Uncertain,
                        "byline.parties_disagree",
                        src,
                        Some(note.clone()),
                    )
                })
                .collect()
        }
        None => vec![evidence(
            Fact::Parties,
            review,
            "byline.parties",
            &header,
            note,
        )],
    };
    if let Some(Filled {
        source,
        other_body: Some(stood_under),
        ..
    }) = &p.filled_by
    {
        // Its text stood in "Reservationer m.m." under another body's heading (or none): the
        // announcement placed it, uncertain, with both sentences.
        let under = match stood_under {
            Some(h) => format!("under the heading \"{}\" (line {})", h.sentence, h.first),
            None => "under no body's heading".to_string(),
        };
        let note = format!(
            "its text stood in \"Reservationer m.m.\" {under}; the announcement in this body's part names the same signatory"
        );
        for src in [&header, source] {
            out.push(evidence(
                Fact::Body,
                Review::Uncertain,
                "section.announcement",
                src,
                Some(note.clone()),
            ));
        }
        return out;
    }
    let body = match (&p.filled_by, &p.under) {
        (
            Some(Filled {
                same_line: false,
                other_parties: None,
                ..
            }),
            _,
        ) => evidence(
            Fact::Body,
            Review::Uncertain,
            "section.reference_by_party",
            &header,
            Some(
                "its text in \"Reservationer m.m.\" was matched by party, not by the same signature line"
                    .into(),
            ),
        ),
        (_, Some(heading)) => evidence(
            Fact::Body,
            Review::Inferred,
            "section.heading",
            heading,
            None,
        ),
        (_, None) => evidence(Fact::Body, Review::Inferred, "decision.body", &header, None),
    };
    out.push(body);
    out
}

fn byline_of(p: &Position) -> String {
    p.byline
        .clone()
        .unwrap_or_else(|| crate::model::signature_line(&p.signatories))
}

/// A body's id: its name as a slug; a district committee without "stadsdelsnämnd" and the
/// genitive s ("Skärholmens stadsdelsnämnd" → `skarholmen`).
pub fn body_id(name: &str, kind: BodyKind) -> String {
    let mut base = name.to_string();
    if kind == BodyKind::DistrictCommittee {
        let n = normalise(name);
        if let Some(stem) = n.strip_suffix(ph::DISTRICT_SUFFIX) {
            let stem = stem.strip_suffix('s').unwrap_or(stem);
            if !stem.is_empty() {
                base = stem.to_string();
            }
        }
    }
    let id = slug(&base);
    if id.is_empty() { "body".into() } else { id }
}

/// The governing majority, when the text names it ("den rödgröna majoriteten").
fn find_majority(d: &Draft) -> Option<(String, Vec<String>)> {
    let texts = d
        .sections
        .iter()
        .flat_map(|s| s.paragraphs.iter())
        .chain(d.positions.iter().flat_map(|p| p.paragraphs.iter()))
        .chain(
            d.bodies
                .iter()
                .flat_map(|b| b.opinion.iter().map(|p| &p.text)),
        );
    for t in texts {
        let n = normalise(t);
        if let Some((name, parties)) = ph::MAJORITIES.iter().find(|(m, _)| n.contains(m)) {
            return Some((
                (*name).to_string(),
                parties.iter().map(|p| (*p).to_string()).collect(),
            ));
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn body_ids() {
        assert_eq!(
            body_id("Skärholmens stadsdelsnämnd", BodyKind::DistrictCommittee),
            "skarholmen"
        );
        assert_eq!(
            body_id(
                "Hässelby-Vällingby stadsdelsnämnd",
                BodyKind::DistrictCommittee
            ),
            "hasselby-vallingby"
        );
        assert_eq!(
            body_id("Socialnämnden", BodyKind::Committee),
            "socialnamnden"
        );
        assert_eq!(
            body_id("Polisregion Stockholm", BodyKind::External),
            "polisregion-stockholm"
        );
        assert_eq!(body_id("Ωμέγα", BodyKind::External), "body");
    }
}
