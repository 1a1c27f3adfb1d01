//! Design tokens: every colour and size the panels use, and the two themes
//! (the normal meeting theme and the high-contrast presentation theme).

use egui::{Color32, FontFamily, FontId, Stroke, TextStyle, Visuals};

/// Errors (fejl).
pub const ERROR: Color32 = Color32::from_rgb(0xC6, 0x28, 0x28);
/// Warnings (advarsler).
pub const WARNING: Color32 = Color32::from_rgb(0xB2, 0x6A, 0x00);
/// Information.
pub const INFO: Color32 = Color32::from_rgb(0x1F, 0x5F, 0xA8);
/// Good / within the pool.
pub const OK: Color32 = Color32::from_rgb(0x2E, 0x7D, 0x32);
/// Muted text and axis lines.
pub const MUTED: Color32 = Color32::from_rgb(0x5F, 0x63, 0x68);
/// Faint grid lines.
pub const GRID: Color32 = Color32::from_rgb(0xD5, 0xD8, 0xDC);
/// Shading of the zone where two levels' bands overlap.
pub const OVERLAP: Color32 = Color32::from_rgba_premultiplied(0xB2, 0x6A, 0x00, 0x30);
/// The selection highlight.
pub const SELECTED: Color32 = Color32::from_rgb(0x11, 0x11, 0x11);
/// Background of a text field that needs input (missing justification).
pub const NEEDS_INPUT_BG: Color32 = Color32::from_rgb(0xFD, 0xEC, 0xEA);

/// Colour-blind-safe level colours (Okabe–Ito), by level rank order.
const LEVEL_COLORS: [Color32; 6] = [
    Color32::from_rgb(0x00, 0x72, 0xB2),
    Color32::from_rgb(0x00, 0x9E, 0x73),
    Color32::from_rgb(0xD5, 0x5E, 0x00),
    Color32::from_rgb(0xCC, 0x79, 0xA7),
    Color32::from_rgb(0xE6, 0x9F, 0x00),
    Color32::from_rgb(0x56, 0xB4, 0xE9),
];

/// The colour of the level at position `rank_index` in rank order.
#[must_use]
pub fn level_color(rank_index: usize) -> Color32 {
    LEVEL_COLORS[rank_index % LEVEL_COLORS.len()]
}

/// A lighter tint of a level colour for the band bar.
#[must_use]
pub fn band_fill(color: Color32) -> Color32 {
    color.gamma_multiply(0.22)
}

/// Height of one lane in the band lanes on a full-HD screen, points.
pub const LANE_HEIGHT: f32 = 58.0;
/// The smallest lane height, points (a dot and the level's label still fit).
pub const LANE_HEIGHT_MIN: f32 = 36.0;

/// Lane height for a screen `screen_height` points high with `levels` lanes: the lanes
/// take at most about a quarter of the height, so a 1366×768 laptop keeps room for the
/// table.
#[must_use]
pub fn lane_height(screen_height: f32, levels: usize) -> f32 {
    let levels = levels.max(1) as f32;
    (screen_height * 0.24 / levels).clamp(LANE_HEIGHT_MIN, LANE_HEIGHT)
}

/// Width of the focus card for a screen `screen_width` points wide.
#[must_use]
pub fn focus_width(screen_width: f32) -> f32 {
    (screen_width * 0.26).clamp(380.0, FOCUS_WIDTH)
}

/// Height of the bottom panel (spread and findings) for a screen `screen_height` high.
#[must_use]
pub fn side_height(screen_height: f32) -> f32 {
    (screen_height * 0.27).clamp(160.0, SIDE_HEIGHT)
}
/// Width of the lane labels, points.
pub const LANE_LABEL_WIDTH: f32 = 190.0;
/// Radius of a manager's dot, points.
pub const DOT_RADIUS: f32 = 7.0;
/// Height of a table row, points.
pub const ROW_HEIGHT: f32 = 26.0;
/// Width of the focus card, points.
pub const FOCUS_WIDTH: f32 = 500.0;
/// Height of the bottom panel with spread and findings, points.
pub const SIDE_HEIGHT: f32 = 290.0;
/// Width of the findings list in the bottom panel, points.
pub const FINDINGS_WIDTH: f32 = 420.0;
/// Size of the big amount in the focus card.
pub const BIG_AMOUNT_SIZE: f32 = 30.0;
/// Zoom factor in presentation mode.
pub const PRESENTATION_ZOOM: f32 = 1.2;
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

/// Applies the normal or the presentation theme to the context.
pub fn apply(ctx: &egui::Context, presentation: bool) {
    ctx.set_zoom_factor(if presentation { PRESENTATION_ZOOM } else { 1.0 });
    ctx.all_styles_mut(|style| {
        style.text_styles = [
            (TextStyle::Heading, FontId::new(21.0, bold_family())),
            (TextStyle::Body, FontId::new(16.0, FontFamily::Proportional)),
            (TextStyle::Button, FontId::new(16.0, FontFamily::Proportional)),
            (TextStyle::Small, FontId::new(13.0, FontFamily::Proportional)),
            (TextStyle::Monospace, FontId::new(15.0, FontFamily::Monospace)),
        ]
        .into();
        style.spacing.item_spacing = egui::vec2(8.0, 5.0);
        style.spacing.button_padding = egui::vec2(8.0, 3.0);
        style.spacing.interact_size.y = 24.0;
        let mut visuals = Visuals::light();
        if presentation {
            visuals.override_text_color = Some(Color32::BLACK);
            visuals.panel_fill = Color32::WHITE;
            visuals.window_fill = Color32::WHITE;
            visuals.extreme_bg_color = Color32::WHITE;
            visuals.widgets.noninteractive.bg_stroke = Stroke::new(1.5, Color32::from_gray(120));
            visuals.widgets.inactive.fg_stroke = Stroke::new(1.5, Color32::BLACK);
        } else {
            visuals.override_text_color = Some(Color32::from_gray(20));
            visuals.panel_fill = Color32::from_rgb(0xF7, 0xF8, 0xFA);
        }
        visuals.selection.bg_fill = Color32::from_rgb(0xC7, 0xDD, 0xF5);
        visuals.selection.stroke = Stroke::new(1.5, Color32::from_rgb(0x0B, 0x3D, 0x91));
        visuals.striped = true;
        style.visuals = visuals;
    });
}

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
