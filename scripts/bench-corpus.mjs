// The 1,000 articles the benchmarks import (`npm run bench`,
// scripts/bench-import.mjs): one JSON Lines text. Article i is two of the
// five samples back to back with a line of its own, so none repeat (the
// duplicate check would skip a repeat).
export function benchCorpus(samples, n = 1000) {
  const article = (i) => `${samples[i % 5]}\n${samples[(i + 2) % 5]}\nBerita nomor ${i + 1} dari arsip.`;
  return Array.from({ length: n }, (_, i) => JSON.stringify({ id: `bench-${i}`, title: `Artikel ${i + 1}`, text: article(i) })).join('\n');
}
