// The document facts the comparison shows: outlet, publication date and URL,
// above the document's text. The core fills them where the text or HTML says
// (dateline, date line, canonical URL); the user corrects them here. Each
// field saves when it loses the focus or on Enter, as one undoable step.

import { h } from './dom.js';
import { t } from './i18n.js';
import './i18n-across.js';

const FIELDS = [
  { name: 'outlet', type: 'text', label: 'facts.outlet' },
  { name: 'published', type: 'text', label: 'facts.published', placeholder: 'YYYY-MM-DD' },
  { name: 'url', type: 'url', label: 'facts.url' },
];

export class DocFactsView {
  constructor({ model }) {
    this.model = model;
    this.docId = null;
    this.inputs = {};
    this.labels = [];
    this.el = h('div', { class: 'doc-facts', 'data-testid': 'doc-facts', role: 'group' },
      FIELDS.map((f) => {
        const input = h('input', {
          type: f.type, 'data-testid': `doc-${f.name}`, 'data-field': f.name, placeholder: f.placeholder,
          onchange: () => this.save(f.name),
          onkeydown: (e) => { if (e.key === 'Enter') e.target.blur(); },
        });
        this.inputs[f.name] = input;
        const label = h('span', {});
        this.labels.push([label, f.label]);
        return h('label', { class: `fact fact-${f.name}` }, label, input);
      }));
    this.relabel();
  }

  relabel() {
    this.el.setAttribute('aria-label', t('facts.title'));
    this.el.title = t('facts.title');
    for (const [label, key] of this.labels) label.textContent = t(key);
  }

  show(docId) {
    this.docId = docId;
    const doc = docId && this.model.documents.get(docId);
    this.el.hidden = !doc;
    if (!doc) return;
    for (const f of FIELDS) {
      const input = this.inputs[f.name];
      if (input !== document.activeElement) input.value = doc[f.name] ?? '';
    }
  }

  save(name) {
    if (this.docId) this.model.editDocumentFacts(this.docId, { [name]: this.inputs[name].value });
  }
}
