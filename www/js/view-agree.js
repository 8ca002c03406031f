// The agreement view (issue 10): how far the library's claims and other
// annotators' agree, per document and over the library, with the counts
// behind every figure. All figures come from the core (`klaim::agree`,
// wasm agreementOf); this module renders them.
//
// Hooks: data-testid="agree-view", "agree-empty", "agree-pair" (data-a,
// data-b), "agree-row" (data-doc: a document id, "" for all documents) with
// cells "agree-claims", "agree-f1-exact", "agree-f1-overlap", "agree-kind",
// "agree-modality", "agree-verdict" (data-tag); "agree-alpha" (data-field).

import { h, replace } from './dom.js';
import { t } from './i18n.js';

export class AgreeView {
  /** `wasm`: agreementOf; `curate`: the CurateView shown under the figures. */
  constructor({ root, model, wasm, curate }) {
    this.root = root;
    this.model = model;
    this.wasm = wasm;
    this.curate = curate;
    this.figures = h('div', { class: 'agree-figures' });
    this.curation = h('div', { class: 'agree-curation' });
    replace(root, this.figures, this.curation);
  }

  render() {
    const project = this.model.project();
    if (!project.annotators?.length) {
      replace(this.figures, h('p', { class: 'empty', 'data-testid': 'agree-empty' }, t('agree.empty')));
      replace(this.curation);
      return;
    }
    const agreement = JSON.parse(this.wasm.agreementOf(JSON.stringify(project)));
    replace(this.figures,
      h('h2', {}, t('agree.title')),
      h('p', { class: 'hint' }, t('agree.hint')),
      agreement.pairs.map((pair) => this.pair(pair)),
      agreement.alpha && this.alpha(agreement));
    this.curate.render(project);
    replace(this.curation, this.curate.root);
  }

  pair(pair) {
    const verdicts = pair.total.verdicts.filter((v) => v.n > 0);
    const head = h('tr', {},
      h('th', {}, t('agree.document')),
      h('th', {}, t('agree.claims')),
      h('th', {}, t('agree.f1.exact')),
      h('th', {}, t('agree.f1.overlap')),
      h('th', {}, t('agree.kind')),
      h('th', {}, t('agree.modality')),
      verdicts.map((v) => h('th', {}, v.label)));
    const row = (doc, name, f) => h('tr', { 'data-testid': 'agree-row', 'data-doc': doc },
      h('th', { scope: 'row' }, name),
      h('td', { 'data-testid': 'agree-claims' }, `${f.a_claims} / ${f.b_claims}`),
      h('td', { 'data-testid': 'agree-f1-exact' }, span(f.exact)),
      h('td', { 'data-testid': 'agree-f1-overlap' }, span(f.overlap)),
      h('td', { 'data-testid': 'agree-kind' }, kappa(f.kind)),
      h('td', { 'data-testid': 'agree-modality' }, kappa(f.modality)),
      verdicts.map((v) => {
        const k = f.verdicts.find((x) => x.tag === v.tag);
        return h('td', { 'data-testid': 'agree-verdict', 'data-tag': v.tag }, kappa(k));
      }));
    return h('section', { class: 'agree-pair', 'data-testid': 'agree-pair', 'data-a': pair.a, 'data-b': pair.b },
      h('h3', {}, t('agree.pair', { a: annotator(pair.a), b: annotator(pair.b) })),
      // The table scrolls inside itself when it is wider than the view, so
      // the view's own scroll bar (far below) is never the only way there.
      h('div', { class: 'agree-scroll', 'data-testid': 'agree-scroll', tabindex: 0 },
        h('table', { class: 'agree-table' },
          h('thead', {}, head),
          h('tbody', {},
            row('', t('agree.all'), pair.total),
            pair.documents.map((d) => row(d.id, d.name, d.figures))))));
  }

  alpha(agreement) {
    const a = agreement.alpha;
    const cell = (field, label, v) => h('li', { 'data-testid': 'agree-alpha', 'data-field': field },
      `${label}: ${number(v.alpha)} `, h('span', { class: 'count' }, t('agree.values', { n: v.values })));
    return h('section', { class: 'agree-alpha' },
      h('h3', {}, t('agree.alpha', { n: agreement.annotators.length, units: a.units })),
      h('ul', {},
        cell('spans', t('agree.spans'), a.spans),
        cell('kind', t('agree.kind'), a.kind),
        cell('modality', t('agree.modality'), a.modality),
        a.verdicts.filter((v) => v.values > 0).map((v) => cell(v.tag, v.label, v))));
  }
}

/** The library's own claims are shown as such, not by their internal name. */
export function annotator(name) {
  return name === 'library' ? t('agree.library') : name;
}

function span(s) {
  return [number(s.f1), ' ', h('span', { class: 'count' }, `(${s.matched})`)];
}

function kappa(k) {
  return [number(k.kappa), ' ', h('span', { class: 'count' }, `(${k.agree}/${k.n})`)];
}

/** Three decimals; an undefined figure (0/0) as a dash. */
export function number(x) {
  return x == null ? '–' : x.toFixed(3);
}
