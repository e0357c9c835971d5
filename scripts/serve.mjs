// A small static file server for dist/, bound to 127.0.0.1. Node built-ins only.
// Pages are sent with a strict Content-Security-Policy. Source maps and the CLI bundle are served
// only with `dev: true` (`npm start -- --dev` or ROUNDTRIP_DEV=1).
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { createServer } from 'node:http';
import path from 'node:path';
import { pipeline } from 'node:stream';

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
};

/**
 * The policy of every page: scripts, workers and requests only from this server, no inline script
 * and no eval. Inline styles stay allowed: Cytoscape adds a <style> element for its container and
 * the components bind `style` attributes (colour swatches, the distress scale). Pictures are drawn
 * from blob: and data: URLs when exported. Only the app's own pages may frame a page
 * (`frame-ancestors 'self'`), except the embedded view (`?embed=1`), which any site may show in an
 * <iframe>: it has no action a framing page could trick a reader into (no account, no upload to a
 * server; opening the full app leaves the frame).
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  "worker-src 'self'",
  "connect-src 'self'",
  "img-src 'self' data: blob:",
  "style-src 'self' 'unsafe-inline'",
  "font-src 'self'",
  "manifest-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'self'",
].join('; ');

/** The policy of the embedded view: the same, framable from any page. */
export const EMBED_CONTENT_SECURITY_POLICY = CONTENT_SECURITY_POLICY.replace("frame-ancestors 'self'", 'frame-ancestors *');

/** Whether the address asks for the embedded view (`embed=1`, as the app reads it: the last value counts). */
export function isEmbedRequest(url) {
  return url.searchParams.getAll('embed').at(-1) === '1';
}

/** Files the app does not need: left out unless serving for development. */
function devOnly(relative) {
  return relative.endsWith('.map') || relative === 'cli.mjs' || relative.startsWith('cli-chunks/');
}

/**
 * Serves `dir`; resolves with the server once it listens. Port 0 picks a free port; `dev` also
 * serves source maps and the CLI (cli.mjs, cli-chunks/).
 */
export function serveDirectory(dir, { port = 8080, host = '127.0.0.1', dev = false } = {}) {
  const root = path.resolve(dir);
  const server = createServer(async (request, response) => {
    try {
      const url = new URL(request.url ?? '/', 'http://localhost');
      let file = path.normalize(path.join(root, decodeURIComponent(url.pathname)));
      if (file !== root && !file.startsWith(root + path.sep)) {
        response.writeHead(403).end('forbidden');
        return;
      }
      let info = await stat(file).catch(() => null);
      if (info?.isDirectory()) {
        file = path.join(file, 'index.html');
        info = await stat(file).catch(() => null);
      }
      if (!info?.isFile() || (!dev && devOnly(path.relative(root, file).split(path.sep).join('/')))) {
        response.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('not found');
        return;
      }
      const type = TYPES[path.extname(file)] ?? 'application/octet-stream';
      response.writeHead(200, {
        'content-type': type,
        'content-length': info.size,
        'cache-control': 'no-cache',
        'x-content-type-options': 'nosniff',
        ...(type.startsWith('text/html') ? { 'content-security-policy': isEmbedRequest(url) ? EMBED_CONTENT_SECURITY_POLICY : CONTENT_SECURITY_POLICY } : {}),
      });
      if (request.method === 'HEAD') response.end();
      // pipeline closes the file when the client hangs up or reading fails; a bare pipe() kept it
      // open, one handle per aborted download, until the process ran out of them.
      else pipeline(createReadStream(file), response, (error) => {
        if (error) response.destroy();
      });
    } catch {
      response.writeHead(400).end('bad request');
    }
  });
  // A request whose address or headers are over Node's limit never reaches the handler: answer it
  // with a page that says why, instead of a bare 431 and a blank tab.
  server.on('clientError', (error, socket) => {
    if (!socket.writable) return socket.destroy();
    if (error?.code === 'HPE_HEADER_OVERFLOW') {
      const body = `<!doctype html><html lang="en"><meta charset="utf-8"><title>Link too long</title><p>This link is too long for the server to read (over ${Math.round(server.maxHeaderSize / 1024)} KB). Open <a href="/">Roundtrip</a> without it, or shorten the link.</p></html>\n`;
      socket.end(
        'HTTP/1.1 431 Request Header Fields Too Large\r\n' +
          'Content-Type: text/html; charset=utf-8\r\n' +
          `Content-Length: ${Buffer.byteLength(body)}\r\n` +
          `Content-Security-Policy: ${CONTENT_SECURITY_POLICY}\r\n` +
          'Connection: close\r\n\r\n' +
          body,
      );
    } else {
      socket.end('HTTP/1.1 400 Bad Request\r\nConnection: close\r\n\r\n');
    }
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolve(server));
  });
}
