// Reads a gift unit makes inside the ledger writer: the registered relation between giver and recipient, whether
// both are registered, and the minutes the giver already gave this year (posted gifts from the giver's main time).

import type { Client } from '@libsql/client';
import { isFamilyRelation, type FamilyRelation } from '../../../../domain/person.ts';

export type GiftFacts = { giverStationId: string | null; recipientExists: boolean; relation: FamilyRelation | null; givenThisYearMinutes: number };

export async function loadGiftFacts(client: Client, input: { giverId: string; recipientId: string; giverTimeKey: string; yearStartMs: number }): Promise<GiftFacts> {
  const [giver, recipient, link, given] = await client.batch([
    { sql: 'SELECT station_id FROM people WHERE id = ?', args: [input.giverId] },
    { sql: 'SELECT 1 FROM people WHERE id = ?', args: [input.recipientId] },
    { sql: 'SELECT relation FROM family_links WHERE person_id = ? AND relative_id = ?', args: [input.giverId, input.recipientId] },
    { sql: `SELECT COALESCE(-SUM(p.amount), 0) AS given FROM postings p JOIN transactions t ON t.ledger_seq = p.ledger_seq
            WHERE t.kind = 'gift' AND t.status = 'posted' AND p.account_key = ? AND p.amount < 0 AND t.occurred_at_ms >= ?`, args: [input.giverTimeKey, input.yearStartMs] },
  ], 'read');
  const relation = link!.rows[0]?.relation;
  return {
    giverStationId: giver!.rows[0] ? String(giver!.rows[0].station_id) : null,
    recipientExists: recipient!.rows.length > 0,
    relation: isFamilyRelation(relation) ? relation : null,
    givenThisYearMinutes: Number(given!.rows[0]?.given ?? 0),
  };
}

/** The station a person is registered at, or null when unknown (for a staff gift's scope check). */
export async function personStationId(client: Client, personId: string): Promise<string | null> {
  const result = await client.execute({ sql: 'SELECT station_id FROM people WHERE id = ?', args: [personId] });
  return result.rows[0] ? String(result.rows[0].station_id) : null;
}
