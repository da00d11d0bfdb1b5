// The zip step of write-excel-file, synchronous. The library zips its parts with fflate's
// asynchronous zip(), which deflates a part of 160,000 bytes or more (a county sheet of a
// hundred-odd own indicators) in a Web Worker made from a blob: URL. The app's
// Content-Security-Policy lets workers start from its own origin only (worker-src 'self'),
// so Chromium blocks that worker, and fflate, which does not listen for the worker's error,
// never calls back: the export would wait for ever. vite.config.ts puts this module in place
// of the library's own (../zip/zipToArrayBuffer.js): the same zip, on the page's thread, a
// few tens of milliseconds for a megabyte.
import { zipSync } from 'fflate';

export default function zipToArrayBuffer(files: Record<string, Uint8Array>): Promise<ArrayBuffer> {
	return Promise.resolve(zipSync(files).buffer as ArrayBuffer);
}
