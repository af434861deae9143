//! Normalising text before comparison: words are folded to lower case, the names of the case's
//! bodies (and their districts and administrations) become one placeholder token, and
//! boilerplate phrases are dropped. Words are interned to `u32` ids so that comparing and
//! diffing works on integers.
//!
//! A *word* is a maximal run of alphanumeric characters, so punctuation never counts and
//! "Hässelby-Vällingby" is two words. Numbers are content (issue 12): an amount, a year or a
//! count is a word like any other, so two texts that differ only in a number are variants,
//! never identical. Only the spacing of a number is ignored: digit groups of three after a
//! number, separated by one space (also no-break or thin space), are one number ("10 000" and
//! "10000" are the same word).

use crate::model::{BodyKind, Case};
use std::collections::HashMap;

/// Stands for any body or district name (cannot be produced by the tokeniser).
const PLACEHOLDER: &str = "§body";

/// Protocol phrases that every position may contain and that never count as reuse.
pub const BOILERPLATE: &[&str] = &[
    "att tillstyrka motionen",
    "att avstyrka motionen",
    "att bifalla motionen",
    "att avslå motionen",
    "att därutöver anföra",
    "vi föreslår att kommunstyrelsen föreslår att kommunfullmäktige beslutar följande",
    "godkänner tjänsteutlåtandet som svar på remissen",
    "godkänner förvaltningens tjänsteutlåtande som svar på remissen",
    "som svar på remissen",
    "reservation anfördes av",
    "särskilt uttalande gjordes av",
    "instämde i reservation",
    "i övrigt hänvisar jag till",
];

/// Endings of inhabitant words: "skärholms|borna", "södermalms|bor", "bromma|bo".
const DEMONYM_ENDINGS: &[&str] = &["bo", "bon", "bor", "borna"];

/// Maps normalised words to ids; shared by every case of one build.
#[derive(Debug, Default)]
pub struct Interner {
    ids: HashMap<String, u32>,
}

impl Interner {
    pub fn id(&mut self, word: &str) -> u32 {
        if let Some(&id) = self.ids.get(word) {
            return id;
        }
        let id = u32::try_from(self.ids.len()).unwrap_or(u32::MAX);
        self.ids.insert(word.to_owned(), id);
        id
    }
}

/// What to do with a phrase found in the text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Action {
    /// A body or district name: replace by the placeholder.
    Name,
    /// Boilerplate: drop.
    Drop,
}

/// The normaliser of one case: its name phrases and the boilerplate, as id sequences indexed
/// by their first word (longest first).
#[derive(Debug)]
pub struct Normaliser {
    phrases: HashMap<u32, Vec<(Vec<u32>, Action)>>,
    /// Stems of district names for inhabitant words ("skärholm", "skärholms").
    demonym_stems: Vec<String>,
    placeholder: u32,
}

impl Normaliser {
    /// The normaliser for `case`: every body's name and administration, and for district
    /// committees the district's name in its plain, genitive and compound forms and the
    /// inhabitant words ("Skärholmens stadsdelsnämnd" → "skärholmens stadsdelsnämnd",
    /// "skärholmen", "skärholmens", "skärholms", "skärholmsbo(n/r/rna)").
    pub fn for_case(case: &Case, boilerplate: &[String], interner: &mut Interner) -> Normaliser {
        let mut names: Vec<Vec<String>> = Vec::new();
        let mut demonym_stems = Vec::new();
        for body in &case.bodies {
            let mut full = vec![words_of(&body.name)];
            if let Some(a) = &body.administration {
                full.push(words_of(a));
            }
            if body.kind == BodyKind::DistrictCommittee {
                for f in full.clone() {
                    if let Some(place) = district_place(&f) {
                        let stem = place.last().map(|w| stem_of(w)).unwrap_or_default();
                        let mut compound = place.clone();
                        if let Some(last) = compound.last_mut() {
                            *last = format!("{stem}s");
                        }
                        if let Some(last) = place.last() {
                            demonym_stems.push(last.clone());
                        }
                        demonym_stems.push(stem.clone());
                        demonym_stems.push(format!("{stem}s"));
                        full.push(place);
                        full.push(compound);
                    }
                }
            }
            for f in full {
                names.push(genitive(&f));
                names.push(f);
            }
        }
        demonym_stems.retain(|s| s.chars().count() >= 3);
        demonym_stems.sort();
        demonym_stems.dedup();

        let mut phrases: HashMap<u32, Vec<(Vec<u32>, Action)>> = HashMap::new();
        let mut add = |words: &[String], action: Action, interner: &mut Interner| {
            if words.is_empty() {
                return;
            }
            let ids: Vec<u32> = words.iter().map(|w| interner.id(w)).collect();
            let list = phrases.entry(ids[0]).or_default();
            if !list.iter().any(|(p, _)| *p == ids) {
                list.push((ids, action));
            }
        };
        for n in &names {
            add(n, Action::Name, interner);
        }
        for b in boilerplate {
            add(&words_of(b), Action::Drop, interner);
        }
        for list in phrases.values_mut() {
            list.sort_by_key(|p| std::cmp::Reverse(p.0.len()));
        }
        Normaliser {
            phrases,
            demonym_stems,
            placeholder: interner.id(PLACEHOLDER),
        }
    }

    /// Append the normalised word ids of `text` to `out`.
    pub fn normalise(&self, text: &str, interner: &mut Interner, out: &mut Vec<u32>) {
        let start = out.len();
        let mut buf = String::new();
        for word in words(text) {
            fold(&word, &mut buf);
            let id = if self.is_demonym(&buf) {
                self.placeholder
            } else {
                interner.id(&buf)
            };
            out.push(id);
        }
        self.apply_phrases(out, start);
    }

    fn is_demonym(&self, word: &str) -> bool {
        DEMONYM_ENDINGS.iter().any(|end| {
            word.strip_suffix(end).is_some_and(|stem| {
                self.demonym_stems
                    .binary_search_by(|s| s.as_str().cmp(stem))
                    .is_ok()
            })
        })
    }

    /// Replace names by the placeholder and drop boilerplate in `out[start..]`.
    fn apply_phrases(&self, out: &mut Vec<u32>, start: usize) {
        if self.phrases.is_empty() {
            return;
        }
        let mut read = start;
        let mut write = start;
        while read < out.len() {
            let hit = self.phrases.get(&out[read]).and_then(|list| {
                list.iter().find(|(p, _)| {
                    out.len() - read >= p.len() && out[read..read + p.len()] == p[..]
                })
            });
            match hit {
                Some((p, Action::Name)) => {
                    out[write] = self.placeholder;
                    write += 1;
                    read += p.len();
                }
                Some((p, Action::Drop)) => read += p.len(),
                None => {
                    out[write] = out[read];
                    write += 1;
                    read += 1;
                }
            }
        }
        out.truncate(write);
    }
}

/// Maximal runs of alphanumeric characters.
pub fn raw_words(text: &str) -> impl Iterator<Item = &str> {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
}

/// A space that may stand between the digit groups of a number ("10 000"): space, no-break
/// space, narrow no-break space, thin space.
fn is_group_space(c: char) -> bool {
    matches!(c, ' ' | '\u{a0}' | '\u{202f}' | '\u{2009}')
}

/// The words of `text` ([`raw_words`]), with a number's digit groups joined: "10 000 kr" →
/// "10000", "kr". A number written in groups starts with one to three ASCII digits; each
/// following group is exactly three ASCII digits after exactly one group space.
pub fn words(text: &str) -> impl Iterator<Item = std::borrow::Cow<'_, str>> {
    let digits = |w: &str| !w.is_empty() && w.bytes().all(|b| b.is_ascii_digit());
    let mut raw = text
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .peekable();
    std::iter::from_fn(move || {
        let word = raw.next()?;
        if !digits(word) || word.len() > 3 {
            return Some(std::borrow::Cow::Borrowed(word));
        }
        let mut joined: Option<String> = None;
        let mut end = word;
        while let Some(&next) = raw.peek() {
            let gap = gap_between(text, end, next);
            let one_space = {
                let mut g = gap.chars();
                g.next().is_some_and(is_group_space) && g.next().is_none()
            };
            if !(one_space && next.len() == 3 && digits(next)) {
                break;
            }
            joined
                .get_or_insert_with(|| word.to_string())
                .push_str(next);
            end = next;
            raw.next();
        }
        Some(joined.map_or(std::borrow::Cow::Borrowed(word), std::borrow::Cow::Owned))
    })
}

/// The text between two subslices of `text`, `a` before `b`.
fn gap_between<'a>(text: &'a str, a: &str, b: &str) -> &'a str {
    let base = text.as_ptr() as usize;
    let start = a.as_ptr() as usize + a.len() - base;
    let end = b.as_ptr() as usize - base;
    text.get(start..end).unwrap_or("")
}

/// Lower-case `word` into `buf`.
fn fold(word: &str, buf: &mut String) {
    buf.clear();
    if word.is_ascii() {
        buf.push_str(word);
        buf.make_ascii_lowercase();
    } else {
        buf.extend(word.chars().flat_map(char::to_lowercase));
    }
}

/// The folded words of a phrase.
fn words_of(s: &str) -> Vec<String> {
    let mut buf = String::new();
    raw_words(s)
        .map(|w| {
            fold(w, &mut buf);
            buf.clone()
        })
        .collect()
}

/// The phrase with its last word in the genitive ("socialnämnden" → "socialnämndens").
fn genitive(words: &[String]) -> Vec<String> {
    let mut g = words.to_vec();
    if let Some(last) = g.last_mut()
        && !last.ends_with('s')
    {
        last.push('s');
    }
    g
}

/// The district of a district committee's or administration's name: "skärholmens
/// stadsdelsnämnd" → "skärholmen"; "hässelby vällingby stadsdelsförvaltning" → "hässelby
/// vällingby".
fn district_place(words: &[String]) -> Option<Vec<String>> {
    let (last, place) = words.split_last()?;
    if place.is_empty() || !(last.starts_with("stadsdels") || last.ends_with("nämnd")) {
        return None;
    }
    let mut place = place.to_vec();
    if let Some(w) = place.last_mut()
        && (w.ends_with("ens") || w.ends_with("ms") || w.ends_with("ns") || w.ends_with("rs"))
    {
        w.pop();
    }
    Some(place)
}

/// The compound stem of a place name: "skärholmen" → "skärholm", "södermalm" → "södermalm".
fn stem_of(place: &str) -> String {
    place
        .strip_suffix("en")
        .filter(|s| s.chars().count() >= 3)
        .unwrap_or(place)
        .to_string()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::load_bundled;

    fn normalised(text: &str) -> Vec<String> {
        let case = load_bundled();
        let mut interner = Interner::default();
        let b: Vec<String> = BOILERPLATE.iter().map(|s| s.to_string()).collect();
        let n = Normaliser::for_case(&case, &b, &mut interner);
        let mut ids = Vec::new();
        n.normalise(text, &mut interner, &mut ids);
        let names: HashMap<u32, String> = interner
            .ids
            .iter()
            .map(|(w, &id)| (id, w.clone()))
            .collect();
        ids.iter().map(|id| names[id].clone()).collect()
    }

    #[test]
    fn case_and_punctuation_are_folded_numbers_kept() {
        assert_eq!(
            normalised("Trygghet är INTE bara; statistik 18,3 procent (2025)."),
            [
                "trygghet",
                "är",
                "inte",
                "bara",
                "statistik",
                "18",
                "3",
                "procent",
                "2025"
            ]
        );
    }

    #[test]
    fn a_numbers_spacing_is_ignored_its_value_is_not() {
        let ten = ["avsätta", "10000", "kr", "år", "2026"];
        assert_eq!(normalised("avsätta 10 000 kr år 2026"), ten);
        assert_eq!(normalised("avsätta 10000 kr år 2026"), ten);
        assert_eq!(normalised("avsätta 10\u{a0}000 kr år 2026"), ten);
        assert_eq!(normalised("Avsätta 10 000 KR, år 2026."), ten);
        assert_eq!(
            normalised("avsätta 250 000 kr år 2028"),
            ["avsätta", "250000", "kr", "år", "2028"]
        );
        assert_eq!(normalised("1 000 000"), ["1000000"]);
        // Not digit groups: two spaces, four digits, a word between.
        assert_eq!(normalised("10  000"), ["10", "000"]);
        assert_eq!(
            normalised("punkt 3 och 4, 2026 1234"),
            ["punkt", "3", "och", "4", "2026", "1234"]
        );
        assert_eq!(normalised("år 2026 000"), ["år", "2026", "000"]);
        assert_eq!(
            normalised("2 500 000 och 12 345"),
            ["2500000", "och", "12345"]
        );
    }

    #[test]
    fn body_and_district_names_become_a_placeholder() {
        assert_eq!(
            normalised("När hälften av Skärholmens invånare i Skärholmens stadsdelsområde"),
            [
                "när",
                "hälften",
                "av",
                "§body",
                "invånare",
                "i",
                "§body",
                "stadsdelsområde"
            ]
        );
        assert_eq!(
            normalised("bland skärholmsborna och Hässelby-Vällingby stadsdelsnämnd"),
            ["bland", "§body", "och", "§body"]
        );
        assert_eq!(normalised("Socialnämndens beslut"), ["§body", "beslut"]);
        assert_eq!(
            normalised("Södermalm och Skärholmen"),
            ["§body", "och", "§body"]
        );
        // A real change stays a change.
        assert_eq!(
            normalised("invånarna i vissa stadsdelar"),
            ["invånarna", "i", "vissa", "stadsdelar"]
        );
    }

    #[test]
    fn boilerplate_is_dropped() {
        assert_eq!(
            normalised("Att tillstyrka motionen, att därutöver anföra följande"),
            ["följande"]
        );
    }

    #[test]
    fn odd_input_is_handled() {
        assert!(normalised("").is_empty());
        assert!(normalised(" ,.;— ").is_empty());
        assert_eq!(normalised("ÅÄÖ İx"), ["åäö", "i\u{307}x"]);
    }
}
