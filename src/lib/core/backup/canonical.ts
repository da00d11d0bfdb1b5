// The one way the backup code turns a workbook into text: keys sorted at every level, so
// the same content always gives the same text, the same sha256 and the same fingerprint,
// whatever order IndexedDB or a JSON editor put the keys in.

export function canonicalJson(value: unknown): string {
	return JSON.stringify(sortKeys(value));
}

function sortKeys(value: unknown): unknown {
	if (Array.isArray(value)) return value.map(sortKeys);
	if (value !== null && typeof value === 'object') {
		const out: Record<string, unknown> = {};
		for (const key of Object.keys(value).sort()) {
			const v = (value as Record<string, unknown>)[key];
			if (v !== undefined) out[key] = sortKeys(v);
		}
		return out;
	}
	return value;
}

/** sha256 as lowercase hex; crypto.subtle exists in browsers (secure contexts) and Node 20. */
export async function sha256Hex(text: string): Promise<string> {
	const digest = await globalThis.crypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
	return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
}

/**
 * A quick, synchronous fingerprint (cyrb53) of canonical text. Not for tamper checks (that
 * is the sha256): it tells inside one IndexedDB transaction, where nothing but Dexie may be
 * awaited, whether the workbook is still exactly as an import or restore left it.
 */
export function fingerprint(text: string): string {
	let h1 = 0xdeadbeef;
	let h2 = 0x41c6ce57;
	for (let i = 0; i < text.length; i++) {
		const ch = text.charCodeAt(i);
		h1 = Math.imul(h1 ^ ch, 2654435761);
		h2 = Math.imul(h2 ^ ch, 1597334677);
	}
	h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
	h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
	return `${(h2 >>> 0).toString(16).padStart(8, '0')}${(h1 >>> 0).toString(16).padStart(8, '0')}:${text.length}`;
}

/**
 * The same fingerprint fed piece by piece, so a whole workbook can be hashed a page of rows
 * at a time without building its text (100,000 cells make a 5 MB string and a long task).
 */
export class Fingerprint {
	#h1 = 0xdeadbeef;
	#h2 = 0x41c6ce57;
	#length = 0;

	add(text: string): void {
		let h1 = this.#h1;
		let h2 = this.#h2;
		for (let i = 0; i < text.length; i++) {
			const ch = text.charCodeAt(i);
			h1 = Math.imul(h1 ^ ch, 2654435761);
			h2 = Math.imul(h2 ^ ch, 1597334677);
		}
		this.#h1 = h1;
		this.#h2 = h2;
		this.#length += text.length;
	}

	digest(): string {
		let h1 = this.#h1;
		let h2 = this.#h2;
		h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
		h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
		return `${(h2 >>> 0).toString(16).padStart(8, '0')}${(h1 >>> 0).toString(16).padStart(8, '0')}:${this.#length}`;
	}
}
