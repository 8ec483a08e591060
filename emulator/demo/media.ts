// Demo videos and music, produced with ffmpeg (spawned without a shell).
// Music is synthesised in JS as raw PCM (soft chord pads, arpeggios, bass) and
// piped to ffmpeg for MP3/AAC encoding with ID3/iTunes tags.
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import sharp from 'sharp';
import { ffmpegAvailable } from '../media/ffmpeg-path';
import { labelOverlays, sceneSvg } from './scenes';
import { ffmpeg, makeRng, writeOut } from './util';

export interface VideoSpec {
  path: string;
  width: number;
  height: number;
  seconds: number;
  audio: boolean;
  title: string;
}

export const VIDEO_SPECS: readonly VideoSpec[] = [
  { path: 'Videos/Big Buck Demo.mp4', width: 1280, height: 720, seconds: 10, audio: true, title: 'Big Buck Demo' },
  { path: 'Videos/Clips/Vertical clip (no audio).mp4', width: 360, height: 640, seconds: 4, audio: false, title: 'Vertical clip' },
];

export interface TrackSpec {
  path: string;
  title: string;
  artist: string;
  album: string;
  track: string;
  seconds: number;
  bpm: number;
  /** Frequency (Hz) of the key's root note. */
  root: number;
  /** Chords as semitone offsets from the root, one chord per bar. */
  chords: number[][];
}

const ALBUM = 'Road Trip';
const ARTIST = 'The Demo Tones';

export const TRACK_SPECS: readonly TrackSpec[] = [
  { path: 'Music/01 - Sunrise Drive.mp3', title: 'Sunrise Drive', artist: ARTIST, album: ALBUM, track: '1/3', seconds: 24, bpm: 100, root: 261.63, chords: [[0, 4, 7], [7, 11, 14], [9, 12, 16], [5, 9, 12]] },
  { path: 'Music/02 - Café Nights.mp3', title: 'Café Nights', artist: 'Léa & the Sines', album: ALBUM, track: '2/3', seconds: 26, bpm: 84, root: 220, chords: [[0, 3, 7], [-4, 0, 3], [3, 7, 10], [-2, 2, 5]] },
  { path: 'Music/03 - Coastline.mp3', title: 'Coastline', artist: ARTIST, album: ALBUM, track: '3/3', seconds: 22, bpm: 120, root: 293.66, chords: [[0, 4, 7], [9, 12, 16], [5, 9, 12], [7, 11, 14]] },
  { path: 'Music/Lo-fi Loop.m4a', title: 'Lo-fi Loop', artist: 'pCloud Demo', album: 'Singles', track: '1/1', seconds: 20, bpm: 72, root: 174.61, chords: [[0, 4, 7, 11], [5, 9, 12, 16], [2, 5, 9, 12], [7, 11, 14, 17]] },
];

export const PLAYLIST_PATH = 'Music/Road trip.m3u8';
const COVER_PATH = 'Music/cover.jpg';
const SAMPLE_RATE = 44100;

/** A sine oscillator advanced by complex rotation (no Math.sin per sample). */
class Osc {
  private c = 1;
  private s = 0;
  private readonly dc: number;
  private readonly ds: number;
  constructor(freq: number) {
    const w = (2 * Math.PI * freq) / SAMPLE_RATE;
    this.dc = Math.cos(w);
    this.ds = Math.sin(w);
  }
  next(): number {
    const c = this.c * this.dc - this.s * this.ds;
    this.s = this.s * this.dc + this.c * this.ds;
    this.c = c;
    return this.s;
  }
}

/** Cubic soft clipper: smooth saturation instead of hard clipping. */
const soft = (x: number): number => (x >= 1 ? 2 / 3 : x <= -1 ? -2 / 3 : x - (x * x * x) / 3) * 1.5;

/** Render a track to interleaved stereo s16le PCM. */
export function synthesize(t: TrackSpec): Buffer {
  const frames = Math.round(t.seconds * SAMPLE_RATE);
  const pcm = new Int16Array(frames * 2);
  const beat = 60 / t.bpm;
  const bar = beat * 4;
  const step = beat / 2; // eighth-note arpeggio
  const hz = (semi: number): number => t.root * 2 ** (semi / 12);
  const fadeN = 0.35 * SAMPLE_RATE;
  const pluckDecay = Math.exp(-7 / SAMPLE_RATE);
  const bassDecay = Math.exp(-3 / SAMPLE_RATE);
  const fadeOut = 2 * SAMPLE_RATE;
  let i = 0;
  // Work bar by bar and eighth note by eighth note; oscillators restart at
  // points where their envelope is zero, so there are no clicks.
  for (let b = 0; i < frames; b++) {
    const chord = t.chords[b % t.chords.length];
    const pads = chord.map((s) => new Osc(hz(s)));
    const arp = [...chord, chord[1] + 12, chord[2]].map((s) => hz(s + 12));
    const barStart = Math.round(b * bar * SAMPLE_RATE);
    const barLen = Math.round(bar * SAMPLE_RATE);
    let bass = new Osc(1);
    let bassEnv = 0;
    let bassAttack = 0;
    for (let k = 0; k < 8 && i < frames; k++) {
      const stepEnd = Math.min(frames, Math.round((b * bar + (k + 1) * step) * SAMPLE_RATE));
      const f = arp[(b * 8 + k) % arp.length];
      const o1 = new Osc(f);
      const o2 = new Osc(2 * f);
      const pan = k % 2 === 0 ? 0.35 : 0.65;
      let env = 1;
      let attack = 0;
      if (k % 2 === 0) {
        bass = new Osc(hz(chord[0] - 24));
        bassEnv = 1;
        bassAttack = 0;
      }
      for (; i < stepEnd; i++) {
        const inBar = i - barStart;
        let pad = 0;
        for (let p = 0; p < pads.length; p++) pad += pads[p].next();
        pad *= 0.07 * Math.min(1, inBar / fadeN, (barLen - inBar) / fadeN);
        attack = attack < 1 ? attack + 1 / 180 : 1;
        const pluck = attack * env * (o1.next() + 0.3 * o2.next()) * 0.32;
        env *= pluckDecay;
        bassAttack = bassAttack < 1 ? bassAttack + 1 / 440 : 1;
        const low = bassAttack * bassEnv * bass.next() * 0.22;
        bassEnv *= bassDecay;
        const master = 1.1 * Math.min(1, i / SAMPLE_RATE, (frames - i) / fadeOut);
        pcm[i * 2] = Math.round(soft((pad + low + pluck * (1 - pan)) * master) * 30000);
        pcm[i * 2 + 1] = Math.round(soft((pad + low + pluck * pan) * master) * 30000);
      }
    }
  }
  return Buffer.from(pcm.buffer, pcm.byteOffset, pcm.byteLength);
}

function abs(root: string, rel: string): string {
  return path.join(root, ...rel.split('/'));
}

async function makeVideo(root: string, v: VideoSpec): Promise<void> {
  const out = abs(root, v.path);
  await mkdir(path.dirname(out), { recursive: true });
  const src = v.audio ? 'testsrc2' : 'testsrc';
  const args = ['-f', 'lavfi', '-i', `${src}=size=${v.width}x${v.height}:rate=25:duration=${v.seconds}`];
  if (v.audio) args.push('-f', 'lavfi', '-i', `sine=frequency=440:beep_factor=2:sample_rate=44100:duration=${v.seconds}`);
  args.push('-map', '0:v');
  if (v.audio) args.push('-map', '1:a', '-c:a', 'aac', '-aac_coder', 'fast', '-b:a', '96k', '-ac', '2');
  args.push(
    '-c:v', 'libx264', '-preset', 'ultrafast', '-pix_fmt', 'yuv420p', '-g', '50',
    '-b:v', '900k', '-maxrate', '1200k', '-bufsize', '2400k',
    '-movflags', '+faststart', '-metadata', `title=${v.title}`, out,
  );
  await ffmpeg(args, { label: v.path });
}

async function makeCover(root: string): Promise<void> {
  const size = 500;
  const img = sharp(Buffer.from(sceneSvg('lowpoly', size, size, makeRng('cover'))))
    .composite(labelOverlays(size, size, 1, ALBUM))
    .jpeg({ quality: 82 });
  await writeOut(abs(root, COVER_PATH), await img.toBuffer());
}

async function encodeTrack(root: string, t: TrackSpec, pcm: Buffer, withCover: boolean): Promise<void> {
  const out = abs(root, t.path);
  const args = ['-f', 's16le', '-ar', String(SAMPLE_RATE), '-ac', '2', '-i', 'pipe:0'];
  const mp3 = t.path.endsWith('.mp3');
  if (mp3 && withCover) {
    args.push('-i', abs(root, COVER_PATH), '-map', '0:a', '-map', '1:v', '-c:v', 'copy', '-disposition:v:0', 'attached_pic', '-metadata:s:v', 'title=Album cover', '-metadata:s:v', 'comment=Cover (front)');
  }
  if (mp3) args.push('-c:a', 'libmp3lame', '-b:a', '128k', '-id3v2_version', '3');
  else args.push('-c:a', 'aac', '-aac_coder', 'fast', '-b:a', '112k', '-movflags', '+faststart');
  const tags: Record<string, string> = { title: t.title, artist: t.artist, album: t.album, album_artist: t.artist, track: t.track, genre: 'Ambient', date: '2025' };
  for (const [k, val] of Object.entries(tags)) args.push('-metadata', `${k}=${val}`);
  args.push(out);
  await ffmpeg(args, { stdin: pcm, label: t.path });
}

async function makeMusic(root: string): Promise<void> {
  await makeCover(root);
  // Synthesis is synchronous: do it all first so that no encoder sits waiting
  // on a pipe while the event loop is blocked, then encode in parallel.
  const pcms = TRACK_SPECS.map((t) => synthesize(t));
  await Promise.all(TRACK_SPECS.map((t, i) => encodeTrack(root, t, pcms[i], true)));
}

function playlist(): string {
  const lines = ['#EXTM3U', '#PLAYLIST:Road trip'];
  for (const t of TRACK_SPECS.filter((x) => x.path.endsWith('.mp3'))) {
    lines.push(`#EXTINF:${t.seconds},${t.artist} - ${t.title}`, path.posix.basename(t.path));
  }
  return lines.join('\n') + '\n';
}

/**
 * Generate videos, the album cover, music tracks and the playlist under `root`. Without ffmpeg
 * only the cover is made; returns the paths left out so that the caller can say so.
 */
export async function generateMedia(root: string): Promise<string[]> {
  await mkdir(abs(root, 'Music'), { recursive: true });
  if (!ffmpegAvailable()) {
    await makeCover(root);
    return [...VIDEO_SPECS.map((v) => v.path), ...TRACK_SPECS.map((t) => t.path), PLAYLIST_PATH];
  }
  await Promise.all([
    ...VIDEO_SPECS.map((v) => makeVideo(root, v)),
    makeMusic(root),
    writeOut(abs(root, PLAYLIST_PATH), playlist()),
  ]);
  return [];
}
