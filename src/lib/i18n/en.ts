// The English message catalog. It must carry every key of the Chinese one.
import type { MessageKey } from './zh';

export const en: Record<MessageKey, string> = {
	'app.title': 'Zhangye Education Modernization 2035 · County workbook',
	'app.short': 'Education 2035 workbook',
	'app.subtitle':
		'Headline indicators of the Zhangye Education Modernization 2035 Action Outline (市委发〔2021〕35号)',
	'nav.home': 'Counties',
	'nav.targets': 'City & province targets',
	'nav.language': '中文',
	'nav.languageLabel': 'Switch to the Chinese interface',
	'home.heading': 'Choose a county',
	'home.intro':
		'Each county records the nine headline indicators (and its own) year by year; formulas compare them with the city and province targets for 2025 and 2035. Data stays in this browser.',
	'home.filled': '{filled} cells filled',
	'home.lastEdited': 'Last edited: {when}',
	'home.neverEdited': 'Not edited yet',
	'home.open': 'Open the sheet of {name}',
	'home.targetsLink': 'View and edit city and province baselines and targets',
	// grid habits (issue 10 pt 4): right-click menu, find, notes per figure
	'menu.cut': 'Cut',
	'menu.copy': 'Copy',
	'menu.paste': 'Paste',
	'menu.pasteByKey':
		'The browser does not let the menu read the clipboard. Press Ctrl+V to paste (what is pasted is checked just the same).',
	'menu.clear': 'Clear contents',
	'menu.noteInsert': 'Insert note',
	'menu.noteEdit': 'Edit note',
	'menu.noteRemove': 'Delete note',
	'menu.undo': 'Undo',
	'menu.redo': 'Redo',
	'find.label': 'Find in this sheet',
	'find.query': 'Find what',
	'find.wholeCell': 'Match entire cell',
	'find.previous': 'Previous',
	'find.next': 'Next',
	'find.close': 'Close find (Esc)',
	'find.count': '{n} of {total}',
	'find.none': 'Not found',
	'note.title': 'Note · {where}',
	'note.label': 'Note (on this one figure; a remark on the whole row goes in the Note column)',
	'note.limit': '{length}/{max} characters. Saving it empty deletes the note.',
	'note.save': 'Save',
	'note.cancel': 'Cancel',
	'note.tooLong':
		'{where}: a note holds at most {max} characters; this one has {length}. Shorten it and save again; the note is unchanged.',
	'note.inBar': 'Note: {note}',
	'note.where': 'row {row} {indicator} {year}',
	loading: 'Opening the workbook…',
	'county.heading': '{name} · headline indicators by year',
	'county.help':
		'Type a number in a year column (99.5, 99.5% and full-width digits all work) or a formula starting with =; the comparison columns are computed. Ctrl+Z undoes, Ctrl+Y redoes.',
	'county.notFound': 'There is no county with code {code}.',
	'county.back': 'Back to the counties',
	'county.printHint':
		'The sheet is not made for printing. To print the comparison of {name} with the city and province targets, open Comparison and choose Print.',
	// issue 5: city figures
	'cityFigures.heading': 'Zhangye city figures',
	'cityFigures.help':
		'The city records its own figures for the nine headline indicators, year by year (a number, or a formula starting with =); the comparison columns are computed. The 2020 column is the city baseline: the same cell as on the City & province targets page, and an edit in either place shows in the other. EDU03 is the share of counties certified as high-quality balanced (%, e.g. 50). Ctrl+Z undoes, Ctrl+Y redoes.',
	'cityFigures.baselineFormula':
		'{where}: 2020 is the city baseline, also shown on the City & province targets page; it takes a number, not a formula. The cell keeps its value.',
	'cityFigures.baselineTitle':
		'The city baseline: the same cell as on the City & province targets page{qualifier}',
	'cityFigures.printHint':
		'The sheet is not made for printing. Export it as CSV (Import & export) and print it from Excel or WPS.',
	'cityFigures.homeEntry': '{name} (city)',
	'cityFigures.summaryLink': 'City summary',
	'cityFigures.summaryLabel': 'City summary of {name}',
	'cityFigures.figuresLink': 'City figures',
	'cityFigures.figuresLabel': 'City figures of {name}',
	'import.issue.baseline-formula':
		'"{text}" is a formula; 2020 is the city or province baseline and takes a number only.',
	'compare.link': 'Comparison',
	'compare.linkLabel': 'Comparison sheet of {name}',
	'compare.title': '{name}: Education Modernization 2035, headline indicators against targets',
	'compare.tabTitle': '{name} comparison',
	'compare.help':
		"This sheet compares the county's latest figures with the city's and province's targets for 2025 and 2035, and judges progress on the planned path. Formula cells count as their results. Print prints the sheet or saves it as a PDF (A4 landscape).",
	'compare.print': 'Print',
	'compare.backToSheet': 'Back to the sheet of {name}',
	'compare.lastEdited': 'Data last edited: {when}',
	'compare.neverEdited': 'Data last edited: nothing entered yet',
	'compare.printedAt': 'Printed: {when}',
	'compare.checksCount': 'Figure checks: {count} to look at',
	'compare.checksNone': 'Figure checks: nothing found',
	'compare.checksClear': 'No figure needs a second look.',
	'compare.chartCaption': '{no}. {indicator} ({unit})',
	'compare.pageNumber': 'Page {page} of {pages}',
	'compare.no': 'No.',
	'compare.indicator': 'Indicator',
	'compare.unit': 'Unit',
	'compare.baseline': '2020 baseline',
	'compare.latest': 'Latest figure',
	'compare.latestValue': 'Value',
	'compare.latestYear': 'Year',
	'compare.achieved': 'Achieved\nper year',
	'compare.level': 'vs',
	'compare.targetYear': '{year}',
	'compare.target': 'Target',
	'compare.gap': 'Gap',
	'compare.status': 'Status',
	'compare.required': 'Required\nper year',
	'compare.meeting': 'Meeting notes',
	'compare.city': 'City',
	'compare.province': 'Prov.',
	'compare.cityFull': 'Against the city target',
	'compare.provinceFull': 'Against the province target',
	'compare.noTargets': "County's own indicator: no city or province target",
	'compare.statusError': 'Formula error',
	'compare.statusErrorTitle':
		'The formula of {year} fails, so this cannot be judged. Correct it in the sheet.',
	'compare.legendHeading': 'Key',
	'compare.legendMet': '✓ Met: the latest figure meets the target (a target written > must be exceeded).',
	'compare.legendOnTrack': '↗ On track: not met yet, but on or above the planned path for its year.',
	'compare.legendBehind': '↘ Behind: below the planned path for its year.',
	'compare.legendNoData': '— Not enough data: no 2020 baseline, or no figure since it.',
	'compare.legendCertified':
		'✓ Certified / ✗ Not certified: whether the county is certified for high-quality balanced compulsory education.',
	'compare.legendPath':
		"Planned path: a straight line from the 2020 baseline to the target in the target year; the path to 2035 starts at the county's 2025 figure, or runs through the 2025 target when there is none.",
	'compare.legendRates':
		'Required per year = (target − latest) ÷ (target year − year of the latest figure), not given once met or in the target year; achieved per year = (latest − 2020 baseline) ÷ years. Gap = latest − target.',
	'compare.source':
		'Source: targets from the Zhangye Education Modernization 2035 Action Outline (市委发〔2021〕35号); county figures as entered in this workbook.',
	'compare.chartsHeading': 'Trends',
	'compare.chartsLoading': 'Drawing the trend charts…',
	'compare.chartsFailed': 'The trend charts could not be drawn: {detail}',
	// task files and task printouts (issue 13 pts 4–5): export, import preview, county report, city matrix
	'taskExchange.heading': 'Task progress files',
	'taskExchange.intro':
		'A county exports its progress on the 35 tasks for a year as CSV, to fill in Excel or WPS and send to the city bureau; the city picks the six counties’ files under Import, previewed and applied like figure files.',
	'taskExchange.exportHeading': 'Export task progress',
	'taskExchange.region': 'County',
	'taskExchange.allCounties': 'All counties',
	'taskExchange.year': 'Year',
	'taskExchange.yearOption': '{year}',
	'taskExchange.encoding': 'Encoding',
	'taskExchange.export': 'Export task file',
	'taskExchange.exported': 'Exported {name} ({size}).',
	'taskExchange.exportFailed': 'The export failed.',
	'taskExchange.previewHeading': 'Import task progress: preview',
	'taskExchange.reading': 'Reading the task files…',
	'taskExchange.col.file': 'File',
	'taskExchange.col.encoding': 'Encoding',
	'taskExchange.col.rows': 'Rows',
	'taskExchange.col.sentBy': 'Sent by',
	'taskExchange.col.notes': 'Notes',
	'taskExchange.col.region': 'County',
	'taskExchange.col.added': 'New',
	'taskExchange.col.changed': 'Changed',
	'taskExchange.col.unchanged': 'Unchanged',
	'taskExchange.col.rejected': 'Refused',
	'taskExchange.col.task': 'Task',
	'taskExchange.col.year': 'Year',
	'taskExchange.col.field': 'Field',
	'taskExchange.col.before': 'Was',
	'taskExchange.col.after': 'Becomes',
	'taskExchange.col.row': 'Row',
	'taskExchange.col.column': 'Column',
	'taskExchange.col.reason': 'Reason',
	'taskExchange.col.source': 'From',
	'taskExchange.fileOk': 'Can be imported',
	'taskExchange.summary': 'By county',
	'taskExchange.changedHeading': 'Changed tasks ({n})',
	'taskExchange.addedHeading': 'New tasks ({n})',
	'taskExchange.unchangedHeading': 'Unchanged tasks ({n})',
	'taskExchange.rejectedHeading': 'Rows not imported ({n})',
	'taskExchange.rejectedIntro':
		'These rows were not imported; correct them in the file by row and column and import it again. The other rows are not affected.',
	'taskExchange.warningsHeading': 'Notes ({n})',
	'taskExchange.rowOf': 'row {row}',
	'taskExchange.where': '{file}, row {row}',
	'taskExchange.taskLabel': 'Task {task} {title}',
	'taskExchange.empty': '(empty)',
	'taskExchange.more': '{n} more not listed.',
	'taskExchange.apply': 'Apply import ({added} new, {changed} changed)',
	'taskExchange.applying': 'Writing…',
	'taskExchange.nothing': 'The tasks in the files are exactly as in the workbook: nothing to import.',
	'taskExchange.nothingReadable': 'No task file could be read.',
	'taskExchange.discard': 'Discard',
	'taskExchange.applied': 'Task progress imported: {added} new, {changed} changed ({regions}).',
	'taskExchange.undo': 'Undo this import',
	'taskExchange.undone': 'The task import was undone; task progress is as it was before.',
	'taskExchange.open': 'Open the tasks of {name}',
	'taskExchange.conflict':
		'Not applied: another tab changed some of these tasks after the preview. Nothing was written. Pick the files again to preview, then apply.',
	'taskExchange.undoConflict':
		'Cannot undo: the workbook was changed after the import, and undoing would lose those changes. On Data safety you can preview the snapshot from before the import and decide whether to restore it.',
	'taskExchange.failed': 'The task import failed.',
	'taskExchange.undoAfterReload': 'Last task file import: {label} ({time}).',
	'taskExchange.field.status': 'Status',
	'taskExchange.field.leadUnit': 'Lead unit',
	'taskExchange.field.responsible': 'Responsible',
	'taskExchange.field.measures': 'Measures this year',
	'taskExchange.field.progress': 'Progress',
	'taskExchange.field.evidence': 'Evidence',
	'taskExchange.field.note': 'Note',
	'taskExchange.problem.no-header':
		'No task file header found (it needs 地区代码, 任务编号 and 年份). Fill in an exported task file.',
	'taskExchange.problem.missing-columns':
		'The header lacks the columns {columns}. Add them and import again.',
	'taskExchange.problem.duplicate-column': 'The header has “{column}” twice. Delete one and import again.',
	'taskExchange.problem.ignored-columns': 'Columns not in the task format were ignored: {columns}.',
	'taskExchange.problem.rows-before-header': 'The header is on row {row}; the rows above it were ignored.',
	'taskExchange.problem.no-rows': 'The file has no data rows.',
	'taskExchange.problem.too-large': 'The file is too large to import.',
	'taskExchange.problem.empty': 'The file is empty.',
	'taskExchange.problem.xlsx':
		'This is an Excel workbook, not CSV. In Excel, “Save as CSV UTF-8”, then import.',
	'taskExchange.problem.xls': 'This is an Excel 97–2003 workbook, not CSV. “Save as CSV UTF-8”, then import.',
	'taskExchange.problem.binary': 'This is not a text file and cannot be imported as CSV.',
	'taskExchange.issue.missing-region-code': 'No region code.',
	'taskExchange.issue.unknown-region': 'Region code “{value}” is not a county of Zhangye.',
	'taskExchange.issue.not-county':
		'Region code “{value}” is not a county: task progress is reported per county.',
	'taskExchange.issue.missing-task-no': 'No task number.',
	'taskExchange.issue.bad-task-no': 'Task number “{value}” is not valid: it should be 1–35.',
	'taskExchange.issue.missing-year': 'No year.',
	'taskExchange.issue.bad-year': 'Year “{value}” is not valid: write four digits, e.g. 2026.',
	'taskExchange.issue.year-outside-workbook': '{value} is outside the task years {first}–{last}.',
	'taskExchange.issue.bad-status':
		'Status “{value}” is not valid: it should be 未启动, 推进中, 已完成 or 不适用.',
	'taskExchange.issue.too-long':
		'Longer than {max} characters ({length}); the row was not imported. Shorten it and import again.',
	'taskExchange.issue.evidence-too-long':
		'Evidence item “{item}…” is longer than {max} characters; the row was not imported.',
	'taskExchange.issue.evidence-too-many': 'Evidence has {n} items, at most {max}; the row was not imported.',
	'taskExchange.issue.conflict':
		'Differs from the same task on {where}; the row was not imported. Decide which is right.',
	'taskExchange.issue.repeated': 'The same task is also on {where}; the two rows were imported together.',
	'taskExchange.issue.csv-syntax': 'CSV syntax problem: {detail}',
	'taskPrint.status.not-started': 'Not started',
	'taskPrint.status.in-progress': 'In progress',
	'taskPrint.status.done': 'Done',
	'taskPrint.status.not-applicable': 'Not applicable',
	'taskPrint.status.none': 'Not reported',
	'taskPrint.print': 'Print',
	'taskPrint.reportLink': 'Print the progress report',
	'taskPrint.reportTitle':
		'{name}: progress on the tasks of the Education Modernization 2035 Action Outline ({year})',
	'taskPrint.reportTab': 'Task progress of {name}',
	'taskPrint.lastEdited': 'Last filled in: {when}',
	'taskPrint.neverEdited': 'Not filled in yet',
	'taskPrint.printedAt': 'Printed: {when}',
	'taskPrint.col.no': 'No.',
	'taskPrint.col.task': 'Task',
	'taskPrint.col.status': 'Status',
	'taskPrint.col.leadUnit': 'Lead unit\nResponsible',
	'taskPrint.col.progress': 'Measures and progress',
	'taskPrint.measures': 'Measures: ',
	'taskPrint.progress': 'Progress: ',
	'taskPrint.evidence': 'Evidence: ',
	'taskPrint.headingCounts': 'done {done} · in progress {inProgress} · not started {notStarted} · n/a {na}',
	'taskPrint.totals':
		'{total} tasks in all: {done} done, {inProgress} in progress, {notStarted} not started, {na} not applicable, {none} not reported.',
	'taskPrint.legend':
		'Status: ● done  ◎ in progress  ○ not started  ／ not applicable  — not reported (no record)',
	'taskPrint.source':
		'Source: tasks from section 二 of the Zhangye Education Modernization 2035 Action Outline (市委发〔2021〕35号); progress as the county entered it in this workbook.',
	'taskPrint.pageNumber': 'Page {page} of {pages}',
	'taskPrint.backToTasks': 'Back to the tasks',
	'taskPrint.notFound': 'There is no county with code {code}.',
	'taskPrint.matrixTitle':
		'Zhangye: progress on the tasks of the Education Modernization 2035 Action Outline ({year})',
	'taskPrint.matrixTab': 'Task progress overview',
	'taskPrint.matrixLink': 'Task progress (35 tasks × 6 counties)',
	'taskPrint.matrixHelp':
		'The 35 tasks × the six counties, as each county reported or entered them; under each heading, how many each county has done. Click a status to open that county’s tasks.',
	'taskPrint.matrixSource':
		'Source: tasks from section 二 of the Zhangye Education Modernization 2035 Action Outline (市委发〔2021〕35号); progress as reported by the counties and imported into this workbook.',
	'taskPrint.matrixHeadingCount': 'done {done}/{total}',
	'taskPrint.matrixCountLabel': '{county}: {heading}, {done} of {total} done',
	'taskPrint.matrixCellLabel': '{county} task {task}: {status}',
	'taskPrint.matrixTotal': 'Done in all',
	'taskPrint.collect': 'Collect the counties’ task files',
	'taskPrint.loading': 'Reading task progress…',
	'compare.chartsEmpty':
		'No figures have been entered for this county yet, so there are no trends to draw. They appear once the sheet has figures.',
	'compare.chartEmpty': 'No figures yet',
	'compare.chartLabel':
		"{indicator}: the county's figures {from}–{to}, the city and province targets and the planned paths",
	'compare.chartLabelEmpty': '{indicator}: no figures yet',
	'compare.seriesCounty': 'County',
	'compare.seriesCity': 'City path',
	'compare.seriesProvince': 'Province path',
	'compare.certifiedSince': 'Certified since {year}',
	'compare.notCertifiedYet': 'Not certified as of {year}',
	'compare.checksHeading': 'Figure checks',
	'compare.checksIntro':
		'Please check these figures (they are kept as entered). Each link opens the cell in the sheet.',
	'check.implausible': '{value} is outside the plausible range ({min}–{max}{unit})',
	'check.fallPoints':
		'{value}, {direction} {fall} points from the year before ({previous}): more than {amount}',
	'check.fallYears':
		'{value}, {direction} {fall} years from the year before ({previous}): more than {amount}',
	'check.fallShare': '{value}, {direction} {share}% from the year before ({previous}): more than {amount}%',
	'check.down': 'down',
	'check.up': 'up',
	'check.missing': 'no figure, though the years before and after have one',
	'check.error': 'the formula fails',
	'check.where': '{indicator}, {year}',
	'grid.code': 'Code',
	'grid.indicator': 'Indicator',
	'grid.unit': 'Unit',
	'grid.note': 'Note',
	'grid.actuals': 'Figures',
	'grid.vs': 'Against {year} targets',
	'grid.cityTarget': 'City target',
	'grid.provinceTarget': 'Province target',
	'grid.cityGap': 'Gap to city',
	'grid.provinceGap': 'Gap to province',
	'grid.cityStatus': 'vs city',
	'grid.provinceStatus': 'vs province',
	'grid.statusKey': 'Status:',
	'grid.compareWith': 'Compare with',
	'grid.compareYear': '{year} targets',
	'grid.compareBoth': 'both',
	'grid.showAllYears': 'Show the columns for {from}–{to}',
	'grid.formulaBar': 'Formula bar',
	'grid.cellLabel': 'Cell',
	'grid.implausible': 'Outside the plausible range ({range}); please check. The value was kept.',
	'grid.implausibleAt':
		'{where}: the figure is outside the plausible range ({range}); it was kept and marked, please check it.',
	'grid.thousandsDropped': '{where}: "{input}" was read as {value}, without its thousands separators.',
	'grid.ownIndicator': "County's own indicator",
	'grid.readOnly': 'This column is computed by a formula and cannot be edited.',
	'status.已达标': 'Met',
	'status.按进度': 'On track',
	'status.滞后': 'Behind',
	'status.数据不足': 'Not enough data',
	'status.已认定': 'Certified',
	'status.未认定': 'Not certified',
	// polish: the word a status cell shows on the grid, where the 80 px status columns leave
	// no room for the full one on one line; the full word is on hover and in every printed table.
	'gridStatus.数据不足': 'No data',
	'gridStatus.title.数据不足': 'Not enough data: no 2020 baseline, or no figure since it.',
	'value.yes': 'Yes',
	'value.no': 'No',
	'error.not-a-number':
		'{where}: "{input}" is not a number. Type a number (e.g. 99.5 or 99.5%) or a formula starting with =. The cell keeps its value.',
	'error.comparator-not-allowed':
		'{where}: a figure cannot carry a comparator ("{input}"). Type the number only. The cell keeps its value.',
	'error.formula-not-allowed':
		'{where}: a target cannot be a formula ("{input}"). Type a number, optionally with > or ≥. The cell keeps its value.',
	'error.not-yes-no':
		'{where}: this row records whether the county is certified; type Yes or No ("{input}" was not understood). The cell keeps its value.',
	'error.qualifier-too-long':
		'{where}: the note in brackets is too long ("{input}"). The cell keeps its value.',
	'error.bad-formula':
		'{where}: the formula "{input}" has a syntax error; check brackets and quotes. The cell keeps its value.',
	'error.bad-comparator': '{where}: the comparator must be ">" (strictly above) or "≥" (at least).',
	'error.name-required': 'The indicator needs a name.',
	'error.pageHeading': 'Page not found',
	'error.pageFailedHeading': 'The page failed',
	'error.pageNotFound':
		'The address "{path}" is not a page of this workbook. Start from the list of counties.',
	'error.pageFailed':
		'The page failed: {detail}. No data was changed; go back to the counties and try again.',
	'error.where': 'Row {row} "{indicator}", {column}',
	'formulaError.#REF!':
		'Invalid reference: the formula refers to a cell or sheet that does not exist (perhaps deleted).',
	'formulaError.#VALUE!': 'Wrong value: the formula meets text or a value of the wrong type.',
	'formulaError.#DIV/0!': 'Division by zero.',
	'formulaError.#NAME?': 'Unknown function or name; check the spelling.',
	'formulaError.#N/A': 'The value looked up was not found.',
	'formulaError.#NUM!': 'The number is out of range.',
	'formulaError.#CYCLE!': 'Circular reference: the formula refers to itself.',
	'formulaError.#ERROR!': 'The formula cannot be parsed; check how it is written.',
	'formulaError.#SPILL!': 'The result needs several cells and does not fit.',
	'formulaError.generic': 'The formula failed.',
	'formulaError.detail': ' (engine: {message})',
	'indicator.add': 'Add own indicator',
	'indicator.rename': 'Rename',
	'indicator.delete': 'Delete',
	'indicator.name': 'Name',
	'indicator.unit': 'Unit',
	'indicator.direction': 'Direction',
	'indicator.higher': 'Higher is better',
	'indicator.lower': 'Lower is better',
	'indicator.save': 'Save',
	'indicator.cancel': 'Cancel',
	'indicator.addHeading': "Add a county's own indicator",
	'indicator.renameHeading': 'Rename indicator {code}',
	'indicator.confirmDelete': 'Delete the indicator "{name}" and all its figures? Undo brings it back.',
	'indicator.deleted': 'Deleted the indicator "{name}".',
	'indicator.own': "County's own indicators",
	'indicator.none': 'No own indicators yet.',
	undo: 'Undo',
	redo: 'Redo',
	'undo.nothing': 'Nothing to undo.',
	'redo.nothing': 'Nothing to redo.',
	saved: 'Saved {time}',
	saving: 'Saving…',
	'targets.heading': 'City and province baselines and targets',
	'targets.help':
		'2020 is the baseline (actual figure); 2025 and 2035 are targets. ">" means strictly above the target, "≥" at least the target. Every county\'s comparison columns update at once.',
	'targets.city': 'Zhangye City',
	'targets.province': 'Gansu Province',
	'targets.baseline': '{year} baseline',
	'targets.target': '{year} target',
	'targets.value': 'Value',
	'targets.comparator': 'Comparator',
	'targets.qualifier': 'Standard',
	'storage.blocked':
		'The workbook is held by another open tab running an older version. Close the other tabs of this app, then reload this page.',
	'storage.newer-schema':
		'The workbook on this computer was saved by a newer version of the app, which this version cannot open safely. Use the newest version; your data was not touched.',
	'storage.quota':
		'The browser storage is full, so the workbook cannot be written. Free browser storage or disk space and try again; what was saved before is unaffected.',
	'storage.unavailable':
		'This browser cannot use local storage (private mode, or disabled by policy). Open the app in a normal window.',
	'storage.corrupt-row': 'A row of the workbook is damaged and cannot be read: {detail}',
	'storage.closed':
		'The workbook was updated or deleted in another tab, and this page was disconnected. Reload this page to continue.',
	'storage.conflict':
		'Cannot undo: an indicator with the same code was created since. Delete that one first, then undo.',
	'storage.unknown': 'The workbook could not be opened: {detail}',
	'storage.heading': 'The workbook could not be opened',
	'storage.versionchange': 'The app was updated in another tab. Reload this page to continue.',
	'storage.saveFailed': 'Saving failed: {detail}. The change was not written; please try again.',
	'sync.reloaded': 'Another tab changed the workbook; this page now shows the latest figures.',
	'undo.conflict':
		'Not undone: {where} is now {now}, not the {expected} this step left (another tab or an import changed it). Undoing would overwrite that figure; type the old one in if you mean it.',
	'redo.conflict':
		'Not redone: {where} is now {now}, not the {expected} it was before this step (another tab or an import changed it). Redoing would overwrite that figure; type it in if you mean it.',
	'history.empty': 'empty',
	'history.line': 'Last changed: {when} {who} {before} → {after}',
	'history.lineNone': 'No changes recorded for this figure',
	'history.button': 'History',
	'history.title': 'History of {where}',
	'history.when': 'When',
	'history.who': 'Who',
	'history.how': 'How',
	'history.before': 'Before',
	'history.after': 'After',
	'history.anonymous': 'unnamed',
	'history.none': 'No changes recorded for this figure yet (recorded from this version on).',
	'history.close': 'Close',
	'history.bound': 'The last 200 changes of each figure are kept, 50,000 in all; older ones are dropped.',
	'history.how.input': 'typed',
	'history.how.paste': 'pasted',
	'history.how.fill': 'filled',
	'history.how.import': 'imported',
	'history.how.undo-import': 'import undone',
	'history.how.restore': 'restored from backup',
	'history.how.undo': 'undo',
	'history.how.redo': 'redo',
	'history.how.formula-shift': 'formula moved with rows',
	'history.how.put-back': 'put back from this tab',
	'history.where': '{region} {indicator} {year}',
	'replaced.text': 'Another tab changed {where} from {from} to {to} (you had typed {mine}).',
	'replaced.textMine': 'Another tab changed {where} from your {mine} to {to}.',
	'replaced.putBack': 'Put back {mine}',
	'replaced.keep': 'Keep {to}',
	'replaced.label': 'Figures replaced by another tab',
	'editor.title': 'Your name in the history',
	'editor.intro':
		'Every change of a figure records who made it. No sender name is set on the Import & export page: type your name (asked only this once; you may skip).',
	'editor.label': 'Name',
	'editor.save': 'OK',
	'editor.skip': 'Skip',
	'nav.exchange': 'Import & export',
	'exchange.title': 'Import and export CSV and Excel files',
	'exchange.intro':
		'Counties and the city bureau exchange figures as CSV files or Excel workbooks (.xlsx), which Excel and WPS open and edit. An import is previewed first and written only when you apply it, as a whole: a failure or a cancel leaves the workbook untouched.',
	'exchange.format': 'File format',
	'exchange.formatGrid': 'Grid layout header:',
	'exchange.formatLong': 'Long layout header:',
	'exchange.formatNotes':
		'English headers are accepted too (region_code, region, indicator_code, indicator, unit, kind, year, value, note), in any order, with any subset of year columns. Kind is 实际 (actual) or 目标 (target). A value is 99.5, 99.5%, >99 (targets only), 95 (优质均衡) or a formula starting with = (actuals only). A blank cell in a file never clears a figure in the workbook.',
	'export.heading': 'Export',
	'export.regions': 'Regions to export',
	'export.allCounties': 'All counties',
	'export.targets': "City and province baselines and targets (with the city's own figures)",
	'export.layout': 'Layout',
	'export.layout.grid': 'Grid: one row per indicator, one column per year — for reading and filling in Excel',
	'export.layout.long': 'Long: one row per figure — for merging files or loading into a database',
	'export.encoding': 'Encoding',
	'export.encoding.utf-8-bom': 'UTF-8 with BOM: opens cleanly in Excel and WPS (recommended)',
	'export.encoding.gb18030': 'GB18030: for older software that expects GBK',
	'export.encoding.utf-8': 'UTF-8 without BOM: for other programs',
	'export.withComparisons':
		'Add comparison columns (targets, gaps and statuses as computed values, for Excel readers; ignored on import)',
	'export.comparisonsGridOnly': 'Comparison columns come with the grid layout only.',
	'export.fileName': 'File name: {name}',
	'export.button': 'Export file',
	'export.noneChosen': 'Choose at least one region.',
	'export.done': 'Exported {name} ({size}).',
	'export.failed': 'Export failed: {detail}',
	// xlsx export (issue 14, export half): the file format choice and the city view's workbook
	'xlsxExport.format': 'File format',
	'xlsxExport.format.csv': 'CSV: read by any program, with a choice of encoding and layout',
	'xlsxExport.format.xlsx':
		'Excel workbook (.xlsx): opens ready to read and print, figures as numbers, codes as text',
	'xlsxExport.layoutHint':
		'An Excel workbook is written in the grid layout: a first sheet 说明 (export time, sender, format version, the key to statuses), then a sheet per region (a row per indicator, a column per year, the header frozen and repeated on every printed A4 landscape page). It imports as a CSV does.',
	'xlsxExport.withComparisons':
		'Add a 对照 sheet (targets, gaps and statuses as computed values, for reading; ignored on import)',
	'xlsxExport.senderHint':
		'Written with the export time on the 说明 sheet; the city bureau sees it on import. Kept in this browser only.',
	'xlsxExport.cityView': 'Export the table (Excel)',
	// The import preview's parts (components/import/): lists shown a page at a time.
	'importUi.issueUnknown':
		'This row holds something that cannot be imported ({code}). Check it and import again.',
	'importUi.problemUnknown':
		'The file cannot be read in this format ({code}). Check that it is a CSV exported by this workbook.',
	'importUi.shown': '{shown} of {total} listed.',
	'importUi.showMore': 'Show more ({n})',
	'importUi.loadingLists': 'Listing the details…',
	'import.heading': 'Import',
	'import.pick': 'Choose CSV or Excel files…',
	'import.dropHint': 'or drop files here (several at once).',
	'import.dropActive': 'Release to read these files',
	'import.reading': 'Reading and checking the files…',
	'import.progress': 'Reading progress',
	'import.cancel': 'Cancel',
	'import.cancelled': 'Cancelled; nothing in the workbook changed.',
	'import.readFailed': 'Reading the files failed: {detail}. Nothing in the workbook changed.',
	'import.files': 'Files',
	'import.col.file': 'File',
	'import.col.encoding': 'Encoding / sheet',
	'import.col.layout': 'Layout',
	'import.col.rows': 'Data rows',
	'import.col.notes': 'Status',
	'import.col.region': 'Region',
	'import.col.indicator': 'Indicator',
	'import.col.year': 'Year',
	'import.col.before': 'Was',
	'import.col.after': 'Becomes',
	'import.col.source': 'From',
	'import.col.row': 'Row',
	'import.col.column': 'Column',
	'import.col.reason': 'Reason',
	'import.col.added': 'New',
	'import.col.changed': 'Changed',
	'import.col.unchanged': 'Unchanged',
	'import.col.rejected': 'Rows refused',
	'import.encodingOf': 'Encoding of {name}',
	'import.encoding.detected': '(detected)',
	'import.encoding.bom': '(from BOM)',
	'import.encoding.utf-8': 'UTF-8',
	'import.encoding.gb18030': 'GB18030 / GBK',
	'import.encoding.utf-16le': 'UTF-16 LE',
	'import.encoding.utf-16be': 'UTF-16 BE',
	'import.replaced': '{n} characters could not be read in this encoding; another encoding may be right.',
	'import.layout.grid': 'Grid',
	'import.layout.long': 'Long',
	'import.fileOk': 'Readable',
	'import.problem.no-header':
		'No header found. It needs 地区代码 (region_code), 指标代码 (indicator_code), 类型 (kind) and year columns (or 年份/year and 数值/value).',
	'import.problem.missing-columns': 'The header lacks: {columns}. Add them and import again.',
	'import.problem.duplicate-column': 'The header has "{column}" twice. Delete one and import again.',
	'import.problem.ignored-columns': 'Columns not in the format were ignored: {columns}.',
	'import.problem.ignored-years':
		'Year columns {years} lie outside the workbook’s 2020–2035 and were not imported.',
	'import.problem.rows-before-header': 'The header is on row {row}; rows above it were ignored.',
	'import.problem.no-rows': 'The file has no data rows.',
	'import.problem.too-large': 'The file is over {limit} MB. Split it by county or by year.',
	'import.problem.empty': 'The file is empty.',
	'import.problem.xlsx':
		'This is an Excel workbook (.xlsx), not a CSV. In Excel choose Save As → "CSV UTF-8 (Comma delimited)" and import that file.',
	'import.problem.xls':
		'This is an old Excel workbook (.xls), not a CSV. Save it as CSV in Excel or WPS and import that file.',
	'import.problem.binary':
		'This is not a text file and cannot be imported as CSV. Check that you chose the exported CSV.',
	'import.summary': 'Changes by region',
	'import.unknownRegion': '(unrecognised region)',
	'import.figureNotesHeading': 'Notes on figures ({n}, was → becomes)',
	'import.issue.figure-note-too-long':
		'The note on {year} is longer than {max} characters; this row is not imported. Shorten it and import again.',
	'import.changesHeading': 'Changed figures (was → becomes)',
	'import.addedHeading': 'New figures ({n})',
	'import.more': '{n} more not listed.',
	'import.indicatorsHeading': 'Counties’ own indicators',
	'import.indicatorNew': 'New',
	'import.indicatorLine': '{what}: {region} {code} {name}',
	'import.indicatorChanged': 'Updated',
	'import.rejectedHeading': 'Rows not imported ({n})',
	'import.rejectedIntro':
		'These rows are left out; the others are not affected. Correct them in the file and import it again.',
	'import.warningsHeading': 'Please check ({n})',
	'import.warningsIntro': 'These figures are imported but look doubtful.',
	'import.where': '{file} row {row}',
	'import.rowOf': 'row {row}',
	'import.issue.missing-region-code': 'The region code is missing.',
	'import.issue.unknown-region': 'Region code "{code}" is not a county of Zhangye, nor Zhangye or Gansu.',
	'import.issue.missing-indicator-code': 'The indicator code is missing.',
	'import.issue.bad-indicator-code':
		'Indicator code "{code}" is invalid: it must start with a letter and hold only letters, digits, - or _.',
	'import.issue.plan-code-lookalike':
		'Code {code} is not a plan indicator code; did you mean {suggestion}? Correct the code and import again.',
	'import.issue.commitment-not-county':
		'“{code}” is a plan commitment row: it holds a county’s own actual figures only; the city, the province and target rows have none. Remove this row.',
	'import.issue.own-indicator-not-county':
		'"{code}" is not a plan indicator; own indicators belong to counties only.',
	'import.issue.own-indicator-needs-name': 'The new indicator "{code}" needs a name in the indicator column.',
	'import.issue.bad-kind': 'Kind "{text}" is invalid; it must be 实际 (actual) or 目标 (target).',
	'import.issue.county-target': 'Counties have actual figures only; targets belong to the city and province.',
	'import.issue.missing-year': 'There is a value but no year.',
	'import.issue.bad-year': 'Year "{text}" is invalid; it must be a four-digit year from 2000 to 2100.',
	'import.issue.year-outside-workbook': '{year} lies outside the workbook’s 2020–2035.',
	'import.issue.conflict':
		'{text} for {year} contradicts {other} in {where}; neither row was imported — decide which is right and import again.',
	'import.issue.value-not-a-number':
		'"{text}" is not a number. Write 99.5, 99.5%, or a formula starting with =.',
	'import.issue.value-comparator-not-allowed':
		'"{text}" has a comparator; comparators belong in target rows only.',
	'import.issue.value-formula-not-allowed': '"{text}" is a formula; target rows take numbers only.',
	'import.issue.value-not-yes-no':
		'"{text}" must be 是 (yes) or 否 (no): certified as a 优质均衡县 that year.',
	'import.issue.value-qualifier-too-long': 'The bracketed note in "{text}" is over 40 characters.',
	'import.issue.region-name-mismatch':
		'Region name "{name}" does not match code {code} ({expected}); imported by the code.',
	'import.issue.indicator-name-mismatch':
		'Indicator name "{name}" does not match "{expected}"; imported by the code.',
	'import.issue.unit-mismatch':
		'Unit "{unit}" differs from the workbook’s "{expected}"; imported as "{expected}".',
	'import.issue.implausible': '"{text}" is outside the plausible range for "{unit}"; please check.',
	'import.issue.fraction-percent':
		'"{text}" looks like a fraction where other years hold percentages (e.g. {neighbour}): did you mean {meant}?',
	'import.issue.note-conflict': 'The note differs from row {otherRow}; the note of row {otherRow} was kept.',
	'import.apply': 'Apply import ({added} new, {changed} changed)',
	'import.discard': 'Cancel import',
	'import.nothing': 'The files hold what the workbook already has; there is nothing to import.',
	'import.nothingReadable': 'None of the files can be imported.',
	'import.applying': 'Writing…',
	'import.applied': 'Imported: {added} new, {changed} changed ({regions}).',
	'import.appliedIndicators': '{n} own indicators were created or updated.',
	'import.open': 'Open {name}',
	'import.undo': 'Undo this import',
	'import.undone': 'The import was undone; the workbook is as it was before.',
	'import.another': 'Import other files',
	'import.conflict':
		'The workbook was changed in another tab after the preview, so nothing was written. Choose the files again to preview and import.',
	'import.undoConflict':
		'Figures from the import were edited since; undoing would lose those edits, so nothing was undone.',
	'import.failed': 'The import was not written: {detail}',
	'import.empty': '(empty)',
	// issue 5: sources and completeness
	'exchange.formatMetadata':
		'Exported files have one more row above the header, "报送信息": the export time, the office and who filled it in (format 1.1). A hand-made file may leave it out; its date is then taken from the -YYYYMMDD at the end of its name.',
	'export.sender': 'Sender',
	'export.senderUnit': 'Office',
	'export.senderName': 'Filled in by',
	'export.senderHint':
		'Written on the first line of the file with the export time, so the city bureau sees who sent it. Kept in this browser only.',
	'export.senderSaveFailed': 'The sender was not saved: {detail}',
	'import.col.sentBy': 'Sent by, date',
	'import.sentByDate': '{sender}, {date}',
	'import.byFile': 'Changes by file and county',
	'import.byFileIntro': 'A figure given alike by several files counts for the first of them.',
	'import.recordOnly': 'Record where these files came from anyway (date, sender)',
	'import.recordedOnly': 'Recorded where {n} file(s) came from; no figure changed.',
	'sources.heading': 'Sources and completeness',
	'sources.intro':
		'The files imported for each county, who sent them and when, and how complete the plan\'s nine indicators are year by year. A county whose latest file is {days} or more days older than the newest county\'s, or that never sent one, is marked "⚠".',
	'sources.filesHeading': 'Files from each county',
	'sources.col.county': 'County',
	'sources.col.latest': 'Latest file',
	'sources.col.fileDate': 'File date',
	'sources.col.sender': 'Office · filled in by',
	'sources.col.imported': 'Imported',
	'sources.col.status': 'Up to date?',
	'sources.col.earlier': 'Earlier files',
	'sources.current': '✓ Latest',
	'sources.behind': '{days} days behind',
	'sources.behindOne': '1 day behind',
	'sources.stale': '⚠ Out of date · {days} days behind',
	'sources.noFile': '⚠ No file imported',
	'sources.localFigures': 'includes figures entered or edited in this browser',
	'sources.earlierCount': '{n} more',
	'sources.earlierNone': 'none',
	'sources.fileCounts': '{added} new, {changed} changed, {unchanged} unchanged, {rejected} refused',
	'sources.dateFrom.metadata': 'exported {time}',
	'sources.dateFrom.file-name': '{date} (from the file name)',
	'sources.dateFrom.last-modified': "{date} (from the file's modified time)",
	'sources.dateFrom.unknown': 'no date in the file',
	'sources.dateFrom.imported': '{date} (no date in the file; day imported)',
	'sources.noSender': 'not given',
	'sources.completenessHeading': "Completeness: the plan's nine indicators, {from}–{to}",
	'sources.col.total': 'Total',
	'sources.totalRow': 'All six counties',
	'sources.incomplete': 'incomplete',
	'sources.cell': '{filled}/{expected}',
	'sources.legend':
		'⚠ marks fewer than 9/9: some indicator has no figure that year. A formula, and yes or no for EDU03, count as filled.',
	'county.exchange': 'Import & export',
	close: 'Close',
	'time.justNow': 'just now',
	// issue 5: city view
	'nav.city': 'City overview',
	'city.tabTitle': 'City overview',
	'city.title': 'Zhangye Education Modernization 2035: counties against the headline targets',
	'city.help':
		"The six counties' figures side by side against the chosen target. Figures come from the files the counties sent and were imported, or were typed in this browser. Click a figure to open that cell in the county's sheet.",
	'city.settings': 'Comparison settings',
	'city.against': 'Target',
	'city.levelCity': 'City target',
	'city.levelProvince': 'Province target',
	'city.targetYear': 'Target year',
	'city.yearOption': '{year}',
	'city.dataYear': 'Figures of',
	'city.latest': "Each county's latest",
	'city.flip': 'Swap rows and columns',
	'city.collect': 'Import county files…',
	'city.print': 'Print',
	'city.exportView': 'Export this table (CSV)',
	'city.exportLong': "Export the six counties' data (long CSV)",
	'city.encoding': 'Encoding',
	'city.exported': 'Exported {name}',
	'city.exportFailed': 'Export failed: {detail}. The workbook was not changed; try again.',
	'city.subtitle': 'Against: {target} · Figures: {data}',
	'city.targetName': '{level} {year} target',
	'city.levelCityShort': 'City',
	'city.levelProvinceShort': 'Province',
	'city.dataLatest': "each county's latest (year in brackets)",
	'city.dataYear1': '{year}',
	'city.lastEdited': 'County figures last changed: {when}',
	'city.neverEdited': 'County figures: none imported or entered yet',
	'city.no': 'No.',
	'city.indicator': 'Indicator',
	'city.unit': 'Unit',
	'city.target': 'Target',
	'city.county': 'County',
	'city.cityReported': 'Zhangye\n(city figure)',
	'city.cityComputed': 'From the counties',
	'city.metHeading': 'Counties meeting it',
	'city.metOf': '{met}/{total} met',
	'city.certifiedOf': '{met}/{total} certified',
	'city.tallyItem': '{status} {count}',
	'city.cellLabel': '{county}, {indicator}, {year}: {value}, {status}. Open the sheet',
	'city.cellLabelNone': '{county}, {indicator}: {status}. Open the sheet',
	'city.errorTitle': "The formula for {year} fails, so there is no judgement. Fix it in the county's sheet.",
	'city.computed': 'From counties {value}',
	'city.shareBasis': '{certified}/{total} counties certified ({year})',
	'city.shareIncomplete': '{year}: {reported}/{total} counties reported; missing: {missing}',
	'city.shareNone': 'No county has reported its certification yet',
	'city.shareDiffers':
		"⚠ The city's figure {reported}% differs from {computed}% computed from the counties ({year}); please check.",
	'city.shareDiffersShort': '⚠ Differs from the share computed from the counties; see the table below',
	'city.otherQualifier': 'counted as "{standard}", not the standard of the target, so not compared',
	'city.shareOtherQualifier':
		'The city\'s figure counts "{qualifier}"; the counties certify high-quality balance, so the two are not compared.',
	'city.shareAgrees': "Agrees with the city's figure ({year})",
	'city.certHeading': 'Counties certified for high-quality balanced compulsory education (EDU03)',
	'city.certIntro':
		"Each county records yes or no per year in its sheet; the city's share = certified counties ÷ 6, computed once all six have reported.",
	'city.certYear': 'Year',
	'city.certCertified': 'Certified',
	'city.certReported': 'Reported',
	'city.certShare': 'City share\n(from counties)',
	'city.certReportedFigure': "City's figure",
	'city.certCheck': 'Check',
	'city.certMissing': 'Missing: {missing}',
	'city.certEmpty': 'No county has recorded its certification (yes/no) yet.',
	'city.legendFigure':
		'Each cell is the county\'s figure and its status; with "each county\'s latest" the year is in brackets, with a chosen year only that year\'s figure shows and a missing one shows "—". A figure after the target year is judged only as met or not (behind).',
	'city.legendComputed':
		"The Zhangye column is the city's own reported figure (typed in City figures or imported); for EDU03 the share computed from the counties' certifications is shown too, with a warning when they differ.",
	'city.source':
		'Source: targets from the Zhangye Education Modernization 2035 Action Outline (市委发〔2021〕35号); county figures as sent by the counties and imported into this workbook.',
	'city.pageNumber': 'Page {page} of {pages}',
	'city.figuresLink': 'City figures',
	// A workbook that always opens (formula limits, damaged records), failures in plain words.
	'error.formula-too-long':
		'{where}: the formula is over 2000 characters and cannot be computed. Shorten it or split it over several cells. The cell keeps its value.',
	'error.formula-too-deep':
		'{where}: the formula nests more than 64 levels (brackets or a run of signs) and cannot be computed. Simplify it. The cell keeps its value.',
	'error.formula-array-too-large':
		'{where}: the formula gives an array larger than the sheet (at most 100 rows × 32 columns). Write a formula that gives one figure. The cell keeps its value.',
	'import.issue.value-formula-too-long': 'The formula is over 2000 characters and cannot be computed.',
	'import.issue.value-formula-too-deep':
		'The formula nests more than 64 levels (brackets or a run of signs) and cannot be computed.',
	'import.issue.value-formula-array-too-large':
		'The formula gives an array larger than the sheet (at most 100 rows × 32 columns); a cell takes one figure.',
	'unreadable.formula-too-long':
		'#ERROR!: the stored formula is over 2000 characters and cannot be computed, so the cell opened as an error. Type it again or clear the cell; the stored formula is unchanged.',
	'unreadable.formula-too-deep':
		'#ERROR!: the stored formula nests more than 64 levels and cannot be computed, so the cell opened as an error. Type it again or clear the cell; the stored formula is unchanged.',
	'unreadable.formula-array-too-large':
		'#ERROR!: the stored formula gives an array larger than the sheet, so the cell opened as an error. Type it again or clear the cell; the stored formula is unchanged.',
	'problems.heading': 'Cells that need attention ({count})',
	'problems.help':
		'What these cells store cannot be computed or is damaged; they opened as error cells (#ERROR!) and the rest of the workbook is unaffected. Open a cell to type it again, or clear it.',
	'problems.where': '{region} · {indicator} · {year}',
	'problems.allYears': 'whole row',
	'problems.open': 'Open the cell',
	'problems.clear': 'Clear',
	'problems.clearFailed': 'Not cleared. ',
	'problems.formula-too-long': 'formula over 2000 characters',
	'problems.formula-too-deep': 'formula nested over 64 levels',
	'problems.formula-array-too-large': 'formula gives an array larger than the sheet',
	'problems.damaged-cell': 'the stored cell is damaged and cannot be read',
	'problems.damaged-record': 'the stored row is damaged and cannot be read',
	'failure.blocked':
		'Another open tab of the app holds the workbook. Close the other tabs, then reload this page.',
	'failure.newer-schema':
		'The workbook here was saved by a newer version of the app. Use the latest version.',
	'failure.quota':
		"The browser's storage is full. Free some browser or disk space and try again; what was saved before is unaffected.",
	'failure.unavailable':
		'This browser cannot use local storage (private mode, or disabled by policy). Open the app in a normal window.',
	'failure.closed': 'The workbook was updated in another tab. Reload this page to continue.',
	'failure.conflict': 'A later change conflicts with this one. Reload the page and try again.',
	'failure.unknown':
		'Something unexpected went wrong. Nothing was changed; please try again. If it keeps failing, press "Copy details" and send them to the help desk.',
	'failure.copy': 'Copy details',
	'failure.copied': 'Copied',
	'failure.lead.save': 'Saving failed; the change was not written. ',
	'failure.lead.sender': 'The sender details were not saved. ',
	'failure.lead.export': 'Export failed; the workbook is unchanged. ',
	'failure.lead.indicator': 'Not done; the indicator is unchanged. ',
	'failure.lead.import': 'The import did not finish; the workbook is unchanged. ',
	'update.available': 'A new version is available.',
	'update.reload': 'Reload',
	'compare.chartsFailedLead': 'The trend charts could not be drawn. ',
	'update.later': 'Later',
	'nav.safety': 'Data safety',
	'safety.title': 'Data safety',
	'safety.intro':
		'The workbook is stored only in this computer’s browser; there is no other copy. Choose a backup folder (ideally on a USB drive or a synced cloud folder): a backup is then written after each 2-minute pause in editing and when you leave the page.',
	'safety.storageHeading': 'Browser storage',
	'safety.persisted.yes':
		'The browser granted persistent storage: it will not clear the workbook when the disk runs low.',
	'safety.persisted.no':
		'The browser has not granted persistent storage: it may clear the workbook when the disk runs low. It is asked at the first edit; back up regularly either way.',
	'safety.persisted.unknown': 'Whether the browser granted persistent storage is unknown. Back up regularly.',
	'safety.usage': 'This site uses {usage} of about {quota} the browser allows.',
	'safety.figures':
		'The workbook holds {figures} figures, {indicators} own indicators and {imports} import records.',
	'safety.backupHeading': 'Backup',
	'safety.lastBackup.folder': 'Last backup: {time}, written to the folder “{folder}” ({file}).',
	'safety.lastBackup.download':
		'Last backup: {time}, downloaded as {file} (make sure the file was kept somewhere safe).',
	'safety.lastBackup.none': 'No backup has been made yet.',
	'safety.failure.permission':
		'{time}: the automatic backup was not written: the browser needs permission for the folder “{folder}” again. Click “Allow folder access again”.',
	'safety.failure.write':
		'{time}: the backup was not written to the folder “{folder}”. Check that the folder still exists and can be written to, then click “Back up now”.',
	'safety.failure.quota':
		'{time}: the backup was not written: the disk is full. Free some space, then click “Back up now”.',
	'safety.failure.gone':
		'{time}: the backup was not written: the folder “{folder}” is gone (moved or deleted?). Choose the backup folder again.',
	'safety.folder.none': 'No backup folder chosen: no automatic backups are made.',
	'safety.folder.set':
		'Backup folder: “{folder}”. Backed up after each 2-minute pause in editing and when leaving the page (a file each time, plus one per day).',
	'safety.folder.prompt':
		'The browser needs permission for the backup folder “{folder}” again; no automatic backup until then.',
	'safety.folder.unsupported':
		'This browser cannot back up to a folder automatically (Chrome or Edge can). Use “Download backup” regularly.',
	'safety.chooseFolder': 'Choose backup folder…',
	'safety.changeFolder': 'Change backup folder…',
	'safety.reconnect': 'Allow folder access again',
	'safety.backupNow': 'Back up now',
	'safety.download': 'Download backup',
	'safety.restoreFile': 'Restore from a backup file…',
	'safety.settingsHeading': 'How many to keep',
	'safety.keepSnapshots': 'Snapshots kept',
	'safety.keepFolderBackups': 'Backup files kept in the folder, of each kind',
	'safety.saveSettings': 'Save settings',
	'safety.settingsSaved': 'Saved.',
	'safety.snapshotsHeading': 'Snapshots',
	'safety.snapshotsIntro':
		'Before each import and restore the workbook keeps a snapshot of itself, to undo it with. Snapshots stay in this browser: they are no substitute for a backup.',
	'safety.snapshotsNone': 'No snapshots yet.',
	'safety.col.time': 'Time',
	'safety.col.reason': 'Taken before',
	'safety.col.size': 'Size',
	'safety.col.actions': 'Actions',
	'safety.reason.import': 'importing {label}',
	'safety.reason.restore': 'restoring {label}',
	'safety.snapshotLabel': 'snapshot of {time}',
	'safety.restoreSnapshot': 'Preview and restore',
	'safety.restoreSnapshotLabel': 'Preview and restore the snapshot of {time}',
	'safety.deleteSnapshot': 'Delete',
	'safety.deleteSnapshotLabel': 'Delete the snapshot of {time}',
	'safety.undoRestore': 'Undo this restore',
	'safety.restored':
		'The workbook was restored from “{label}”. The workbook before it was kept as a snapshot: this can be undone.',
	'safety.undone': 'Undone: the workbook is as it was before “{label}”.',
	'safety.reminder':
		'The workbook has not been backed up for more than 7 days. Click “Download backup” to keep a copy, or choose a backup folder on the Data safety page.',
	'safety.reminderLink': 'Data safety',
	'restore.heading': 'Restore preview: {label}',
	'restore.madeAt': 'Backup (snapshot) made: {time}',
	'restore.intro':
		'Restoring replaces the whole workbook: every region’s figures, formulas and targets, own indicators and their order, notes, the import history and the sender. The workbook before it is kept as a snapshot, so the restore can be undone.',
	'restore.regions': 'Changes by region (figures and notes)',
	'restore.col.region': 'Region',
	'restore.col.added': 'New',
	'restore.col.changed': 'Changed',
	'restore.col.removed': 'Removed',
	'restore.col.unchanged': 'Unchanged',
	'restore.others': 'Everything else (records)',
	'restore.col.table': 'Content',
	'restore.col.current': 'Now',
	'restore.col.incoming': 'After restoring',
	'restore.col.same': 'Same',
	'restore.table.indicators': 'Own indicators',
	'restore.table.history': 'Figure history (changes)',
	'restore.table.imports': 'Import history',
	'restore.table.meta': 'Settings (sender and so on)',
	'restore.identical': 'It is identical to the current workbook: restoring changes nothing.',
	'restore.apply': 'Restore',
	'restore.cancel': 'Cancel',
	'restore.problem.not-json':
		'This is not a complete backup file (not valid JSON: cut short, or not a backup). The workbook is unchanged. Choose a .json backup saved by this app.',
	'restore.problem.not-backup':
		'This file is not a backup of this workbook. The workbook is unchanged. Choose a file named “张掖教育2035-备份-…json”.',
	'restore.problem.newer-format':
		'This backup was made by a newer version of the app (backup format {version}), which this version cannot read. The workbook is unchanged. Update the app first.',
	'restore.problem.bad-envelope':
		'The backup file’s “{field}” is missing or wrong: the file may be damaged. The workbook is unchanged.',
	'restore.problem.hash-mismatch':
		'The backup’s content does not match its checksum (sha256): the file was changed after the backup or is damaged. The workbook is unchanged. Use another backup file.',
	'restore.problem.bad-row':
		'Record {row} of “{table}” in the backup has a wrong “{field}” ({reason}). The workbook is unchanged. Restore from another backup file.',
	'restore.problem.no-backup-in-folder':
		'The folder chosen holds no readable backup file. Choose the folder the backups were saved in, or use “Restore from a backup file”.',
	'restore.reason.schema': 'not in the expected form',
	'restore.reason.unknown-region': 'no such region code in the workbook',
	'restore.reason.unknown-indicator': 'no such indicator code for that region',
	'restore.reason.bad-kind': 'that region cannot have this kind (counties record actual figures)',
	'restore.reason.year-outside-workbook': 'a year outside 2020–2035',
	'restore.reason.baseline-formula':
		'the 2020 baseline of the city or province must be a figure, not a formula',
	'restore.reason.not-yes-no': 'a county records this indicator as yes/no',
	'restore.reason.not-a-number': 'this indicator takes figures only',
	'restore.reason.formula': 'the formula cannot be read',
	'restore.reason.formula-syntax':
		'the formula is malformed (for instance unbalanced brackets); typing it into the sheet is refused too',
	'restore.problem.bad-figure':
		'In the backup, the figure of {region} {indicator} for {year} is wrong ({reason}; data record {row}). The workbook is unchanged. Restore from another backup file.',
	'restore.problem.bad-series':
		'In the backup, the figures of {region} {indicator} are wrong ({reason}; data record {row}). The workbook is unchanged. Restore from another backup file.',
	'restore.table.series': 'Figures',
	'restore.table.historyRuns': 'Figure history (in bulk)',
	'restore.problem.parser-unavailable':
		'The formulas in the backup could not be checked: the app’s formula part did not load (perhaps offline). The workbook is unchanged. Reconnect, reload the page and try again.',
	'restore.problem.storage': 'The restore failed: {detail}. The workbook is unchanged.',
	'restore.problem.snapshot-gone':
		'That snapshot is gone (deleted in another tab, or beyond the number kept). The workbook is unchanged.',
	'safety.paused':
		'Automatic backups are paused: the browser needs permission for the backup folder “{folder}” again.',
	'restore.problem.changed-since':
		'Cannot undo directly: the workbook changed afterwards, and undoing would throw those changes away. Preview the snapshot against the current workbook first, then decide.',
	'eviction.cleared':
		'The workbook in this browser is empty now, but it held data (last backup: {time}{where}). The browser’s storage may have been cleared. Restore from the backup in one click.',
	'eviction.where': ', folder “{folder}”',
	'eviction.never': 'none recorded',
	'eviction.empty':
		'The workbook is still empty. If it was backed up on this computer before, restore it from the backup.',
	'eviction.fromFolder': 'Restore from the backup folder…',
	'eviction.fromFile': 'Restore from a backup file…',
	'import.undoAfterReload': 'Last import: {label} ({time}).',
	'import.undoAfterReloadButton': 'Undo this import',
	'import.undoneAfterReload': 'The import of {label} was undone: the workbook is as it was before it.',
	'import.undoPreview': 'Preview the snapshot from before the import',
	// commitments (issue 13 pt 3): the plan's commitments outside its indicator table, as optional rows
	'commitments.toggle': 'Plan commitments',
	'commitments.toggleTitle':
		'Add the commitments of the plan’s text after the nine indicators (education spending never falling, teachers’ pay at least civil servants’, counselling rooms). Remembered for this county.',
	'commitments.shown':
		'Commitment rows FIN01, FIN02, PAY01, PAY02, PSY01 added, judged by the plan’s own rules.',
	'commitments.hidden': 'Commitment rows turned off.',
	'commitments.cannotHide':
		'The commitment rows still hold {count} figures or notes (e.g. {code} {year}), so they stay on. Clear them first, then untick.',
	'commitments.rule.no-fall': 'Not below the year before',
	'commitments.rule.at-least': 'Not below civil servants',
	'commitments.rule.reach': 'Reach 100% (every school)',
	'commitments.ruleReference': 'Reference for {code}',
	'commitments.heading': 'Plan commitments (the plan’s text)',
	'commitments.intro':
		'Judged by the plan’s own rules for the latest year with a figure: spending not below the year before; teachers’ average pay not below local civil servants’ of the same year; counselling rooms in every school (100%).',
	'commitments.col.commitment': 'Commitment',
	'commitments.col.rule': 'Rule',
	'commitments.col.year': 'Year judged',
	'commitments.col.value': 'Figure',
	'commitments.col.against': 'Against',
	'commitments.col.gap': 'Difference',
	'commitments.col.status': 'Status',
	'commitments.col.lapses': 'Years short of the rule',
	'commitments.col.source': 'The plan’s words',
	'commitments.against.no-fall': '{year}: {value}',
	'commitments.against.at-least': 'Civil servants {year}: {value}',
	'commitments.against.reach': '{value}',
	'commitments.none': 'None',
	'commitments.statusErrorTitle': 'The formula of {year} fails; nothing to judge',
	'commitments.cityHeading': 'Plan commitments: each county’s latest year up to {year}',
	'commitments.cityIntro':
		'Only counties that took up the commitment rows are counted; the others show “Not taken up” and are left out of the count.',
	'commitments.notTakenUp': 'Not taken up',
	'commitments.metCount': '{met}/{total} met',
	'commitments.cityNone':
		'No county has taken up the commitment rows yet (tick “Plan commitments” on a county sheet’s toolbar).',
	'commitments.cityCount': 'Counties meeting it',
	// The plan's tasks (落实情况): the county's tasks page.
	'tasks.link': 'Tasks',
	'tasks.tabTitle': '{name} tasks report',
	'tasks.heading': '{name} · Progress on the plan’s tasks ({year})',
	'tasks.navLabel': 'County pages',
	'tasks.backToSheet': '{name} indicators',
	'tasks.help':
		'Fill it as in Excel: arrows, Tab and Enter move, typing fills a cell, Alt+Enter starts a new line, F2 edits, Esc cancels; a status can be typed by its first letters or 1–4; evidence one document per line. Saved as you type; Ctrl+Z undoes.',
	'tasks.toolbar': 'Tasks toolbar',
	'tasks.year': 'Year',
	'tasks.yearOption': '{year}',
	'tasks.filter': 'Filter by status',
	'tasks.filterAll': 'All',
	'tasks.noneMatch': 'No task has this status.',
	'tasks.gridLabel': '{name} tasks {year}',
	'tasks.detailLabel': 'Selected task',
	'tasks.selectHint':
		'Select a task in the table to see the plan’s text and the headline indicators it works towards.',
	'tasks.taskTitle': 'Task {number}: {title}',
	'tasks.indicatorsLead': 'Headline indicators (against the city’s {year} targets):',
	'tasks.noIndicators': 'The plan ties no headline indicator to this task.',
	'tasks.headingCounts':
		'done {done} · in progress {inProgress} · not started {notStarted} · not applicable {notApplicable} (of {total})',
	'tasks.status.not-started': 'Not started',
	'tasks.status.in-progress': 'In progress',
	'tasks.status.done': 'Done',
	'tasks.status.not-applicable': 'Not applicable',
	'tasks.col.number': 'No.',
	'tasks.col.title': 'Task',
	'tasks.col.status': 'Status',
	'tasks.col.leadUnit': 'Lead unit',
	'tasks.col.responsible': 'Person',
	'tasks.col.measures': 'This year’s measures',
	'tasks.col.progress': 'Progress',
	'tasks.col.evidence': 'Evidence',
	'tasks.col.note': 'Note',
	'tasks.col.indicators': 'Indicators',
	'tasks.col.updated': 'Updated',
	'tasks.readOnly':
		'This cell cannot be filled: the task, its indicators and the update time come from the workbook.',
	'tasks.badStatus':
		'Task {task} “{field}”: “{typed}” is not a status. Use Not started, In progress, Done or Not applicable (or 1–4). Nothing was changed.',
	'tasks.tooLong':
		'Task {task} “{field}” takes at most {limit} characters; this has {length}. Shorten it; nothing was changed.',
	'tasks.tooMany':
		'Task {task} “{field}” lists at most {limit} documents. Merge or shorten them; nothing was changed.',
	'tasks.itemTooLong':
		'Task {task} “{field}”, line {item}, is longer than {limit} characters. Give only the document’s name or number; nothing was changed.',
	'tasks.undoConflict':
		'Not undone: task {task} “{field}” has since been changed to “{stored}” (in another tab or by an import). It was not overwritten.',
	'tasks.redoConflict':
		'Not redone: task {task} “{field}” has since been changed to “{stored}” (in another tab or by an import). It was not overwritten.',
	'tasks.empty': 'empty',
	'tasks.readFailed': 'The tasks could not be read.',
	'restore.table.tasks': 'Task reports',
	// issue 12 pt 2 (damage): rows that do not fit the header, broken quotes, misread encodings
	'import.issue.unclosed-quote':
		'The quote at "{text}" is never closed (a " that opens a cell without a closing "). Read as it stands it would swallow the rows after it into this cell. This row was left out and the rows after it were read; add or remove the quote and import again.',
	'import.issue.unreadable-text':
		'This row has bytes that cannot be read as {encoding} (shown as � in "{text}"): text in another encoding (such as GBK) may be mixed in. This row was left out; save the whole file as "CSV UTF-8" and import again.',
	'import.issue.row-split-figure':
		'This row has {extra} cell(s) more than the header: "{text}" is probably one number whose comma (a decimal comma or a thousands separator) is not in quotes, which moved the figures after it into later years. This row was left out; write it as 99.5 (or put the cell in quotes) and import again.',
	'import.issue.row-too-long':
		'This row has {cells} cells but the header only {width} columns: a comma in a cell (a note, say) is probably not in quotes, so everything after it is out of place. This row was left out; put quotes around the cell with the comma and import again.',
	'import.issue.row-too-short':
		'This row has only {cells} cells but the header {width} columns: a cell may have been deleted, or a line break in a cell is not in quotes, which moves what follows. This row was left out; complete it and import again.',
	'import.issue.row-cut-short':
		'The last row of the file has only {cells} cells (the header {width} columns): the file may have been cut off while saving or sending. This row was left out; export again or complete it, then import.',
	'import.issue.plan-code-unknown':
		'Code {code} is not a plan indicator code (the plan has {codes}), and cannot be an own indicator either (it would be mistaken for a plan indicator). Correct the code and import again.',
	'import.issue.value-figure-rounds':
		'"{text}" has more digits than the workbook can keep: it would be stored as another number. This row was left out; write it to the precision it has (e.g. 99.53).',
	'error.figure-rounds':
		'{where}: "{input}" has more digits than can be kept: it would be stored as another number. Type it to the precision it has (e.g. 99.53). The cell keeps its value.',
	'import.issue.note-holds-rows':
		'The note holds {lines} line(s) that look like data rows (starting with a region code): a quote may not be closed, merging the rows after it into the note. Those rows were not imported as data; please check.',
	'import.issue.thousands-separator':
		'"{text}" is imported as {value} (thousands separators dropped); please check.',
	'import.problem.encoding-fallback':
		'No header was found in the detected encoding {detected}, so the file was read as {used}. Check that region names, indicator names and notes read correctly.',
	'import.problem.encoding-doubt':
		'Read as {used}, the text shows signs of garbling (kana, bopomofo or unreadable characters). Check region names, indicator names and notes; if garbled, choose another encoding, or save the file as "CSV UTF-8" and import again.',
	'import.problem.encoding-doubt-guess':
		'The file looks like {guess} but was read as {used}: region names, indicator names and notes may be garbled. Check them; if garbled, choose {guess} as the encoding, or save the file as "CSV UTF-8" and import again.',
	'import.problem.no-header-encoding':
		'No header was found reading the file as {used}, nor in any other encoding: the file looks like {guess}. Open it in Excel or WPS, save it as "CSV UTF-8" and import again.',
	'import.problem.too-many-broken-quotes':
		'The file has more than {max} unclosed quotes; it does not look like a CSV file of this format, and none of it was imported. Open it in Excel or WPS, save it as CSV and import again.',
	'import.problem.ignored-columns-more': 'Columns not in the format were ignored: {columns} and {more} more.',
	'import.problem.ignored-years-more':
		'Year columns {years} and {more} more lie outside the workbook’s 2020–2035 and were not imported.',
	'import.encoding.big5': 'Big5 (traditional)',
	'import.encoding.shift_jis': 'Shift-JIS (Japanese)',
	'import.encoding.windows-1252': 'Latin-1 (Western)',
	// door (issue 12 pts 1, 3): one cell check, named limits, formulas checked on the page
	'error.baseline-formula':
		"{where}: 2020 is the city's and province's baseline (the city's is also shown on the City & province targets page); it takes a number, not a formula. The cell keeps its value.",
	'error.note-too-long':
		'{where}: the note is longer than {max} characters. Shorten it. The cell keeps its value.',
	'error.figure-note-too-long': '{where}: the comment is longer than {max} characters. Shorten it.',
	'error.name-too-long':
		'{where}: the indicator name is longer than {max} characters. Shorten it. The cell keeps its value.',
	'error.own-indicator-limit':
		'This county already has {max} own indicators; no more can be added. Delete own indicators no longer used first.',
	'error.unit-too-long':
		'{where}: the unit is longer than {max} characters. Shorten it. The cell keeps its value.',
	'import.issue.note-too-long':
		'The note has {length} characters, more than {max}; this row is not imported. Shorten it and import again.',
	'import.issue.own-indicator-name-too-long':
		'The name of own indicator "{code}" is longer than {max} characters; this row is not imported. Shorten it.',
	'import.issue.own-indicator-unit-too-long':
		'The unit of own indicator "{code}" is longer than {max} characters; this row is not imported. Shorten it.',
	'import.issue.own-indicator-limit':
		'This county already has {max} own indicators, so "{code}" cannot be added; this row is not imported. Delete own indicators no longer used, or put the figures under existing ones.',
	'import.issue.cell-too-large':
		'This cell holds {length} characters, more than a cell can ({max}); this row is not imported. Usually a quote in a note is not closed: check the row.',
	'import.issue.value-bad-formula':
		'The formula "{text}" has a syntax error (check brackets and quotes); this row is not imported.',
	'import.problem.too-many-rows':
		'The file has {count} rows, more than the limit of {max}; it was not read. Split it by county or by year and import the parts.',
	'import.problem.too-many-figures':
		'The file holds {count} figures, more than the limit of {max} per file; nothing of it is imported. Split it by county or by year and import the parts.',
	// leftovers (issues 10, 11: what the last stop left open)
	'leftovers.unitsCleared.title': 'Own indicators whose unit must be typed again',
	'leftovers.unitsCleared.lead':
		'An older version stored the code of these own indicators as their unit (the unit read “C01”). Those units have been cleared; no figure was changed. Open the county’s sheet and type the unit again in the Unit column:',
	'leftovers.unitsCleared.item': '{region} {code} {name}',
	'leftovers.unitsCleared.dismiss': 'Got it',
	'leftovers.damaged.title': 'Records that cannot be read',
	'leftovers.damaged.lead':
		'{count} stored records are damaged and cannot be read. They were skipped and the workbook opened as usual (nothing was deleted or changed). To get them back, restore from a backup on the 数据安全 (data safety) page, or tell the help desk what is listed here:',
	'leftovers.damaged.table.indicators': 'Own indicator',
	'leftovers.damaged.table.meta': 'Setting',
	'leftovers.damaged.table.imports': 'Import record',
	'leftovers.damaged.table.history': 'Change record',
	'leftovers.damaged.table.undoStacks': 'Undo steps',
	// county page (issue 12 pt 5): the formula engine loads after the page's own code
	'countyEngine.loading': 'Opening the sheet…',
	'countyEngine.statusPending': 'computing…',
	'countyEngine.loadFailed':
		'The formula engine could not be loaded, so the sheet cannot open. Your data is unaffected. Check the network and reload the page.',
	// county page drawn before the formula engine (helper "draw")
	'countyEngine.fillWaits':
		'The formula engine is still loading and the formula just typed is not computed yet: fill again in a moment.',
	'countyEngine.lateFailed':
		'The formula engine could not be loaded: figures are saved as usual, but formulas and adding or deleting indicators wait for it. Check the network and reload the page (formulas not yet computed must be typed again).',
	// xlsx import (issue 14): a workbook read through the same door as a CSV
	'exchange.formatXlsx':
		'An Excel workbook (.xlsx) is the same format as a CSV: the same header and cells, checked alike on import. The first sheet with the header is read (another, or all, can be picked in the preview); figures are read as the numbers the file stores, not as their format shows them; dates, TRUE/FALSE, formulas in error and figures merged over several rows are not imported as figures, each named with its reason.',
	'import.problem.xlsx-damaged':
		'This Excel workbook (.xlsx) is damaged or incomplete and cannot be read. Open it in Excel or WPS, save it again and import that.',
	'import.problem.xlsx-too-large':
		'This Excel workbook unpacks to too much data to read. Keep only the sheets to import, save it and import that.',
	'import.problem.xlsx-task-file':
		'This is an Excel workbook of task reports (落实情况). Task files import as CSV only for now: in Excel choose Save As → "CSV UTF-8 (Comma delimited)" and import that file.',
	'import.problem.xlsx-no-header':
		"No sheet of the workbook has the format's header (sheets: {sheets}). The header needs 地区代码, 指标代码, 类型 and year columns.",
	'import.issue.xlsx-date':
		'"{text}" is a date in Excel, not a number; row not imported. Set the cell\'s format to General or Number and type the figure again.',
	'import.issue.xlsx-boolean':
		'"{text}" is a TRUE/FALSE value in Excel, not a number; row not imported. For EDU03 write 是 or 否.',
	'import.issue.xlsx-error':
		"This cell's formula gives an error ({text}) and no figure; row not imported. Correct the formula or type the figure in Excel, then import again.",
	'import.issue.xlsx-merged':
		"This cell is merged with the one above it, so its figure belongs to the merge's first row only; row not imported. Unmerge the cells in Excel and give each row its figure.",
	'import.issue.xlsx-formula-novalue':
		'The formula "{text}" has no result (the file was saved without calculating); row not imported. Open and save the file once in Excel or WPS, then import it.',
	'import.issue.xlsx-formula-value':
		"This cell holds another workbook's formula: imported as its result, {text} (not the formula itself).",
	'import.sheetOf': 'Sheet read from {name}',
	'import.allSheets': 'All sheets ({n})',
	'import.sheetOnly': 'Sheet "{name}"'
};
