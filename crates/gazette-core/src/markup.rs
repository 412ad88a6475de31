//! Inline span markup: `<PER>Peter Neumann</PER>, director of <ORG>...</ORG>`.
//!
//! Tests and gold annotations write expected spans as inline tags instead of counted offsets.
//! [`parse`] strips the tags and returns the plain text with the tagged spans (byte offsets into
//! the plain text). A `<` that does not start a well-formed tag is kept as text.
//!
//! ```
//! let m = gazette_core::markup::parse(r#"said <PER canon="Peter Neumann">Neumann</PER>."#).unwrap();
//! assert_eq!(m.text, "said Neumann.");
//! assert_eq!(m.spans[0].tag, "PER");
//! assert_eq!(&m.text[m.spans[0].span], "Neumann");
//! assert_eq!(m.spans[0].attr("canon"), Some("Peter Neumann"));
//! ```

use crate::Span;

/// A tagged span.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Tagged {
    /// Tag name.
    pub tag: String,
    /// `name="value"` attributes in order.
    pub attrs: Vec<(String, String)>,
    /// Byte span in the plain text.
    pub span: Span,
}

impl Tagged {
    /// The value of an attribute.
    pub fn attr(&self, name: &str) -> Option<&str> {
        self.attrs.iter().find(|(k, _)| k == name).map(|(_, v)| v.as_str())
    }
}

/// Plain text and its tagged spans, sorted by start (then by longer first).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Markup {
    /// The text without tags.
    pub text: String,
    /// Tagged spans.
    pub spans: Vec<Tagged>,
}

/// A markup error: unbalanced or crossing tags.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct MarkupError {
    /// Byte offset in the markup source.
    pub offset: usize,
    /// What is wrong.
    pub message: String,
}

impl std::fmt::Display for MarkupError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "markup error at byte {}: {}", self.offset, self.message)
    }
}

impl std::error::Error for MarkupError {}

type Attrs = Vec<(String, String)>;

/// Parses inline markup.
pub fn parse(src: &str) -> Result<Markup, MarkupError> {
    let mut text = String::with_capacity(src.len());
    let mut spans = Vec::new();
    let mut stack: Vec<(String, Attrs, usize, usize)> = Vec::new();
    let mut i = 0;
    while i < src.len() {
        let rest = &src[i..];
        if rest.starts_with('<') {
            if let Some((len, close, name, attrs)) = tag(rest) {
                if close {
                    match stack.pop() {
                        Some((open, attrs, start, _)) if open == name => spans.push(Tagged {
                            tag: name,
                            attrs,
                            span: Span::new(start, text.len()),
                        }),
                        Some((open, _, _, at)) => {
                            return Err(MarkupError {
                                offset: i,
                                message: format!("</{name}> closes <{open}> opened at byte {at}"),
                            })
                        }
                        None => {
                            return Err(MarkupError {
                                offset: i,
                                message: format!("</{name}> without an opening tag"),
                            })
                        }
                    }
                } else {
                    stack.push((name, attrs, text.len(), i));
                }
                i += len;
                continue;
            }
        }
        let c = rest.chars().next().unwrap_or('\0');
        text.push(c);
        i += c.len_utf8();
    }
    if let Some((name, _, _, at)) = stack.pop() {
        return Err(MarkupError { offset: at, message: format!("<{name}> is never closed") });
    }
    spans.sort_by(|a, b| a.span.start().cmp(&b.span.start()).then(b.span.end().cmp(&a.span.end())));
    Ok(Markup { text, spans })
}

/// Parses a tag at the start of `s`: (length, is_closing, name, attributes).
fn tag(s: &str) -> Option<(usize, bool, String, Attrs)> {
    let end = s.find('>')?;
    let inner = &s[1..end];
    let (close, inner) = match inner.strip_prefix('/') {
        Some(r) => (true, r),
        None => (false, inner),
    };
    let name_len = inner.find(' ').unwrap_or(inner.len());
    let name = &inner[..name_len];
    if name.is_empty()
        || !name.starts_with(|c: char| c.is_ascii_alphabetic())
        || !name.chars().all(|c| c.is_ascii_alphanumeric() || c == '_')
    {
        return None;
    }
    let mut attrs = Vec::new();
    let mut rest = inner[name_len..].trim_start();
    while !rest.is_empty() {
        if close {
            return None;
        }
        let eq = rest.find("=\"")?;
        let key = &rest[..eq];
        if key.is_empty() || !key.chars().all(|c| c.is_ascii_alphanumeric() || c == '_') {
            return None;
        }
        let after = &rest[eq + 2..];
        let q = after.find('"')?;
        attrs.push((key.to_string(), after[..q].to_string()));
        rest = after[q + 1..].trim_start();
    }
    Some((end + 1, close, name.to_string(), attrs))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nested_and_literal_angle_brackets() {
        let m = parse("<Q>a <PER>B</PER> c</Q> x < y").unwrap();
        assert_eq!(m.text, "a B c x < y");
        assert_eq!(m.spans.len(), 2);
        assert_eq!(m.spans[0].tag, "Q");
        assert_eq!(&m.text[m.spans[1].span], "B");
    }

    #[test]
    fn crossing_tags_are_an_error() {
        assert!(parse("<A>x<B>y</A>z</B>").is_err());
        assert!(parse("<A>x").is_err());
        assert!(parse("x</A>").is_err());
    }
}
