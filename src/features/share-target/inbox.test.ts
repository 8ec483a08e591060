// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { batchFromForm } from './inbox';

describe('batchFromForm (the share sheet POST)', () => {
  it('takes the files field and the optional title, text and url', () => {
    const form = new FormData();
    form.append('files', new File(['a'], 'a.jpg', { type: 'image/jpeg' }));
    form.append('files', new File(['bb'], 'b.mp4', { type: 'video/mp4' }));
    form.append('title', '  Holiday ');
    form.append('text', '');
    form.append('url', 'https://example.com/x');
    const batch = batchFromForm(form);
    expect(batch.files.map((f) => [f.name, f.size])).toEqual([
      ['a.jpg', 1],
      ['b.mp4', 2],
    ]);
    expect(batch).toMatchObject({ title: 'Holiday', text: undefined, url: 'https://example.com/x' });
  });

  it('ignores string values in the files field and empty file inputs', () => {
    const form = new FormData();
    form.append('files', 'not a file');
    form.append('files', new File([], ''));
    expect(batchFromForm(form).files).toEqual([]);
  });
});
