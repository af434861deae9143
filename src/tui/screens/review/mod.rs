//! The review screen: the facts an import inferred, uncertain first, then the text it could
//! not place, then the inferred facts; each with its evidence (the sentence it was read from,
//! its source lines, its review state). The user confirms a fact, picks another stance or
//! party, or moves an unplaced paragraph to a body's decision or a position's text.
//!
//! Every decision is a [`Change`] of the review core ([`crate::review`]), sent to the shell as
//! [`Effect::Review`]; the shell writes the case file at once and the app takes in the case as
//! it now loads. This screen does no I/O: it reads the case from the [`Ctx`] each time, so a
//! confirmed fact leaves the list and the cursor is on the next one.

pub mod view;

use super::Route;
use super::reader::{Doc, ReaderScreen, layout};
use crate::i18n::Lang;
use crate::model::{Case, Fact, Part, Review, Stance, TextRef};
use crate::review::{self, Change, Destination, ReviewItem, Subject};
use crate::tui::action::{Action, Effect, Outcome, Shared};
use crate::tui::ctx::Ctx;
use crate::tui::keymap::Mode;
use crate::tui::screens::Screen;

/// One thing to review.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Entry {
    /// A fact with its evidence (not yet confirmed).
    Fact(ReviewItem),
    /// A paragraph of an unplaced section: the section's index in `Case::sections`, the
    /// paragraph's index in it.
    Unplaced { section: usize, paragraph: usize },
}

/// What is left to review in `case`: the uncertain facts, then every paragraph of the
/// unplaced sections, then the inferred facts (each group in [`review::items`]' order).
pub fn entries(case: &Case) -> Vec<Entry> {
    let items = review::items(case);
    let facts = |state: Review| {
        items
            .iter()
            .filter(move |i| i.review == state)
            .cloned()
            .map(Entry::Fact)
    };
    let unplaced = case
        .sections
        .iter()
        .enumerate()
        .filter(|(_, s)| s.id.starts_with(review::UNPLACED_PREFIX))
        .flat_map(|(k, s)| {
            (0..s.paragraphs.len()).map(move |paragraph| Entry::Unplaced {
                section: k,
                paragraph,
            })
        });
    facts(Review::Uncertain)
        .chain(unplaced)
        .chain(facts(Review::Inferred))
        .collect()
}

/// A choice offered in the picker, and the change it makes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Choice {
    pub label: String,
    pub change: Change,
}

/// What the picker chooses.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PickKind {
    Stance,
    Party,
    Destination,
}

/// The picker: the choices and the one under the cursor.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Pick {
    pub kind: PickKind,
    pub choices: Vec<Choice>,
    pub cursor: usize,
}

/// The review of one case: the cursor over [`entries`] (computed from the case each time, so
/// it follows every change), the picker while one is open, how far the evidence is scrolled,
/// and the source document's lines once the shell has read them.
#[derive(Debug, Clone)]
pub struct ReviewScreen {
    /// Index into the loaded cases.
    pub case: usize,
    /// Index into [`entries`].
    pub cursor: usize,
    /// The picker, while one is open.
    pub pick: Option<Pick>,
    /// The first line of the evidence shown (scrolled with PgDn/PgUp; back to 0 on another
    /// entry).
    pub evidence_top: u16,
    /// The source document's lines (asked for when the screen opens), or why it could not be
    /// read; `None` until the answer comes.
    pub source: Option<Result<Shared<Vec<String>>, String>>,
}

impl ReviewScreen {
    /// The review of case `case`, on its first entry.
    pub fn new(case: usize) -> ReviewScreen {
        ReviewScreen {
            case,
            cursor: 0,
            pick: None,
            evidence_top: 0,
            source: None,
        }
    }

    pub fn mode(&self) -> Mode {
        if self.pick.is_some() {
            Mode::Pick
        } else {
            Mode::Screen(Screen::Review)
        }
    }

    /// The entry under the cursor (the cursor kept inside the list).
    pub fn current(&self, case: &Case) -> Option<Entry> {
        let all = entries(case);
        let n = all.len();
        all.into_iter().nth(self.cursor.min(n.saturating_sub(1)))
    }

    /// Whether an action makes sense on the entry under the cursor.
    pub fn applies(&self, action: &Action, ctx: &Ctx) -> bool {
        if self.pick.is_some() {
            return true;
        }
        let case = ctx.case(self.case);
        let entry = self.current(case);
        match action {
            Action::ReviewConfirm => matches!(entry, Some(Entry::Fact(_))),
            Action::ReviewStance => stance_choices(case, entry.as_ref(), ctx.lang).is_some(),
            Action::ReviewParty => party_choices(case, entry.as_ref()).is_some(),
            Action::ReviewAssign => matches!(entry, Some(Entry::Unplaced { .. })),
            Action::Open => entry.is_some(),
            _ => true,
        }
    }

    pub fn update(&mut self, action: &Action, ctx: &Ctx) -> Outcome {
        let case = ctx.case(self.case);
        if let Some(pick) = &mut self.pick {
            let n = pick.choices.len();
            return match action {
                Action::Down => {
                    pick.cursor = (pick.cursor + 1).min(n.saturating_sub(1));
                    Outcome::none()
                }
                Action::Up => {
                    pick.cursor = pick.cursor.saturating_sub(1);
                    Outcome::none()
                }
                Action::Top => {
                    pick.cursor = 0;
                    Outcome::none()
                }
                Action::Bottom => {
                    pick.cursor = n.saturating_sub(1);
                    Outcome::none()
                }
                Action::Open => {
                    let change = pick.choices.get(pick.cursor).map(|c| c.change.clone());
                    self.pick = None;
                    match change {
                        Some(change) => Outcome::effect(Effect::Review {
                            case: self.case,
                            change,
                        }),
                        None => Outcome::none(),
                    }
                }
                Action::Back => {
                    self.pick = None;
                    Outcome::none()
                }
                _ => Outcome::none(),
            };
        }
        let n = entries(case).len();
        self.cursor = self.cursor.min(n.saturating_sub(1));
        let entry = self.current(case);
        let lang = ctx.lang;
        if matches!(
            action,
            Action::Down | Action::Up | Action::Top | Action::Bottom
        ) {
            self.evidence_top = 0;
        }
        match action {
            Action::PageDown => {
                // The view keeps the last page in sight (it knows the evidence's height).
                self.evidence_top = self.evidence_top.saturating_add(EVIDENCE_PAGE);
                Outcome::none()
            }
            Action::PageUp => {
                self.evidence_top = self.evidence_top.saturating_sub(EVIDENCE_PAGE);
                Outcome::none()
            }
            Action::Down => {
                self.cursor = (self.cursor + 1).min(n.saturating_sub(1));
                Outcome::none()
            }
            Action::Up => {
                self.cursor = self.cursor.saturating_sub(1);
                Outcome::none()
            }
            Action::Top => {
                self.cursor = 0;
                Outcome::none()
            }
            Action::Bottom => {
                self.cursor = n.saturating_sub(1);
                Outcome::none()
            }
            Action::ReviewConfirm => match entry {
                Some(Entry::Fact(item)) => Outcome::effect(Effect::Review {
                    case: self.case,
                    change: Change::Confirm { item: item.id },
                }),
                Some(Entry::Unplaced { .. }) => Outcome::say(ctx.keys_in(
                    Mode::Screen(Screen::Review),
                    lang.pick(
                        "Only a fact can be confirmed; {review-assign} moves a paragraph",
                        "Bara ett faktum kan bekräftas; {review-assign} flyttar ett stycke",
                    ),
                )),
                None => Outcome::none(),
            },
            Action::ReviewStance => self.open_pick(
                PickKind::Stance,
                stance_choices(case, entry.as_ref(), lang),
                lang.pick(
                    "s is for a position's stance; this is another fact",
                    "s gäller ett ställningstagandes ställning; detta är ett annat faktum",
                ),
            ),
            Action::ReviewParty => self.open_pick(
                PickKind::Party,
                party_choices(case, entry.as_ref()),
                lang.pick(
                    "p is for a statement's parties; this is another fact",
                    "p gäller ett yttrandes partier; detta är ett annat faktum",
                ),
            ),
            Action::ReviewAssign => self.open_pick(
                PickKind::Destination,
                destination_choices(case, entry.as_ref(), lang),
                lang.pick(
                    "m is for a paragraph the import could not place",
                    "m gäller ett stycke som importen inte kunde placera",
                ),
            ),
            Action::Open => match entry {
                Some(e) => {
                    let (doc, paragraph) = source_of(case, &e);
                    let r = ReaderScreen::open(ctx, self.case, doc, paragraph);
                    Outcome::push(Route::Reader(Box::new(r)))
                }
                None => Outcome::none(),
            },
            Action::Back => Outcome::pop(),
            _ => Outcome::none(),
        }
    }

    fn open_pick(&mut self, kind: PickKind, choices: Option<Vec<Choice>>, no: &str) -> Outcome {
        match choices {
            Some(choices) if !choices.is_empty() => {
                self.pick = Some(Pick {
                    kind,
                    choices,
                    cursor: 0,
                });
                Outcome::none()
            }
            _ => Outcome::say(no),
        }
    }
}

/// Lines the evidence scrolls by with PgDn/PgUp.
pub const EVIDENCE_PAGE: u16 = 5;

/// Where the reader opens for an entry: a position's text, else the case's own texts (the
/// unplaced paragraph under the cursor).
fn source_of(case: &Case, entry: &Entry) -> (Doc, usize) {
    match entry {
        Entry::Fact(ReviewItem {
            subject: Subject::Position(p),
            ..
        }) => (Doc::Position(*p), 0),
        Entry::Fact(_) => (Doc::CaseText, 0),
        Entry::Unplaced { section, paragraph } => {
            let at = TextRef::new(Part::Section(*section), *paragraph);
            let (doc, i) = layout::locate(case, at);
            (doc, i.unwrap_or(0))
        }
    }
}

/// A position in a few words: "Socialnämnden · Reservation (M)".
pub fn position_label(case: &Case, p: usize, lang: Lang) -> String {
    let pos = &case.positions[p];
    let parties = if pos.parties.is_empty() {
        String::new()
    } else {
        format!(" ({})", pos.parties.join(", "))
    };
    format!(
        "{} · {}{parties}",
        case.body(pos).name,
        lang.stance(pos.stance)
    )
}

/// The other stances a position's stance fact may take: a body's decision another decision,
/// a statement another kind of statement (never `no_answer`, which only a body that did not
/// answer has). `None` when the entry is no position's stance.
fn stance_choices(case: &Case, entry: Option<&Entry>, lang: Lang) -> Option<Vec<Choice>> {
    let Some(Entry::Fact(ReviewItem {
        subject: Subject::Position(p),
        fact: Fact::Stance,
        ..
    })) = entry
    else {
        return None;
    };
    let pos = &case.positions[*p];
    Some(
        Stance::ALL
            .into_iter()
            .filter(|s| choosable(pos.stance, *s))
            .map(|stance| Choice {
                label: lang.stance(stance).to_string(),
                change: Change::Stance {
                    position: pos.id.clone(),
                    stance,
                },
            })
            .collect(),
    )
}

/// Whether a position with stance `from` may be given `to` in the review: a body's decision
/// stays a decision, a statement a statement, and `no_answer` is only for a body that did not
/// answer.
pub fn choosable(from: Stance, to: Stance) -> bool {
    to != from && to != Stance::NoAnswer && to.is_decision() == from.is_decision()
}

/// Each party of a statement replaced by each other party ("M → S"). `None` when the entry
/// is no position's parties.
fn party_choices(case: &Case, entry: Option<&Entry>) -> Option<Vec<Choice>> {
    let Some(Entry::Fact(ReviewItem {
        subject: Subject::Position(p),
        fact: Fact::Parties,
        ..
    })) = entry
    else {
        return None;
    };
    let pos = &case.positions[*p];
    let codes = review::party_codes(case);
    let choices: Vec<Choice> = pos
        .parties
        .iter()
        .flat_map(|from| {
            codes
                .iter()
                .filter(move |to| *to != from && !pos.parties.contains(to))
                .map(move |to| Choice {
                    label: format!("{from} → {to}"),
                    change: Change::Party {
                        position: pos.id.clone(),
                        from: from.clone(),
                        to: to.clone(),
                    },
                })
        })
        .collect();
    Some(choices)
}

/// Where an unplaced paragraph may go: each body's decision, then each position's text (not
/// the derived positions of bodies that did not answer).
fn destination_choices(case: &Case, entry: Option<&Entry>, lang: Lang) -> Option<Vec<Choice>> {
    let Some(Entry::Unplaced { section, paragraph }) = entry else {
        return None;
    };
    let section = &case.sections[*section].id;
    let change = |to: Destination| Change::Assign {
        section: section.clone(),
        paragraph: *paragraph,
        to,
    };
    let decisions = case.bodies.iter().map(|b| Choice {
        label: format!("{}: {}", b.name, lang.pick("decision", "beslut")),
        change: change(Destination::Decision(b.id.clone())),
    });
    let positions = case
        .positions
        .iter()
        .enumerate()
        .filter(|(_, p)| p.stance != Stance::NoAnswer)
        .map(|(i, p)| Choice {
            label: position_label(case, i, lang),
            change: change(Destination::Position(p.id.clone())),
        });
    Some(decisions.chain(positions).collect())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tui::testing::Harness;

    const STATEMENT: &str = include_str!("../../../../tests/fixtures/evidence/parkbankar.txt");

    fn case() -> Case {
        let toml = crate::import::import_text(STATEMENT, "t.txt", Lang::En).toml;
        crate::model::parse_case(&toml, "t.toml", "t").unwrap()
    }

    #[test]
    fn uncertain_first_then_unplaced_then_inferred() {
        let case = case();
        let all = entries(&case);
        assert!(matches!(&all[0], Entry::Fact(i) if i.review == Review::Uncertain));
        let first_unplaced = all
            .iter()
            .position(|e| matches!(e, Entry::Unplaced { .. }))
            .unwrap();
        assert!(
            all[..first_unplaced]
                .iter()
                .all(|e| matches!(e, Entry::Fact(i) if i.review == Review::Uncertain))
        );
        assert!(
            all[first_unplaced + 2..]
                .iter()
                .all(|e| matches!(e, Entry::Fact(i) if i.review == Review::Inferred)),
            "{all:#?}"
        );
    }

    #[test]
    fn keys_ask_for_changes_and_never_write() {
        let h = Harness::on(vec![case()], Lang::En, 80, 24);
        let ctx = h.ctx(Screen::Review);
        let mut s = ReviewScreen::new(0);
        let out = s.update(&Action::ReviewConfirm, &ctx);
        let [Effect::Review { case: 0, change }] = out.effects.as_slice() else {
            panic!("{:?}", out.effects)
        };
        assert_eq!(
            *change,
            Change::Confirm {
                item: "socialnamnden/reject#stance".into()
            }
        );
        // Another stance: a picker of the other decisions.
        s.update(&Action::ReviewStance, &ctx);
        assert_eq!(s.mode(), Mode::Pick);
        let pick = s.pick.as_ref().unwrap();
        let labels: Vec<&str> = pick.choices.iter().map(|c| c.label.as_str()).collect();
        assert_eq!(
            labels,
            ["Approve", "Approve in part", "Answered", "Unknown (?)"]
        );
        s.update(&Action::Down, &ctx);
        let out = s.update(&Action::Open, &ctx);
        assert!(matches!(
            out.effects.as_slice(),
            [Effect::Review {
                change: Change::Stance {
                    stance: Stance::ApproveInPart,
                    ..
                },
                ..
            }]
        ));
        assert!(s.pick.is_none());
        // Esc closes a picker without a change.
        s.update(&Action::ReviewStance, &ctx);
        let out = s.update(&Action::Back, &ctx);
        assert!(out.effects.is_empty() && s.pick.is_none());
        // No party to change on a stance; m only on unplaced text.
        assert!(!s.applies(&Action::ReviewParty, &ctx));
        assert!(!s.applies(&Action::ReviewAssign, &ctx));
    }
}
