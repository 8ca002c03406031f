// The claim details panel: every field of the selected claim, editable.
// The form is built once per selected claim; later model changes only refill
// its values (never the control being typed in), so typing keeps its focus.

import { h, replace } from './dom.js';
import { dateTime, t } from './i18n.js';
import { restoredFields } from './store.js';

const KINDS = ['quote', 'reported', 'unattributed'];
const MODALITIES = ['asserted', 'hedged', 'denied'];
// The claimant's `type` in the project file (src/report.rs); '' is "not said".
const CLAIMANT_TYPES = ['person', 'organisation', 'group', 'outlet'];

export class DetailsView {
  /** `selection()` returns the document view's selected text or null. */
  constructor({ root, model, kernel, selection, message }) {
    this.root = root;
    this.model = model;
    this.kernel = kernel;
    this.selection = selection;
    this.message = message;
    this.claimId = null;
    this.built = null;
    /** Set by the page: `extras(claim)` gives nodes shown under the claim's text. */
    this.extras = null;
  }

  show(claimId) {
    const claim = claimId && this.model.claims.get(claimId);
    if (!claim) {
      this.claimId = null;
      this.built = null;
      replace(this.root, h('p', { class: 'empty' }, t('details.none')));
      return;
    }
    if (claimId !== this.claimId || !this.built || this.built.tagsKey !== this.tagsKey() || this.built.nq !== claim.quantities.length) {
      this.claimId = claimId;
      this.build(claim);
    }
    this.fill(claim);
  }

  refresh() {
    this.show(this.claimId);
  }

  /** After a language switch: the form is rebuilt with its labels in the new language. */
  relabel() {
    this.built = null;
    this.refresh();
  }

  tagsKey() {
    return this.model.tags.map((tag) => `${tag.id}:${tag.label}`).join('|');
  }

  edit(fields, label, coalesce) {
    this.model.editClaim(this.claimId, fields, label, coalesce ? { coalesce: `${coalesce}:${this.claimId}` } : {});
  }

  /** A span field from the document selection, or a message when there is none. */
  fromSelection(make) {
    const sel = this.selection();
    if (!sel) return this.message({ key: 'details.nosel', level: 'error' });
    make({ start: sel.cpStart, end: sel.cpEnd, text: sel.text });
  }

  build(claim) {
    const id = claim.id;
    const field = (labelKey, ...controls) => h('div', { class: 'field' }, h('span', { class: 'field-label' }, t(labelKey)), h('div', { class: 'field-body' }, ...controls));
    const select = (name, values, prefix) => h('select', {
      'data-field': name, 'data-testid': `claim-${name}`,
      onchange: (e) => this.edit({ [name]: e.target.value }, ['op.edit']),
    }, values.map((v) => h('option', { value: v }, t(`${prefix}.${v}`))));
    const spanField = (name, labelKey, extra) => field(labelKey,
      h('span', { class: 'span-text', 'data-span': name }),
      extra ?? null,
      h('span', { class: 'buttons' },
        h('button', {
          type: 'button', class: 'small', 'data-testid': `claim-${name}-from-selection`, onmousedown: (e) => e.preventDefault(),
          onclick: () => this.fromSelection((s) => {
            if (name === 'claimant') {
              // A selection that names the same claimant (one name's words
              // hold the other's: `Kirby` and `John Kirby`, `Menteri Budi
              // Santoso` and `Budi Santoso`) moves the mention and keeps the
              // resolved name, type, role and affiliation. Another name is a
              // new claimant, named as selected, whose identity is not known.
              const old = this.model.claims.get(id).claimant;
              const same = !!old?.resolved && sameName(old.resolved, s.text);
              const identity = same ? { type: old.type ?? null, role: old.role ?? null, affiliation: old.affiliation ?? null } : { type: null, role: null, affiliation: null };
              this.edit({ claimant: { ...s, resolved: same ? old.resolved : s.text, ...identity } }, ['op.edit']);
            } else {
              this.edit({ [name]: s }, ['op.edit']);
            }
          }),
        }, t('details.fromsel')),
        h('button', { type: 'button', class: 'small', 'data-clear': name, onclick: () => this.edit({ [name]: null }, ['op.edit']) }, t('details.clear'))));

    const tags = h('div', { class: 'tag-buttons', role: 'group', 'aria-label': t('details.tags') },
      this.model.tags.map((tag, i) => h('button', {
        type: 'button', class: `tag-toggle${tag.verdict ? ' verdict' : ''}`, 'data-tag': tag.id, 'data-testid': `tag-${tag.id}`,
        'aria-pressed': 'false', onclick: () => this.model.toggleTag(id, tag.id),
        title: i < 9 ? `${i + 1}` : null,
      }, i < 9 ? h('kbd', {}, String(i + 1)) : null, tag.label)));

    const quantities = h('div', { class: 'quantities' }, claim.quantities.map((q, i) => h('div', { class: 'quantity', 'data-q': i },
      h('span', { class: 'span-text' }, q.text),
      h('label', {}, t('details.value'), h('input', { type: 'number', step: 'any', 'data-qfield': 'value', onchange: (e) => this.editQuantity(i, { value: Number(e.target.value) }) })),
      h('label', {}, t('details.unit'), h('input', { type: 'text', 'data-qfield': 'unit', oninput: (e) => this.editQuantity(i, { unit: e.target.value }, 'unit') })),
      h('label', {}, t('details.qualifier'), h('input', { type: 'text', 'data-qfield': 'qualifier', oninput: (e) => this.editQuantity(i, { qualifier: e.target.value || null }, 'qualifier') })),
      h('button', { type: 'button', class: 'small', title: t('details.clear'), onclick: () => this.edit({ quantities: this.model.claims.get(id).quantities.filter((_, j) => j !== i) }, ['op.edit']) }, '×'))),
      h('button', {
        type: 'button', class: 'small', onmousedown: (e) => e.preventDefault(),
        onclick: () => this.fromSelection((s) => {
          // The core reads the selection as it reads quantities in claims;
          // what it cannot read starts empty for the user to fill in.
          const read = this.kernel.quantityIn(s.text) ?? { value: 0, unit: '', qualifier: null };
          this.edit({ quantities: [...this.model.claims.get(id).quantities, { ...s, ...read }] }, ['op.edit']);
        }),
      }, t('details.addquantity')));

    const form = h('div', { class: 'details', 'data-testid': 'claim-details', 'data-claim-id': id },
      h('div', { class: 'details-head' },
        h('h3', {}, t('details.title')),
        h('span', { class: 'status-badge', 'data-status-badge': '' }),
        h('div', { class: 'decision' },
          h('button', { type: 'button', class: 'accept', 'data-testid': 'claim-accept', onclick: () => this.edit({ status: 'accepted' }, ['op.status']), title: 'A' }, t('details.accept')),
          h('button', { type: 'button', class: 'reject', 'data-testid': 'claim-reject', onclick: () => this.edit({ status: 'rejected' }, ['op.status']), title: 'R' }, t('details.reject')),
          h('button', { type: 'button', class: 'small', onclick: () => this.edit({ status: 'pending' }, ['op.status']), title: 'U' }, t('details.reset')))),
      h('blockquote', { class: 'claim-text', 'data-testid': 'claim-text' }),
      h('div', { class: 'claim-extras', 'data-extras': '' }),
      field('details.span', h('span', { class: 'span-numbers', 'data-span-numbers': '' }),
        h('button', {
          type: 'button', class: 'small', 'data-testid': 'claim-span-from-selection', onmousedown: (e) => e.preventDefault(),
          onclick: () => this.fromSelection((s) => this.edit({ start: s.start, end: s.end, text: s.text }, ['op.edit'])),
        }, t('details.fromsel'))),
      field('details.kind', select('kind', KINDS, 'kind')),
      field('details.modality', select('modality', MODALITIES, 'modality')),
      spanField('claimant', 'details.claimant',
        h('label', { class: 'inline' }, t('details.resolved'), h('input', {
          type: 'text', 'data-field': 'resolved', 'data-testid': 'claim-claimant',
          oninput: (e) => {
            const c = this.model.claims.get(id).claimant;
            if (c) this.edit({ claimant: { ...c, resolved: e.target.value } }, ['op.edit'], 'resolved');
          },
        }))),
      field('details.identity',
        h('label', { class: 'inline' }, t('details.claimant.type'), h('select', {
          'data-field': 'claimant-type', 'data-testid': 'claim-claimant-type',
          onchange: (e) => this.editClaimant(id, { type: e.target.value || null }),
        }, h('option', { value: '' }, t('details.none.value')), CLAIMANT_TYPES.map((v) => h('option', { value: v }, t(`claimant.${v}`))))),
        h('label', { class: 'inline' }, t('details.role'), h('input', {
          type: 'text', 'data-field': 'role', 'data-testid': 'claim-role',
          oninput: (e) => this.editClaimant(id, { role: e.target.value.trim() ? e.target.value : null }, 'role'),
        })),
        h('label', { class: 'inline' }, t('details.affiliation'), h('input', {
          type: 'text', 'data-field': 'affiliation', 'data-testid': 'claim-affiliation',
          oninput: (e) => this.editClaimant(id, { affiliation: e.target.value.trim() ? e.target.value : null }, 'affiliation'),
        })),
        // How many claims an identity edit reaches, and the choice of this one only.
        h('p', { class: 'hint identity-reach', 'data-identity-reach': '', 'data-testid': 'claim-identity-reach', role: 'status' }),
        h('label', { class: 'inline' }, h('input', {
          type: 'checkbox', 'data-field': 'identity-one', 'data-testid': 'claim-identity-one',
          onchange: () => this.fillReach(),
        }), t('details.identity.one'))),
      spanField('cue', 'details.cue'),
      spanField('via', 'details.via'),
      field('details.quantities', quantities),
      field('details.tags', tags),
      field('details.note', h('textarea', {
        'data-field': 'note', 'data-testid': 'claim-note', rows: 3,
        oninput: (e) => this.edit({ note: e.target.value }, ['op.note'], 'note'),
        onblur: (e) => { if (!leavesFor(e, '[data-note-remote]')) form.querySelector('[data-note-remote]').hidden = true; },
      }), h('p', { class: 'note-remote', 'data-note-remote': '', 'data-testid': 'claim-note-remote', role: 'status', hidden: true },
        h('span', {}, t('details.note.remote')), ' ', h('button', { type: 'button', class: 'small', 'data-testid': 'remote-restore', hidden: true }, t('details.remote.restore')))),
      // Relations another tool drew between this claim and others (issue 10).
      h('ul', { class: 'relations', 'data-relations': '', 'data-testid': 'claim-relations' }),
      h('div', { class: 'conflicts', 'data-conflicts': '', role: 'status' }),
      h('p', { class: 'meta', 'data-meta': '' }),
      h('button', {
        type: 'button', class: 'small danger', 'data-testid': 'claim-delete',
        // Two steps: Tab from the note lands here, and one Enter must not delete.
        onclick: (e) => {
          const b = e.currentTarget;
          if (b.dataset.armed) return this.model.deleteClaim(id);
          b.dataset.armed = '1';
          b.textContent = t('details.delete.confirm');
          setTimeout(() => { delete b.dataset.armed; b.textContent = t('details.delete'); }, 4000);
        },
      }, t('details.delete')));
    replace(this.root, form);
    this.built = { form, tagsKey: this.tagsKey(), nq: claim.quantities.length };
  }

  /** Changes the claimant's identity fields (type, role, affiliation) on
   * every claim of the document whose claimant is the same (the core's rule,
   * wasm `sameClaimant`), in one undoable step, unless "this claim only" is
   * ticked; a blank value is stored as null, as the extractor writes "not
   * said". */
  editClaimant(id, fields, coalesce) {
    const c = this.model.claims.get(id)?.claimant;
    if (!c) return;
    const ids = this.sameClaimant(id);
    const edits = ids.map((x) => [x, { claimant: { ...this.model.claims.get(x).claimant, ...fields } }]);
    this.model.editClaims(edits, ['op.edit'], coalesce ? { coalesce: `${coalesce}:${ids.join(' ')}` } : {});
  }

  /** The claims an identity edit of claim `id` reaches: those of its
   * document with the same claimant, or `id` alone when the user chose so. */
  sameClaimant(id) {
    const claim = this.model.claims.get(id);
    if (!claim?.claimant || this.built?.form.querySelector('[data-field=identity-one]')?.checked) return [id];
    const claims = this.model.claimsOf(claim.doc);
    const at = claims.findIndex((c) => c.id === id);
    const found = this.kernel.sameClaimant?.(claims.map((c) => c.claimant ? c.claimant.resolved || c.claimant.text || ' ' : '').join('\0'),
      claims.map((c) => c.claimant?.type ?? '').join('\0'), at);
    return found?.length ? [...found].map((i) => claims[i].id) : [id];
  }

  editQuantity(i, fields, coalesce) {
    const qs = this.model.claims.get(this.claimId).quantities.map((q, j) => (j === i ? { ...q, ...fields } : q));
    this.edit({ quantities: qs }, ['op.edit'], coalesce ? `q${i}${coalesce}` : null);
  }

  /** Puts the claim's values into the form, except into the focused control. */
  fill(claim) {
    const form = this.built.form;
    const focused = document.activeElement;
    const set = (el, value) => {
      if (!el || el.value === value) return;
      if (el !== focused) el.value = value;
      else this.takeFocused(el, value);
    };
    form.dataset.status = claim.status;
    form.querySelector('[data-status-badge]').textContent = t(`status.${claim.status}`);
    form.querySelector('[data-status-badge]').className = `status-badge status-${claim.status}`;
    form.querySelector('.claim-text').textContent = claim.text;
    // What others know about the claim (the fact-check archive's matches).
    replace(form.querySelector('[data-extras]'), this.extras?.(claim) ?? null);
    form.querySelector('[data-span-numbers]').textContent = `${claim.start}–${claim.end}`;
    set(form.querySelector('[data-field=kind]'), claim.kind);
    set(form.querySelector('[data-field=modality]'), claim.modality);
    for (const name of ['claimant', 'cue', 'via']) {
      const span = claim[name];
      form.querySelector(`[data-span=${name}]`).textContent = span ? span.text : t('details.none.value');
      form.querySelector(`[data-clear=${name}]`).disabled = !span;
    }
    const resolved = form.querySelector('[data-field=resolved]');
    resolved.disabled = !claim.claimant;
    set(resolved, claim.claimant?.resolved ?? '');
    for (const [name, key] of [['claimant-type', 'type'], ['role', 'role'], ['affiliation', 'affiliation']]) {
      const el = form.querySelector(`[data-field=${name}]`);
      el.disabled = !claim.claimant;
      set(el, claim.claimant?.[key] ?? '');
    }
    this.fillReach();
    claim.quantities.forEach((q, i) => {
      const row = form.querySelector(`[data-q="${i}"]`);
      if (!row) return;
      set(row.querySelector('[data-qfield=value]'), String(q.value));
      set(row.querySelector('[data-qfield=unit]'), q.unit ?? '');
      set(row.querySelector('[data-qfield=qualifier]'), q.qualifier ?? '');
    });
    for (const b of form.querySelectorAll('[data-tag]')) b.setAttribute('aria-pressed', claim.tags.includes(b.dataset.tag) ? 'true' : 'false');
    this.fillNote(form.querySelector('[data-field=note]'), claim.note, focused);
    this.fillConflicts(form.querySelector('[data-conflicts]'), claim);
    const related = this.model.extras.relations.filter((r) => r.from === claim.id || r.to === claim.id);
    replace(form.querySelector('[data-relations]'), related.map((r) => {
      const other = this.model.claims.get(r.from === claim.id ? r.to : r.from);
      const arrow = r.from === claim.id ? '→' : '←';
      return h('li', {}, `${r.label || t('details.related')} ${arrow} `, h('q', {}, other?.text ?? t('details.none.value')));
    }));
    form.querySelector('[data-meta]').textContent =
      `${t('details.origin')}: ${t(`origin.${claim.origin}`)} · ${t('details.edited')}: ${dateTime(claim.edited)}`;
  }

  /** Says how many of the document's claims an identity edit changes. */
  fillReach() {
    const line = this.built?.form.querySelector('[data-identity-reach]');
    if (!line) return;
    const claim = this.model.claims.get(this.claimId);
    const n = claim?.claimant ? this.sameClaimant(this.claimId).length : 0;
    line.dataset.count = String(n);
    line.hidden = !claim?.claimant;
    line.textContent = n > 1 ? t('details.identity.reach', { n, name: claim.claimant.resolved || claim.claimant.text }) : t('details.identity.reach1');
  }

  /**
   * A control being typed in whose value the claim no longer holds. Each
   * keystroke is in the model at once, so a different value can only come
   * from elsewhere (another tab, a write of ours merged with one, an undo):
   * the control takes it, as the note does (`fillNote`), so `Tersimpan` never
   * stands next to a value that is not stored. A number box is left alone: it
   * writes only when its value is complete, so it differs while typed in.
   */
  takeFocused(el, value) {
    if (el.type === 'number') return;
    // A blank role or affiliation is stored as null (shown empty).
    if (value === '' && el.value.trim() === '' && el.tagName === 'INPUT') return;
    const text = el.tagName === 'INPUT' && el.type === 'text';
    const [start, end] = text ? [el.selectionStart, el.selectionEnd] : [0, 0];
    const [was, previous] = [shown(el), el.value];
    el.value = value;
    if (text) el.setSelectionRange(Math.min(start, value.length), Math.min(end, value.length));
    this.tellReplaced(el, was, shown(el), previous);
  }

  /**
   * Says, under the control being typed in, that its value was replaced by
   * a newer one from another tab, and what it was and is: a status line, not
   * a dialog, so typing goes on. It goes when the control loses the focus.
   */
  tellReplaced(el, was, now, previous) {
    const form = this.built.form;
    let line = form.querySelector('[data-field-remote]');
    if (!line) line = h('p', { class: 'note-remote', 'data-field-remote': '', 'data-testid': 'claim-field-remote', role: 'status' });
    const none = t('details.none.value');
    replace(line, h('span', {}, t('details.field.remote', { field: fieldName(FIELD_OF[el.dataset.field ?? el.dataset.qfield] ?? 'claimant'), now: now || none, was: was || none })),
      ' ', this.restoreButton(el, previous, line));
    line.hidden = false;
    (el.closest('label') ?? el).after(line);
    const away = (e) => {
      if (leavesFor(e, '[data-field-remote]')) return;
      line.hidden = true;
      el.removeEventListener('blur', away);
    };
    el.addEventListener('blur', away);
  }

  /**
   * The way back to what the user had typed before another tab's newer value
   * replaced it: putting it back is an ordinary edit of this tab (written,
   * undoable, and then heard by the other tab), so no keystroke is lost for
   * good because two tabs were open.
   */
  restoreButton(el, previous, line) {
    return h('button', {
      type: 'button', class: 'small', 'data-testid': 'remote-restore',
      onclick: () => {
        el.value = previous;
        el.dispatchEvent(new Event(el.tagName === 'SELECT' ? 'change' : 'input', { bubbles: true }));
        line.hidden = true;
        el.focus();
      },
      // Tab from the field reaches the button; leaving it for anywhere but
      // the field closes the notice, as leaving the field does.
      onblur: (e) => { if (e.relatedTarget !== el) line.hidden = true; },
    }, t('details.remote.restore'));
  }

  /** Values another tab wrote at the same moment that lost to a newer edit
   * of the same field: shown with the stored value, and restorable. */
  fillConflicts(box, claim) {
    const list = claim.conflicts ?? [];
    const key = JSON.stringify(list);
    if (box.dataset.key === key) return;
    box.dataset.key = key;
    const rest = (i) => list.filter((_, j) => j !== i);
    const show = (v) => (v == null ? t('details.none.value') : typeof v === 'string' ? v : v.text ?? JSON.stringify(v));
    replace(box, list.map((c, i) => h('div', { class: 'conflict', 'data-testid': 'claim-conflict' },
      h('p', {}, t('conflict.text', { field: fieldName(c.part ? `${c.field}.${c.part}` : c.field), when: c.at ? dateTime(c.at) : '' })),
      h('blockquote', { class: 'conflict-value' }, show(c.value)),
      h('button', { type: 'button', class: 'small', 'data-testid': 'conflict-restore', onclick: () => this.edit({ ...restoredFields(this.model.claims.get(claim.id), c), conflicts: rest(i) }, ['op.edit']) }, t('conflict.restore')),
      h('button', { type: 'button', class: 'small', 'data-testid': 'conflict-dismiss', onclick: () => this.edit({ conflicts: rest(i) }, ['op.edit']) }, t('conflict.dismiss')))));
  }

  /**
   * The note box. While it has the focus, the user's own typing is already in
   * the model, so a different stored note can only come from another tab (or
   * from a write of ours that lost to one). Keeping the text in the box would
   * write it back over the other tab's note at the next keystroke: the box
   * takes the stored note and says why, keeping the caret where it was.
   */
  fillNote(box, note, focused) {
    if (box.value === note) return;
    if (box !== focused) {
      box.value = note;
      return;
    }
    const [start, end, previous] = [box.selectionStart, box.selectionEnd, box.value];
    box.value = note;
    box.setSelectionRange(Math.min(start, note.length), Math.min(end, note.length));
    const line = box.parentElement.querySelector('[data-note-remote]');
    line.querySelector('[data-testid=remote-restore]').replaceWith(this.restoreButton(box, previous, line));
    line.hidden = false;
  }
}

/** Whether a control loses the focus to something inside `selector` (the
 * notice's button): then the notice stays, so the click reaches it. */
function leavesFor(event, selector) {
  return Boolean(event.relatedTarget?.closest?.(selector));
}

/** What a control shows: a choice's words, a text's text. */
function shown(el) {
  return el.tagName === 'SELECT' ? (el.selectedOptions[0]?.textContent ?? el.value) : el.value;
}

/** The conflict-note field name of each control (`data-field`, `data-qfield`). */
const FIELD_OF = {
  kind: 'kind', modality: 'modality', resolved: 'claimant.resolved', 'claimant-type': 'claimant.type',
  role: 'claimant.role', affiliation: 'claimant.affiliation', unit: 'quantities', qualifier: 'quantities',
};

/** A field's name in the conflict note (its key when there are no words for it). */
function fieldName(field) {
  const key = `conflict.field.${field}`;
  return t(key) === key ? field : t(key);
}

/** Whether every word of one name is a word of the other (case-folded). */
function sameName(a, b) {
  const words = (x) => new Set(x.toLocaleLowerCase('id').split(/[^\p{L}\p{N}]+/u).filter(Boolean));
  const [x, y] = [words(a), words(b)];
  const within = (p, q) => p.size > 0 && [...p].every((w) => q.has(w));
  return within(x, y) || within(y, x);
}
