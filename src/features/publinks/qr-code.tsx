// QR codes drawn from uqr's module matrix as React SVG elements: no markup string is ever
// injected, so the encoded text cannot become live content.
import { useMemo } from 'react';
import { encode } from 'uqr';

/** One path of unit squares for the dark modules (compact even for long links). */
export function qrPath(data: readonly (readonly boolean[])[]): string {
  let d = '';
  data.forEach((row, y) => {
    row.forEach((dark, x) => {
      if (dark) d += `M${x} ${y}h1v1h-1z`;
    });
  });
  return d;
}

export function QrCode({ text, size = 176, label }: { text: string; size?: number; label: string }) {
  const qr = useMemo(() => encode(text, { ecc: 'M', border: 2 }), [text]);
  const path = useMemo(() => qrPath(qr.data), [qr]);
  // always dark on white, whatever the theme: scanners need the contrast the standard expects
  return (
    <svg className="qr-code" role="img" aria-label={label} width={size} height={size} viewBox={`0 0 ${qr.size} ${qr.size}`} shapeRendering="crispEdges">
      <rect width={qr.size} height={qr.size} fill="#fff" />
      <path d={path} fill="#000" />
    </svg>
  );
}
