//! Design tokens: every colour and size the panels use, and the two themes
//! (the normal meeting theme and the high-contrast presentation theme).

use egui::{Color32, FontFamily, FontId, Stroke, TextStyle, Visuals};

/// Errors (fejl). Every text colour here reaches 4.5 : 1 (WCAG AA) on every background it
/// is drawn on, also on the selected row (see `theme_contrast::text_pairs` and its test).
pub const ERROR: Color32 = Color32::from_rgb(0xB6, 0x24, 0x24);
/// Warnings (advarsler).
pub const WARNING: Color32 = Color32::from_rgb(0x89, 0x51, 0x00);
/// Information.
pub const INFO: Color32 = Color32::from_rgb(0x1F, 0x5F, 0xA8);
/// Good / within the pool.
pub const OK: Color32 = Color32::from_rgb(0x28, 0x6C, 0x2B);
/// Muted text and axis lines.
pub const MUTED: Color32 = Color32::from_rgb(0x5B, 0x5F, 0x63);
/// Faint grid lines.
pub const GRID: Color32 = Color32::from_rgb(0xD5, 0xD8, 0xDC);
/// Shading of the zone where two levels' bands overlap.
pub const OVERLAP: Color32 = Color32::from_rgba_premultiplied(0xB2, 0x6A, 0x00, 0x30);
/// The selection highlight.
pub const SELECTED: Color32 = Color32::from_rgb(0x11, 0x11, 0x11);
/// Background of a text field that needs input (missing justification).
pub const NEEDS_INPUT_BG: Color32 = Color32::from_rgb(0xFD, 0xEC, 0xEA);
/// Background of the selected row and of selected buttons.
pub const SELECTION_BG: Color32 = Color32::from_rgb(0xC7, 0xDD, 0xF5);
/// The panels' background in the meeting theme.
pub const PANEL_BG: Color32 = Color32::from_rgb(0xF7, 0xF8, 0xFA);
/// Every other table row in both themes.
pub const STRIPE_BG: Color32 = Color32::from_rgb(0xEE, 0xF0, 0xF3);
/// Buttons' background.
pub const BUTTON_BG: Color32 = Color32::from_rgb(0xE4, 0xE6, 0xEA);
/// Text in the meeting theme.
pub const TEXT: Color32 = Color32::from_gray(20);
/// Text in the presentation theme.
pub const PRESENTATION_TEXT: Color32 = Color32::BLACK;

/// Colour-blind-safe level colours (Okabe–Ito), by level rank order: fills of dots, bands
/// and strips (each dot also has a dark outline and its lane's label, so colour is never
/// the only signal).
const LEVEL_COLORS: [Color32; 6] = [
    Color32::from_rgb(0x00, 0x72, 0xB2),
    Color32::from_rgb(0x00, 0x9E, 0x73),
    Color32::from_rgb(0xD5, 0x5E, 0x00),
    Color32::from_rgb(0xCC, 0x79, 0xA7),
    Color32::from_rgb(0xE6, 0x9F, 0x00),
    Color32::from_rgb(0x56, 0xB4, 0xE9),
];

/// The same hues darkened until text in them reaches 4.5 : 1 on every background
/// (level names in the table, the spread panel and the lanes).
pub(super) const LEVEL_TEXT_COLORS: [Color32; 6] = [
    Color32::from_rgb(0x00, 0x63, 0x9A),
    Color32::from_rgb(0x00, 0x6B, 0x4E),
    Color32::from_rgb(0x9B, 0x44, 0x00),
    Color32::from_rgb(0x82, 0x4D, 0x6A),
    Color32::from_rgb(0x7E, 0x57, 0x00),
    Color32::from_rgb(0x30, 0x64, 0x82),
];

/// The colour of the level at position `rank_index` in rank order (fills).
#[must_use]
pub fn level_color(rank_index: usize) -> Color32 {
    LEVEL_COLORS[rank_index % LEVEL_COLORS.len()]
}

/// The colour of text naming the level at position `rank_index` in rank order.
#[must_use]
pub fn level_text_color(rank_index: usize) -> Color32 {
    LEVEL_TEXT_COLORS[rank_index % LEVEL_TEXT_COLORS.len()]
}

/// A lighter tint of a level colour for the band bar.
#[must_use]
pub fn band_fill(color: Color32) -> Color32 {
    color.gamma_multiply(0.22)
}

/// Height of one lane in the band lanes on a full-HD screen, points.
pub const LANE_HEIGHT: f32 = 58.0;
/// The smallest lane height in presentation mode, points: the level's name and figures,
/// two lines of body text (19 points, 22 high), and a margin.
pub const PRESENTATION_LANE_MIN: f32 = 46.0;
/// The smallest lane height, points (a dot and the level's label still fit).
pub const LANE_HEIGHT_MIN: f32 = 36.0;

/// Lane height for a screen `screen_height` points high with `levels` lanes: the lanes
/// take at most about a quarter of the height, so a 1366×768 laptop keeps room for the
/// table.
#[must_use]
/// With `roomy` (presentation mode, where the spread rather than the table is below) the
/// lanes take about 30 %: at 720 points four lanes are tall enough for initials under the dots.
pub fn lane_height(screen_height: f32, levels: usize, roomy: bool) -> f32 {
    let levels = levels.max(1) as f32;
    let share = if roomy { 0.30 } else { 0.24 };
    (screen_height * share / levels).clamp(LANE_HEIGHT_MIN, LANE_HEIGHT)
}

/// How the screen is shared between the panels: fixed shares of the window, never of the
/// content, so a long goal name or a wide number cannot push a panel off screen and the
/// lanes' dots never jump when the selection changes.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Shares {
    /// Width of the focus card, points.
    pub focus_width: f32,
    /// Height of the bottom panel (spread and findings), points.
    pub side_height: f32,
    /// Width of the findings list in the bottom panel, points.
    pub findings_width: f32,
    /// Width of the findings beside the spread in presentation mode, points.
    pub spread_findings_width: f32,
}

/// The panels' shares of a window `screen` points large; presentation mode gives the
/// table (names and amounts) more of the height.
#[must_use]
pub fn shares(screen: egui::Vec2, presentation: bool) -> Shares {
    let focus_width = (screen.x * 0.27).clamp(280.0, FOCUS_WIDTH);
    let side_share = if presentation { 0.20 } else { 0.255 };
    let side_height = (screen.y * side_share).clamp(130.0, SIDE_HEIGHT);
    let findings_width = ((screen.x - focus_width) * 0.28).clamp(240.0, FINDINGS_WIDTH + 160.0);
    let spread_findings_width = (screen.x * 0.22).clamp(200.0, FINDINGS_WIDTH);
    Shares { focus_width, side_height, findings_width, spread_findings_width }
}

/// Width of the lane labels, points.
pub const LANE_LABEL_WIDTH: f32 = 190.0;
/// Radius of a manager's dot, points.
pub const DOT_RADIUS: f32 = 7.0;
/// Height of a table row, points, in the meeting theme (the presentation theme's rows grow
/// with its text: [`row_height`]).
pub const ROW_HEIGHT: f32 = 26.0;

/// Size of the body text in `style`, points (19 in presentation mode, else 16).
#[must_use]
pub fn body_size(style: &egui::Style) -> f32 {
    style.text_styles.get(&TextStyle::Body).map_or(BODY, |f| f.size)
}

/// Height of a table row for the body text of `style`.
#[must_use]
pub fn row_height(style: &egui::Style) -> f32 {
    (body_size(style) * 1.6).round().max(ROW_HEIGHT)
}

/// Widest focus card, points.
pub const FOCUS_WIDTH: f32 = 520.0;
/// Highest bottom panel with spread and findings, points.
pub const SIDE_HEIGHT: f32 = 290.0;
/// Width of the findings list in the bottom panel, points.
pub const FINDINGS_WIDTH: f32 = 420.0;
/// Size of the big amount in the focus card.
pub const BIG_AMOUNT_SIZE: f32 = 30.0;
/// Height in points at zoom 1 that presentation mode lays out for: a 1920×1080 projector
/// shows the 1280×720 layout at zoom 1.5, a 1366×768 one at 1.07, a 1280×720 one at 1.
pub const PRESENTATION_LAYOUT_HEIGHT: f32 = 720.0;
/// Body text in presentation mode, points: at 1920×1080 (zoom 1.5) 28.5 px, whose capitals
/// (0.73 em in DejaVu Sans) are 20.8 px high – readable from 5 m on a 3 m wide image.
pub const PRESENTATION_BODY: f32 = 19.0;
/// Body text in the meeting theme, points.
pub const BODY: f32 = 16.0;
/// Levels with more managers than this are drawn as density strips, not dots.
pub const DENSE_LEVEL: usize = 250;
/// Levels with more managers than this are also drawn as density strips when their dots
/// would cover each other; smaller ones keep their dots.
pub const CROWDED_LEVEL: usize = 40;
/// Band lanes: last year's amount (a hollow, faint dot) and the line to this year's.
pub const GHOST: Color32 = Color32::from_rgb(0x70, 0x74, 0x7A);
/// Band lanes: a pending proposal's amount (a hollow dot) and the arrow to it.
pub const PROPOSAL: Color32 = Color32::from_rgb(0x6A, 0x1B, 0x9A);
/// The dimming behind the proposal window (light, so its preview in the lanes shows).
pub const PREVIEW_BACKDROP: Color32 = Color32::from_black_alpha(40);
/// Band lanes: the highlight of the density-strip bin under the pointer.
pub const STRIP_HOVER: Color32 = Color32::from_rgba_premultiplied(0x11, 0x11, 0x11, 0x40);
/// Band lanes: size of the initials beside a dot.
pub const INITIALS_SIZE: f32 = 11.0;
/// Band lanes: the least distance between two labelled dots in a row, points.
pub const LABEL_GAP: f32 = 26.0;
/// Band lanes: the distance between rows of dots in a zoomed lane (dot and initials).
pub const ZOOM_ROW: f32 = DOT_RADIUS * 2.0 + 14.0;
/// Band lanes: height of the legend row under the axis, points.
pub const LEGEND_HEIGHT: f32 = 22.0;
/// Band lanes: size of the legend's text.
pub const LEGEND_SIZE: f32 = 12.5;
/// Width of the lanes' toggle *Pr. direktør* at the right end of the legend row.
pub const VIEW_TOGGLE_WIDTH: f32 = 160.0;

/// The zoom factor for a window that is `unzoomed_height` points high at zoom 1.
#[must_use]
pub fn zoom_for(presentation: bool, unzoomed_height: f32) -> f32 {
    if presentation {
        let zoom = (unzoomed_height / PRESENTATION_LAYOUT_HEIGHT).clamp(1.0, 2.0);
        (zoom * 20.0).floor() / 20.0
    } else {
        1.0
    }
}

/// The theme a context should have now: presentation mode and its zoom for the window's
/// current size (so the presentation layout is the same at every screen size).
#[must_use]
pub fn wanted(ctx: &egui::Context, presentation: bool) -> (bool, f32) {
    let unzoomed = ctx.content_rect().height() * ctx.zoom_factor();
    (presentation, zoom_for(presentation, unzoomed))
}

/// Applies the normal or the presentation theme to the context, presentation at `zoom`
/// (see [`wanted`]).
pub fn set_style(ctx: &egui::Context, (presentation, zoom): (bool, f32)) {
    ctx.set_zoom_factor(zoom);
    let body = if presentation { PRESENTATION_BODY } else { BODY };
    let scale = body / BODY;
    ctx.all_styles_mut(|style| {
        style.text_styles = [
            (TextStyle::Heading, FontId::new(21.0 * scale, bold_family())),
            (TextStyle::Body, FontId::new(body, FontFamily::Proportional)),
            (TextStyle::Button, FontId::new(body, FontFamily::Proportional)),
            (TextStyle::Small, FontId::new(13.0 * scale, FontFamily::Proportional)),
            (TextStyle::Monospace, FontId::new(15.0 * scale, FontFamily::Monospace)),
        ]
        .into();
        style.spacing.item_spacing = egui::vec2(8.0, 5.0);
        style.spacing.button_padding = egui::vec2(8.0, 3.0);
        style.spacing.interact_size.y = 24.0 * scale;
        let mut visuals = Visuals::light();
        if presentation {
            visuals.override_text_color = Some(PRESENTATION_TEXT);
            visuals.panel_fill = Color32::WHITE;
            visuals.window_fill = Color32::WHITE;
            visuals.extreme_bg_color = Color32::WHITE;
            visuals.widgets.noninteractive.bg_stroke = Stroke::new(1.5, Color32::from_gray(120));
            visuals.widgets.inactive.fg_stroke = Stroke::new(1.5, Color32::BLACK);
        } else {
            visuals.override_text_color = Some(TEXT);
            visuals.panel_fill = PANEL_BG;
        }
        visuals.faint_bg_color = STRIPE_BG;
        visuals.widgets.inactive.weak_bg_fill = BUTTON_BG;
        visuals.widgets.inactive.bg_fill = BUTTON_BG;
        visuals.selection.bg_fill = SELECTION_BG;
        visuals.selection.stroke = Stroke::new(1.5, Color32::from_rgb(0x0B, 0x3D, 0x91));
        visuals.striped = true;
        style.visuals = visuals;
    });
}

/// The pool gauge's empty part.
pub const GAUGE_BG: Color32 = Color32::from_gray(228);

/// The colour of a finding severity.
#[must_use]
pub fn severity_color(severity: crate::engine::Severity) -> Color32 {
    match severity {
        crate::engine::Severity::Fejl => ERROR,
        crate::engine::Severity::Advarsel => WARNING,
        crate::engine::Severity::Info => INFO,
    }
}

/// The bold font family (DejaVu Sans Bold), for headings and key numbers.
#[must_use]
pub fn bold_family() -> FontFamily {
    FontFamily::Name("bold".into())
}

/// Installs the embedded DejaVu Sans fonts: heavier than egui's default for projectors,
/// and covering every symbol the screen uses (● ○ ◐ ✔ ■ ↶ ↷ ▲ ▼ −).
pub fn install_fonts(ctx: &egui::Context) {
    let mut fonts = egui::FontDefinitions::default();
    fonts.font_data.insert(
        "dejavu".into(),
        std::sync::Arc::new(egui::FontData::from_static(include_bytes!("../../assets/fonts/DejaVuSans.ttf"))),
    );
    fonts.font_data.insert(
        "dejavu-bold".into(),
        std::sync::Arc::new(egui::FontData::from_static(include_bytes!("../../assets/fonts/DejaVuSans-Bold.ttf"))),
    );
    if let Some(family) = fonts.families.get_mut(&FontFamily::Proportional) {
        family.insert(0, "dejavu".into());
    }
    let mut bold = vec!["dejavu-bold".to_string(), "dejavu".to_string()];
    if let Some(rest) = fonts.families.get(&FontFamily::Proportional) {
        bold.extend(rest.iter().cloned());
    }
    fonts.families.insert(bold_family(), bold);
    ctx.set_fonts(fonts);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn presentation_zoom_lays_out_720_points_at_every_projector_size() {
        assert!((zoom_for(true, 1080.0) - 1.5).abs() < 1e-6);
        assert!((zoom_for(true, 768.0) - 1.05).abs() < 1e-6);
        assert!((zoom_for(true, 720.0) - 1.0).abs() < 1e-6);
        assert!((zoom_for(true, 600.0) - 1.0).abs() < 1e-6);
        assert!((zoom_for(false, 1080.0) - 1.0).abs() < 1e-6);
    }

    #[test]
    fn presentation_lanes_have_room_for_initials_under_the_dots() {
        // A dot and a line of initials above and below it fit a lane at presentation mode's 720 points.
        let needed = DOT_RADIUS * 2.0 + 2.0 * (INITIALS_SIZE + 4.0);
        assert!(lane_height(PRESENTATION_LAYOUT_HEIGHT, 4, true) >= needed);
        assert!(lane_height(PRESENTATION_LAYOUT_HEIGHT, 4, false) < needed, "the table's share is unchanged");
    }

    #[test]
    fn shares_are_fixed_fractions_of_the_window() {
        let s = shares(egui::vec2(1366.0, 768.0), false);
        assert!((s.focus_width - 368.82).abs() < 1e-3);
        assert!((s.side_height - 195.84).abs() < 1e-3);
        let p = shares(egui::vec2(1280.0, 720.0), true);
        assert!((p.side_height - 144.0).abs() < 1e-3);
        let big = shares(egui::vec2(1920.0, 1080.0), false);
        assert!((big.focus_width - 518.4).abs() < 1e-3);
        assert!((shares(egui::vec2(2560.0, 1440.0), false).focus_width - FOCUS_WIDTH).abs() < 1e-3);
        assert!((big.side_height - 275.4).abs() < 1e-3);
    }
}
