//! How much colour the terminal takes, decided once from the environment, for the app's theme
//! and for coloured command-line output alike.
//!
//! The rules, in order (first match wins):
//! 1. `--color never`, or `NO_COLOR` set and not empty (<https://no-color.org>): none;
//!    `--color always` skips 1–2 and never gives less than 16 colours.
//! 2. `TERM=dumb`: none (a terminal that understands no escape sequence).
//! 3. `COLORTERM=truecolor` or `24bit`: 24-bit colour, the only way a terminal says it takes
//!    it (<https://github.com/termstandard/colors>).
//! 4. `TERM=linux` (the Linux console), `TERM=*-16color`, `TERM=ansi`, `TERM=vt*`: the 16
//!    ANSI colours.
//! 5. Anything else: the xterm palette of 256 colours, which every terminal in use today takes.
//!
//! A 24-bit colour (a party's `#RRGGBB`) is then sent as itself, or as the nearest entry of the
//! 256-colour palette, or as the nearest of the 16 (VGA palette), by [`Depth::fit`].

use anstyle_lossy::palette;

/// When to colour, as given on the command line (`--color`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum When {
    /// On a terminal, unless NO_COLOR is set or TERM=dumb.
    #[default]
    Auto,
    /// Also into a pipe or a file.
    Always,
    /// No colour.
    Never,
}

/// How many colours the terminal takes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Depth {
    /// No colour at all (modifiers such as bold and reverse only).
    None,
    /// The 16 ANSI colours.
    Ansi16,
    /// The xterm palette of 256 colours.
    Ansi256,
    /// 24-bit colour.
    TrueColor,
}

/// A colour as it can be sent at some depth.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Fitted {
    Rgb(u8, u8, u8),
    /// An entry of the 256-colour palette (16–255, or 0–15 for the ANSI colours).
    Indexed(u8),
    /// No colour.
    None,
}

/// The environment variables the rules read.
#[derive(Debug, Clone, Default)]
pub struct Env {
    pub term: Option<String>,
    pub colorterm: Option<String>,
    pub no_color: Option<String>,
}

impl Env {
    /// `TERM`, `COLORTERM` and `NO_COLOR` of this process.
    pub fn of_process() -> Env {
        let var = |k: &str| std::env::var(k).ok();
        Env {
            term: var("TERM"),
            colorterm: var("COLORTERM"),
            no_color: var("NO_COLOR"),
        }
    }
}

impl Depth {
    /// The depth for `when` in `env` (rules in the module's docs). `is_terminal` is whether the
    /// output goes to a terminal: `auto` never colours a pipe or a file.
    pub fn decide(when: When, env: &Env, is_terminal: bool) -> Depth {
        let no_color = env.no_color.as_deref().is_some_and(|v| !v.is_empty());
        let term = env.term.as_deref().unwrap_or("");
        match when {
            When::Never => return Depth::None,
            When::Auto if no_color || !is_terminal || term == "dumb" => return Depth::None,
            _ => {}
        }
        let truecolor = env.colorterm.as_deref().is_some_and(|c| {
            c.eq_ignore_ascii_case("truecolor") || c.eq_ignore_ascii_case("24bit")
        });
        if truecolor {
            Depth::TrueColor
        } else if term == "linux"
            || term == "ansi"
            || term == "dumb"
            || term.ends_with("-16color")
            || term.starts_with("vt")
        {
            Depth::Ansi16
        } else {
            Depth::Ansi256
        }
    }

    /// The depth of this process's terminal for `when` (stdout's terminal for `auto`).
    pub fn detect(when: When) -> Depth {
        use std::io::IsTerminal;
        Depth::decide(when, &Env::of_process(), std::io::stdout().is_terminal())
    }

    pub fn has_colour(self) -> bool {
        self != Depth::None
    }

    /// `(r, g, b)` as sent at this depth: itself, the nearest of 256, the nearest of 16, none.
    pub fn fit(self, (r, g, b): (u8, u8, u8)) -> Fitted {
        let rgb = anstyle::RgbColor(r, g, b);
        match self {
            Depth::TrueColor => Fitted::Rgb(r, g, b),
            Depth::Ansi256 => Fitted::Indexed(anstyle_lossy::rgb_to_xterm(rgb).index()),
            Depth::Ansi16 => {
                Fitted::Indexed(ansi_index(anstyle_lossy::rgb_to_ansi(rgb, palette::VGA)))
            }
            Depth::None => Fitted::None,
        }
    }

    /// An entry of the 256-colour palette as sent at this depth: above 15 it becomes the
    /// nearest of the 16 ANSI colours under [`Depth::Ansi16`].
    pub fn fit_indexed(self, index: u8) -> Fitted {
        match self {
            Depth::None => Fitted::None,
            Depth::Ansi16 if index > 15 => {
                let ansi = anstyle_lossy::xterm_to_ansi(anstyle::Ansi256Color(index), palette::VGA);
                Fitted::Indexed(ansi_index(ansi))
            }
            _ => Fitted::Indexed(index),
        }
    }
}

/// 0–15 for an ANSI colour (0–7 normal, 8–15 bright), the xterm palette's numbering.
fn ansi_index(c: anstyle::AnsiColor) -> u8 {
    anstyle::Ansi256Color::from_ansi(c).index()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn env(term: &str, colorterm: Option<&str>) -> Env {
        Env {
            term: Some(term.into()),
            colorterm: colorterm.map(Into::into),
            no_color: None,
        }
    }

    #[test]
    fn truecolor_only_when_colorterm_says_so() {
        let auto = |e: &Env| Depth::decide(When::Auto, e, true);
        assert_eq!(auto(&env("xterm-256color", None)), Depth::Ansi256);
        assert_eq!(
            auto(&env("xterm-256color", Some("truecolor"))),
            Depth::TrueColor
        );
        assert_eq!(auto(&env("xterm", Some("24bit"))), Depth::TrueColor);
        assert_eq!(auto(&env("xterm", Some("yes"))), Depth::Ansi256);
        assert_eq!(auto(&env("linux", None)), Depth::Ansi16);
        assert_eq!(auto(&env("rxvt-16color", None)), Depth::Ansi16);
        assert_eq!(auto(&env("dumb", Some("truecolor"))), Depth::None);
        assert_eq!(auto(&env("tmux-256color", None)), Depth::Ansi256);
    }

    #[test]
    fn no_color_pipes_and_the_flag() {
        let mut e = env("xterm-256color", Some("truecolor"));
        assert_eq!(Depth::decide(When::Auto, &e, false), Depth::None);
        assert_eq!(Depth::decide(When::Never, &e, true), Depth::None);
        assert_eq!(Depth::decide(When::Always, &e, false), Depth::TrueColor);
        e.no_color = Some("1".into());
        assert_eq!(Depth::decide(When::Auto, &e, true), Depth::None);
        assert_eq!(Depth::decide(When::Always, &e, true), Depth::TrueColor);
        e.no_color = Some(String::new());
        assert_eq!(Depth::decide(When::Auto, &e, true), Depth::TrueColor);
        // `always` on a dumb terminal still colours, with the 16 colours every one takes.
        assert_eq!(
            Depth::decide(When::Always, &env("dumb", None), true),
            Depth::Ansi16
        );
    }

    #[test]
    fn colours_fit_the_depth() {
        let blue = (0x1B, 0x49, 0xDD); // Moderaterna's blue
        assert_eq!(Depth::TrueColor.fit(blue), Fitted::Rgb(0x1B, 0x49, 0xDD));
        let Fitted::Indexed(i) = Depth::Ansi256.fit(blue) else {
            panic!("indexed")
        };
        assert!(i >= 16, "a cube colour, not an ANSI one: {i}");
        assert_eq!(Depth::Ansi256.fit((255, 0, 0)), Fitted::Indexed(196));
        let Fitted::Indexed(i) = Depth::Ansi16.fit(blue) else {
            panic!("indexed")
        };
        assert!(matches!(i, 4 | 12), "blue or bright blue: {i}");
        assert_eq!(Depth::Ansi16.fit((200, 0, 0)), Fitted::Indexed(1));
        assert_eq!(Depth::None.fit(blue), Fitted::None);
        assert!(matches!(Depth::Ansi16.fit_indexed(236), Fitted::Indexed(i) if i < 16));
        assert_eq!(Depth::Ansi256.fit_indexed(236), Fitted::Indexed(236));
    }
}
