// The linker off the page's thread: a Web Worker around LinkEngine, so that
// linking a large library never blocks typing or scrolling.

import init, * as wasm from '../pkg/klaim.js';
import { LinkEngine } from './link-engine.js';

const ready = init().then(() => new LinkEngine(wasm));

self.onmessage = async ({ data }) => {
  const engine = await ready;
  const reply = engine.handle(data);
  if (reply) self.postMessage(reply);
};
