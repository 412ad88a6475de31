//! The tokenizer: a single forward scan with an ASCII fast path.

use gazette_core::{Span, Token, TokenKind};

use crate::abbrev;

/// Byte classes for ASCII.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Class {
    Space,
    Alpha,
    Digit,
    DQuote,
    SQuote,
    Punct,
    Symbol,
}

const fn ascii_classes() -> [Class; 128] {
    let mut t = [Class::Symbol; 128];
    let mut i = 0;
    while i < 128 {
        let b = i as u8;
        t[i] = if b.is_ascii_alphabetic() {
            Class::Alpha
        } else if b.is_ascii_digit() {
            Class::Digit
        } else if b <= b' ' || b == 0x7f {
            Class::Space
        } else if b == b'"' {
            Class::DQuote
        } else if b == b'\'' || b == b'`' {
            Class::SQuote
        } else if matches!(
            b,
            b'.' | b','
                | b';'
                | b':'
                | b'!'
                | b'?'
                | b'('
                | b')'
                | b'['
                | b']'
                | b'{'
                | b'}'
                | b'-'
                | b'/'
                | b'\\'
        ) {
            Class::Punct
        } else {
            Class::Symbol
        };
        i += 1;
    }
    t
}

static ASCII: [Class; 128] = ascii_classes();

/// ASCII letters and digits: the bytes [`Scanner::word_chars`] takes without decoding.
static ASCII_WORD: [bool; 256] = {
    let mut t = [false; 256];
    let mut i = 0;
    while i < 128 {
        t[i] = (i as u8).is_ascii_alphanumeric();
        i += 1;
    }
    t
};

/// Characters that continue a word although they are not alphanumeric: combining marks,
/// zero-width joiners, the soft hyphen.
#[inline]
fn is_word_extender(c: char) -> bool {
    matches!(c,
        '\u{0300}'..='\u{036F}' | '\u{1AB0}'..='\u{1AFF}' | '\u{1DC0}'..='\u{1DFF}'
        | '\u{20D0}'..='\u{20FF}' | '\u{FE20}'..='\u{FE2F}' | '\u{0483}'..='\u{0489}'
        | '\u{0591}'..='\u{05BD}' | '\u{064B}'..='\u{065F}' | '\u{0670}' | '\u{06D6}'..='\u{06ED}'
        | '\u{093C}' | '\u{094D}' | '\u{0E31}' | '\u{0E34}'..='\u{0E3A}' | '\u{0E47}'..='\u{0E4E}'
        | '\u{200C}' | '\u{200D}' | '\u{00AD}' | '\u{FE0F}')
}

#[inline]
fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() || is_word_extender(c)
}

#[inline]
fn is_space(c: char) -> bool {
    c.is_whitespace() || c.is_control() || matches!(c, '\u{200B}' | '\u{FEFF}' | '\u{2060}')
}

#[inline]
fn is_apostrophe(c: char) -> bool {
    matches!(c, '\'' | '\u{2019}' | '\u{02BC}')
}

#[inline]
fn is_hyphen(c: char) -> bool {
    matches!(c, '-' | '\u{2010}' | '\u{2011}')
}

/// Returns the char starting at byte `i` (which must be a char boundary, or out of range).
#[inline]
fn char_at(text: &str, i: usize) -> Option<char> {
    match text.as_bytes().get(i) {
        None => None,
        Some(&b) if b < 0x80 => Some(b as char),
        Some(_) => text.get(i..).and_then(|s| s.chars().next()),
    }
}

/// The char ending at byte `i`.
#[inline]
fn char_before(text: &str, i: usize) -> Option<char> {
    if i == 0 {
        return None;
    }
    match text.as_bytes().get(i - 1) {
        Some(&b) if b < 0x80 => Some(b as char),
        _ => text.get(..i).and_then(|s| s.chars().next_back()),
    }
}

/// Tokenizes `text[start..end]` (a paragraph), appending tokens to `out`.
///
/// Quote-mark direction uses the paragraph as context, so call this once per paragraph.
pub fn tokenize_into(text: &str, start: usize, end: usize, out: &mut Vec<Token>) {
    let end = end.min(text.len());
    if start >= end || !text.is_char_boundary(start) || !text.is_char_boundary(end) {
        return;
    }
    let mut s = Scanner { text, lo: start, end, out, dq_open: false, sq_open: false, run: None };
    s.run(start);
}

/// Tokenizes a whole text as one paragraph.
///
/// ```
/// use gazette_core::TokenKind;
/// let text = "Brig. Gen. Yahya Rasoul's men";
/// let tokens = gazette_tokenize::tokenize(text);
/// let words: Vec<&str> = tokens.iter().map(|t| &text[t.span]).collect();
/// assert_eq!(words, ["Brig.", "Gen.", "Yahya", "Rasoul", "'s", "men"]);
/// assert_eq!(tokens[0].kind, TokenKind::Abbreviation);
/// assert_eq!(tokens[4].kind, TokenKind::Possessive);
/// ```
pub fn tokenize(text: &str) -> Vec<Token> {
    let mut out = Vec::with_capacity(text.len() / 5 + 1);
    tokenize_into(text, 0, text.len(), &mut out);
    out
}

struct Scanner<'t, 'o> {
    text: &'t str,
    lo: usize,
    end: usize,
    out: &'o mut Vec<Token>,
    dq_open: bool,
    sq_open: bool,
    /// What `url_or_email` found out about the current run of non-space text.
    run: Option<UrlRun>,
}

/// What [`Scanner::url_or_email`] needs to know about one run of text (up to the next space or
/// quote mark), computed once for every word start inside it. Rescanning the rest of the run
/// from each word start is quadratic on a long run with many `@` ("a@a@a@..."; found by
/// fuzzing), so each fact is kept as the last position where it holds: it holds in a candidate
/// `start..end` if that position is at or after `start`.
struct UrlRun {
    /// The facts hold for candidates starting in `from..=term`.
    from: usize,
    term: usize,
    /// The last `(` in `from..term`.
    last_paren: Option<usize>,
    /// The candidate when it holds a `(` (so a final `)` is kept), and when it does not.
    with_paren: Cand,
    without_paren: Cand,
}

/// Facts about `from..end`, the candidate once trailing punctuation is dropped.
#[derive(Clone, Copy)]
struct Cand {
    end: usize,
    /// Start of the last `://` inside `from..end`.
    last_sep: Option<usize>,
    last_dot: Option<usize>,
    last_at: Option<usize>,
    /// The `@` before `last_at`.
    prev_at: Option<usize>,
    /// The last byte of `from..last_at` that an e-mail local part cannot hold.
    bad_local: Option<usize>,
    /// `last_at + 1..end` is a valid e-mail domain.
    domain_ok: bool,
}

impl Cand {
    fn new(text: &str, from: usize, end: usize) -> Cand {
        let b = &text.as_bytes()[from..end.max(from)];
        let last = |f: &dyn Fn(u8) -> bool, upto: usize| b[..upto].iter().rposition(|&x| f(x));
        let last_at = last(&|x| x == b'@', b.len());
        let at = last_at.unwrap_or(0);
        let domain = last_at.map_or(&b[..0], |a| &b[a + 1..]);
        Cand {
            end,
            last_sep: b.windows(3).rposition(|w| w == b"://").map(|p| from + p),
            last_dot: last(&|x| x == b'.', b.len()).map(|p| from + p),
            last_at: last_at.map(|p| from + p),
            prev_at: last(&|x| x == b'@', at).map(|p| from + p),
            bad_local: last(&|x| !(x.is_ascii_alphanumeric() || b"._%+-".contains(&x)), at)
                .map(|p| from + p),
            domain_ok: domain.contains(&b'.')
                && !domain.ends_with(b".")
                && domain.iter().all(|x| x.is_ascii_alphanumeric() || b".-".contains(x)),
        }
    }
}

impl Scanner<'_, '_> {
    #[inline]
    fn push(&mut self, start: usize, end: usize, kind: TokenKind) {
        self.out.push(Token { span: Span::new(start, end), kind });
    }

    #[inline]
    fn at(&self, i: usize) -> Option<char> {
        if i >= self.end {
            None
        } else {
            char_at(self.text, i)
        }
    }

    #[inline]
    fn before(&self, i: usize) -> Option<char> {
        if i <= self.lo {
            None
        } else {
            char_before(self.text, i)
        }
    }

    fn run(&mut self, mut i: usize) {
        let bytes = self.text.as_bytes();
        while i < self.end {
            let b = bytes[i];
            if b < 0x80 {
                i = match ASCII[b as usize] {
                    Class::Space => i + 1,
                    Class::Alpha => self.word(i),
                    Class::Digit => self.number(i),
                    Class::DQuote => self.double_quote(i, 1, None),
                    Class::SQuote => self.single_quote(i, 1),
                    Class::Punct => self.punct(i, b),
                    Class::Symbol => {
                        self.push(i, i + 1, TokenKind::Symbol);
                        i + 1
                    }
                };
                continue;
            }
            let Some(c) = self.at(i) else { break };
            let w = c.len_utf8();
            i = match c {
                '\u{201C}' | '\u{201E}' | '\u{00AB}' | '\u{2039}' | '\u{300C}' => {
                    self.double_quote(i, w, Some(true))
                }
                '\u{201D}' | '\u{00BB}' | '\u{203A}' | '\u{300D}' => {
                    self.double_quote(i, w, Some(false))
                }
                '\u{2018}' | '\u{201A}' => {
                    self.sq_open = true;
                    self.push(i, i + w, TokenKind::QuoteOpen);
                    i + w
                }
                '\u{2019}' | '\u{02BC}' => self.single_quote(i, w),
                '\u{2026}' | '\u{2013}' | '\u{2014}' | '\u{2015}' | '\u{2010}' | '\u{2011}'
                | '\u{2012}' | '\u{00A1}' | '\u{00BF}' | '\u{3001}' | '\u{3002}' | '\u{FF0C}'
                | '\u{FF01}' | '\u{FF1F}' | '\u{060C}' | '\u{061F}' | '\u{061B}' | '\u{00B7}' => {
                    self.push(i, i + w, TokenKind::Punct);
                    i + w
                }
                c if is_space(c) => i + w,
                c if c.is_alphabetic() || is_word_extender(c) => self.word(i),
                c if c.is_numeric() => self.word(i),
                _ => {
                    self.push(i, i + w, TokenKind::Symbol);
                    i + w
                }
            };
        }
    }

    /// Straight or curly double quote. `dir`: Some(true) opening, Some(false) closing, None:
    /// decide from context.
    fn double_quote(&mut self, i: usize, w: usize, dir: Option<bool>) -> usize {
        let kind = match dir {
            Some(true) => TokenKind::QuoteOpen,
            Some(false) => TokenKind::QuoteClose,
            None => {
                let prev_space = self.before(i).is_none_or(|c| is_space(c) || is_opener(c));
                let next_space = self.at(i + w).is_none_or(|c| is_space(c) || is_closing_punct(c));
                match (prev_space, next_space) {
                    (true, false) => TokenKind::QuoteOpen,
                    (false, true) => TokenKind::QuoteClose,
                    (true, true) => {
                        if self.dq_open {
                            TokenKind::QuoteClose
                        } else {
                            TokenKind::QuoteOpen
                        }
                    }
                    (false, false) => TokenKind::QuoteAmbiguous,
                }
            }
        };
        match kind {
            TokenKind::QuoteOpen => self.dq_open = true,
            TokenKind::QuoteClose => {
                self.dq_open = false;
                self.sq_open = false;
            }
            _ => self.dq_open = !self.dq_open,
        }
        self.push(i, i + w, kind);
        i + w
    }

    /// A single quote or apostrophe not inside a word.
    fn single_quote(&mut self, i: usize, w: usize) -> usize {
        let prev = self.before(i);
        let next = self.at(i + w);
        let prev_word = prev.is_some_and(is_word_char);
        let prev_space = prev.is_none_or(|c| is_space(c) || is_opener(c));
        let next_word = next.is_some_and(is_word_char);
        let kind = if prev_word {
            if self.sq_open {
                self.sq_open = false;
                TokenKind::QuoteClose
            } else if matches!(prev, Some('s' | 'S' | 'z' | 'x')) {
                TokenKind::Possessive
            } else {
                TokenKind::QuoteClose
            }
        } else if prev_space && next_word {
            self.sq_open = true;
            TokenKind::QuoteOpen
        } else if !prev_space {
            // After punctuation: `,'` `?'`
            self.sq_open = false;
            TokenKind::QuoteClose
        } else if self.sq_open {
            self.sq_open = false;
            TokenKind::QuoteClose
        } else {
            TokenKind::QuoteAmbiguous
        };
        self.push(i, i + w, kind);
        i + w
    }

    fn punct(&mut self, i: usize, b: u8) -> usize {
        let bytes = self.text.as_bytes();
        let mut j = i + 1;
        match b {
            b'.' => {
                // Ellipsis "..." (also spaced ". . .").
                if bytes.get(i + 1) == Some(&b'.') && i + 2 < self.end && bytes[i + 2] == b'.' {
                    j = i + 3;
                    while j < self.end && bytes[j] == b'.' {
                        j += 1;
                    }
                } else if i + 1 < self.end
                    && bytes[i + 1].is_ascii_digit()
                    && !self.before(i).is_some_and(is_word_char)
                {
                    // ".5"
                    return self.number(i);
                }
            }
            b'-' => {
                while j < self.end && bytes[j] == b'-' {
                    j += 1;
                }
            }
            b'?' | b'!' => {
                while j < self.end && matches!(bytes[j], b'?' | b'!') {
                    j += 1;
                }
            }
            _ => {}
        }
        self.push(i, j, TokenKind::Punct);
        j
    }

    /// Scans a run of ASCII letters and digits from `i`, returning its end.
    #[inline(always)]
    fn ascii_word_chars(&self, mut i: usize) -> usize {
        let bytes = self.text.as_bytes();
        let end = self.end.min(bytes.len());
        while i < end && ASCII_WORD[usize::from(bytes[i])] {
            i += 1;
        }
        i
    }

    /// Scans a run of word chars from `i`, returning its end.
    #[inline]
    fn word_chars(&self, mut i: usize) -> usize {
        let bytes = self.text.as_bytes();
        loop {
            // ASCII letters and digits straight from the bytes.
            i = self.ascii_word_chars(i);
            if i >= self.end || bytes.get(i).is_none_or(|&b| b < 0x80) {
                return i;
            }
            match self.at(i) {
                Some(c) if is_word_char(c) => i += c.len_utf8(),
                _ => break,
            }
        }
        i
    }

    /// A word (or an abbreviation, compound, URL, e-mail address, or a word and its clitic)
    /// starting at `start`, returning its end.
    #[inline(always)]
    fn word(&mut self, start: usize) -> usize {
        let bytes = self.text.as_bytes();
        let mut i = self.ascii_word_chars(start);
        if i < self.end && bytes.get(i).is_some_and(|&b| b >= 0x80) {
            i = self.word_chars(i);
        }
        // Fast path: most words end at a space or plain ASCII punctuation.
        if i >= self.end || bytes.get(i).is_some_and(|&b| b < 0x80 && !is_word_joiner(b)) {
            self.push(start, i, TokenKind::Word);
            // Skip the space that usually follows (as the caller's loop would).
            let space = bytes.get(i..self.end).is_some_and(|rest| rest.starts_with(b" "));
            return if space { i + 1 } else { i };
        }
        self.word_rest(start, i)
    }

    /// The rest of [`Scanner::word`] once the word's first run of word chars, `start..i`, is
    /// followed by something that may continue it.
    #[inline(never)]
    fn word_rest(&mut self, start: usize, mut i: usize) -> usize {
        let bytes = self.text.as_bytes();
        let mut hyphen = false;
        let mut dotted = false; // single letters joined by dots: U.S, e.g, a.m
        let mut seg_start = start;
        let mut apostrophes: [usize; 2] = [usize::MAX; 2];
        while i < self.end {
            // Fast exit: most words end at a space or plain punctuation (checked on the byte).
            if bytes.get(i).is_some_and(|&b| b < 0x80 && !is_word_joiner(b)) {
                break;
            }
            let Some(c) = self.at(i) else { break };
            if !matches!(
                c,
                '\'' | '\u{2019}'
                    | '\u{02BC}'
                    | '-'
                    | '\u{2010}'
                    | '\u{2011}'
                    | '.'
                    | '&'
                    | '@'
                    | ':'
            ) {
                break;
            }
            let w = c.len_utf8();
            let next = self.at(i + w);
            if is_apostrophe(c) && next.is_some_and(|n| n.is_alphabetic()) {
                if apostrophes[0] == usize::MAX {
                    apostrophes[0] = i;
                } else {
                    apostrophes[1] = i;
                }
                seg_start = i + w;
                i = self.word_chars(i + w);
            } else if is_hyphen(c) && next.is_some_and(is_word_char) {
                hyphen = true;
                seg_start = i + w;
                i = self.word_chars(i + w);
            } else if c == '.'
                && next.is_some_and(|n| n.is_alphabetic())
                && single_char(self.text, seg_start, i)
                && single_char_after(self.text, i + 1, self.end)
            {
                dotted = true;
                seg_start = i + 1;
                i = self.word_chars(i + 1);
            } else if c == '&'
                && bytes.get(i + 1).is_some_and(|b| b.is_ascii_uppercase())
                && bytes.get(i - 1).is_some_and(|b| b.is_ascii_uppercase())
            {
                // AT&T, S&P
                seg_start = i + 1;
                i = self.word_chars(i + 1);
            } else if c == '@'
                || (c == ':' && self.text[i..self.end].starts_with("://"))
                || (c == '.' && self.looks_like_domain(start, i))
            {
                if let Some(e) = self.url_or_email(start) {
                    return e;
                }
                break;
            } else {
                break;
            }
        }

        // Abbreviations and initials take their period.
        let mut kind = if hyphen { TokenKind::Compound } else { TokenKind::Word };
        if bytes.get(i) == Some(&b'.') && i < self.end {
            let w = &self.text[start..i];
            let takes_period = dotted
                || (single_char(self.text, start, i)
                    && w.chars().next().is_some_and(|c| c.is_uppercase()))
                || match abbrev::lookup(w) {
                    Some(abbrev::AbbrevClass::Title) if w == "No" || w == "Nos" => {
                        // "No. 10" but not "said no."
                        self.text[i + 1..self.end]
                            .trim_start()
                            .starts_with(|c: char| c.is_ascii_digit())
                    }
                    Some(_) => true,
                    None => false,
                };
            if takes_period && !hyphen {
                i += 1;
                kind = TokenKind::Abbreviation;
                // "U.S.-led"
                if let (Some(h), Some(n)) = (self.at(i), self.at(i + 1)) {
                    if is_hyphen(h) && is_word_char(n) {
                        kind = TokenKind::Compound;
                        i = self.word_chars(i + h.len_utf8());
                        while let (Some(h), Some(n)) = (self.at(i), self.at(i + 1)) {
                            if is_hyphen(h) && is_word_char(n) {
                                i = self.word_chars(i + h.len_utf8());
                            } else {
                                break;
                            }
                        }
                    }
                }
            }
        } else if dotted {
            kind = TokenKind::Abbreviation;
        }

        if matches!(kind, TokenKind::Word | TokenKind::Compound) && apostrophes[0] != usize::MAX {
            let a = if apostrophes[1] != usize::MAX { apostrophes[1] } else { apostrophes[0] };
            if a > start && self.split_clitic(start, a, i, kind) {
                return i;
            }
        }
        self.push(start, i, kind);
        i
    }

    /// Splits "King's", "It's", "don't", "They'll" at the clitic. Returns false if the word has
    /// no clitic ending (O'Brien) and must stay whole.
    fn split_clitic(
        &mut self,
        start: usize,
        apos: usize,
        end: usize,
        stem_kind: TokenKind,
    ) -> bool {
        let aw = self.text[apos..].chars().next().map_or(1, char::len_utf8);
        let suffix = &self.text[apos + aw..end];
        let stem = &self.text[start..apos];
        let is = |w: &str| suffix.eq_ignore_ascii_case(w);
        match suffix.len() {
            1 if is("s") => {
                let kind = if is_contraction_stem(stem) {
                    TokenKind::Contraction
                } else {
                    TokenKind::Possessive
                };
                self.push(start, apos, stem_kind);
                self.push(apos, end, kind);
                true
            }
            1 | 2 if is("ll") || is("re") || is("ve") || is("d") || is("m") => {
                self.push(start, apos, stem_kind);
                self.push(apos, end, TokenKind::Contraction);
                true
            }
            1 if is("t") && stem.len() > 1 && stem.ends_with(['n', 'N']) => {
                let n = apos - 1;
                self.push(start, n, stem_kind);
                self.push(n, end, TokenKind::Contraction);
                true
            }
            _ => false,
        }
    }

    fn number(&mut self, start: usize) -> usize {
        let bytes = self.text.as_bytes();
        let end = self.end;
        let digits = |mut i: usize| {
            while i < end && bytes[i].is_ascii_digit() {
                i += 1;
            }
            i
        };
        let mut i = digits(start);
        let mut kind = TokenKind::Number;
        // Thousands separators: 2,000 / 1,000,000
        while i + 3 < end + 1
            && bytes.get(i) == Some(&b',')
            && bytes.get(i + 1..i + 4).is_some_and(|d| d.iter().all(u8::is_ascii_digit))
            && !bytes.get(i + 4).is_some_and(u8::is_ascii_digit)
            && i + 4 <= end
        {
            i += 4;
        }
        // Decimals and times: 3.5, 10:30
        if i + 1 < end
            && matches!(bytes[i], b'.' | b':')
            && bytes[i + 1].is_ascii_digit()
            && (bytes[i] != b':' || bytes.get(i + 2).is_some_and(u8::is_ascii_digit))
        {
            i = digits(i + 1);
        }
        // Fractions: 1/2
        if i + 1 < end && bytes[i] == b'/' && bytes[i + 1].is_ascii_digit() {
            let j = digits(i + 1);
            if j - i <= 4 && bytes.get(j).is_none_or(|b| *b != b'/') {
                i = j;
                kind = TokenKind::Fraction;
            }
        }
        // "1980s", "50th", "3D", "10am": a word with digits.
        if let Some(c) = self.at(i) {
            if is_word_char(c) {
                self.push_word_from(start, self.word_chars(i));
                return self.finish_word_compound(start);
            }
            // "50-yard", "2-year-old" (but "10-15" is a range: number, dash, number).
            if is_hyphen(c) && self.at(i + 1).is_some_and(|n| n.is_alphabetic()) {
                let mut j = self.word_chars(i + 1);
                while let (Some(h), Some(n)) = (self.at(j), self.at(j + 1)) {
                    if is_hyphen(h) && is_word_char(n) {
                        j = self.word_chars(j + h.len_utf8());
                    } else {
                        break;
                    }
                }
                self.push(start, j, TokenKind::Compound);
                return j;
            }
        }
        self.push(start, i, kind);
        i
    }

    fn push_word_from(&mut self, start: usize, end: usize) {
        self.push(start, end, TokenKind::Word);
    }

    /// After a digit-led word, absorb a following hyphenated part ("1980s-era").
    fn finish_word_compound(&mut self, start: usize) -> usize {
        let Some(last) = self.out.last().copied() else { return start };
        let mut j = last.span.end();
        let mut compound = false;
        while let (Some(h), Some(n)) = (self.at(j), self.at(j + 1)) {
            if is_hyphen(h) && is_word_char(n) {
                j = self.word_chars(j + h.len_utf8());
                compound = true;
            } else {
                break;
            }
        }
        if compound {
            self.out.pop();
            self.push(start, j, TokenKind::Compound);
        }
        j
    }

    /// "www.example.com", "example.org/path" without a scheme.
    fn looks_like_domain(&self, start: usize, dot: usize) -> bool {
        let head = &self.text[start..dot];
        if head.eq_ignore_ascii_case("www") {
            return true;
        }
        let rest = &self.text[dot + 1..self.end];
        let tld: String = rest.chars().take_while(|c| c.is_ascii_alphabetic()).collect();
        let after = rest[tld.len()..].chars().next();
        matches!(tld.as_str(), "com" | "org" | "net" | "gov" | "edu" | "int" | "io")
            && after.is_none_or(|c| !c.is_alphanumeric())
            && head.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-')
    }

    /// The facts about the run of text that `start` is in.
    fn url_run(&mut self, start: usize) -> &UrlRun {
        if !self.run.as_ref().is_some_and(|r| r.from <= start && start <= r.term) {
            let rest = &self.text[start..self.end];
            let term = start
                + rest
                    .find(|c: char| is_space(c) || matches!(c, '"' | '<' | '>' | '“' | '”'))
                    .unwrap_or(rest.len());
            // Trailing punctuation is not part of the URL; a final `)` is when the candidate
            // holds a `(`.
            let strip = |keep_paren: bool| {
                let mut cand = &self.text[start..term];
                while let Some(c) = cand.chars().next_back() {
                    if !matches!(c, '.' | ',' | ';' | ':' | '!' | '?' | '\'' | '’' | ')' | ']')
                        || (c == ')' && keep_paren)
                    {
                        break;
                    }
                    cand = &cand[..cand.len() - c.len_utf8()];
                }
                start + cand.len()
            };
            let last_paren = self.text[start..term].rfind('(').map(|p| start + p);
            self.run = Some(UrlRun {
                from: start,
                term,
                last_paren,
                with_paren: Cand::new(self.text, start, strip(true)),
                without_paren: Cand::new(self.text, start, strip(false)),
            });
        }
        self.run.as_ref().expect("set above")
    }

    /// Scans a URL or e-mail starting at `start`; None if it is neither.
    fn url_or_email(&mut self, start: usize) -> Option<usize> {
        let after = |p: Option<usize>| p.is_some_and(|p| p >= start);
        let run = self.url_run(start);
        let c = if after(run.last_paren) { run.with_paren } else { run.without_paren };
        let cand = &self.text.as_bytes()[start..c.end.max(start)];
        let kind = if after(c.last_sep)
            || cand.get(..4).is_some_and(|h| h.eq_ignore_ascii_case(b"www."))
        {
            TokenKind::Url
        } else if let Some(at) = c.last_at.filter(|&a| a >= start) {
            // A valid e-mail has one `@`, a non-empty local part and a domain.
            let one_at = !after(c.prev_at);
            let ok_local = at > start && !after(c.bad_local);
            if !(one_at && ok_local && c.domain_ok) {
                return None;
            }
            TokenKind::Email
        } else if after(c.last_dot) && cand.len() > 4 {
            TokenKind::Url
        } else {
            return None;
        };
        let end = start + cand.len();
        self.push(start, end, kind);
        Some(end)
    }
}

/// ASCII bytes that may continue a word: apostrophe, hyphen, period, `&`, `@`, `:`.
#[inline]
fn is_word_joiner(b: u8) -> bool {
    matches!(b, b'\'' | b'-' | b'.' | b'&' | b'@' | b':')
}

#[inline]
fn single_char(text: &str, start: usize, end: usize) -> bool {
    let mut it = text[start..end].chars();
    it.next().is_some() && it.next().is_none()
}

/// True if the word run starting at `i` is a single letter (the "S" of "U.S").
#[inline]
fn single_char_after(text: &str, i: usize, end: usize) -> bool {
    let mut it = text[i..end].chars();
    match (it.next(), it.next()) {
        (Some(a), Some(b)) => a.is_alphabetic() && !is_word_char(b),
        (Some(a), None) => a.is_alphabetic(),
        _ => false,
    }
}

#[inline]
fn is_opener(c: char) -> bool {
    matches!(c, '(' | '[' | '{' | '—' | '–' | '-' | ':' | '“' | '‘' | '«' | '/')
}

#[inline]
fn is_closing_punct(c: char) -> bool {
    matches!(c, '.' | ',' | ';' | ':' | '!' | '?' | ')' | ']' | '}' | '—' | '–' | '…' | '\'' | '’')
}

fn is_contraction_stem(stem: &str) -> bool {
    // The longest stem has 10 bytes: no longer word needs lowering.
    let mut buf = [0u8; 10];
    let Some(l) = buf.get_mut(..stem.len()) else { return false };
    l.copy_from_slice(stem.as_bytes());
    l.make_ascii_lowercase();
    matches!(
        &*l,
        b"it"
            | b"that"
            | b"what"
            | b"there"
            | b"here"
            | b"he"
            | b"she"
            | b"who"
            | b"where"
            | b"how"
            | b"let"
            | b"when"
            | b"why"
            | b"everyone"
            | b"everybody"
            | b"nobody"
            | b"somebody"
            | b"someone"
            | b"something"
            | b"everything"
            | b"nothing"
            | b"this"
            | b"which"
    )
}
