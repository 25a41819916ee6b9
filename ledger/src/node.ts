// `npm start`: starts the station service on Node with the process environment and prints where it listens.
// A bad environment stops start-up with the full list of what is wrong.

import { startServer } from './server.ts';

try {
  const server = await startServer({ env: process.env });
  console.log(`Linli (邻里) listening on ${server.url}  (kiosk ${server.url}/kiosk/, admin ${server.url}/admin/, volunteers ${server.url}/me/)`);
  const stop = () => void server.close().then(() => process.exit(0));
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
} catch (error) {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
}
