//! Benches of the stages on the bundled corpus (Throughput::Bytes). Each asserts a count so a
//! broken stage cannot look fast.

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use gazette::claims::Extractor;
use gazette::core::{Document, Layout};
use gazette::entities::{Recognizer, RecognizerBuilder};
use gazette::tokenize::Tokenizer;
use gazette::Pipeline;
use gazette_benches::corpus_articles;

fn stages(c: &mut Criterion) {
    let docs: Vec<Document> = corpus_articles();
    let bytes: usize = docs.iter().map(|d| d.text.len()).sum();
    let tokenizer = Tokenizer::new();
    let layouts: Vec<Layout> = docs.iter().map(|d| tokenizer.segment(d)).collect();
    let expected_tokens: usize = layouts.iter().map(|l| l.tokens.len()).sum();
    assert!(expected_tokens > 5_000, "the corpus tokenizes to {expected_tokens} tokens");

    let mut g = c.benchmark_group("tokenize");
    g.throughput(Throughput::Bytes(bytes as u64));
    g.bench_function("layout+tokens+sentences/corpus", |b| {
        b.iter(|| {
            let n: usize = docs.iter().map(|d| tokenizer.segment(d).tokens.len()).sum();
            assert_eq!(n, expected_tokens);
            n
        })
    });
    g.bench_function("tokens only/corpus", |b| {
        b.iter(|| docs.iter().map(|d| gazette::tokenize::tokenize(&d.text).len()).sum::<usize>())
    });
    g.finish();

    let recognizer = Recognizer::new().expect("default gazetteers");
    let found: Vec<_> =
        docs.iter().zip(&layouts).map(|(d, l)| recognizer.recognize(&d.text, l)).collect();
    let expected_mentions: usize = found.iter().map(|f| f.mentions.len()).sum();
    assert!(expected_mentions > 300, "{expected_mentions} mentions");
    let mut g = c.benchmark_group("entities");
    g.throughput(Throughput::Bytes(bytes as u64));
    g.bench_function("recognize/corpus", |b| {
        b.iter(|| {
            let n: usize = docs
                .iter()
                .zip(&layouts)
                .map(|(d, l)| recognizer.recognize(&d.text, l).mentions.len())
                .sum();
            assert_eq!(n, expected_mentions);
            n
        })
    });
    g.bench_function("tokenize+recognize/corpus", |b| {
        b.iter(|| {
            docs.iter()
                .map(|d| recognizer.recognize(&d.text, &tokenizer.segment(d)).mentions.len())
                .sum::<usize>()
        })
    });
    g.finish();

    let extractor = Extractor::new();
    let expected_quotes: usize = docs
        .iter()
        .zip(&layouts)
        .zip(&found)
        .map(|((d, l), f)| extractor.extract(&d.text, l, &f.entities, &f.mentions).quotes.len())
        .sum();
    assert!(expected_quotes >= 67, "{expected_quotes} quotes");
    let mut g = c.benchmark_group("claims");
    g.throughput(Throughput::Bytes(bytes as u64));
    g.bench_function("extract/corpus", |b| {
        b.iter(|| {
            let n: usize = docs
                .iter()
                .zip(&layouts)
                .zip(&found)
                .map(|((d, l), f)| {
                    extractor.extract(&d.text, l, &f.entities, &f.mentions).quotes.len()
                })
                .sum();
            assert_eq!(n, expected_quotes);
            n
        })
    });
    g.finish();

    let pipeline = Pipeline::new();
    let mut g = c.benchmark_group("pipeline");
    g.throughput(Throughput::Bytes(bytes as u64));
    g.bench_function("analyze/corpus", |b| {
        b.iter(|| {
            let n: usize = docs.iter().map(|d| pipeline.analyze(d).quotes.len()).sum();
            assert_eq!(n, expected_quotes);
            n
        })
    });
    g.finish();
}

fn load(c: &mut Criterion) {
    let mut g = c.benchmark_group("gazetteers");
    g.sample_size(10);
    g.bench_function("load+compile defaults", |b| {
        b.iter(|| {
            let r = RecognizerBuilder::new().build().expect("default gazetteers");
            assert!(r.entry_count() > 40_000);
            r.pattern_count()
        })
    });
    g.finish();
}

criterion_group!(benches, stages, load);
criterion_main!(benches);
