//! Articles and corpora: the data model, the loaders per format, field mapping and text sanitizing.

mod article;

use std::path::PathBuf;

pub use article::{Article, Corpus, LoadReport, Origin, Skipped};

/// How to load: field-name overrides given on the command line.
#[derive(Debug, Clone, Default)]
pub struct LoadOptions {
    /// `(field, key)` pairs from `--field field=key`, e.g. `("body", "content_original")`.
    pub fields: Vec<(String, String)>,
}

/// Loads every path (files, folders, `-` for standard input) into one corpus.
///
/// # Errors
/// Fails when a path cannot be read at all or a single JSON document is invalid
/// (`path:line:column: what is wrong`); bad records in JSON Lines and folders are skipped instead.
pub fn load(paths: &[PathBuf], options: &LoadOptions) -> anyhow::Result<Corpus> {
    let _ = (paths, options);
    anyhow::bail!("loading is not implemented yet")
}

/// The sample corpus bundled in the binary.
pub fn bundled() -> Corpus {
    Corpus::default()
}
