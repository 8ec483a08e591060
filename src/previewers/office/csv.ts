// CSV and TSV (RFC 4180: quoted fields, doubled quotes, line breaks inside quotes, CRLF or LF).

/** The separator a CSV file most likely uses: many European programs write `;` (their decimal is `,`). */
export function guessDelimiter(text: string): string {
  const head = text.slice(0, 4096).split(/\r?\n/).filter((l) => l !== '').slice(0, 5);
  let best = ',';
  let bestScore = 0;
  for (const d of [',', ';', '\t', '|']) {
    const counts = head.map((l) => l.split(d).length - 1);
    // the same non-zero count on every sampled line is the strongest sign
    const score = counts[0] > 0 && counts.every((c) => c === counts[0]) ? counts[0] * 2 : Math.min(...counts);
    if (score > bestScore) {
      best = d;
      bestScore = score;
    }
  }
  return best;
}

/** Rows of fields; stops after `maxRows` rows (the table says it was cut). */
export function parseDelimited(text: string, delimiter: string, maxRows = Infinity): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  const endRow = () => {
    row.push(field);
    rows.push(row);
    row = [];
    field = '';
  };
  for (; i < text.length && rows.length < maxRows; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i++;
        } else quoted = false;
      } else field += c;
    } else if (c === '"' && field === '') quoted = true;
    else if (c === delimiter) {
      row.push(field);
      field = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      endRow();
    } else field += c;
  }
  if ((field !== '' || row.length > 0) && rows.length < maxRows) endRow();
  return rows;
}
