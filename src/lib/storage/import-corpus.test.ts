// The hostile-file corpus (issue 12): every kind of damaged file (fixtures/hostile-files.ts)
// is read as the worker reads it, previewed, and what the preview allows is applied to a real
// Dexie over fake-indexeddb. Each kind must end in a named refusal (a code of the pipeline's,
// with a message in zh and en, never papaparse's words), and the records a misreading would
// have changed must be exactly as they were; whatever did change is what the preview listed.
// The formula engine is the real one, as the page uses it to check an import's formulas.
import { putRows } from './indicator-sets';
import { describe, expect, it } from 'vitest';
import type { Cell, Series } from '../core/model';
import {
	formulasOf,
	importWrites,
	planImport,
	readPickedFile,
	type ImportPlan
} from '../core/exchange/import';
import { unparsableFormulas } from '../engine/formula-check';
import { zh } from '../i18n/zh';
import { en } from '../i18n/en';
import { applyImportWrites } from './exchange';
import { freshDb } from './test-helpers';
import { CORPUS_WORKBOOK, hostileFiles, type GuardedCell } from './fixtures/hostile-files';

type Stored = Map<string, Series>;

async function storedSeries(db: ReturnType<typeof freshDb>): Promise<Stored> {
	const rows = await db.series.toArray();
	return new Map(rows.map((s) => [`${s.regionCode}|${s.indicatorCode}|${s.kind}`, s]));
}

function at(stored: Stored, g: GuardedCell): Cell | string | undefined {
	const s = stored.get(`${g.regionCode}|${g.indicatorCode}|${g.kind}`);
	return g.year === 'note' ? s?.note : s?.cells[g.year];
}

/** Every stored cell and note that differs between the two, as `region|indicator|kind|year`. */
function changedCells(before: Stored, after: Stored): string[] {
	const out: string[] = [];
	for (const key of new Set([...before.keys(), ...after.keys()])) {
		const a = before.get(key);
		const b = after.get(key);
		for (const year of new Set([...Object.keys(a?.cells ?? {}), ...Object.keys(b?.cells ?? {})])) {
			if (JSON.stringify(a?.cells[year]) !== JSON.stringify(b?.cells[year])) out.push(`${key}|${year}`);
		}
		if ((a?.note ?? '') !== (b?.note ?? '')) out.push(`${key}|note`);
	}
	return out.sort();
}

/** What the preview says applying would change, in the same form. */
function previewed(plan: ImportPlan): string[] {
	const out: string[] = [];
	for (const c of plan.changes) {
		const key = `${c.regionCode}|${c.indicatorCode}|${c.kind}`;
		for (const cell of [...c.added, ...c.changed]) out.push(`${key}|${cell.year}`);
		if (c.noteChanged) out.push(`${key}|note`);
	}
	return out.sort();
}

const PAPAPARSE = /Quoted field|Trailing quote|auto-detect|delimiter|FieldMismatch/i;

describe('the hostile-file corpus', () => {
	const corpus = hostileFiles();

	it('holds every kind the issue names', () => {
		expect(corpus.length).toBeGreaterThanOrEqual(30);
		expect(new Set(corpus.map((f) => f.kind)).size).toBe(corpus.length);
	});

	it.each(corpus.map((f) => [f.kind, f] as const))(
		'%s: a named refusal, and nothing refused is written',
		async (_, file) => {
			const texts = (
				await readPickedFile({ name: file.name, bytes: file.bytes, encoding: file.encoding })
			).map((r) => r.text);
			// As the page does: the worker plans, the engine checks the formulas, the worker
			// plans again refusing those the engine cannot parse.
			let plan = planImport(texts, CORPUS_WORKBOOK);
			const bad = unparsableFormulas(formulasOf(plan));
			if (bad.length) plan = planImport(texts, CORPUS_WORKBOOK, { badFormulas: new Set(bad) });

			const issues = [...plan.rejected, ...plan.warnings];
			const problems = plan.files.flatMap((f) => f.problems);
			const named = [...issues.map((i) => i.code), ...problems.map((p) => p.code)];
			for (const code of file.expect) expect(named, `${file.kind} names ${code}`).toContain(code);
			// Every code has our own words in both languages; no parser's message comes through.
			for (const i of issues) {
				expect(zh).toHaveProperty([`import.issue.${i.code}`]);
				expect(en).toHaveProperty([`import.issue.${i.code}`]);
				expect(Object.values(i.params).join(' ')).not.toMatch(PAPAPARSE);
			}
			for (const p of problems) {
				expect(zh).toHaveProperty([`import.problem.${p.code}`]);
				expect(en).toHaveProperty([`import.problem.${p.code}`]);
			}

			const db = freshDb(`corpus-${file.name}`);
			try {
				await db.open();
				await db.series.bulkPut(CORPUS_WORKBOOK.series);
				await putRows(db, CORPUS_WORKBOOK.ownIndicators);
				const before = await storedSeries(db);
				await applyImportWrites(db, importWrites(plan), 50);
				const after = await storedSeries(db);
				for (const g of file.guarded) {
					expect(at(after, g), `${g.regionCode} ${g.indicatorCode} ${g.year}`).toEqual(at(before, g));
				}
				for (const w of file.written ?? []) expect(at(after, w)).toEqual(w.cell);
				expect(changedCells(before, after)).toEqual(previewed(plan));
			} finally {
				db.close();
			}
		}
	);
});
