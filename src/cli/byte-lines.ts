/**
 * Lines of output gathered as UTF-8 bytes, for commands that write millions of lines (`cycles
 * --format ndjson`). Pieces that recur (a hop's text, a firm id, punctuation) are encoded once by
 * the writer and copied here; making a string per line, joining the lines and encoding the result
 * took longer than the loop search. Bytes go out in batches, each ending with a whole line.
 */
import type { PieceSink } from './loop-json.js';

/** Pieces shorter than this are copied byte by byte (cheaper than a typed-array copy). */
const SHORT = 48;

export class ByteLines implements PieceSink<Uint8Array> {
  private buffer: Buffer;
  private used = 0;

  /** `send` takes each batch of whole lines; the bytes are its to keep (a new buffer follows). */
  constructor(
    private readonly send: (bytes: Buffer) => void,
    private readonly batchBytes = 1 << 20,
  ) {
    this.buffer = Buffer.allocUnsafe(batchBytes + 1024);
  }

  /** Bytes gathered since the last batch went out. */
  get size(): number {
    return this.used;
  }

  /** UTF-8 bytes, copied. */
  add(bytes: Uint8Array): void {
    this.room(bytes.length);
    const { buffer } = this;
    let at = this.used;
    if (bytes.length < SHORT) for (let i = 0; i < bytes.length; i++) buffer[at++] = bytes[i] as number;
    else {
      buffer.set(bytes, at);
      at += bytes.length;
    }
    this.used = at;
  }

  addText(text: string): void {
    // A UTF-16 code unit takes at most three bytes of UTF-8.
    this.room(text.length * 3);
    this.used += this.buffer.write(text, this.used, 'utf8');
  }

  /** Ends the line. */
  endLine(): void {
    this.room(1);
    this.buffer[this.used++] = 10;
  }

  /** Sends what was gathered (call at the end of a line). */
  flush(): void {
    if (this.used === 0) return;
    this.send(this.buffer.subarray(0, this.used));
    this.buffer = Buffer.allocUnsafe(this.batchBytes + 1024);
    this.used = 0;
  }

  /** Makes room for `bytes` more within the current line (a batch holds whole lines, so it grows). */
  private room(bytes: number): void {
    if (this.used + bytes <= this.buffer.length) return;
    const larger = Buffer.allocUnsafe(Math.max(this.buffer.length * 2, this.used + bytes));
    this.buffer.copy(larger, 0, 0, this.used);
    this.buffer = larger;
  }
}
