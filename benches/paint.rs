//! Paint cost of one frame of the meeting screen (issue 19): what the renderer is handed
//! and what a software rasteriser has to fill. Runs the real `KalibrerApp` headless at
//! 1920×1080 for the demo and a generated 2,206-manager session and prints, per frame:
//! clipped primitives, vertices, indices, the median tessellation time (`ctx.tessellate`),
//! the pixel area covered by triangles (clipped to their clip rectangles; overdraw counted,
//! split into plain shapes and text) and the median time egui-wgpu needs to render and read
//! back the frame on this machine's adapter (Mesa llvmpipe when there is no GPU).
//! Run: `cargo bench --bench paint`; `-- --render` adds the render column (needs a wgpu
//! adapter; its time is dominated by the read-back, so compare it only with itself);
//! `-- --top` lists the shapes that cover the most pixels.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::print_stdout)]

use std::time::{Duration, Instant};

use egui::epaint::{ClippedPrimitive, Primitive, WHITE_UV};
use egui::{Pos2, Rect};
use egui_kittest::TestRenderer;
use kalibrer::model::Session;
use kalibrer::ui::{KalibrerApp, theme};

/// The window in physical pixels.
const SIZE: egui::Vec2 = egui::vec2(1920.0, 1080.0);

/// The input of one frame: the window in points (as eframe sets it: pixels / zoom).
fn raw_input(ctx: &egui::Context) -> egui::RawInput {
    let points = SIZE / ctx.zoom_factor();
    egui::RawInput { screen_rect: Some(Rect::from_min_size(Pos2::ZERO, points)), ..Default::default() }
}

/// One frame of the app as eframe runs it (panel commands applied).
fn frame(ctx: &egui::Context, app: &mut KalibrerApp) -> egui::FullOutput {
    ctx.run_ui(raw_input(ctx), |ui| {
        let commands = app.frame_ui(ui);
        for c in commands {
            app.apply(ui.ctx(), c);
        }
    })
}

/// The same window with nothing but an empty central panel: the fixed cost of a frame
/// (clear, one full-screen fill, read back).
fn empty_frame(ctx: &egui::Context) -> egui::FullOutput {
    ctx.run_ui(raw_input(ctx), |ui| {
        egui::CentralPanel::default().show(ui, |_| {});
    })
}

/// What one tessellated frame hands the renderer.
#[derive(Default)]
struct Counts {
    primitives: usize,
    vertices: usize,
    indices: usize,
    /// Pixels covered by triangles of plain shapes (white texel), overdraw counted.
    solid_area: f64,
    /// Pixels covered by textured triangles (glyphs, images).
    text_area: f64,
}

fn counts(primitives: &[ClippedPrimitive], pixels_per_point: f32) -> Counts {
    let mut c = Counts { primitives: primitives.len(), ..Counts::default() };
    let screen = Rect::from_min_size(Pos2::ZERO, SIZE);
    for p in primitives {
        let Primitive::Mesh(mesh) = &p.primitive else { continue };
        c.vertices += mesh.vertices.len();
        c.indices += mesh.indices.len();
        let clip = Rect::from_min_max(p.clip_rect.min * pixels_per_point, p.clip_rect.max * pixels_per_point)
            .intersect(screen);
        if !clip.is_positive() {
            continue;
        }
        for t in mesh.indices.chunks_exact(3) {
            let v = [0, 1, 2].map(|k| mesh.vertices[t[k] as usize]);
            let area = clipped_area(v.map(|x| (x.pos.to_vec2() * pixels_per_point).to_pos2()), clip);
            if v.iter().all(|x| x.uv == WHITE_UV) {
                c.solid_area += area;
            } else {
                c.text_area += area;
            }
        }
    }
    c
}

/// The area of triangle `t` inside `clip` (Sutherland–Hodgman, then the shoelace formula).
fn clipped_area(t: [Pos2; 3], clip: Rect) -> f64 {
    let mut poly: Vec<Pos2> = t.to_vec();
    // Each edge: (inside test, intersection of a segment with the edge).
    let edges: [(&dyn Fn(Pos2) -> bool, &dyn Fn(Pos2, Pos2) -> Pos2); 4] = [
        (&|p| p.x >= clip.min.x, &|a, b| cut_x(a, b, clip.min.x)),
        (&|p| p.x <= clip.max.x, &|a, b| cut_x(a, b, clip.max.x)),
        (&|p| p.y >= clip.min.y, &|a, b| cut_y(a, b, clip.min.y)),
        (&|p| p.y <= clip.max.y, &|a, b| cut_y(a, b, clip.max.y)),
    ];
    for (inside, cut) in edges {
        if poly.is_empty() {
            return 0.0;
        }
        let mut next = Vec::with_capacity(poly.len() + 2);
        for k in 0..poly.len() {
            let (a, b) = (poly[k], poly[(k + 1) % poly.len()]);
            match (inside(a), inside(b)) {
                (true, true) => next.push(b),
                (true, false) => next.push(cut(a, b)),
                (false, true) => {
                    next.push(cut(a, b));
                    next.push(b);
                }
                (false, false) => {}
            }
        }
        poly = next;
    }
    let mut twice = 0.0_f64;
    for k in 0..poly.len() {
        let (a, b) = (poly[k], poly[(k + 1) % poly.len()]);
        twice += f64::from(a.x) * f64::from(b.y) - f64::from(b.x) * f64::from(a.y);
    }
    twice.abs() / 2.0
}

fn cut_x(a: Pos2, b: Pos2, x: f32) -> Pos2 {
    let t = (x - a.x) / (b.x - a.x);
    Pos2::new(x, a.y + t * (b.y - a.y))
}

fn cut_y(a: Pos2, b: Pos2, y: f32) -> Pos2 {
    let t = (y - a.y) / (b.y - a.y);
    Pos2::new(a.x + t * (b.x - a.x), y)
}

/// Prints the shapes that cover the most pixels (each tessellated on its own).
fn top_shapes(ctx: &egui::Context, output: &egui::FullOutput) {
    let mut areas: Vec<(f64, String)> = output
        .shapes
        .iter()
        .map(|s| {
            let c = counts(&ctx.tessellate(vec![s.clone()], output.pixels_per_point), output.pixels_per_point);
            let what = format!("{:?}", s.shape);
            (c.solid_area + c.text_area, what.chars().take(150).collect())
        })
        .collect();
    areas.sort_by(|a, b| b.0.total_cmp(&a.0));
    for (area, what) in areas.iter().take(40) {
        println!("    {:>9.0} px  {what}", area);
    }
}

fn median(mut samples: Vec<Duration>) -> f64 {
    samples.sort();
    samples[samples.len() / 2].as_secs_f64() * 1000.0
}

/// One scenario: the app on `session` (None: the empty baseline) with the first manager of
/// the agenda selected (as after PageDown), optionally in presentation mode.
fn run(name: &str, session: Option<Session>, presentation: bool, renderer: Option<&mut dyn TestRenderer>) {
    let mut app = session.map(|s| KalibrerApp::with_session(s, None));
    let ctx = egui::Context::default();
    theme::install_fonts(&ctx);
    theme::apply(&ctx, presentation);
    if let Some(app) = app.as_mut() {
        app.view.presentation = presentation;
        app.view.selected = app.derived.agenda.first().copied();
        app.view.scroll_to_selected = true;
    }
    let mut step = || match app.as_mut() {
        Some(app) => frame(&ctx, app),
        None => empty_frame(&ctx),
    };
    let mut renderer = renderer;
    let mut output = step();
    for k in 0..=10 {
        // Font atlas updates go to the renderer (or are dropped without one).
        match renderer.as_deref_mut() {
            Some(r) => r.handle_delta(&mut output.textures_delta),
            None => output.textures_delta.clear(),
        }
        if k < 10 {
            output = step();
        }
    }
    let ppp = output.pixels_per_point;
    let mut tess = Vec::new();
    let mut primitives = Vec::new();
    for _ in 0..50 {
        let shapes = output.shapes.clone();
        let t = Instant::now();
        primitives = ctx.tessellate(shapes, ppp);
        tess.push(t.elapsed());
    }
    let c = counts(&primitives, ppp);
    if std::env::args().any(|a| a == "--top") {
        top_shapes(&ctx, &output);
    }
    let screen = f64::from(SIZE.x) * f64::from(SIZE.y);
    let render = renderer.map_or_else(
        || "–".to_string(),
        |r| {
            let mut times = Vec::new();
            for k in 0..21 {
                let t = Instant::now();
                r.render(&ctx, &output).expect("rendered");
                if k > 0 {
                    times.push(t.elapsed());
                }
            }
            format!("{:.1} ms", median(times))
        },
    );
    println!(
        "{name:<22} {:>6} {:>6} {:>8} {:>9} {:>7.3} ms {:>9.2} Mpx ({:.2}×) {:>6.2} Mpx {:>9}",
        output.shapes.len(),
        c.primitives,
        c.vertices,
        c.indices,
        median(tess),
        (c.solid_area + c.text_area) / 1e6,
        (c.solid_area + c.text_area) / screen,
        c.text_area / 1e6,
        render,
    );
}

fn main() {
    let render = std::env::args().any(|a| a == "--render");
    // The renderer with the options eframe uses for the app (dithering on), on the adapter
    // kittest prefers (a CPU adapter when there is one).
    let mut renderer = render.then(|| {
        let state = egui_kittest::wgpu::create_render_state(
            egui_kittest::wgpu::default_wgpu_setup(),
            eframe::egui_wgpu::RendererOptions::default(),
        );
        let info = state.adapter.get_info();
        println!("render: egui-wgpu on {} ({:?}, {:?})", info.name, info.backend, info.device_type);
        egui_kittest::wgpu::WgpuTestRenderer::from_render_state(state)
    });
    println!(
        "{:<22} {:>6} {:>6} {:>8} {:>9} {:>10} {:>21} {:>10} {:>9}",
        "frame (1920×1080)",
        "shapes",
        "prims",
        "vertices",
        "indices",
        "tessellate",
        "covered (× screen)",
        "of it text",
        "render"
    );
    let demo = || kalibrer::io::parse_session(kalibrer::io::DEMO_RON).expect("demo parses");
    let big = || kalibrer::engine::generate::generate(2_206, 1).expect("generated session");
    for (name, session, presentation) in [
        ("empty panel", None, false),
        ("demo", Some(demo()), false),
        ("demo, presentation", Some(demo()), true),
        ("2,206 managers", Some(big()), false),
    ] {
        run(name, session, presentation, renderer.as_mut().map(|r| r as &mut dyn TestRenderer));
    }
}
