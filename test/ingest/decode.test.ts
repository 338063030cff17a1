import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { mkdtempSync, rmSync, writeFileSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  SAMPLE_BYTES,
  createChunkDecoder,
  decodeBytes,
  decodeWindows1252,
  detectEncoding,
  openTextStream,
  combinedEncoding,
  unreadableReason,
} from '../../src/ingest/decode.ts';

const fixture = (name: string): string => fileURLToPath(new URL(`../fixtures/ingest/${name}`, import.meta.url));
const utf8 = (text: string): Uint8Array => new TextEncoder().encode(text);
const bytes = (...values: number[]): Uint8Array => Uint8Array.from(values);

async function readAll(path: string, chunkBytes?: number) {
  const stream = await openTextStream(path, chunkBytes === undefined ? {} : { chunkBytes });
  const pieces: string[] = [];
  for await (const piece of stream.chunks) pieces.push(piece);
  return { text: pieces.join(''), pieces, encoding: stream.encoding, fallback: stream.bytesReadAsWindows1252 };
}

let dir = '';
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'tavla-decode-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('decodeWindows1252', () => {
  it('decodes 0x80 as € (Node 20 TextDecoder drops it)', () => {
    expect(decodeWindows1252(bytes(0x80))).toBe('€');
  });

  it('decodes every Nordic letter and the 0x80-0x9F punctuation', () => {
    // å ä ö Å Ä Ö æ ø Æ Ø é = E5 E4 F6 C5 C4 D6 E6 F8 C6 D8 E9 (same code points as Latin-1)
    expect(decodeWindows1252(bytes(0xe5, 0xe4, 0xf6, 0xc5, 0xc4, 0xd6, 0xe6, 0xf8, 0xc6, 0xd8, 0xe9))).toBe('åäöÅÄÖæøÆØé');
    expect(decodeWindows1252(bytes(0x93, 0x94, 0x96, 0x85, 0x8a, 0x9a))).toBe('“”–…Šš');
  });

  it('matches Node 24 TextDecoder for all 256 bytes', () => {
    const all = Uint8Array.from({ length: 256 }, (_, i) => i);
    expect(decodeWindows1252(all)).toBe(new TextDecoder('windows-1252').decode(all));
  });
});

describe('detectEncoding', () => {
  it('sees a UTF-8 BOM', () => {
    expect(detectEncoding(bytes(0xef, 0xbb, 0xbf, 0x61))).toBe('utf-8-bom');
  });

  it('takes valid UTF-8 and pure ASCII as utf-8', () => {
    expect(detectEncoding(utf8('id;namn\n1;Åsa'))).toBe('utf-8');
    expect(detectEncoding(utf8('id,name\n'))).toBe('utf-8');
    expect(detectEncoding(new Uint8Array(0))).toBe('utf-8');
  });

  it('takes invalid UTF-8 as windows-1252', () => {
    // "Åsa" in Windows-1252: C5 is a UTF-8 lead byte, but 's' is no continuation byte.
    expect(detectEncoding(bytes(0xc5, 0x73, 0x61))).toBe('windows-1252');
    expect(detectEncoding(bytes(0x80))).toBe('windows-1252');
  });

  it('does not count a character cut at the end of the sample as invalid', () => {
    // "€" is E2 82 AC; a prefix ending after E2 82 is still UTF-8.
    expect(detectEncoding(bytes(0x61, 0xe2, 0x82))).toBe('utf-8');
  });

  it('counts a cut character as invalid when the bytes are the whole file', () => {
    // "ö–" in Windows-1252 is F6 96: a cut UTF-8 sequence in a prefix, invalid at a file's end.
    expect(detectEncoding(bytes(0xf6, 0x96))).toBe('utf-8');
    expect(detectEncoding(bytes(0xf6, 0x96), { whole: true })).toBe('windows-1252');
    expect(detectEncoding(bytes(0x61, 0xe2, 0x82), { whole: true })).toBe('windows-1252');
    expect(detectEncoding(utf8('id;namn\n1;Åsa'), { whole: true })).toBe('utf-8');
  });

  it('decides from the first 64 KiB only', () => {
    const data = new Uint8Array(SAMPLE_BYTES + 10).fill(0x61);
    data[SAMPLE_BYTES + 5] = 0xf6; // "ö" in Windows-1252, after the sample
    expect(detectEncoding(data)).toBe('utf-8');
  });
});

describe('unreadableReason', () => {
  it('names the kind of file by its magic bytes', () => {
    expect(unreadableReason(bytes(0x50, 0x4b, 0x03, 0x04, 0x00, 0x00))).toMatch(/ZIP archive/);
    expect(unreadableReason(bytes(0x50, 0x4b, 0x03, 0x04, 0x14, 0x00))).toBe('an Excel workbook or ZIP archive; save the sheet as CSV or unpack the archive');
    expect(unreadableReason(bytes(0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0x00))).toMatch(/old Excel workbook/);
    expect(unreadableReason(utf8('%PDF-1.7\n'))).toBe('a PDF document');
    expect(unreadableReason(bytes(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00))).toBe('a PNG image');
  });

  it('judges control bytes outside quoted cells only: a NUL inside a quoted rich-text cell is text', () => {
    expect(unreadableReason(utf8('id,name\n1,Åsa\n'))).toBeUndefined();
    expect(unreadableReason(utf8('"Id","Description"\n"1","Rich <b>text</b>\u0000 pasted"\n'))).toBeUndefined();
    expect(unreadableReason(utf8('id,name\n1,A\u0000\n'))).toBe('a NUL byte (0x00) outside quoted cells on line 2');
    expect(unreadableReason(bytes(0x50, 0x4b, 0x00))).toBe('a NUL byte (0x00) outside quoted cells on line 1');
    // UTF-16 without a BOM: a NUL after every ASCII byte.
    expect(unreadableReason(bytes(0x69, 0x00, 0x64, 0x00, 0x0a, 0x00))).toBe('a NUL byte (0x00) outside quoted cells on line 1');
    // More than 1 % other control bytes outside quotes: not text; one stray 0x1A (DOS end of file) is.
    expect(unreadableReason(utf8('a,b\n\u0001\u0002,\u0003\n'))).toBe('3 control bytes outside quoted cells');
    expect(unreadableReason(utf8(`a,b\n${'x,y\n'.repeat(50)}\u001a`))).toBeUndefined();
  });

  it('removes a NUL from the text and names its physical line', async () => {
    const path = join(mkdtempSync(join(tmpdir(), 'tavla-nul-')), 'Opportunity.csv');
    writeFileSync(path, '"Id","Description"\n"1","two\nlines"\n"2","rich\u0000text"\n"3","ok"\n"4","a\u0000b\u0000"\n');
    const stream = await openTextStream(path);
    let text = '';
    for await (const chunk of stream.chunks) text += chunk;
    expect(text).toBe('"Id","Description"\n"1","two\nlines"\n"2","richtext"\n"3","ok"\n"4","ab"\n');
    expect(stream.nulLines).toEqual([4, 6]);
  });

  it('names UTF-16 files', () => {
    expect(unreadableReason(bytes(0xff, 0xfe, 0x69, 0x00))).toMatch(/UTF-16/);
    expect(unreadableReason(utf8('id\n'))).toBeUndefined();
  });
});

describe('createChunkDecoder', () => {
  it('keeps multi-byte characters split across chunks, at every split point', () => {
    const text = 'Åsa;€ 12;Zoë 🙂 ø';
    const data = utf8(text);
    for (let cut = 0; cut <= data.length; cut++) {
      const decoder = createChunkDecoder('utf-8');
      const out = decoder.decode(data.subarray(0, cut)) + decoder.decode(data.subarray(cut)) + decoder.end();
      expect(out, `cut at byte ${cut}`).toBe(text);
    }
  });

  it('keeps them one byte at a time', () => {
    const text = '€🙂å';
    const decoder = createChunkDecoder('utf-8');
    let out = '';
    for (const b of utf8(text)) out += decoder.decode(bytes(b));
    expect(out + decoder.end()).toBe(text);
  });

  it('strips the BOM once, also when the first chunk holds only part of the text', () => {
    const decoder = createChunkDecoder('utf-8-bom');
    const out = decoder.decode(bytes(0xef, 0xbb, 0xbf, 0x69)) + decoder.decode(utf8('d\uFEFF')) + decoder.end();
    expect(out).toBe('id\uFEFF'); // only the leading BOM is removed
  });

  it('reads bytes that are not UTF-8 in a UTF-8 file as Windows-1252 and counts them', () => {
    // "ö€" valid UTF-8, then F6 ("ö" in Windows-1252) between ASCII letters, then 80 ("€").
    const decoder = createChunkDecoder('utf-8');
    const out = decoder.decode(Uint8Array.from([...utf8('ö€ '), 0x4f, 0xf6, 0x6b, 0x20, 0x80])) + decoder.end();
    expect(out).toBe('ö€ Oök €');
    expect(decoder.bytesReadAsWindows1252).toBe(2);
    expect(decoder.encoding).toBe('utf-8'); // real UTF-8 was seen: a mixed file
  });

  it('reports windows-1252 when only ASCII and Windows-1252 bytes were seen', () => {
    const decoder = createChunkDecoder('utf-8');
    expect(decoder.decode(utf8('id;namn\n1;'))).toBe('id;namn\n1;');
    expect(decoder.decode(bytes(0xc5, 0x73, 0x61))).toBe('Åsa');
    expect(decoder.end()).toBe('');
    expect(decoder.encoding).toBe('windows-1252');
  });

  it('decodes a dangling lead byte at the end as Windows-1252', () => {
    const decoder = createChunkDecoder('utf-8');
    expect(decoder.decode(bytes(0x61, 0xe5)) + decoder.end()).toBe('aå');
  });
});

describe('decodeBytes', () => {
  it('decodes the Windows-1252 fixture', () => {
    const { text, encoding } = decodeBytes(readFileSync(fixture('windows-1252-semicolon.csv')));
    expect(encoding).toBe('windows-1252');
    expect(text).toContain('1;Åsa Ärlig Öberg;€ 1 234,50;“bra”\r\n');
    expect(text).toContain('2;Søren Æbelø;kr 12,5;å ä ö æ ø\r\n');
  });

  it('strips the BOM of the UTF-8 fixture', () => {
    const { text, encoding } = decodeBytes(readFileSync(fixture('utf8-bom-semicolon-crlf.csv')));
    expect(encoding).toBe('utf-8-bom');
    expect(text.startsWith('id;name;amount;note\r\n')).toBe(true);
  });
});

describe('openTextStream', () => {
  it('streams the fixtures with tiny chunks exactly like a whole-file decode', async () => {
    for (const name of ['utf8-bom-semicolon-crlf.csv', 'utf8-comma-lf.csv', 'windows-1252-semicolon.csv']) {
      const whole = decodeBytes(readFileSync(fixture(name)));
      for (const chunkBytes of [1, 2, 3, 5, 7]) {
        const streamed = await readAll(fixture(name), chunkBytes);
        expect(streamed.text, `${name} in ${chunkBytes}-byte chunks`).toBe(whole.text);
        expect(streamed.encoding).toBe(whole.encoding);
      }
    }
  });

  it('keeps a € that straddles the 64 KiB chunk boundary of a big file', async () => {
    // Bytes 0..65533 are "a", then € (E2 82 AC) at 65534..65536: the default 64 KiB chunk
    // (65536 bytes) ends after E2 82, the next starts with AC.
    const head = 'a'.repeat(SAMPLE_BYTES - 2);
    const text = `${head}€${'b'.repeat(100_000)}ö`;
    const path = join(dir, 'big-utf8.csv');
    writeFileSync(path, text, 'utf8');
    const streamed = await readAll(path);
    expect(streamed.pieces.length).toBeGreaterThan(1);
    expect(streamed.text).toBe(text);
    expect(streamed.encoding).toBe('utf-8');
    expect(streamed.fallback).toBe(0);
  });

  it('reads a file whose first 64 KiB are ASCII and whose later bytes are Windows-1252', async () => {
    const path = join(dir, 'late-1252.csv');
    // "Öl €" in Windows-1252: D6 6C 20 80. (Not "Ö€" = D6 80: that pair is valid UTF-8, "ր".)
    writeFileSync(path, Buffer.concat([Buffer.from('x'.repeat(SAMPLE_BYTES + 100)), Buffer.from([0xd6, 0x6c, 0x20, 0x80])]));
    const streamed = await readAll(path);
    expect(streamed.text.endsWith('xÖl €')).toBe(true);
    expect(streamed.encoding).toBe('windows-1252');
    expect(streamed.fallback).toBe(2);
  });

  it('reads a byte range: decoded as the file’s encoding, the BOM only at the start', async () => {
    const path = join(dir, 'range-bom.csv');
    // BOM (3 bytes), then "a,ö\n" (ö is 2 bytes: bytes 3–8), then "b,€\n" (€ is 3 bytes: bytes 8–14).
    writeFileSync(path, Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('a,ö\nb,€\n', 'utf8')]));
    const read = async (start: number, end: number) => {
      const stream = await openTextStream(path, { range: { start, end }, chunkBytes: 2 });
      let text = '';
      for await (const piece of stream.chunks) text += piece;
      return { text, encoding: stream.encoding, multibyte: stream.multibyte };
    };
    expect(await read(0, 8)).toEqual({ text: 'a,ö\n', encoding: 'utf-8-bom', multibyte: true });
    expect(await read(8, 14)).toEqual({ text: 'b,€\n', encoding: 'utf-8-bom', multibyte: true });
    expect(await read(8, 10)).toEqual({ text: 'b,', encoding: 'utf-8-bom', multibyte: false });
  });

  it('stops at a range end moved while it reads, and tells how far it has read', async () => {
    const path = join(dir, 'range-moved.csv');
    writeFileSync(path, 'abcdefghij');
    const range = { start: 0, end: 10 } as { start: number; end: number; read?: number };
    const stream = await openTextStream(path, { range, chunkBytes: 3, readBytes: 3 });
    const pieces: string[] = [];
    for await (const piece of stream.chunks) {
      pieces.push(piece);
      if (pieces.length === 1) {
        expect(range.read).toBe(6); // bytes 0–2 read, 3–5 being read ahead
        range.end = 7; // the read after that stops at byte 7
      }
    }
    expect(pieces).toEqual(['abc', 'def', 'g']);
    expect(range.read).toBe(7);
  });

  it('hands on each read in chunks, characters split across chunks and reads kept whole', async () => {
    const path = join(dir, 'slices.csv');
    // "aö€b" is a, ö (2 bytes), € (3 bytes), b: bytes 0 | 1–2 | 3–5 | 6.
    writeFileSync(path, 'aö€b');
    const stream = await openTextStream(path, { chunkBytes: 2, readBytes: 5 });
    const pieces: string[] = [];
    for await (const piece of stream.chunks) pieces.push(piece);
    // Read 1 (bytes 0–4) in chunks 0–1 ("a", ö's first byte held), 2–3 ("ö", €'s first byte
    // held), 4 (held); read 2 (bytes 5–6) in one chunk: "€b".
    expect(pieces).toEqual(['a', 'ö', '€b']);
  });

  it('names the encoding of a file read in parts as reading it whole would', () => {
    const clean = { bytesReadAsWindows1252: 0, multibyte: false };
    const utf8 = { bytesReadAsWindows1252: 0, multibyte: true };
    const latin = { bytesReadAsWindows1252: 2, multibyte: false };
    expect(combinedEncoding('utf-8', [clean, latin])).toBe('windows-1252'); // no UTF-8 character anywhere
    expect(combinedEncoding('utf-8', [utf8, latin])).toBe('utf-8'); // mixed: stays UTF-8
    expect(combinedEncoding('utf-8', [clean, clean])).toBe('utf-8');
    expect(combinedEncoding('utf-8-bom', [clean, latin])).toBe('utf-8-bom');
  });

  it('yields nothing for a binary file and says why', async () => {
    const path = join(dir, 'binary.csv');
    writeFileSync(path, Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x00, 0x00, 0x08]));
    const stream = await openTextStream(path);
    expect(stream.unreadable).toBe('an Excel workbook or ZIP archive; save the sheet as CSV or unpack the archive');
    const pieces: string[] = [];
    for await (const piece of stream.chunks) pieces.push(piece);
    expect(pieces).toEqual([]);
  });

  it('yields nothing for empty and BOM-only files', async () => {
    expect((await readAll(fixture('empty.csv'))).text).toBe('');
    const bomOnly = await readAll(fixture('bom-only.csv'));
    expect(bomOnly.text).toBe('');
    expect(bomOnly.encoding).toBe('utf-8-bom');
  });
});
