//! The purpose phrase after a bill word ("legislation aimed at withdrawing the United States from NATO"): where
//! it starts and where it ends.

use super::super::token::Kind;
use super::Ctx;

/// Words after a comma that end a purpose phrase.
const PURPOSE_END: &[&str] = &[
    "and",
    "but",
    "while",
    "which",
    "who",
    "according",
    "as",
    "saying",
    "said",
    "though",
    "although",
];

/// Where the purpose after an object word starts and ends: "aimed at withdrawing ... NATO".
pub(super) fn purpose_phrase(cx: &Ctx, mut k: usize, e: usize) -> Option<(usize, usize)> {
    if cx.word(k) == "," {
        k += 1;
    }
    let first = cx
        .toks
        .get(k)
        .filter(|t| t.kind == Kind::Word && !t.has(super::super::token::CAP))?;
    let w = first.text(cx.text);
    let cue = matches!(
        w,
        "aimed"
            | "to"
            | "that"
            | "which"
            | "designed"
            | "intended"
            | "meant"
            | "seeking"
            | "calling"
            | "urging"
    ) || (w.ends_with("ing") && w.len() > 5);
    if !cue {
        return None;
    }
    let mut end = k + 1;
    while end < e && end - k < 20 {
        let t = cx.word(end);
        if matches!(
            t,
            "." | ";" | "\u{2014}" | "\u{2013}" | "(" | "\"" | "\u{201c}" | "!" | "?"
        ) || (t == "," && (PURPOSE_END.contains(&cx.word(end + 1)) || end - k > 6))
        {
            break;
        }
        end += 1;
    }
    (end > k + 1).then_some((k, end))
}
