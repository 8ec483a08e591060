// A small PDF writer for the demo data and the media benchmark: text pages in Helvetica, with a
// cross-reference table at the end (as most PDFs have, so a viewer that loads by byte ranges reads the
// tail first and then only the pages it shows).

export interface PdfPage {
  /** Lines of text, top to bottom; the first is set larger as the page's heading. */
  lines: string[];
  /**
   * Bytes of PDF comment appended to the page's content stream: makes a big file whose pages are
   * cheap to draw but expensive to download whole (bench/media.ts).
   */
  padding?: number;
}

/** Latin-1 text inside a PDF string literal. */
function pdfString(s: string): string {
  const latin1 = s.replace(/[^\x20-\x7e\xa0-\xff]/g, '?');
  return `(${latin1.replace(/[\\()]/g, (c) => `\\${c}`)})`;
}

function contentStream(page: PdfPage): string {
  const ops = ['BT', '/F1 22 Tf', '56 770 Td', '26 TL'];
  page.lines.forEach((line, i) => {
    if (i === 1) ops.push('/F1 12 Tf', '16 TL');
    ops.push(`${pdfString(line)} Tj`, 'T*');
  });
  ops.push('ET');
  let body = ops.join('\n') + '\n';
  if (page.padding) {
    const row = `% ${'padding '.repeat(15)}\n`;
    body += row.repeat(Math.ceil(page.padding / row.length));
  }
  return body;
}

/** A complete PDF (US Letter pages) as bytes. */
export function pdfDocument(pages: readonly PdfPage[], title = 'Demo'): Buffer {
  const objects: string[] = [];
  const add = (body: string): number => objects.push(body);
  const catalog = add('');
  const pagesObj = add('');
  const font = add('<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>');
  const info = add(`<< /Title ${pdfString(title)} /Producer (pcloud-web demo) >>`);
  // the page dictionaries first, together, then their content: a viewer checking the page tree (pdf.js
  // walks it to the last page when it opens a file) reads a few KB instead of every page's content
  const kids = pages.map(() => add(''));
  pages.forEach((page, i) => {
    const content = contentStream(page);
    const stream = add(`<< /Length ${Buffer.byteLength(content, 'latin1')} >>\nstream\n${content}endstream`);
    objects[kids[i] - 1] = `<< /Type /Page /Parent ${pagesObj} 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 ${font} 0 R >> >> /Contents ${stream} 0 R >>`;
  });
  objects[catalog - 1] = `<< /Type /Catalog /Pages ${pagesObj} 0 R >>`;
  objects[pagesObj - 1] = `<< /Type /Pages /Kids [${kids.map((k) => `${k} 0 R`).join(' ')}] /Count ${kids.length} >>`;

  const chunks: string[] = ['%PDF-1.4\n%\xe2\xe3\xcf\xd3\n'];
  let offset = Buffer.byteLength(chunks[0], 'latin1');
  const offsets: number[] = [];
  objects.forEach((body, i) => {
    const obj = `${i + 1} 0 obj\n${body}\nendobj\n`;
    offsets.push(offset);
    chunks.push(obj);
    offset += Buffer.byteLength(obj, 'latin1');
  });
  const xref = [`xref\n0 ${objects.length + 1}\n`, '0000000000 65535 f \n', ...offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`)].join('');
  chunks.push(xref, `trailer\n<< /Size ${objects.length + 1} /Root ${catalog} 0 R /Info ${info} 0 R >>\nstartxref\n${offset}\n%%EOF\n`);
  return Buffer.from(chunks.join(''), 'latin1');
}

/** The demo's multi-page guide: every page says which it is, so finding text can be checked. */
export function demoGuidePdf(): Buffer {
  const pages: PdfPage[] = [];
  const topics = ['Welcome', 'Uploading', 'Sharing links', 'Photos and videos', 'Keyboard shortcuts', 'Offline use'];
  topics.forEach((topic, i) => {
    const lines = [`${i + 1}. ${topic}`, ''];
    for (let l = 0; l < 30; l++) lines.push(`Chapter ${i + 1}, line ${l + 1}: the quick brown fox jumps over the lazy dog.`);
    if (i === 2) lines.push('', 'Needle: a public link can be protected with a password.');
    pages.push({ lines });
  });
  return pdfDocument(pages, 'pCloud demo guide');
}
