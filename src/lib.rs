//! Cloakroom: a terminal reader for political news that finds the people and bills in every story.
//!
//! The domain core (`corpus`, `extract`, `search`, `state`) knows nothing of the terminal;
//! `ui` is a thin ratatui layer over it and `cli` holds the command line and headless subcommands.

pub mod cli;
pub mod corpus;
pub mod extract;
pub mod feeds;
pub mod library;
pub mod search;
pub mod state;
pub mod ui;

pub use corpus::{Article, Corpus};
