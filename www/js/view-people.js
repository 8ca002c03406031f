// Orang & lembaga: each person or body the linker found claiming in two or
// more documents, with the other names it goes by, its roles as the
// articles give them, and its claims across the library. Filtered by name,
// alias or role (matched by the core's search, as the claims table is) and
// by outlet. The grouping of people can be corrected: a claimant split out
// of a person (`split-person`), two people joined (`join-people`); the
// corrections go into the project's `links` meta record beside the claim
// groups' (undoable, stored, exported) and the core's linker applies them.

import { h, replace, shorten, moreEntry } from './dom.js';
import { t } from './i18n.js';
import './i18n-across.js';

/** People drawn at first and at each step as the list is scrolled to its
 * end, and claims shown per person until the user asks for all: a library
 * of 1,000 articles has people with hundreds of claims. */
const PAGE = 40;
const CLAIMS = 12;

export class PeopleView {
  /** `kernel.searchStarts` matches the name filter; `links`: the Links service. */
  constructor({ root, model, kernel, links }) {
    this.root = root;
    this.model = model;
    this.kernel = kernel;
    this.links = links;
    this.query = '';
    this.outlet = '';
    /** The person being joined to another ({id, name, claims}), or null. */
    this.joining = null;
    this.title = h('h2', {});
    this.count = h('p', { class: 'count', 'data-testid': 'people-count', role: 'status' });
    this.search = h('input', {
      type: 'search', 'data-testid': 'people-filter',
      oninput: (e) => { this.query = e.target.value; this.render(); },
    });
    this.outlets = h('select', { 'data-testid': 'people-outlet', onchange: (e) => { this.outlet = e.target.value; this.render(); } });
    this.list = h('ul', { class: 'people-list', 'data-testid': 'people-list' });
    // Who is listed, and what a join waits for.
    this.hint = h('p', { class: 'hint', 'data-testid': 'people-hint' });
    replace(this.root, h('div', { class: 'compare-top' }, this.title, this.count),
      h('div', { class: 'row' }, this.search, this.outlets), this.hint, this.list);
  }

  render() {
    if (this.root.hidden) return;
    this.title.textContent = t('people.title');
    this.search.placeholder = t('people.filter');
    this.search.setAttribute('aria-label', t('people.filter'));
    this.hint.textContent = this.joining ? t('people.joining', { name: this.joining.name }) : t('people.hint');
    const result = this.links.result;
    this.order = new Map(this.model.documentList().map((d, i) => [d.id, i]));
    const people = (result?.people ?? []).map((p) => this.person(p));
    this.renderOutlets(people);
    let shown = this.outlet ? people.filter((p) => p.claims.some((c) => this.outletOf(c.doc) === this.outlet)) : people;
    if (this.query.trim()) shown = this.matching(shown, this.query.trim());
    shown.sort((a, b) => b.docs - a.docs || b.claims.length - a.claims.length || a.name.localeCompare(b.name, 'id'));
    const corrected = this.model.metaValue('links').filter((c) => c.op === 'split-person' || c.op === 'join-people').length;
    this.count.textContent = !result ? t('compare.working')
      : [t('people.count', { n: shown.length }), corrected ? t('people.corrected', { n: corrected }) : null].filter(Boolean).join(' · ');
    if (this.joining && !people.some((p) => p.id === this.joining.id)) this.joining = null;
    if (!shown.length) {
      replace(this.list, h('li', { class: 'empty' }, result ? (people.length ? t('people.nomatch') : t('people.empty')) : t('compare.working')));
      return;
    }
    this.shown = shown;
    this.drawn = Math.max(PAGE, this.drawn ?? 0);
    replace(this.list, shown.slice(0, this.drawn).map((p) => this.entry(p)), this.more());
    this.list.dataset.count = String(shown.length);
  }

  /** The list's last entry when people are left to draw (`moreEntry`). */
  more() {
    return moreEntry(this, {
      page: PAGE, testid: 'people-more', label: (n, left) => t('people.more', { n, left }),
      render: (p) => this.entry(p),
    });
  }

  /** One person: name, roles, other names, and their first CLAIMS claims
   * (all of them once asked). */
  entry(p) {
    const all = this.whole?.has(p.id) || p.claims.length <= CLAIMS;
    const claims = all ? p.claims : p.claims.slice(0, CLAIMS);
    return h('li', {
      class: 'person', 'data-testid': 'person', 'data-person': p.id, 'data-claims': p.claims.map((c) => c.id).join(' '),
    },
      h('div', { class: 'person-head' },
        h('h3', {}, p.name, ' ', h('span', { class: 'count' }, t('people.claims', { n: p.claims.length, docs: p.docs }))),
        this.joinButton(p)),
      p.roles.length ? h('p', { class: 'person-roles', 'data-testid': 'person-roles', lang: 'id' }, p.roles.join(' · ')) : null,
      p.aliases.length ? h('p', { class: 'hint', 'data-testid': 'person-aliases', lang: 'id' }, t('people.aliases', { names: p.aliases.join(' · ') })) : null,
      h('ul', { class: 'person-claims' }, claims.map((c) => {
        const doc = this.model.documents.get(c.doc);
        return h('li', {},
          h('span', { class: 'cmp-outlet' }, this.outletOf(c.doc)),
          h('span', { class: 'cmp-date' }, doc?.published ?? ''),
          h('a', { href: `#/doc/${encodeURIComponent(c.doc)}/${encodeURIComponent(c.id)}`, 'data-testid': 'person-claim', lang: 'id', title: t('compare.open') }, shorten(c.text, 220)),
          h('button', {
            type: 'button', class: 'small', 'data-testid': 'person-split', 'data-claim-id': c.id, title: t('people.split.title'),
            onclick: () => this.split(c, p),
          }, t('people.split')));
      })),
      all ? null : h('button', {
        type: 'button', class: 'small', 'data-testid': 'person-all-claims',
        onclick: () => { (this.whole ??= new Set()).add(p.id); this.render(); },
      }, t('people.allclaims', { n: p.claims.length })));
  }

  /** The join control of person `p`: start a join, cancel it, or join the
   * person being joined with this one. */
  joinButton(p) {
    if (!this.joining) {
      return h('button', {
        type: 'button', class: 'small', 'data-testid': 'person-join', title: t('people.join.title'),
        onclick: () => { this.joining = { id: p.id, name: p.name, claims: p.claims.map((c) => c.id) }; this.render(); },
      }, t('people.join'));
    }
    if (this.joining.id === p.id) {
      return h('button', {
        type: 'button', class: 'small', 'data-testid': 'person-join-cancel',
        onclick: () => { this.joining = null; this.render(); },
      }, t('people.join.cancel'));
    }
    return h('button', {
      type: 'button', class: 'small primary', 'data-testid': 'person-join-here',
      onclick: () => this.join(this.joining.claims, p.claims.map((c) => c.id)),
    }, t('people.join.here', { name: this.joining.name }));
  }

  /** Takes claim `c`'s claimant (as its document names it) out of person `p`. */
  split(c, p) {
    const from = p.claims.filter((o) => o.doc !== c.doc).map((o) => o.id);
    if (!from.length) return;
    this.model.setMeta('links', [...this.model.metaValue('links'), { op: 'split-person', claim: c.id, from }], ['op.split-person']);
  }

  /** Makes one person of the people whose claims are `a` and `b`. */
  join(a, b) {
    this.joining = null;
    this.model.setMeta('links', [...this.model.metaValue('links'), { op: 'join-people', people: [a, b] }], ['op.join-people']);
  }

  /** A person of the result with the model's claims their mentions are the claimants of. */
  person(p) {
    const claims = [];
    const names = new Set();
    // The core lists the claims (`claims`, with ids); an older result only the mentions.
    const refs = p.claims ? p.claims.map((ref) => [this.model.claims.get(ref.id)].filter(Boolean))
      : p.mentions.map((m) => this.model.claimsOf(m.doc).filter((c) => c.claimant && c.claimant.start === m.start && c.claimant.end === m.end));
    for (const found of refs) {
      for (const c of found) {
        if (claims.includes(c)) continue;
        claims.push(c);
        names.add(c.claimant.resolved || c.claimant.text);
      }
    }
    const order = this.order;
    claims.sort((a, b) => (order.get(a.doc) ?? 0) - (order.get(b.doc) ?? 0) || a.start - b.start);
    // The core names the other forms and the roles; an older result only the mentions.
    const aliases = p.aliases ?? [...names].filter((n) => n !== p.name);
    const roles = p.roles ?? [];
    return { id: p.id, name: p.name, aliases, roles, claims, docs: new Set(claims.map((c) => c.doc)).size };
  }

  outletOf(docId) {
    const doc = this.model.documents.get(docId);
    return doc?.outlet || doc?.name || docId;
  }

  renderOutlets(people) {
    const outlets = [...new Set(people.flatMap((p) => p.claims.map((c) => this.outletOf(c.doc))))].sort((a, b) => a.localeCompare(b, 'id'));
    replace(this.outlets, h('option', { value: '' }, t('people.outlet')), outlets.map((o) => h('option', { value: o }, o)));
    this.outlets.value = outlets.includes(this.outlet) ? this.outlet : '';
  }

  /** The people whose names (any form) or roles match `q`, matched by the core in one call. */
  matching(people, q) {
    const starts = [];
    let at = 0;
    const joined = people.map((p) => {
      const text = `${p.name}\n${p.aliases.join('\n')}\n${p.roles.join('\n')}\u0000`;
      starts.push(at);
      at += text.length;
      return text;
    }).join('');
    const keep = new Set();
    for (const hit of this.kernel.searchStarts(joined, q, people.length * 4)) {
      let k = starts.length - 1;
      while (k > 0 && starts[k] > hit) k--;
      keep.add(k);
    }
    return people.filter((_, i) => keep.has(i));
  }
}
