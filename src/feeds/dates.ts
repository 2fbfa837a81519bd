import { DateTime } from "luxon";

function parseWithOffset(iso: string): DateTime {
  const local = DateTime.fromISO(iso, { setZone: true });
  if (!local.isValid) throw new Error(`feeds: "${iso}" is not an ISO 8601 date with an offset`);
  return local;
}

/**
 * feed 6 writes dates with toISOString() (Atom, JSON Feed) and toUTCString() (RSS), which always
 * print UTC. This Date prints itself in the offset it was written with instead, so every feed
 * shows the briefing's own time ("2026-01-06T18:00:00+01:00", "Tue, 06 Jan 2026 18:00:00 +0100").
 * The instant (getTime) is unchanged, so comparisons still work.
 */
export class OffsetDate extends Date {
  readonly #local: DateTime;

  constructor(iso: string) {
    const local = parseWithOffset(iso);
    super(local.toMillis());
    this.#local = local;
  }

  /** RFC 3339 with the original offset, no milliseconds. */
  override toISOString(): string {
    return this.#local.toISO({ suppressMilliseconds: true }) ?? super.toISOString();
  }

  /** RFC 822 (as RSS 2.0 asks) with the original offset. */
  override toUTCString(): string {
    return this.#local.toRFC2822() ?? super.toUTCString();
  }
}
