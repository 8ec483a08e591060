import { render } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { encode } from 'uqr';
import { QrCode, qrPath } from './qr-code';

describe('QrCode', () => {
  it('draws one unit square per dark module', () => {
    expect(qrPath([[true, false], [false, true]])).toBe('M0 0h1v1h-1zM1 1h1v1h-1z');
  });

  it('renders inert SVG elements whose modules match the encoder', () => {
    const text = 'https://example.test/publink/show?code=<script>alert(1)</script>';
    const { getByRole, container } = render(<QrCode text={text} label="QR code of the link" />);
    const svg = getByRole('img', { name: 'QR code of the link' });
    const qr = encode(text, { ecc: 'M', border: 2 });
    expect(svg.getAttribute('viewBox')).toBe(`0 0 ${qr.size} ${qr.size}`);
    const darks = qr.data.flat().filter(Boolean).length;
    expect(container.querySelector('path')!.getAttribute('d')!.match(/M/g)).toHaveLength(darks);
    expect(container.querySelector('script')).toBeNull();
    expect(container.innerHTML).not.toContain('alert');
  });
});
