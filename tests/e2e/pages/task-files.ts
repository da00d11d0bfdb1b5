// Task files as counties send them (the task layout of docs/csv-format.md), for the browser
// tests and the screenshots: each county's 35 tasks for a year, with statuses, lead units,
// measures, progress and evidence; some progress long enough to wrap over many lines.
export const COUNTIES = [
	{ code: '620702', name: '甘州区' },
	{ code: '620721', name: '肃南裕固族自治县' },
	{ code: '620722', name: '民乐县' },
	{ code: '620723', name: '临泽县' },
	{ code: '620724', name: '高台县' },
	{ code: '620725', name: '山丹县' }
] as const;

export const TASK_HEADER = '地区代码,任务编号,年份,状态,牵头单位,责任人,年度举措,落实情况,佐证材料,备注';
const STATUSES = ['已完成', '推进中', '推进中', '未启动', '已完成', '不适用', '推进中'] as const;

function quote(text: string): string {
	return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export interface TaskRowSpec {
	task: number;
	status: string;
	leadUnit: string;
	responsible: string;
	measures: string;
	progress: string;
	evidence: string[];
	note: string;
}

/** The row a county writes for a task: varied by county and task so counts differ. */
export function countyTaskRow(countyIndex: number, task: number): TaskRowSpec {
	const county = COUNTIES[countyIndex]!;
	const status = STATUSES[(task + countyIndex * 2) % STATUSES.length]!;
	const long = task % 9 === 0;
	return {
		task,
		status,
		leadUnit: `${county.name.slice(0, 3)}教育局${task % 3 === 0 ? '、发展改革局' : ''}`,
		responsible: ['张明', '李华', '王芳', '赵强', '陈静', '刘洋'][(task + countyIndex) % 6]!,
		measures: `${county.name}${task}号任务年度举措：制定实施方案，明确分工，按季度调度。`,
		progress:
			status === '未启动'
				? ''
				: long
					? `已完成调研并形成报告；` +
						'各学校按照方案落实，组织专题培训与督导检查，建立月报制度，问题清单逐项销号。'.repeat(6) +
						`（第${task}项完）`
					: `第${task}项任务按计划推进，完成阶段目标。`,
		evidence: status === '已完成' ? [`${county.name.slice(0, 2)}教发〔2026〕${task}号`, '工作总结'] : [],
		note: task === 1 ? '=以等号开头的备注' : ''
	};
}

export function countyTaskCsv(
	countyIndex: number,
	year: number,
	tasks = 35,
	over: (r: TaskRowSpec) => TaskRowSpec = (r) => r
): string {
	const county = COUNTIES[countyIndex]!;
	const lines = [
		`报送信息,导出时间,2026-11-28 09:${String(10 + countyIndex).padStart(2, '0')},报送单位,${county.name}教育局,格式版本,1.2`,
		TASK_HEADER
	];
	for (let t = 1; t <= tasks; t++) {
		const r = over(countyTaskRow(countyIndex, t));
		lines.push(
			[
				county.code,
				String(r.task),
				String(year),
				r.status,
				r.leadUnit,
				r.responsible,
				r.measures,
				r.progress,
				r.evidence.join('\n'),
				r.note.startsWith('=') ? `'${r.note}` : r.note
			]
				.map(quote)
				.join(',')
		);
	}
	return lines.join('\r\n') + '\r\n';
}
