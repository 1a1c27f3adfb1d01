//! The app icon (window and taskbar): a calibration motif drawn at start-up, no image file.
//!
//! Three lanes like the meeting screen's bands, each with a dot at a different place, on
//! a rounded square in the theme's blue.

use egui::Color32;

use crate::ui::theme;

/// Width and height of the icon in pixels.
pub const ICON_SIZE: u32 = 64;

/// The icon as RGBA pixels for `ViewportBuilder::with_icon`.
#[must_use]
pub fn app_icon() -> egui::IconData {
    let n = ICON_SIZE as usize;
    let mut rgba = Vec::with_capacity(n * n * 4);
    let lanes = [(20.0_f32, 40.0_f32, 0_usize), (32.0, 24.0, 1), (44.0, 33.0, 2)];
    for y in 0..n {
        for x in 0..n {
            let (px, py) = (x as f32 + 0.5, y as f32 + 0.5);
            // Background: rounded square, corner radius 12.
            let bg = coverage(rounded_square_distance(px, py, 64.0, 12.0));
            let mut color = blend(Color32::TRANSPARENT, theme::INFO, bg);
            for (lane_y, dot_x, level) in lanes {
                // The lane: a light line from x 10 to 54, 3 px thick.
                let d = ((py - lane_y).abs() - 1.5).max((px - 32.0).abs() - 22.0);
                color = blend(color, Color32::from_rgb(0xE8, 0xEE, 0xF6), coverage(d) * bg);
                // The dot: radius 6, white rim, level colour.
                let r = ((px - dot_x).powi(2) + (py - lane_y).powi(2)).sqrt();
                color = blend(color, Color32::WHITE, coverage(r - 6.5) * bg);
                color = blend(color, theme::level_color(level), coverage(r - 5.0) * bg);
            }
            rgba.extend_from_slice(&color.to_srgba_unmultiplied());
        }
    }
    egui::IconData { rgba, width: ICON_SIZE, height: ICON_SIZE }
}

/// Signed distance to a square of side `size` with rounded corners (negative inside).
fn rounded_square_distance(px: f32, py: f32, size: f32, radius: f32) -> f32 {
    let half = size / 2.0;
    let qx = (px - half).abs() - (half - radius);
    let qy = (py - half).abs() - (half - radius);
    let outside = (qx.max(0.0).powi(2) + qy.max(0.0).powi(2)).sqrt();
    outside + qx.max(qy).min(0.0) - radius
}

/// Anti-aliased coverage of a pixel at signed distance `d` (1 inside, 0 outside).
fn coverage(d: f32) -> f32 {
    (0.5 - d).clamp(0.0, 1.0)
}

/// `top` over `bottom` with opacity `t` (unmultiplied colours).
fn blend(bottom: Color32, top: Color32, t: f32) -> Color32 {
    if t <= 0.0 {
        return bottom;
    }
    let [br, bg, bb, ba] = bottom.to_srgba_unmultiplied().map(f32::from);
    let [tr, tg, tb, _] = top.to_srgba_unmultiplied().map(f32::from);
    let a = t * 255.0 + ba * (1.0 - t);
    let mix = |b: f32, c: f32| {
        if a <= 0.0 { 0.0 } else { (c * t * 255.0 + b * ba * (1.0 - t)) / a }
    };
    let byte = |v: f32| v.round().clamp(0.0, 255.0) as u8;
    Color32::from_rgba_unmultiplied(byte(mix(br, tr)), byte(mix(bg, tg)), byte(mix(bb, tb)), byte(a))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pixel(icon: &egui::IconData, x: usize, y: usize) -> [u8; 4] {
        let at = (y * ICON_SIZE as usize + x) * 4;
        [icon.rgba[at], icon.rgba[at + 1], icon.rgba[at + 2], icon.rgba[at + 3]]
    }

    #[test]
    fn the_icon_is_64_square_with_transparent_corners_and_the_motif() {
        let icon = app_icon();
        assert_eq!((icon.width, icon.height), (64, 64));
        assert_eq!(icon.rgba.len(), 64 * 64 * 4);
        assert_eq!(pixel(&icon, 0, 0)[3], 0, "rounded corner is transparent");
        let [r, g, b, a] = theme::INFO.to_srgba_unmultiplied();
        assert_eq!(pixel(&icon, 4, 32), [r, g, b, a], "blue background at the left edge");
        // The centre of the first lane's dot is its level colour.
        let [r, g, b, a] = theme::level_color(0).to_srgba_unmultiplied();
        assert_eq!(pixel(&icon, 40, 20), [r, g, b, a]);
        // The lane line between dots is light.
        assert_eq!(pixel(&icon, 14, 32), [0xE8, 0xEE, 0xF6, 255]);
    }
}
