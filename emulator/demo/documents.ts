// Text content of the demo tree: documents, source code, deep project folders
// and files with hostile (but legal) names.
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { demoDocx, demoXlsx } from './office';
import { demoGuidePdf } from './pdf';
import { writeOut } from './util';

const README = `# Demo account

Welcome to the **pCloud web client** demo. Everything in this account was
generated when the emulator started, so feel free to rename, move, share or
delete anything.

## What is here

| Folder | Contents |
| --- | --- |
| Photos | JPEG, PNG and WebP images in many sizes and aspect ratios |
| Videos | A short H.264/AAC clip and a silent vertical clip |
| Music | MP3 tracks with ID3 tags, an AAC track and an \`.m3u8\` playlist |
| Documents | Text, Markdown, CSV, JSON and source code |
| Archives | A ZIP with nested folders and a non-ASCII entry name |
| Hostile names | File names that try very hard to break things |
| Many files | Lots of tiny files, to show off smooth scrolling |

> Tip: press \`/\` to search and \`?\` to see all keyboard shortcuts.

\`\`\`sh
curl 'http://localhost:8787/listfolder?path=/&auth=…'
\`\`\`
`;

const NOTES = `Notes — réunion du 14 février

• Café ☕ at 9:00 with Zoë, Søren and Ñuño
• Budget: 1 234,56 € (≈ $1,340) — approved ✅
• Emoji check: 🎉 🚀 👩‍💻 🇫🇷 🏳️‍🌈
• Accents: àéîõü ÀÉÎÕÜ ç ß ø å æ œ
• Other scripts: Ελληνικά · Русский · 日本語 · 한국어 · עברית · العربية
• Math: ∑ x² ≤ ∞, π ≈ 3.14159, ½ + ¼ = ¾

TODO:
  [x] write notes
  [ ] check that this file previews as UTF-8
`;

function reportCsv(): string {
  const rows = ['date,region,product,units,revenue_eur,notes'];
  const regions = ['North', 'South', 'East', 'West'];
  const products = ['Basic', 'Premium', 'Family', 'Business'];
  for (let i = 0; i < 60; i++) {
    const d = new Date(Date.UTC(2025, 0, 1 + i * 6)).toISOString().slice(0, 10);
    const units = 10 + ((i * 37) % 90);
    const note = i % 11 === 0 ? '"contains, a comma"' : i % 13 === 0 ? '"say ""hello"""' : i % 7 === 0 ? 'Zürich café' : '';
    rows.push(`${d},${regions[i % 4]},${products[(i * 3) % 4]},${units},${(units * 4.99).toFixed(2)},${note}`);
  }
  return rows.join('\n') + '\n';
}

const APP_TS = `// A tiny TypeScript sample used to demo syntax highlighting.
export interface Task {
  id: number;
  title: string;
  done: boolean;
}

export function summarize(tasks: readonly Task[]): string {
  const done = tasks.filter((t) => t.done).length;
  return \`\${done}/\${tasks.length} tasks done\`;
}

const tasks: Task[] = [
  { id: 1, title: 'Upload photos', done: true },
  { id: 2, title: 'Share the album', done: false },
];

console.log(summarize(tasks));
`;

const STYLE_CSS = `:root {
  --accent: #17bed0;
  --bg: #ffffff;
  --fg: #1f2328;
}

@media (prefers-color-scheme: dark) {
  :root { --bg: #0d1117; --fg: #e6edf3; }
}

body {
  margin: 0;
  font: 14px/1.5 system-ui, sans-serif;
  background: var(--bg);
  color: var(--fg);
}

.button:hover { background: color-mix(in srgb, var(--accent) 85%, black); }
`;

const INDEX_HTML = `<!doctype html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <title>Hostile HTML demo</title>
  <link rel="stylesheet" href="style.css">
</head>
<body onload="alert('onload')">
  <h1>If you see an alert, the preview is not sandboxed!</h1>
  <script>alert(1)</script>
  <img src="x" onerror="alert(2)">
  <a href="javascript:alert(3)">click me</a>
  <iframe src="javascript:alert(4)"></iframe>
</body>
</html>
`;

const DATA_JSON = JSON.stringify(
  {
    name: 'demo-settings',
    version: 3,
    enabled: true,
    ratio: 0.75,
    tags: ['photos', 'music', 'vidéos', '📁'],
    owner: { name: 'Zoë Müller', email: 'zoe@example.com' },
    limits: { maxUploadMB: 2048, quota: null },
    html: '<b>not bold</b>',
  },
  null,
  2,
) + '\n';

function longLog(): string {
  const levels = ['INFO', 'DEBUG', 'WARN', 'INFO', 'ERROR', 'INFO'];
  const lines: string[] = [];
  const start = Date.UTC(2025, 8, 1, 8, 0, 0);
  for (let i = 0; i < 1500; i++) {
    const ts = new Date(start + i * 7_919).toISOString();
    lines.push(`${ts} ${levels[i % levels.length].padEnd(5)} [worker-${i % 4}] request ${1000 + i} handled in ${(i * 37) % 250} ms`);
  }
  return lines.join('\n') + '\n';
}

const XSS_SVG = `<svg xmlns="http://www.w3.org/2000/svg" width="200" height="100" onload="alert('svg onload')">
  <script>alert('svg script')</script>
  <rect width="200" height="100" fill="#e33"/>
  <text x="100" y="60" font-size="20" text-anchor="middle" fill="#fff">hostile SVG</text>
</svg>
`;

// Markdown with a picture beside it (Documents/diagram.png, made with the photos) and a script tag
// that a previewer must leave inert.
const GUIDE_MD = `# Previewing files

Markdown is rendered with **GitHub** flavour.

![Diagram](diagram.png)

| Kind | Shown as |
| --- | --- |
| PDF | pages |
| Sheet | a table |

- [x] tables
- [ ] world domination

\`\`\`ts
const answer: number = 42;
\`\`\`

<script>document.title = 'pwned'</script>
`;

const HELLO_PY = `"""A tiny Python sample for syntax highlighting."""
from dataclasses import dataclass


@dataclass
class Photo:
    name: str
    size: int = 0


def largest(photos: list[Photo]) -> Photo | None:
    return max(photos, key=lambda p: p.size, default=None)


if __name__ == "__main__":
    print(largest([Photo("a.jpg", 10), Photo("b.jpg", 20)]))
`;

const MAIN_GO = `package main

import "fmt"

// Sum adds the sizes of all files.
func Sum(sizes []int64) (total int64) {
\tfor _, s := range sizes {
\t\ttotal += s
\t}
\treturn total
}

func main() {
\tfmt.Println(Sum([]int64{1, 2, 3}))
}
`;

const LIB_RS = `/// Human-readable size, as the file list shows it.
pub fn format_size(bytes: u64) -> String {
    const UNITS: [&str; 4] = ["B", "KB", "MB", "GB"];
    let mut value = bytes as f64;
    let mut unit = 0;
    while value >= 1024.0 && unit < UNITS.len() - 1 {
        value /= 1024.0;
        unit += 1;
    }
    format!("{value:.1} {}", UNITS[unit])
}
`;

// Cues a second in, so a player test can seek to one.
const VIDEO_SRT = `1
00:00:01,000 --> 00:00:04,000
Hello from the demo subtitles

2
00:00:05,000 --> 00:00:08,500
Zweite Zeile – <i>second</i> cue
`;

/** Binary documents (PDF, Word, Excel), generated, by path relative to the demo root. */
export function binaryDocuments(): Record<string, Buffer> {
  return {
    'Documents/Guide.pdf': demoGuidePdf(),
    'Documents/Letter.docx': demoDocx(),
    'Documents/Sales.xlsx': demoXlsx(),
  };
}

/** Text files by path relative to the demo root. Folders ending in '/' are created empty. */
export function textFiles(): Record<string, string> {
  const long = `A very long file name that keeps going and going so that it has to be truncated or wrapped somewhere in the user interface without breaking the layout of the file list`;
  const longName = `${long} ${'-'.repeat(Math.max(0, 200 - long.length - 9))} end.txt`; // exactly 200 chars
  const hostileNames = [
    '<img src=x onerror=alert(1)>.txt',
    longName,
    'שלום עולם.txt',
    'مرحبا بالعالم.txt',
    'invoice\u202Efdp.exe',
    '🎉 party.txt',
    '.hidden',
    '  leading spaces.txt',
    `& ampersand ' quote ".txt`,
    'CON.txt',
    'caf\u00e9 NFC.txt',
    'cafe\u0301 NFD.txt',
    'zero\u200Bwidth space.txt',
    '100% ${HOME} $(whoami) `id` ; | tee.txt',
    '%2e%2e%2f not a traversal.txt',
    'what?*:|"<>.txt',
    'Ünïcödé Ωmega ✓ 日本語.txt',
    'many.dots.in.name.tar.gz.txt',
  ];
  const files: Record<string, string> = {
    'Documents/README.md': README,
    'Documents/notes.txt': NOTES,
    'Documents/report.csv': reportCsv(),
    'Documents/app.ts': APP_TS,
    'Documents/style.css': STYLE_CSS,
    'Documents/index.html': INDEX_HTML,
    'Documents/settings.json': DATA_JSON,
    'Documents/server.log': longLog(),
    'Documents/empty.txt': '',
    'Documents/Guide.md': GUIDE_MD,
    'Documents/Code/hello.py': HELLO_PY,
    'Documents/Code/main.go': MAIN_GO,
    'Documents/Code/lib.rs': LIB_RS,
    'Videos/Big Buck Demo.srt': VIDEO_SRT,
    'Documents/Makefile': 'all:\n\t@echo "no extension"\n',
    'Projects/2026/Q4/Launch/plan.txt': 'Launch plan\n===========\n\n1. Freeze features (Oct 15)\n2. Beta (Nov 1)\n3. Launch 🚀 (Dec 1)\n',
    'Projects/2026/Q4/Launch/checklist.md': '- [x] Landing page\n- [ ] Press kit\n- [ ] Announce on social media\n',
    'Projects/2026/Q4/Launch/Assets/Final/Approved/banner-copy.txt': 'Your files. Everywhere. Instantly.\n',
    'Projects/2026/Q1/kickoff.md': '# Kickoff\n\nGoals for the year, owners and timelines.\n',
    'Projects/2025/Q3/retro.md': '# Retro\n\n## Went well\n- Shipped on time\n\n## To improve\n- Fewer meetings\n',
    'Projects/Website/src/components/Button.tsx': 'export function Button({ label }: { label: string }) {\n  return <button type="button">{label}</button>;\n}\n',
    'Projects/Website/package.json': '{\n  "name": "website",\n  "private": true\n}\n',
    'Projects/Empty folder/': '',
    'Hostile names/<svg onload=alert(document.cookie)> folder/inside.txt': 'The folder name above is hostile too.\n',
    'Hostile names/xss-image.svg': XSS_SVG,
  };
  for (const name of hostileNames) {
    files[`Hostile names/${name}`] = `This file is called:\n${name}\n(${[...name].length} characters)\n`;
  }
  return files;
}

/** Write the documents, projects and hostile-name files under `root`. */
export async function generateDocuments(root: string): Promise<void> {
  await Promise.all(
    Object.entries({ ...textFiles(), ...binaryDocuments() }).map(([rel, content]) => {
      const abs = path.join(root, ...rel.split('/'));
      return rel.endsWith('/') ? mkdir(abs, { recursive: true }) : writeOut(abs, content);
    }),
  );
}

/** Many small files in one folder, written with bounded parallelism and no fsync. */
export async function generateManyFiles(root: string, count: number): Promise<void> {
  const dir = path.join(root, 'Many files');
  await mkdir(dir, { recursive: true });
  const width = Math.max(5, String(count).length);
  const batch = 128;
  for (let start = 1; start <= count; start += batch) {
    const jobs: Array<Promise<void>> = [];
    for (let n = start; n < start + batch && n <= count; n++) {
      const id = String(n).padStart(width, '0');
      jobs.push(writeFile(path.join(dir, `file-${id}.txt`), `Demo file #${n} of ${count}.\nNothing to see here — keep scrolling!\n`));
    }
    await Promise.all(jobs);
  }
}
