//! The theme's contrast check: every pair of text colour and background the screen draws
//! ([`text_pairs`]) and the WCAG 2 contrast ratio ([`contrast_ratio`]) they must reach.

use egui::Color32;

use super::theme::{
    BUTTON_BG, ERROR, GAUGE_BG, INFO, LEVEL_TEXT_COLORS, MUTED, NEEDS_INPUT_BG, OK, PANEL_BG, PRESENTATION_TEXT,
    SELECTION_BG, STRIPE_BG, TEXT, WARNING,
};

/// Every pair of text colour and background the screen draws, by name, in the meeting
/// (`presentation` false) or the presentation theme: what the contrast test checks.
#[must_use]
pub fn text_pairs(presentation: bool) -> Vec<(String, Color32, Color32)> {
    let text = if presentation { PRESENTATION_TEXT } else { TEXT };
    let panel = if presentation { Color32::WHITE } else { PANEL_BG };
    let backgrounds = [("panel", panel), ("stribe", STRIPE_BG), ("markeret", SELECTION_BG), ("knap", BUTTON_BG)];
    let mut foregrounds: Vec<(String, Color32)> = vec![
        ("tekst".into(), text),
        ("fejl".into(), ERROR),
        ("advarsel".into(), WARNING),
        ("info".into(), INFO),
        ("ok".into(), OK),
        ("dæmpet".into(), MUTED),
    ];
    foregrounds.extend(LEVEL_TEXT_COLORS.iter().enumerate().map(|(i, &c)| (format!("niveau {}", i + 1), c)));
    let mut pairs = Vec::new();
    for (fg_name, fg) in &foregrounds {
        for (bg_name, bg) in backgrounds {
            pairs.push((format!("{fg_name} på {bg_name}"), *fg, bg));
        }
    }
    // Text drawn on coloured fills: the pool gauge, the preparation mark, a field that
    // needs input.
    pairs.push(("hvid på fejl (puljen overskredet)".into(), Color32::WHITE, ERROR));
    pairs.push(("hvid på ok (puljen)".into(), Color32::WHITE, OK));
    pairs.push(("hvid på info (forberedelse)".into(), Color32::WHITE, INFO));
    pairs.push(("sort på måler".into(), Color32::BLACK, GAUGE_BG));
    pairs.push(("tekst på mangler input".into(), text, NEEDS_INPUT_BG));
    pairs.push(("fejl på mangler input".into(), ERROR, NEEDS_INPUT_BG));
    pairs
}

/// WCAG 2 contrast ratio of two opaque colours (1 to 21).
#[must_use]
pub fn contrast_ratio(a: Color32, b: Color32) -> f64 {
    fn channel(c: u8) -> f64 {
        let c = f64::from(c) / 255.0;
        if c <= 0.039_28 { c / 12.92 } else { ((c + 0.055) / 1.055).powf(2.4) }
    }
    let luminance = |c: Color32| 0.2126 * channel(c.r()) + 0.7152 * channel(c.g()) + 0.0722 * channel(c.b());
    let (la, lb) = (luminance(a), luminance(b));
    let (hi, lo) = if la > lb { (la, lb) } else { (lb, la) };
    (hi + 0.05) / (lo + 0.05)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ui::theme::set_style;

    #[test]
    fn contrast_ratio_matches_the_wcag_examples() {
        // Black on white is 21 : 1; grey #777 on white is the classic 4.48 : 1 failure.
        assert!((contrast_ratio(Color32::BLACK, Color32::WHITE) - 21.0).abs() < 1e-9);
        let grey = contrast_ratio(Color32::from_gray(0x77), Color32::WHITE);
        assert!((grey - 4.48).abs() < 0.01, "{grey}");
        // The old warning orange #B26A00 on the panel was 3.99 : 1.
        let old = contrast_ratio(Color32::from_rgb(0xB2, 0x6A, 0x00), PANEL_BG);
        assert!((old - 3.99).abs() < 0.01, "{old}");
    }

    #[test]
    fn every_text_colour_reaches_4_5_to_1_in_both_themes() {
        for presentation in [false, true] {
            let failing: Vec<String> = text_pairs(presentation)
                .into_iter()
                .map(|(name, fg, bg)| (name, contrast_ratio(fg, bg)))
                .filter(|(_, ratio)| *ratio < 4.5)
                .map(|(name, ratio)| format!("{name}: {ratio:.2}"))
                .collect();
            assert!(failing.is_empty(), "præsentation={presentation}: {failing:?}");
        }
    }

    #[test]
    fn the_applied_theme_uses_the_tested_colours() {
        for presentation in [false, true] {
            let ctx = egui::Context::default();
            set_style(&ctx, (presentation, 1.0));
            let style = ctx.style_of(egui::Theme::Light);
            let v = &style.visuals;
            let text = v.override_text_color.unwrap_or(Color32::RED);
            let pairs = text_pairs(presentation);
            for bg in [v.panel_fill, v.faint_bg_color, v.selection.bg_fill, v.widgets.inactive.weak_bg_fill] {
                assert!(
                    pairs.iter().any(|(_, fg, b)| *fg == text && *b == bg),
                    "text on {bg:?} is not among the tested pairs"
                );
            }
        }
    }
}
