// The 说明 sheet, first in every exported workbook: what the workbook is (the plan, when and
// by whom it was exported, the format version), the key to the statuses and how formulas
// travel. Label in column A, value in column B, so a person reads it as a form; the labels
// of the sender rows are the CSV metadata row's own (METADATA_LABEL_ZH), so an import can
// read them as it reads that row.
import { ABOUT_SHEET, type BookCell, type BookSheet } from './book';
import { FORMAT_VERSION, guardText } from '../contract';
import { METADATA_LABEL_ZH, localStamp, senderSchema, type Sender } from '../metadata';
import { STATUS_TEXT } from '../../status-words';
import { columnWidths, textCell, withStatusSymbol } from './export-book-cells';

export const ABOUT_TITLE_ZH = '张掖教育现代化2035 县区指标工作簿';
export const PLAN_ZH = '《张掖教育现代化2035行动纲要》（市委发〔2021〕35号）';

const STATUS_KEY_ZH: readonly [string, string][] = [
	[STATUS_TEXT.met, '最新数据已达到目标（目标带“>”的须严格高于目标值）'],
	[STATUS_TEXT['on-track'], '尚未达标，但不低于规划路径在该年的值'],
	[STATUS_TEXT.behind, '低于规划路径在该年的值；目标年当年未达到目标'],
	[STATUS_TEXT['no-data'], '没有数据或没有目标，缺少2020年基期数据，或基期以后尚无数据'],
	[STATUS_TEXT.certified, '本县已认定为义务教育优质均衡县（县区的“优质均衡县的比例”）'],
	[STATUS_TEXT['not-certified'], '本县尚未认定为义务教育优质均衡县']
];

export const FORMULAS_ZH =
	'县区表中只引用本表年份列的公式写为 Excel 公式（附计算结果）；引用“目标”表或使用本工作簿专用函数（PLAN.*）的公式写为计算结果。';

export interface AboutOptions {
	exportedAt: Date;
	sender: Sender;
	/** What the sheets after this one are, one line each (label, text). */
	sheets: readonly [string, string][];
}

export function aboutSheet(options: AboutOptions): BookSheet {
	const sender = senderSchema.parse(options.sender);
	const rows: BookCell[][] = [[textCell(ABOUT_TITLE_ZH)], [textCell('规划'), textCell(PLAN_ZH)]];
	const boldRows = [0];
	rows.push([textCell(METADATA_LABEL_ZH.exportedAt), textCell(localStamp(options.exportedAt))]);
	if (sender.unit) rows.push([textCell(METADATA_LABEL_ZH.senderUnit), textCell(guardText(sender.unit))]);
	if (sender.name) rows.push([textCell(METADATA_LABEL_ZH.senderName), textCell(guardText(sender.name))]);
	rows.push([textCell(METADATA_LABEL_ZH.formatVersion), textCell(FORMAT_VERSION)]);
	rows.push([]);
	boldRows.push(rows.length);
	rows.push([textCell('工作表'), textCell('内容')]);
	for (const [label, text] of options.sheets) rows.push([textCell(label), textCell(text)]);
	rows.push([]);
	boldRows.push(rows.length);
	rows.push([textCell('状态'), textCell('含义')]);
	for (const [word, meaning] of STATUS_KEY_ZH)
		rows.push([textCell(withStatusSymbol(word)), textCell(meaning)]);
	rows.push([]);
	rows.push([textCell('公式'), textCell(FORMULAS_ZH)]);
	// The title is as wide as it needs; the explanations wrap at Excel's page width instead.
	const widths = columnWidths(rows.slice(1), 90);
	return { name: ABOUT_SHEET, rows, widths, boldRows };
}
