//! The command line: `kalibrer [FILE]`, `check`, `stats`, `export`, `generate`.

/// What `main` should do after parsing the arguments.
#[derive(Debug)]
pub enum Launch {
    /// Open the GUI on this file (None: the embedded demo).
    Gui(Option<std::path::PathBuf>),
    /// A CLI command ran; exit with this code.
    Exit(i32),
}

/// Parses the arguments (without the program name) and runs CLI commands.
#[must_use]
pub fn run(args: &[String]) -> Launch {
    match args.first() {
        None => Launch::Gui(None),
        Some(file) => Launch::Gui(Some(file.into())),
    }
}
