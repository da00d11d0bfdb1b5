// Reads, decodes and checks import files off the page's thread, so a 100,000-row file
// leaves the page answering. It only reads: the plan goes back to the page to apply.
import {
	formulasOf,
	planImport,
	readPickedFile,
	type FileInfo,
	type ImportPlan,
	type TextFile
} from '$lib/core/exchange/import';
import { MAX_FILE_BYTES } from '$lib/core/exchange/contract';
import type { WorkbookSnapshot } from '$lib/core/exchange/snapshot';
import type { PlanRequest, WorkerReply, WorkerRequest } from './protocol';
import { splitPlan } from './plan-parts';

function reply(message: WorkerReply): void {
	postMessage(message);
}

function tooLarge(name: string, size: number, lastModified?: number): { text: TextFile; info: FileInfo } {
	return {
		text: { text: '', refused: 'too-large', name, lastModified },
		info: { name, size, lastModified, encoding: null, by: null, replaced: 0 }
	};
}

/** A picked file's readings: a CSV gives one, a workbook one per sheet read. */
async function readPicked(f: PlanRequest['files'][number]): Promise<{ text: TextFile; info: FileInfo }[]> {
	const bytes = new Uint8Array(await f.file.arrayBuffer());
	return readPickedFile({
		name: f.name,
		bytes,
		encoding: f.encoding,
		lastModified: f.lastModified,
		sheet: f.sheet
	});
}

/** The files last read and their plan, kept while the page checks the plan's formulas. */
let last: {
	read: { text: TextFile; info: FileInfo }[];
	snapshot: WorkbookSnapshot;
	plan: ImportPlan;
} | null = null;

function sendPlan(plan: ImportPlan, files: FileInfo[]): void {
	const { head, parts } = splitPlan(plan);
	reply({ type: 'head', head, files, parts: parts.length });
	parts.forEach((part, index) => reply({ type: 'part', part, index }));
}

onmessage = async (event: MessageEvent<WorkerRequest>) => {
	try {
		const request = event.data;
		if (request.type === 'replan') {
			if (!last) throw new Error('replan before plan');
			const plan = request.badFormulas.length
				? planImport(
						last.read.map((r) => r.text),
						last.snapshot,
						{ badFormulas: new Set(request.badFormulas) }
					)
				: last.plan;
			sendPlan(
				plan,
				last.read.map((r) => r.info)
			);
			return;
		}
		const read = (
			await Promise.all(
				request.files.map(async (f, picked) => {
					// An oversized file is refused by its size, before a byte of it is read.
					const reads =
						f.file.size > MAX_FILE_BYTES
							? [tooLarge(f.name, f.file.size, f.lastModified)]
							: await readPicked(f);
					for (const r of reads) r.info.picked = picked;
					return reads;
				})
			)
		).flat();
		let shown = 0;
		const plan = planImport(
			read.map((r) => r.text),
			request.snapshot,
			(done, total) => {
				// A message per 2,000 rows is plenty for a progress bar.
				const now = performance.now();
				if (now - shown < 50 && done < total) return;
				shown = now;
				reply({ type: 'progress', done, total });
			}
		);
		// The parsed table served its one reading; a replan (rare) parses the text again.
		for (const r of read) delete r.text.table;
		const formulas = formulasOf(plan);
		if (formulas.length === 0) {
			sendPlan(
				plan,
				read.map((r) => r.info)
			);
			return;
		}
		last = { read, snapshot: request.snapshot, plan };
		reply({ type: 'formulas', formulas });
	} catch (e) {
		reply({ type: 'failed', message: e instanceof Error ? `${e.name}: ${e.message}` : String(e) });
	}
};
