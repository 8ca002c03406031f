// Export and import (issue 4): the toolbar controls, the merge-or-replace
// choice, and applying an imported project to the model as one undoable step.
//
// Every conversion happens in the Rust core (`klaim::exchange`, through the
// wasm functions exportProject, importFile and mergeProjects); this module only
// moves text between the page, files and the model. Projects cross into wasm
// as JSON text.
//
// Hooks: data-testid="export-format" (a <select>), "export-run", "import-open",
// "import-input" (an <input type=file>); the dialog's buttons "import-merge",
// "import-replace", "import-replace-export", "import-replace-confirm",
// "import-cancel"; messages "import-done", "import-error",
// "import-warnings".

import { h, replace } from './dom.js';
import { bytes, t } from './i18n.js';
import { EXTRAS } from './model.js';
import { wordMessage } from './i18n-exchange.js';

/** Files above this are refused before reading (a project of 1,000 articles is ~20 MB). */
const MAX_IMPORT_BYTES = 128 << 20;

/**
 * Puts the export and import controls into `root`. `wasm`: the wasm package
 * (exchangeFormats, exportProject, importFile, mergeProjects); `message`: the
 * page's toast function ({text, level, testid, sticky}).
 */
export function mountExchange({ root, model, wasm, message, addDocuments }) {
  const formats = wasm.exchangeFormats();
  // The controls carry data-i18n keys, so a language switch relabels them
  // (i18n.translatePage) without rebuilding them or losing the chosen format.
  const select = h('select', {
    'data-testid': 'export-format', 'aria-label': t('export.label'), title: t('export.label'),
    'data-i18n-aria-label': 'export.label', 'data-i18n-title': 'export.label',
  }, formats.map((f) => h('option', { value: f.name, 'data-i18n': `format.${f.name}` }, t(`format.${f.name}`))));
  const run = h('button', { type: 'button', 'data-testid': 'export-run', 'data-i18n': 'export.run', onclick: () => exportNow(select.value) }, t('export.run'));
  const input = h('input', {
    type: 'file', 'data-testid': 'import-input', accept: '.json,.jsonl,.jsonld,.ndjson,application/json',
    hidden: true, onchange: () => {
      const file = input.files?.[0];
      input.value = '';
      if (file) importFile(file);
    },
  });
  const pick = h('button', {
    type: 'button', 'data-testid': 'import-open', title: t('import.title'), 'data-i18n-title': 'import.title', 'data-i18n': 'import.label',
    onclick: () => input.click(),
  }, t('import.label'));
  // Another annotator's work (a colleague's project, Label Studio, doccano,
  // W3C), kept apart for agreement and adjudication (issue 10).
  const otherInput = h('input', {
    type: 'file', 'data-testid': 'import-annotator-input', accept: '.json,.jsonl,.jsonld,.ndjson,application/json',
    hidden: true, onchange: () => {
      const file = otherInput.files?.[0];
      otherInput.value = '';
      if (file) importAnnotator(file);
    },
  });
  const pickOther = h('button', {
    type: 'button', 'data-testid': 'import-annotator-open', title: t('annotator.import.title'), 'data-i18n-title': 'annotator.import.title',
    'data-i18n': 'annotator.import', onclick: () => otherInput.click(),
  }, t('annotator.import'));
  const publisher = h('button', {
    type: 'button', 'data-testid': 'publisher-open', title: t('publisher.title'), 'data-i18n-title': 'publisher.title',
    'data-i18n': 'publisher.button', onclick: () => editPublisher(),
  }, t('publisher.button'));
  replace(root, select, run, pick, input, pickOther, otherInput, publisher);

  /** Downloads the library in `format`; returns the file name (null when
   * nothing was downloaded yet: a ClaimReview export without the reviewing
   * organisation first asks for it, then downloads). */
  function exportNow(format, { askPublisher = true, skipped = false } = {}) {
    const f = formats.find((x) => x.name === format) ?? formats[0];
    // What the receiving tool will do with it: nested spans in doccano, a
    // ClaimReview without the reviewing organisation; a ClaimReview with no
    // review in it is not downloaded, and the message says why.
    const warnings = wasm.exportWarnings(JSON.stringify(model.project()), f.name);
    const nothing = warnings.find((w) => w.code === 'no_verdicts');
    if (nothing) {
      message({ text: wordMessage(nothing), level: 'warning', sticky: true, testid: 'export-empty' });
      return null;
    }
    // Google's fact-check markup needs each review's author and url, made
    // from the reviewing organisation: asked for here, once (it is stored
    // with the library), before the file is made; the user may still
    // export without it, and is then not told again.
    if (askPublisher && warnings.some((w) => w.code === 'publisher_missing')) {
      editPublisher({ forExport: true }).then((choice) => {
        if (choice) exportNow(format, { askPublisher: false, skipped: choice === 'skip' });
      });
      return null;
    }
    let text;
    try {
      text = wasm.exportProject(JSON.stringify(model.project()), f.name);
    } catch (e) {
      message({ text: t('export.failed', { why: e?.message ?? String(e) }), level: 'error', testid: 'export-error' });
      return null;
    }
    const name = `klaim-${new Date().toISOString().slice(0, 10)}.${f.extension}`;
    const url = URL.createObjectURL(new Blob([text], { type: f.mediaType }));
    const a = h('a', { href: url, download: name, hidden: true });
    document.body.append(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
    // The project file keeps everything: the export reminder starts over.
    if (f.name === 'klaim') window.dispatchEvent(new Event('klaim:exported'));
    message({ text: t('export.done', { name }), quiet: true, testid: 'export-done' });
    const told = skipped ? warnings.filter((w) => w.code !== 'publisher_missing') : warnings;
    if (told.length) showWarnings(told.map(wordMessage), { title: t('export.warnings.title', { n: told.length }), testid: 'export-warnings' });
    return name;
  }

  async function importFile(file) {
    const fail = (why) => message({ text: t('import.failed', { name: file.name, why }), level: 'error', sticky: true, testid: 'import-error' });
    if (file.size > MAX_IMPORT_BYTES) return fail(t('import.toolarge', { size: bytes(file.size), limit: bytes(MAX_IMPORT_BYTES) }));
    let result;
    try {
      const text = await file.text();
      const library = JSON.stringify(model.project());
      result = JSON.parse(wasm.importFile(text, '', library, new Date().toISOString()));
    } catch (e) {
      return fail(e?.message ?? String(e));
    }
    // A file of texts without a single claim (a JSON array of {text}
    // records reads as doccano) is a set of documents to extract, not
    // annotations to import: the add path extracts, deduplicates and reports.
    const claims = result.project.documents.reduce((n, d) => n + d.claims.length, 0);
    if (result.format !== 'klaim' && !claims && result.project.documents.length && addDocuments) {
      const documents = result.project.documents.map(({ name, text, url, published, outlet }) => ({ name, text, url, published, outlet }));
      return addDocuments({ documents, warnings: result.messages.map(wordMessage) });
    }
    if (result.format === 'klaim') {
      const choice = await askMergeOrReplace(file.name, result.project);
      if (choice === 'replace') return finish(await applyProject(model, result.project, { replace: true }), result, file.name);
      if (choice !== 'merge') return;
    }
    try {
      const merged = JSON.parse(wasm.mergeProjects(JSON.stringify(model.project()), JSON.stringify(result.project)));
      finish(await applyProject(model, merged.project, { replace: false }), result, file.name, merged.summary);
    } catch (e) {
      fail(e?.message ?? String(e));
    }
  }

  function finish(counts, result, name, summary) {
    const fmt = t(`format.${result.format}`);
    if (!summary) {
      message({ text: t('import.replaced', counts), testid: 'import-done' });
    } else if (counts.changed === 0) {
      message({ text: t('import.nothing', { name }), testid: 'import-done' });
    } else {
      const text = t('import.done', {
        format: fmt, docs: summary.documents_added, updated: summary.documents_updated,
        claims: summary.claims_added, claimsUpdated: summary.claims_updated,
      }) + (summary.renamed.length ? ` ${t('import.renamed', { n: summary.renamed.length })}` : '')
        + ((summary.matched?.length || result.report?.matched) ? ` ${t('import.matched', { n: summary.matched?.length || result.report.matched })}` : '')
        + (summary.annotators?.length ? ` ${t('import.annotators', { names: summary.annotators.join(', ') })}` : '')
        + (result.report && (result.report.reanchored || result.report.not_placed || result.report.dropped)
          ? ` ${t('import.report', result.report)}` : '');
      message({ text, testid: 'import-done' });
    }
    showMessages(result.messages);
  }

  /**
   * The core's import messages (codes), worded in the interface language.
   * Documents matched by content alone are counted in the toast: no dialog
   * for them unless something else is to be said.
   */
  function showMessages(messages) {
    if (messages.some((m) => m.code !== 'matched')) showWarnings(messages.map(wordMessage));
  }

  /** Resolves to 'merge', 'replace' or null. */
  function askMergeOrReplace(name, project) {
    const claims = project.documents.reduce((n, d) => n + d.claims.length, 0);
    const current = model.project();
    const currentClaims = current.documents.reduce((n, d) => n + d.claims.length, 0);
    return new Promise((resolve) => {
      const dialog = h('dialog', { class: 'exchange-dialog', 'data-testid': 'import-dialog' });
      const done = (value) => {
        dialog.close();
        dialog.remove();
        resolve(value);
      };
      dialog.addEventListener('cancel', () => resolve(null));
      const first = () => replace(dialog,
        h('h2', {}, t('import.project.title', { name })),
        h('p', {}, t('import.project.body', { docs: project.documents.length, claims })),
        h('div', { class: 'row end' },
          h('button', { type: 'button', 'data-testid': 'import-cancel', onclick: () => done(null) }, t('import.cancel')),
          h('button', { type: 'button', 'data-testid': 'import-replace', onclick: second }, t('import.replace')),
          h('button', { type: 'button', class: 'primary', 'data-testid': 'import-merge', onclick: () => done('merge') }, t('import.merge'))));
      // Replacing: offer an export of what is there first.
      const second = () => replace(dialog,
        h('h2', {}, t('import.project.title', { name })),
        h('p', {}, t('import.replace.body', { docs: current.documents.length, claims: currentClaims })),
        h('div', { class: 'row end' },
          h('button', { type: 'button', 'data-testid': 'import-cancel', onclick: () => done(null) }, t('import.cancel')),
          h('button', { type: 'button', 'data-testid': 'import-replace-export', onclick: () => exportNow('klaim') }, t('import.replace.export')),
          h('button', { type: 'button', class: 'danger', 'data-testid': 'import-replace-confirm', onclick: () => done('replace') }, t('import.replace.confirm'))));
      first();
      document.body.append(dialog);
      dialog.showModal();
    });
  }

  /** Reads `file` as another annotator's work on the library's documents. */
  async function importAnnotator(file) {
    const fail = (why) => message({ text: t('import.failed', { name: file.name, why }), level: 'error', sticky: true, testid: 'import-error' });
    if (file.size > MAX_IMPORT_BYTES) return fail(t('import.toolarge', { size: bytes(file.size), limit: bytes(MAX_IMPORT_BYTES) }));
    const name = await askName(file.name.replace(/\.(klaim\.json|json|jsonl|jsonld|ndjson)$/i, ''));
    if (!name) return;
    let merged;
    let notes;
    let report;
    let result;
    try {
      const text = await file.text();
      const library = JSON.stringify(model.project());
      result = JSON.parse(wasm.importFile(text, '', library, new Date().toISOString()));
      const layer = JSON.parse(wasm.asAnnotator(JSON.stringify(result.project), library, name, file.name));
      ({ notes, report } = layer);
      merged = JSON.parse(wasm.mergeProjects(library, JSON.stringify(layer.project)));
    } catch (e) {
      return fail(e?.message ?? String(e));
    }
    await applyProject(model, merged.project, { replace: false });
    message({ text: `${t('annotator.done', { name })} ${t('annotator.report', report)}`, testid: 'import-done' });
    showMessages([...result.messages, ...notes]);
  }

  /** Resolves to the annotator's name, or null. */
  function askName(suggested) {
    return new Promise((resolve) => {
      const field = h('input', { type: 'text', 'data-testid': 'annotator-name', value: suggested, required: true });
      const dialog = h('dialog', { class: 'exchange-dialog', 'data-testid': 'annotator-dialog' },
        h('form', { method: 'dialog' },
          h('h2', {}, t('annotator.import')),
          h('p', {}, t('annotator.import.body')),
          h('label', {}, t('annotator.name'), ' ', field),
          h('div', { class: 'row end' },
            h('button', { type: 'button', onclick: () => dialog.close('') }, t('import.cancel')),
            h('button', { value: 'ok', class: 'primary', 'data-testid': 'annotator-ok' }, 'OK'))));
      dialog.addEventListener('close', () => {
        dialog.remove();
        resolve(dialog.returnValue === 'ok' ? field.value.trim() || null : null);
      });
      document.body.append(dialog);
      dialog.showModal();
      field.select();
    });
  }

  /** The reviewing organisation, set once and stored with the library.
   * Resolves to 'save' once stored, 'skip' (`forExport`: export without
   * it) or null (cancelled). */
  function editPublisher({ forExport = false } = {}) {
    const current = model.extras.publisher ?? { name: '', url: '' };
    const name = h('input', { type: 'text', 'data-testid': 'publisher-name', value: current.name });
    const url = h('input', { type: 'url', 'data-testid': 'publisher-url', value: current.url, placeholder: 'https://' });
    const dialog = h('dialog', { class: 'exchange-dialog', 'data-testid': 'publisher-dialog' },
      h('form', { method: 'dialog' },
        h('h2', {}, t('publisher.title')),
        h('p', {}, t(forExport ? 'publisher.export' : 'publisher.body')),
        h('label', {}, t('publisher.name'), ' ', name),
        h('label', {}, t('publisher.url'), ' ', url),
        h('div', { class: 'row end' },
          h('button', { type: 'button', onclick: () => dialog.close('') }, t('import.cancel')),
          forExport ? h('button', { type: 'button', 'data-testid': 'publisher-skip', onclick: () => dialog.close('skip') }, t('publisher.skip')) : null,
          h('button', { value: 'save', class: 'primary', 'data-testid': 'publisher-save' }, forExport ? t('publisher.save.export') : 'OK'))));
    return new Promise((resolve) => {
      dialog.addEventListener('close', async () => {
        dialog.remove();
        if (dialog.returnValue !== 'save') return resolve(dialog.returnValue === 'skip' ? 'skip' : null);
        const value = { name: name.value.trim(), url: url.value.trim() };
        if (JSON.stringify(value) !== JSON.stringify(current)) await model.setPublisher(value.name || value.url ? value : null);
        resolve('save');
      });
      document.body.append(dialog);
      dialog.showModal();
    });
  }

  function showWarnings(warnings, { title = t('import.warnings.title', { n: warnings.length }), testid = 'import-warnings' } = {}) {
    const dialog = h('dialog', { class: 'exchange-dialog', 'data-testid': testid },
      h('h2', {}, title),
      h('p', {}, t(testid === 'import-warnings' ? 'import.warnings.body' : 'export.warnings.body')),
      h('ul', { class: 'exchange-warnings' }, warnings.map((w) => h('li', {}, w))),
      h('div', { class: 'row end' }, h('button', { type: 'button', onclick: () => { dialog.close(); dialog.remove(); } }, t('help.close'))));
    document.body.append(dialog);
    dialog.showModal();
  }

  return { exportNow, importFile, importAnnotator };
}

/**
 * Makes the model hold `project` (klaim::project::Project, code points): one
 * undoable operation of record changes. With `replace`, documents and claims
 * that `project` lacks are removed; otherwise nothing is removed. Returns
 * {docs, claims, changed}.
 */
export async function applyProject(model, project, { replace: removeOthers }) {
  const changes = [];
  const put = (store, current, fields) => {
    if (!current) {
      changes.push({ store, key: fields.id, before: null, after: { ...fields, rev: 1 } });
    } else if (!sameRecord(current, fields)) {
      changes.push({ store, key: fields.id, before: current, after: { ...current, ...fields, rev: (current.rev ?? 0) + 1 } });
    }
  };
  const keepDocs = new Set();
  const keepClaims = new Set();
  let claims = 0;
  for (const d of project.documents) {
    const { claims: docClaims, ...doc } = d;
    keepDocs.add(doc.id);
    const current = model.documents.get(doc.id);
    put('documents', current, { notes: current?.notes ?? [], ...doc });
    for (const c of docClaims) {
      keepClaims.add(c.id);
      claims++;
      put('claims', model.claims.get(c.id), { ...c, doc: doc.id });
    }
  }
  if (removeOthers) {
    for (const c of model.claims.values()) if (!keepClaims.has(c.id)) changes.push({ store: 'claims', key: c.id, before: c, after: null });
    for (const d of model.documents.values()) if (!keepDocs.has(d.id)) changes.push({ store: 'documents', key: d.id, before: d, after: null });
  }
  // Library-wide records (publisher, other annotators, decisions).
  for (const key of Object.keys(EXTRAS)) {
    const value = project[key] ?? structuredClone(EXTRAS[key]);
    if (JSON.stringify(model.extras[key]) !== JSON.stringify(value)) changes.push(model.extraChange(key, value));
  }
  if (JSON.stringify(model.tags) !== JSON.stringify(project.tags)) {
    changes.push({
      store: 'meta', key: 'tags',
      before: model.tagsRev ? { key: 'tags', value: model.tags, rev: model.tagsRev } : null,
      after: { key: 'tags', value: project.tags, rev: (model.tagsRev ?? 0) + 1 },
    });
  }
  // Grouping corrections and the fact-check archive travel with the project.
  for (const key of ['links', 'factchecks']) {
    const value = project[key] ?? [];
    const before = model.meta.get(key) ?? null;
    if (JSON.stringify(before?.value ?? []) !== JSON.stringify(value)) {
      changes.push({ store: 'meta', key, before, after: { key, value, rev: (before?.rev ?? 0) + 1 } });
    }
  }
  await model.apply(changes, { label: ['import.op'] });
  return { docs: project.documents.length, claims, changed: changes.length };
}

/** Whether `record` already holds every field of `fields` (revs aside). */
function sameRecord(record, fields) {
  return Object.keys(fields).every((k) => JSON.stringify(record[k]) === JSON.stringify(fields[k]));
}
