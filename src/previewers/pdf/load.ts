// pdf.js, loaded with the PDF previewer's chunk; its worker is a file of its own that the browser
// fetches only when the first PDF opens. pdf.js 6 compiles nothing at run time (no eval or
// `new Function`), so the app's CSP keeps `script-src 'self'`; see docs/deploy.md.
import { getDocument, GlobalWorkerOptions, type PDFDocumentLoadingTask } from 'pdfjs-dist';
import workerUrl from 'pdfjs-dist/build/pdf.worker.min.mjs?url';

GlobalWorkerOptions.workerSrc = workerUrl;

/** Bytes asked for per Range request: a page of a text PDF is a few of these. */
const CHUNK = 256 * 1024;

/**
 * Opens a PDF by URL. The content host answers Range requests, so pdf.js reads the tail (the
 * cross-reference table) and then only the objects of the pages it draws: a 200 MB file shows page 1
 * after a few hundred KB. Nothing is fetched ahead (`disableAutoFetch`) and the first request is
 * not streamed to its end (`disableStream`).
 */
export function openPdf(url: string): PDFDocumentLoadingTask {
  return getDocument({
    url,
    rangeChunkSize: CHUNK,
    disableAutoFetch: true,
    disableStream: true,
    withCredentials: false,
    enableXfa: false,
    // the file is shown, never run: no form scripting, no fonts or images fetched from elsewhere
    isOffscreenCanvasSupported: true,
    stopAtErrors: false,
  });
}

export type { PDFDocumentProxy, PDFPageProxy } from 'pdfjs-dist';
export { TextLayer, PasswordException, RenderingCancelledException } from 'pdfjs-dist';
