/**
 * Writing loops as the search finds them (`cycles` above its sorting cap, and ndjson), as bytes:
 * see byte-lines.ts.
 */
import type { MoneyLoop } from '../analysis/loops.js';
import { formatUsd } from '../data/money.js';
import { ByteLines } from './byte-lines.js';
import type { CliIo } from './command.js';
import { LoopJsonWriter, LoopWriter, type DealOf } from './loop-json.js';

export const LOOP_FORMATS = ['table', 'json', 'ndjson'] as const;
export type LoopFormat = (typeof LOOP_FORMATS)[number];

/** The loop in one sentence (see analysis/loop-words.ts), when --words asks for it. */
export type WordsOf = ((loop: MoneyLoop) => string) | null;

/** The writer's text of a loop (JSON.stringify of loopJson), with its sentence added last. */
export function withWords(text: string, loop: MoneyLoop, wordsOf: WordsOf): string {
  return wordsOf ? `${text.slice(0, -1)},"words":${JSON.stringify(wordsOf(loop))}}` : text;
}

/** Output written together: one write per batch of about this many bytes, not per loop. */
const BYTES_PER_WRITE = 1 << 20;

/**
 * Writes loops as the search finds them, keeping none: JSON `{"cycles": [...], "count", "truncated"}`
 * (the count comes last, once known), one compact loop object per line (ndjson, nothing else), or
 * one tab-separated line per loop.
 */
export async function streamLoops(loops: Iterable<MoneyLoop>, maxCycles: number, format: LoopFormat, dealOf: DealOf, wordsOf: WordsOf, io: CliIo): Promise<void> {
  let count = 0;
  let truncated = false;
  const writer = new LoopJsonWriter(dealOf);
  const bytesWriter = new LoopWriter<Uint8Array>(dealOf, (text) => Buffer.from(text, 'utf8'));
  const comma = Buffer.from(',');
  // Without a byte output (tests), each batch goes out as text, its last line break left to `out`.
  const outBytes = io.outBytes?.bind(io);
  const lines = new ByteLines(outBytes ?? ((bytes) => io.out(bytes.toString('utf8', 0, bytes.length - 1))), BYTES_PER_WRITE);
  const line = (text: string): void => {
    lines.addText(text);
    lines.endLine();
  };
  if (format === 'json') line('{"cycles":[');
  else if (format === 'table') line(['loop', 'hops', 'bottleneck', 'total', 'first', 'last', 'types', 'in date order', ...(wordsOf ? ['words'] : [])].join('\t'));
  for (const loop of loops) {
    if (count === maxCycles) {
      truncated = true;
      break;
    }
    if (format === 'table') {
      const bottleneck = loop.bottleneckUsd === null ? 'undisclosed' : formatUsd(loop.bottleneckUsd);
      const cells = [loop.firms.concat(loop.firms[0] ?? '').join(' → '), loop.length, bottleneck, formatUsd(loop.totalUsd), loop.firstDate, loop.lastDate, loop.types.join(','), loop.inOrder ? 'yes' : 'no'];
      line([...cells, ...(wordsOf ? [wordsOf(loop)] : [])].join('\t'));
    } else {
      if (format === 'json' && count > 0) lines.add(comma);
      if (wordsOf) lines.addText(withWords(writer.write(loop), loop, wordsOf));
      else bytesWriter.writeTo(loop, lines);
      lines.endLine();
    }
    count++;
    if (lines.size >= BYTES_PER_WRITE) {
      lines.flush();
      // Let the output go out (and a reader that closed it end the run) before finding more.
      await io.drain?.();
    }
  }
  if (format === 'json') line(`],"count":${count},"truncated":${truncated}}`);
  else if (format === 'table') line(`${count} loop${count === 1 ? '' : 's'} (unsorted, as found)${truncated ? `; stopped at the cap of ${maxCycles}` : ''}.`);
  lines.flush();
}
