#!/usr/bin/env node
// Tiny dependency-free static server for the Crosscheck page.
//
//   node scripts/serve.mjs [--port 8080] [--root www]
//
// Binds 127.0.0.1 only. `--port 0` picks a free port. Also usable in-process:
//   import { serve } from './scripts/serve.mjs';
//   const { url, close } = await serve({ root: 'www', port: 0 });
import { createServer } from 'node:http';
import { stat, readFile } from 'node:fs/promises';
import { resolve, join, sep, extname } from 'node:path';
import { fileURLToPath } from 'node:url';

export const MIME = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.md': 'text/plain; charset=utf-8',
  '.wasm': 'application/wasm',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.ts': 'text/plain; charset=utf-8',
};

// Same policy as the <meta> tag in index.html; sent as a header too so that it also
// applies to the Web Worker (a worker does not inherit the page's <meta> CSP).
export const CSP = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; " +
  "img-src 'self' data:; connect-src 'self'; worker-src 'self'";

function send(res, status, body, type = 'text/plain; charset=utf-8', head = false) {
  res.writeHead(status, {
    'Content-Type': type,
    'Content-Length': Buffer.byteLength(body),
    'Cache-Control': 'no-store',
    'X-Content-Type-Options': 'nosniff',
    'Content-Security-Policy': CSP,
  });
  res.end(head ? undefined : body);
}

/** Map a request path to a file inside `root`, or null if it would escape `root`. */
export function resolveInside(root, urlPath) {
  let p;
  try {
    p = decodeURIComponent(urlPath.split('?')[0].split('#')[0]);
  } catch {
    return null;
  }
  if (p.includes('\0')) return null;
  const full = resolve(root, '.' + (p.startsWith('/') ? p : '/' + p));
  if (full !== root && !full.startsWith(root + sep)) return null;
  return full;
}

/**
 * Start the server. Resolves to { url, port, close() } once it is listening.
 * @param {{root?: string, port?: number, host?: string}} [opts]
 */
export async function serve({ root = 'www', port = 8080, host = '127.0.0.1' } = {}) {
  const rootAbs = resolve(root);
  const server = createServer(async (req, res) => {
    try {
      if (req.method !== 'GET' && req.method !== 'HEAD') {
        return send(res, 405, 'method not allowed\n');
      }
      const head = req.method === 'HEAD';
      let file = resolveInside(rootAbs, new URL(req.url, 'http://x').pathname);
      if (!file) return send(res, 404, 'not found\n', undefined, head);
      let st = await stat(file).catch(() => null);
      if (st && st.isDirectory()) {
        file = join(file, 'index.html');
        st = await stat(file).catch(() => null);
      }
      if (!st || !st.isFile()) return send(res, 404, 'not found\n', undefined, head);
      const type = MIME[extname(file).toLowerCase()] || 'application/octet-stream';
      const body = await readFile(file);
      send(res, 200, body, type, head);
    } catch (err) {
      send(res, 500, 'internal error\n');
    }
  });
  await new Promise((ok, fail) => {
    server.once('error', fail);
    server.listen(port, host, () => {
      server.off('error', fail);
      ok();
    });
  });
  const actual = server.address().port;
  return {
    url: `http://${host}:${actual}/`,
    port: actual,
    server,
    close: () =>
      new Promise((ok) => {
        server.close(() => ok());
        server.closeAllConnections?.();
      }),
  };
}

function parseArgs(argv) {
  const opts = { port: 8080, root: 'www' };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const [k, inline] = a.includes('=') ? a.split(/=(.*)/s) : [a, undefined];
    const val = () => (inline !== undefined ? inline : argv[++i]);
    if (k === '--port' || k === '-p') opts.port = Number(val());
    else if (k === '--root' || k === '-r') opts.root = val();
    else if (k === '--help' || k === '-h') {
      console.log('usage: node scripts/serve.mjs [--port 8080] [--root www]');
      process.exit(0);
    } else {
      console.error(`serve.mjs: unknown argument ${a}`);
      process.exit(2);
    }
  }
  if (!Number.isInteger(opts.port) || opts.port < 0 || opts.port > 65535) {
    console.error('serve.mjs: --port must be an integer 0..65535');
    process.exit(2);
  }
  return opts;
}

const isMain = process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url);
if (isMain) {
  const opts = parseArgs(process.argv.slice(2));
  serve(opts).then(
    ({ url }) => {
      const shown = opts.root.endsWith('/') ? opts.root : opts.root + '/';
      console.log(`serving ${shown} on ${url}`);
    },
    (err) => {
      console.error(`serve.mjs: ${err.message}`);
      process.exit(1);
    },
  );
}
