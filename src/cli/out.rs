//! The command line's one way to write to stdout and stderr. `outln!` panics when its
//! pipe is closed (`kalibrer check big.ron | head -1` exited 101); here a closed pipe only
//! stops the output: the command runs to its end quietly and exits with its usual code.
//! Any other failure to write stdout (a full disk behind `> fil.txt`) is said once on
//! stderr and makes the command exit 2 ([`exit_code`]).

use std::io::Write;
use std::sync::atomic::{AtomicBool, Ordering};

/// Set once stdout could not be written: nothing more is tried.
static STDOUT_CLOSED: AtomicBool = AtomicBool::new(false);
/// Set when stdout failed for another reason than a closed pipe.
static STDOUT_FAILED: AtomicBool = AtomicBool::new(false);
/// Set once stderr could not be written.
static STDERR_CLOSED: AtomicBool = AtomicBool::new(false);

/// Writes `text` to stdout; a closed pipe or any other error stops further output.
pub fn stdout(text: std::fmt::Arguments<'_>) {
    if STDOUT_CLOSED.load(Ordering::Relaxed) {
        return;
    }
    let mut out = std::io::stdout().lock();
    if let Err(e) = out.write_fmt(text) {
        STDOUT_CLOSED.store(true, Ordering::Relaxed);
        if e.kind() != std::io::ErrorKind::BrokenPipe {
            STDOUT_FAILED.store(true, Ordering::Relaxed);
            stderr(format_args!("kalibrer: standard-output kan ikke skrives: {}\n", crate::io::os_error::danish(&e)));
        }
    }
}

/// Writes `bytes` to stdout as they are (completion scripts), as [`stdout`].
pub fn stdout_bytes(bytes: &[u8]) {
    stdout(format_args!("{}", String::from_utf8_lossy(bytes)));
}

/// Writes `text` to stderr; a closed stderr is ignored.
pub fn stderr(text: std::fmt::Arguments<'_>) {
    if STDERR_CLOSED.load(Ordering::Relaxed) {
        return;
    }
    if std::io::stderr().lock().write_fmt(text).is_err() {
        STDERR_CLOSED.store(true, Ordering::Relaxed);
    }
}

/// The exit code after a command that returned `code`: flushes stdout, and gives 2 when
/// stdout failed for another reason than a closed pipe.
#[must_use]
pub fn exit_code(code: i32) -> i32 {
    if !STDOUT_CLOSED.load(Ordering::Relaxed)
        && let Err(e) = std::io::stdout().lock().flush()
    {
        STDOUT_CLOSED.store(true, Ordering::Relaxed);
        if e.kind() != std::io::ErrorKind::BrokenPipe {
            STDOUT_FAILED.store(true, Ordering::Relaxed);
            stderr(format_args!("kalibrer: standard-output kan ikke skrives: {}\n", crate::io::os_error::danish(&e)));
        }
    }
    if STDOUT_FAILED.load(Ordering::Relaxed) { code.max(2) } else { code }
}

/// `outln!` for the command line: a closed pipe stops the output, never panics.
macro_rules! outln {
    () => {
        $crate::cli::out::stdout(format_args!("\n"))
    };
    ($($arg:tt)*) => {
        $crate::cli::out::stdout(format_args!("{}\n", format_args!($($arg)*)))
    };
}

/// `print!` for the command line (see [`outln!`]).
macro_rules! out {
    ($($arg:tt)*) => {
        $crate::cli::out::stdout(format_args!($($arg)*))
    };
}

/// `errln!` for the command line: a closed stderr is ignored, never panics.
macro_rules! errln {
    ($($arg:tt)*) => {
        $crate::cli::out::stderr(format_args!("{}\n", format_args!($($arg)*)))
    };
}
