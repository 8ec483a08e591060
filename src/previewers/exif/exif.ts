// Photo details from EXIF, read with exifr from the first bytes of the file (a Range request: the
// EXIF block sits at the start of JPEG, HEIC and TIFF files).
import type { FileMetadata } from '../../api/protocol/types';

export interface PhotoDetails {
  camera?: string;
  lens?: string;
  /** Exposure time in seconds, f-number, ISO. */
  exposure?: { time?: number; aperture?: number; iso?: number };
  focalLength?: number;
  taken?: Date;
  /** Only when the file carries a position. */
  gps?: { latitude: number; longitude: number };
}

type Tags = Record<string, unknown>;

const str = (v: unknown) => (typeof v === 'string' && v.trim() ? v.trim() : undefined);
const num = (v: unknown) => (typeof v === 'number' && Number.isFinite(v) ? v : undefined);

/** The fields the details panel shows, from exifr's tags. */
export function detailsFromTags(tags: Tags | undefined | null): PhotoDetails {
  if (!tags) return {};
  const make = str(tags.Make);
  const model = str(tags.Model);
  // many cameras repeat the make in the model ("Canon" + "Canon EOS R6")
  const camera = model && make && model.toLowerCase().startsWith(make.toLowerCase()) ? model : [make, model].filter(Boolean).join(' ') || undefined;
  const time = num(tags.ExposureTime);
  const aperture = num(tags.FNumber);
  const iso = num(tags.ISO) ?? num(tags.ISOSpeedRatings);
  const taken = tags.DateTimeOriginal ?? tags.CreateDate ?? tags.ModifyDate;
  const lat = num(tags.latitude);
  const lon = num(tags.longitude);
  return {
    camera,
    lens: str(tags.LensModel) ?? str(tags.LensMake),
    exposure: time ?? aperture ?? iso ? { time, aperture, iso } : undefined,
    focalLength: num(tags.FocalLength),
    taken: taken instanceof Date && !Number.isNaN(taken.getTime()) ? taken : undefined,
    gps: lat !== undefined && lon !== undefined && !(lat === 0 && lon === 0) ? { latitude: lat, longitude: lon } : undefined,
  };
}

/** An exposure time as photographers write it: 1/250, 0.5, 2. */
export function formatExposureTime(seconds: number): string {
  if (seconds >= 0.5) return String(Math.round(seconds * 10) / 10);
  return `1/${Math.round(1 / seconds)}`;
}

/** Coordinates as degrees with a hemisphere letter, five decimals (about a metre). */
export function formatCoordinates({ latitude, longitude }: { latitude: number; longitude: number }): string {
  const f = (v: number, pos: string, neg: string) => `${Math.abs(v).toFixed(5)}° ${v >= 0 ? pos : neg}`;
  return `${f(latitude, 'N', 'S')}, ${f(longitude, 'E', 'W')}`;
}

/** Files that may carry EXIF. */
export function mayHaveExif(file: FileMetadata): boolean {
  return /\.(jpe?g|heic|heif|tiff?|webp|png|avif|dng|cr2|nef|arw)$/i.test(file.name) || /^image\/(jpeg|heic|heif|tiff|webp)/.test(file.contenttype);
}

/** Reads the details from the file at `url` (only its first bytes are fetched). */
export async function readDetails(url: string): Promise<PhotoDetails> {
  const { default: exifr } = await import('exifr');
  const tags = (await exifr.parse(url, { tiff: true, exif: true, gps: true, ifd1: false, interop: false, xmp: false, icc: false, iptc: false, firstChunkSize: 64 * 1024 })) as Tags | undefined;
  return detailsFromTags(tags);
}
