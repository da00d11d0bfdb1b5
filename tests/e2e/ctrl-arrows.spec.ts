// Ctrl+arrow, Ctrl+Shift+arrow and Ctrl+End as in Excel (the shared excel-habits.md): to the
// edge of the data region, extending the selection, and to the last used cell.
import { expect, test } from '@playwright/test';
import { EntryPage } from './pages/entry-page';

// County sheet: D = 2020 … S = 2035 (2028–2034 folded away), T = the note, U–AF the comparison
// (2025's U–Z, 2035's AA–AF), formulas in every row. The nine plan indicators are rows 1–9.
test('Ctrl+arrow jumps to the edge of the data, Ctrl+Shift+arrow extends, Ctrl+End goes to the last used cell', async ({
	page
}) => {
	const sheet = new EntryPage(page);
	await sheet.openCounty();
	await page.getByRole('radio', { name: '两者' }).check();
	await sheet.type('EDU01', 'E', '90');
	await sheet.type('EDU01', 'F', '91');
	await sheet.type('EDU01', 'G', '92');
	await sheet.expectCell('EDU01', 'G', '92');

	await sheet.selectCell('EDU01', 'E');
	// Inside a run: to its last figure; from there, over the empty years, to the next filled
	// cell (the first comparison formula); from the sheet's last column nowhere further.
	await sheet.press('Control+ArrowRight');
	await sheet.expectSelected('G1');
	await sheet.press('Control+ArrowRight');
	await sheet.expectSelected('U1');
	await sheet.press('Control+ArrowLeft');
	await sheet.expectSelected('G1');
	await sheet.press('Control+ArrowLeft');
	await sheet.expectSelected('E1');
	// Down an empty column: to the last row.
	await sheet.press('Control+ArrowDown');
	await sheet.expectSelected('E9');
	await sheet.press('Control+ArrowUp');
	await sheet.expectSelected('E1');

	// Ctrl+Shift+Right selects E1:G1; Delete clears exactly those, undo brings them back.
	await sheet.press('Control+Shift+ArrowRight');
	await sheet.expectSelected('E1');
	await sheet.press('Delete');
	await sheet.expectCell('EDU01', 'E', '');
	await sheet.expectCell('EDU01', 'G', '');
	await expect(await sheet.cell('EDU01', 'U')).not.toHaveText('');
	await sheet.press('Control+z');
	await sheet.expectCell('EDU01', 'E', '90');
	await sheet.expectCell('EDU01', 'G', '92');

	// The last used cell: the last row with anything crossed with the last column with anything.
	await sheet.selectCell('EDU01', 'E');
	await sheet.press('Control+End');
	await sheet.expectSelected('AF9');
	// With 2035's comparison folded away, its columns are passed over.
	await page.getByRole('radio', { name: '2025年目标' }).check();
	await sheet.selectCell('EDU01', 'E');
	await sheet.press('Control+End');
	await sheet.expectSelected('Z9');
});
