import { strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { columnIndex, columnName, readOds, readXlsx } from './sheets';

const x = (s: string) => strToU8(`<?xml version="1.0" encoding="UTF-8"?>${s}`);
const SML = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"';

describe('columns', () => {
  it('converts between letters and indexes', () => {
    expect(columnIndex('A1')).toBe(0);
    expect(columnIndex('Z9')).toBe(25);
    expect(columnIndex('AA10')).toBe(26);
    expect(columnName(0)).toBe('A');
    expect(columnName(27)).toBe('AB');
  });
});

describe('readXlsx', () => {
  it('reads sheet names, shared and inline strings, numbers, booleans and gaps', () => {
    const bytes = zipSync({
      'xl/workbook.xml': x(`<workbook ${SML} xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Data" sheetId="1" r:id="rId1"/><sheet name="Empty" sheetId="2" r:id="rId2"/></sheets></workbook>`),
      'xl/_rels/workbook.xml.rels': x(
        '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Target="/xl/worksheets/sheet2.xml"/></Relationships>',
      ),
      'xl/sharedStrings.xml': x(`<sst ${SML}><si><t>Name</t></si><si><r><t>Zü</t></r><r><t>rich</t></r></si></sst>`),
      'xl/worksheets/sheet1.xml': x(
        `<worksheet ${SML}><sheetData><row r="1"><c r="A1" t="s"><v>0</v></c><c r="C1" t="inlineStr"><is><t>inline</t></is></c></row><row r="3"><c r="A3" t="s"><v>1</v></c><c r="B3"><v>4.5</v></c><c r="C3" t="b"><v>1</v></c></row></sheetData></worksheet>`,
      ),
      'xl/worksheets/sheet2.xml': x(`<worksheet ${SML}><sheetData/></worksheet>`),
    });
    expect(readXlsx(bytes)).toEqual([
      { name: 'Data', rows: [['Name', '', 'inline'], [], ['Zürich', '4.5', 'TRUE']], cut: false },
      { name: 'Empty', rows: [], cut: false },
    ]);
  });
});

describe('readOds', () => {
  it('reads tables, expands repeated cells and drops the padding to the sheet edge', () => {
    const t = 'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"';
    const content = x(
      `<office:document-content ${t}><office:body><office:spreadsheet><table:table table:name="Sheet1">` +
        '<table:table-row><table:table-cell><text:p>a</text:p></table:table-cell><table:table-cell table:number-columns-repeated="2"><text:p>b</text:p></table:table-cell><table:table-cell table:number-columns-repeated="16000"/></table:table-row>' +
        '<table:table-row table:number-rows-repeated="1048575"><table:table-cell table:number-columns-repeated="1024"/></table:table-row>' +
        '</table:table></office:spreadsheet></office:body></office:document-content>',
    );
    expect(readOds(zipSync({ 'content.xml': content }))).toEqual([{ name: 'Sheet1', rows: [['a', 'b', 'b']], cut: false }]);
  });
});
