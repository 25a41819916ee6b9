// Reads a gift unit makes inside the ledger writer: the registered relation between giver and recipient, whether
// both are registered, the minutes the giver already gave this year (posted gifts from the giver's main time), and the
// settings that bound a gift: the giver's station's yearly gift cap and the recipient's station's storage cap.

import type { Client } from '@libsql/client';
import { isFamilyRelation, type FamilyRelation } from '../../../../domain/person.ts';
import { effectiveRuleSetting } from '../station/station-settings.ts';

export type GiftFacts = {
  giverStationId: string | null; recipientExists: boolean; relation: FamilyRelation | null; givenThisYearMinutes: number;
  /** The giver's station's `giftYearlyCapMinutes` setting (rule 10), default filled in. */
  yearlyCapMinutes: number;
  /** The recipient's station's `timeStorageCapMinutes` setting (rule 9), default filled in. */
  recipientStorageCapMinutes: number;
};

export async function loadGiftFacts(client: Client, input: { giverId: string; recipientId: string; giverTimeKey: string; yearStartMs: number }): Promise<GiftFacts> {
  const [giver, recipient, link, given] = await client.batch([
    { sql: 'SELECT p.station_id, s.gift_yearly_cap_minutes FROM people p LEFT JOIN station_settings s ON s.station_id = p.station_id WHERE p.id = ?', args: [input.giverId] },
    { sql: 'SELECT s.time_storage_cap_minutes FROM people p LEFT JOIN station_settings s ON s.station_id = p.station_id WHERE p.id = ?', args: [input.recipientId] },
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
    yearlyCapMinutes: effectiveRuleSetting('giftYearlyCapMinutes', giver!.rows[0]?.gift_yearly_cap_minutes),
    recipientStorageCapMinutes: effectiveRuleSetting('timeStorageCapMinutes', recipient!.rows[0]?.time_storage_cap_minutes),
  };
}

/** The station a person is registered at, or null when unknown (for a staff gift's scope check). */
export async function personStationId(client: Client, personId: string): Promise<string | null> {
  const result = await client.execute({ sql: 'SELECT station_id FROM people WHERE id = ?', args: [personId] });
  return result.rows[0] ? String(result.rows[0].station_id) : null;
}
