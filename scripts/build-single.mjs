// Builds dist/klaim.html: the whole page in ONE file that works when opened
// from disk (file://), with no server and no network.
//
// `node scripts/build-single.mjs [--www DIR] [--out FILE]` after the wasm
// package is built (scripts/build.sh writes www/pkg/). It
// - inlines every stylesheet `<link rel="stylesheet" href>` as `<style>`;
// - bundles the ES modules reachable from each `<script type="module" src>`
//   into one inline module script (static `import`/`export` between our own
//   files rewritten to a module table; no bundler dependency);
// - inlines the assets the page fetches (www/pkg/*.wasm as base64, everything
//   under www/samples/ as text) behind a `fetch` that serves only those and
//   refuses anything else, so nothing needs the network;
// - puts a Content-Security-Policy first in <head>: no connection
//   (`connect-src 'none'`), no remote source of any kind, inline scripts and
//   styles only, and WebAssembly compiled under 'wasm-unsafe-eval' (not
//   'unsafe-eval').
// Prints the size of the file, raw and gzipped.
import { readFile, readdir, writeFile, mkdir, stat } from 'node:fs/promises';
import { dirname, join, relative, resolve, posix } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { workerImports } from '../www/js/extractor.js';

export const CSP = [
  "default-src 'none'",
  "script-src 'unsafe-inline' 'wasm-unsafe-eval'",
  "style-src 'unsafe-inline'",
  'img-src data: blob:',
  "font-src 'none'",
  "connect-src 'none'",
  "media-src 'none'",
  "object-src 'none'",
  "frame-src 'none'",
  // The extraction worker is built from a Blob (www/js/extractor.js).
  'worker-src blob:',
  "manifest-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');

/** The single-file page for the site in `www`. */
export async function buildSingle({ www = join(root, 'www') } = {}) {
  let html = await readFile(join(www, 'index.html'), 'utf8');

  // Stylesheets.
  const links = [...html.matchAll(/<link\b[^>]*\brel=["']?stylesheet["']?[^>]*>/gi)];
  for (const [tag] of links) {
    const href = attr(tag, 'href');
    if (!href || isRemote(href)) throw new Error(`index.html: stylesheet ${href} is not a local file`);
    const css = await readFile(join(www, href), 'utf8');
    html = html.replace(tag, () => `<style>\n${css.replace(/<\/style/gi, '<\\/style')}\n</style>`);
  }

  // Module scripts.
  const scripts = [...html.matchAll(/<script\b[^>]*\bsrc=[^>]*>\s*<\/script>/gi)];
  for (const [tag] of scripts) {
    const src = attr(tag, 'src');
    if (isRemote(src)) throw new Error(`index.html: script ${src} is not a local file`);
    if (attr(tag, 'type') !== 'module') throw new Error(`index.html: script ${src} is not type=module`);
    const bundle = await bundleModules(www, posix.normalize(src.replace(/^\.\//, '')));
    html = html.replace(tag, () => `<script type="module">\n${escapeScript(bundle)}\n</script>`);
  }
  if (/<script\b[^>]*\bsrc=/i.test(html)) throw new Error('index.html: a script with src is left');

  // Assets behind an offline fetch, before any module runs.
  const assets = await collectAssets(www);
  const shim = `<script>\n${escapeScript(fetchShim(assets))}\n</script>`;

  // The policy must come before anything it governs.
  const meta = `<meta http-equiv="Content-Security-Policy" content="${CSP}">`;
  html = html.replace(/<meta\b[^>]*http-equiv=["']?Content-Security-Policy[^>]*>\s*/gi, '');
  if (!/<head[^>]*>/i.test(html)) throw new Error('index.html has no <head>');
  html = html.replace(/<head[^>]*>/i, (head) => `${head}\n${meta}\n${shim}`);
  return html;
}

// ES module bundling: each module becomes an async function in a table,
// evaluated once in dependency order. Only the forms our modules use are
// supported; anything else (dynamic import, remote import, cycles) stops the
// build with the file named.
async function bundleModules(www, entry) {
  const order = [];
  const seen = new Map();
  async function visit(path, from) {
    if (seen.has(path)) {
      if (seen.get(path) === 'visiting') throw new Error(`${from}: import cycle through ${path}`);
      return;
    }
    seen.set(path, 'visiting');
    const file = join(www, path);
    const source = await readFile(file, 'utf8').catch(() => {
      throw new Error(`${from ?? 'index.html'}: imports ${path}, which does not exist (is the wasm package built?)`);
    });
    const module = transform(source, path);
    for (const dep of module.deps) await visit(dep, path);
    seen.set(path, 'done');
    order.push({ path, code: module.code });
  }
  await visit(entry);
  const parts = ['const __modules = Object.create(null);'];
  for (const { path, code } of order) {
    parts.push(`// ---- ${path}\n__modules[${JSON.stringify(path)}] = await (async () => {\n${code}\n})();`);
  }
  return parts.join('\n');
}

function transform(source, path) {
  const deps = [];
  const exported = [];
  const resolveDep = (spec) => {
    if (!spec.startsWith('.')) throw new Error(`${path}: import of ${spec} (only relative imports are bundled)`);
    const dep = posix.normalize(posix.join(posix.dirname(path), spec));
    deps.push(dep);
    return JSON.stringify(dep);
  };
  if (/\bimport\s*\(/.test(source.replace(/\/\/.*$/gm, ''))) throw new Error(`${path}: dynamic import() is not bundled`);
  let code = source;
  // import ... from '...';
  code = code.replace(/^[ \t]*import\s+([^'"]*?)\s+from\s+(['"])([^'"]+)\2\s*;?/gm, (_, clause, _q, spec) => {
    const m = resolveDep(spec);
    const out = [];
    let rest = clause.trim();
    const ns = rest.match(/^\*\s+as\s+([\w$]+)$/);
    if (ns) return `const ${ns[1]} = __modules[${m}];`;
    const def = rest.match(/^([\w$]+)\s*(,|$)/);
    if (def) {
      out.push(`const ${def[1]} = __modules[${m}].default;`);
      rest = rest.slice(def[0].length).trim();
    }
    const nsAfter = rest.match(/^\*\s+as\s+([\w$]+)$/);
    if (nsAfter) out.push(`const ${nsAfter[1]} = __modules[${m}];`);
    else if (rest) {
      const names = rest.replace(/^\{|\}$/g, '').split(',').map((s) => s.trim()).filter(Boolean);
      const pattern = names.map((n) => n.replace(/^([\w$]+)\s+as\s+([\w$]+)$/, '$1: $2')).join(', ');
      out.push(`const { ${pattern} } = __modules[${m}];`);
    }
    return out.join(' ');
  });
  // import '...';
  code = code.replace(/^[ \t]*import\s+(['"])([^'"]+)\1\s*;?/gm, (_, _q, spec) => {
    resolveDep(spec);
    return '';
  });
  // export { a, b as c } [from '...'];
  code = code.replace(/^[ \t]*export\s*\{([^}]*)\}\s*(?:from\s+(['"])([^'"]+)\2)?\s*;?/gm, (_, list, _q, spec) => {
    const names = list.split(',').map((s) => s.trim()).filter(Boolean);
    const source = spec ? `__modules[${resolveDep(spec)}]` : null;
    for (const n of names) {
      const [local, as] = n.split(/\s+as\s+/);
      exported.push([as ?? local, source ? `${source}.${local}` : local]);
    }
    return '';
  });
  // export default <expr>;
  code = code.replace(/^[ \t]*export\s+default\s+/gm, () => {
    exported.push(['default', '__default']);
    return 'const __default = ';
  });
  // export function/class/const/let/var NAME
  code = code.replace(
    /^([ \t]*)export\s+((?:async\s+)?function\s*\*?\s*([\w$]+)|class\s+([\w$]+)|(?:const|let|var)\s+([\w$]+))/gm,
    (_, indent, decl, fn, cls, v) => {
      const name = fn ?? cls ?? v;
      exported.push([name, name]);
      return indent + decl;
    },
  );
  if (/^[ \t]*(import|export)\b/m.test(code)) {
    const line = code.split('\n').find((l) => /^[ \t]*(import|export)\b/.test(l));
    throw new Error(`${path}: cannot bundle \`${line.trim()}\``);
  }
  // Getters keep `export let` bindings live for readers.
  const live = exported
    .map(([name, value]) => `get ${JSON.stringify(name)}() { return ${value}; }`)
    .join(', ');
  return { code: `${code}\nreturn Object.freeze({ ${live} });`, deps };
}

/** Files the page may fetch: the wasm binary and the sample articles. */
async function collectAssets(www) {
  const assets = {};
  const add = async (dir) => {
    for (const entry of await readdir(join(www, dir), { withFileTypes: true }).catch(() => [])) {
      const rel = posix.join(dir, entry.name);
      if (entry.isDirectory()) await add(rel);
      else if (rel.endsWith('.wasm')) {
        const bytes = await readFile(join(www, rel));
        assets[rel] = { b64: bytes.toString('base64'), type: 'application/wasm' };
        // wasm-bindgen resolves the binary next to the page's URL too.
        assets[posix.basename(rel)] = { alias: rel }; // Stored once.
      } else if (dir.startsWith('samples')) {
        const type = rel.endsWith('.json') ? 'application/json' : 'text/plain;charset=utf-8';
        assets[rel] = { text: await readFile(join(www, rel), 'utf8'), type };
      }
    }
  };
  await add('pkg');
  await add('samples');
  // The extraction worker's source, which the page assembles into a Blob.
  // worker.js and the page's modules it imports (inlined into it there).
  const worker = await readFile(join(www, 'js/worker.js'), 'utf8');
  for (const rel of ['pkg/klaim.js', 'js/worker.js', ...workerImports(worker).map(({ file }) => `js/${file}`)]) {
    assets[rel] = { text: await readFile(join(www, rel), 'utf8'), type: 'text/javascript' };
  }
  return assets;
}

/** A `fetch` that answers only from the inlined files. */
function fetchShim(assets) {
  return `(() => {
  'use strict';
  const ASSETS = ${JSON.stringify(assets)};
  const base = location.href.replace(/[?#].*$/, '').replace(/[^/]*$/, '');
  function body(asset) {
    if (asset.text !== undefined) return asset.text;
    const bin = atob(asset.b64);
    const bytes = new Uint8Array(bin.length);
    for (let i = 0; i < bin.length; i++) bytes[i] = bin.charCodeAt(i);
    return bytes;
  }
  globalThis.fetch = async function offlineFetch(input) {
    const url = String(input instanceof Request ? input.url : input);
    const abs = new URL(url, base).href;
    const key = abs.startsWith(base) ? decodeURIComponent(abs.slice(base.length).replace(/[?#].*$/, '')) : null;
    let asset = key !== null && ASSETS[key];
    if (asset && asset.alias) asset = ASSETS[asset.alias];
    if (!asset) throw new TypeError('klaim works offline: no network request is made (' + url + ')');
    return new Response(body(asset), { status: 200, headers: { 'content-type': asset.type } });
  };
  globalThis.KLAIM_SINGLE_FILE = true;
})();`;
}

function attr(tag, name) {
  const m = tag.match(new RegExp(`\\b${name}=(?:"([^"]*)"|'([^']*)'|([^\\s>]+))`, 'i'));
  return m ? (m[1] ?? m[2] ?? m[3]) : null;
}

function isRemote(url) {
  return /^([a-z][a-z0-9+.-]*:|\/\/)/i.test(url ?? '');
}

/** Keeps `</script` and `<!--` inside a script from ending it early. */
function escapeScript(code) {
  return code.replace(/<\/script/gi, '<\\/script').replace(/<!--/g, '<\\!--');
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const arg = (flag) => { const i = process.argv.indexOf(flag); return i > 0 ? process.argv[i + 1] : undefined; };
  const www = resolve(arg('--www') ?? join(root, 'www'));
  const out = resolve(arg('--out') ?? join(root, 'dist', 'klaim.html'));
  try {
    await stat(join(www, 'pkg')).catch(() => {
      throw new Error(`${relative(root, join(www, 'pkg'))} is missing: run scripts/build.sh first`);
    });
    const html = await buildSingle({ www });
    await mkdir(dirname(out), { recursive: true });
    await writeFile(out, html);
    const gz = gzipSync(html, { level: 9 }).length;
    console.error(`build: ${relative(process.cwd(), out)} ${(html.length / 1024).toFixed(0)} KB, gzipped ${(gz / 1024).toFixed(0)} KB (${gz} bytes)`);
  } catch (e) {
    console.error(`build-single: ${e.message}`);
    process.exit(1);
  }
}
