import { describe, expect, it } from 'vitest';
import { parseLinks } from './remote-upload-dialog';

describe('parseLinks', () => {
  it('takes one link per line and skips blank lines', () => {
    expect(parseLinks(' https://example.com/a.jpg \n\nhttp://127.0.0.1:8080/b c.txt\r\n')).toEqual({
      urls: ['https://example.com/a.jpg', 'http://127.0.0.1:8080/b%20c.txt'],
    });
  });

  it('names the first line that is not a web link', () => {
    expect(parseLinks('https://example.com/a\nftp://example.com/b')).toEqual({
      error: 'Line 2 is not a web link (it must start with http:// or https://): ftp://example.com/b',
    });
    expect(parseLinks('photo.jpg')).toMatchObject({ error: expect.stringContaining('Line 1') });
  });

  it('asks for at least one link', () => {
    expect(parseLinks('  \n ')).toEqual({ error: 'Paste at least one link, one per line.' });
  });
});
