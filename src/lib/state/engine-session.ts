// The workbook's one formula engine, built on the first visit to a grid page and kept
// for the session: grids bind to its sheets and leave them in place when they unmount.
//
// Building a sheet is most of the engine's cost at open (its dependency graph), so a county's
// page builds only what it shows: the targets sheet, its own sheet and the sheets its formulas
// refer to (getEngineFor). The others are built the first time they are needed: another
// county's page, a page that computes every region (getEngine), or a row inserted or removed,
// which shifts references in every sheet (WorkbookEngine.buildAllSheets).
import { sheetRegions } from '$lib/core/plan';
import { WorkbookEngine } from '$lib/engine/workbook-engine';
import type { Lang } from '$lib/i18n/locale.svelte';
import type { Workbook } from './workbook.svelte';
import { registerEngineReload } from './engine-slot';
import { HF_LICENSE_KEY, regionRows, regionSheetName, targetRows } from './engine-inputs';

export {
	HF_LICENSE_KEY,
	HOT_LICENSE_KEY,
	indicatorName,
	regionRows,
	regionSheetName,
	showCityBaseline,
	targetRows
} from './engine-inputs';

let engine: WorkbookEngine | null = null;
/** The regions whose sheets the engine holds. */
const built = new Set<string>();
/** The language the sheets' names are in, as last asked; a sheet built later uses it. */
let currentLang: Lang = 'zh';

/**
 * The regions a region's sheet needs to compute: itself and every region its stored formulas
 * name ('民乐县'!H1), and theirs in turn. A sheet name in a formula's text is enough: building
 * one sheet too many costs a little time, one too few would show #REF!.
 */
export function sheetsNeeded(workbook: Workbook, regionCode: string): string[] {
	const names = sheetRegions.map((r) => ({ code: r.code, name: regionSheetName(r.code) }));
	const needed = [regionCode];
	for (let i = 0; i < needed.length; i++) {
		const code = needed[i]!;
		for (const r of workbook.rowIndicators(code)) {
			const cells = workbook.getSeries(code, r.indicator.code, 'actual')?.cells ?? {};
			for (const cell of Object.values(cells)) {
				if (cell.t !== 'f') continue;
				for (const other of names) {
					if (!needed.includes(other.code) && cell.f.includes(other.name)) needed.push(other.code);
				}
			}
		}
	}
	return needed;
}

function build(workbook: Workbook, lang: Lang, codes: readonly string[]): void {
	const missing = codes.filter((c) => !built.has(c));
	if (missing.length === 0 || !engine) return;
	engine.loadRegions(new Map(missing.map((c) => [regionSheetName(c), regionRows(workbook, c, lang)])));
	for (const c of missing) built.add(c);
}

function create(workbook: Workbook, lang: Lang): WorkbookEngine {
	currentLang = lang;
	if (engine) return engine;
	const made = new WorkbookEngine(HF_LICENSE_KEY);
	engine = made;
	registerEngineReload(reloadEngine);
	made.load(targetRows(workbook, lang), new Map());
	// The workbook is the one the app keeps for the session, so building later reads the same.
	made.deferSheets(() =>
		build(
			workbook,
			currentLang,
			sheetRegions.map((r) => r.code)
		)
	);
	return made;
}

/** Another tab changed the workbook: rebuild every sheet built so far from what is stored now. */
export function reloadEngine(workbook: Workbook, lang: Lang): void {
	currentLang = lang;
	engine?.load(
		targetRows(workbook, lang),
		new Map([...built].map((c) => [regionSheetName(c), regionRows(workbook, c, lang)]))
	);
}

/** The engine with every region's sheet built (pages that compute every region). */
export function getEngine(workbook: Workbook, lang: Lang): WorkbookEngine {
	const e = create(workbook, lang);
	e.buildAllSheets();
	return e;
}

/**
 * The engine with the sheets one region's page shows built (see sheetsNeeded).
 * `pageFillsOwnSheet`: the page sets the region's own sheet itself at once (a grid's Formulas
 * plugin does when the grid loads its data; the comparison sheet does), so it is only added
 * here, empty: building it here too would build the largest sheet twice.
 */
export function getEngineFor(
	workbook: Workbook,
	lang: Lang,
	regionCode: string,
	pageFillsOwnSheet = false
): WorkbookEngine {
	const e = create(workbook, lang);
	const needed = sheetsNeeded(workbook, regionCode);
	if (pageFillsOwnSheet && !built.has(regionCode)) {
		e.addSheet(regionSheetName(regionCode));
		built.add(regionCode);
	}
	build(workbook, lang, needed);
	return e;
}
