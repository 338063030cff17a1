/**
 * Debian's nginx serving a built site behind HTTP basic auth, for the hosting test: the same
 * server block as docs/deploy.md recommends, on 127.0.0.1 only, with every file nginx writes
 * (pid, logs, temp folders) inside a fresh temporary folder, run in the foreground as a child
 * process (`daemon off`, `master_process off`: one process, the test's own user, no `user`
 * switch) and stopped by its pid.
 *
 * Policy, as for Chromium (browser.ts): CI installs nginx (.ci/run), so there a missing nginx is
 * a failure; on a developer machine without it the nginx tests are skipped with a message
 * saying how to get it.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createConnection, createServer, type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

/** Debian's nginx; TAVLA_NGINX may point elsewhere (another machine, or to try the policy). */
export const NGINX_PATH = process.env.TAVLA_NGINX || '/usr/sbin/nginx';

export const MISSING_NGINX_MESSAGE = `nginx not found at ${NGINX_PATH} (install it with: apt-get update && apt-get install -y nginx)`;

/** Whether nginx is installed where the tests look for it. */
export function nginxAvailable(): boolean {
  return existsSync(NGINX_PATH);
}

export interface NginxPolicy {
  /** Run the nginx tests (false only on a developer machine without nginx). */
  run: boolean;
  /** Why they are skipped or will fail; empty when nginx is there. */
  reason: string;
}

/** Run when nginx is there; on CI run anyway (and fail loudly) when it is not; else skip. */
export function nginxPolicy(env: NodeJS.ProcessEnv = process.env): NginxPolicy {
  if (nginxAvailable()) return { run: true, reason: '' };
  if (env.CI) return { run: true, reason: `${MISSING_NGINX_MESSAGE}; CI must install it, so the nginx tests fail` };
  return { run: false, reason: `${MISSING_NGINX_MESSAGE}; skipping the nginx tests on this machine` };
}

export type HashScheme = 'apr1' | 'sha';

function opensslAvailable(): boolean {
  return spawnSync('openssl', ['version'], { stdio: 'ignore', timeout: 10_000 }).status === 0;
}

/**
 * One htpasswd line. `apr1` is what `openssl passwd -apr1` writes (the password goes in on
 * stdin, never on the command line); `sha` is `{SHA}` + base64(SHA-1), computed here, for
 * machines without openssl. Default: apr1 when openssl is there.
 */
export function htpasswdLine(user: string, password: string, scheme: HashScheme = opensslAvailable() ? 'apr1' : 'sha'): string {
  if (user.includes(':') || /[\r\n]/.test(user) || /[\r\n]/.test(password)) {
    throw new Error('an htpasswd user has no ":" and neither user nor password a line break');
  }
  if (scheme === 'sha') return `${user}:{SHA}${createHash('sha1').update(password, 'utf8').digest('base64')}`;
  const result = spawnSync('openssl', ['passwd', '-apr1', '-stdin'], { input: `${password}\n`, encoding: 'utf8', timeout: 10_000 });
  const hash = result.stdout?.trim() ?? '';
  if (result.status !== 0 || !hash.startsWith('$apr1$')) {
    throw new Error(`openssl passwd -apr1 failed (${result.status}): ${result.stderr ?? result.error?.message ?? ''}`);
  }
  return `${user}:${hash}`;
}

/** A port that was free a moment ago: bind port 0 on 127.0.0.1, read it, let it go. */
export function freePort(): Promise<number> {
  return new Promise((resolvePort, rejectPort) => {
    const server = createServer();
    server.once('error', rejectPort);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      server.close(() => resolvePort(port));
    });
  });
}

/** A path as an nginx string literal (double-quoted; no quote, backslash or line break allowed). */
function quoted(path: string): string {
  if (/["\\\r\n$]/.test(path)) throw new Error(`nginx test: path not usable in a config file: ${path}`);
  return `"${path}"`;
}

/**
 * The part of the server block that docs/deploy.md prescribes for the basic-auth setup
 * (the test checks that the documentation carries these same lines).
 */
export function protectedSiteDirectives(htpasswdPath: string): string[] {
  return [
    'auth_basic "Sales reports";',
    `auth_basic_user_file ${htpasswdPath};`,
    'add_header X-Robots-Tag "noindex, nofollow" always;',
    'add_header Referrer-Policy no-referrer always;',
    'add_header X-Content-Type-Options nosniff always;',
    'add_header Cache-Control "private, no-store" always;',
  ];
}

export interface NginxConfigOptions {
  /** Folder with the built site (served as the document root). */
  siteDir: string;
  /** Temporary folder for pid, logs, temp paths and the htpasswd file. */
  workDir: string;
  port: number;
}

/** A complete, self-contained nginx.conf (no include of the system's files). */
export function nginxConfig({ siteDir, workDir, port }: NginxConfigOptions): string {
  const at = (name: string) => quoted(join(workDir, name));
  const directives = protectedSiteDirectives(at('htpasswd'));
  return `# written by test/support/nginx.ts for one test run
daemon off;
master_process off;
worker_processes 1;
pid ${at('nginx.pid')};
error_log ${at('error.log')} warn;

events {
  worker_connections 64;
}

http {
  access_log ${at('access.log')};
  client_body_temp_path ${at('client_body')};
  proxy_temp_path ${at('proxy')};
  fastcgi_temp_path ${at('fastcgi')};
  uwsgi_temp_path ${at('uwsgi')};
  scgi_temp_path ${at('scgi')};

  types {
    text/html html;
    text/css css;
    application/json json;
    text/csv csv;
    text/plain txt;
    image/svg+xml svg;
    image/x-icon ico;
  }
  default_type application/octet-stream;
  charset utf-8;
  charset_types text/css text/plain text/csv application/json image/svg+xml;
  server_tokens off;
  keepalive_timeout 5s;

  server {
    listen 127.0.0.1:${port};
    server_name localhost;
    root ${quoted(resolve(siteDir))};
    index index.html;
    absolute_redirect off;

${directives.map((line) => `    ${line}`).join('\n')}

    location / {
      try_files $uri $uri/ =404;
    }

    # Nothing that starts with a dot (.nojekyll, .git, editors' files) is served.
    location ~ /\\. {
      deny all;
    }
  }
}
`;
}

export interface NginxServer {
  /** Origin with no trailing slash, e.g. `http://127.0.0.1:41234`. */
  url: string;
  /** The temporary folder with nginx.conf, htpasswd and the logs. */
  workDir: string;
  /** nginx's error log so far (for failure messages). */
  errorLog(): string;
  close(): Promise<void>;
}

export interface StartNginxOptions {
  siteDir: string;
  /** htpasswd lines (see htpasswdLine). */
  users: string[];
  /** How long to wait for the port to accept connections. */
  startTimeoutMs?: number;
}

function canConnect(port: number): Promise<boolean> {
  return new Promise((resolveConnect) => {
    const socket = createConnection({ host: '127.0.0.1', port });
    const done = (ok: boolean) => {
      socket.destroy();
      resolveConnect(ok);
    };
    socket.setTimeout(1_000, () => done(false));
    socket.once('connect', () => done(true));
    socket.once('error', () => done(false));
  });
}

function waitForExit(child: ChildProcess, ms: number): Promise<boolean> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve(true);
  return new Promise((resolveExit) => {
    const timer = setTimeout(() => resolveExit(false), ms);
    child.once('exit', () => {
      clearTimeout(timer);
      resolveExit(true);
    });
  });
}

async function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  child.kill('SIGTERM');
  if (await waitForExit(child, 5_000)) return;
  child.kill('SIGKILL');
  await waitForExit(child, 5_000);
}

/** One attempt on one port: resolves when the port answers, rejects when nginx exits or times out. */
async function launch(workDir: string, port: number, siteDir: string, timeoutMs: number): Promise<ChildProcess> {
  const confPath = join(workDir, 'nginx.conf');
  writeFileSync(confPath, nginxConfig({ siteDir, workDir, port }));
  let output = '';
  // -e: the error log before the config is read (else nginx tries /var/log/nginx/error.log).
  const child = spawn(NGINX_PATH, ['-p', workDir, '-e', join(workDir, 'error.log'), '-c', confPath], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  let exited = false;
  child.once('exit', () => (exited = true));
  child.once('error', (error) => {
    exited = true;
    output += `\n${error.message}`;
  });

  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (exited) break;
    if (await canConnect(port)) return child;
    await new Promise((r) => setTimeout(r, 50));
  }
  await stop(child);
  const log = existsSync(join(workDir, 'error.log')) ? readFileSync(join(workDir, 'error.log'), 'utf8') : '';
  throw new Error(
    `nginx did not start on 127.0.0.1:${port} (${exited ? `exited with ${child.exitCode ?? child.signalCode}` : `no answer within ${timeoutMs} ms`}):\n${output}\n${log}`.trim(),
  );
}

/** Starts nginx over `siteDir` behind basic auth; tries up to three free ports. */
export async function startNginx({ siteDir, users, startTimeoutMs = 10_000 }: StartNginxOptions): Promise<NginxServer> {
  if (!nginxAvailable()) throw new Error(MISSING_NGINX_MESSAGE);
  const workDir = mkdtempSync(join(tmpdir(), 'tavla-nginx-'));
  writeFileSync(join(workDir, 'htpasswd'), `${users.join('\n')}\n`, { mode: 0o600 });
  let lastError: Error | undefined;
  for (let attempt = 0; attempt < 3; attempt += 1) {
    const port = await freePort();
    try {
      const child = await launch(workDir, port, siteDir, startTimeoutMs);
      return {
        url: `http://127.0.0.1:${port}`,
        workDir,
        errorLog: () => (existsSync(join(workDir, 'error.log')) ? readFileSync(join(workDir, 'error.log'), 'utf8') : ''),
        close: async () => {
          await stop(child);
          rmSync(workDir, { recursive: true, force: true });
        },
      };
    } catch (error) {
      lastError = error as Error;
      // Another process may have taken the port between freePort() and nginx's bind: try again.
      if (!/Address already in use|bind\(\)/i.test(lastError.message)) break;
    }
  }
  rmSync(workDir, { recursive: true, force: true });
  throw lastError ?? new Error('nginx did not start');
}

/** A random password for one test run (never a fixed one in the repository). */
export function randomPassword(): string {
  return randomBytes(18).toString('base64url');
}
