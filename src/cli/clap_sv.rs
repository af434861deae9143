//! clap's usage errors and help in Swedish. clap words its errors in English; in a Swedish
//! run the command line words them from the error's kind and context (the argument, the
//! value, the valid values, the suggestion, the usage line), the way clap's own formatter
//! does, and the help gets Swedish headings and flag texts. Where clap gives no context to
//! word an error from, its English text is kept.

use crate::i18n::Lang;
use clap::error::{ContextKind, ContextValue, ErrorKind};
use clap::{Arg, ArgAction};

/// The text of a clap error or help in `lang` (plain, no colour).
pub fn error_text(e: &clap::Error, lang: Lang) -> String {
    match lang {
        Lang::En => e.render().to_string(),
        Lang::Sv => sv(e).unwrap_or_else(|| e.render().to_string()),
    }
}

fn sv(e: &clap::Error) -> Option<String> {
    let s = |k| match e.get(k) {
        Some(ContextValue::String(s)) => Some(s.clone()),
        _ => None,
    };
    let list = |k| match e.get(k) {
        Some(ContextValue::Strings(v)) => v.clone(),
        _ => Vec::new(),
    };
    let number = |k| match e.get(k) {
        Some(ContextValue::Number(n)) => Some(*n),
        _ => None,
    };
    let mut m = String::from("fel: ");
    match e.kind() {
        // Help and the version are not errors: the help is Swedish through `localize`.
        ErrorKind::DisplayHelp
        | ErrorKind::DisplayVersion
        | ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand => return None,
        ErrorKind::UnknownArgument => {
            m.push_str(&format!(
                "oväntat argument '{}'",
                s(ContextKind::InvalidArg)?
            ));
        }
        ErrorKind::InvalidSubcommand => {
            m.push_str(&format!(
                "okänt kommando '{}'",
                s(ContextKind::InvalidSubcommand)?
            ));
        }
        ErrorKind::MissingRequiredArgument => {
            m.push_str("följande obligatoriska argument saknas:");
            for a in list(ContextKind::InvalidArg) {
                m.push_str(&format!("\n  {a}"));
            }
        }
        ErrorKind::MissingSubcommand => {
            m.push_str(&format!(
                "'{}' kräver ett kommando men inget angavs",
                s(ContextKind::InvalidSubcommand)?
            ));
            values(&mut m, "kommandon", &list(ContextKind::ValidSubcommand));
        }
        ErrorKind::InvalidValue => {
            let arg = s(ContextKind::InvalidArg)?;
            match s(ContextKind::InvalidValue)?.as_str() {
                "" => m.push_str(&format!("'{arg}' kräver ett värde men inget angavs")),
                v => m.push_str(&format!("ogiltigt värde '{v}' för '{arg}'")),
            }
            values(&mut m, "möjliga värden", &list(ContextKind::ValidValue));
        }
        ErrorKind::ValueValidation => {
            // The parser's own reason (chrono's, the float parser's) is English: left out.
            m.push_str(&format!(
                "ogiltigt värde '{}' för '{}'",
                s(ContextKind::InvalidValue)?,
                s(ContextKind::InvalidArg)?
            ));
        }
        ErrorKind::TooManyValues => {
            m.push_str(&format!(
                "oväntat värde '{}' för '{}'; inga fler väntades",
                s(ContextKind::InvalidValue)?,
                s(ContextKind::InvalidArg)?
            ));
        }
        ErrorKind::TooFewValues | ErrorKind::WrongNumberOfValues => {
            m.push_str(&format!(
                "'{}' kräver {} värden men fick {}",
                s(ContextKind::InvalidArg)?,
                number(ContextKind::MinValues)
                    .or_else(|| number(ContextKind::ExpectedNumValues))?,
                number(ContextKind::ActualNumValues)?
            ));
        }
        ErrorKind::ArgumentConflict => {
            let arg = s(ContextKind::InvalidArg)?;
            match e.get(ContextKind::PriorArg) {
                Some(ContextValue::String(prior)) if *prior == arg => {
                    m.push_str(&format!("argumentet '{arg}' kan bara anges en gång"));
                }
                Some(ContextValue::String(prior)) => {
                    m.push_str(&format!("argumentet '{arg}' kan inte anges med '{prior}'"));
                }
                Some(ContextValue::Strings(prior)) => {
                    m.push_str(&format!("argumentet '{arg}' kan inte anges med:"));
                    for p in prior {
                        m.push_str(&format!("\n  {p}"));
                    }
                }
                _ => m.push_str(&format!(
                    "argumentet '{arg}' kan inte anges med de andra argumenten"
                )),
            }
        }
        ErrorKind::NoEquals => {
            m.push_str(&format!(
                "ett likhetstecken behövs för att ge '{}' ett värde",
                s(ContextKind::InvalidArg)?
            ));
        }
        ErrorKind::InvalidUtf8 => m.push_str("ett argument är inte giltig UTF-8"),
        _ => return None,
    }
    let mut suggested = false;
    for (kind, what) in [
        (ContextKind::SuggestedSubcommand, "kommandot"),
        (ContextKind::SuggestedArg, "argumentet"),
        (ContextKind::SuggestedValue, "värdet"),
    ] {
        let names: Vec<String> = match e.get(kind) {
            Some(ContextValue::String(v)) => vec![v.clone()],
            Some(ContextValue::Strings(v)) => v.clone(),
            _ => continue,
        };
        if names.is_empty() {
            continue;
        }
        m.push_str(if suggested { "\n" } else { "\n\n" });
        suggested = true;
        let quoted: Vec<String> = names.iter().map(|n| format!("'{n}'")).collect();
        m.push_str(&format!(
            "  tips: det finns {what} {} med liknande namn",
            quoted.join(", ")
        ));
    }
    if let Some(ContextValue::StyledStrs(tips)) = e.get(ContextKind::Suggested) {
        for tip in tips {
            // clap's one common tip: "to pass '-x' as a value, use '-- -x'".
            let tip = tip.to_string();
            if let Some(rest) = tip.strip_prefix("to pass ")
                && let Some((what, how)) = rest.split_once(" as a value, use ")
            {
                m.push_str(if suggested { "\n" } else { "\n\n" });
                suggested = true;
                m.push_str(&format!(
                    "  tips: för att ge {what} som ett värde, skriv {how}"
                ));
            }
        }
    }
    if let Some(ContextValue::StyledStr(usage)) = e.get(ContextKind::Usage) {
        let usage = usage.to_string();
        let usage = usage.strip_prefix("Usage:").unwrap_or(&usage);
        m.push_str(&format!("\n\nAnvändning:{usage}"));
    }
    m.push_str("\n\nFör mer information, prova '--help'.\n");
    Some(m)
}

/// "\n  [möjliga värden: a, b]"
fn values(m: &mut String, name: &str, values: &[String]) {
    if !values.is_empty() {
        m.push_str(&format!("\n  [{name}: {}]", values.join(", ")));
    }
}

/// The command's help in Swedish: the headings, the usage line's lead, the help and version
/// flags and the `help` command, which clap words; the descriptions of our commands, arguments
/// and values, from [`super::help_sv`]; the lists of possible values and the defaults.
pub fn localize(cmd: clap::Command, lang: Lang) -> clap::Command {
    if lang == Lang::En {
        return cmd;
    }
    swedish_usage(localize_one(cmd, ""))
}

/// The usage lines with clap's `[OPTIONS]` as `[FLAGGOR]`: each command's usage as clap
/// renders it once the tree is built, set as its own.
fn swedish_usage(cmd: clap::Command) -> clap::Command {
    let mut built = cmd.clone();
    built.build();
    let usage = |c: &clap::Command| {
        let text = c.clone().render_usage().to_string();
        let text = text
            .strip_prefix("Usage:")
            .unwrap_or(&text)
            .trim()
            .to_string();
        text.replace("[OPTIONS]", "[FLAGGOR]")
    };
    let root = usage(&built);
    let mut cmd = cmd.override_usage(root);
    for sub in built.get_subcommands() {
        let line = usage(sub);
        cmd = cmd.mut_subcommand(sub.get_name(), |s| s.override_usage(line));
    }
    cmd
}

/// A Swedish text as clap's short and long help: its first paragraph, and the whole when it
/// has more than one.
fn short_long(text: &str) -> (String, Option<String>) {
    match text.split_once("\n\n") {
        Some((first, _)) => (first.to_string(), Some(text.to_string())),
        None => (text.to_string(), None),
    }
}

/// Argument `a` of the command at `path` with its Swedish help, and its possible values and
/// default worded in Swedish (clap's own "[possible values: …]" and "[default: …]" hidden).
fn localize_arg(a: Arg, path: &str) -> Arg {
    let a = match a.get_value_names() {
        Some(names) => {
            let names: Vec<clap::builder::Str> = names
                .iter()
                .map(|n| value_name(n.as_str()).map_or_else(|| n.clone(), Into::into))
                .collect();
            a.value_names(names)
        }
        None => a,
    };
    let id = a.get_id().as_str().to_string();
    // A global argument (`--lang`) is described once, at the top.
    let text = super::help_sv::text(&format!("{path}:{id}"))
        .or_else(|| super::help_sv::text(&format!(":{id}")));
    let (mut short, long) = short_long(text.unwrap_or_default());
    let mut long = long.unwrap_or_else(|| short.clone());
    let values: Vec<_> = a
        .get_possible_values()
        .into_iter()
        .filter(|v| !v.is_hide_set())
        .collect();
    let takes_value = a.get_action().takes_values();
    if takes_value && !values.is_empty() && !a.is_hide_possible_values_set() {
        let names: Vec<&str> = values.iter().map(|v| v.get_name()).collect();
        let list = format!("[möjliga värden: {}]", names.join(", "));
        push_word(&mut short, &list);
        if values.iter().any(|v| v.get_help().is_some()) {
            push_para(&mut long, "Möjliga värden:");
            for v in &values {
                let name = v.get_name();
                let help = super::help_sv::text(&format!("{path}:{id}={name}"))
                    .or_else(|| super::help_sv::text(&format!(":{id}={name}")));
                match help {
                    Some(h) => long.push_str(&format!("\n- {}: {h}", v.get_name())),
                    None => long.push_str(&format!("\n- {}", v.get_name())),
                }
            }
        } else {
            push_para(&mut long, &list);
        }
    }
    let defaults: Vec<String> = a
        .get_default_values()
        .iter()
        .map(|d| d.to_string_lossy().into_owned())
        .collect();
    if takes_value && !defaults.is_empty() && !a.is_hide_default_value_set() {
        let default = format!("[standard: {}]", defaults.join(", "));
        push_word(&mut short, &default);
        push_para(&mut long, &default);
    }
    if short.is_empty() {
        return a;
    }
    let a = a.help(short).long_help(long);
    if takes_value {
        a.hide_possible_values(true).hide_default_value(true)
    } else {
        a
    }
}

/// A placeholder of the usage and the help (`<FILE>`) in Swedish (`<FIL>`); `None` for those
/// that stay (one letter, `ID`, `FORMAT`).
fn value_name(name: &str) -> Option<&'static str> {
    let sv = match name {
        "BY" => "EFTER",
        "CASE" => "ÄRENDE",
        "COMMENT" => "KOMMENTAR",
        "DATE" => "DATUM",
        "DIR" => "MAPP",
        "FILE" => "FIL",
        "FILE.html" => "FIL.html",
        "OUT.toml" => "UT.toml",
        "SOURCE[#N[-M]]" => "KÄLLA[#N[-M]]",
        "FILES" => "FILER",
        "FROM" => "FRÅN",
        "HEADING" => "RUBRIK",
        "LANG" => "SPRÅK",
        "NOTES" => "ANTECKNINGAR",
        "OUT" => "UT",
        "PATH" => "SÖKVÄG",
        "PATHS" => "SÖKVÄGAR",
        "POSITION" => "STÄLLNINGSTAGANDE",
        "QUERY" => "FRÅGA",
        "SECTION#N" => "AVSNITT#N",
        "SHELL" => "SKAL",
        "STANCE" => "STÄLLNING",
        "TARGET" => "MÅL",
        "THRESHOLD" => "TRÖSKEL",
        "TO" => "TILL",
        "WHEN" => "NÄR",
        _ => return None,
    };
    Some(sv)
}

/// `text` after `s`, a space between them when `s` has text.
fn push_word(s: &mut String, text: &str) {
    if !s.is_empty() {
        s.push(' ');
    }
    s.push_str(text);
}

/// `text` as a paragraph of its own after `s`.
fn push_para(s: &mut String, text: &str) {
    if !s.is_empty() {
        s.push_str("\n\n");
    }
    s.push_str(text);
}

fn localize_one(cmd: clap::Command, path: &str) -> clap::Command {
    let cmd = match super::help_sv::text(path) {
        Some(text) => {
            let (first, long) = short_long(text);
            let short = super::help_sv::text(&format!("{path}#short")).map_or(first, String::from);
            let cmd = cmd.about(short);
            match long {
                Some(long) => cmd.long_about(long),
                None => cmd.long_about(None::<&'static str>),
            }
        }
        None => cmd,
    };
    let cmd = cmd.mut_args(|a| localize_arg(a, path));
    let cmd = cmd
        .help_template(
            "{before-help}{about-with-newline}\nAnvändning: {usage}\n\n{all-args}{after-help}",
        )
        .subcommand_help_heading("Kommandon")
        .subcommand_value_name("KOMMANDO")
        .disable_help_subcommand(true)
        .mut_args(|a| {
            if a.get_help_heading().is_some() {
                a
            } else if a.is_positional() {
                a.help_heading("Argument")
            } else {
                a.help_heading("Flaggor")
            }
        });
    // clap adds its own `-h` and `-V` when the command is built, in English: they are
    // replaced by the same flags with Swedish texts.
    let cmd = cmd.disable_help_flag(true).arg(
        Arg::new("help")
            .short('h')
            .long("help")
            .action(ArgAction::Help)
            .help("Visa hjälpen")
            .help_heading("Flaggor"),
    );
    let cmd = if cmd.get_version().is_some() {
        cmd.disable_version_flag(true).arg(
            Arg::new("version")
                .short('V')
                .long("version")
                .action(ArgAction::Version)
                .help("Visa versionen")
                .help_heading("Flaggor"),
        )
    } else {
        cmd
    };
    cmd.mut_subcommands(|sub| {
        let sub_path = match path {
            "" => sub.get_name().to_string(),
            p => format!("{p} {}", sub.get_name()),
        };
        localize_one(sub, &sub_path)
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::CommandFactory;

    fn error(args: &[&str]) -> clap::Error {
        let cmd = localize(super::super::Cli::command(), Lang::Sv);
        cmd.try_get_matches_from(args).unwrap_err()
    }

    #[test]
    fn a_missing_argument_in_swedish() {
        let text = error_text(&error(&["remiss", "check"]), Lang::Sv);
        assert!(
            text.starts_with("fel: följande obligatoriska argument saknas:\n  <SÖKVÄGAR>..."),
            "{text}"
        );
        assert!(text.contains("Användning: remiss check"), "{text}");
        assert!(!text.contains("Usage") && !text.contains("error"), "{text}");
    }

    #[test]
    fn an_unknown_option_and_a_bad_value_in_swedish() {
        let text = error_text(&error(&["remiss", "check", "--frce", "x"]), Lang::Sv);
        assert!(text.starts_with("fel: oväntat argument '--frce'"), "{text}");
        let text = error_text(&error(&["remiss", "--lang", "de", "check", "x"]), Lang::Sv);
        assert!(
            text.starts_with("fel: ogiltigt värde 'de' för '--lang <SPRÅK>'"),
            "{text}"
        );
        assert!(text.contains("[möjliga värden: en, sv]"), "{text}");
    }

    #[test]
    fn the_help_has_swedish_headings() {
        let e = error(&["remiss", "check", "--help"]);
        let text = e.render().to_string();
        assert!(
            text.contains("Användning: remiss check") && !text.contains("Usage"),
            "{text}"
        );
        assert!(text.contains("Flaggor:"), "{text}");
        assert!(text.contains("Visa hjälpen"), "{text}");
    }
}
