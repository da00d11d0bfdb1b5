// The floor of a county sheet's open (scripts/bench/sheet-open.mjs): the least the stack
// itself needs for the same work, without the app. One IndexedDB record holding the sheet
// (written on a fresh profile, as the app seeds its workbook), read back, and drawn by
// Handsontable with the plugins, headers, widths, hidden and fixed columns the app's county
// sheet uses, at the same size (9 indicators × 45 columns). No Svelte, no router, no engine.
import Handsontable from 'handsontable/base';
import {
	registerPlugin,
	Formulas,
	CopyPaste,
	Autofill,
	NestedHeaders,
	ManualColumnResize,
	HiddenColumns,
	AutoColumnSize,
	Comments,
	ContextMenu
} from 'handsontable/plugins';
import { registerCellType, TextCellType } from 'handsontable/cellTypes';
import { registerLanguageDictionary, zhCN } from 'handsontable/i18n';

for (const p of [
	Formulas,
	CopyPaste,
	Autofill,
	NestedHeaders,
	ManualColumnResize,
	HiddenColumns,
	AutoColumnSize,
	Comments,
	ContextMenu
])
	registerPlugin(p);
registerCellType(TextCellType);
registerLanguageDictionary(zhCN);

const YEARS = Array.from({ length: 16 }, (_, i) => 2020 + i);
const TARGET_YEARS = [2025, 2035];
const NAMES = [
	'学前三年毛入园率',
	'普惠性幼儿园覆盖率',
	'九年义务教育巩固率',
	'义务教育优质均衡',
	'高中阶段毛入学率',
	'高等教育毛入学率',
	'主要劳动年龄人口平均受教育年限',
	'教育信息化',
	'特殊教育入学率'
];

function sheetRows() {
	return NAMES.map((name, i) => [
		`EDU0${i + 1}`,
		name,
		i === 6 ? '年' : '%',
		...YEARS.map((y) => (y <= 2024 ? Math.round((85 + i + (y - 2020) * 1.3) * 10) / 10 : null)),
		'',
		...TARGET_YEARS.flatMap(() => ['95', '93', '-2.3', '-0.3', '✗ 未达标', '✓ 达标'])
	]);
}

function readSheet() {
	return new Promise((resolve, reject) => {
		const req = indexedDB.open('floor', 1);
		req.onupgradeneeded = () => req.result.createObjectStore('sheets');
		req.onerror = () => reject(req.error);
		req.onsuccess = () => {
			const db = req.result;
			const tx = db.transaction('sheets', 'readwrite');
			const store = tx.objectStore('sheets');
			const get = store.get('620702');
			get.onsuccess = () => {
				if (get.result) return resolve(get.result);
				const rows = sheetRows();
				store.put(rows, '620702');
				tx.oncomplete = () => resolve(rows);
			};
			tx.onerror = () => reject(tx.error);
		};
	});
}

const rows = await readSheet();
const container = document.getElementById('grid');
const names = [
	'代码',
	'指标',
	'单位',
	...YEARS.map(String),
	'备注',
	...TARGET_YEARS.flatMap(() => ['市目标', '省目标', '差距(市)', '差距(省)', '对照市', '对照省'])
];
const colWidths = [
	58,
	130,
	40,
	...YEARS.map(() => 52),
	58,
	...TARGET_YEARS.flatMap(() => [78, 78, 56, 56, 80, 80])
];
const hidden = [
	...YEARS.filter((y) => y > 2027 && y !== 2035).map((y) => 3 + y - 2020),
	...[39, 40, 41, 42, 43, 44]
];
const meta = {
	year: { readOnly: false, className: 'c-year' },
	other: { readOnly: true, className: 'c-cmp' }
};
new Handsontable(container, {
	data: rows,
	licenseKey: 'non-commercial-and-evaluation',
	language: 'zh-CN',
	nestedHeaders: [
		[
			{ label: '', colspan: 3 },
			{ label: '实际值', colspan: YEARS.length },
			'',
			...TARGET_YEARS.map((y) => ({ label: `对照 ${y} 年目标`, colspan: 6 }))
		],
		names,
		names.map((_, i) => String.fromCharCode(65 + (i % 26)))
	],
	colWidths,
	hiddenColumns: { columns: hidden },
	rowHeaders: true,
	colHeaders: true,
	fixedColumnsStart: 2,
	manualColumnResize: true,
	copyPaste: true,
	fillHandle: { autoInsertRow: false },
	contextMenu: true,
	comments: { displayDelay: 200 },
	height: window.innerHeight - container.getBoundingClientRect().top - 16,
	width: '100%',
	stretchH: 'none',
	imeFastEdit: true,
	ariaTags: true,
	viewportColumnRenderingOffset: 64,
	viewportRowRenderingOffset: 64,
	cells: (_row, col) => (col >= 3 && col < 19 ? meta.year : meta.other),
	renderer(_hot, td, _r, _c, _p, value, cellMeta) {
		td.className = cellMeta.className;
		td.textContent = value === null || value === undefined ? '' : String(value);
		return td;
	}
});
