#!/usr/bin/env node
// Tiny static file server for the built app (build/). No dependencies.
// Usage: node scripts/serve.js [--port 4173] [--host 127.0.0.1] [--dir build]
import { createServer } from 'node:http';
import { createReadStream, existsSync, statSync } from 'node:fs';
import { extname, join, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const APP_NAME = '张掖教育现代化2035工作簿';
const repoRoot = resolve(fileURLToPath(new URL('..', import.meta.url)));

/** @type {Record<string, string>} */
const TYPES = {
	'.html': 'text/html; charset=utf-8',
	'.htm': 'text/html; charset=utf-8',
	'.js': 'text/javascript; charset=utf-8',
	'.mjs': 'text/javascript; charset=utf-8',
	'.css': 'text/css; charset=utf-8',
	'.svg': 'image/svg+xml',
	'.png': 'image/png',
	'.ico': 'image/x-icon',
	'.json': 'application/json; charset=utf-8',
	'.webmanifest': 'application/manifest+json; charset=utf-8',
	'.woff2': 'font/woff2',
	'.woff': 'font/woff',
	'.wasm': 'application/wasm',
	'.csv': 'text/csv; charset=utf-8',
	'.txt': 'text/plain; charset=utf-8',
	'.map': 'application/json; charset=utf-8'
};

/**
 * @param {string[]} argv
 * @returns {{ port: number, host: string, dir: string }}
 */
function parseArgs(argv) {
	/** @type {Record<string, string>} */
	const opts = {};
	for (let i = 0; i < argv.length; i++) {
		const a = argv[i] ?? '';
		const m = /^--(port|host|dir)(?:=(.*))?$/.exec(a);
		if (m && m[1]) {
			const value = m[2] ?? argv[++i];
			if (value === undefined) {
				console.error(`Missing value for --${m[1]}`);
				process.exit(2);
			}
			opts[m[1]] = value;
		} else if (a === '--help' || a === '-h') {
			console.log('Usage: node scripts/serve.js [--port 4173] [--host 127.0.0.1] [--dir build]');
			process.exit(0);
		} else {
			console.error(`Unknown argument: ${a}`);
			process.exit(2);
		}
	}
	const port = Number(opts.port ?? process.env.PORT ?? 4173);
	if (!Number.isInteger(port) || port < 0 || port > 65535) {
		console.error(`Invalid port: ${opts.port ?? process.env.PORT}`);
		process.exit(2);
	}
	return { port, host: opts.host ?? '127.0.0.1', dir: resolve(repoRoot, opts.dir ?? 'build') };
}

const { port, host, dir } = parseArgs(process.argv.slice(2));
const indexHtml = join(dir, 'index.html');

if (!existsSync(dir) || !existsSync(indexHtml)) {
	console.error(`No built app at ${dir} (index.html missing). Run \`npm run build\` first.`);
	process.exit(1);
}

/** @param {string} p */
function isFile(p) {
	try {
		return statSync(p).isFile();
	} catch {
		return false;
	}
}

/**
 * @param {import('node:http').ServerResponse} res
 * @param {number} status
 * @param {string} text
 */
function sendText(res, status, text) {
	res.writeHead(status, { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-cache' });
	res.end(text);
}

/**
 * @param {import('node:http').IncomingMessage} req
 * @param {import('node:http').ServerResponse} res
 * @param {string} file
 */
function sendFile(req, res, file) {
	const ext = extname(file).toLowerCase();
	const type = TYPES[ext] ?? 'application/octet-stream';
	const size = statSync(file).size;
	/** @type {Record<string, string | number>} */
	const headers = { 'Content-Type': type, 'Content-Length': size, 'X-Content-Type-Options': 'nosniff' };
	if (ext === '.html' || ext === '.htm') headers['Cache-Control'] = 'no-cache';
	else if (file.includes(`${sep}_app${sep}immutable${sep}`))
		headers['Cache-Control'] = 'public, max-age=31536000, immutable';
	else headers['Cache-Control'] = 'no-cache';
	res.writeHead(200, headers);
	if (req.method === 'HEAD') {
		res.end();
		return;
	}
	const stream = createReadStream(file);
	stream.on('error', () => res.destroy());
	stream.pipe(res);
}

const server = createServer((req, res) => {
	if (req.method !== 'GET' && req.method !== 'HEAD') {
		res.setHeader('Allow', 'GET, HEAD');
		sendText(res, 405, 'Method Not Allowed');
		return;
	}
	const rawPath = (req.url ?? '/').split(/[?#]/)[0] ?? '/';
	let pathname;
	try {
		pathname = decodeURIComponent(rawPath);
	} catch {
		sendText(res, 400, 'Bad Request');
		return;
	}
	if (pathname.includes('\0')) {
		sendText(res, 400, 'Bad Request');
		return;
	}
	// Resolve inside dir; anything escaping it is refused.
	const target = resolve(dir, '.' + (pathname.startsWith('/') ? pathname : '/' + pathname));
	if (target !== dir && !target.startsWith(dir + sep)) {
		sendText(res, 403, 'Forbidden');
		return;
	}

	if (isFile(target)) return sendFile(req, res, target);
	// Directory: try its index.html (adapter-static may emit prerendered pages this way).
	const dirIndex = join(target, 'index.html');
	if (isFile(dirIndex)) return sendFile(req, res, dirIndex);
	// Prerendered page without trailing .html.
	if (!extname(target) && isFile(target + '.html')) return sendFile(req, res, target + '.html');
	// SPA fallback for extension-less paths (client-side routes).
	if (!extname(pathname)) return sendFile(req, res, indexHtml);
	sendText(res, 404, 'Not Found');
});

server.on('error', (err) => {
	const code = /** @type {NodeJS.ErrnoException} */ (err).code;
	if (code === 'EADDRINUSE') {
		console.error(
			`Port ${port} on ${host} is already in use. Try another: node scripts/serve.js --port ${port + 1}`
		);
	} else if (code === 'EACCES') {
		console.error(`No permission to listen on ${host}:${port}. Try a port above 1024 with --port.`);
	} else {
		console.error(`Server error: ${err.message}`);
	}
	process.exit(1);
});

server.listen(port, host, () => {
	const addr = server.address();
	const actualPort = addr && typeof addr === 'object' ? addr.port : port;
	const shownHost = host.includes(':') ? `[${host}]` : host;
	console.log(`${APP_NAME}: http://${shownHost}:${actualPort}/`);
});

for (const sig of /** @type {const} */ (['SIGINT', 'SIGTERM'])) {
	process.on(sig, () => {
		server.close();
		process.exit(0);
	});
}
