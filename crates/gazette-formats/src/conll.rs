//! CoNLL output: one token per line with its BIO entity tag, a blank line after each sentence,
//! and a `-DOCSTART-` line naming each article.
//!
//! ```text
//! -DOCSTART- 000_073e01bd7b933762
//! said<TAB>O
//! Peter<TAB>B-PERSON
//! Neumann<TAB>I-PERSON
//! ```

use std::fmt::Write as _;

use gazette_core::{Analysis, Document};

/// Renders one article. Tokens inside a mention get `B-`/`I-` tags of its entity type;
/// whitespace inside a token (none in practice) is replaced by `_`.
pub fn render(doc: &Document, a: &Analysis) -> String {
    let text = doc.text.as_str();
    let l = &a.layout;
    let mut out = String::with_capacity(text.len() * 2);
    let _ = writeln!(out, "-DOCSTART- {}", doc.id.replace(char::is_whitespace, "_"));
    let mut m = 0;
    for s in &l.sentences {
        out.push('\n');
        for t in l.sentence_tokens(s) {
            while m < a.mentions.len() && a.mentions[m].span.end() <= t.span.start() {
                m += 1;
            }
            let tag = match a.mentions.get(m) {
                Some(mention) if mention.span.overlaps(t.span) => {
                    let kind = a
                        .entities
                        .get(mention.entity.0 as usize)
                        .map_or("MISC", |e| e.kind.as_str());
                    let inside = mention.span.start() < t.span.start();
                    format!("{}-{kind}", if inside { "I" } else { "B" })
                }
                _ => "O".to_string(),
            };
            let word: String =
                text[t.span].chars().map(|c| if c.is_whitespace() { '_' } else { c }).collect();
            let _ = writeln!(out, "{word}\t{tag}");
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use gazette_core::{
        Entity, EntityId, EntityKind, Gender, Mention, Sentence, Span, Token, TokenKind,
    };

    #[test]
    fn bio_tags() {
        let doc = Document::new("d 1", "said Peter Neumann");
        let mut a = Analysis::default();
        for (s, e) in [(0, 4), (5, 10), (11, 18)] {
            a.layout.tokens.push(Token { span: Span::new(s, e), kind: TokenKind::Word });
        }
        a.layout.sentences.push(Sentence { span: Span::new(0, 18), tokens: 0..3, paragraph: 0 });
        a.entities.push(Entity {
            id: EntityId(0),
            kind: EntityKind::Person,
            canonical: "Peter Neumann".into(),
            gazetteer_id: None,
            gender: Gender::Male,
        });
        a.mentions.push(Mention { span: Span::new(5, 18), entity: EntityId(0) });
        assert_eq!(
            render(&doc, &a),
            "-DOCSTART- d_1\n\nsaid\tO\nPeter\tB-PERSON\nNeumann\tI-PERSON\n"
        );
    }
}
