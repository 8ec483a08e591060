// Office documents for the demo data, built from XML templates and zipped with fflate: the smallest
// parts Word and Excel open (Office Open XML, ECMA-376), so nothing binary is committed.
import { strToU8, zipSync } from 'fflate';
import { xmlEscape } from './util';

const XML = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const PKG_REL = 'http://schemas.openxmlformats.org/package/2006/relationships';

function zip(parts: Record<string, string>): Buffer {
  const files: Record<string, Uint8Array> = {};
  for (const [name, xml] of Object.entries(parts)) files[name] = strToU8(XML + xml);
  // a fixed date keeps the bytes (and so the blob) the same on every start
  return Buffer.from(zipSync(files, { level: 6, mtime: new Date('2025-01-01T00:00:00Z') }));
}

const types = (overrides: Array<[string, string]>) =>
  `<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>${overrides
    .map(([part, type]) => `<Override PartName="${part}" ContentType="${type}"/>`)
    .join('')}</Types>`;

const rootRels = (target: string) => `<Relationships xmlns="${PKG_REL}"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="${target}"/></Relationships>`;

function run(text: string, props = ''): string {
  return `<w:r>${props ? `<w:rPr>${props}</w:rPr>` : ''}<w:t xml:space="preserve">${xmlEscape(text)}</w:t></w:r>`;
}
const para = (...runs: string[]) => `<w:p>${runs.join('')}</w:p>`;

/** A one-page letter with a heading, formatted runs, a list and a table. */
export function demoDocx(): Buffer {
  const cell = (text: string, bold = false) => `<w:tc><w:tcPr><w:tcW w:w="3000" w:type="dxa"/></w:tcPr>${para(run(text, bold ? '<w:b/>' : ''))}</w:tc>`;
  const rows = [
    ['Plan', 'Storage', 'Price'],
    ['Basic', '500 GB', '€4.99'],
    ['Premium', '2 TB', '€9.99'],
  ];
  const body = [
    para(run('Quarterly letter', '<w:b/><w:sz w:val="40"/>')),
    para(run('Dear reader, this document was '), run('generated', '<w:i/>'), run(' by the emulator and is rendered in the browser.')),
    para(run('• Photos are backed up automatically.')),
    para(run('• Links can expire and carry a password.')),
    `<w:tbl><w:tblPr><w:tblBorders><w:top w:val="single" w:sz="4"/><w:bottom w:val="single" w:sz="4"/><w:insideH w:val="single" w:sz="4"/></w:tblBorders></w:tblPr>${rows
      .map((r, i) => `<w:tr>${r.map((c) => cell(c, i === 0)).join('')}</w:tr>`)
      .join('')}</w:tbl>`,
    para(run('Kind regards, the pCloud demo team')),
  ].join('');
  return zip({
    '[Content_Types].xml': types([['/word/document.xml', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml']]),
    '_rels/.rels': rootRels('word/document.xml'),
    'word/document.xml': `<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>${body}<w:sectPr><w:pgSz w:w="12240" w:h="15840"/><w:pgMar w:top="1440" w:right="1440" w:bottom="1440" w:left="1440"/></w:sectPr></w:body></w:document>`,
  });
}

type Cell = string | number;

function column(i: number): string {
  let s = '';
  for (let n = i + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

/** Sheet XML; strings go to the shared-string table (as Excel writes them). */
function sheetXml(rows: Cell[][], shared: string[]): string {
  const index = (s: string) => {
    const at = shared.indexOf(s);
    return at >= 0 ? at : shared.push(s) - 1;
  };
  const xmlRows = rows.map((row, r) => {
    const cells = row.map((v, c) => {
      const ref = `${column(c)}${r + 1}`;
      return typeof v === 'number' ? `<c r="${ref}"><v>${v}</v></c>` : `<c r="${ref}" t="s"><v>${index(v)}</v></c>`;
    });
    return `<row r="${r + 1}">${cells.join('')}</row>`;
  });
  return `<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>${xmlRows.join('')}</sheetData></worksheet>`;
}

/** Two sheets: monthly sales (with a number per cell) and a short contact list. */
export function demoXlsx(): Buffer {
  const months = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
  const sales: Cell[][] = [['Month', 'Region', 'Units', 'Revenue']];
  for (let i = 0; i < 120; i++) sales.push([months[i % 12], ['North', 'South', 'East', 'West'][i % 4], 10 + ((i * 37) % 90), Math.round((10 + ((i * 37) % 90)) * 499) / 100]);
  const contacts: Cell[][] = [['Name', 'City'], ['Zoë Müller', 'Zürich'], ['Søren Berg', 'Oslo'], ['Ñuño Pérez', 'Sevilla']];
  const shared: string[] = [];
  const sheet1 = sheetXml(sales, shared);
  const sheet2 = sheetXml(contacts, shared);
  const sst = `<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="${shared.length}" uniqueCount="${shared.length}">${shared
    .map((s) => `<si><t>${xmlEscape(s)}</t></si>`)
    .join('')}</sst>`;
  const main = 'application/vnd.openxmlformats-officedocument.spreadsheetml';
  return zip({
    '[Content_Types].xml': types([
      ['/xl/workbook.xml', `${main}.sheet.main+xml`],
      ['/xl/worksheets/sheet1.xml', `${main}.worksheet+xml`],
      ['/xl/worksheets/sheet2.xml', `${main}.worksheet+xml`],
      ['/xl/sharedStrings.xml', `${main}.sharedStrings+xml`],
    ]),
    '_rels/.rels': rootRels('xl/workbook.xml'),
    'xl/workbook.xml': `<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="${REL}"><sheets><sheet name="Sales" sheetId="1" r:id="rId1"/><sheet name="Contacts" sheetId="2" r:id="rId2"/></sheets></workbook>`,
    'xl/_rels/workbook.xml.rels': `<Relationships xmlns="${PKG_REL}"><Relationship Id="rId1" Type="${REL}/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="${REL}/worksheet" Target="worksheets/sheet2.xml"/><Relationship Id="rId3" Type="${REL}/sharedStrings" Target="sharedStrings.xml"/></Relationships>`,
    'xl/worksheets/sheet1.xml': sheet1,
    'xl/worksheets/sheet2.xml': sheet2,
    'xl/sharedStrings.xml': sst,
  });
}
