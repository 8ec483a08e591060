// A .pptx as an outline: each slide's text paragraphs and its pictures, in the presentation's order
// (Office Open XML, ECMA-376 part 1 §19). Layout, themes and shapes are not drawn.
import { strFromU8, unzipSync } from 'fflate';

export interface Slide {
  paragraphs: string[];
  /** Pictures the slide shows, as bytes with their type (only types browsers display). */
  pictures: Array<{ type: string; bytes: Uint8Array }>;
}

const P = 'http://schemas.openxmlformats.org/presentationml/2006/main';
const A = 'http://schemas.openxmlformats.org/drawingml/2006/main';
const R = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const PKG = 'http://schemas.openxmlformats.org/package/2006/relationships';
const PICTURE_TYPES: Record<string, string> = { png: 'image/png', jpg: 'image/jpeg', jpeg: 'image/jpeg', gif: 'image/gif', webp: 'image/webp', bmp: 'image/bmp' };

const parse = (data: Uint8Array | undefined) => (data ? new DOMParser().parseFromString(strFromU8(data), 'application/xml') : null);
const all = (node: Document | Element, ns: string, tag: string) => Array.from(node.getElementsByTagNameNS(ns, tag));

function join(base: string, target: string): string {
  if (target.startsWith('/')) return target.slice(1);
  const parts = base.split('/').slice(0, -1);
  for (const p of target.split('/')) {
    if (p === '..') parts.pop();
    else if (p !== '.') parts.push(p);
  }
  return parts.join('/');
}

function relsOf(files: Record<string, Uint8Array>, part: string): Map<string, string> {
  const at = part.lastIndexOf('/');
  const doc = parse(files[`${part.slice(0, at)}/_rels/${part.slice(at + 1)}.rels`]);
  const out = new Map<string, string>();
  if (doc) for (const r of all(doc, PKG, 'Relationship')) if (r.getAttribute('TargetMode') !== 'External') out.set(r.getAttribute('Id') ?? '', join(part, r.getAttribute('Target') ?? ''));
  return out;
}

export function readPptx(bytes: Uint8Array): Slide[] {
  const files = unzipSync(bytes);
  const pres = parse(files['ppt/presentation.xml']);
  if (!pres) throw new Error('not a PowerPoint presentation');
  const rels = relsOf(files, 'ppt/presentation.xml');
  return all(pres, P, 'sldId').map((id) => {
    const part = rels.get(id.getAttributeNS(R, 'id') ?? '') ?? '';
    const slide = parse(files[part]);
    if (!slide) return { paragraphs: [], pictures: [] };
    const paragraphs = all(slide, A, 'p')
      .map((p) => all(p, A, 't').map((t) => t.textContent ?? '').join(''))
      .filter((s) => s.trim() !== '');
    const slideRels = relsOf(files, part);
    const pictures = all(slide, A, 'blip').flatMap((blip) => {
      const target = slideRels.get(blip.getAttributeNS(R, 'embed') ?? '');
      const type = target ? PICTURE_TYPES[target.slice(target.lastIndexOf('.') + 1).toLowerCase()] : undefined;
      return target && type && files[target] ? [{ type, bytes: files[target] }] : [];
    });
    return { paragraphs, pictures };
  });
}
