//! `rightslens._rightslens`: the compiled half of the Python package.
//!
//! Python users see `rightslens.Classifier` (in `rightslens/__init__.py`), which wraps the
//! `_Classifier` defined here and documents the public behaviour. This module only maps the
//! Rust public API ([`rightslens::ClassifierBuilder`], [`rightslens::Classifier`]) to Python:
//!
//! * reports cross into Python as JSON text (`serde_json`), parsed there with `json.loads`,
//!   so a report reads exactly as the command-line tool's JSON output;
//! * the frame builders return plain column lists, so pandas and Spark get one value per cell
//!   without a report dictionary per document;
//! * every call that classifies releases the GIL and runs the crate's parallel
//!   `classify_all` / `classify_documents` on a Rayon pool of the requested size.

use pyo3::create_exception;
use pyo3::exceptions::{PyException, PyValueError};
use pyo3::prelude::*;
use rayon::{ThreadPool, ThreadPoolBuilder};
use rightslens::{Classifier, ClassifierBuilder, Document, Report, Thresholds};
use std::collections::HashMap;
use std::path::PathBuf;
use std::sync::{Arc, Mutex};

create_exception!(
    _rightslens,
    RightslensError,
    PyException,
    "A lexicon or setting was rejected when the classifier was built; the message is the \
     library's."
);

/// The tidy topic table: (document index, id, topic, score, present, primary, evidence, hits).
type TopicColumns = (
    Vec<usize>,
    Vec<String>,
    Vec<String>,
    Vec<f64>,
    Vec<bool>,
    Vec<bool>,
    Vec<f64>,
    Vec<usize>,
);

/// The prisoner table: (document index, id, prisoner id, name, region, mentions).
type PrisonerColumns = (
    Vec<usize>,
    Vec<String>,
    Vec<String>,
    Vec<String>,
    Vec<Option<String>>,
    Vec<usize>,
);

/// Wide columns: topic names, then per topic its scores, present and primary flags (one value
/// per document), then the names of the prisoners of each document.
type WideColumns = (
    Vec<String>,
    Vec<Vec<f64>>,
    Vec<Vec<bool>>,
    Vec<Vec<bool>>,
    Vec<Vec<String>>,
);

/// A compiled classifier (internal; use `rightslens.Classifier`).
#[pyclass(frozen, module = "rightslens._rightslens", name = "_Classifier")]
struct PyClassifier {
    clf: Classifier,
    /// The last Rayon pool built for an explicit `threads` value, reused while it fits.
    pool: Mutex<Option<(usize, Arc<ThreadPool>)>>,
}

fn lib_err(e: rightslens::Error) -> PyErr {
    RightslensError::new_err(e.to_string())
}

fn add_path(b: &mut ClassifierBuilder, path: PathBuf) {
    if path.is_dir() {
        b.lexicon_dir(path);
    } else {
        b.lexicon_file(path);
    }
}

impl PyClassifier {
    /// Runs `f` on the pool for `threads`: `None` is Rayon's global pool (one thread per
    /// core), `Some(n)` a pool of `n` threads kept for the next call with the same `n`.
    fn on_pool<T: Send>(
        &self,
        threads: Option<usize>,
        f: impl FnOnce() -> T + Send,
    ) -> PyResult<T> {
        let Some(n) = threads else { return Ok(f()) };
        if n == 0 {
            return Err(PyValueError::new_err("threads must be at least 1"));
        }
        let pool = {
            let mut slot = self.pool.lock().unwrap_or_else(|p| p.into_inner());
            match &*slot {
                Some((m, pool)) if *m == n => Arc::clone(pool),
                _ => {
                    let pool = ThreadPoolBuilder::new()
                        .num_threads(n)
                        .thread_name(|i| format!("rightslens-{i}"))
                        .build()
                        .map_err(|e| PyValueError::new_err(format!("thread pool: {e}")))?;
                    let pool = Arc::new(pool);
                    *slot = Some((n, Arc::clone(&pool)));
                    pool
                }
            }
        };
        Ok(pool.install(f))
    }

    /// Classifies `texts` (a missing text reads as empty) with `ids`, or with the ids `"0"`,
    /// `"1"`, ... that `Classifier::classify_all` gives. One thread classifies in the calling
    /// thread, without a pool.
    fn reports(
        &self,
        texts: Vec<Option<String>>,
        ids: Option<Vec<String>>,
        threads: Option<usize>,
    ) -> PyResult<Vec<Report>> {
        match ids {
            Some(ids) if ids.len() != texts.len() => Err(PyValueError::new_err(format!(
                "{} ids for {} texts",
                ids.len(),
                texts.len()
            ))),
            Some(ids) if threads == Some(1) => Ok(ids
                .iter()
                .zip(&texts)
                .map(|(id, t)| self.clf.classify_with_id(id, t.as_deref().unwrap_or("")))
                .collect()),
            Some(ids) => {
                let docs: Vec<Document> = ids
                    .into_iter()
                    .zip(texts)
                    .map(|(id, t)| Document::new(id, t.unwrap_or_default()))
                    .collect();
                self.on_pool(threads, || self.clf.classify_documents(&docs))
            }
            None if threads == Some(1) => Ok(texts
                .iter()
                .enumerate()
                .map(|(i, t)| {
                    let text = t.as_deref().unwrap_or("");
                    self.clf.classify_with_id(&i.to_string(), text)
                })
                .collect()),
            None => {
                let texts: Vec<&str> = texts.iter().map(|t| t.as_deref().unwrap_or("")).collect();
                self.on_pool(threads, || self.clf.classify_all(&texts))
            }
        }
    }
}

fn to_json<T: serde::Serialize + ?Sized>(value: &T) -> PyResult<String> {
    serde_json::to_string(value).map_err(|e| PyValueError::new_err(e.to_string()))
}

#[pymethods]
impl PyClassifier {
    /// Builds a classifier. `lexicons` replace the built-in lexicons (files or folders of
    /// `*.toml`), `add_lexicons` are added to them, `registries` are prisoner registries
    /// (`.jsonl` / `.csv`), `thresholds` maps a topic to `(present, primary)`, `topics`
    /// restricts the reported topics.
    #[new]
    #[pyo3(signature = (lexicons=None, add_lexicons=Vec::new(), thresholds=None, topics=None, max_hits=None, registries=Vec::new()))]
    #[allow(clippy::too_many_arguments)]
    fn new(
        py: Python<'_>,
        lexicons: Option<Vec<PathBuf>>,
        add_lexicons: Vec<PathBuf>,
        thresholds: Option<HashMap<String, (f64, f64)>>,
        topics: Option<Vec<String>>,
        max_hits: Option<usize>,
        registries: Vec<PathBuf>,
    ) -> PyResult<PyClassifier> {
        let mut b = Classifier::builder();
        if let Some(paths) = lexicons {
            b.without_builtin();
            for p in paths {
                add_path(&mut b, p);
            }
        }
        for p in add_lexicons {
            add_path(&mut b, p);
        }
        for p in registries {
            b.registry_file(p);
        }
        for (topic, (present, primary)) in thresholds.unwrap_or_default() {
            b.thresholds(&topic, Thresholds { present, primary });
        }
        if let Some(topics) = topics {
            b.topics(&topics);
        }
        if let Some(n) = max_hits {
            b.max_hits(n);
        }
        let clf = py.detach(|| b.build()).map_err(lib_err)?;
        Ok(PyClassifier {
            clf,
            pool: Mutex::new(None),
        })
    }

    /// Topic names, in report order.
    fn topics(&self) -> Vec<String> {
        self.clf.topics().to_vec()
    }

    /// `{topic: (present, primary)}` as the classifier applies them.
    fn thresholds(&self) -> HashMap<String, (f64, f64)> {
        self.clf
            .topics()
            .iter()
            .filter_map(|t| Some((t.clone(), self.clf.thresholds(t)?)))
            .map(|(t, th)| (t, (th.present, th.primary)))
            .collect()
    }

    /// Number of compiled variants.
    fn pattern_count(&self) -> usize {
        self.clf.pattern_count()
    }

    /// One report as JSON text.
    #[pyo3(signature = (text, id=""))]
    fn classify_json(&self, py: Python<'_>, text: &str, id: &str) -> PyResult<String> {
        py.detach(|| to_json(&self.clf.classify_with_id(id, text)))
    }

    /// Reports of many texts as one JSON array.
    #[pyo3(signature = (texts, ids=None, threads=None))]
    fn classify_many_json(
        &self,
        py: Python<'_>,
        texts: Vec<Option<String>>,
        ids: Option<Vec<String>>,
        threads: Option<usize>,
    ) -> PyResult<String> {
        py.detach(|| to_json(&self.reports(texts, ids, threads)?))
    }

    /// The tidy tables: one row per document and topic, one row per document and prisoner.
    #[pyo3(signature = (texts, ids=None, threads=None))]
    fn classify_tidy(
        &self,
        py: Python<'_>,
        texts: Vec<Option<String>>,
        ids: Option<Vec<String>>,
        threads: Option<usize>,
    ) -> PyResult<(TopicColumns, PrisonerColumns)> {
        py.detach(|| {
            let reports = self.reports(texts, ids, threads)?;
            let n = reports.len() * self.clf.topics().len();
            let mut t: TopicColumns = Default::default();
            t.0.reserve(n);
            let mut p: PrisonerColumns = Default::default();
            for (i, r) in reports.into_iter().enumerate() {
                for (topic, s) in &r.topics {
                    t.0.push(i);
                    t.1.push(r.id.clone());
                    t.2.push(topic.clone());
                    t.3.push(s.score);
                    t.4.push(s.present);
                    t.5.push(s.primary);
                    t.6.push(s.evidence);
                    t.7.push(s.hits);
                }
                for pr in &r.prisoners {
                    p.0.push(i);
                    p.1.push(r.id.clone());
                    p.2.push(pr.id.to_string());
                    p.3.push(pr.name.to_string());
                    p.4.push(pr.region.as_ref().map(|s| s.to_string()));
                    p.5.push(pr.mentions.len());
                }
            }
            Ok((t, p))
        })
    }

    /// Wide columns for Spark: per topic score, present and primary; per document the names
    /// of the prisoners.
    #[pyo3(signature = (texts, threads=Some(1)))]
    fn classify_wide(
        &self,
        py: Python<'_>,
        texts: Vec<Option<String>>,
        threads: Option<usize>,
    ) -> PyResult<WideColumns> {
        py.detach(|| {
            let reports = self.reports(texts, None, threads)?;
            let topics = self.clf.topics().to_vec();
            let (n, k) = (reports.len(), topics.len());
            let mut score: Vec<Vec<f64>> = vec![Vec::with_capacity(n); k];
            let mut present: Vec<Vec<bool>> = vec![Vec::with_capacity(n); k];
            let mut primary: Vec<Vec<bool>> = vec![Vec::with_capacity(n); k];
            let mut prisoners = Vec::with_capacity(reports.len());
            for r in &reports {
                for (k, topic) in topics.iter().enumerate() {
                    let s = r.topics.get(topic).cloned().unwrap_or_default();
                    score[k].push(s.score);
                    present[k].push(s.present);
                    primary[k].push(s.primary);
                }
                prisoners.push(r.prisoners.iter().map(|p| p.name.to_string()).collect());
            }
            Ok((topics, score, present, primary, prisoners))
        })
    }
}

/// The compiled half of the `rightslens` package.
#[pymodule]
fn _rightslens(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_class::<PyClassifier>()?;
    m.add("RightslensError", m.py().get_type::<RightslensError>())?;
    m.add("__version__", env!("CARGO_PKG_VERSION"))?;
    Ok(())
}
