//! The inputs of a corpus run: files and folders, standard input, any JSON Lines reader.

use std::fmt;
use std::io::Read;
use std::path::PathBuf;

/// One input of a corpus run: a file or folder, or a JSON Lines stream.
///
/// # Examples
///
/// ```
/// use rightslens::corpus::Input;
/// let inputs = vec![Input::path("examples/data"), Input::from_arg("-")];
/// assert_eq!(inputs[1].name(), "<stdin>");
/// ```
pub struct Input {
    pub(crate) kind: InputKind,
}

pub(crate) enum InputKind {
    Path(PathBuf),
    Stream {
        name: String,
        reader: Box<dyn Read + Send>,
    },
}

impl Input {
    /// A file or folder.
    ///
    /// # Examples
    ///
    /// ```
    /// assert_eq!(rightslens::corpus::Input::path("docs").name(), "docs");
    /// ```
    pub fn path(path: impl Into<PathBuf>) -> Input {
        Input {
            kind: InputKind::Path(path.into()),
        }
    }

    /// JSON Lines on standard input (named `<stdin>` in records).
    ///
    /// # Examples
    ///
    /// ```
    /// let _ = rightslens::corpus::Input::stdin();
    /// ```
    pub fn stdin() -> Input {
        Input::json_lines("<stdin>", std::io::stdin())
    }

    /// JSON Lines from any reader; `name` stands for the file name in records.
    ///
    /// # Examples
    ///
    /// ```
    /// let input = rightslens::corpus::Input::json_lines("mem", std::io::Cursor::new("{\"text\": \"Tibet\"}\n"));
    /// assert_eq!(input.name(), "mem");
    /// ```
    pub fn json_lines(name: impl Into<String>, reader: impl Read + Send + 'static) -> Input {
        Input {
            kind: InputKind::Stream {
                name: name.into(),
                reader: Box::new(reader),
            },
        }
    }

    /// A command-line argument: `-` is [`Input::stdin`], anything else a path.
    ///
    /// # Examples
    ///
    /// ```
    /// assert_eq!(rightslens::corpus::Input::from_arg("docs/").name(), "docs/");
    /// ```
    pub fn from_arg(arg: &str) -> Input {
        if arg == "-" {
            Input::stdin()
        } else {
            Input::path(arg)
        }
    }

    /// The path or stream name, as it appears in records.
    ///
    /// # Examples
    ///
    /// ```
    /// assert_eq!(rightslens::corpus::Input::path("a.txt").name(), "a.txt");
    /// ```
    pub fn name(&self) -> String {
        match &self.kind {
            InputKind::Path(p) => p.to_string_lossy().into_owned(),
            InputKind::Stream { name, .. } => name.clone(),
        }
    }
}

impl fmt::Debug for Input {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.kind {
            InputKind::Path(p) => f.debug_tuple("Input::path").field(p).finish(),
            InputKind::Stream { name, .. } => {
                f.debug_tuple("Input::json_lines").field(name).finish()
            }
        }
    }
}
