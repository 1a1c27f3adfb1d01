//! The managers table's stripes: one rectangle per striped row instead of egui_extras' one
//! per cell – fewer vertices and draw calls for the same picture (issue 19).

/// The table's stripes as one rectangle per striped row, the same area egui_extras covers
/// with one rectangle per cell (eleven per row): fewer vertices for the same picture.
pub(crate) struct Stripes {
    painter: egui::Painter,
    /// The row's horizontal extent, including the half item spacing egui_extras adds on
    /// both sides of each cell so that stripes have no gaps.
    x: egui::Rangef,
    /// Half the item spacing, added above and below the row.
    half_gap: f32,
    /// Height of a row.
    row_height: f32,
    /// Top of the table's first row in this pass (the body's content, scrolled).
    top: f32,
    /// Distance from one row's top to the next: height and item spacing.
    pitch: f32,
    fill: egui::Color32,
}

impl Stripes {
    pub(crate) fn new(body: &mut egui_extras::TableBody<'_>, columns: usize, row_height: f32) -> Self {
        // The body's `max_rect` is its visible part; the rows start at the top of the
        // scrolled content, the body's own Ui.
        let left = body.max_rect().left();
        let top = body.ui_mut().max_rect().top();
        let widths: f32 = body.widths().iter().sum();
        let ui = body.ui_mut();
        let spacing = ui.spacing().item_spacing;
        let gaps = spacing.x * (columns as f32 - 1.0);
        Self {
            painter: ui.painter().clone(),
            x: egui::Rangef::new(left - 0.5 * spacing.x, left + widths + gaps + 0.5 * spacing.x),
            half_gap: 0.5 * spacing.y,
            row_height,
            top,
            pitch: crate::ui::panels::table_rows::pitch(ui, row_height),
            fill: ui.visuals().faint_bg_color,
        }
    }

    /// Keeps a place under row `index`'s cells (and under a selection or hover highlight)
    /// for its stripe; egui_extras stripes the even rows.
    pub(crate) fn reserve(&self, index: usize) -> Option<egui::layers::ShapeIdx> {
        index.is_multiple_of(2).then(|| self.painter.add(egui::Shape::Noop))
    }

    /// Fills the place kept by [`Self::reserve`] for row `index`.
    ///
    /// The row's place is computed from this pass's layout (egui_extras lays the rows out
    /// one `pitch` apart from the body's top): a row's `Response` carries the rectangle of
    /// the previous pass, so stripes placed by it lagged a frame behind the rows whenever
    /// the table scrolled – in the first frame after a step through the agenda they sat one
    /// row off, every stripe on the wrong row (issue 29).
    pub(crate) fn paint(&self, stripe: egui::layers::ShapeIdx, index: usize) {
        use egui::emath::GuiRounding as _;
        let top = self.top + index as f32 * self.pitch;
        let y = egui::Rangef::new(top - self.half_gap, top + self.row_height + self.half_gap);
        let rect = egui::Rect::from_x_y_ranges(self.x, y).round_ui();
        self.painter.set(stripe, egui::epaint::RectShape::filled(rect, 0.0, self.fill));
    }
}
