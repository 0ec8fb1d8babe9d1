//! What compiling the variants into a matcher can fail on.

use std::fmt;

/// Why [`Matcher::new`](super::Matcher::new) refused the variants. Each error is either a
/// configured limit ([`BuildError::is_limit`]) or a variant that cannot be compiled.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum BuildError {
    /// More variants than [`Limits::max_patterns`](super::Limits::max_patterns).
    TooManyVariants { count: usize, max: usize },
    /// A `prefix` variant that does not end in `*`.
    PrefixWithoutStar { form: String },
    /// A variant in a CJK script with nothing left once folded.
    NoLetters { form: String },
    /// A variant with no letters or digits.
    NoLettersOrDigits { form: String },
    /// A `regex` variant that does not parse or does not compile; `limit` when a size or
    /// nesting limit refused it.
    Regex {
        form: String,
        message: String,
        limit: bool,
    },
    /// The searcher for the regex literals could not be built (it outgrew its identifiers).
    LiteralIndex { message: String },
    /// The regex variants without a usable literal could not be combined into one regex.
    Combine { message: String, limit: bool },
}

impl BuildError {
    /// The variant refused, when one variant is to blame.
    pub(crate) fn form(&self) -> Option<&str> {
        match self {
            BuildError::PrefixWithoutStar { form }
            | BuildError::NoLetters { form }
            | BuildError::NoLettersOrDigits { form }
            | BuildError::Regex { form, .. } => Some(form),
            BuildError::TooManyVariants { .. }
            | BuildError::LiteralIndex { .. }
            | BuildError::Combine { .. } => None,
        }
    }

    /// Whether a configured limit, not a bad variant, refused the build.
    pub(crate) fn is_limit(&self) -> bool {
        match self {
            BuildError::TooManyVariants { .. } | BuildError::LiteralIndex { .. } => true,
            BuildError::Regex { limit, .. } | BuildError::Combine { limit, .. } => *limit,
            BuildError::PrefixWithoutStar { .. }
            | BuildError::NoLetters { .. }
            | BuildError::NoLettersOrDigits { .. } => false,
        }
    }
}

impl fmt::Display for BuildError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            BuildError::TooManyVariants { count, max } => write!(
                f,
                "{count} variants exceed the limit of {max} (help: raise it with ClassifierBuilder::max_patterns)"
            ),
            BuildError::PrefixWithoutStar { form } => {
                write!(f, "prefix variant {form:?} must end in '*'")
            }
            BuildError::NoLetters { form } => write!(f, "variant {form:?} has no letters"),
            BuildError::NoLettersOrDigits { form } => {
                write!(f, "variant {form:?} has no letters or digits")
            }
            BuildError::Regex { form, message, .. } => write!(f, "bad regex {form:?}: {message}"),
            BuildError::LiteralIndex { message } => {
                write!(f, "cannot index the regex literals: {message}")
            }
            BuildError::Combine { message, .. } => {
                write!(f, "cannot combine the regex variants: {message}")
            }
        }
    }
}

impl std::error::Error for BuildError {}

impl From<BuildError> for crate::Error {
    fn from(e: BuildError) -> crate::Error {
        if e.is_limit() {
            crate::Error::limit(e.to_string())
        } else {
            crate::Error::invalid(e.to_string())
        }
    }
}
