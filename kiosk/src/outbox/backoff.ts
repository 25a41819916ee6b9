// Capped exponential backoff with jitter for outbox retries. Pure: randomness is passed in.

export type BackoffConfig = { retryDelayMsMin: number; retryDelayMsMax: number };
export const defaultBackoff: BackoffConfig = { retryDelayMsMin: 1_000, retryDelayMsMax: 60_000 };

/**
 * Delay before attempt `attempts + 1`: min × 2^(attempts−1), capped at max, with up to 20% taken off
 * at random so a room of kiosks coming back online does not retry in step. `random01` is in [0, 1).
 */
export function retryDelayMs(attempts: number, random01: number, config: BackoffConfig = defaultBackoff): number {
  const exponent = Math.min(Math.max(attempts - 1, 0), 30);
  const capped = Math.min(config.retryDelayMsMin * 2 ** exponent, config.retryDelayMsMax);
  return Math.round(capped * (1 - 0.2 * random01));
}
