// SVG "scenes" used to render pleasant, visually distinct demo photos.
// Every function returns a complete SVG document of exactly w x h pixels.
import { xmlEscape } from './util';

export type Scene = 'mountains' | 'sea' | 'bokeh' | 'city' | 'lowpoly' | 'dunes' | 'screenshot' | 'logo';

type Rng = () => number;

const hsl = (h: number, s: number, l: number, a = 1): string =>
  a === 1 ? `hsl(${Math.round(((h % 360) + 360) % 360)},${Math.round(s)}%,${Math.round(l)}%)` : `hsla(${Math.round(((h % 360) + 360) % 360)},${Math.round(s)}%,${Math.round(l)}%,${a})`;

const r1 = (n: number): string => (Math.round(n * 10) / 10).toString();

function svgDoc(w: number, h: number, defs: string, body: string): string {
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${w}" height="${h}" viewBox="0 0 ${w} ${h}"><defs>${defs}</defs>${body}</svg>`;
}

function vGradient(id: string, stops: Array<[number, string]>): string {
  return `<linearGradient id="${id}" x1="0" y1="0" x2="0" y2="1">${stops.map(([o, c]) => `<stop offset="${o}" stop-color="${c}"/>`).join('')}</linearGradient>`;
}

function glow(id: string, color: string): string {
  return `<radialGradient id="${id}"><stop offset="0" stop-color="${color}" stop-opacity="0.9"/><stop offset="0.25" stop-color="${color}" stop-opacity="0.35"/><stop offset="1" stop-color="${color}" stop-opacity="0"/></radialGradient>`;
}

function mountains(w: number, h: number, rng: Rng): string {
  const hue = rng() * 360;
  const m = Math.min(w, h);
  const defs = vGradient('sky', [[0, hsl(hue + 200, 55, 28)], [0.55, hsl(hue + 230, 55, 62)], [1, hsl(hue + 20, 85, 82)]]) + glow('sun', hsl(hue + 40, 100, 92));
  const sx = w * (0.2 + 0.6 * rng());
  const sy = h * (0.22 + 0.15 * rng());
  let body = `<rect width="${w}" height="${h}" fill="url(#sky)"/><circle cx="${r1(sx)}" cy="${r1(sy)}" r="${r1(m * 0.35)}" fill="url(#sun)"/><circle cx="${r1(sx)}" cy="${r1(sy)}" r="${r1(m * 0.06)}" fill="${hsl(hue + 45, 100, 95)}"/>`;
  const layers = 4;
  for (let i = 0; i < layers; i++) {
    const base = h * (0.5 + i * 0.11);
    const amp = h * (0.2 - i * 0.035);
    const steps = 7 + i * 4;
    const pts: string[] = [`0,${h}`];
    for (let s = 0; s <= steps; s++) pts.push(`${r1((s / steps) * w)},${r1(base - amp * (0.3 + 0.7 * rng()))}`);
    pts.push(`${w},${h}`);
    body += `<polygon points="${pts.join(' ')}" fill="${hsl(hue + 215 + i * 6, 30 - i * 4, 62 - i * 14)}"/>`;
  }
  return svgDoc(w, h, defs, body);
}

function sea(w: number, h: number, rng: Rng): string {
  const hue = rng() * 60 - 20; // warm sunsets
  const m = Math.min(w, h);
  const horizon = h * (0.55 + 0.08 * rng());
  const sx = w * (0.3 + 0.4 * rng());
  const defs =
    vGradient('sky', [[0, hsl(hue + 250, 50, 30)], [0.6, hsl(hue + 330, 65, 62)], [1, hsl(hue + 30, 95, 72)]]) +
    vGradient('water', [[0, hsl(hue + 210, 45, 42)], [1, hsl(hue + 220, 55, 14)]]) +
    glow('sun', hsl(hue + 40, 100, 85));
  let body = `<rect width="${w}" height="${h}" fill="url(#sky)"/><circle cx="${r1(sx)}" cy="${r1(horizon)}" r="${r1(m * 0.45)}" fill="url(#sun)"/><circle cx="${r1(sx)}" cy="${r1(horizon)}" r="${r1(m * 0.09)}" fill="${hsl(hue + 45, 100, 88)}"/>`;
  body += `<rect y="${r1(horizon)}" width="${w}" height="${r1(h - horizon)}" fill="url(#water)"/>`;
  for (let i = 0; i < 14; i++) {
    const y = horizon + (h - horizon) * ((i + 0.5) / 14) ** 1.4;
    const half = m * 0.12 * (1 - i / 16) * (0.6 + 0.4 * rng());
    body += `<rect x="${r1(sx - half)}" y="${r1(y)}" width="${r1(half * 2)}" height="${r1(Math.max(2, m * 0.006))}" rx="2" fill="${hsl(hue + 40, 100, 85, 0.55 - i * 0.03)}"/>`;
  }
  for (let i = 0; i < 10; i++) {
    const y = horizon + (h - horizon) * (0.15 + 0.85 * rng());
    const x0 = rng() * w * 0.7;
    const len = w * (0.1 + 0.3 * rng());
    body += `<path d="M${r1(x0)},${r1(y)} q${r1(len / 4)},${r1(-m * 0.01)} ${r1(len / 2)},0 t${r1(len / 2)},0" stroke="${hsl(0, 0, 100, 0.18)}" stroke-width="${r1(m * 0.004)}" fill="none"/>`;
  }
  return svgDoc(w, h, defs, body);
}

function bokeh(w: number, h: number, rng: Rng): string {
  const hue = rng() * 360;
  const m = Math.min(w, h);
  let defs = vGradient('bg', [[0, hsl(hue + 240, 45, 10)], [1, hsl(hue + 300, 50, 22)]]);
  let body = `<rect width="${w}" height="${h}" fill="url(#bg)"/>`;
  for (let i = 0; i < 36; i++) {
    const c = hsl(hue + rng() * 90, 85, 55 + rng() * 25);
    defs += `<radialGradient id="b${i}"><stop offset="0" stop-color="${c}" stop-opacity="0.85"/><stop offset="0.8" stop-color="${c}" stop-opacity="0.55"/><stop offset="1" stop-color="${c}" stop-opacity="0"/></radialGradient>`;
    body += `<circle cx="${r1(rng() * w)}" cy="${r1(rng() * h)}" r="${r1(m * (0.025 + 0.1 * rng()))}" fill="url(#b${i})" opacity="${(0.25 + 0.6 * rng()).toFixed(2)}"/>`;
  }
  return svgDoc(w, h, defs, body);
}

function city(w: number, h: number, rng: Rng): string {
  const hue = rng() * 80 + 190;
  const m = Math.min(w, h);
  const defs = vGradient('sky', [[0, hsl(hue + 20, 60, 12)], [0.6, hsl(hue + 60, 45, 30)], [1, hsl(hue + 140, 70, 60)]]) + glow('moon', hsl(50, 40, 95));
  const mx = w * (0.15 + 0.7 * rng());
  const my = h * (0.12 + 0.12 * rng());
  let body = `<rect width="${w}" height="${h}" fill="url(#sky)"/><circle cx="${r1(mx)}" cy="${r1(my)}" r="${r1(m * 0.16)}" fill="url(#moon)"/><circle cx="${r1(mx)}" cy="${r1(my)}" r="${r1(m * 0.035)}" fill="${hsl(50, 40, 95)}"/>`;
  const ground = h * 0.9;
  let windows = '';
  for (let x = -w * 0.02; x < w; ) {
    const bw = w * (0.045 + 0.07 * rng());
    const bh = h * (0.18 + 0.5 * rng());
    const top = ground - bh;
    body += `<rect x="${r1(x)}" y="${r1(top)}" width="${r1(bw)}" height="${r1(bh + h)}" fill="${hsl(hue + 10, 25, 9 + rng() * 9)}"/>`;
    const cell = Math.max(6, m * 0.022);
    for (let wy = top + cell; wy < ground - cell; wy += cell * 1.6) {
      for (let wx = x + cell * 0.6; wx < x + bw - cell; wx += cell * 1.3) {
        if (rng() < 0.35) windows += `<rect x="${r1(wx)}" y="${r1(wy)}" width="${r1(cell * 0.7)}" height="${r1(cell * 0.9)}" fill="${hsl(45 + rng() * 10, 90, 60 + rng() * 20)}"/>`;
      }
    }
    x += bw + w * 0.004;
  }
  body += `<g opacity="0.85">${windows}</g><rect y="${r1(ground)}" width="${w}" height="${r1(h - ground)}" fill="${hsl(hue, 30, 6)}"/>`;
  return svgDoc(w, h, defs, body);
}

function lowpoly(w: number, h: number, rng: Rng): string {
  const hueA = rng() * 360;
  const hueB = hueA + 60 + rng() * 80;
  const cols = 12;
  const cell = w / cols;
  const rows = Math.max(2, Math.round(h / cell));
  const ch = h / rows;
  const pt: Array<Array<[number, number]>> = [];
  for (let r = 0; r <= rows; r++) {
    pt.push([]);
    for (let c = 0; c <= cols; c++) {
      const jx = c === 0 || c === cols ? 0 : (rng() - 0.5) * cell * 0.7;
      const jy = r === 0 || r === rows ? 0 : (rng() - 0.5) * ch * 0.7;
      pt[r].push([c * cell + jx, r * ch + jy]);
    }
  }
  let body = '';
  const tri = (a: [number, number], b: [number, number], c: [number, number]): void => {
    const t = ((a[0] + b[0] + c[0]) / 3 / w + (a[1] + b[1] + c[1]) / 3 / h) / 2;
    const col = hsl(hueA + (hueB - hueA) * t, 65, 38 + 22 * t + (rng() - 0.5) * 10);
    body += `<polygon points="${r1(a[0])},${r1(a[1])} ${r1(b[0])},${r1(b[1])} ${r1(c[0])},${r1(c[1])}" fill="${col}" stroke="${col}" stroke-width="1"/>`;
  };
  for (let r = 0; r < rows; r++) {
    for (let c = 0; c < cols; c++) {
      const [p00, p01, p10, p11] = [pt[r][c], pt[r][c + 1], pt[r + 1][c], pt[r + 1][c + 1]];
      tri(p00, p01, p11);
      tri(p00, p11, p10);
    }
  }
  return svgDoc(w, h, '', body);
}

function dunes(w: number, h: number, rng: Rng): string {
  const hue = 20 + rng() * 25;
  const m = Math.min(w, h);
  const defs = vGradient('sky', [[0, hsl(hue + 180, 55, 55)], [1, hsl(hue + 10, 70, 86)]]) + glow('sun', hsl(hue + 30, 100, 90));
  const sx = w * (0.15 + 0.7 * rng());
  const sy = h * (0.2 + 0.1 * rng());
  let body = `<rect width="${w}" height="${h}" fill="url(#sky)"/><circle cx="${r1(sx)}" cy="${r1(sy)}" r="${r1(m * 0.3)}" fill="url(#sun)"/><circle cx="${r1(sx)}" cy="${r1(sy)}" r="${r1(m * 0.05)}" fill="${hsl(hue + 30, 100, 96)}"/>`;
  for (let i = 0; i < 5; i++) {
    const y = h * (0.45 + i * 0.12);
    const a = h * 0.08 * (0.5 + rng());
    const c1 = w * (0.2 + 0.3 * rng());
    const c2 = w * (0.5 + 0.3 * rng());
    body += `<path d="M0,${r1(y)} C${r1(c1)},${r1(y - a)} ${r1(c2)},${r1(y + a)} ${w},${r1(y - a * 0.5)} L${w},${h} L0,${h} Z" fill="${hsl(hue + i * 3, 60 - i * 5, 70 - i * 9)}"/>`;
  }
  return svgDoc(w, h, defs, body);
}

function screenshot(w: number, h: number, rng: Rng): string {
  const accent = rng() * 360;
  const side = w * 0.2;
  const bar = Math.max(24, h * 0.07);
  let body = `<rect width="${w}" height="${h}" fill="#f4f5f7"/><rect width="${w}" height="${r1(bar)}" fill="${hsl(accent, 60, 45)}"/><rect y="${r1(bar)}" width="${r1(side)}" height="${h}" fill="#ffffff"/>`;
  for (let i = 0; i < 9; i++) body += `<rect x="${r1(side * 0.1)}" y="${r1(bar + 20 + i * bar * 0.8)}" width="${r1(side * (0.5 + 0.3 * rng()))}" height="${r1(bar * 0.28)}" rx="4" fill="${i === 2 ? hsl(accent, 60, 55) : '#d5d9e0'}"/>`;
  const cols = 4;
  const gap = w * 0.02;
  const cw = (w - side - gap * (cols + 1)) / cols;
  for (let r = 0; r < 3; r++) {
    for (let c = 0; c < cols; c++) {
      const x = side + gap + c * (cw + gap);
      const y = bar + gap + r * (cw * 0.9 + gap);
      if (y + cw * 0.8 > h) continue;
      body += `<rect x="${r1(x)}" y="${r1(y)}" width="${r1(cw)}" height="${r1(cw * 0.8)}" rx="8" fill="#ffffff" stroke="#e2e5ea"/>`;
      body += `<rect x="${r1(x + 8)}" y="${r1(y + 8)}" width="${r1(cw - 16)}" height="${r1(cw * 0.5)}" rx="6" fill="${hsl(accent + (r * cols + c) * 27, 55, 70)}"/>`;
      body += `<rect x="${r1(x + 8)}" y="${r1(y + cw * 0.62)}" width="${r1((cw - 16) * (0.4 + 0.5 * rng()))}" height="${r1(cw * 0.06)}" rx="3" fill="#c4c9d2"/>`;
    }
  }
  return svgDoc(w, h, '', body);
}

function logo(w: number, h: number, rng: Rng): string {
  const hue = rng() * 360;
  const cx = w / 2;
  const cy = h / 2;
  const R = Math.min(w, h) * 0.42;
  const defs = `<linearGradient id="g" x1="0" y1="0" x2="1" y2="1"><stop offset="0" stop-color="${hsl(hue, 80, 60)}"/><stop offset="1" stop-color="${hsl(hue + 70, 80, 45)}"/></linearGradient>`;
  const star: string[] = [];
  for (let i = 0; i < 10; i++) {
    const a = (Math.PI / 5) * i - Math.PI / 2;
    const rr = i % 2 === 0 ? R * 0.62 : R * 0.26;
    star.push(`${r1(cx + rr * Math.cos(a))},${r1(cy + rr * Math.sin(a))}`);
  }
  const body = `<circle cx="${cx}" cy="${cy}" r="${r1(R)}" fill="url(#g)"/><circle cx="${cx}" cy="${cy}" r="${r1(R * 0.86)}" fill="none" stroke="#ffffff" stroke-opacity="0.6" stroke-width="${r1(R * 0.04)}"/><polygon points="${star.join(' ')}" fill="#ffffff" fill-opacity="0.92"/>`;
  return svgDoc(w, h, defs, body);
}

const SCENES: Record<Scene, (w: number, h: number, rng: Rng) => string> = { mountains, sea, bokeh, city, lowpoly, dunes, screenshot, logo };

export function sceneSvg(scene: Scene, w: number, h: number, rng: Rng): string {
  return SCENES[scene](w, h, rng);
}

export interface LabelOverlay {
  input: Buffer;
  left: number;
  top: number;
}

/**
 * Label overlays to composite onto a w x h image with sharp: a big number in
 * the top-right corner and a caption pill in the bottom-left corner. Each is a
 * small SVG positioned with left/top, so only those regions are rasterised.
 */
export function labelOverlays(w: number, h: number, num: number, caption: string): LabelOverlay[] {
  const m = Math.min(w, h);
  const pad = Math.round(m * 0.045);
  const font = `font-family="DejaVu Sans, Liberation Sans, Arial, sans-serif" font-weight="bold"`;

  const big = m * 0.24;
  const label = String(num).padStart(2, '0');
  const shadow = Math.max(1, big * 0.03);
  const numW = Math.min(w - pad, Math.ceil(label.length * big * 0.7 + shadow));
  const numH = Math.min(h - pad, Math.ceil(big * 0.82 + shadow));
  const numSvg =
    `<svg xmlns="http://www.w3.org/2000/svg" width="${numW}" height="${numH}">` +
    `<text x="${r1(numW)}" y="${r1(big * 0.78 + shadow)}" font-size="${r1(big)}" ${font} text-anchor="end" fill="#000000" fill-opacity="0.35">${label}</text>` +
    `<text x="${r1(numW - shadow)}" y="${r1(big * 0.78)}" font-size="${r1(big)}" ${font} text-anchor="end" fill="#ffffff" fill-opacity="0.93">${label}</text>` +
    `</svg>`;

  const capSize = m * 0.042;
  const text = `${caption} · ${w}×${h}`;
  const pillW = Math.min(w - pad * 2, Math.ceil(text.length * capSize * 0.66 + capSize * 1.6));
  const pillH = Math.ceil(capSize * 2);
  const pillSvg =
    `<svg xmlns="http://www.w3.org/2000/svg" width="${pillW}" height="${pillH}">` +
    `<rect width="${pillW}" height="${pillH}" rx="${r1(pillH / 2)}" fill="#000000" fill-opacity="0.4"/>` +
    `<text x="${r1(capSize * 0.8)}" y="${r1(pillH / 2 + capSize * 0.36)}" font-size="${r1(capSize)}" ${font} fill="#ffffff">${xmlEscape(text)}</text>` +
    `</svg>`;

  return [
    { input: Buffer.from(numSvg), left: w - pad - numW, top: pad },
    { input: Buffer.from(pillSvg), left: pad, top: h - pad - pillH },
  ];
}
