// Entry as in Excel and WPS (the shared excel-habits.md beside this repository), on each of the three grids:
// rules, not timings. The county sheet's EDU03 is yes/no, so figures go into other rows.
import { expect, test } from '@playwright/test';
import { EntryPage } from './pages/entry-page';

test.describe('a county sheet', () => {
	let sheet: EntryPage;
	test.beforeEach(async ({ page }) => {
		sheet = new EntryPage(page);
		await sheet.openCounty();
		await sheet.type('EDU01', 'D', '96.4');
		await sheet.expectCell('EDU01', 'D', '96.4');
	});

	test('typing on a selected cell replaces its figure, also after Enter moved there', async () => {
		await sheet.selectCell('EDU01', 'D');
		await sheet.typeKeys('45');
		await sheet.press('Enter');
		await sheet.expectCell('EDU01', 'D', '45');
		await sheet.expectSelected('D2');

		// Enter on a selected cell moves down and leaves it alone; typing there replaces.
		await sheet.type('EDU02', 'D', '88.8');
		await sheet.selectCell('EDU01', 'D');
		await sheet.press('Enter');
		await sheet.expectSelected('D2');
		await sheet.typeKeys('91');
		await sheet.press('Enter');
		await sheet.expectCell('EDU01', 'D', '45');
		await sheet.expectCell('EDU02', 'D', '91');
		await sheet.expectSelected('D3');
	});

	test('Shift+Enter moves up without editing', async () => {
		await sheet.selectCell('EDU02', 'D');
		await sheet.press('Shift+Enter');
		await sheet.expectSelected('D1');
		await sheet.expectCell('EDU01', 'D', '96.4');
	});

	test('F2 and a double click edit in place, the caret after the figure', async () => {
		await sheet.selectCell('EDU01', 'D');
		await sheet.press('F2');
		await sheet.expectEditing('96.4');
		await sheet.typeKeys('5');
		await sheet.press('Enter');
		await sheet.expectCell('EDU01', 'D', '96.45');

		await (await sheet.cell('EDU01', 'D')).dblclick();
		await sheet.expectEditing('96.45');
		await sheet.typeKeys('1');
		await sheet.press('Enter');
		await sheet.expectCell('EDU01', 'D', '96.451');
	});

	test('the formula bar edits the selected cell in place', async () => {
		await sheet.selectCell('EDU01', 'D');
		await sheet.formulaBar.click();
		await sheet.press('End');
		await sheet.page.keyboard.type('7');
		await sheet.press('Enter');
		await sheet.expectCell('EDU01', 'D', '96.47');
	});

	test('Tab and Shift+Tab commit and move; Enter after Tabs returns to where they began', async () => {
		await sheet.selectCell('EDU04', 'E');
		await sheet.typeKeys('81');
		await sheet.press('Tab');
		await sheet.expectSelected('F4');
		await sheet.typeKeys('82');
		await sheet.press('Tab');
		await sheet.typeKeys('83');
		await sheet.press('Shift+Tab');
		await sheet.expectSelected('F4');
		await sheet.press('Tab');
		await sheet.press('Tab');
		await sheet.expectSelected('H4');
		await sheet.press('Enter');
		await sheet.expectSelected('E5');
		await sheet.typeKeys('84');
		await sheet.press('Enter');
		await sheet.expectCell('EDU04', 'E', '81');
		await sheet.expectCell('EDU04', 'F', '82');
		await sheet.expectCell('EDU04', 'G', '83');
		await sheet.expectCell('EDU05', 'E', '84');
		// A click ends the run: Enter then goes straight down.
		await sheet.selectCell('EDU06', 'E');
		await sheet.press('Tab');
		await sheet.selectCell('EDU06', 'H');
		await sheet.press('Enter');
		await sheet.expectSelected('H7');
	});

	test('Esc cancels an edit and the figure stays', async () => {
		await sheet.selectCell('EDU01', 'D');
		await sheet.typeKeys('7');
		await sheet.expectEditing('7');
		await sheet.press('Escape');
		await sheet.expectCell('EDU01', 'D', '96.4');
		await sheet.press('F2');
		await sheet.typeKeys('9');
		await sheet.press('Escape');
		await sheet.expectCell('EDU01', 'D', '96.4');
	});

	test('Delete clears the selected cells in one undo step; Backspace clears one and edits', async () => {
		await sheet.type('EDU02', 'D', '88.8');
		await sheet.selectCell('EDU01', 'D');
		await sheet.extend(1);
		await sheet.press('Delete');
		await sheet.expectCell('EDU01', 'D', '');
		await sheet.expectCell('EDU02', 'D', '');
		await sheet.press('Control+z');
		await sheet.expectCell('EDU01', 'D', '96.4');
		await sheet.expectCell('EDU02', 'D', '88.8');

		await sheet.selectCell('EDU01', 'D');
		await sheet.press('Backspace');
		await sheet.expectEditing('');
		await sheet.press('Escape');
		await sheet.expectCell('EDU01', 'D', '96.4');
		await sheet.press('Backspace');
		await sheet.typeKeys('3');
		await sheet.press('Enter');
		await sheet.expectCell('EDU01', 'D', '3');
		await sheet.expectCell('EDU02', 'D', '88.8');
	});

	test('Ctrl+Enter writes what was typed into every selected cell, in one undo step', async () => {
		await sheet.selectCell('EDU04', 'D');
		await sheet.extend(2, 1);
		await sheet.typeKeys('50');
		await sheet.press('Control+Enter');
		for (const row of ['EDU04', 'EDU05', 'EDU06'])
			for (const col of ['D', 'E']) await sheet.expectCell(row, col, '50');
		await sheet.press('Control+z');
		for (const row of ['EDU04', 'EDU05', 'EDU06'])
			for (const col of ['D', 'E']) await sheet.expectCell(row, col, '');
		// In one cell Ctrl+Enter commits and stays there.
		await sheet.selectCell('EDU04', 'D');
		await sheet.typeKeys('51');
		await sheet.press('Control+Enter');
		await sheet.expectCell('EDU04', 'D', '51');
		await sheet.expectSelected('D4');
	});

	test('Ctrl+D and Ctrl+R fill from the first row and column, not the bookmark dialog', async () => {
		await sheet.type('EDU04', 'D', '61.2');
		await sheet.type('EDU04', 'E', '=D4+1');
		await sheet.selectCell('EDU04', 'D');
		await sheet.extend(2, 1);
		expect(await sheet.pressClaimed('Control+d')).toBe(true);
		await sheet.expectCell('EDU06', 'D', '61.2');
		await sheet.expectCell('EDU05', 'D', '61.2');
		// The formula's reference moves with it, as in Excel.
		await sheet.selectCell('EDU06', 'E');
		await expect(sheet.formulaBar).toHaveValue('=D6+1');
		await sheet.press('Control+z');
		await sheet.expectCell('EDU05', 'D', '');
		await sheet.expectCell('EDU06', 'D', '');

		await sheet.selectCell('EDU04', 'D');
		await sheet.extend(0, 3);
		expect(await sheet.pressClaimed('Control+r')).toBe(true);
		await sheet.expectCell('EDU04', 'G', '61.2');
		await sheet.expectCell('EDU04', 'E', '61.2');
	});

	test('Ctrl+Home goes to the first figure', async () => {
		await sheet.selectCell('EDU06', 'H');
		await sheet.press('Control+Home');
		await sheet.expectSelected('D1');
	});

	test('an input method composes in the selected cell and its commit lands there', async () => {
		await sheet.selectCell('EDU01', 'D');
		await sheet.compose('９８');
		await sheet.expectEditing('９８');
		await sheet.commitComposition('９８．５');
		await sheet.press('Enter');
		await sheet.expectCell('EDU01', 'D', '98.5');
		await sheet.expectSelected('D2');
	});

	test('text inserted without a key or a composition lands in the selected cell', async () => {
		await sheet.selectCell('EDU01', 'D');
		await sheet.insertText('77.5');
		await sheet.expectEditing('77.5');
		await sheet.press('Enter');
		await sheet.expectCell('EDU01', 'D', '77.5');
		// Right after Enter, too.
		await sheet.insertText('66');
		await sheet.press('Enter');
		await sheet.expectCell('EDU02', 'D', '66');
		await sheet.expectSaved();
		await sheet.page.reload();
		await sheet.expectCell('EDU01', 'D', '77.5');
		await sheet.expectCell('EDU02', 'D', '66');
	});
});

test('the targets sheet: typing replaces and Enter moves without editing', async ({ page }) => {
	const sheet = new EntryPage(page);
	await sheet.openTargets();
	await sheet.expectCell('EDU05', 'F', '48');
	await sheet.selectCell('EDU05', 'F');
	await sheet.press('Enter');
	await sheet.expectSelected('F6');
	await sheet.expectCell('EDU05', 'F', '48');
	await sheet.selectCell('EDU05', 'F');
	await sheet.typeKeys('50');
	await sheet.press('Enter');
	await sheet.expectCell('EDU05', 'F', '50');
	await sheet.expectSelected('F6');
});

test('the city figures sheet: typing replaces and Enter moves without editing', async ({ page }) => {
	const sheet = new EntryPage(page);
	await sheet.openCityFigures();
	await sheet.type('EDU04', 'E', '95.2');
	await sheet.selectCell('EDU04', 'E');
	await sheet.press('Enter');
	await sheet.expectSelected('E5');
	await sheet.expectCell('EDU04', 'E', '95.2');
	await sheet.selectCell('EDU04', 'E');
	await sheet.typeKeys('96');
	await sheet.press('Enter');
	await sheet.expectCell('EDU04', 'E', '96');
	await sheet.expectSelected('E5');
});
