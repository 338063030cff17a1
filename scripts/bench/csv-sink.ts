/**
 * A line-oriented CSV writer for the benchmark generator: lines are batched into ~1 MiB
 * strings and written with backpressure, so memory stays at one batch plus the stream's
 * high-water mark however many rows are written.
 *
 *   const sink = openSink(path);
 *   sink.line('id,name');
 *   if (sink.full) await sink.flush();   // after every row (cheap check)
 *   await sink.close();
 */
import { createWriteStream, type WriteStream } from 'node:fs';
import { once } from 'node:events';

const BATCH_CHARS = 1 << 20;

export interface CsvSink {
  /** Appends one record (no line break: LF is added). */
  line(text: string): void;
  /** True when the batch should be flushed before more lines are added. */
  readonly full: boolean;
  flush(): Promise<void>;
  /** Flushes, ends the file and resolves with the bytes written. */
  close(): Promise<number>;
  readonly rows: number;
}

/** A field in the canonical dialect: quoted only when it holds `"`, `,` or edge spaces. */
export function csvField(value: string): string {
  if (/[\r\n]/.test(value)) throw new Error(`line break in a generated field: ${JSON.stringify(value)}`);
  return /[",]|^\s|\s$/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

export function openSink(path: string): CsvSink {
  const stream: WriteStream = createWriteStream(path, { encoding: 'utf8', highWaterMark: 1 << 20 });
  let parts: string[] = [];
  let chars = 0;
  let rows = 0;
  let failure: Error | undefined;
  stream.on('error', (error) => {
    failure = error;
  });

  async function flush(): Promise<void> {
    if (failure) throw failure;
    if (parts.length === 0) return;
    const text = parts.join('\n') + '\n';
    parts = [];
    chars = 0;
    if (!stream.write(text)) await once(stream, 'drain');
  }

  return {
    line(text: string): void {
      parts.push(text);
      chars += text.length + 1;
      rows++;
    },
    get full() {
      return chars >= BATCH_CHARS;
    },
    flush,
    async close(): Promise<number> {
      await flush();
      stream.end();
      await once(stream, 'finish');
      if (failure) throw failure;
      return stream.bytesWritten;
    },
    get rows() {
      return rows;
    },
  };
}
