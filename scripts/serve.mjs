// A tiny static server for www/: 127.0.0.1 only, correct MIME types (wasm
// needs application/wasm for streaming compilation), no directory listings,
// nothing outside www/. `node scripts/serve.mjs [--port N] [--root DIR]`;
// port 0 picks a free one. Prints the address on its first line.
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.wasm': 'application/wasm',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.webmanifest': 'application/manifest+json',
};

/** Starts serving `root`; resolves to {server, url}. */
export function serve({ root, port = 8080, host = '127.0.0.1' } = {}) {
  const base = resolve(root ?? fileURLToPath(new URL('../www', import.meta.url)));
  const server = createServer(async (req, res) => {
    try {
      const path = decodeURIComponent(new URL(req.url, 'http://x').pathname);
      let file = normalize(join(base, path));
      if (file !== base && !file.startsWith(base + sep)) return send(res, 403, 'forbidden');
      if ((await stat(file).catch(() => null))?.isDirectory()) file = join(file, 'index.html');
      const body = await readFile(file);
      res.writeHead(200, {
        'content-type': TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream',
        'cache-control': 'no-cache',
        'x-content-type-options': 'nosniff',
      });
      res.end(req.method === 'HEAD' ? undefined : body);
    } catch {
      send(res, 404, 'not found');
    }
  });
  return new Promise((ok, fail) => {
    server.once('error', fail);
    server.listen(port, host, () => ok({ server, url: `http://${host}:${server.address().port}/` }));
  });
}

function send(res, status, text) {
  res.writeHead(status, { 'content-type': 'text/plain; charset=utf-8' });
  res.end(text);
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const arg = (flag) => { const i = process.argv.indexOf(flag); return i > 0 ? process.argv[i + 1] : undefined; };
  const port = Number(arg('--port') ?? process.env.PORT ?? 8080);
  serve({ root: arg('--root'), port }).then(({ url }) => {
    console.log(`klaim: serving www/ at ${url}  (Ctrl+C to stop)`);
  }, (e) => {
    console.error(`klaim: cannot listen on port ${port}: ${e.message}${e.code === 'EADDRINUSE' ? ' (try PORT=8081 npm start)' : ''}`);
    process.exit(1);
  });
}
