// cascades.csv: who told whom, one row per first purchase, by day then agent. Tiers are numbered
// 1..T as in daily.csv. `source` is the friend whose share or word of mouth converted the agent,
// empty when no friend did (ad, offline, organic, an initial customer, or word of mouth in a fully
// mixed population). Initial customers (day 0) have the channel `initial`: nobody reached them,
// they are where cascades start (daily.csv counts them under new_customers_organic).
//
// At 10^7 agents the file is ~400 MB: it is encoded straight into one reused byte buffer, never as
// strings, so writing it costs the buffer and nothing per row.
import type { Scenario } from '../scenario/schema.ts';
import { CHANNELS } from '../scenario/channels.ts';
import { dateOfDay } from '../engine/calendar.ts';
import type { CascadeRows } from '../engine/cascades.ts';

export const CASCADE_COLUMNS = ['agent', 'tier', 'day', 'date', 'channel', 'source', 'source_tier'] as const;

export const INITIAL_CHANNEL = 'initial';

const BUFFER_BYTES = 1 << 20;
/** The longest row: five integers of up to 11 characters, a date, a channel name, commas and newline. */
const ROW_BYTES = 5 * 11 + 10 + 16 + 7;
const COMMA = 44;
const NEWLINE = 10;
const ZERO = 48;

const ascii = (text: string) => Uint8Array.from(text, (c) => c.charCodeAt(0));

/**
 * The file's bytes, in pieces: each piece is a view of the same buffer, valid until the next is
 * asked for, so the caller writes it before going on (as PendingRunFolder.writeChunks does).
 */
export async function* cascadesCsv(scenario: Scenario, chunks: AsyncIterable<CascadeRows>): AsyncGenerator<Uint8Array> {
  const buffer = new Uint8Array(BUFFER_BYTES);
  const dates = Array.from({ length: scenario.days + 1 }, (_, day) => ascii(dateOfDay(scenario.start, day)));
  const channels = CHANNELS.map(ascii);
  const initial = ascii(INITIAL_CHANNEL);
  let at = 0;
  const text = (bytes: Uint8Array) => {
    buffer.set(bytes, at);
    at += bytes.length;
  };
  // Every integer here (agent, tier, day) is at least 0.
  const integer = (value: number) => {
    const start = at;
    do {
      buffer[at++] = ZERO + (value % 10);
      value = Math.floor(value / 10);
    } while (value > 0);
    buffer.subarray(start, at).reverse();
  };
  text(ascii(`${CASCADE_COLUMNS.join(',')}\n`));
  for await (const rows of chunks) {
    for (let k = 0; k < rows.agent.length; k++) {
      if (at + ROW_BYTES > buffer.length) {
        yield buffer.subarray(0, at);
        at = 0;
      }
      const day = rows.day[k];
      integer(rows.agent[k]);
      buffer[at++] = COMMA;
      integer(rows.tier[k] + 1);
      buffer[at++] = COMMA;
      integer(day);
      buffer[at++] = COMMA;
      text(dates[day]);
      buffer[at++] = COMMA;
      text(day === 0 ? initial : channels[rows.channel[k]]);
      buffer[at++] = COMMA;
      if (rows.source[k] >= 0) {
        integer(rows.source[k]);
        buffer[at++] = COMMA;
        integer(rows.sourceTier[k] + 1);
      } else buffer[at++] = COMMA;
      buffer[at++] = NEWLINE;
    }
  }
  if (at > 0) yield buffer.subarray(0, at);
}
