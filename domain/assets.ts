// The two assets of the ledger. Amounts are integers: `time` in minutes (60 = one 时间币), `points` whole points.

export const assets = ['time', 'points'] as const;
export type Asset = (typeof assets)[number];

export function isAsset(value: unknown): value is Asset {
  return value === 'time' || value === 'points';
}

export type Balances = Readonly<Record<Asset, number>>;
