// The wasm package's size against a budget (issue 9): the page loads it on
// every visit, and it grew by 43 KB gzipped in one day (510,527 bytes at
// 51b6004, 554,295 at a4e7b3c: new people and identity linking, role and
// affiliation segmentation, the claimant import of doccano and Label Studio)
// without anyone noticing. A change that needs more raises the budget in the
// same commit and says why the bytes are worth it. Where the bytes went:
// `twiggy diff` (cargo install twiggy) of two builds before wasm-opt,
// target/wasm32-unknown-unknown/wasm/klaim.wasm, which keep function names.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

/** Bytes of www/pkg/klaim_bg.wasm under gzip -9. First 580,000 (about 25 KB
 * over the 554,295 of a4e7b3c); the fourth day's landings, which each fitted
 * alone, together reached 581,649 at 7a15736 (name-part and role rules, the
 * claims' time and directed frames, people rules, the linker's components;
 * not yet attributed change by change), so main failed this test. Raised to
 * 600,000: about 18 KB of margin again, so that another day like that fails.
 * Fifth day: main reached about 598,500 with the day's extractor and linker
 * rules, and the core's import records (src/stored.rs, wasm importRecords:
 * +3.7 KB, which take serde-wasm-bindgen objects, records.js and
 * JSON.stringify out of the worker's import) built to 602,291; raised to
 * 610,000, a smaller margin than before on purpose. Sixth day: main was
 * 609,060; fact-checks compared by what they state (link/factcheck.rs: the
 * review's predicate, the clause it adds and its counts' outcomes, read
 * once per review; user test 5 #1, a false verdict shown on a true claim)
 * built to 613,511 (+4.45 KB, after a first version of +5.2 KB was cut:
 * terms as ids, no strings, sort or enum); raised to 614,500 for it
 * alone, the day's margin kept as it was. With Google's Fact Check Tools
 * API files read too, on main of 20:45, the branch built to 615,361:
 * 616,000 (the coordinator accepted the raise at 20:19). The identity
 * edit that reaches every claim of a person (link/claimant.rs, wasm
 * sameClaimant: +1,177 bytes; user tests 5 #6 and 6 #1) then built to
 * 616,690: raised to 625,000 for the rest of the day, about 8 KB of margin.
 * This test measures with node's zlib, which reads about 4.5 KB more than
 * the `gzip -9` figure scripts/build.sh printed before the sixth day. */
const WASM_GZIP_BUDGET = 625_000;

test('the wasm package stays within its gzipped size budget', () => {
  const size = gzipSync(readFileSync(`${ROOT}www/pkg/klaim_bg.wasm`), { level: 9 }).length;
  assert.ok(size <= WASM_GZIP_BUDGET, `klaim_bg.wasm is ${size} bytes gzipped, over the budget of ${WASM_GZIP_BUDGET}`);
});
