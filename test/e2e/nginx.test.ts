/**
 * Hosting behind a login, for real: Debian's nginx serves the built demo site with the server
 * block docs/deploy.md prescribes (basic auth, noindex and no-referrer headers, try_files), on
 * 127.0.0.1 only. Without or with wrong credentials every address answers 401 with a
 * WWW-Authenticate challenge (pages, report.json, the CSV downloads); with the right ones the
 * pages come back unchanged. Both htpasswd hash kinds the docs mention are tried: APR1 from
 * `openssl passwd -apr1` and `{SHA}`.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { htpasswdLine, nginxPolicy, protectedSiteDirectives, randomPassword, startNginx, type NginxServer } from '../support/nginx.ts';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const siteDir = inject('siteDir');

const policy = nginxPolicy();
if (!policy.run) process.stderr.write(`\n⚠ nginx tests skipped: ${policy.reason}\n\n`);

const USER = 'reader';
const SHA_USER = 'reader-sha';
const PASSWORD = randomPassword();
const SHA_PASSWORD = randomPassword();
const REQUEST_TIMEOUT_MS = 5_000;

function basic(user: string, password: string): Record<string, string> {
  return { authorization: `Basic ${Buffer.from(`${user}:${password}`, 'utf8').toString('base64')}` };
}

function h1Of(html: string): string | undefined {
  return /<h1\b[^>]*>([\s\S]*?)<\/h1>/i
    .exec(html)?.[1]
    ?.replace(/<[^>]+>/g, '')
    .trim();
}

/** The first CSV download in the built site, as a URL path. */
function someCsv(): string | undefined {
  const dir = join(siteDir, 'data');
  if (!existsSync(dir)) return undefined;
  const name = readdirSync(dir).find((file) => file.endsWith('.csv'));
  return name ? `/data/${name}` : undefined;
}

describe.skipIf(!policy.run)(`the site behind nginx with basic auth${policy.run ? '' : ` — SKIPPED: ${policy.reason}`}`, () => {
  let server: NginxServer | undefined;
  let setupError: Error | undefined;

  beforeAll(async () => {
    try {
      server = await startNginx({
        siteDir,
        users: [htpasswdLine(USER, PASSWORD), htpasswdLine(SHA_USER, SHA_PASSWORD, 'sha')],
      });
    } catch (error) {
      setupError = error as Error;
    }
  });

  afterAll(async () => {
    await server?.close();
  });

  /** One bounded request to the test's own nginx on 127.0.0.1; redirects are not followed. */
  async function get(path: string, headers: Record<string, string> = {}): Promise<Response> {
    if (setupError) throw setupError;
    if (!server) throw new Error('nginx was not started');
    return fetch(`${server.url}${path}`, { headers, redirect: 'manual', signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS) });
  }

  function expectPrivacyHeaders(response: Response, what: string): void {
    expect(response.headers.get('x-robots-tag'), `${what}: X-Robots-Tag`).toBe('noindex, nofollow');
    expect(response.headers.get('referrer-policy'), `${what}: Referrer-Policy`).toBe('no-referrer');
  }

  it('GET /sv/ without credentials: 401 with a Basic WWW-Authenticate challenge and no page', async () => {
    const response = await get('/sv/');
    const body = await response.text();
    expect(response.status, server?.errorLog()).toBe(401);
    expect(response.headers.get('www-authenticate')).toMatch(/^Basic realm="[^"]+"/);
    expect(body).toMatch(/401 Authorization Required/);
    expect(body).not.toContain(h1Of(readFileSync(join(siteDir, 'sv/index.html'), 'utf8')) ?? '<main');
    expectPrivacyHeaders(response, '401 for /sv/');
  });

  it('GET /sv/ with a wrong password, or an unknown user: 401', async () => {
    for (const headers of [basic(USER, `${PASSWORD}x`), basic(USER, SHA_PASSWORD), basic('someone', PASSWORD), basic(USER, '')]) {
      const response = await get('/sv/', headers);
      await response.arrayBuffer();
      expect(response.status, `credentials ${headers.authorization}`).toBe(401);
      expect(response.headers.get('www-authenticate')).toMatch(/^Basic /);
    }
  });

  it('GET /sv/ with the right credentials (APR1 and {SHA} entries): 200 and the overview page as built', async () => {
    const onDisk = readFileSync(join(siteDir, 'sv/index.html'), 'utf8');
    const heading = h1Of(onDisk);
    expect(heading, 'the built /sv/index.html has no <h1>').toBeTruthy();
    for (const headers of [basic(USER, PASSWORD), basic(SHA_USER, SHA_PASSWORD)]) {
      const response = await get('/sv/', headers);
      const body = await response.text();
      expect(response.status, server?.errorLog()).toBe(200);
      expect(response.headers.get('content-type')).toMatch(/^text\/html/);
      expect(h1Of(body)).toBe(heading);
      expect(body).toBe(onDisk);
      expectPrivacyHeaders(response, '200 for /sv/');
    }
  });

  it('report.json and the CSV downloads need the login too', async () => {
    const paths = ['/report.json', '/', '/sv/sellers/', someCsv()].filter((path): path is string => path !== undefined);
    expect(paths.length).toBeGreaterThanOrEqual(4);
    for (const path of paths) {
      const response = await get(path);
      const body = await response.text();
      expect(response.status, `${path} without credentials`).toBe(401);
      expect(body, `${path}: the 401 page is nginx's short notice, nothing of the site`).toMatch(/401 Authorization Required/);
      expect(body.length, `${path}: the 401 page is nginx's short notice, nothing of the site`).toBeLessThan(1024);
      expectPrivacyHeaders(response, `401 for ${path}`);
    }
    const json = await get('/report.json', basic(USER, PASSWORD));
    expect(json.status).toBe(200);
    expect(json.headers.get('content-type')).toMatch(/^application\/json/);
    const text = await json.text();
    expect(text).toBe(readFileSync(join(siteDir, 'report.json'), 'utf8'));
    expect(() => JSON.parse(text)).not.toThrow();
  });

  it('with the login: a folder without its slash redirects relatively, missing files are 404, dot-files are refused', async () => {
    const redirect = await get('/sv', basic(USER, PASSWORD));
    await redirect.arrayBuffer();
    expect(redirect.status).toBe(301);
    expect(redirect.headers.get('location')).toBe('/sv/');
    const missing = await get('/sv/no-such-page/', basic(USER, PASSWORD));
    await missing.arrayBuffer();
    expect(missing.status).toBe(404);
    expectPrivacyHeaders(missing, '404');
    const dotFile = await get('/.nojekyll', basic(USER, PASSWORD));
    await dotFile.arrayBuffer();
    expect(dotFile.status).toBe(403);
  });
});

describe('docs/deploy.md', () => {
  it('prescribes the same auth and header lines as the nginx test serves with', () => {
    const docs = readFileSync(join(root, 'docs/deploy.md'), 'utf8');
    const missing = protectedSiteDirectives('/etc/nginx/tavla.htpasswd').filter((line) => !docs.includes(line));
    expect(missing, `lines of the tested server block not found in docs/deploy.md:\n  ${missing.join('\n  ')}`).toEqual([]);
    for (const line of ['try_files $uri $uri/ =404;', 'absolute_redirect off;', 'openssl passwd -apr1']) {
      expect(docs, `docs/deploy.md does not contain: ${line}`).toContain(line);
    }
  });
});
