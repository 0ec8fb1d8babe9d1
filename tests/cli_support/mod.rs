//! Helpers shared by the end-to-end tests of the `rightslens` binary (`tests/cli*.rs`): the
//! command, sample paths, temporary folders and the demo lexicons.
#![allow(dead_code)] // each test crate uses its own subset

use assert_cmd::Command;
use std::path::{Path, PathBuf};

pub fn rl() -> Command {
    let mut c = Command::cargo_bin("rightslens").expect("binary built");
    c.env_remove("NO_COLOR");
    c
}

pub fn sample(name: &str) -> String {
    format!("{}/examples/data/{name}", env!("CARGO_MANIFEST_DIR"))
}

/// A fresh temp dir for one test (removed on drop), with a helper to write files into it.
pub struct TempDir(pub tempfile::TempDir);

impl TempDir {
    pub fn new() -> TempDir {
        TempDir(tempfile::tempdir().expect("a temp dir"))
    }

    pub fn write(&self, name: &str, text: impl AsRef<[u8]>) -> PathBuf {
        let p = self.path().join(name);
        if let Some(dir) = p.parent() {
            std::fs::create_dir_all(dir).unwrap();
        }
        std::fs::write(&p, text).unwrap();
        p
    }

    pub fn path(&self) -> &Path {
        self.0.path()
    }
}

/// A small lexicon so some tests do not depend on the built-in data.
pub const DEMO: &str = r#"[lexicon]
topic = "demo"
sources = ["test"]

[[entry]]
id = "demo.place.atlantis"
kind = "place"
variants = ["Atlantis"]
source = "test"

[[entry]]
id = "demo.concept.nautilus"
kind = "concept"
variants = ["Nautilus"]
source = "test"

[[entry]]
id = "demo.person.nemo"
kind = "person"
name = "Captain Nemo"
variants = ["Captain Nemo"]
source = "test"
"#;

/// Named prisoners are the `person` entries of the `political_prisoners` topic.
pub const DEMO_PRISONERS: &str = r#"[lexicon]
topic = "political_prisoners"
sources = ["test"]

[[entry]]
id = "political_prisoners.person.aronnax"
kind = "person"
name = "Pierre Aronnax"
variants = ["Pierre Aronnax", "Professor Aronnax"]
short_forms = ["Aronnax"]
source = "test"

[[entry]]
id = "political_prisoners.person.ned-land"
kind = "person"
name = "Ned Land"
variants = ["Ned Land"]
source = "test"

[[entry]]
id = "political_prisoners.person.conseil"
kind = "person"
name = "Conseil Dupont"
variants = ["Conseil Dupont"]
source = "test"
"#;

/// A lexicon folder with the two demo lexicons.
pub fn demo_lexicons(dir: &TempDir) -> PathBuf {
    dir.write("lex/demo.toml", DEMO);
    dir.write("lex/prisoners.toml", DEMO_PRISONERS);
    dir.path().join("lex")
}

pub fn stdout_of(c: &mut Command) -> String {
    let out = c.output().unwrap();
    assert!(
        out.status.success(),
        "failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

// ---------------------------------------------------------------- help and usage
