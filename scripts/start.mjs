// `npm start`: install dependencies if needed, build, serve dist/ on 127.0.0.1 and print the URL.
// Port: --port N, or the PORT environment variable, or 8080. --dev (or ROUNDTRIP_DEV=1) also serves
// the source maps and cli.mjs.
import path from 'node:path';
import { ensureDependencies, root } from './ensure-deps.mjs';

function portFromArgs() {
  const args = process.argv.slice(2);
  const i = args.findIndex((a) => a === '--port' || a.startsWith('--port='));
  const raw = i < 0 ? process.env.PORT : args[i].includes('=') ? args[i].split('=')[1] : args[i + 1];
  if (raw === undefined || raw === '') return 8080;
  const port = Number(raw);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    console.error(`roundtrip: invalid port ${JSON.stringify(raw)}; use a number from 0 to 65535.`);
    process.exit(2);
  }
  return port;
}

const port = portFromArgs();
const dev = process.argv.includes('--dev') || Boolean(process.env.ROUNDTRIP_DEV);
ensureDependencies();
const { buildAll } = await import('../build.mjs');
await buildAll();
const { serveDirectory } = await import('./serve.mjs');
try {
  const server = await serveDirectory(path.join(root, 'dist'), { port, dev });
  const address = server.address();
  console.log(`Roundtrip is running at http://127.0.0.1:${address.port}/  (Ctrl+C to stop)`);
} catch (error) {
  const reason = error?.code === 'EADDRINUSE' ? `port ${port} is in use; try --port ${port + 1}` : String(error?.message ?? error);
  console.error(`roundtrip: cannot serve: ${reason}`);
  process.exit(1);
}
