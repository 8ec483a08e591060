import { readFileSync } from 'node:fs';
import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';
import { VitePWA } from 'vite-plugin-pwa';

const pkg = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8')) as { version: string };

const THEME = '#0b7285';
const BACKGROUND = '#f5f7f9';

/**
 * The PNG icons are rendered from the two SVG sources in public/ at build time, so nothing binary
 * is committed: `icon.svg` (rounded, for "any") and `icon-maskable.svg` (full bleed, glyph inside
 * the 80 % safe zone, for launchers that crop to a circle or squircle).
 */
const ICONS = [
  { src: 'public/icon.svg', out: 'icons/icon-192.png', size: 192 },
  { src: 'public/icon.svg', out: 'icons/icon-512.png', size: 512 },
  { src: 'public/icon-maskable.svg', out: 'icons/maskable-192.png', size: 192 },
  { src: 'public/icon-maskable.svg', out: 'icons/maskable-512.png', size: 512 },
  { src: 'public/icon-maskable.svg', out: 'icons/apple-touch-icon.png', size: 180 },
  { src: 'public/icon.svg', out: 'icons/shortcut-96.png', size: 96 },
];

function pngIcons(): Plugin {
  const render = async (src: string, size: number) => {
    // sharp is a dependency of the emulator already; imported lazily so the dev server does not pay for it
    const { default: sharp } = await import('sharp');
    return sharp(readFileSync(new URL(`./${src}`, import.meta.url)), { density: Math.ceil((72 * size) / 64) + 1 })
      .resize(size, size)
      .png({ compressionLevel: 9 })
      .toBuffer();
  };
  return {
    name: 'pcloud-web:png-icons',
    async generateBundle() {
      for (const icon of ICONS) this.emitFile({ type: 'asset', fileName: icon.out, source: await render(icon.src, icon.size) });
    },
    transformIndexHtml: () => [{ tag: 'link', attrs: { rel: 'apple-touch-icon', href: '/icons/apple-touch-icon.png' }, injectTo: 'head' }],
    configureServer(server) {
      server.middlewares.use((req, res, next) => {
        const icon = ICONS.find((i) => req.url === `/${i.out}`);
        if (!icon) return next();
        void render(icon.src, icon.size).then((png) => {
          res.setHeader('Content-Type', 'image/png');
          res.end(png);
        }, next);
      });
    },
  };
}

export default defineConfig({
  define: { __APP_VERSION__: JSON.stringify(pkg.version) },
  plugins: [
    react(),
    pngIcons(),
    VitePWA({
      // our own worker (src/sw.ts): it must handle the share-target POST, which generateSW cannot
      strategies: 'injectManifest',
      srcDir: 'src',
      filename: 'sw.ts',
      // the app registers the worker itself (src/app/pwa/register.ts) and asks before switching versions
      injectRegister: false,
      registerType: 'prompt',
      includeManifestIcons: false,
      injectManifest: {
        rollupFormat: 'iife',
        // the app shell: entry, route and dialog chunks, styles, icons. hls.js (180 kB gz) is left to
        // the HTTP cache: video needs the network anyway. index.html is precached only as the offline
        // fallback for navigations (src/sw.ts explains why online navigations still go to the network).
        globPatterns: ['index.html', 'assets/*.{js,css}', 'icons/*.png', '*.svg'],
        // the same for the big previewers (pdf.js, docx-preview): loaded when such a file first opens
        globIgnores: ['assets/hls-*.js', 'assets/pdf-previewer-*.js', 'assets/docx-preview-*.js'],
      },
      manifest: {
        id: '/',
        name: 'pCloud Web',
        short_name: 'pCloud',
        description: 'A fast web client for your pCloud storage',
        lang: 'en',
        dir: 'ltr',
        start_url: '/folder/0',
        scope: '/',
        display: 'standalone',
        display_override: ['window-controls-overlay', 'standalone'],
        orientation: 'any',
        theme_color: THEME,
        background_color: BACKGROUND,
        categories: ['productivity', 'utilities'],
        icons: [
          { src: '/icons/icon-192.png', sizes: '192x192', type: 'image/png', purpose: 'any' },
          { src: '/icons/icon-512.png', sizes: '512x512', type: 'image/png', purpose: 'any' },
          { src: '/icons/maskable-192.png', sizes: '192x192', type: 'image/png', purpose: 'maskable' },
          { src: '/icons/maskable-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
          { src: '/icon.svg', sizes: 'any', type: 'image/svg+xml', purpose: 'any' },
        ],
        shortcuts: [
          { name: 'My files', url: '/folder/0', icons: [{ src: '/icons/shortcut-96.png', sizes: '96x96', type: 'image/png' }] },
          { name: 'Links', url: '/links', icons: [{ src: '/icons/shortcut-96.png', sizes: '96x96', type: 'image/png' }] },
          { name: 'Shared', url: '/shared', icons: [{ src: '/icons/shortcut-96.png', sizes: '96x96', type: 'image/png' }] },
        ],
        // Web Share Target level 2: the share sheet POSTs the files to the worker (src/sw.ts), which
        // keeps them and opens /share-target to pick a folder.
        share_target: {
          action: '/share-target',
          method: 'POST',
          enctype: 'multipart/form-data',
          params: {
            title: 'title',
            text: 'text',
            url: 'url',
            files: [{ name: 'files', accept: ['image/*', 'video/*', 'audio/*', 'application/pdf', 'text/*', 'application/zip', '*/*'] }],
          },
        },
      },
    }),
  ],
  // hls.js (~580 kB) is its own lazy chunk, loaded only when a video opens
  build: {
    target: 'es2022',
    sourcemap: false,
    chunkSizeWarningLimit: 700,
    rolldownOptions: {
      output: {
        // The list window (row-window, use-thumbs) is shared by the browse page and the public
        // folder view. Left to itself the bundler answered that sharing by splitting the entry into
        // ~50 small chunks (+7 KB gzip on the first route). A named group holds it instead, and
        // with it what it depends on (React), which the entry loads first anyway.
        advancedChunks: { groups: [{ name: 'react-list', test: /src[\\/]widgets[\\/](row-window|use-thumbs)\.ts$/ }] },
      },
    },
  },
  server: { host: '127.0.0.1' },
});
