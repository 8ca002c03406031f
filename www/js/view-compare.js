// Bandingkan: the library's groups of the same claim across outlets, largest
// and most conflicting first; for the chosen group, each outlet's claim in
// its own words with claimant, date and outlet, and the numbers lined up in
// one column with the disagreements marked. The user corrects the grouping
// here (split a claim out, join two groups); the corrections are stored in
// the model as one undoable step each and applied by the core.
//
// Renders only from the linker's result (links.js) and the model: no text
// is compared here.

import { h, replace, shorten, moreEntry } from './dom.js';
import { language, t } from './i18n.js';
import './i18n-across.js';

/** Groups drawn at first and at each step as the list is scrolled to its
 * end: a library of 1,000 articles has thousands of groups, and drawing
 * them all held the page's thread for most of a second (user test 5 #9). */
export const PAGE = 60;

export class CompareView {
  /** `links`: the Links service; `open(doc, claim)` shows a claim in its document. */
  constructor({ root, model, links, open }) {
    this.root = root;
    this.model = model;
    this.links = links;
    this.open = open;
    this.onlyConflicts = false;
    this.selected = null; // claim ids of the chosen group, to find it again after a run
    this.status = h('p', { class: 'count', 'data-testid': 'compare-status', role: 'status' });
    this.list = h('ol', { class: 'group-list', 'data-testid': 'group-list' });
    this.detail = h('section', { class: 'group-detail', 'data-testid': 'group-detail' });
    this.filter = h('label', { class: 'filter-toggle' }, h('input', {
      type: 'checkbox', 'data-testid': 'compare-only-conflicts',
      onchange: (e) => { this.onlyConflicts = e.target.checked; this.render(); },
    }), ' ', h('span', {}));
    this.title = h('h2', {});
    replace(this.root, h('div', { class: 'compare-top' }, this.title, this.status, this.filter),
      h('div', { class: 'compare-body' }, h('nav', { class: 'group-nav' }, this.list), this.detail));
  }

  render() {
    if (this.root.hidden) return;
    this.title.textContent = t('compare.title');
    this.filter.lastChild.textContent = t('compare.onlyconflicts');
    const result = this.links.result;
    const groups = result ? this.sorted(result.groups ?? []) : [];
    const shown = this.onlyConflicts ? groups.filter((g) => g.conflicts?.length) : groups;
    // The grouping's corrections (the people view counts its own).
    const corrections = this.model.metaValue('links').filter((c) => c.op === 'split' || c.op === 'join').length;
    this.status.textContent = this.links.error ? t('compare.failed', { why: this.links.error })
      : !result ? t('compare.working')
        : [t('compare.count', { n: shown.length }), corrections ? t('compare.corrected', { n: corrections }) : null,
          this.links.state === 'working' ? t('compare.working') : null].filter(Boolean).join(' · ');
    this.root.dataset.state = this.links.state;
    if (!shown.length) {
      replace(this.list);
      replace(this.detail, h('p', { class: 'empty' }, result ? t('compare.empty') : t('compare.working')));
      return;
    }
    const chosen = this.find(shown) ?? shown[0];
    this.selected = chosen.claims.map((c) => c.id);
    this.labels = this.label(shown, 110);
    // The chosen group is drawn even when it is further down the list.
    const at = shown.indexOf(chosen);
    this.drawn = Math.max(this.drawn ?? PAGE, PAGE, at + 1);
    this.shown = shown;
    this.chosen = chosen;
    replace(this.list, shown.slice(0, this.drawn).map((g, i) => this.item(g, i, g === chosen)), this.more());
    this.list.dataset.count = String(shown.length);
    this.renderGroup(chosen, shown);
  }

  /** The list's last entry when groups are left to draw (`moreEntry`). */
  more() {
    return moreEntry(this, {
      page: PAGE, testid: 'group-more', label: (n, left) => t('compare.more', { n, left }),
      render: (g, i) => this.item(g, i, g === this.chosen),
    });
  }

  /** Largest first (by outlets, then claims), then the most conflicting values. */
  sorted(groups) {
    const docs = (g) => g.outlets ?? new Set(g.claims.map((c) => c.doc)).size;
    const conflicting = (g) => (g.conflicts ?? []).reduce((n, c) => n + c.values.length, 0);
    return groups.map((g, i) => ({ g, i })).sort((a, b) => docs(b.g) - docs(a.g) || b.g.claims.length - a.g.claims.length
      || conflicting(b.g) - conflicting(a.g) || a.i - b.i).map(({ g }) => g);
  }

  /** The shown group sharing most claims with the one chosen before. */
  find(groups) {
    if (!this.selected) return null;
    const ids = new Set(this.selected);
    let best = null;
    let most = 0;
    for (const g of groups) {
      const n = g.claims.filter((c) => ids.has(c.id)).length;
      if (n > most) { best = g; most = n; }
    }
    return best;
  }

  item(g, i, active) {
    const outlets = g.outlets ?? new Set(g.claims.map((c) => c.doc)).size;
    const conflicts = (g.conflicts ?? []).length;
    return h('li', {},
      h('button', {
        type: 'button', class: 'group-item', 'aria-current': String(active), 'data-testid': 'group-item', 'data-group': g.id,
        'data-claims': g.claims.map((c) => c.id).join(' '),
        'data-conflicts': conflicts,
        onclick: () => { this.selected = g.claims.map((c) => c.id); this.render(); },
      },
      h('span', { class: 'group-label' }, this.labels.get(g)),
      h('span', { class: 'group-meta' },
        h('span', {}, t('compare.outlets', { n: outlets })),
        conflicts ? h('span', { class: 'conflict-badge' }, t('compare.conflicts', { n: (g.conflicts ?? []).reduce((n, c) => n + c.values.length, 0) })) : null)));
  }

  /** Each group's label: its first claim's text, cut at `n`; groups that
   * would share one (a claim may be in two groups and first in both, user
   * test 5 #14) add what their claims share, then their place in the list. */
  label(groups, n) {
    const text = (g) => shorten(this.links.claim(g.claims[0])?.text ?? g.reason ?? '', n);
    const labels = new Map(groups.map((g) => [g, text(g)]));
    const counts = (m) => {
      const c = new Map();
      for (const l of m.values()) c.set(l, (c.get(l) ?? 0) + 1);
      return c;
    };
    let seen = counts(labels);
    for (const g of groups) if (seen.get(labels.get(g)) > 1 && g.reason) labels.set(g, `${labels.get(g)} (${g.reason})`);
    seen = counts(labels);
    groups.forEach((g, i) => { if (seen.get(labels.get(g)) > 1) labels.set(g, `${labels.get(g)} #${i + 1}`); });
    return labels;
  }

  renderGroup(g, groups) {
    const conflicts = g.conflicts ?? [];
    const number = new Intl.NumberFormat(language() === 'en' ? 'en-GB' : 'id-ID', { maximumFractionDigits: 2 });
    const rows = g.claims.map((ref) => {
      const claim = this.links.claim(ref);
      const doc = this.model.documents.get(ref.doc);
      const values = conflicts.map((c) => c.values.filter((v) => v.doc === ref.doc && v.start >= ref.start && v.end <= ref.end));
      return { ref, claim, doc, values };
    }).sort((a, b) => (a.doc?.published ?? '9').localeCompare(b.doc?.published ?? '9') || (a.doc?.added ?? '').localeCompare(b.doc?.added ?? ''));
    // The values of each conflict, counted: the most frequent is the one the
    // others are marked against (ties: none is the majority, all are marked).
    const majority = conflicts.map((c) => {
      const counts = new Map();
      for (const v of c.values) counts.set(v.value, (counts.get(v.value) ?? 0) + 1);
      const sorted = [...counts.entries()].sort((a, b) => b[1] - a[1]);
      return sorted.length > 1 && sorted[0][1] > sorted[1][1] ? sorted[0][0] : null;
    });
    const cols = String(Math.max(1, conflicts.length));
    // The outlet and its date share a column, and the split button sits
    // under the claim: at 1400 px beside the group list, a column each
    // pushed a second number column and the button off the panel (user
    // test 5 #7).
    const head = h('div', { class: 'cmp-row cmp-head', role: 'row', 'data-cols': cols },
      h('span', { role: 'columnheader' }, `${t('compare.outlet')} · ${t('compare.date')}`),
      h('span', { role: 'columnheader' }, t('compare.claimant')),
      h('span', { role: 'columnheader' }, t('compare.claim')),
      conflicts.length ? conflicts.map((c) => h('span', { role: 'columnheader', class: 'num' }, t('compare.number', { unit: c.unit })))
        : h('span', { role: 'columnheader', class: 'num' }, t('compare.numbers')));
    const body = rows.map(({ ref, claim, doc, values }) => h('div', {
      class: 'cmp-row', role: 'row', 'data-testid': 'compare-row', 'data-claim-id': claim?.id ?? '', 'data-doc': ref.doc,
      'data-cols': cols,
    },
    h('span', { role: 'cell', class: 'cmp-source' },
      h('span', { class: 'cmp-outlet', 'data-testid': 'compare-outlet' }, doc?.outlet || values.flat()[0]?.outlet || t('compare.nooutlet')),
      h('small', {}, shorten(doc?.name ?? ref.doc, 48)),
      h('span', { class: 'cmp-date' }, doc?.published ?? '—')),
    h('span', { role: 'cell', class: 'cmp-claimant' }, claim?.claimant ? (claim.claimant.resolved || claim.claimant.text) : h('em', {}, t('compare.voice')),
      claim && claim.modality !== 'asserted' ? h('span', { class: `badge mod-${claim.modality}` }, t(`modality.${claim.modality}`)) : null),
    h('span', { role: 'cell', class: 'cmp-text' },
      h('a', {
        href: `#/doc/${encodeURIComponent(ref.doc)}/${encodeURIComponent(claim?.id ?? '')}`, 'data-testid': 'compare-open', title: t('compare.open'), lang: 'id',
      }, claim?.text ?? ref.text ?? ''),
      claim ? h('button', {
        type: 'button', class: 'small', 'data-testid': 'compare-split', title: t('compare.split.title'),
        onclick: () => this.split(claim.id, g),
      }, t('compare.split')) : null),
    conflicts.length ? values.map((vs, k) => h('span', { role: 'cell', class: 'num' }, vs.map((v) => {
      const odd = majority[k] == null || v.value !== majority[k];
      return h('span', {
        class: `cmp-value${odd ? ' disagrees' : ''}`, 'data-testid': 'compare-value', 'data-value': v.value, 'data-conflict': String(odd),
        title: odd ? t('compare.conflict') : t('compare.agree'),
      }, h('span', { class: 'cmp-figure' }, odd ? '⚠ ' : '', number.format(v.value)),
      h('small', {}, [v.qualifier, v.text].filter(Boolean).join(' ')),
      v.modality && v.modality !== 'asserted' ? h('small', { class: `mod-${v.modality}` }, t(`modality.${v.modality}`)) : null);
    })))
      : h('span', { role: 'cell', class: 'num' }, (claim?.quantities ?? []).map((q) => h('span', { class: 'cmp-value' }, q.text)))));

    const differ = conflicts.map((c) => {
      const distinct = [...new Set(c.values.map((v) => v.value))].sort((a, b) => a - b);
      return h('p', { class: 'cmp-differ', 'data-testid': 'compare-conflict' }, '⚠ ',
        t('compare.differ', { values: `${distinct.map((v) => number.format(v)).join(' · ')} ${c.unit}` }));
    });
    const others = groups.filter((x) => x !== g);
    // Thousands of groups make thousands of options: they are made when the
    // menu is first used, unless there are few.
    const options = () => [...this.label(others, 70)].map(([x, label]) => h('option', { value: x.id }, `${t('compare.outlets', { n: x.outlets ?? new Set(x.claims.map((c) => c.doc)).size })}: ${label}`));
    let filled = others.length <= PAGE;
    const fill = () => { if (!filled) { filled = true; pick.append(...options()); } };
    const pick = h('select', { 'data-testid': 'compare-join-pick', 'aria-label': t('compare.join'), onfocus: fill, onpointerdown: fill },
      h('option', { value: '' }, t('compare.join.pick')), filled ? options() : null);
    replace(this.detail,
      g.reason ? h('p', { class: 'cmp-reason', 'data-testid': 'compare-reason' }, h('strong', {}, `${t('compare.reason')}: `), g.reason) : null,
      differ,
      h('div', { class: 'cmp-table', role: 'table', 'data-cols': cols }, head, body),
      others.length ? h('div', { class: 'row cmp-join' }, h('span', {}, t('compare.join')), pick,
        h('button', {
          type: 'button', 'data-testid': 'compare-join', onclick: () => {
            const other = others.find((x) => x.id === pick.value);
            if (other) this.join(g, other);
          },
        }, t('compare.join.run'))) : null);
  }

  split(id, g) {
    const from = g.claims.map((c) => c.id).filter((x) => x && x !== id);
    if (!from.length) return;
    this.selected = from;
    this.model.setMeta('links', [...this.model.metaValue('links'), { op: 'split', claim: id, from }], ['op.split']);
  }

  join(a, b) {
    const ids = (g) => g.claims.map((c) => c.id).filter(Boolean);
    this.selected = [...ids(a), ...ids(b)];
    this.model.setMeta('links', [...this.model.metaValue('links'), { op: 'join', groups: [ids(a), ids(b)] }], ['op.join']);
  }
}
