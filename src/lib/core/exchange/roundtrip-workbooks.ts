// Random workbooks for the exchange's round-trip properties (roundtrip.test.ts for CSV,
// xlsx/roundtrip.test.ts for .xlsx): any text a planner can type in names and notes, figures
// with comparators and qualifiers, formulas, own indicators, notes per figure. Not a test.
import fc from 'fast-check';
import { commitmentCodes, counties, planIndicators, planRegions } from '../plan';
import type { Cell, OwnIndicator, Series } from '../model';
import { YEARS } from '../model';
import type { WorkbookSnapshot } from './snapshot';
import { cleanSenderText, SENDER_NAME_MAX, SENDER_UNIT_MAX, type Sender } from './metadata';
import { normalizeFigureNote, type FigureNotes } from '../figure-note';

// Text a planner (or a paste) can put in a name or note: CSV's own syntax, Excel's formula
// starters, emoji, CJK beyond the BMP, and anything else Unicode has.
const tricky = fc.constantFrom(
	',',
	'"',
	'""',
	'\n',
	'\r\n',
	'=',
	'+',
	'-',
	'@',
	'\t',
	"'",
	"'=",
	';',
	'😀',
	'👩‍👩‍👧',
	'𠀀',
	'𪚥',
	'䶮',
	'张掖',
	' ',
	'（',
	'）',
	'%'
);
const freeText = (maxLength: number) =>
	fc
		.array(fc.oneof(tricky, fc.string({ unit: 'grapheme', maxLength: 4 })), { maxLength: 12 })
		.map((parts) => parts.join('').slice(0, maxLength))
		// A string cut inside a surrogate pair is not text anyone can type.
		.map((s) => s.toWellFormed());

function fitUnits(s: string, max: number): string {
	let out = '';
	for (const ch of s) {
		if (out.length + ch.length > max) break;
		out += ch;
	}
	return out.trim();
}

/** Names as stored: the app trims and normalises what is typed. */
const name = freeText(60)
	.map((s) => s.normalize('NFKC').trim())
	.filter((s) => s.length > 0 && s.length <= 200);

const qualifier = freeText(20)
	.map((s) => s.normalize('NFKC').trim())
	.filter((s) => s.length > 0 && s.length <= 40);

const figure = fc.oneof(
	fc.integer({ min: -1000, max: 100_000 }),
	fc.integer({ min: 0, max: 10_000_000 }).map((n) => n / 1000),
	fc.constantFrom(99.53, 0.1 + 0.2, 1e-7, 1e21, 95, 0)
);

const formula = fc.constantFrom('=D1+0.1', "='临泽县'!H5+1", '=SUM(D1:F1)/3', "='目标'!D2", '=1/0', '=D10*2');

function cellArb(kind: 'actual' | 'target', certified: boolean, figureOnly = false): fc.Arbitrary<Cell> {
	if (certified) {
		return fc.oneof(
			fc.boolean().map((v): Cell => ({ t: 'b', v })),
			formula.map((f): Cell => ({ t: 'f', f }))
		);
	}
	const number = fc
		.record({ v: figure, strict: fc.boolean(), q: fc.option(qualifier, { nil: undefined }) })
		.map(({ v, strict, q }): Cell => {
			const cell: Cell = { t: 'n', v };
			if (kind === 'target' && strict) cell.cmp = '>';
			if (q) cell.q = q;
			return cell;
		});
	return kind === 'actual' && !figureOnly
		? fc.oneof(
				number,
				formula.map((f): Cell => ({ t: 'f', f }))
			)
		: number;
}

/** `baselineFigure`: the city's and province's 2020 figures are the targets sheet's baselines, never formulas. */
const cellsArb = (kind: 'actual' | 'target', certified: boolean, baselineFigure: boolean) =>
	fc
		.subarray([...YEARS], { maxLength: 6 })
		.chain((years) =>
			fc
				.tuple(...years.map((y) => cellArb(kind, certified, baselineFigure && y === 2020)))
				.map((cells) => Object.fromEntries(years.map((y, i) => [String(y), cells[i]!])))
		);

export const workbookArb: fc.Arbitrary<WorkbookSnapshot> = fc
	.record({
		own: fc.array(
			fc.record({
				county: fc.constantFrom(...counties.map((c) => c.code)),
				nameZh: name,
				unit: fc.oneof(
					fc.constantFrom('%', '年', '所', '人', ''),
					// At most 20 UTF-16 units, as the stored schema (and the import's limit) counts.
					name.map((s) => fitUnits(s, 20))
				),
				direction: fc.constantFrom('higher' as const, 'lower' as const),
				order: fc.integer({ min: 0, max: 50 })
			}),
			{ maxLength: 4 }
		),
		seeds: fc.array(fc.integer({ min: 0, max: 1000 }), { minLength: 40, maxLength: 40 })
	})
	.chain(({ own }) => {
		// Own indicators: codes C01… per county, distinct orders.
		const ownIndicators: OwnIndicator[] = [];
		const perCounty = new Map<string, number>();
		for (const o of own) {
			const n = (perCounty.get(o.county) ?? 0) + 1;
			perCounty.set(o.county, n);
			ownIndicators.push({
				regionCode: o.county,
				code: `C${String(n).padStart(2, '0')}`,
				nameZh: o.nameZh,
				nameEn: '',
				unit: o.unit,
				direction: o.direction,
				precision: 2,
				countyMeasure: 'value',
				order: o.order * 10 + n,
				updatedAt: 0
			});
		}
		const slots: {
			regionCode: string;
			indicatorCode: string;
			kind: 'actual' | 'target';
			certified: boolean;
			baselineFigure: boolean;
		}[] = [];
		for (const region of planRegions) {
			const kinds = region.level === 'county' ? (['actual'] as const) : (['actual', 'target'] as const);
			for (const indicator of planIndicators) {
				for (const kind of kinds) {
					slots.push({
						regionCode: region.code,
						indicatorCode: indicator.code,
						kind,
						certified: region.level === 'county' && indicator.countyMeasure === 'certified',
						baselineFigure: region.level !== 'county'
					});
				}
			}
		}
		// The commitment rows (FIN01…) a county may take up: its actual figures only.
		for (const county of counties) {
			for (const code of commitmentCodes) {
				slots.push({
					regionCode: county.code,
					indicatorCode: code,
					kind: 'actual',
					certified: false,
					baselineFigure: false
				});
			}
		}
		for (const c of ownIndicators) {
			slots.push({
				regionCode: c.regionCode,
				indicatorCode: c.code,
				kind: 'actual',
				certified: false,
				baselineFigure: false
			});
		}
		return fc.subarray(slots, { maxLength: 12 }).chain((chosen) =>
			fc
				.tuple(
					...chosen.map((slot) =>
						fc.record({
							cells: cellsArb(slot.kind, slot.certified, slot.baselineFigure),
							// The import trims notes (spaces at either end mean nothing; issue 12).
							note: fc.oneof(
								fc.constant(''),
								freeText(80).map((t) => t.trim())
							),
							notes: figureNotesArb
						})
					)
				)
				.map((contents) => ({
					ownIndicators,
					series: chosen.map((slot, i): Series => ({
						regionCode: slot.regionCode,
						indicatorCode: slot.indicatorCode,
						kind: slot.kind,
						cells: contents[i]!.cells,
						note: contents[i]!.note,
						...(contents[i]!.notes ? { notes: contents[i]!.notes } : {}),
						updatedAt: 0
					}))
				}))
		);
	});

/**
 * Notes per figure (format 1.2) as the grid keeps them: a few years, any text as the note
 * dialog leaves it (trimmed, line ends alike); most series have none.
 */
const figureNotesArb: fc.Arbitrary<FigureNotes | undefined> = fc.option(
	fc
		.dictionary(
			fc.constantFrom(...YEARS.map(String)),
			freeText(60).map((t) => {
				const n = normalizeFigureNote(t);
				return n.ok && n.note ? n.note : '说明';
			}),
			{ minKeys: 1, maxKeys: 3 }
		)
		.map((d) => ({ ...d })),
	{ nil: undefined, freq: 3 }
);

/** What must survive: series with anything in them, own indicators in their order. */
export function essence(w: WorkbookSnapshot) {
	const series = w.series
		.filter((s) => Object.keys(s.cells).length > 0 || s.note !== '' || Object.keys(s.notes ?? {}).length > 0)
		.map((s) => ({
			key: `${s.regionCode}|${s.indicatorCode}|${s.kind}`,
			cells: s.cells,
			note: s.note,
			notes: s.notes ?? {}
		}))
		.sort((a, b) => a.key.localeCompare(b.key));
	const byCounty = new Map<string, OwnIndicator[]>();
	for (const c of w.ownIndicators) byCounty.set(c.regionCode, [...(byCounty.get(c.regionCode) ?? []), c]);
	const own = [...byCounty.entries()]
		.sort(([a], [b]) => a.localeCompare(b))
		.map(([county, list]) => ({
			county,
			indicators: list
				.sort((a, b) => a.order - b.order || a.code.localeCompare(b.code))
				.map((c) => ({ code: c.code, nameZh: c.nameZh, unit: c.unit, direction: c.direction }))
		}));
	return { series, own };
}

export const ALL_REGIONS = planRegions.map((r) => r.code);

/** Who sent it, as the export panel keeps it: any text, flattened and cut to its limit. */
export const senderArb: fc.Arbitrary<Sender> = fc
	.record({ unit: freeText(80), name: freeText(50) })
	.map(({ unit, name }) => ({
		unit: cleanSenderText(unit, SENDER_UNIT_MAX),
		name: cleanSenderText(name, SENDER_NAME_MAX)
	}));

export const stampArb = fc
	.date({ min: new Date(2020, 0, 1), max: new Date(2040, 11, 31), noInvalidDate: true })
	.map((d) => new Date(d.getFullYear(), d.getMonth(), d.getDate(), d.getHours(), d.getMinutes()));
