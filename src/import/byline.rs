//! Signature lines and dates as the statements write them.
//!
//! "Aras Amin och Busra Lina Kocaturk (båda M)", "borgarråden Christofer Fjellner, Dennis Wedin
//! och Andréa Hedin (alla M)", "Stephan Guiance m.fl. (S), Shamso Ali Hassan m.fl. (V) och
//! Karmapriya Muschott m.fl. (MP)"; "17 februari 2026".

use super::phrases::{self, normalise};
use crate::model::Signatory;
use chrono::NaiveDate;

/// A parsed signature line.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Byline {
    /// As written, white space collapsed.
    pub written: String,
    pub signatories: Vec<Signatory>,
    /// Every party named, in order of appearance.
    pub parties: Vec<String>,
    /// Some parties could not be given to a signatory ("A, B och C (S, V)"): the position
    /// must list its parties itself.
    pub parties_apart: bool,
}

impl Byline {
    /// The line as written, unless generating it from the signatories gives the same.
    pub fn as_written_if_different(&self) -> Option<&str> {
        let generated = crate::model::signature_line(&self.signatories);
        (generated != self.written && !self.written.is_empty()).then_some(self.written.as_str())
    }
}

/// Parse a signature line. Never fails: what is not a party parenthesis is names.
pub fn parse(written: &str) -> Byline {
    let written = tidy(written);
    let mut out = Byline {
        written: written.clone(),
        ..Byline::default()
    };
    let s = written.as_str();
    let mut names_start = 0;
    let mut search = 0;
    while let Some(open_rel) = s[search..].find('(') {
        let open = search + open_rel;
        let Some(close_rel) = s[open..].find(')') else {
            break;
        };
        let close = open + close_rel;
        let Some(codes) = party_codes(&s[open + 1..close]) else {
            // Not a party parenthesis: part of the names.
            search = close + 1;
            continue;
        };
        let names = split_names(&s[names_start..open]);
        out.attach(names, codes);
        names_start = close + 1;
        search = close + 1;
    }
    let names = split_names(&s[names_start..]);
    // "Reservation av Moderaterna och Liberalerna", "… från Vänsterpartiet": parties named in
    // full and no person: the parties are the position's, and nobody signed by name.
    let codes: Option<Vec<&str>> = names.iter().map(|n| phrases::party_of_name(n)).collect();
    if let Some(codes) = codes.filter(|c| !c.is_empty() && out.signatories.is_empty()) {
        for c in codes {
            if !out.parties.iter().any(|p| p == c) {
                out.parties.push(c.to_string());
            }
        }
        out.parties_apart = true;
        return out;
    }
    for name in names {
        out.signatories.push(Signatory { name, party: None });
    }
    out
}

impl Byline {
    fn attach(&mut self, names: Vec<String>, codes: Vec<String>) {
        for c in &codes {
            if !self.parties.contains(c) {
                self.parties.push(c.clone());
            }
        }
        if names.is_empty() {
            // "Reservation (SD)": parties and no name to give them to.
            self.parties_apart |= !codes.is_empty();
        } else if codes.len() == 1 {
            for name in names {
                self.signatories.push(Signatory {
                    name,
                    party: Some(codes[0].clone()),
                });
            }
        } else if codes.len() == names.len() {
            for (name, code) in names.into_iter().zip(codes) {
                self.signatories.push(Signatory {
                    name,
                    party: Some(code),
                });
            }
        } else {
            if !codes.is_empty() {
                self.parties_apart = true;
            }
            for name in names {
                self.signatories.push(Signatory { name, party: None });
            }
        }
    }
}

/// Whether two signature lines name a signatory in common ("m.fl." and titles aside):
/// "Jonas Nilsson m.fl. (M)" and "Jonas Nilsson och Ulla Berg (M)".
pub fn share_a_name(a: &Byline, b: &Byline) -> bool {
    let names = |l: &Byline| -> Vec<String> {
        l.signatories
            .iter()
            .map(|s| {
                let n = normalise(&s.name);
                n.trim_end_matches("m.fl.").trim().to_string()
            })
            .filter(|n| !n.is_empty())
            .collect()
    };
    let theirs = names(b);
    names(a).iter().any(|n| theirs.contains(n))
}

/// Collapse white space; drop trailing separators, and a full stop after a parenthesis.
fn tidy(s: &str) -> String {
    let mut t = crate::text::squash_whitespace(s);
    loop {
        let before = t.len();
        t = t.trim_end_matches([',', ';', ':', ' ']).to_string();
        if t.ends_with(").") {
            t.pop();
        }
        if t.len() == before {
            return t;
        }
    }
}

/// The party codes inside a parenthesis, or `None` if it holds anything else.
fn party_codes(inside: &str) -> Option<Vec<String>> {
    let mut codes: Vec<String> = Vec::new();
    for token in inside.split(|c: char| c.is_whitespace() || c == ',' || c == '/') {
        if token.is_empty() || phrases::PARTY_QUANTIFIERS.contains(&normalise(token).as_str()) {
            continue;
        }
        let code = phrases::party_code(token)?;
        if !codes.contains(&code) {
            codes.push(code);
        }
    }
    (!codes.is_empty()).then_some(codes)
}

/// "borgarråden A, B och C" → [A, B, C].
fn split_names(s: &str) -> Vec<String> {
    let mut out = Vec::new();
    for piece in split_list(s) {
        push_name(&mut out, piece);
    }
    out
}

/// The items of a Swedish list, "a, b och c" → [a, b, c], untrimmed. A hyphen before "och"
/// keeps it ("Miljö- och hälsoskyddsnämnden" is one item).
pub fn split_list(s: &str) -> Vec<&str> {
    split_list_joined(s)
        .into_iter()
        .map(|(item, _)| item)
        .collect()
}

/// [`split_list`], each item with whether the word before it was a conjunction ("och",
/// "samt", [`phrases::LIST_CONJUNCTIONS`]) rather than a comma: "Stockholm Vatten och Avfall
/// AB" may be one name.
pub fn split_list_joined(s: &str) -> Vec<(&str, bool)> {
    let mut out = Vec::new();
    for piece in s.split(", ") {
        let mut rest = piece;
        let mut joined = false;
        loop {
            let next = phrases::LIST_CONJUNCTIONS
                .iter()
                .filter_map(|c| {
                    rest.match_indices(c)
                        .map(|(k, _)| k)
                        .find(|&k| !rest[..k].ends_with('-'))
                        .map(|k| (k, c.len()))
                })
                .min();
            let Some((at, len)) = next else { break };
            out.push((&rest[..at], joined));
            rest = &rest[at + len..];
            joined = true;
        }
        // "…, samt X" and "…, och X": the conjunction after a comma.
        let mut item = rest;
        for c in phrases::LIST_CONJUNCTIONS {
            if let Some(r) = item.strip_prefix(c.trim_start()) {
                item = r;
            }
        }
        out.push((item, joined));
    }
    out
}

fn push_name(out: &mut Vec<String>, raw: &str) {
    let mut name = raw.trim().trim_matches(',').trim();
    name = name.strip_prefix("och ").unwrap_or(name).trim();
    loop {
        let lower = normalise(name);
        match phrases::BYLINE_TITLES
            .iter()
            .find(|t| lower.starts_with(**t) && name.is_char_boundary(t.len()))
        {
            Some(t) => name = name[t.len()..].trim(),
            None => break,
        }
    }
    if !name.is_empty() {
        out.push(name.to_string());
    }
}

/// A date as the statements write it: "17 februari 2026", "den 4 mars 2026", "2026-02-17".
pub fn parse_date(s: &str) -> Option<NaiveDate> {
    let n = normalise(s);
    let n = n.trim_end_matches(['.', ',', ':']);
    let n = n.strip_prefix("den ").unwrap_or(n);
    // A TOML date has a four-digit year.
    let four_digits = |y: &str| y.len() == 4 && y.bytes().all(|b| b.is_ascii_digit());
    if let Some((y, _)) = n.split_once('-') {
        if four_digits(y)
            && let Ok(d) = NaiveDate::parse_from_str(n, "%Y-%m-%d")
        {
            return Some(d);
        }
        return None;
    }
    // "12/3 2025": day, then month, as Swedish writes it (never the month first).
    if let Some((dm, year)) = n.split_once(' ')
        && four_digits(year)
        && let Some((day, month)) = dm.split_once('/')
    {
        let day: u32 = day.parse().ok()?;
        let month: u32 = month.parse().ok()?;
        return NaiveDate::from_ymd_opt(year.parse().ok()?, month, day);
    }
    let mut words = n.split(' ');
    let (day, month, year) = (words.next()?, words.next()?, words.next()?);
    if words.next().is_some() || !four_digits(year) {
        return None;
    }
    let day: u32 = day.trim_end_matches('.').parse().ok()?;
    let month = phrases::MONTHS.iter().position(|m| *m == month)? as u32 + 1;
    let year: i32 = year.parse().ok()?;
    NaiveDate::from_ymd_opt(year, month, day)
}

/// Whether the text has the shape of a date ("31 februari 2026" has, but is no date).
pub fn looks_like_date(s: &str) -> bool {
    let n = normalise(s);
    let n = n.strip_prefix("den ").unwrap_or(&n);
    let words: Vec<&str> = n.split(' ').collect();
    match words.as_slice() {
        [d, m, y] => {
            d.chars().all(|c| c.is_ascii_digit())
                && phrases::MONTHS.contains(m)
                && y.chars().take(4).all(|c| c.is_ascii_digit())
        }
        [iso] => iso.len() == 10 && iso.chars().filter(|c| *c == '-').count() == 2,
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sig(name: &str, party: &str) -> Signatory {
        Signatory {
            name: name.into(),
            party: Some(party.into()),
        }
    }

    #[test]
    fn one_name_with_others() {
        let b = parse("Andréa Hedin m.fl. (M)");
        assert_eq!(b.signatories, [sig("Andréa Hedin m.fl.", "M")]);
        assert_eq!(b.parties, ["M"]);
        assert_eq!(b.as_written_if_different(), None);
    }

    #[test]
    fn both_and_all() {
        let b = parse("Aras Amin och Busra Lina Kocaturk (båda M)");
        assert_eq!(
            b.signatories,
            [sig("Aras Amin", "M"), sig("Busra Lina Kocaturk", "M")]
        );
        assert_eq!(
            b.as_written_if_different(),
            Some("Aras Amin och Busra Lina Kocaturk (båda M)")
        );
        let b = parse("borgarråden Christofer Fjellner, Dennis Wedin och Andréa Hedin (alla M)");
        assert_eq!(
            b.signatories,
            [
                sig("Christofer Fjellner", "M"),
                sig("Dennis Wedin", "M"),
                sig("Andréa Hedin", "M")
            ]
        );
    }

    #[test]
    fn several_parties() {
        let b = parse(
            "Stephan Guiance m.fl. (S), Shamso Ali Hassan m.fl. (V)   och Karmapriya Muschott m.fl. (MP)",
        );
        assert_eq!(
            b.signatories,
            [
                sig("Stephan Guiance m.fl.", "S"),
                sig("Shamso Ali Hassan m.fl.", "V"),
                sig("Karmapriya Muschott m.fl.", "MP")
            ]
        );
        assert_eq!(b.parties, ["S", "V", "MP"]);
        assert_eq!(b.as_written_if_different(), None);
    }

    #[test]
    fn pairs_and_leftovers() {
        let b = parse("Anna Ek och Bo Al (S, V)");
        assert_eq!(b.signatories, [sig("Anna Ek", "S"), sig("Bo Al", "V")]);
        let b = parse("Anna Ek, Bo Al och Cia Fors (S, V)");
        assert!(b.parties_apart);
        assert!(b.signatories.iter().all(|s| s.party.is_none()));
        let b = parse("Anna Ek");
        assert_eq!(b.signatories.len(), 1);
        assert!(b.parties.is_empty());
        let b = parse("(SD)");
        assert!(b.signatories.is_empty());
        assert_eq!(b.parties, ["SD"]);
    }

    #[test]
    fn odd_parentheses_are_names() {
        let b = parse("Anna (Annie) Ek (L).");
        assert_eq!(b.signatories, [sig("Anna (Annie) Ek", "L")]);
        let b = parse("Anna Ek (L");
        assert_eq!(b.signatories.len(), 1);
        assert_eq!(b.signatories[0].party, None);
    }

    #[test]
    fn dates() {
        assert_eq!(
            parse_date("17 februari 2026"),
            NaiveDate::from_ymd_opt(2026, 2, 17)
        );
        assert_eq!(
            parse_date("den 4 mars 2026"),
            NaiveDate::from_ymd_opt(2026, 3, 4)
        );
        assert_eq!(
            parse_date("2026-04-29"),
            NaiveDate::from_ymd_opt(2026, 4, 29)
        );
        assert_eq!(parse_date("31 februari 2026"), None);
        assert!(looks_like_date("31 februari 2026"));
        assert_eq!(parse_date("17 februari"), None);
        assert_eq!(parse_date("99999999999 maj 2026"), None);
        // Found by fuzzing: a year of five digits is no TOML date.
        assert_eq!(parse_date("29 april 20260"), None);
        assert_eq!(parse_date("20260-04-29"), None);
        assert_eq!(parse_date("+2026-04-29"), None);
        // Day, then month, as Swedish writes "12/3 2025"; never 3 December.
        assert_eq!(
            parse_date("12/3 2025"),
            NaiveDate::from_ymd_opt(2025, 3, 12)
        );
        assert_eq!(
            parse_date("den 3/3 2025"),
            NaiveDate::from_ymd_opt(2025, 3, 3)
        );
        assert_eq!(parse_date("3/13 2025"), None);
        assert_eq!(parse_date("12/3"), None);
        assert_eq!(parse_date("12/3 25"), None);
    }

    #[test]
    fn parties_without_a_name_are_the_positions_own() {
        // "Reservation (SD)": no signatory, but the party is not lost.
        let b = parse("(SD)");
        assert!(b.signatories.is_empty());
        assert_eq!(b.parties, ["SD"]);
        assert!(b.parties_apart);
    }

    #[test]
    fn parties_named_in_full_are_parties_not_signatories() {
        let b = parse("Moderaterna och Liberalerna");
        assert!(b.signatories.is_empty());
        assert_eq!(b.parties, ["M", "L"]);
        assert!(b.parties_apart);
        let b = parse("Vänsterpartiet");
        assert_eq!(b.parties, ["V"]);
        // A person is a person.
        let b = parse("Anna Ek och Moderaterna");
        assert_eq!(b.signatories.len(), 2);
    }
}
