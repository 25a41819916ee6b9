// drizzle-kit: every schema file under ledger/src/db/schema/ (tests beside them excluded),
// migrations in ledger/drizzle, snake_case columns.
import { defineConfig } from 'drizzle-kit';
import { readdirSync } from 'node:fs';

const schemaFolder = './ledger/src/db/schema';
const schemaFiles = readdirSync(schemaFolder)
  .filter((name) => name.endsWith('.ts') && !name.endsWith('.test.ts'))
  .map((name) => `${schemaFolder}/${name}`);

export default defineConfig({
  dialect: 'sqlite',
  schema: schemaFiles,
  out: './ledger/drizzle',
  casing: 'snake_case',
  dbCredentials: { url: process.env.DATABASE_URL ?? 'file:data/linli.db' },
});
