// Demo photos: SVG scene backgrounds + a composited label overlay, encoded by sharp.
import path from 'node:path';
import sharp from 'sharp';
import { labelOverlays, sceneSvg, type Scene } from './scenes';
import { demoMtime, makeRng, mapLimit, writeOut } from './util';

export interface PhotoSpec {
  /** Path relative to the demo root, using '/' separators. */
  path: string;
  width: number;
  height: number;
  format: 'jpeg' | 'png' | 'webp';
  scene: Scene;
  caption: string;
}

const P = 'Photos';
const H = 'Photos/Holidays 2025';

type Row = [string, number, number, Scene, string];

const rows: Row[] = [
  [`${P}/IMG_2041.jpg`, 1600, 1067, 'mountains', 'Alpine morning'],
  [`${P}/IMG_2042.jpg`, 1600, 1067, 'sea', 'Harbour sunset'],
  [`${P}/IMG_2043.jpg`, 1067, 1600, 'city', 'Night towers'],
  [`${P}/IMG_2047.jpg`, 2048, 1536, 'bokeh', 'City lights'],
  [`${P}/IMG_2050.jpg`, 1536, 2048, 'dunes', 'Dune trail'],
  [`${P}/IMG_2051.jpg`, 1600, 1067, 'lowpoly', 'Facets'],
  [`${P}/Sunset at the lake.jpg`, 1920, 1080, 'sea', 'Sunset at the lake'],
  [`${P}/Mountain pass.jpg`, 1600, 1067, 'mountains', 'Mountain pass'],
  [`${P}/Skyline at dusk.jpg`, 1920, 1080, 'city', 'Skyline at dusk'],
  [`${P}/Portrait mode.jpg`, 1080, 1920, 'bokeh', 'Portrait mode'],
  [`${P}/Square crop.jpg`, 1200, 1200, 'lowpoly', 'Square crop'],
  [`${P}/Panorama — ridge line.jpg`, 3000, 1000, 'mountains', 'Panorama — ridge line'],
  [`${P}/DSC00077.JPG`, 1600, 1067, 'dunes', 'DSC00077'],
  [`${P}/DSC00078.JPG`, 1600, 1067, 'sea', 'DSC00078'],
  [`${P}/PXL_20250702_181533.jpg`, 1067, 1600, 'mountains', 'Evening hike'],
  [`${P}/PXL_20250702_181540.jpg`, 1600, 1067, 'city', 'Downtown'],
  [`${P}/Fête de la musique.jpg`, 1600, 1067, 'bokeh', 'Fête de la musique'],
  [`${P}/Small thumbnail.jpg`, 320, 240, 'lowpoly', 'Small'],
  [`${P}/Wallpaper 2560x1440.jpg`, 2560, 1440, 'dunes', 'Wallpaper'],
  [`${P}/Aurora.webp`, 1600, 900, 'mountains', 'Aurora (WebP)'],
  [`${P}/Screenshot 2025-11-03 at 14.22.10.png`, 1280, 800, 'screenshot', 'Screenshot'],
  [`${P}/Dashboard mockup.png`, 1000, 700, 'screenshot', 'Dashboard mockup'],
  [`${P}/App icon.png`, 512, 512, 'logo', 'Transparent PNG'],
  [`${P}/tiny.png`, 16, 16, 'lowpoly', 'tiny'],
  [`${H}/Beach day 01.jpg`, 1600, 1067, 'sea', 'Beach day 01'],
  [`${H}/Beach day 02.jpg`, 1067, 1600, 'sea', 'Beach day 02'],
  [`${H}/Old town.jpg`, 1600, 1067, 'city', 'Old town'],
  [`${H}/Hike to the lake.jpg`, 2048, 1536, 'mountains', 'Hike to the lake'],
  [`${H}/Ωmega café terrace.jpg`, 1600, 1067, 'bokeh', 'Ωmega café terrace'],
  [`${H}/Desert road.jpg`, 1600, 1067, 'dunes', 'Desert road'],
  // the picture Documents/Guide.md shows by a relative path
  ['Documents/diagram.png', 640, 360, 'screenshot', 'Diagram'],
];

/** The photo whose EXIF has lens, exposure and GPS as well (the details panel shows them). */
export const EXIF_PHOTO = `${P}/IMG_2041.jpg`;
export const EXIF_DETAILS = { lens: 'Demo 24-70mm F2.8', exposure: '1/250', fNumber: 8, iso: 200, latitude: 46.5581, longitude: 8.5611 };

/** Degrees as EXIF's three rationals (degrees, minutes, seconds in hundredths). */
function dms(deg: number): string {
  const a = Math.abs(deg);
  const d = Math.floor(a);
  const m = Math.floor((a - d) * 60);
  const s = Math.round(((a - d) * 60 - m) * 60 * 100);
  return `${d}/1 ${m}/1 ${s}/100`;
}

function formatOf(p: string): PhotoSpec['format'] {
  const ext = path.extname(p).toLowerCase();
  return ext === '.png' ? 'png' : ext === '.webp' ? 'webp' : 'jpeg';
}

/** Every generated photo, in generation order (the visible number is index + 1). */
export const PHOTO_SPECS: readonly PhotoSpec[] = rows.map(([p, width, height, scene, caption]) => ({
  path: p,
  width,
  height,
  format: formatOf(p),
  scene,
  caption,
}));

function exifDate(d: Date): string {
  const z = (n: number): string => String(n).padStart(2, '0');
  return `${d.getFullYear()}:${z(d.getMonth() + 1)}:${z(d.getDate())} ${z(d.getHours())}:${z(d.getMinutes())}:${z(d.getSeconds())}`;
}

async function renderPhoto(root: string, spec: PhotoSpec, num: number, now: number): Promise<void> {
  const rng = makeRng(`photo:${spec.path}`);
  const bg = Buffer.from(sceneSvg(spec.scene, spec.width, spec.height, rng));
  let img = sharp(bg);
  if (Math.min(spec.width, spec.height) >= 64) {
    img = img.composite(labelOverlays(spec.width, spec.height, num, spec.caption));
  }
  const taken = exifDate(demoMtime(spec.path, now));
  const exif: Record<string, Record<string, string>> = { IFD0: { Make: 'pCloud Demo', Model: 'Generated Camera', DateTime: taken }, IFD2: { DateTimeOriginal: taken } };
  if (spec.path === EXIF_PHOTO) {
    const d = EXIF_DETAILS;
    exif.IFD2 = { ...exif.IFD2, LensModel: d.lens, ExposureTime: d.exposure, FNumber: `${d.fNumber}/1`, ISOSpeedRatings: String(d.iso), FocalLength: '35/1' };
    exif.IFD3 = { GPSLatitudeRef: d.latitude >= 0 ? 'N' : 'S', GPSLatitude: dms(d.latitude), GPSLongitudeRef: d.longitude >= 0 ? 'E' : 'W', GPSLongitude: dms(d.longitude) };
  }
  let out: Buffer;
  if (spec.format === 'jpeg') out = await img.flatten({ background: '#000000' }).jpeg({ quality: 80 }).withExif(exif).toBuffer();
  else if (spec.format === 'webp') out = await img.webp({ quality: 75, effort: 2 }).withExif(exif).toBuffer();
  else if (spec.scene === 'logo') out = await img.png({ compressionLevel: 6 }).toBuffer(); // keeps full alpha
  else out = await img.png({ palette: true, effort: 3, compressionLevel: 6 }).toBuffer();
  await writeOut(path.join(root, ...spec.path.split('/')), out);
}

/** Render all demo photos under `root`. */
export async function generatePhotos(root: string, now: number, concurrency = 2): Promise<void> {
  await mapLimit(PHOTO_SPECS, concurrency, (spec, i) => renderPhoto(root, spec, i + 1, now));
}
