// The passphrase dialogs of encryption at rest (crypto.js does the work):
// one to unlock an encrypted library when the page opens, one to encrypt it.

import { newLock, unlock } from './crypto.js';
import { h, replace } from './dom.js';
import { t } from './i18n.js';

/** Asks for the passphrase until it opens `lock`; resolves to the cipher,
 * or null when the user goes on without the library. */
export function askToUnlock(lock) {
  return new Promise((resolve) => {
    const dialog = h('dialog', { class: 'lock-dialog', 'data-testid': 'unlock-dialog' });
    const pass = h('input', { type: 'password', 'data-testid': 'unlock-pass', autocomplete: 'current-password', 'aria-label': t('lock.pass') });
    const error = h('p', { class: 'lock-error', 'data-testid': 'unlock-error', role: 'alert', hidden: true });
    const submit = h('button', { type: 'submit', class: 'primary', 'data-testid': 'unlock-submit' }, t('lock.unlock'));
    const done = (value) => {
      dialog.close();
      dialog.remove();
      resolve(value);
    };
    dialog.addEventListener('cancel', (e) => e.preventDefault());
    const form = h('form', {
      onsubmit: async (e) => {
        e.preventDefault();
        submit.disabled = true;
        error.hidden = true;
        const cipher = await unlock(lock, pass.value);
        submit.disabled = false;
        if (cipher) return done(cipher);
        error.textContent = t('lock.wrong');
        error.hidden = false;
        pass.select();
      },
    },
    h('h2', {}, t('lock.title')),
    h('p', {}, t('lock.body')),
    h('label', { class: 'lock-field' }, t('lock.pass'), pass),
    error,
    h('div', { class: 'row end' },
      h('button', { type: 'button', 'data-testid': 'unlock-skip', onclick: () => done(null) }, t('lock.skip')),
      submit));
    replace(dialog, form);
    document.body.append(dialog);
    dialog.showModal();
    pass.focus();
  });
}

/** Asks for a new passphrase (twice) and encrypts the library with it. */
export function askToEncrypt(store, { message }) {
  const dialog = h('dialog', { class: 'lock-dialog', 'data-testid': 'encrypt-dialog' });
  const pass = h('input', { type: 'password', 'data-testid': 'encrypt-pass', autocomplete: 'new-password', minlength: 8 });
  const again = h('input', { type: 'password', 'data-testid': 'encrypt-pass2', autocomplete: 'new-password' });
  const error = h('p', { class: 'lock-error', role: 'alert', hidden: true });
  const submit = h('button', { type: 'submit', class: 'primary', 'data-testid': 'encrypt-submit' }, t('lock.encrypt'));
  const close = () => { dialog.close(); dialog.remove(); };
  const form = h('form', {
    onsubmit: async (e) => {
      e.preventDefault();
      const problem = pass.value.length < 8 ? 'lock.short' : pass.value !== again.value ? 'lock.mismatch' : null;
      if (problem) {
        error.textContent = t(problem);
        error.hidden = false;
        return;
      }
      submit.disabled = true;
      try {
        const { info, cipher } = await newLock(pass.value);
        await store.encrypt(cipher, info);
        close();
        message({ key: 'lock.done' });
        document.dispatchEvent(new Event('klaim:locked'));
      } catch (err) {
        submit.disabled = false;
        error.textContent = t('lock.failed', { raw: err?.message ?? String(err) });
        error.hidden = false;
      }
    },
  },
  h('h2', {}, t('lock.encrypt.title')),
  h('p', {}, t('lock.encrypt.body')),
  h('label', { class: 'lock-field' }, t('lock.pass'), pass),
  h('label', { class: 'lock-field' }, t('lock.again'), again),
  error,
  h('div', { class: 'row end' },
    h('button', { type: 'button', onclick: close }, t('import.cancel')),
    submit));
  replace(dialog, form);
  document.body.append(dialog);
  dialog.showModal();
  pass.focus();
}
