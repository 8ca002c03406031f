// Adjudication (issue 10): the library's claims and one annotator's side by
// side, keyboard first. The core pairs them (`klaim::agree::curate`, wasm
// curationItems); a choice edits the library (the chosen side's claim
// replaces or joins the library's, or the library's is rejected) and appends
// a decision {doc, start, end, chose, claim, by, at} to the project's
// `decisions`, in one undoable operation. The library is then the merged
// result and exports like any other.
//
// Keys (while the view is shown): j/k or arrows move, 1 keeps the library's
// side, 2 takes the annotator's (their rejection, or their having no claim
// there, rejects the library's), x takes neither, e records `edited` and opens
// the library's claim to edit,
// A accepts every agreement at once. Ctrl+Z undoes as anywhere.
//
// Hooks: data-testid="curate", "curate-annotator" (<select>),
// "curate-reviewer" (<input>), "curate-open" (open disagreements),
// "curate-accept-all", "curate-item" (data-state: same | open | decided,
// data-doc, data-start, data-end), inside it "curate-library",
// "curate-other" (each with "curate-field" rows, data-field, data-differs
// on the fields in which the sides differ), and buttons "curate-pick-library", "curate-pick-other",
// "curate-pick-none", "curate-edit".

import { h, replace } from './dom.js';
import { t } from './i18n.js';
import { newId, now } from './model.js';
import { annotator } from './view-agree.js';

const REVIEWER_KEY = 'klaim-reviewer';

export class CurateView {
  /** `open(doc, claim)`: shows a claim in the document view for editing. */
  constructor({ model, wasm, open }) {
    this.model = model;
    this.wasm = wasm;
    this.open = open;
    this.root = h('section', { class: 'curate', 'data-testid': 'curate' });
    this.name = null;
    this.at = 0;
    this.items = [];
  }

  render(project = this.model.project()) {
    const names = (project.annotators ?? []).map((a) => a.name);
    if (!names.includes(this.name)) this.name = names[0] ?? null;
    if (!this.name) return replace(this.root);
    this.items = JSON.parse(this.wasm.curationItems(JSON.stringify(project), this.name));
    const open = this.items.filter((i) => state(i) === 'open').length;
    const same = this.items.filter((i) => state(i) === 'same' && !i.decision).length;
    this.at = Math.min(this.at, Math.max(0, this.items.length - 1));
    const select = h('select', { 'data-testid': 'curate-annotator', 'aria-label': t('curate.annotator'), onchange: () => { this.name = select.value; this.at = 0; this.render(); } },
      names.map((n) => h('option', { value: n, selected: n === this.name }, n)));
    const reviewer = h('input', {
      type: 'text', 'data-testid': 'curate-reviewer', value: this.reviewer(), 'aria-label': t('curate.reviewer'),
      onchange: () => localStorage.setItem(REVIEWER_KEY, reviewer.value.trim()),
    });
    replace(this.root,
      h('h2', {}, t('curate.title')),
      h('p', { class: 'hint' }, t('curate.keys')),
      h('div', { class: 'row' },
        h('label', {}, t('curate.annotator'), ' ', select),
        h('label', {}, t('curate.reviewer'), ' ', reviewer),
        h('span', { 'data-testid': 'curate-open', 'data-n': open }, t('curate.open', { n: open })),
        h('button', { type: 'button', 'data-testid': 'curate-accept-all', disabled: same === 0, onclick: () => this.acceptAgreements() },
          t('curate.acceptall', { n: same }))),
      h('ol', { class: 'curate-list' }, this.items.map((item, i) => this.row(item, i))));
  }

  row(item, i) {
    const st = state(item);
    const doc = this.model.documents.get(item.doc);
    const side = (claim, testid) => h('div', { class: 'curate-side', 'data-testid': testid },
      claim ? describe(claim, (id) => this.model.tagLabel(id), item.differs ?? []) : h('em', {}, t('curate.noclaim')));
    const pick = (chose, testid, key, enabled = true) => h('button', {
      type: 'button', 'data-testid': testid, disabled: !enabled, onclick: () => { this.at = i; this.decide(item, chose); },
    }, t(key));
    const decided = item.decision
      ? h('p', { class: 'curate-decision' }, t('curate.decided', { who: item.decision.by, side: sideName(item.decision.chose), at: item.decision.at.slice(0, 16).replace('T', ' ') }))
      : null;
    return h('li', {
      class: `curate-item ${st}${i === this.at ? ' focus' : ''}`, 'data-testid': 'curate-item', 'data-state': st,
      'data-doc': item.doc, 'data-start': item.start, 'data-end': item.end, tabindex: i === this.at ? 0 : -1,
      onclick: () => { this.at = i; this.highlight(); },
    },
      h('div', { class: 'curate-where' }, `${doc?.name ?? item.doc} · ${item.start}–${item.end}`),
      h('div', { class: 'curate-sides' },
        h('div', {}, h('h4', {}, annotator('library')), side(item.library, 'curate-library')),
        h('div', {}, h('h4', {}, this.name), side(item.other, 'curate-other'))),
      decided,
      h('div', { class: 'row' },
        pick('library', 'curate-pick-library', 'curate.pick.library'),
        pick(this.name, 'curate-pick-other', 'curate.pick.other'),
        pick('none', 'curate-pick-none', 'curate.pick.none', !!item.library),
        h('button', { type: 'button', 'data-testid': 'curate-edit', disabled: !item.library, onclick: () => { this.at = i; this.edit(item); } }, t('curate.edit'))));
  }

  /** Handles a key while the view is shown; whether it was used. */
  key(e) {
    const item = this.items[this.at];
    const act = {
      j: () => this.move(1), ArrowDown: () => this.move(1),
      k: () => this.move(-1), ArrowUp: () => this.move(-1),
      1: () => item && this.decide(item, 'library'),
      2: () => item && this.decide(item, this.name),
      x: () => item?.library && this.decide(item, 'none'),
      e: () => item?.library && this.edit(item),
      A: () => this.acceptAgreements(),
    }[e.key];
    if (!act) return false;
    act();
    return true;
  }

  move(step) {
    if (!this.items.length) return;
    this.at = Math.max(0, Math.min(this.items.length - 1, this.at + step));
    this.highlight();
  }

  highlight() {
    this.root.querySelectorAll('.curate-item').forEach((li, i) => {
      li.classList.toggle('focus', i === this.at);
      li.tabIndex = i === this.at ? 0 : -1;
      if (i === this.at) li.scrollIntoView({ block: 'nearest' });
    });
  }

  reviewer() {
    return localStorage.getItem(REVIEWER_KEY) || t('curate.me');
  }

  /** Applies one choice to the library and records it: one undoable step. */
  decide(item, chose) {
    const changes = [];
    // The library's claim here; for a span only the annotator has, a claim
    // the library rejected at the same span is the one to take back.
    const mine = item.library
      ? this.model.claims.get(item.library.id)
      : this.model.claimsOf(item.doc).find((c) => item.other && c.start === item.other.start && c.end === item.other.end);
    const at = now();
    let result = mine?.id ?? null;
    if (chose === 'library' && mine?.status === 'rejected') {
      // The library's own rejection stands.
      result = null;
    } else if (chose === 'library' || chose === 'edited') {
      if (mine && mine.status !== 'accepted') changes.push(this.model.update('claims', mine, { status: 'accepted', edited: at }));
    } else if (chose === 'none' || !item.other || item.other.status === 'rejected') {
      // Neither, or the annotator's side, which is no claim here.
      if (mine) changes.push(this.model.update('claims', mine, { status: 'rejected', edited: at }));
      result = null;
    } else {
      // The annotator's claim, as the library's: its span and every field.
      const { id: _id, ...theirs } = item.other;
      const fields = { ...theirs, claimant: theirs.claimant ?? null, cue: theirs.cue ?? null, via: theirs.via ?? null, status: 'accepted', edited: at };
      if (mine) {
        changes.push(this.model.update('claims', mine, fields));
      } else {
        const id = `${item.doc}#a${newId('')}`;
        changes.push({ store: 'claims', key: id, before: null, after: { ...fields, id, doc: item.doc, origin: 'imported', rev: 1 } });
        result = id;
      }
    }
    const decision = { doc: item.doc, start: item.start, end: item.end, chose, by: this.reviewer(), at };
    if (result) decision.claim = result;
    changes.push(this.model.extraChange('decisions', [...this.model.extras.decisions, decision]));
    this.at = Math.min(this.at + 1, this.items.length - 1);
    return this.model.apply(changes, { label: ['op.decide'] });
  }

  /** The reviewer writes their own version: recorded as `edited`, then the
   * library's claim opens in the document view. */
  async edit(item) {
    await this.decide(item, 'edited');
    this.open(item.doc, item.library.id);
  }

  /** Every pair both sides agree on, not yet decided, accepted at once. */
  acceptAgreements() {
    const at = now();
    const changes = [];
    const decisions = [...this.model.extras.decisions];
    for (const item of this.items) {
      if (state(item) !== 'same' || item.decision) continue;
      const mine = this.model.claims.get(item.library.id);
      if (mine && mine.status !== 'accepted') changes.push(this.model.update('claims', mine, { status: 'accepted', edited: at }));
      decisions.push({ doc: item.doc, start: item.start, end: item.end, chose: 'both', claim: item.library.id, by: this.reviewer(), at });
    }
    if (decisions.length === this.model.extras.decisions.length) return;
    changes.push(this.model.extraChange('decisions', decisions));
    this.model.apply(changes, { label: ['op.decide.all'] });
  }
}

/** same: nothing to decide; decided: a decision was taken; open: to do. */
function state(item) {
  if (item.same) return 'same';
  return item.decision ? 'decided' : 'open';
}

function sideName(chose) {
  if (chose === 'library') return annotator('library');
  if (chose === 'edited') return t('curate.edited');
  if (chose === 'none') return t('curate.pick.none');
  if (chose === 'both') return t('curate.both');
  return chose;
}

/** A claim's span, claimant, kind, modality, tags, status and note, as
 * text, worded as everywhere in the page; the fields in which the two sides
 * differ (`differs`, from the core) are marked. */
function describe(c, tagLabel, differs) {
  const field = (name, label, value) => [
    h('dt', { 'data-testid': 'curate-field', 'data-field': name, 'data-differs': differs.includes(name) }, label),
    h('dd', { 'data-differs': differs.includes(name) }, value),
  ];
  return [
    h('q', { 'data-differs': differs.includes('span') }, c.text),
    h('dl', {},
      field('claimant', t('curate.claimant'), c.claimant?.resolved || c.claimant?.text || '–'),
      field('kind', t('agree.kind'), t(`kind.${c.kind}`)),
      field('modality', t('agree.modality'), t(`modality.${c.modality}`)),
      field('tags', t('curate.tags'), c.tags.map(tagLabel).join(', ') || '–'),
      field('status', t('curate.status'), t(`status.${c.status}`)),
      c.note ? field('note', t('curate.note'), c.note) : null),
  ];
}
