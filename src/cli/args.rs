//! A tiny argument parser: positional arguments and `--flag [value]` options.

/// Parsed arguments of one command.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct Args {
    /// Positional arguments in order.
    pub positional: Vec<String>,
    /// Flags with their values (None for switches).
    pub flags: Vec<(String, Option<String>)>,
}

impl Args {
    /// Parses `args` given which flags take a value and which are switches.
    ///
    /// # Errors
    /// A Danish message for an unknown flag or a missing value.
    pub fn parse(args: &[String], valued: &[&str], switches: &[&str]) -> Result<Self, String> {
        let mut out = Self::default();
        let mut it = args.iter();
        while let Some(a) = it.next() {
            if valued.contains(&a.as_str()) {
                let value = it.next().ok_or_else(|| format!("{a} mangler en værdi"))?;
                out.flags.push((a.clone(), Some(value.clone())));
            } else if switches.contains(&a.as_str()) {
                out.flags.push((a.clone(), None));
            } else if a.starts_with("--") {
                return Err(format!("ukendt tilvalg «{a}»"));
            } else {
                out.positional.push(a.clone());
            }
        }
        Ok(out)
    }

    /// Whether a switch is present.
    #[must_use]
    pub fn has(&self, flag: &str) -> bool {
        self.flags.iter().any(|(f, _)| f == flag)
    }

    /// The value of a flag.
    #[must_use]
    pub fn value(&self, flag: &str) -> Option<&str> {
        self.flags.iter().find(|(f, _)| f == flag).and_then(|(_, v)| v.as_deref())
    }

    /// Exactly one positional argument (the file).
    ///
    /// # Errors
    /// A Danish message when there is none or more than one.
    pub fn one_file(&self) -> Result<&str, String> {
        match self.positional.as_slice() {
            [file] => Ok(file),
            [] => Err("der mangler en fil".to_string()),
            _ => Err("der er for mange argumenter".to_string()),
        }
    }
}
