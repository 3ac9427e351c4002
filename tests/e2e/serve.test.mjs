// scripts/serve.mjs: MIME types, 404s, no way out of the root, 127.0.0.1 only.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { request } from 'node:http';
import { mkdtempSync, writeFileSync, mkdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawn } from 'node:child_process';
import { serve } from '../../scripts/serve.mjs';
import { REPO } from './helpers.mjs';

let dir;
let srv;

// Raw GET so that "../" is sent as written (fetch/URL would normalise it away).
function get(port, path) {
  return new Promise((ok, fail) => {
    const req = request({ host: '127.0.0.1', port, path, method: 'GET' }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (c) => (body += c));
      res.on('end', () => ok({ status: res.statusCode, type: res.headers['content-type'], headers: res.headers, body }));
    });
    req.on('error', fail);
    req.end();
  });
}

before(async () => {
  dir = mkdtempSync(join(tmpdir(), 'crosscheck-serve-'));
  mkdirSync(join(dir, 'root', 'pkg'), { recursive: true });
  mkdirSync(join(dir, 'root', 'sub'), { recursive: true });
  writeFileSync(join(dir, 'secret.txt'), 'outside the root');
  writeFileSync(join(dir, 'root', 'index.html'), '<!doctype html><title>t</title>');
  writeFileSync(join(dir, 'root', 'a.js'), 'export {}');
  writeFileSync(join(dir, 'root', 'b.mjs'), 'export {}');
  writeFileSync(join(dir, 'root', 'c.css'), 'body{}');
  writeFileSync(join(dir, 'root', 'd.json'), '{}');
  writeFileSync(join(dir, 'root', 'e.txt'), 'Erdoğan');
  writeFileSync(join(dir, 'root', 'pkg', 'x.wasm'), Buffer.from([0, 0x61, 0x73, 0x6d, 1, 0, 0, 0]));
  writeFileSync(join(dir, 'root', 'sub', 'index.html'), 'sub');
  srv = await serve({ root: join(dir, 'root'), port: 0 });
});

after(async () => {
  await srv?.close();
  rmSync(dir, { recursive: true, force: true });
});

test('serves files with the right MIME types', async () => {
  assert.match(srv.url, /^http:\/\/127\.0\.0\.1:\d+\/$/);
  const want = {
    '/': 'text/html',
    '/index.html': 'text/html',
    '/a.js': 'text/javascript',
    '/b.mjs': 'text/javascript',
    '/c.css': 'text/css',
    '/d.json': 'application/json',
    '/e.txt': 'text/plain; charset=utf-8',
    '/pkg/x.wasm': 'application/wasm',
    '/sub/': 'text/html',
  };
  for (const [path, type] of Object.entries(want)) {
    const r = await get(srv.port, path);
    assert.equal(r.status, 200, path);
    assert.ok(r.type.startsWith(type), `${path}: ${r.type}`);
  }
  assert.equal((await get(srv.port, '/e.txt')).body, 'Erdoğan');
  assert.equal((await get(srv.port, '/index.html?x=1#y')).status, 200);
});

test('404 for missing files and for any path outside the root', async () => {
  for (const path of ['/nope.js', '/pkg/', '/../secret.txt', '/sub/../../secret.txt', '/%2e%2e/secret.txt', '/..%2fsecret.txt', '/%2e%2e%5csecret.txt', '/%00', '/%zz']) {
    const r = await get(srv.port, path);
    assert.equal(r.status, 404, path);
    assert.ok(!r.body.includes('outside the root'), path);
  }
});

test('the command line prints the URL for --port 0 and binds 127.0.0.1', async () => {
  const child = spawn(process.execPath, ['scripts/serve.mjs', '--port', '0', '--root', join(dir, 'root')], { cwd: REPO });
  try {
    const line = await new Promise((ok, fail) => {
      let out = '';
      child.stdout.on('data', (c) => {
        out += c;
        if (out.includes('\n')) ok(out.trim());
      });
      child.on('exit', (code) => fail(new Error(`exited with ${code}`)));
      setTimeout(() => fail(new Error('no output in 5 s')), 5000);
    });
    const m = /^serving .+\/ on http:\/\/127\.0\.0\.1:(\d+)\/$/.exec(line);
    assert.ok(m, line);
    assert.ok(Number(m[1]) > 0);
    assert.equal((await get(Number(m[1]), '/a.js')).status, 200);
  } finally {
    child.kill();
  }
});
