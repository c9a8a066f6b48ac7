//! Read and star marks in the library, merged per mark by time of change, so readers sharing it never lose
//! each other's marks.

use rusqlite::params;

use super::Library;

/// A kind of mark.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum MarkKind {
    /// Read (set when a story is opened, toggled with `m`).
    Read,
    /// Starred (`s`).
    Star,
}

impl MarkKind {
    fn as_str(self) -> &'static str {
        match self {
            MarkKind::Read => "read",
            MarkKind::Star => "star",
        }
    }
}

/// One mark set or cleared on an article id, and when.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Mark {
    /// The article's id (marks are kept by id, for articles of the library and of files opened directly).
    pub id: String,
    /// Read or star.
    pub kind: MarkKind,
    /// Set (`true`) or cleared.
    pub value: bool,
    /// When it changed (ms since the Unix epoch); the later change wins.
    pub changed_at: i64,
}

impl Library {
    /// Applies mark changes in one transaction, each unless the library holds a later change of the same mark
    /// (by another reader); equal times go to the newcomer.
    ///
    /// # Errors
    /// The write failed; none of the changes is then kept.
    pub fn set_marks(&mut self, changes: &[Mark]) -> anyhow::Result<()> {
        let tx = self.write()?;
        {
            let mut stmt = tx.prepare_cached(
                "INSERT INTO marks (id, kind, value, changed_at) VALUES (?1, ?2, ?3, ?4)
                 ON CONFLICT (id, kind) DO UPDATE SET value = excluded.value, changed_at = excluded.changed_at
                 WHERE excluded.changed_at >= marks.changed_at",
            )?;
            for m in changes {
                stmt.execute(params![m.id, m.kind.as_str(), m.value, m.changed_at])?;
            }
        }
        tx.commit()?;
        Ok(())
    }

    /// Every mark the library knows, set or cleared, with when it changed.
    ///
    /// # Errors
    /// The query failed.
    pub fn marks(&self) -> anyhow::Result<Vec<Mark>> {
        let mut stmt = self
            .conn
            .prepare("SELECT id, kind, value, changed_at FROM marks")?;
        let rows = stmt.query_map([], |r| {
            let kind: String = r.get(1)?;
            Ok(Mark {
                id: r.get(0)?,
                kind: if kind == "star" {
                    MarkKind::Star
                } else {
                    MarkKind::Read
                },
                value: r.get(2)?,
                changed_at: r.get(3)?,
            })
        })?;
        Ok(rows.collect::<Result<_, _>>()?)
    }
}
