// The fill handle's series (see core/fill-series.ts), wired into the grid's Autofill. The
// Formulas plugin answers first with what it would fill (formulas with their relative
// references shifted, everything else repeated); lines of plain figures are then replaced
// by their trend. The grid writes the result in one change, which passes every cell through
// the sheet's validation and makes one undo step.
import type Handsontable from 'handsontable/base';
import type { CellRange } from 'handsontable/base';
import { fillLine, fillModeFor } from '$lib/core/fill-series';

type Direction = 'up' | 'down' | 'left' | 'right';

/** Hooks run in ascending order of this index (0 for the plugins' own). */
const AFTER_FORMULAS = 100;

export function attachSeriesFill(hot: Handsontable): () => void {
	// Ctrl held at the moment the drag is let go switches trend and repeat, as in Excel.
	let ctrlKey = false;
	const track = (e: MouseEvent | KeyboardEvent) => {
		ctrlKey = e.ctrlKey || e.metaKey;
	};
	const doc = hot.rootDocument;
	doc.addEventListener('mousemove', track, true);
	doc.addEventListener('mouseup', track, true);
	doc.addEventListener('keydown', track, true);
	doc.addEventListener('keyup', track, true);

	const onBeforeAutofill = (
		fillData: unknown[][],
		sourceRange: CellRange,
		targetRange: CellRange,
		direction: Direction
	): unknown[][] | undefined | false => {
		if (fillData === undefined || fillData === null || (fillData as unknown) === false) return fillData;
		const corner = (c: { row: number | null; col: number | null }) => ({ row: c.row ?? 0, col: c.col ?? 0 });
		const src = {
			from: corner(sourceRange.getTopStartCorner()),
			to: corner(sourceRange.getBottomEndCorner())
		};
		const dst = {
			from: corner(targetRange.getTopStartCorner()),
			to: corner(targetRange.getBottomEndCorner())
		};
		const rows = dst.to.row - dst.from.row + 1;
		const cols = dst.to.col - dst.from.col + 1;
		// What the grid would write, laid out over the whole target.
		const out: unknown[][] = Array.from({ length: rows }, (_, r) =>
			Array.from({ length: cols }, (_, c) => {
				const line = fillData[r % fillData.length] ?? [];
				return line[c % Math.max(1, line.length)];
			})
		);
		const vertical = direction === 'up' || direction === 'down';
		const forward = direction === 'down' || direction === 'right';
		const lines = vertical ? cols : rows;
		for (let i = 0; i < lines; i++) {
			const source: unknown[] = [];
			if (vertical) {
				for (let r = src.from.row; r <= src.to.row; r++)
					source.push(hot.getSourceDataAtCell(r, dst.from.col + i));
			} else {
				for (let c = src.from.col; c <= src.to.col; c++)
					source.push(hot.getSourceDataAtCell(dst.from.row + i, c));
			}
			const count = vertical ? rows : cols;
			const numbers = source.filter((v) => typeof v === 'number').length;
			const filled = fillLine(source, count, forward ? 'forward' : 'backward', fillModeFor(numbers, ctrlKey));
			if (!filled) continue;
			filled.forEach((v, k) => {
				if (vertical) out[k]![i] = v;
				else out[i]![k] = v;
			});
		}
		return out;
	};

	// After the Formulas plugin's own answer, whenever the plugin is switched on: a sheet drawn
	// before the engine arrives turns the plugin on later, and a hook added later runs later.
	// Without the order, its repeat replaced the trend (95.8, 96.4 filled 95.8, 96.4, not 97, 97.6).
	hot.addHook('beforeAutofill', onBeforeAutofill as never, AFTER_FORMULAS);
	return () => {
		hot.removeHook('beforeAutofill', onBeforeAutofill as never);
		doc.removeEventListener('mousemove', track, true);
		doc.removeEventListener('mouseup', track, true);
		doc.removeEventListener('keydown', track, true);
		doc.removeEventListener('keyup', track, true);
	};
}
