// The plan's status words, as a status cell of the grid holds them and as exported files
// write them. Pure, so a page that only exports need not load the formula engine for them.
import type { ProgressStatus } from './progress';

/**
 * What a status cell holds: a word of the plan's own, as a planner would write it. The grid
 * and the comparison sheet add a symbol (✓ ↗ ↘ —) and translate it for the English interface.
 */
export const STATUS_TEXT = {
	met: '已达标',
	'on-track': '按进度',
	behind: '滞后',
	'no-data': '数据不足',
	certified: '已认定',
	'not-certified': '未认定'
} as const satisfies Record<Exclude<ProgressStatus, 'error'> | 'certified' | 'not-certified', string>;
export type StatusWord = (typeof STATUS_TEXT)[keyof typeof STATUS_TEXT];

/**
 * Symbols that keep a status readable on a black-and-white printout, without colour: the
 * grid, the printed sheets and the exported workbook write each status with its symbol.
 */
export const STATUS_SYMBOL: Readonly<Record<string, string>> = {
	[STATUS_TEXT.met]: '✓',
	[STATUS_TEXT['on-track']]: '↗',
	[STATUS_TEXT.behind]: '↘',
	[STATUS_TEXT['no-data']]: '—',
	[STATUS_TEXT.certified]: '✓',
	[STATUS_TEXT['not-certified']]: '✗'
};
