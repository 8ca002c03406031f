// Printing: an article with its highlighted claims, then each claim with its
// decision, verdict and note; the claims table as a list of the rows its
// filter shows. Built on `beforeprint` into #print-view (style.css shows it
// only in print), emptied on `afterprint`.

import { h, replace } from './dom.js';
import { t } from './i18n.js';

/** `view()`: 'doc' or 'table'; `docId()`: the open document; `rows()`: the
 * table's rows as filtered and sorted; `paintAll(on)`: highlights over the
 * whole text while printing (a windowed document paints only near the viewport). */
export function mountPrint({ model, view, docId, rows, paintAll }) {
  const root = h('section', { id: 'print-view', class: 'print-view', 'data-testid': 'print-view', 'aria-hidden': 'true' });
  document.body.append(root);
  window.addEventListener('beforeprint', () => {
    if (view() === 'table') {
      const list = rows();
      replace(root, h('h1', {}, t('nav.table')), h('p', {}, t('table.count', { n: list.length, total: model.claims.size })),
        h('ol', { class: 'print-claims' }, list.map((r) => item(model, r.claim, r.docName))));
      return;
    }
    const doc = model.documents.get(docId());
    if (!doc) return replace(root);
    paintAll(true);
    const facts = [doc.outlet, doc.published, doc.url].filter(Boolean).join(' · ');
    replace(root, h('h2', {}, t('doc.claims')), facts ? h('p', { class: 'print-facts' }, facts) : null,
      h('ol', { class: 'print-claims' }, model.claimsOf(doc.id).map((c) => item(model, c))));
  });
  window.addEventListener('afterprint', () => {
    replace(root);
    paintAll(false);
  });
}

function item(model, c, docName) {
  const verdicts = c.tags.filter((id) => model.tags.find((tag) => tag.id === id)?.verdict).map((id) => model.tagLabel(id));
  const others = c.tags.filter((id) => !verdicts.includes(model.tagLabel(id))).map((id) => model.tagLabel(id));
  const claimant = c.claimant ? c.claimant.resolved || c.claimant.text : null;
  return h('li', { class: `print-claim status-${c.status}`, 'data-testid': 'print-claim' },
    docName ? h('div', { class: 'print-doc' }, docName) : null,
    h('blockquote', {}, c.text),
    h('div', { class: 'print-meta' },
      `${t(`kind.${c.kind}`)} · ${t(`modality.${c.modality}`)}`,
      claimant ? ` · ${t('table.claimant')}: ${claimant}` : '',
      ` · ${t('table.status')}: ${t(`status.${c.status}`)}`,
      verdicts.length ? h('strong', { class: 'print-verdict' }, ` · ${verdicts.join(', ')}`) : '',
      others.length ? ` · ${t('table.tags')}: ${others.join(', ')}` : ''),
    c.note ? h('p', { class: 'print-note' }, `${t('details.note')}: ${c.note}`) : null);
}
