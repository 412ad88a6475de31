//! Document-level resolution: candidates -> entities with canonical names and all mentions.

use rustc_hash::FxHashMap as HashMap;

use gazette_core::{Entity, EntityKind, Gender, Mention, Span, TokenKind};

use crate::gazetteer::Entry;
use crate::normalize::name_key;
use crate::recognizer::{id, mention, Entities};
use crate::rules::{Cand, Ctx};

struct Draft {
    kind: EntityKind,
    canonical: String,
    canonical_tokens: usize,
    gazetteer_id: Option<String>,
    gender: Gender,
}

/// What makes two mentions one entity: the same gazetteer id, or the same type and key.
#[derive(Clone, PartialEq, Eq, Hash)]
enum Key<'a> {
    Gazetteer(&'a str),
    Text(EntityKind, &'a str),
}

pub(crate) fn resolve(ctx: &Ctx<'_>, chosen: Vec<Cand>, entries: &[Entry]) -> Entities {
    let text = ctx.text;
    // The normalized text of each candidate, where it is needed: for names without a
    // gazetteer entry (their identity) and for people (surname links).
    let ckey: Vec<String> = chosen
        .iter()
        .map(|c| {
            if c.entry.is_none() || c.kind == EntityKind::Person {
                ctx.span_key(c.span).unwrap_or_else(|| name_key(&text[c.span]))
            } else {
                String::new()
            }
        })
        .collect();
    let mut drafts: Vec<Draft> = Vec::with_capacity(chosen.len());
    let mut by_key: HashMap<Key<'_>, usize> =
        HashMap::with_capacity_and_hasher(chosen.len(), Default::default());
    // (span, entity, from a single-token candidate that a surname may override)
    let mut ments: Vec<(Span, usize, bool)> = Vec::with_capacity(chosen.len() + 16);

    // People with full names first, so that short forms can link to them.
    let is_full_person =
        |c: &Cand| c.kind == EntityKind::Person && text[c.span].split_whitespace().count() >= 2;
    let mut entity_of: Vec<Option<usize>> = vec![None; chosen.len()];
    for (ci, c) in chosen.iter().enumerate() {
        if is_full_person(c) {
            entity_of[ci] = Some(add(
                c,
                key_of(c, &ckey[ci], entries),
                text,
                entries,
                &mut drafts,
                &mut by_key,
            ));
        }
    }
    // Surname keys: last token, particle + surname ("van Gemert", "Van den Berghe"), and the
    // last two or more words ("Febres Cordero" of "Leon Febres Cordero"). Longer names first:
    // a full name that is such a key of a longer one is that person, not another.
    let mut surname: HashMap<String, Option<usize>> =
        HashMap::with_capacity_and_hasher(drafts.len() * 2, Default::default());
    let mut by_length: Vec<usize> = (0..drafts.len()).collect();
    by_length.sort_by_key(|&d| std::cmp::Reverse(drafts[d].canonical_tokens));
    let mut same_as: Vec<Option<usize>> = vec![None; drafts.len()];
    for d in by_length {
        let key = name_key(&drafts[d].canonical);
        if let Some(&Some(longer)) = surname.get(&key) {
            if drafts[longer].kind == EntityKind::Person && drafts[d].gazetteer_id.is_none() {
                same_as[d] = Some(longer);
                continue;
            }
        }
        let parts: Vec<&str> = key.split(' ').filter(|p| !p.ends_with('.')).collect();
        // A surname of one letter or an organization word ("Corp") links nothing.
        let Some(&last) = parts.last() else { continue };
        if last.chars().count() < 2 || crate::rules::is_org_word(&title_case(last)) {
            continue;
        }
        for k in 1..parts.len() {
            let is_particle_start = k + 1 < parts.len()
                && matches!(
                    parts[k],
                    "van"
                        | "von"
                        | "de"
                        | "den"
                        | "der"
                        | "al"
                        | "el"
                        | "bin"
                        | "da"
                        | "di"
                        | "du"
                        | "le"
                        | "la"
                );
            if k == parts.len() - 1 || is_particle_start || parts.len() - k >= 2 {
                let e = surname.entry(parts[k..].join(" ")).or_insert(Some(d));
                if *e != Some(d) {
                    *e = None;
                }
            }
        }
    }
    for d in entity_of.iter_mut().flatten() {
        if let Some(longer) = same_as.get(*d).copied().flatten() {
            *d = longer;
        }
    }
    for (ci, c) in chosen.iter().enumerate() {
        if entity_of[ci].is_some() {
            continue;
        }
        let linked = match c.kind {
            EntityKind::Person => surname.get(&ckey[ci]).copied().flatten(),
            _ => None,
        };
        entity_of[ci] = Some(match linked {
            Some(d) => d,
            None => add(c, key_of(c, &ckey[ci], entries), text, entries, &mut drafts, &mut by_key),
        });
    }
    for (ci, c) in chosen.iter().enumerate() {
        if let Some(d) = entity_of[ci] {
            let overridable = c.rule != "layout"
                && !matches!(c.entry.and_then(|e| entries.get(e as usize)), Some(e) if e.kind == EntityKind::Loc && e.id.starts_with("iso:"))
                && text[c.span].split_whitespace().count() == 1
                && drafts[d].kind != EntityKind::Person;
            ments.push((c.span, d, overridable));
        }
    }
    ments.sort_by_key(|m| m.0);

    // Companies by their first word: "AMAX Inc ... AMAX said", as people by their surname. Only
    // a name that ends in a company form, and a first word that is no common English word
    // ("General Electric" is not "General"). A one-word organization of that first word found
    // on its own ("the company called TRW") is the company too (`redirect`).
    // The keys of the organizations without a gazetteer entry (most articles have few).
    let org_keys: Vec<(usize, String)> = drafts
        .iter()
        .enumerate()
        .filter(|(_, dr)| dr.kind == EntityKind::Org && dr.gazetteer_id.is_none())
        .map(|(d, dr)| (d, name_key(&dr.canonical)))
        .collect();
    let orgs_by_key: HashMap<&str, usize> =
        org_keys.iter().map(|(d, k)| (k.as_str(), *d)).collect();
    let mut redirect: Vec<Option<usize>> = Vec::new();
    for (d, key) in &org_keys {
        let d = *d;
        let mut parts = key.split(' ');
        let (Some(first), Some(last)) = (parts.next(), key.split(' ').next_back()) else {
            continue;
        };
        let company = matches!(
            last.trim_end_matches('.'),
            "inc"
                | "corp"
                | "co"
                | "ltd"
                | "plc"
                | "llc"
                | "ag"
                | "n.v"
                | "s.a"
                | "spa"
                | "pty"
                | "bhd"
                | "bancorp"
                | "group"
                | "holdings"
                | "industries"
                | "enterprises"
                | "corporation"
                | "company"
                | "cos"
                | "limited"
                | "incorporated"
                | "labs"
                | "technologies"
                | "systems"
                | "networks"
                | "therapeutics"
                | "pharmaceuticals"
                | "semiconductor"
                | "analytics"
                | "airlines"
                | "motors"
        );
        if !company
            || first == last
            || first.chars().count() < 3
            || !first.chars().all(char::is_alphanumeric)
            || ctx.lex.is_common(first)
        {
            continue;
        }
        // "Halvorsen Semiconductor Corp." is also "Halvorsen Semiconductor".
        let words: Vec<&str> = key.split(' ').collect();
        if words.len() >= 3 && COMPANY_FORMS.contains(&last.trim_end_matches('.')) {
            let short = words[..words.len() - 1].join(" ");
            if let Some(&alone) = orgs_by_key.get(short.as_str()) {
                if redirect.is_empty() {
                    redirect = vec![None; drafts.len()];
                }
                redirect[alone] = Some(d);
            }
            surname.entry(short).or_insert(Some(d));
        }
        if let Some(&alone) = orgs_by_key.get(first).filter(|&&a| drafts[a].canonical_tokens == 1) {
            if redirect.is_empty() {
                redirect = vec![None; drafts.len()];
            }
            redirect[alone] = Some(d);
        }
        let e = surname.entry(first.to_string()).or_insert(Some(d));
        if *e != Some(d) {
            *e = None;
        }
    }

    // Organizations found by a rule, elsewhere in the text: "a firm called UC Global ... UC
    // Global's files". Names of up to three words, not one common word.
    for (d, key) in org_keys {
        if redirect.get(d).copied().flatten().is_some() {
            continue;
        }
        let words = key.split(' ').count();
        // A key a person or company already has stays theirs.
        if words > 3
            || key.chars().count() < 3
            || (words == 1 && ctx.lex.is_common(&key))
            || surname.contains_key(&key)
        {
            continue;
        }
        let e = surname.entry(key).or_insert(Some(d));
        if *e != Some(d) {
            *e = None;
        }
    }

    // Surnames elsewhere: "said Rasoul", "Gaaloul cited", "Van Raemdonck said".
    let toks = &ctx.layout.tokens;
    let surname_starts: rustc_hash::FxHashSet<&str> =
        surname.keys().map(|k| k.split(' ').next().unwrap_or_default()).collect();
    let mut extra: Vec<(Span, usize)> = Vec::new();
    for p in ctx.layout.paragraphs.iter().filter(|p| ctx.annotate(p.kind)) {
        let mut i = p.tokens.start;
        while i < p.tokens.end {
            let tok = toks[i];
            if !ctx.capitalized_word(i) {
                i += 1;
                continue;
            }
            let mut hit = None;
            if surname_starts.contains(ctx.lower(i)) {
                for k in 0..3.min(p.tokens.end - i) {
                    if let Some(Some(d)) = surname.get(&*ctx.key(i, i + k + 1)) {
                        hit = Some((k + 1, *d));
                    }
                }
            }
            if let Some((n, d)) = hit {
                let span = tok.span.cover(toks[i + n - 1].span);
                let pos = ments.partition_point(|m| m.0.end() <= span.start());
                // A person's surname may replace a one-word place match ("Wil"); a company's
                // first word only where the place is not used as one ("Quillon's chips", not
                // "in Redcar", the town of "Redcar Alloys Ltd.").
                let company = drafts[d].kind == EntityKind::Org;
                let locative = i > p.tokens.start
                    && matches!(
                        ctx.lower(i - 1),
                        "in" | "at" | "near" | "from" | "to" | "of" | "outside" | "around"
                    );
                let blocked =
                    ments[pos..].iter().take_while(|m| m.0.start() < span.end()).any(|m| {
                        // A company's name replaces a nationality or another name only
                        // where it is longer ("American Motors", not "American").
                        let not_a_place = company
                            && drafts[m.1].kind != EntityKind::Loc
                            && m.0.len() >= span.len();
                        (!m.2 || (company && locative) || not_a_place) && (m.1 != d || m.0 != span)
                    });
                // "Halvorsen Chief Executive Helen Achterberg": a title after the name is no
                // part of it.
                let next_is_name = i + n < p.tokens.end
                    && toks[i + n].kind == TokenKind::Word
                    && ctx.capitalized_word(i + n)
                    && ctx.title_at(i + n, p.tokens.end).is_none();
                if !blocked && !next_is_name {
                    extra.push((span, d));
                }
                i += n;
            } else {
                i += 1;
            }
        }
    }
    if !extra.is_empty() {
        // `extra` is sorted and non-overlapping: one sweep drops the mentions it replaces.
        let mut k = 0;
        ments.retain(|m| {
            while k < extra.len() && extra[k].0.end() <= m.0.start() {
                k += 1;
            }
            !(k < extra.len() && extra[k].0.overlaps(m.0))
        });
        ments.extend(extra.into_iter().map(|(s, d)| (s, d, false)));
        ments.sort_by_key(|m| m.0);
    }

    // Acronyms defined in the text: "Coordinating Unit for Threat Analysis (CUTA)".
    let mut acronyms: HashMap<&str, usize> = HashMap::default();
    for &(span, d, _) in &ments {
        if drafts[d].kind != EntityKind::Org {
            continue;
        }
        let after = toks.partition_point(|t| t.span.start() < span.end());
        if after + 2 < toks.len()
            && &text[toks[after].span] == "("
            && &text[toks[after + 2].span] == ")"
        {
            let a = &text[toks[after + 1].span];
            if a.len() >= 2 && a.chars().all(|c| c.is_ascii_uppercase()) {
                acronyms.insert(a, d);
            }
        }
    }
    if !acronyms.is_empty() {
        // The defined acronym means the defined entity, whatever a gazetteer says.
        for m in &mut ments {
            if let Some(&d) = acronyms.get(&text[m.0]) {
                m.1 = d;
            }
        }
        let mut add_m = Vec::new();
        for p in ctx.layout.paragraphs.iter().filter(|p| ctx.annotate(p.kind)) {
            for tok in &toks[p.tokens.clone()] {
                if let Some(&d) = acronyms.get(&text[tok.span]) {
                    let i = ments.partition_point(|m| m.0.end() <= tok.span.start());
                    if !ments.get(i).is_some_and(|m| m.0.overlaps(tok.span)) {
                        add_m.push((tok.span, d, false));
                    }
                }
            }
        }
        ments.extend(add_m);
    }
    ments.sort_by_key(|m| m.0);
    ments.dedup_by_key(|m| m.0);
    // "Rami Khoury (رامي خوري)": a name in another script in parentheses next to a person's
    // name is that person.
    for i in 0..ments.len() {
        let (span, d, _) = ments[i];
        let t = &text[span];
        if drafts[d].kind != EntityKind::Person || t.chars().any(|c| c.is_ascii_alphabetic()) {
            continue;
        }
        let beside = |j: usize| {
            let (other, od, _) = ments[j];
            let gap = if other.end() <= span.start() {
                text.get(other.end()..span.start())
            } else {
                text.get(span.end()..other.start())
            };
            (drafts[od].kind == EntityKind::Person
                && od != d
                && gap.is_some_and(|g| matches!(g.trim(), "(" | ")" | ") (")))
            .then_some(od)
        };
        let to = i
            .checked_sub(1)
            .and_then(beside)
            .or_else(|| (i + 1 < ments.len()).then(|| beside(i + 1)).flatten());
        if let Some(to) = to {
            if redirect.is_empty() {
                redirect = vec![None; drafts.len()];
            }
            redirect[d] = Some(to);
        }
    }
    for m in &mut ments {
        if let Some(to) = redirect.get(m.1).copied().flatten() {
            m.1 = to;
        }
    }

    // Number entities by first mention.
    let mut order: Vec<Option<usize>> = vec![None; drafts.len()];
    let mut entities = Vec::with_capacity(drafts.len());
    let mut mentions: Vec<Mention> = Vec::with_capacity(ments.len());
    for (span, d, _) in ments {
        let e = match order[d] {
            Some(e) => e,
            None => {
                let dr = &mut drafts[d];
                let e = entities.len();
                entities.push(Entity {
                    id: id(e),
                    kind: dr.kind,
                    canonical: std::mem::take(&mut dr.canonical),
                    gazetteer_id: dr.gazetteer_id.take(),
                    gender: dr.gender,
                });
                order[d] = Some(e);
                e
            }
        };
        mentions.push(mention(span, e));
    }
    Entities { entities, mentions }
}

/// The draft entity of candidate `c` with identity `key`, new or updated.
fn add<'k>(
    c: &Cand,
    key: Key<'k>,
    text: &str,
    entries: &[Entry],
    drafts: &mut Vec<Draft>,
    by_key: &mut HashMap<Key<'k>, usize>,
) -> usize {
    let ntok = |s: &str| s.split_whitespace().count();
    // Wrapped lines: "Joseph\nArsenio" is "Joseph Arsenio".
    let one_line = |s: &str| {
        let mut out = String::with_capacity(s.len());
        for w in s.split_whitespace() {
            if !out.is_empty() {
                out.push(' ');
            }
            out.push_str(w);
        }
        out
    };
    let surface = &text[c.span];
    match by_key.get(&key) {
        Some(&d) => {
            let dr = &mut drafts[d];
            // People keep the fullest name the text gives them, even when the gazetteer knows
            // them ("James B. Comey", not the gazetteer's "James Comey").
            if dr.gazetteer_id.is_none() || dr.kind == EntityKind::Person {
                let n = ntok(surface);
                if n > dr.canonical_tokens {
                    dr.canonical = one_line(surface);
                    dr.canonical_tokens = n;
                }
            }
            if dr.gender == Gender::Unknown {
                dr.gender = c.gender;
            }
            d
        }
        None => {
            let (canonical, gid, kind, gender) = match c.entry.and_then(|e| entries.get(e as usize))
            {
                // People in the gazetteer carry their gender ("gender=F").
                Some(e) => {
                    let g = match e.kind {
                        EntityKind::Person => match e.attr("gender") {
                            Some("M") => Gender::Male,
                            Some("F") => Gender::Female,
                            _ => c.gender,
                        },
                        _ => c.gender,
                    };
                    (e.name.clone(), Some(e.id.clone()), e.kind, g)
                }
                None => (one_line(surface), None, c.kind, c.gender),
            };
            // A person's name in the text replaces the gazetteer's when it is fuller ("James
            // B. Comey"), not when it is a shorter form ("von der Leyen").
            let g = ntok(&canonical);
            let fuller = (kind == EntityKind::Person && gid.is_some())
                .then(|| ntok(surface))
                .filter(|&n| n > g);
            let (canonical, canonical_tokens) = match fuller {
                Some(n) => (one_line(surface), n),
                None => (canonical, g),
            };
            drafts.push(Draft { kind, canonical_tokens, canonical, gazetteer_id: gid, gender });
            by_key.insert(key, drafts.len() - 1);
            drafts.len() - 1
        }
    }
}

fn key_of<'k>(c: &Cand, ckey: &'k str, entries: &'k [Entry]) -> Key<'k> {
    match c.entry.and_then(|e| entries.get(e as usize)) {
        Some(e) => Key::Gazetteer(&e.id),
        None => Key::Text(c.kind, ckey),
    }
}

fn title_case(w: &str) -> String {
    let mut c = w.chars();
    match c.next() {
        Some(f) => f.to_uppercase().chain(c).collect(),
        None => String::new(),
    }
}

/// Legal forms that end a company's name and may be left out ("Halvorsen Semiconductor").
const COMPANY_FORMS: &[&str] = &[
    "inc",
    "corp",
    "co",
    "ltd",
    "plc",
    "llc",
    "ag",
    "n.v",
    "s.a",
    "spa",
    "pty",
    "bhd",
    "cos",
    "limited",
    "incorporated",
    "corporation",
    "company",
];
