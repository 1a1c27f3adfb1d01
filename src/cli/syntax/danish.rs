//! clap's own texts made Danish: the headings, the usage template and the help flag, on a
//! command and all its subcommands.

use clap::{Arg, ArgAction};

/// The layout of every help text: clap's "Usage:" becomes "Brug:".
const TEMPLATE: &str = "{about-with-newline}\nBrug: {usage}\n\n{all-args}{after-help}";

/// One command and its subcommands: Danish headings, template and help flag.
pub(super) fn danish(cmd: clap::Command) -> clap::Command {
    let names: Vec<String> = cmd.get_subcommands().map(|c| c.get_name().to_string()).collect();
    let cmd = cmd
        .help_template(TEMPLATE)
        .disable_help_flag(true)
        .mut_args(|a| {
            let heading = if a.is_positional() { "Argumenter" } else { "Tilvalg" };
            a.help_heading(heading)
        })
        .arg(
            Arg::new("help")
                .short('h')
                .long("help")
                .action(ArgAction::Help)
                .help("viser hjælpen")
                .help_heading("Tilvalg"),
        );
    names.into_iter().fold(cmd, |cmd, name| cmd.mut_subcommand(name, danish))
}
