// The formula bar and the cell show one draft, as in Excel: typing in the cell shows in the
// bar live, typing in the bar shows in the cell; Esc drops the draft in both.
import { expect, test } from '@playwright/test';
import { EntryPage } from './pages/entry-page';

test('what is typed in a cell shows in the formula bar as it is typed, and the other way round', async ({
	page
}) => {
	const sheet = new EntryPage(page);
	await sheet.openCounty();
	await sheet.type('EDU01', 'D', '96.4');
	await sheet.expectCell('EDU01', 'D', '96.4');

	await sheet.selectCell('EDU01', 'E');
	await sheet.typeKeys('=D1+');
	await expect(sheet.formulaBar).toHaveValue('=D1+');
	await sheet.typeKeys('1');
	await expect(sheet.formulaBar).toHaveValue('=D1+1');
	// Esc cancels: the cell and the bar are empty again.
	await sheet.press('Escape');
	await expect(sheet.formulaBar).toHaveValue('');
	await sheet.expectCell('EDU01', 'E', '');

	// F2 on a figure: the bar follows the caret's edits too.
	await sheet.selectCell('EDU01', 'D');
	await sheet.press('F2');
	await sheet.typeKeys('5');
	await expect(sheet.formulaBar).toHaveValue('96.45');
	await sheet.press('Enter');
	await sheet.expectCell('EDU01', 'D', '96.45');

	// Typing in the bar shows in the cell before Enter; Enter stores it.
	await sheet.selectCell('EDU01', 'D');
	await sheet.formulaBar.click();
	await sheet.formulaBar.fill('97.2');
	await sheet.expectCell('EDU01', 'D', '97.2');
	await sheet.formulaBar.press('Escape');
	await sheet.expectCell('EDU01', 'D', '96.45');
	await sheet.formulaBar.fill('97.3');
	await sheet.expectCell('EDU01', 'D', '97.3');
	await sheet.formulaBar.press('Enter');
	await sheet.expectCell('EDU01', 'D', '97.3');
	await sheet.expectSaved();
	await page.reload();
	await sheet.expectCell('EDU01', 'D', '97.3');
});
