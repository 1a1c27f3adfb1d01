//! Operating-system errors in Danish: the one place an `std::io::Error` is put into words
//! for the user (never the OS's English "Is a directory (os error 21)").

use std::io::ErrorKind;

/// The Danish description of an OS error, by its kind: "filen findes ikke", "adgang
/// nægtet", "det er en mappe, ikke en fil", "disken er fuld" …. Kinds without a Danish
/// word fall back to a general sentence with the OS's error number, never its English text.
#[must_use]
pub fn danish(e: &std::io::Error) -> String {
    let text = match e.kind() {
        ErrorKind::NotFound => "filen eller mappen findes ikke",
        ErrorKind::PermissionDenied => "adgang nægtet – du har ikke rettigheder til filen eller mappen",
        ErrorKind::IsADirectory => "det er en mappe, ikke en fil",
        ErrorKind::NotADirectory => "en del af stien er en fil, ikke en mappe",
        ErrorKind::StorageFull | ErrorKind::QuotaExceeded => "disken er fuld",
        ErrorKind::ReadOnlyFilesystem => "drevet er skrivebeskyttet",
        ErrorKind::AlreadyExists => "filen findes allerede",
        ErrorKind::DirectoryNotEmpty => "mappen er ikke tom",
        ErrorKind::FileTooLarge => "filen er for stor",
        ErrorKind::InvalidFilename => "filnavnet er ugyldigt",
        ErrorKind::InvalidData => "filen indeholder ugyldige data",
        ErrorKind::UnexpectedEof => "filen slutter for tidligt",
        ErrorKind::Interrupted => "handlingen blev afbrudt",
        ErrorKind::TimedOut => "drevet svarede ikke i tide",
        ErrorKind::ResourceBusy | ErrorKind::ExecutableFileBusy => "filen er optaget af et andet program",
        ErrorKind::WouldBlock => "filen er låst af et andet program",
        ErrorKind::CrossesDevices => "filen kan ikke flyttes mellem to drev",
        ErrorKind::StaleNetworkFileHandle | ErrorKind::NetworkDown | ErrorKind::NetworkUnreachable => {
            "netværksdrevet kan ikke nås"
        }
        ErrorKind::TooManyLinks => "stien peger i ring",
        ErrorKind::OutOfMemory => "der er ikke hukommelse nok",
        ErrorKind::Unsupported => "drevet understøtter ikke handlingen",
        _ => {
            return match e.raw_os_error() {
                Some(code) => format!("styresystemet afviste handlingen (fejlkode {code})"),
                None => "styresystemet afviste handlingen".to_string(),
            };
        }
    };
    text.to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kinds_are_danish_and_never_the_os_text() {
        let cases = [
            (ErrorKind::NotFound, "findes ikke"),
            (ErrorKind::PermissionDenied, "adgang nægtet"),
            (ErrorKind::IsADirectory, "det er en mappe"),
            (ErrorKind::StorageFull, "disken er fuld"),
            (ErrorKind::ReadOnlyFilesystem, "skrivebeskyttet"),
            (ErrorKind::AlreadyExists, "findes allerede"),
        ];
        for (kind, words) in cases {
            let e = std::io::Error::new(kind, "English OS text");
            let text = danish(&e);
            assert!(text.contains(words), "{kind:?}: {text}");
            assert!(!text.contains("English"), "{kind:?}: {text}");
        }
        #[cfg(unix)]
        {
            // EISDIR as the OS reports it: "Is a directory (os error 21)".
            let e = std::io::Error::from_raw_os_error(21);
            assert_eq!(danish(&e), "det er en mappe, ikke en fil");
        }
        let other = std::io::Error::other("boom");
        assert_eq!(danish(&other), "styresystemet afviste handlingen");
    }
}
