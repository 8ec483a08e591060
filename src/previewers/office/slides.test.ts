import { strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { readPptx } from './slides';

const NS = 'xmlns:p="http://schemas.openxmlformats.org/presentationml/2006/main" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"';
const RELS = (body: string) => strToU8(`<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${body}</Relationships>`);
const slide = (texts: string[], pic = '') =>
  strToU8(`<p:sld ${NS}><p:cSld><p:spTree>${texts.map((t) => `<p:sp><p:txBody><a:p><a:r><a:t>${t}</a:t></a:r></a:p></p:txBody></p:sp>`).join('')}${pic}</p:spTree></p:cSld></p:sld>`);

describe('readPptx', () => {
  it('reads slides in presentation order with their text and local pictures only', () => {
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47]);
    const bytes = zipSync({
      'ppt/presentation.xml': strToU8(`<p:presentation ${NS}><p:sldIdLst><p:sldId id="257" r:id="rId3"/><p:sldId id="256" r:id="rId2"/></p:sldIdLst></p:presentation>`),
      'ppt/_rels/presentation.xml.rels': RELS('<Relationship Id="rId2" Target="slides/slide1.xml"/><Relationship Id="rId3" Target="slides/slide2.xml"/>'),
      'ppt/slides/slide1.xml': slide(['Later']),
      'ppt/slides/slide2.xml': slide(['Title', 'Point'], '<p:pic><p:blipFill><a:blip r:embed="rId1"/></p:blipFill></p:pic><p:pic><p:blipFill><a:blip r:embed="rId2"/></p:blipFill></p:pic>'),
      'ppt/slides/_rels/slide2.xml.rels': RELS('<Relationship Id="rId1" Target="../media/image1.png"/><Relationship Id="rId2" Target="https://evil.example/x.png" TargetMode="External"/>'),
      'ppt/media/image1.png': png,
    });
    const slides = readPptx(bytes);
    expect(slides.map((s) => s.paragraphs)).toEqual([['Title', 'Point'], ['Later']]);
    expect(slides[0].pictures).toEqual([{ type: 'image/png', bytes: png }]);
    expect(slides[1].pictures).toEqual([]);
  });
});
