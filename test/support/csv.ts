/**
 * A CSV reader of the tests' own, independent of tavla's: RFC 4180 records (quotes, doubled
 * quotes, line breaks in quotes), a leading BOM dropped.
 */
export function parseCsv(text: string): string[][] {
  const records: string[][] = [];
  let record: string[] = [];
  let field = '';
  let quoted = false;
  const body = text.replace(/^\uFEFF/, '');
  for (let i = 0; i < body.length; i++) {
    const c = body[i]!;
    if (quoted) {
      if (c === '"' && body[i + 1] === '"') ((field += '"'), i++);
      else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') (record.push(field), (field = ''));
    else if (c === '\n') (record.push(field), records.push(record), (record = []), (field = ''));
    else if (c !== '\r') field += c;
  }
  if (field !== '' || record.length > 0) (record.push(field), records.push(record));
  return records;
}
