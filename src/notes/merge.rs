//! Three-way merge of notes, for two remiss sessions writing the same notes file.
//!
//! `base` is the file as this session last read or wrote it, `ours` this session's notes,
//! `theirs` the file as it is on disk now. Items are matched by id. Nothing is lost: an item
//! changed on one side and deleted on the other is kept, and an item changed differently on
//! both sides is kept twice (ours, then theirs right after it).

use super::{Item, Notes, new_id};
use std::collections::{HashMap, HashSet};

/// What a merge did, for the status line.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct MergeReport {
    /// Items the other session added that were taken in.
    pub added: usize,
    /// Items the other session deleted that were removed here too.
    pub removed: usize,
    /// Items the other session changed that were taken in.
    pub changed: usize,
    /// Items changed on both sides (both versions kept) or changed on one side and deleted
    /// on the other (kept).
    pub conflicts: usize,
}

impl MergeReport {
    pub fn is_empty(&self) -> bool {
        *self == MergeReport::default()
    }
}

/// Merge `ours` and `theirs`, both descended from `base`. The order is ours, with the other
/// side's new items placed after the item they follow there.
pub fn merge(base: &Notes, ours: &Notes, theirs: &Notes) -> (Notes, MergeReport) {
    let by_id = |n: &Notes| -> HashMap<String, Item> {
        n.items.iter().map(|i| (i.id.clone(), i.clone())).collect()
    };
    let (b, t) = (by_id(base), by_id(theirs));
    let o_ids: HashSet<&str> = ours.items.iter().map(|i| i.id.as_str()).collect();
    let mut report = MergeReport::default();
    let mut out: Vec<Item> = Vec::with_capacity(ours.items.len() + theirs.items.len());

    for item in &ours.items {
        let id = item.id.as_str();
        match (b.get(id), t.get(id)) {
            // Only here, or unchanged there: ours.
            (None, None) => out.push(item.clone()),
            (Some(base_item), Some(their_item)) if base_item == their_item => {
                out.push(item.clone());
            }
            // Changed there only: theirs.
            (Some(base_item), Some(their_item)) if base_item == item => {
                report.changed += 1;
                out.push(their_item.clone());
            }
            // Changed on both sides, differently: keep both.
            (_, Some(their_item)) => {
                out.push(item.clone());
                if their_item != item {
                    report.conflicts += 1;
                    out.push(Item {
                        id: new_id(),
                        kind: their_item.kind.clone(),
                    });
                }
            }
            // Deleted there: delete here too, unless we changed it.
            (Some(base_item), None) => {
                if base_item == item {
                    report.removed += 1;
                } else {
                    report.conflicts += 1;
                    out.push(item.clone());
                }
            }
        }
    }

    // Their items that ours does not have: new there (add), or deleted here (keep deleted
    // unless they changed it).
    for (n, item) in theirs.items.iter().enumerate() {
        if o_ids.contains(item.id.as_str()) {
            continue;
        }
        let keep = match b.get(&item.id) {
            None => {
                report.added += 1;
                true
            }
            Some(base_item) if base_item != item => {
                report.conflicts += 1;
                true
            }
            Some(_) => false,
        };
        if !keep {
            continue;
        }
        // After the nearest item above it (in theirs) that is already placed.
        let after = theirs.items[..n]
            .iter()
            .rev()
            .find_map(|prev| out.iter().position(|o| o.id == prev.id));
        let at = after.map_or(0, |i| i + 1);
        out.insert(at, item.clone());
    }

    (
        Notes {
            items: out,
            ..ours.clone()
        },
        report,
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::notes::ItemKind;

    fn h(id: &str, text: &str) -> Item {
        Item {
            id: id.into(),
            kind: ItemKind::Heading(text.into()),
        }
    }

    fn notes(items: &[Item]) -> Notes {
        Notes {
            items: items.to_vec(),
            ..Notes::default()
        }
    }

    fn texts(n: &Notes) -> Vec<String> {
        n.items
            .iter()
            .map(|i| match &i.kind {
                ItemKind::Heading(t) => t.clone(),
                ItemKind::Quote(q) => q.text.clone(),
            })
            .collect()
    }

    #[test]
    fn additions_on_both_sides_are_kept_in_place() {
        let base = notes(&[h("1", "a"), h("2", "b")]);
        let ours = notes(&[h("1", "a"), h("2", "b"), h("3", "ours")]);
        let theirs = notes(&[h("1", "a"), h("4", "theirs"), h("2", "b")]);
        let (m, r) = merge(&base, &ours, &theirs);
        assert_eq!(texts(&m), ["a", "theirs", "b", "ours"]);
        assert_eq!(r.added, 1);
    }

    #[test]
    fn deletions_and_edits_from_the_other_side_are_taken() {
        let base = notes(&[h("1", "a"), h("2", "b"), h("3", "c")]);
        let ours = base.clone();
        let theirs = notes(&[h("1", "A"), h("3", "c")]);
        let (m, r) = merge(&base, &ours, &theirs);
        assert_eq!(texts(&m), ["A", "c"]);
        assert_eq!((r.changed, r.removed, r.conflicts), (1, 1, 0));
    }

    #[test]
    fn nothing_is_lost_in_a_conflict() {
        let base = notes(&[h("1", "a"), h("2", "b")]);
        // Both edit 1; we edit 2 which they delete.
        let ours = notes(&[h("1", "ours"), h("2", "B")]);
        let theirs = notes(&[h("1", "theirs")]);
        let (m, r) = merge(&base, &ours, &theirs);
        assert_eq!(texts(&m), ["ours", "theirs", "B"]);
        assert_eq!(r.conflicts, 2);
        // They edit an item we deleted: theirs comes back.
        let ours = notes(&[h("1", "a")]);
        let theirs = notes(&[h("1", "a"), h("2", "edited")]);
        let (m, r) = merge(&base, &ours, &theirs);
        assert_eq!(texts(&m), ["a", "edited"]);
        assert_eq!(r.conflicts, 1);
    }

    #[test]
    fn our_deletion_of_an_unchanged_item_stands() {
        let base = notes(&[h("1", "a"), h("2", "b")]);
        let ours = notes(&[h("1", "a")]);
        let (m, r) = merge(&base, &ours, &base);
        assert_eq!(texts(&m), ["a"]);
        assert!(r.is_empty());
    }
}
