/**
 * Builds the app once and serves dist/ on a free port for the browser tests.
 */
import path from 'node:path';
import type { Server } from 'node:http';
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string;
  }
}

const root = path.resolve(import.meta.dirname, '../..');
let server: Server | undefined;

export async function setup(project: TestProject): Promise<void> {
  const { buildAll } = (await import(path.join(root, 'build.mjs'))) as { buildAll(o: { quiet: boolean }): Promise<void> };
  const { serveDirectory } = (await import(path.join(root, 'scripts/serve.mjs'))) as {
    serveDirectory(dir: string, o: { port: number }): Promise<Server>;
  };
  if (!process.env.ROUNDTRIP_SKIP_BUILD) await buildAll({ quiet: true });
  server = await serveDirectory(path.join(root, 'dist'), { port: 0 });
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('test server has no port');
  project.provide('baseUrl', `http://127.0.0.1:${address.port}/`);
}

export async function teardown(): Promise<void> {
  await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
}
