/**
 * The app server (scripts/serve.mjs) under a careless or hostile client, on 127.0.0.1 only.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '../..');
const serveModule = path.join(root, 'scripts/serve.mjs');

let dir: string;

beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'roundtrip-serve-'));
  writeFileSync(path.join(dir, 'index.html'), '<!doctype html><title>t</title><p>hello</p>\n');
  // Large enough that the server is still sending it when the client hangs up.
  writeFileSync(path.join(dir, 'big.bin'), Buffer.alloc(16 * 1024 * 1024, 1));
});

afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

/** Starts the server in a child process limited to `nofile` open files; resolves with its port. */
function startServer(nofile: number): Promise<{ child: ChildProcess; port: number; output: () => string }> {
  const script = `import(${JSON.stringify(serveModule)}).then((m) => m.serveDirectory(${JSON.stringify(dir)}, { port: 0 })).then((s) => console.log('port ' + s.address().port));`;
  const child = spawn('bash', ['-c', `ulimit -n ${nofile} && exec "$0" --input-type=module -e "$1"`, process.execPath, script], { stdio: ['ignore', 'pipe', 'pipe'] });
  let text = '';
  child.stdout!.on('data', (chunk: Buffer) => (text += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => (text += chunk.toString()));
  return new Promise((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`server exited (${code}) before listening:\n${text}`)));
    child.stdout!.on('data', () => {
      const match = /port (\d+)/.exec(text);
      if (match) resolve({ child, port: Number(match[1]), output: () => text });
    });
  });
}

/** Asks for `file`, waits for the first bytes of the answer, then hangs up. */
function abortedDownload(port: number, file: string): Promise<void> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1', () => socket.write(`GET /${file} HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n`));
    socket.once('data', () => socket.destroy());
    socket.once('error', () => resolve());
    socket.once('close', () => resolve());
  });
}

/** A plain GET over a fresh connection: status code and body. */
function get(port: number, target: string): Promise<{ status: number; head: string; body: string }> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1', () => socket.write(`GET ${target} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n`));
    let text = '';
    socket.on('data', (chunk: Buffer) => (text += chunk.toString('latin1')));
    socket.once('error', reject);
    socket.once('close', () => {
      const [head = '', body = ''] = text.split('\r\n\r\n', 2);
      resolve({ status: Number(/^HTTP\/1\.1 (\d+)/.exec(head)?.[1] ?? 0), head, body });
    });
  });
}

describe('serveDirectory under a low open-file limit', () => {
  it('still answers after 400 downloads aborted by the client (no file handle is leaked)', async () => {
    const { child, port, output } = await startServer(128);
    try {
      for (let batch = 0; batch < 20; batch++) {
        await Promise.all(Array.from({ length: 20 }, () => abortedDownload(port, 'big.bin')));
      }
      const answer = await get(port, '/index.html');
      expect(answer.status, output()).toBe(200);
      expect(answer.body).toContain('hello');
      expect(child.exitCode, output()).toBe(null);
    } finally {
      child.kill();
    }
  });
});

describe('serveDirectory with an over-long link', () => {
  it('answers a 100 KB query with a short page saying the link is too long', async () => {
    const { child, port, output } = await startServer(1024);
    try {
      const answer = await get(port, `/?firm=${'x'.repeat(100 * 1024)}`);
      expect(answer.status, output()).toBe(431);
      expect(answer.head.toLowerCase()).toContain('content-type: text/html');
      expect(answer.body).toContain('This link is too long');
      expect((await get(port, '/')).status).toBe(200);
    } finally {
      child.kill();
    }
  });
});

describe('serveDirectory and frames', () => {
  const policyOf = (head: string): string => /content-security-policy: ([^\r\n]*)/i.exec(head)?.[1] ?? '';

  it('lets any page frame the embedded view (embed=1) and only the app frame the others', async () => {
    const { child, port, output } = await startServer(1024);
    try {
      const plain = await get(port, '/?loop=amd%3Eopenai');
      expect(policyOf(plain.head), output()).toContain("frame-ancestors 'self'");
      const embedded = await get(port, '/?loop=amd%3Eopenai&embed=1');
      expect(policyOf(embedded.head)).toContain('frame-ancestors *');
      // The rest of the policy is the same strict one.
      expect(policyOf(embedded.head).replace('frame-ancestors *', "frame-ancestors 'self'")).toBe(policyOf(plain.head));
      // As the app reads the link: the last value counts, and anything but 1 is not the embedded view.
      for (const target of ['/?embed=1&embed=0', '/?embed=2', '/?embed=', '/?xembed=1']) {
        expect(policyOf((await get(port, target)).head), target).toContain("frame-ancestors 'self'");
      }
      expect(policyOf((await get(port, '/?embed=0&embed=1')).head)).toContain('frame-ancestors *');
    } finally {
      child.kill();
    }
  });
});
