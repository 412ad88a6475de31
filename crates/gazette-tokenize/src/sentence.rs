//! Sentence boundaries over the tokens of one paragraph.

use gazette_core::{Token, TokenKind};

use crate::abbrev::{self, AbbrevClass};

/// Splits `tokens` (one paragraph) into sentences, calling `emit(first, last_exclusive)` with
/// token indices relative to the slice. A paragraph end always ends a sentence.
pub(crate) fn split(text: &str, tokens: &[Token], mut emit: impl FnMut(usize, usize)) {
    let n = tokens.len();
    let mut start = 0;
    let mut k = 0;
    while k < n {
        let tok = tokens[k];
        // Most tokens are words: only punctuation and abbreviations are looked at.
        let terminal = match tok.kind {
            TokenKind::Punct => is_terminal(&text[tok.span]),
            TokenKind::Abbreviation => text[tok.span].ends_with('.'),
            _ => false,
        };
        if !terminal {
            k += 1;
            continue;
        }
        let t = &text[tok.span];
        // Closing quotes, brackets and more terminal marks belong to this sentence.
        let mut e = k + 1;
        while e < n {
            let x = tokens[e];
            let closes = match x.kind {
                TokenKind::QuoteClose => true,
                TokenKind::QuoteAmbiguous => true,
                TokenKind::Punct => {
                    let xt = &text[x.span];
                    matches!(xt, ")" | "]" | "}") || is_terminal(xt)
                }
                _ => false,
            };
            if !closes {
                break;
            }
            e += 1;
        }
        if e >= n {
            break;
        }
        if is_boundary(text, tok, t, tokens[e], tokens[e - 1]) {
            emit(start, e);
            start = e;
        }
        k = e;
    }
    if start < n {
        emit(start, n);
    }
}

fn is_terminal(t: &str) -> bool {
    matches!(t, "." | "…" | "。" | "！" | "？" | "؟")
        || t.starts_with(['!', '?'])
        || t.starts_with("..")
}

fn is_boundary(text: &str, tok: Token, t: &str, next: Token, last: Token) -> bool {
    let nt = &text[next.span];
    // No whitespace between the end of the sentence and the next token: "Yahoo!News", "3.?"
    if last.span.end() == next.span.start() {
        return false;
    }
    let first = nt.chars().next().unwrap_or(' ');
    if first.is_lowercase() {
        return false;
    }
    if next.kind == TokenKind::Punct && !matches!(nt, "(" | "[" | "—" | "–" | "-" | "--") {
        return false;
    }
    if tok.kind == TokenKind::Abbreviation {
        let stem = t.strip_suffix('.').unwrap_or(t);
        let single_initial = stem.chars().count() == 1;
        return match abbrev::lookup(stem) {
            Some(AbbrevClass::Title) => false,
            Some(AbbrevClass::Month) if next.kind == TokenKind::Number => false,
            _ if single_initial => abbrev::is_sentence_starter(nt) && nt != "A" && nt != "I",
            _ => {
                next.kind == TokenKind::QuoteOpen
                    || abbrev::is_sentence_starter(nt)
                    || (next.kind == TokenKind::Contraction)
            }
        };
    }
    true
}
