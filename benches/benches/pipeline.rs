//! Benches of the stages on the bundled corpus (Throughput::Bytes).

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use gazette::core::Document;
use gazette::tokenize::Tokenizer;
use gazette::Pipeline;
use gazette_benches::corpus_articles;

fn layout_tokens_sentences(c: &mut Criterion) {
    let docs: Vec<Document> = corpus_articles();
    let bytes: usize = docs.iter().map(|d| d.text.len()).sum();
    let tokenizer = Tokenizer::new();
    let expected_tokens: usize = docs.iter().map(|d| tokenizer.segment(d).tokens.len()).sum();
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

    let pipeline = Pipeline::new();
    let mut g = c.benchmark_group("pipeline");
    g.throughput(Throughput::Bytes(bytes as u64));
    g.bench_function("analyze/corpus", |b| {
        b.iter(|| docs.iter().map(|d| pipeline.analyze(d).layout.sentences.len()).sum::<usize>())
    });
    g.finish();
}

criterion_group!(benches, layout_tokens_sentences);
criterion_main!(benches);
