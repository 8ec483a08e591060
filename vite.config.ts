import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

export default defineConfig({
  plugins: [react()],
  // hls.js (~580 kB) is its own lazy chunk, loaded only when a video opens
  build: { target: 'es2022', sourcemap: false, chunkSizeWarningLimit: 700 },
  server: { host: '127.0.0.1' },
});
