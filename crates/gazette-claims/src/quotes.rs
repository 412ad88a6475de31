//! Quotation spans from quotation-mark tokens, paragraph by paragraph.
//!
//! Only double marks delimit quotes; single marks inside belong to the enclosing quote. A quote
//! left open at the end of a paragraph ends there (multi-paragraph quotes give one piece per
//! paragraph; a stray opening mark never swallows the following paragraphs).

use gazette_core::{Span, TokenKind};

use crate::ctx::Ctx;

/// A quoted piece before speaker attribution.
#[derive(Clone, Debug)]
pub(crate) struct Piece {
    /// The text between the marks (or to the paragraph end).
    pub span: Span,
    /// Token index of the opening mark.
    pub open: Option<usize>,
    /// Token index of the closing mark; `None` when the piece runs to the paragraph end.
    pub close: Option<usize>,
    /// Tokens strictly inside.
    pub inner: std::ops::Range<usize>,
    /// Paragraph index.
    pub paragraph: usize,
    /// The piece continues a quote left open at the end of the previous prose paragraph.
    pub continues: bool,
}

/// Finds the quoted pieces of every prose paragraph, and marks quoted tokens in `ctx.in_quote`.
pub(crate) fn find(ctx: &mut Ctx<'_>) -> Vec<Piece> {
    let mut pieces = Vec::new();
    let mut open_at_end = false;
    let mut last_prose: Option<usize> = None;
    for (pi, para) in ctx.layout.paragraphs.iter().enumerate() {
        if !para.is_prose() {
            continue;
        }
        // A quote left open at the end of the previous prose paragraph continues here only if
        // this paragraph opens with a mark.
        let prev_open = open_at_end && last_prose.is_some();
        open_at_end = false;
        last_prose = Some(pi);
        let range = para.tokens.clone();
        let mut open: Option<usize> = None;
        for i in range.clone() {
            if !ctx.is_double_quote(i) {
                continue;
            }
            let kind = ctx.kind(i);
            match (open, kind) {
                (None, Some(TokenKind::QuoteClose)) => {} // stray closing mark
                (None, _) => open = Some(i),
                (Some(o), Some(TokenKind::QuoteOpen)) => {
                    // The previous quote was never closed: end it before this mark.
                    push(ctx, &mut pieces, o, None, i, pi, prev_open && o == range.start);
                    open = Some(i);
                }
                (Some(o), _) => {
                    push(ctx, &mut pieces, o, Some(i), i, pi, prev_open && o == range.start);
                    open = None;
                }
            }
        }
        if let Some(o) = open {
            push(ctx, &mut pieces, o, None, range.end, pi, prev_open && o == range.start);
            open_at_end = true;
        }
    }
    for p in &pieces {
        let a = p.open.unwrap_or(p.inner.start);
        let b = p.close.map_or(p.inner.end, |c| c + 1);
        for slot in ctx.in_quote.get_mut(a..b).into_iter().flatten() {
            *slot = true;
        }
    }
    pieces
}

/// Pushes the piece opened by mark `o` and ending before token `end` (the closing mark, the
/// next opening mark, or the paragraph's token end).
fn push(
    ctx: &Ctx<'_>,
    pieces: &mut Vec<Piece>,
    o: usize,
    close: Option<usize>,
    end: usize,
    paragraph: usize,
    continues: bool,
) {
    let start = ctx.span(o).end();
    let stop = match close {
        Some(c) => ctx.span(c).start(),
        None if end > o + 1 => {
            // Up to the end of the last token before `end`; for an unclosed quote trailing
            // whitespace is not part of it.
            ctx.span(end - 1).end()
        }
        None => return,
    };
    let Some(span) = Span::try_new(start, stop) else { return };
    if ctx.slice(span).trim().is_empty() {
        return;
    }
    pieces.push(Piece { span, open: Some(o), close, inner: o + 1..end, paragraph, continues });
}
