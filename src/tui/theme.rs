//! Semantic styles. With `NO_COLOR` set (or `TERM=dumb`, or `--color never`), a monochrome
//! theme marks everything with reverse, bold and underline only, so selection and highlights
//! still show. Colours are sent at the terminal's depth ([`crate::colour`]): a party's 24-bit
//! colour only where `COLORTERM` says the terminal takes it, else the nearest of 256 or of 16.

use crate::colour::{Depth, Fitted, When};
use crate::model::Party;
use ratatui::style::{Color, Modifier, Style};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Theme {
    pub colour: bool,
    /// How colours are sent (24-bit, 256, 16 or none).
    pub depth: Depth,
    pub title: Style,
    pub heading: Style,
    pub selected: Style,
    /// The selection when its pane does not have focus.
    pub selected_unfocused: Style,
    pub cursor: Style,
    pub field: Style,
    pub link: Style,
    pub dim: Style,
    pub status: Style,
    pub error: Style,
    pub border_focused: Style,
    /// Text selected for quoting.
    pub selection: Style,
    /// A quote in the notes that is no longer in the case.
    pub stale: Style,
    /// The user's own comment in the notes.
    pub comment: Style,
    /// Words only in the base text (A) of a diff.
    pub deleted: Style,
    /// Words only in the text read against it (B).
    pub inserted: Style,
    /// A family mark in the matrix (`A`, `A′`).
    pub family: Style,
    /// Words that match the search.
    pub matched: Style,
}

/// The themes a user can choose in the configuration (`theme = "light"`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum ThemeName {
    /// Colours for a dark terminal background (the default).
    #[default]
    Dark,
    /// Colours for a light terminal background.
    Light,
    /// No colour: reverse video, bold and underline only.
    Monochrome,
}

impl ThemeName {
    pub const ALL: [ThemeName; 3] = [ThemeName::Dark, ThemeName::Light, ThemeName::Monochrome];

    /// The name in the configuration.
    pub fn as_str(self) -> &'static str {
        match self {
            ThemeName::Dark => "dark",
            ThemeName::Light => "light",
            ThemeName::Monochrome => "monochrome",
        }
    }

    pub fn parse(name: &str) -> Option<ThemeName> {
        ThemeName::ALL.into_iter().find(|t| t.as_str() == name)
    }
}

impl Theme {
    /// The dark theme for this terminal and `--color` (rules in [`crate::colour`]).
    pub fn from_env(when: When) -> Theme {
        Theme::named(ThemeName::Dark, Depth::detect(when))
    }

    /// The theme `name` at `depth`; monochrome whatever the name where the terminal takes no
    /// colour (`NO_COLOR`, `TERM=dumb`, `--color never`).
    pub fn named(name: ThemeName, depth: Depth) -> Theme {
        match name {
            ThemeName::Dark => Theme::for_depth(depth),
            ThemeName::Light if depth.has_colour() => Theme::light().fitted(depth),
            ThemeName::Light | ThemeName::Monochrome => Theme::monochrome(),
        }
    }

    /// Monochrome for [`Depth::None`]; else the colours, each fitted to `depth`.
    pub fn for_depth(depth: Depth) -> Theme {
        if !depth.has_colour() {
            return Theme::monochrome();
        }
        let mut t = Theme::coloured();
        t.depth = depth;
        let grey = to_colour(depth.fit_indexed(236));
        t.cursor = t.cursor.bg(grey);
        t.status = t.status.bg(grey);
        t
    }

    /// Every colour, 24-bit ones as they are.
    pub fn coloured() -> Theme {
        Theme {
            colour: true,
            depth: Depth::TrueColor,
            title: Style::new().fg(Color::Cyan).add_modifier(Modifier::BOLD),
            heading: Style::new().add_modifier(Modifier::BOLD),
            selected: Style::new().add_modifier(Modifier::REVERSED | Modifier::BOLD),
            selected_unfocused: Style::new().add_modifier(Modifier::UNDERLINED),
            cursor: Style::new()
                .bg(Color::Indexed(236))
                .add_modifier(Modifier::BOLD),
            field: Style::new().fg(Color::Gray),
            link: Style::new()
                .fg(Color::Blue)
                .add_modifier(Modifier::UNDERLINED),
            dim: Style::new().fg(Color::DarkGray),
            status: Style::new().bg(Color::Indexed(236)).fg(Color::White),
            error: Style::new().fg(Color::Red).add_modifier(Modifier::BOLD),
            border_focused: Style::new().fg(Color::Cyan),
            selection: Style::new()
                .bg(Color::Blue)
                .fg(Color::White)
                .add_modifier(Modifier::UNDERLINED),
            stale: Style::new().fg(Color::Yellow).add_modifier(Modifier::BOLD),
            comment: Style::new().fg(Color::Green).add_modifier(Modifier::ITALIC),
            deleted: Style::new()
                .fg(Color::Red)
                .add_modifier(Modifier::CROSSED_OUT),
            inserted: Style::new()
                .fg(Color::Green)
                .add_modifier(Modifier::UNDERLINED | Modifier::BOLD),
            family: Style::new()
                .fg(Color::Magenta)
                .add_modifier(Modifier::ITALIC),
            matched: Style::new()
                .fg(Color::Black)
                .bg(Color::Yellow)
                .add_modifier(Modifier::BOLD),
        }
    }

    /// Colours for a light background, 24-bit ones as they are: dark text colours, pale
    /// backgrounds for the cursor, the status bar, selections and matches.
    pub fn light() -> Theme {
        let dark = Theme::coloured();
        Theme {
            title: Style::new()
                .fg(Color::Rgb(0x00, 0x4B, 0x8D))
                .add_modifier(Modifier::BOLD),
            cursor: Style::new()
                .bg(Color::Rgb(0xE4, 0xE4, 0xE4))
                .add_modifier(Modifier::BOLD),
            field: Style::new().fg(Color::Rgb(0x4E, 0x4E, 0x4E)),
            link: Style::new()
                .fg(Color::Rgb(0x00, 0x3F, 0xA8))
                .add_modifier(Modifier::UNDERLINED),
            dim: Style::new().fg(Color::Rgb(0x6C, 0x6C, 0x6C)),
            status: Style::new()
                .bg(Color::Rgb(0xD0, 0xD0, 0xD0))
                .fg(Color::Rgb(0x11, 0x11, 0x11)),
            error: Style::new()
                .fg(Color::Rgb(0xB0, 0x00, 0x20))
                .add_modifier(Modifier::BOLD),
            border_focused: Style::new().fg(Color::Rgb(0x00, 0x4B, 0x8D)),
            selection: Style::new()
                .bg(Color::Rgb(0xBB, 0xDE, 0xFB))
                .fg(Color::Rgb(0x11, 0x11, 0x11))
                .add_modifier(Modifier::UNDERLINED),
            stale: Style::new()
                .fg(Color::Rgb(0x8A, 0x5A, 0x00))
                .add_modifier(Modifier::BOLD),
            comment: Style::new()
                .fg(Color::Rgb(0x2E, 0x7D, 0x32))
                .add_modifier(Modifier::ITALIC),
            deleted: Style::new()
                .fg(Color::Rgb(0xB0, 0x00, 0x20))
                .add_modifier(Modifier::CROSSED_OUT),
            inserted: Style::new()
                .fg(Color::Rgb(0x1B, 0x5E, 0x20))
                .add_modifier(Modifier::UNDERLINED | Modifier::BOLD),
            family: Style::new()
                .fg(Color::Rgb(0x6A, 0x1B, 0x9A))
                .add_modifier(Modifier::ITALIC),
            matched: Style::new()
                .fg(Color::Rgb(0x11, 0x11, 0x11))
                .bg(Color::Rgb(0xFF, 0xE0, 0x82))
                .add_modifier(Modifier::BOLD),
            ..dark
        }
    }

    /// Every colour of the theme fitted to `depth` (24-bit only where the terminal takes it).
    fn fitted(mut self, depth: Depth) -> Theme {
        self.depth = depth;
        for style in [
            &mut self.title,
            &mut self.heading,
            &mut self.selected,
            &mut self.selected_unfocused,
            &mut self.cursor,
            &mut self.field,
            &mut self.link,
            &mut self.dim,
            &mut self.status,
            &mut self.error,
            &mut self.border_focused,
            &mut self.selection,
            &mut self.stale,
            &mut self.comment,
            &mut self.deleted,
            &mut self.inserted,
            &mut self.family,
            &mut self.matched,
        ] {
            style.fg = style.fg.map(|c| fit(c, depth));
            style.bg = style.bg.map(|c| fit(c, depth));
        }
        self
    }

    pub fn monochrome() -> Theme {
        Theme {
            colour: false,
            depth: Depth::None,
            title: Style::new().add_modifier(Modifier::BOLD),
            heading: Style::new().add_modifier(Modifier::BOLD),
            selected: Style::new().add_modifier(Modifier::REVERSED | Modifier::BOLD),
            selected_unfocused: Style::new().add_modifier(Modifier::UNDERLINED),
            cursor: Style::new().add_modifier(Modifier::BOLD),
            field: Style::new(),
            link: Style::new().add_modifier(Modifier::UNDERLINED),
            dim: Style::new(),
            status: Style::new().add_modifier(Modifier::REVERSED),
            error: Style::new().add_modifier(Modifier::BOLD | Modifier::REVERSED),
            border_focused: Style::new().add_modifier(Modifier::BOLD),
            selection: Style::new().add_modifier(Modifier::REVERSED),
            stale: Style::new().add_modifier(Modifier::BOLD),
            comment: Style::new().add_modifier(Modifier::ITALIC),
            deleted: Style::new().add_modifier(Modifier::CROSSED_OUT),
            inserted: Style::new().add_modifier(Modifier::UNDERLINED | Modifier::BOLD),
            family: Style::new().add_modifier(Modifier::ITALIC),
            matched: Style::new().add_modifier(Modifier::BOLD | Modifier::UNDERLINED),
        }
    }

    /// A party's code in its colour at the theme's depth (bold in monochrome).
    pub fn party(&self, party: Option<&Party>) -> Style {
        let bold = Style::new().add_modifier(Modifier::BOLD);
        match party.and_then(|p| p.colour) {
            Some(rgb) if self.colour => match self.depth.fit(rgb) {
                Fitted::None => bold,
                fitted => bold.fg(to_colour(fitted)),
            },
            _ => bold,
        }
    }
}

/// A colour at `depth`: 24-bit ones fitted, the terminal's own named colours as they are.
fn fit(c: Color, depth: Depth) -> Color {
    match c {
        Color::Rgb(r, g, b) => to_colour(depth.fit((r, g, b))),
        Color::Indexed(i) => to_colour(depth.fit_indexed(i)),
        other => other,
    }
}

fn to_colour(f: Fitted) -> Color {
    match f {
        Fitted::Rgb(r, g, b) => Color::Rgb(r, g, b),
        Fitted::Indexed(i) => Color::Indexed(i),
        Fitted::None => Color::Reset,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every colour a theme can send, party colours included.
    fn colours(t: &Theme) -> Vec<Color> {
        let m = Party {
            code: "M".into(),
            name: "Moderaterna".into(),
            colour: Some((0x1B, 0x49, 0xDD)),
        };
        let styles = [
            t.title,
            t.heading,
            t.selected,
            t.selected_unfocused,
            t.cursor,
            t.field,
            t.link,
            t.dim,
            t.status,
            t.error,
            t.border_focused,
            t.selection,
            t.stale,
            t.comment,
            t.deleted,
            t.inserted,
            t.family,
            t.matched,
            t.party(Some(&m)),
        ];
        styles.iter().flat_map(|s| [s.fg, s.bg]).flatten().collect()
    }

    #[test]
    fn every_colour_fits_the_depth() {
        let rgb = |c: &Color| matches!(c, Color::Rgb(..));
        assert!(colours(&Theme::for_depth(Depth::TrueColor)).iter().any(rgb));
        let c256 = colours(&Theme::for_depth(Depth::Ansi256));
        assert!(!c256.iter().any(rgb), "{c256:?}");
        let c16 = colours(&Theme::for_depth(Depth::Ansi16));
        assert!(
            c16.iter()
                .all(|c| !rgb(c) && !matches!(c, Color::Indexed(i) if *i > 15)),
            "{c16:?}"
        );
        assert!(colours(&Theme::for_depth(Depth::None)).is_empty());
        for depth in [Depth::Ansi256, Depth::Ansi16] {
            let light = colours(&Theme::named(ThemeName::Light, depth));
            assert!(!light.iter().any(rgb), "{depth:?}: {light:?}");
        }
        assert!(
            colours(&Theme::named(ThemeName::Light, Depth::TrueColor))
                .iter()
                .any(rgb)
        );
        assert!(colours(&Theme::named(ThemeName::Light, Depth::None)).is_empty());
        assert!(colours(&Theme::named(ThemeName::Monochrome, Depth::TrueColor)).is_empty());
    }
}
