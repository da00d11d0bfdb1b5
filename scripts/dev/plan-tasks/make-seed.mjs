// Writes seeds/tasks.json: the plan's section 二 (ten headings, 35 tasks) and section 三
// (five measures), read from seeds/source/plan-document.txt by reading.mjs, with the English
// titles and the tasks' ties to headline indicators kept here by hand.
//   node scripts/dev/plan-tasks/make-seed.mjs
// Re-run after changing reading.mjs or the lists below; check the diff by eye.
import { readFileSync, writeFileSync } from 'node:fs';
import { parsePlanWork, readDocument } from './reading.mjs';

const root = new URL('../../../', import.meta.url);

const HEADINGS_EN = [
	'Fostering virtue through education in full',
	'High-quality, all-round basic education',
	'High-level modern vocational education',
	'Overall strength of higher education',
	'Equal access to basic public education services',
	'A high-quality teaching workforce',
	'Shared, connected education informatisation',
	'Opening education up',
	'Modern governance of education',
	'Comprehensive reform of education'
];

const TASKS_EN = [
	'Xi Jinping Thought guiding education work',
	'Xi Jinping Thought in textbooks, classrooms and minds',
	'Well-rounded quality education',
	'Affordable, high-quality preschool education',
	'Balanced, high-quality compulsory education',
	'Distinctive, high-quality senior secondary education',
	'A modern vocational education system',
	'Deeper integration of industry and education',
	'Supporting rural revitalisation',
	'More attractive vocational education',
	'Supporting Hexi University',
	'Developing Peili Polytechnic',
	'Better higher vocational training',
	'Ethnic-minority education',
	'Regulated private education',
	'Special education',
	'Care for disadvantaged groups',
	'Psychological services in schools',
	'Lifelong learning for all',
	'Teachers’ professional ethics',
	'Better teacher training',
	'Teacher management',
	'Teachers’ rights and pay',
	'Shared digital education resources',
	'Education informatisation services',
	'Deep integration of information technology',
	'Education exchange and cooperation',
	'Talent with an international outlook',
	'Putting “double reduction” into practice',
	'School management in primary and secondary schools',
	'Modern vocational school governance',
	'Government public services in education',
	'Reform of how talent is trained',
	'Education quality qualifiers',
	'Reform of education evaluation'
];

const MEASURES_EN = [
	'The Party’s overall leadership of education',
	'Steadily growing education funding',
	'Support for high-level talent',
	'Making sure the work is done',
	'A good climate for education'
];

/**
 * Headline indicators a task works towards, each with the words of the task that tie it
 * (the seed's test checks they are in the task's text). Read from the text: task 4 speaks of
 * kindergarten places, not of teachers (EDU06 is task 21's); task 5 of schools and 优质均衡县,
 * not of teachers' degrees (EDU07 is task 21's); task 13 of course resources and training,
 * not of enrolment; tasks 9 and 10 bring adults into vocational education (EDU09).
 * @type {Record<number, { indicator: string; basis: string }[]>}
 */
const INDICATORS = {
	4: [{ indicator: 'EDU01', basis: '扩大普惠性幼儿园比例' }],
	5: [
		{ indicator: 'EDU02', basis: '办好乡村小规模学校和乡镇寄宿制学校' },
		{ indicator: 'EDU03', basis: '六县区积极创建义务教育优质均衡县' }
	],
	6: [{ indicator: 'EDU04', basis: '促进全市高中教育均衡、健康发展' }],
	7: [{ indicator: 'EDU08', basis: '促进中、高职教育协调发展' }],
	8: [{ indicator: 'EDU08', basis: '以产业链、创新链布局人才链' }],
	9: [
		{ indicator: 'EDU08', basis: '通过弹性学制接受中高等职业教育' },
		{ indicator: 'EDU09', basis: '通过弹性学制接受中高等职业教育' }
	],
	10: [
		{ indicator: 'EDU08', basis: '就业与升学并重的职业教育办学模式' },
		{ indicator: 'EDU09', basis: '有需求的社会群体接受职业教育' }
	],
	11: [{ indicator: 'EDU05', basis: '推动河西学院升格为河西大学' }],
	12: [{ indicator: 'EDU05', basis: '推动培黎职业学院建成应用型本科院校' }],
	19: [{ indicator: 'EDU09', basis: '建成开放灵活的终身教育体系' }],
	21: [
		{ indicator: 'EDU06', basis: '推动学前、中小学教师学历向更高层次迈进' },
		{ indicator: 'EDU07', basis: '推动学前、中小学教师学历向更高层次迈进' }
	]
};

const work = parsePlanWork(
	readDocument(readFileSync(new URL('seeds/source/plan-document.txt', root), 'utf8'))
);
if (work.headings.length !== HEADINGS_EN.length || work.tasks.length !== TASKS_EN.length) {
	throw new Error('the document and the English titles disagree in number');
}
const seed = {
	$comment:
		'《张掖教育现代化2035行动纲要》 section 二 (发展任务: ten headings, 35 tasks) and section 三 (组织实施: five measures), in simplified Chinese. Written by scripts/dev/plan-tasks/make-seed.mjs from seeds/source/plan-document.txt; do not edit by hand. titleZh is the sentence that opens the paragraph, textZh the rest of it.',
	headings: work.headings.map((h, i) => ({ ...h, titleEn: HEADINGS_EN[i] })),
	tasks: work.tasks.map((t, i) => ({ ...t, titleEn: TASKS_EN[i], indicators: INDICATORS[t.number] ?? [] })),
	measures: work.measures.map((m, i) => ({ ...m, titleEn: MEASURES_EN[i] }))
};
writeFileSync(new URL('seeds/tasks.json', root), JSON.stringify(seed, null, '\t') + '\n');
console.log(
	`seeds/tasks.json: ${seed.headings.length} headings, ${seed.tasks.length} tasks, ${seed.measures.length} measures`
);
