/**
 * The browser tests' static server: content types, `dir/` → index.html, `dir` → redirect,
 * 404, and no way out of the folder however the path is spelled.
 */
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startStaticServer, type StaticServer } from './static-server.ts';

let base: string;
let server: StaticServer;

/** A raw GET: node:http sends the path exactly as written, so `..` reaches the server. */
function get(path: string, method = 'GET'): Promise<{ status: number; type: string; location: string; body: string }> {
  const { hostname, port } = new URL(server.url);
  return new Promise((resolve, reject) => {
    const req = request({ hostname, port, path, method }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (body += chunk));
      res.on('end', () =>
        resolve({
          status: res.statusCode ?? 0,
          type: String(res.headers['content-type'] ?? ''),
          location: String(res.headers.location ?? ''),
          body,
        }),
      );
    });
    req.on('error', reject);
    req.end();
  });
}

beforeAll(async () => {
  base = mkdtempSync(join(tmpdir(), 'tavla-static-'));
  const site = join(base, 'site');
  mkdirSync(join(site, 'sv/teams'), { recursive: true });
  mkdirSync(join(site, 'data'));
  writeFileSync(join(site, 'index.html'), '<p>root</p>');
  writeFileSync(join(site, 'sv/index.html'), '<p>sv</p>');
  writeFileSync(join(site, 'sv/teams/index.html'), '<p>teams</p>');
  writeFileSync(join(site, 'report.json'), '{"meta":{}}');
  writeFileSync(join(site, 'data/deals.csv'), 'a;b\n');
  writeFileSync(join(site, 'style.css'), 'body{}');
  writeFileSync(join(site, 'favicon.svg'), '<svg/>');
  writeFileSync(join(site, 'robots.txt'), 'User-agent: *\n');
  writeFileSync(join(base, 'secret.txt'), 'outside the site');
  symlinkSync(join(base, 'secret.txt'), join(site, 'link.txt'));
  server = await startStaticServer(site);
});

afterAll(async () => {
  await server.close();
  rmSync(base, { recursive: true, force: true });
});

describe('static server', () => {
  it('listens on 127.0.0.1 on a free port', () => {
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
  });

  it.each([
    ['/report.json', 'application/json'],
    ['/data/deals.csv', 'text/csv'],
    ['/style.css', 'text/css'],
    ['/favicon.svg', 'image/svg+xml'],
    ['/robots.txt', 'text/plain'],
    ['/sv/', 'text/html'],
  ])('serves %s as %s', async (path, type) => {
    const res = await get(path);
    expect(res.status, path).toBe(200);
    expect(res.type, path).toContain(type);
  });

  it('serves dir/ as dir/index.html, with or without a query', async () => {
    expect((await get('/')).body).toBe('<p>root</p>');
    expect((await get('/sv/teams/')).body).toBe('<p>teams</p>');
    expect((await get('/sv/teams/?x=1#top')).body).toBe('<p>teams</p>');
  });

  it('redirects a folder without its trailing slash', async () => {
    const res = await get('/sv/teams?x=1');
    expect(res.status).toBe(301);
    expect(res.location).toBe('/sv/teams/?x=1');
  });

  it('answers 404 for what is missing', async () => {
    expect((await get('/nope/')).status).toBe(404);
    expect((await get('/nope.html')).status).toBe(404);
    expect((await get('/data/')).status).toBe(404); // a folder without index.html
  });

  it('answers HEAD without a body and refuses other methods', async () => {
    const head = await get('/report.json', 'HEAD');
    expect(head.status).toBe(200);
    expect(head.body).toBe('');
    expect((await get('/report.json', 'POST')).status).toBe(405);
  });

  it.each([
    '/../secret.txt',
    '/sv/../../secret.txt',
    '/%2e%2e/secret.txt',
    '/%2E%2E/secret.txt',
    '/sv/%2e%2e%2f%2e%2e%2fsecret.txt',
    '/..%5csecret.txt',
    '/sv/..%2F..%2Fsecret.txt',
    '/sv%00/index.html',
    '/%E0%A4%A/',
    '/link.txt',
  ])('refuses %s', async (path) => {
    const res = await get(path);
    expect(res.status, `${path} → ${res.status}: ${res.body}`).toBeGreaterThanOrEqual(400);
    expect(res.body).not.toContain('outside the site');
  });
});
