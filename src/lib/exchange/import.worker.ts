// Reads, decodes and checks import files off the page's thread, so a 100,000-row file
// leaves the page answering. It only reads: the plan goes back to the page to apply.
import { planImport, readImportFile, type FileInfo, type TextFile } from '$lib/core/exchange/import';
import { MAX_FILE_BYTES } from '$lib/core/exchange/contract';
import type { PlanRequest, WorkerReply } from './protocol';

/** Rows of the plan per message (each about 16 cells). */
const PART = 250;

function reply(message: WorkerReply): void {
	postMessage(message);
}

function tooLarge(name: string, size: number, lastModified?: number): { text: TextFile; info: FileInfo } {
	return {
		text: { text: '', refused: 'too-large', name, lastModified },
		info: { name, size, lastModified, encoding: null, by: null, replaced: 0 }
	};
}

onmessage = async (event: MessageEvent<PlanRequest>) => {
	try {
		const request = event.data;
		const read = await Promise.all(
			request.files.map(async (f) =>
				// An oversized file is refused by its size, before a byte of it is read.
				f.file.size > MAX_FILE_BYTES
					? tooLarge(f.name, f.file.size, f.lastModified)
					: readImportFile({
							name: f.name,
							bytes: new Uint8Array(await f.file.arrayBuffer()),
							encoding: f.encoding,
							lastModified: f.lastModified
						})
			)
		);
		let last = 0;
		const plan = planImport(
			read.map((r) => r.text),
			request.snapshot,
			(done, total) => {
				// A message per 2,000 rows is plenty for a progress bar.
				const now = performance.now();
				if (now - last < 50 && done < total) return;
				last = now;
				reply({ type: 'progress', done, total });
			}
		);
		for (let i = 0; i < Math.max(plan.changes.length, plan.indicators.length); i += PART) {
			reply({
				type: 'part',
				changes: plan.changes.slice(i, i + PART),
				indicators: plan.indicators.slice(i, i + PART)
			});
		}
		reply({ type: 'done', plan: { ...plan, changes: [], indicators: [] }, files: read.map((r) => r.info) });
	} catch (e) {
		reply({ type: 'failed', message: e instanceof Error ? `${e.name}: ${e.message}` : String(e) });
	}
};
