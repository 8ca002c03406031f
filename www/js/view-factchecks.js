// Arsip cek fakta: the fact-check archive kept beside the library. The user
// imports ClaimReview files (JSON-LD, as fact-checking sites publish them and
// as klaim exports them); the core reads them into archive entries
// (`klaim::project::FactCheck`) and matches them against the library's
// claims with the linker's engine. Each review shows the claims it matches.
// The archive is one meta record in the store and part of the project file.

import { wordMessage } from './i18n-exchange.js';
import { h, replace, shorten } from './dom.js';
import { bytes, t } from './i18n.js';
import './i18n-across.js';

/** ClaimReview files are small; a 20 MB archive export is already large. */
const MAX_BYTES = 64 << 20;

export class FactChecksView {
  /** `readReviews(text)`: the core's ClaimReview reader ({reviews: archive
   * entries, skipped: [why]}, or throws an Error naming the problem);
   * `links`: the Links service. */
  constructor({ root, model, links, readReviews, message }) {
    this.root = root;
    this.model = model;
    this.links = links;
    this.readReviews = readReviews;
    this.message = message;
    this.title = h('h2', {});
    this.count = h('p', { class: 'count', 'data-testid': 'factcheck-count', role: 'status' });
    this.input = h('input', {
      type: 'file', hidden: true, 'data-testid': 'factcheck-input', accept: '.json,.jsonld,application/json,application/ld+json',
      onchange: () => {
        const file = this.input.files?.[0];
        this.input.value = '';
        if (file) this.importFile(file);
      },
    });
    this.button = h('button', { type: 'button', class: 'primary', 'data-testid': 'factcheck-import', onclick: () => this.input.click() });
    this.list = h('ul', { class: 'factcheck-list', 'data-testid': 'factcheck-list' });
    replace(this.root, h('div', { class: 'compare-top' }, this.title, this.count, this.button, this.input), this.list);
  }

  render() {
    if (this.root.hidden) return;
    this.title.textContent = t('fc.title');
    this.button.textContent = t('fc.import');
    this.button.title = t('fc.import.title');
    const archive = this.model.metaValue('factchecks');
    this.count.textContent = t('fc.count', { n: archive.length });
    if (!archive.length) return replace(this.list, h('li', { class: 'empty' }, t('fc.empty')));
    // Per review: the claims it rates, and apart those only about its
    // subject (related: another predicate, no verdict).
    const matched = new Map();
    for (const m of this.links.result?.factchecks ?? []) {
      if (!matched.has(m.factcheck)) matched.set(m.factcheck, { rates: [], related: [] });
      matched.get(m.factcheck)[m.related ? 'related' : 'rates'].push(m.claim);
    }
    const list = (ids, testid) => {
      const claims = ids.map((id) => this.model.claims.get(id)).filter(Boolean);
      return claims.length ? h('ul', { class: 'person-claims' }, claims.map((c) => h('li', {},
        h('span', { class: 'cmp-outlet' }, this.model.documents.get(c.doc)?.outlet || this.model.documents.get(c.doc)?.name || c.doc),
        h('a', { href: `#/doc/${encodeURIComponent(c.doc)}/${encodeURIComponent(c.id)}`, 'data-testid': testid, lang: 'id' }, shorten(c.text, 200))))) : null;
    };
    replace(this.list, archive.map((f) => {
      const { rates, related } = matched.get(f.id) ?? { rates: [], related: [] };
      const shown = (ids) => ids.filter((id) => this.model.claims.has(id)).length;
      return h('li', { class: 'factcheck', 'data-testid': 'factcheck', 'data-factcheck': f.id },
        reviewCard(f),
        h('p', { class: 'count' }, t('fc.matches', { n: shown(rates) })),
        list(rates, 'factcheck-claim'),
        related.length ? h('p', { class: 'count fc-related' }, t('fc.related.count', { n: shown(related) })) : null,
        list(related, 'factcheck-related'),
        h('button', {
          type: 'button', class: 'small danger', title: t('fc.remove.title'), 'data-testid': 'factcheck-remove',
          onclick: () => this.model.setMeta('factchecks', this.model.metaValue('factchecks').filter((x) => x.id !== f.id), ['fc.op.remove']),
        }, t('fc.remove')));
    }));
  }

  async importFile(file) {
    const fail = (why) => this.message({ text: t('fc.failed', { name: file.name, why }), level: 'error', testid: 'factcheck-error' });
    if (file.size > MAX_BYTES) return fail(t('import.toolarge', { size: bytes(file.size), limit: bytes(MAX_BYTES) }));
    let reviews;
    let skipped;
    try {
      ({ reviews, skipped } = this.readReviews(await file.text()));
    } catch (e) {
      // The core throws why as a message ({code, at}), worded here.
      return fail(e?.code ? wordMessage(e) : e?.message ?? String(e));
    }
    for (const why of skipped) this.message({ text: wordMessage(why), level: 'warning' });
    const archive = this.model.metaValue('factchecks');
    const known = new Set(archive.map((f) => f.id));
    const fresh = reviews.filter((f) => !known.has(f.id) && known.add(f.id));
    if (fresh.length) await this.model.setMeta('factchecks', [...archive, ...fresh], ['fc.op.import']);
    this.message({ text: t('fc.done', { n: fresh.length, dup: reviews.length - fresh.length }), testid: 'factcheck-done' });
  }
}

/** One archived review: what was claimed, the verdict (unless `verdict` is
 * false: a review shown only as related does not rate the claim), by whom,
 * and a link to the review (http(s) only: the file is untrusted). */
export function reviewCard(f, { verdict = true } = {}) {
  const safe = f.url && /^https?:\/\//i.test(f.url) ? f.url : null;
  return h('div', { class: 'review', 'data-testid': 'review' },
    verdict ? h('span', { class: 'rating', 'data-testid': 'review-rating' }, f.rating) : null,
    h('q', { class: 'review-claim', 'data-testid': 'review-claim' }, f.claim_reviewed),
    h('span', { class: 'review-meta' },
      [f.author ? t('fc.by', { author: f.author }) : null, f.date_published, f.claimant ? t('fc.claimant', { name: f.claimant }) : null].filter(Boolean).join(' · ')),
    safe ? h('a', { href: safe, target: '_blank', rel: 'noopener noreferrer', class: 'review-url', 'data-testid': 'review-url', title: t('fc.open') }, shorten(safe, 80)) : null);
}
