// drizzle-kit: every schema file under ledger/src/db/schema/, migrations in ledger/drizzle, snake_case columns.
import { defineConfig } from 'drizzle-kit';

export default defineConfig({
  dialect: 'sqlite',
  schema: './ledger/src/db/schema/*.ts',
  out: './ledger/drizzle',
  casing: 'snake_case',
  dbCredentials: { url: process.env.DATABASE_URL ?? 'file:data/linli.db' },
});
