//! Entry point: parse arguments, run a CLI command or start the GUI.

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match kalibrer::cli::run(&args) {
        kalibrer::cli::Launch::Exit(code) => std::process::exit(code),
        kalibrer::cli::Launch::Gui(path) => {
            if let Err(message) = kalibrer::ui::run_gui(path) {
                eprintln!("{message}");
                std::process::exit(2);
            }
        }
    }
}
