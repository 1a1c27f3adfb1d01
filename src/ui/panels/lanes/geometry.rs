//! The lanes' plain geometry, shared by the layout and the shapes: the dot's polygon, the
//! density strip's bins, and how shapes become triangles.

use egui::Rect;
use egui::epaint::{TessellationOptions, Tessellator};
use rust_decimal::Decimal;

use crate::ui::state::axis::KrAxis;

/// Corners of a dot's polygon. egui's own circle at a 7-point radius has 32, which with
/// the ring and its feathering is 128 vertices per dot; 12 corners (48 vertices) keep the
/// mesh no larger than the hand-built 16-segment discs before (50), and at a 7–8.4 pixel
/// radius the polygon is within 0.3 pixel of the circle.
pub(crate) const DOT_CORNERS: usize = 12;
/// Width of a density strip's bin, points.
pub const STRIP_BIN: f32 = 4.0;

/// How shapes become triangles: egui's tessellator with the context's settings.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Paint {
    /// Physical pixels per point (the zoom of presentation mode changes it).
    pub pixels_per_point: f32,
    /// The context's tessellation options (feathering).
    pub options: TessellationOptions,
    /// The font texture's size.
    pub font_tex_size: [usize; 2],
}

impl Paint {
    /// The settings `ctx` paints with.
    #[must_use]
    pub fn of(ctx: &egui::Context) -> Self {
        Self {
            pixels_per_point: ctx.pixels_per_point(),
            options: ctx.tessellation_options(|o| *o),
            font_tex_size: ctx.fonts(|f| f.font_image_size()),
        }
    }

    /// A tessellator with these settings. No prerasterized discs: their place in the
    /// font atlas can move while the mesh is cached.
    pub(crate) fn tessellator(&self) -> Tessellator {
        Tessellator::new(self.pixels_per_point, self.options, self.font_tex_size, Vec::new())
    }

    /// `x` on the physical pixel grid.
    pub(crate) fn snap(&self, x: f32) -> f32 {
        (x * self.pixels_per_point).round() / self.pixels_per_point
    }
}

/// One bin of a density strip.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Bin {
    /// Managers in the bin.
    pub count: u32,
    /// Their lowest amount.
    pub min: Decimal,
    /// Their highest amount.
    pub max: Decimal,
}

/// A dense level drawn as a density strip.
#[derive(Debug, Clone, PartialEq)]
pub struct Strip {
    /// Index into `session.levels`.
    pub level: usize,
    /// The lane.
    pub lane: Rect,
    /// Bin `k` covers x from `axis.left + k × STRIP_BIN`.
    pub bins: Vec<Bin>,
}

impl Strip {
    /// The bin under x, if it holds anyone, with its rectangle.
    #[must_use]
    pub fn bin_at(&self, axis: &KrAxis, x: f32) -> Option<(Bin, Rect)> {
        let k = ((x - axis.left) / STRIP_BIN).floor();
        if k < 0.0 {
            return None;
        }
        let bin = *self.bins.get(k as usize)?;
        let left = axis.left + k * STRIP_BIN;
        let rect = Rect::from_x_y_ranges(left..=left + STRIP_BIN, self.lane.top() + 2.0..=self.lane.bottom() - 2.0);
        (bin.count > 0).then_some((bin, rect))
    }
}

/// A dot's initials where they were placed.
#[derive(Debug, Clone, PartialEq)]
pub struct Label {
    /// Index into `session.managers`.
    pub manager: usize,
    /// The initials, unique among the lanes' labels.
    pub text: String,
    /// Where they are drawn.
    pub rect: Rect,
}

/// Managers stacked at one place in a zoomed lane that has no row left for their dots:
/// drawn as "+n" where the last row's dot would be, never hidden without a word.
#[derive(Debug, Clone, PartialEq)]
pub struct More {
    /// Index into `session.levels`.
    pub level: usize,
    /// Where the "+n" is drawn.
    pub center: egui::Pos2,
    /// The managers it stands for.
    pub managers: Vec<usize>,
    /// Their lowest amount.
    pub min: Decimal,
    /// Their highest amount.
    pub max: Decimal,
}
