// Proves rule 6 (auto-close after end + grace or 8 h, 0 credit, queued) and rule 7 (补录 capped at the scheduled length).
import { describe, expect, it } from 'vitest';
import { activityRules } from './activity.ts';
import { decideForgottenCheckOut, decideSupplementaryMinutes } from './forgotten-check-out.ts';

const minute = 60_000;
const startsAtMs = Date.UTC(2025, 4, 10, 1, 0);
const endsAtMs = startsAtMs + 120 * minute;
const activity = activityRules({ startsAtMs, endsAtMs });

describe('decideForgottenCheckOut', () => {
  it('keeps an attendance open until end + grace', () => {
    expect(decideForgottenCheckOut(startsAtMs, endsAtMs + 30 * minute, activity)).toEqual({ close: false, deadlineMs: endsAtMs + 30 * minute });
  });

  it('closes at end + grace with 0 credit for approval', () => {
    expect(decideForgottenCheckOut(startsAtMs, endsAtMs + 31 * minute, activity)).toEqual({
      close: true,
      closedAtMs: endsAtMs + 30 * minute,
      reason: 'activity_ended',
      creditedMinutes: 0,
      queueForApproval: true,
    });
  });

  it('closes after 8 hours open when the activity runs longer', () => {
    const long = activityRules({ startsAtMs, endsAtMs: startsAtMs + 12 * 60 * minute });
    const result = decideForgottenCheckOut(startsAtMs, startsAtMs + 8 * 60 * minute + 1, long);
    expect(result).toMatchObject({ close: true, reason: 'open_too_long', closedAtMs: startsAtMs + 8 * 60 * minute });
  });
});

describe('decideSupplementaryMinutes', () => {
  it('allows up to exactly the scheduled length (limit)', () => {
    expect(decideSupplementaryMinutes({ requestedMinutes: 120, scheduledMinutes: 120, alreadyCreditedMinutes: 0 })).toEqual({
      ok: true,
      value: { minutes: 120 },
    });
  });

  it('refuses more than the scheduled length with what is already credited (supplementary_exceeds_scheduled)', () => {
    expect(decideSupplementaryMinutes({ requestedMinutes: 61, scheduledMinutes: 120, alreadyCreditedMinutes: 60 })).toMatchObject({
      code: 'supplementary_exceeds_scheduled',
    });
  });

  it('refuses zero, negative and fractional minutes (supplementary_minutes_invalid)', () => {
    for (const requestedMinutes of [0, -5, 1.5]) {
      expect(decideSupplementaryMinutes({ requestedMinutes, scheduledMinutes: 120, alreadyCreditedMinutes: 0 })).toMatchObject({
        code: 'supplementary_minutes_invalid',
      });
    }
  });
});
