/**
 * A tiny static file server over one folder, for the browser tests: listens on 127.0.0.1 on a
 * free port, serves files with their content type, `dir/` as `dir/index.html`, redirects
 * `dir` to `dir/` (as static hosts do), answers 404 for anything missing and refuses any path
 * that tries to leave the folder (`..`, also percent-encoded, backslashes, NUL bytes).
 */
import { createReadStream } from 'node:fs';
import { realpath, stat } from 'node:fs/promises';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, resolve, sep } from 'node:path';

export interface StaticServer {
  /** Origin with no trailing slash, e.g. `http://127.0.0.1:41234`. */
  url: string;
  close(): Promise<void>;
}

export const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.csv': 'text/csv; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.avif': 'image/avif',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.pdf': 'application/pdf',
  '.webmanifest': 'application/manifest+json',
};

function plain(res: ServerResponse, status: number, text: string, headers: Record<string, string> = {}): void {
  res.writeHead(status, { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store', ...headers });
  res.end(`${text}\n`);
}

/** The URL path's segments, decoded, or null when the path is malformed or tries to climb out. */
function safeSegments(rawPath: string): string[] | null {
  const segments: string[] = [];
  for (const raw of rawPath.split('/')) {
    let segment: string;
    try {
      segment = decodeURIComponent(raw);
    } catch {
      return null;
    }
    if (segment === '..' || segment === '.' || segment.includes('/') || segment.includes('\\') || segment.includes('\0')) {
      return null;
    }
    segments.push(segment);
  }
  return segments;
}

async function statOrNull(path: string) {
  try {
    return await stat(path);
  } catch {
    return null;
  }
}

export async function startStaticServer(folder: string): Promise<StaticServer> {
  const root = await realpath(resolve(folder));

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      plain(res, 405, 'method not allowed', { allow: 'GET, HEAD' });
      return;
    }
    const target = req.url ?? '/';
    const rawPath = target.split(/[?#]/, 1)[0] ?? '/';
    const query = target.slice(rawPath.length);
    if (!rawPath.startsWith('/')) {
      plain(res, 400, 'bad request');
      return;
    }
    const segments = safeSegments(rawPath);
    if (segments === null) {
      plain(res, 403, 'forbidden');
      return;
    }
    let file = join(root, ...segments);
    // Belt and braces: whatever the segments were, the file must lie inside the folder.
    if (file !== root && !file.startsWith(root + sep)) {
      plain(res, 403, 'forbidden');
      return;
    }
    let info = await statOrNull(file);
    if (info?.isDirectory()) {
      if (!rawPath.endsWith('/')) {
        plain(res, 301, 'moved', { location: `${rawPath}/${query}` });
        return;
      }
      file = join(file, 'index.html');
      info = await statOrNull(file);
    }
    if (!info?.isFile()) {
      plain(res, 404, `not found: ${rawPath}`);
      return;
    }
    // A symlink inside the folder must not lead outside it either.
    const real = await realpath(file);
    if (real !== root && !real.startsWith(root + sep)) {
      plain(res, 403, 'forbidden');
      return;
    }
    res.writeHead(200, {
      'content-type': CONTENT_TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream',
      'content-length': String(info.size),
      'cache-control': 'no-store',
      'x-content-type-options': 'nosniff',
    });
    if (req.method === 'HEAD') {
      res.end();
      return;
    }
    createReadStream(file)
      .on('error', () => res.destroy())
      .pipe(res);
  }

  const server = createServer((req, res) => {
    handle(req, res).catch(() => {
      if (!res.headersSent) plain(res, 500, 'internal error');
      else res.destroy();
    });
  });
  await new Promise<void>((resolveListen, rejectListen) => {
    server.once('error', rejectListen);
    server.listen(0, '127.0.0.1', () => resolveListen());
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolveClose, rejectClose) => {
        server.closeAllConnections();
        server.close((error) => (error ? rejectClose(error) : resolveClose()));
      }),
  };
}
