//! Paint cost of one frame of the meeting screen (issue 19): what the renderer is handed
//! and what a software rasteriser has to fill. Runs the real `KalibrerApp` headless at
//! 1920×1080 for the demo and a generated 2,206-manager session and prints, per frame:
//! clipped primitives, vertices, indices, the median tessellation time (`ctx.tessellate`),
//! the pixel area covered by triangles (clipped to their clip rectangles; overdraw counted,
//! split into plain shapes and text) and, with `-- --render`, the median time egui-wgpu needs
//! to render the frame on this machine's adapter (Mesa llvmpipe when there is no GPU) as the
//! process's CPU time per frame. Run: `cargo bench --bench paint [-- --render] [-- --top]`; `--top`
//! lists the shapes that cover the most pixels and the totals per kind of shape.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::print_stdout)]

use std::time::{Duration, Instant};

use egui::epaint::{ClippedPrimitive, Primitive, WHITE_UV};
use egui::{Pos2, Rect};
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
            app.run_command(ui.ctx(), c);
        }
    })
}

/// A window with nothing but an empty central panel (`fill`) or nothing at all: the fixed
/// cost of a frame (the clear, and one full-screen fill).
fn empty_frame(ctx: &egui::Context, fill: bool) -> egui::FullOutput {
    ctx.run_ui(raw_input(ctx), |ui| {
        if fill {
            egui::CentralPanel::default().show(ui, |_| {});
        }
    })
}

/// What a scenario shows.
enum Content {
    /// Nothing: the cleared window.
    Nothing,
    /// One empty central panel: one full-screen fill.
    Fill,
    /// The app on a session; `filled`: panels fill their background (as in the kittest
    /// snapshots and before issue 19) instead of the window being cleared with it.
    App { session: Box<Session>, filled: bool },
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
    for (vertical, bound, keep_above) in
        [(true, clip.min.x, true), (true, clip.max.x, false), (false, clip.min.y, true), (false, clip.max.y, false)]
    {
        poly = clip_half(&poly, vertical, bound, keep_above);
    }
    let mut twice = 0.0_f64;
    for k in 0..poly.len() {
        let (a, b) = (poly[k], poly[(k + 1) % poly.len()]);
        twice += f64::from(a.x) * f64::from(b.y) - f64::from(b.x) * f64::from(a.y);
    }
    twice.abs() / 2.0
}

/// The part of polygon `poly` on one side of the line x = `bound` (`vertical`) or y = `bound`:
/// the side of larger coordinates when `keep_above`.
fn clip_half(poly: &[Pos2], vertical: bool, bound: f32, keep_above: bool) -> Vec<Pos2> {
    let coord = |p: Pos2| if vertical { p.x } else { p.y };
    let inside = |p: Pos2| if keep_above { coord(p) >= bound } else { coord(p) <= bound };
    let cut = |a: Pos2, b: Pos2| {
        let t = (bound - coord(a)) / (coord(b) - coord(a));
        a + t * (b - a)
    };
    let mut out = Vec::with_capacity(poly.len() + 2);
    for k in 0..poly.len() {
        let (a, b) = (poly[k], poly[(k + 1) % poly.len()]);
        match (inside(a), inside(b)) {
            (true, true) => out.push(b),
            (true, false) => out.push(cut(a, b)),
            (false, true) => {
                out.push(cut(a, b));
                out.push(b);
            }
            (false, false) => {}
        }
    }
    out
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
    for (area, what) in areas.iter().take(25) {
        println!("    {:>9.0} px  {what}", area);
    }
    // Per kind of shape: how many, their vertices and covered area.
    let mut kinds: std::collections::BTreeMap<&str, (usize, usize, f64)> = std::collections::BTreeMap::new();
    for s in &output.shapes {
        let kind = match &s.shape {
            egui::Shape::Text(_) => "text",
            egui::Shape::Rect(_) => "rect",
            egui::Shape::Mesh(_) => "mesh",
            egui::Shape::Circle(_) | egui::Shape::Ellipse(_) => "circle",
            egui::Shape::LineSegment { .. } | egui::Shape::Path(_) => "line/path",
            egui::Shape::Vec(_) => "vec",
            _ => "other",
        };
        let c = counts(&ctx.tessellate(vec![s.clone()], output.pixels_per_point), output.pixels_per_point);
        let e = kinds.entry(kind).or_default();
        e.0 += 1;
        e.1 += c.vertices;
        e.2 += c.solid_area + c.text_area;
    }
    for (kind, (n, vertices, area)) in kinds {
        println!("    {kind:<10} {n:>5} shapes {vertices:>7} vertices {:>7.3} Mpx", area / 1e6);
    }
}

/// egui-wgpu rendering into an offscreen 1920×1080 target on the adapter kittest prefers (a
/// CPU adapter when there is one: Mesa llvmpipe here): the rasteriser's share of a frame.
struct Gpu {
    state: eframe::egui_wgpu::RenderState,
    view: wgpu::TextureView,
}

use eframe::egui_wgpu::wgpu;

impl Gpu {
    fn new(dithering: bool) -> Self {
        let options = eframe::egui_wgpu::RendererOptions { dithering, ..Default::default() };
        let state = egui_kittest::wgpu::create_render_state(egui_kittest::wgpu::default_wgpu_setup(), options);
        let texture = state.device.create_texture(&wgpu::TextureDescriptor {
            label: Some("paint bench target"),
            size: wgpu::Extent3d { width: SIZE.x as u32, height: SIZE.y as u32, depth_or_array_layers: 1 },
            mip_level_count: 1,
            sample_count: 1,
            dimension: wgpu::TextureDimension::D2,
            format: state.target_format,
            usage: wgpu::TextureUsages::RENDER_ATTACHMENT,
            view_formats: &[],
        });
        let view = texture.create_view(&wgpu::TextureViewDescriptor::default());
        Self { state, view }
    }

    fn adapter(&self) -> String {
        let info = self.state.adapter.get_info();
        format!("{} ({:?}, {:?})", info.name, info.backend, info.device_type)
    }

    fn textures(&self, delta: &mut egui::TexturesDelta) {
        let mut renderer = self.state.renderer.write();
        for (id, images) in &delta.set {
            for image in images {
                renderer.update_texture(&self.state.device, &self.state.queue, *id, image);
            }
        }
        for id in &delta.free {
            renderer.free_texture(id);
        }
        delta.clear();
    }

    /// Renders one frame and waits until the adapter has finished it.
    fn render(&self, primitives: &[ClippedPrimitive], pixels_per_point: f32) {
        let mut renderer = self.state.renderer.write();
        let device = &self.state.device;
        let mut encoder = device.create_command_encoder(&wgpu::CommandEncoderDescriptor { label: None });
        let screen =
            eframe::egui_wgpu::ScreenDescriptor { size_in_pixels: [SIZE.x as u32, SIZE.y as u32], pixels_per_point };
        let buffers = renderer.update_buffers(device, &self.state.queue, &mut encoder, primitives, &screen);
        {
            let mut pass = encoder
                .begin_render_pass(&wgpu::RenderPassDescriptor {
                    label: None,
                    color_attachments: &[Some(wgpu::RenderPassColorAttachment {
                        view: &self.view,
                        resolve_target: None,
                        ops: wgpu::Operations {
                            load: wgpu::LoadOp::Clear(wgpu::Color::BLACK),
                            store: wgpu::StoreOp::Store,
                        },
                        depth_slice: None,
                    })],
                    ..Default::default()
                })
                .forget_lifetime();
            renderer.render(&mut pass, primitives, &screen);
        }
        self.state.queue.submit(buffers.into_iter().chain(std::iter::once(encoder.finish())));
        device
            .poll(wgpu::PollType::Wait { submission_index: None, timeout: Some(Duration::from_secs(10)) })
            .expect("rendered");
    }
}

/// CPU time of this process so far (all threads, user + system), from /proc (Linux).
fn cpu_ms() -> Option<f64> {
    let stat = std::fs::read_to_string("/proc/self/stat").ok()?;
    // The fields after the command name (which is in parentheses and may contain spaces).
    let rest = &stat[stat.rfind(')')? + 2..];
    let fields: Vec<&str> = rest.split_whitespace().collect();
    let ticks: f64 = fields.get(11)?.parse::<f64>().ok()? + fields.get(12)?.parse::<f64>().ok()?;
    // USER_HZ is 100 on Linux.
    Some(ticks * 10.0)
}

fn median(mut samples: Vec<Duration>) -> f64 {
    samples.sort();
    samples[samples.len() / 2].as_secs_f64() * 1000.0
}

/// One scenario: the app (with the first manager of the agenda selected, as after PageDown)
/// or a baseline, optionally in presentation mode.
fn run(name: &str, content: Content, presentation: bool, gpus: &[Gpu]) {
    let ctx = egui::Context::default();
    theme::install_fonts(&ctx);
    theme::set_style(&ctx, (presentation, theme::zoom_for(presentation, 1080.0)));
    let (mut app, fill) = match content {
        Content::Nothing => (None, false),
        Content::Fill => (None, true),
        Content::App { session, filled } => {
            let mut app = KalibrerApp::with_session(*session, None);
            app.panels_on_clear_color = !filled;
            app.meeting.view.presentation = presentation;
            app.meeting.view.selected = app.meeting.derived.agenda.first().copied();
            app.meeting.view.scroll_to_selected = true;
            (Some(app), false)
        }
    };
    let mut step = || match app.as_mut() {
        Some(app) => frame(&ctx, app),
        None => empty_frame(&ctx, fill),
    };
    let mut output = step();
    for k in 0..=10 {
        // Font atlas updates go to the renderers (or are dropped without one).
        for gpu in gpus {
            gpu.textures(&mut output.textures_delta.clone());
        }
        output.textures_delta.clear();
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
    // CPU time, not wall time: waiting for llvmpipe's fence sleeps far longer than the
    // rasterising takes, while the CPU time of the process is the work done (all threads).
    let render: Vec<String> = gpus
        .iter()
        .map(|gpu| {
            gpu.render(&primitives, ppp);
            let runs = 30;
            let before = cpu_ms();
            for _ in 0..runs {
                gpu.render(&primitives, ppp);
            }
            match (before, cpu_ms()) {
                (Some(a), Some(b)) => format!("{:.1} ms", (b - a) / f64::from(runs)),
                _ => "–".to_string(),
            }
        })
        .collect();
    println!(
        "{name:<22} {:>6} {:>6} {:>8} {:>9} {:>7.3} ms {:>9.2} Mpx ({:.2}×) {:>6.2} Mpx {:>10}",
        output.shapes.len(),
        c.primitives,
        c.vertices,
        c.indices,
        median(tess),
        (c.solid_area + c.text_area) / 1e6,
        (c.solid_area + c.text_area) / screen,
        c.text_area / 1e6,
        render.first().map_or("–", String::as_str),
    );
}

fn main() {
    let render = std::env::args().any(|a| a == "--render");
    // Dithering on, eframe's default and what the app uses (off measured 0–3 % less, within
    // the noise: `Gpu::new(false)`).
    let gpus: Vec<Gpu> = if render { vec![Gpu::new(true)] } else { Vec::new() };
    if let Some(gpu) = gpus.first() {
        println!("render: egui-wgpu on {}; CPU time of the process per frame over 30 frames", gpu.adapter());
    }
    println!(
        "{:<22} {:>6} {:>6} {:>8} {:>9} {:>10} {:>21} {:>10} {:>10}",
        "frame (1920×1080)",
        "shapes",
        "prims",
        "vertices",
        "indices",
        "tessellate",
        "covered (× screen)",
        "of it text",
        "render CPU"
    );
    let demo = || kalibrer::io::parse_session(kalibrer::io::DEMO_RON).expect("demo parses");
    let big = || kalibrer::engine::generate::generate(2_206, 1).expect("generated session");
    let app = |session: Session, filled: bool| Content::App { session: Box::new(session), filled };
    for (name, content, presentation) in [
        ("cleared window only", Content::Nothing, false),
        ("one full-screen fill", Content::Fill, false),
        ("demo", app(demo(), false), false),
        ("demo, panels filled", app(demo(), true), false),
        ("demo, presentation", app(demo(), false), true),
        ("2,206 managers", app(big(), false), false),
        ("2,206, panels filled", app(big(), true), false),
    ] {
        run(name, content, presentation, &gpus);
    }
}
