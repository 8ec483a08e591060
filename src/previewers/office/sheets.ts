// Reads the cells of .xlsx (Office Open XML, ECMA-376 part 1 §18) and .ods (OpenDocument 1.3 §9)
// workbooks: unzipped with fflate, parsed with the browser's DOMParser (which never runs or fetches
// anything). Values are shown as stored; number formats (dates, currencies) are not applied.
import { strFromU8, unzipSync } from 'fflate';

export interface Sheet {
  name: string;
  rows: string[][];
  /** Rows left out past MAX_ROWS. */
  cut: boolean;
}

export const MAX_ROWS = 100_000;
const MAX_COLS = 1_000;

const SML = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const PKG = 'http://schemas.openxmlformats.org/package/2006/relationships';
const TABLE = 'urn:oasis:names:tc:opendocument:xmlns:table:1.0';
const TEXT = 'urn:oasis:names:tc:opendocument:xmlns:text:1.0';

function xml(files: Record<string, Uint8Array>, name: string): Document | null {
  const data = files[name];
  return data ? new DOMParser().parseFromString(strFromU8(data), 'application/xml') : null;
}

const all = (node: Document | Element, ns: string, tag: string) => Array.from(node.getElementsByTagNameNS(ns, tag));

/** "BC12" → column index 54. */
export function columnIndex(ref: string): number {
  let n = 0;
  for (const ch of ref.toUpperCase()) {
    const c = ch.charCodeAt(0);
    if (c < 65 || c > 90) break;
    n = n * 26 + (c - 64);
  }
  return n - 1;
}

/** Column 0 → "A", 26 → "AA". */
export function columnName(i: number): string {
  let s = '';
  for (let n = i + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

function trim(rows: string[][]): string[][] {
  while (rows.length && rows[rows.length - 1].every((c) => c === '')) rows.pop();
  return rows;
}

function resolvePath(base: string, target: string): string {
  if (target.startsWith('/')) return target.slice(1);
  const parts = base.split('/').slice(0, -1);
  for (const p of target.split('/')) {
    if (p === '..') parts.pop();
    else if (p !== '.') parts.push(p);
  }
  return parts.join('/');
}

export function readXlsx(bytes: Uint8Array): Sheet[] {
  const files = unzipSync(bytes, { filter: (f) => f.name.endsWith('.xml') || f.name.endsWith('.rels') });
  const book = xml(files, 'xl/workbook.xml');
  if (!book) throw new Error('not an Excel workbook');
  const rels = new Map<string, string>();
  for (const r of all(xml(files, 'xl/_rels/workbook.xml.rels') ?? book, PKG, 'Relationship')) rels.set(r.getAttribute('Id') ?? '', resolvePath('xl/workbook.xml', r.getAttribute('Target') ?? ''));
  const shared = all(xml(files, 'xl/sharedStrings.xml') ?? book, SML, 'si').map((si) => all(si, SML, 't').map((t) => t.textContent ?? '').join(''));
  return all(book, SML, 'sheet').map((s) => {
    const doc = xml(files, rels.get(s.getAttributeNS(REL, 'id') ?? '') ?? '');
    const rows: string[][] = [];
    let cut = false;
    for (const row of doc ? all(doc, SML, 'row') : []) {
      const r = Number(row.getAttribute('r') ?? rows.length + 1) - 1;
      if (r >= MAX_ROWS) {
        cut = true;
        break;
      }
      while (rows.length <= r) rows.push([]);
      const cells = rows[r];
      for (const c of all(row, SML, 'c')) {
        const ref = c.getAttribute('r');
        const col = ref ? columnIndex(ref) : cells.length;
        if (col >= MAX_COLS) continue;
        const type = c.getAttribute('t');
        const v = all(c, SML, 'v')[0]?.textContent ?? '';
        let value: string;
        if (type === 's') value = shared[Number(v)] ?? '';
        else if (type === 'inlineStr') value = all(c, SML, 't').map((t) => t.textContent ?? '').join('');
        else if (type === 'b') value = v === '1' ? 'TRUE' : 'FALSE';
        else value = v;
        while (cells.length < col) cells.push('');
        cells[col] = value;
      }
    }
    return { name: s.getAttribute('name') ?? '', rows: trim(rows), cut };
  });
}

export function readOds(bytes: Uint8Array): Sheet[] {
  const files = unzipSync(bytes, { filter: (f) => f.name === 'content.xml' });
  const doc = xml(files, 'content.xml');
  if (!doc) throw new Error('not an OpenDocument spreadsheet');
  return all(doc, TABLE, 'table').map((table) => {
    const rows: string[][] = [];
    let cut = false;
    for (const row of all(table, TABLE, 'table-row')) {
      const cells: string[] = [];
      for (const cell of Array.from(row.children)) {
        if (cell.localName !== 'table-cell' && cell.localName !== 'covered-table-cell') continue;
        const text = all(cell, TEXT, 'p').map((p) => p.textContent ?? '').join('\n');
        // files pad rows and columns to the sheet's edge with one huge "repeated" empty cell
        const repeat = Math.min(Number(cell.getAttributeNS(TABLE, 'number-columns-repeated') ?? 1), MAX_COLS - cells.length);
        for (let i = 0; i < repeat; i++) cells.push(text);
      }
      while (cells.length && cells[cells.length - 1] === '') cells.pop();
      const repeat = Number(row.getAttributeNS(TABLE, 'number-rows-repeated') ?? 1);
      for (let i = 0; i < repeat && rows.length < MAX_ROWS; i++) {
        rows.push(cells);
        if (cells.length === 0 && i > 0) break;
      }
      if (rows.length >= MAX_ROWS) {
        cut = true;
        break;
      }
    }
    return { name: table.getAttributeNS(TABLE, 'name') ?? '', rows: trim(rows), cut };
  });
}
