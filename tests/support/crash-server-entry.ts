// The crash test's server process: what `npm start` (ledger/src/node.ts) runs, with the web-app build switched
// off so each of the many restarts is quick. Prints one `listening <url>` line once it serves; SIGTERM closes it.

import { startServer } from '../../ledger/src/server.ts';

try {
  const server = await startServer({ env: process.env, buildWebApps: false, log: (line) => console.log(line) });
  console.log(`listening ${server.url}`);
  const stop = () => void server.close().then(() => process.exit(0));
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
} catch (error) {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
}
