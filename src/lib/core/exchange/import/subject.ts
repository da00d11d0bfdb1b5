// Stage 4a: what a data row is about: its region, indicator (a plan indicator or a county's
// own, defined by the file's first row of it) and kind, or the reasons it cannot be read.
import {
	indicatorCodeSchema,
	regionCodeSchema,
	type Indicator,
	type Measure,
	type Region,
	type SeriesKind
} from '../../model';
import {
	commitmentAllowed,
	isCommitmentCode,
	isPlanCodeLookalike,
	planCodeLookalike,
	planCodesLike,
	planIndicatorLoosely,
	regionByCode
} from '../../plan';
import { checkText } from '../../cell-check';
import { NAME_MAX, OWN_INDICATORS_MAX, UNIT_MAX } from '../../limits';
import { readDirection, readKind, unguardText } from '../contract';
import { memoize, norm } from './memo';
import { get, label, reject, warn, type RowReader } from './reader';
import type { Context, IncomingIndicator } from './types';

// Asked of every row, answered once per distinct text (memo.ts): each is pure.
const knownRegion = memoize((code: string): Region | undefined =>
	regionCodeSchema.safeParse(code).success ? regionByCode(code) : undefined
);
/** What an indicator code is: well formed or not, a plan indicator, or like one but none. */
const codeOf = memoize((code: string) => {
	const plan = planIndicatorLoosely(code);
	return {
		wellFormed: indicatorCodeSchema.safeParse(code).success,
		plan,
		lookalike: !plan && isPlanCodeLookalike(code)
	};
});
const kindOf = memoize(readKind);
const directionOf = memoize(readDirection);

export interface RowSubject {
	region: Region;
	indicator: Indicator;
	kind: SeriesKind;
	/** How values of this row parse. */
	measure: Measure;
	unit: string;
}

/** Region, indicator and kind of a row, or null (with the reasons recorded) when unreadable. */
export function readSubject(r: RowReader, ctx: Context): RowSubject | null {
	const regionCode = norm(get(r, 'region_code') ?? '');
	const indicatorCode = norm(get(r, 'indicator_code') ?? '');
	const kindText = get(r, 'kind') ?? '';
	let region: Region | undefined;
	if (regionCode === '') reject(r, label(r, 'region_code'), 'missing-region-code');
	else if (!(region = knownRegion(regionCode))) {
		reject(r, label(r, 'region_code'), 'unknown-region', { code: regionCode });
	}
	const kind = kindOf(kindText);
	if (!kind) reject(r, label(r, 'kind'), 'bad-kind', { text: kindText.trim() });
	if (indicatorCode === '') {
		reject(r, label(r, 'indicator_code'), 'missing-indicator-code');
		return null;
	}
	const codeIs = codeOf(indicatorCode);
	if (!codeIs.wellFormed) {
		reject(r, label(r, 'indicator_code'), 'bad-indicator-code', { code: indicatorCode });
		return null;
	}
	if (!region || !kind) return null;

	const regionName = norm(unguardText(get(r, 'region') ?? ''));
	if (regionName && regionName !== region.nameZh && regionName !== region.nameEn) {
		warn(r, label(r, 'region'), 'region-name-mismatch', {
			name: regionName,
			expected: region.nameZh,
			code: region.code
		});
	}
	if (region.level === 'county' && kind === 'target') {
		reject(r, label(r, 'kind'), 'county-target');
		return null;
	}

	const nameInFile = norm(unguardText(get(r, 'indicator') ?? ''));
	const unitColumn = get(r, 'unit');
	const unitInFile = unitColumn === undefined ? undefined : norm(unguardText(unitColumn));

	const plan = codeIs.plan;
	if (codeIs.lookalike) {
		const suggestion = planCodeLookalike(indicatorCode, nameInFile);
		const column = label(r, 'indicator_code');
		if (suggestion) reject(r, column, 'plan-code-lookalike', { code: indicatorCode, suggestion });
		else
			reject(r, column, 'plan-code-unknown', {
				code: indicatorCode,
				codes: planCodesLike(indicatorCode).join('、')
			});
		return null;
	}
	if (plan && isCommitmentCode(plan.code) && !commitmentAllowed(plan.code, region.code, kind)) {
		// The commitments are a county's own figures judged by a relative rule: no city or
		// province figure and no target means anything for them (core/commitments.ts).
		reject(r, label(r, 'indicator_code'), 'commitment-not-county', { code: plan.code });
		return null;
	}
	if (plan) {
		if (nameInFile && nameInFile !== plan.nameZh && nameInFile !== plan.nameEn) {
			warn(r, label(r, 'indicator'), 'indicator-name-mismatch', { name: nameInFile, expected: plan.nameZh });
		}
		if (unitInFile && unitInFile !== norm(plan.unit)) {
			warn(r, label(r, 'unit'), 'unit-mismatch', { unit: unitInFile, expected: plan.unit });
		}
		const certified = plan.countyMeasure === 'certified' && region.level === 'county';
		return { region, indicator: plan, kind, measure: certified ? 'certified' : 'value', unit: plan.unit };
	}

	// A code the plan does not have: a county's own indicator.
	if (region.level !== 'county') {
		reject(r, label(r, 'indicator_code'), 'own-indicator-not-county', { code: indicatorCode });
		return null;
	}
	const key = `${region.code}|${indicatorCode}`;
	const defined = ctx.incomingIndicators.get(key);
	if (defined) {
		if (nameInFile && nameInFile !== defined.nameZh) {
			warn(r, label(r, 'indicator'), 'indicator-name-mismatch', {
				name: nameInFile,
				expected: defined.nameZh
			});
		}
		return { region, indicator: asIndicator(defined), kind, measure: 'value', unit: defined.unit };
	}
	const stored = ctx.ownIndicators.get(key);
	const nameZh = nameInFile || stored?.nameZh || '';
	if (!nameZh) {
		reject(r, label(r, 'indicator'), 'own-indicator-needs-name', { code: indicatorCode });
		return null;
	}
	// The same limits as typing a name or unit in the grid, by name, before anything is written.
	const name = checkText('name', nameZh);
	if (!name.ok) {
		reject(r, label(r, 'indicator'), 'own-indicator-name-too-long', { code: indicatorCode, max: NAME_MAX });
		return null;
	}
	const unitChecked = checkText('unit', unitInFile ?? stored?.unit ?? '');
	if (!unitChecked.ok) {
		reject(r, label(r, 'unit'), 'own-indicator-unit-too-long', { code: indicatorCode, max: UNIT_MAX });
		return null;
	}
	const unit = unitChecked.text;
	if (!stored) {
		const count = ctx.ownCounts.get(region.code) ?? 0;
		if (count >= OWN_INDICATORS_MAX) {
			reject(r, label(r, 'indicator_code'), 'own-indicator-limit', {
				code: indicatorCode,
				max: OWN_INDICATORS_MAX
			});
			return null;
		}
		ctx.ownCounts.set(region.code, count + 1);
	}
	const direction = directionOf(get(r, 'direction') ?? '') ?? stored?.direction ?? 'higher';
	const incoming: IncomingIndicator = {
		regionCode: region.code,
		code: indicatorCode,
		nameZh: name.text,
		unit,
		direction,
		file: r.file,
		row: r.row
	};
	ctx.incomingIndicators.set(key, incoming);
	return { region, indicator: asIndicator(incoming), kind, measure: 'value', unit };
}

/** One Indicator per incoming one, shared by its rows (only its code and unit are read). */
const indicatorOf = new WeakMap<IncomingIndicator, Indicator>();

function asIndicator(i: IncomingIndicator): Indicator {
	let indicator = indicatorOf.get(i);
	if (!indicator) {
		indicator = {
			code: i.code,
			nameZh: i.nameZh,
			nameEn: '',
			unit: i.unit,
			direction: i.direction,
			precision: 2,
			countyMeasure: 'value'
		};
		indicatorOf.set(i, indicator);
	}
	return indicator;
}
