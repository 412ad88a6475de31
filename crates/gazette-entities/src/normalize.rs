//! Normalization shared by gazetteer names and article tokens, so both sides meet on the same
//! key: lower case, common Latin diacritics folded, curly apostrophes straightened, one space
//! between tokens, hyphenated compounds split, possessive `'s` a token of its own.

/// Appends the normalized form of one token (no spaces inside) to `out`.
pub(crate) fn push_token(out: &mut String, tok: &str) {
    if tok.is_ascii() {
        let start = out.len();
        out.push_str(tok);
        out[start..].make_ascii_lowercase();
        return;
    }
    for c in tok.chars() {
        if c.is_ascii() {
            out.push(c.to_ascii_lowercase());
        } else {
            push_folded(out, c);
        }
    }
}

fn push_folded(out: &mut String, c: char) {
    let f = match c {
        'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' | 'ā' | 'ă' | 'ą' | 'À' | 'Á' | 'Â' | 'Ã' | 'Ä' | 'Å'
        | 'Ā' | 'Ă' | 'Ą' => 'a',
        'ç' | 'ć' | 'č' | 'Ç' | 'Ć' | 'Č' => 'c',
        'ď' | 'đ' | 'Ď' | 'Đ' => 'd',
        'è' | 'é' | 'ê' | 'ë' | 'ē' | 'ė' | 'ę' | 'ě' | 'È' | 'É' | 'Ê' | 'Ë' | 'Ē' | 'Ė' | 'Ę'
        | 'Ě' => 'e',
        'ğ' | 'Ğ' => 'g',
        'ì' | 'í' | 'î' | 'ï' | 'ī' | 'ı' | 'İ' | 'Ì' | 'Í' | 'Î' | 'Ï' | 'Ī' => 'i',
        'ł' | 'Ł' => 'l',
        'ñ' | 'ń' | 'ň' | 'Ñ' | 'Ń' | 'Ň' => 'n',
        'ò' | 'ó' | 'ô' | 'õ' | 'ö' | 'ø' | 'ō' | 'ő' | 'Ò' | 'Ó' | 'Ô' | 'Õ' | 'Ö' | 'Ø' | 'Ō'
        | 'Ő' => 'o',
        'ř' | 'Ř' => 'r',
        'ś' | 'š' | 'ş' | 'ș' | 'Ś' | 'Š' | 'Ş' | 'Ș' => 's',
        'ť' | 'ţ' | 'ț' | 'Ť' | 'Ţ' | 'Ț' => 't',
        'ù' | 'ú' | 'û' | 'ü' | 'ū' | 'ů' | 'ű' | 'Ù' | 'Ú' | 'Û' | 'Ü' | 'Ū' | 'Ů' | 'Ű' => {
            'u'
        }
        'ý' | 'ÿ' | 'Ý' => 'y',
        'ź' | 'ż' | 'ž' | 'Ź' | 'Ż' | 'Ž' => 'z',
        '\u{2019}' | '\u{2018}' | '\u{02BC}' => '\'',
        '\u{2010}' | '\u{2011}' | '\u{2013}' | '\u{2014}' => '-',
        'ß' => {
            out.push_str("ss");
            return;
        }
        c => {
            // Other Latin letters with diacritics ("ễ", "ạ"): keep the base letter.
            let mut base = None;
            if c.is_alphabetic() && (c as u32) < 0x2000 {
                unicode_normalization::char::decompose_canonical(c, |d| {
                    if base.is_none() {
                        base = Some(d);
                    }
                });
            }
            let c = base.filter(|b| b.is_ascii_alphabetic()).unwrap_or(c);
            for l in c.to_lowercase() {
                out.push(l);
            }
            return;
        }
    };
    out.push(f);
}

/// Splits a gazetteer name into tokens the way the tokenizer splits article text: at spaces,
/// at hyphens between letters, before a possessive `'s`, around `, ; : ( ) "`. A final period
/// stays on abbreviations ("U.S.", "Corp.", "St.").
pub(crate) fn name_key(name: &str) -> String {
    let mut out = String::with_capacity(name.len() + 2);
    let emit = |out: &mut String, t: &str| {
        if !out.is_empty() {
            out.push(' ');
        }
        push_token(out, t);
    };
    for word in name.split_whitespace() {
        let mut w = word;
        // Leading punctuation.
        while let Some(c) = w.chars().next() {
            if matches!(c, '(' | '"' | '“' | '‘' | '[') {
                emit(&mut out, &w[..c.len_utf8()]);
                w = &w[c.len_utf8()..];
            } else {
                break;
            }
        }
        // Trailing punctuation: split off now, emitted last, in order.
        let mut body = w;
        while let Some(c) = body.chars().next_back() {
            if matches!(c, ',' | ';' | ':' | ')' | '"' | '”' | '’' | ']' | '!' | '?')
                && body.len() > c.len_utf8()
            {
                body = &body[..body.len() - c.len_utf8()];
            } else {
                break;
            }
        }
        let trail = &w[body.len()..];
        let mut w = body;
        // Possessive.
        let mut poss = None;
        for suffix in ["'s", "’s"] {
            if w.len() > suffix.len() && w.ends_with(suffix) {
                poss = Some(&w[w.len() - suffix.len()..]);
                w = &w[..w.len() - suffix.len()];
                break;
            }
        }
        // Hyphenated compounds become separate tokens.
        let mut rest = w;
        while let Some(k) = rest.find(['-', '\u{2010}', '\u{2011}']) {
            let h = rest[k..].chars().next().map_or(1, char::len_utf8);
            if k > 0 && k + h < rest.len() {
                emit(&mut out, &rest[..k]);
                rest = &rest[k + h..];
            } else {
                break;
            }
        }
        if !rest.is_empty() {
            emit(&mut out, rest);
        }
        if let Some(p) = poss {
            emit(&mut out, p);
        }
        for (k, c) in trail.char_indices() {
            emit(&mut out, &trail[k..k + c.len_utf8()]);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys() {
        assert_eq!(name_key("King's College London"), "king 's college london");
        assert_eq!(name_key("Washington, D.C."), "washington , d.c.");
        assert_eq!(name_key("al-Qaeda"), "al qaeda");
        assert_eq!(name_key("François  Heisbourg"), "francois heisbourg");
        assert_eq!(name_key("Reuters’s"), "reuters 's");
        assert_eq!(name_key("U.S."), "u.s.");
        assert_eq!(name_key("Nguyễn Phạm"), "nguyen pham");
        assert_eq!(name_key("(Reuters) Post,\"!"), "( reuters ) post , \" !");
        assert_eq!(name_key("Jean-Pierre's"), "jean pierre 's");
    }
}
