// A status cell of the grid keeps to one line in its 80 px column at 1366×768 and 1920×1080,
// so rows are no taller than their name needs: 数据不足 is shown as 缺数据 on the grid, its
// full word and meaning on hover, and the province's status stays on screen at 1366.
import { expect, test, type Locator } from '@playwright/test';
import { SheetPage } from './pages/sheet-page';

/** How many lines a cell's text is drawn on. */
async function lineCount(cell: Locator): Promise<number> {
	return cell.evaluate((td) => {
		const range = document.createRange();
		range.selectNodeContents(td);
		const tops = new Set([...range.getClientRects()].map((r) => Math.round(r.top)));
		return tops.size;
	});
}

for (const [width, height] of [
	[1366, 768],
	[1920, 1080]
] as const) {
	test(`at ${width}×${height} a status without data is one line, the full word on hover`, async ({
		page
	}) => {
		await page.setViewportSize({ width, height });
		const sheet = new SheetPage(page);
		await sheet.openCounty();
		// EDU01 has no figures: no data to judge, against the city and the province.
		for (const letter of ['Y', 'Z']) {
			const cell = await sheet.cell('EDU01', letter);
			await expect(cell).toHaveText('— 缺数据');
			await expect(cell).toHaveAttribute('title', '数据不足：缺少2020年基期数据，或基期以后尚无数据。');
			expect(await lineCount(cell)).toBe(1);
			await expect(cell).toBeInViewport();
		}
		// The key above the grid shows the word as the cells do, the full word on hover.
		const key = page
			.getByRole('list', { name: '状态：' })
			.getByRole('listitem')
			.filter({ hasText: '— 缺数据' });
		await expect(key).toHaveAttribute('title', /^数据不足/);
		// A status that fits keeps its word and has no title of its own.
		await sheet.type('EDU01', 'D', '99.6');
		await sheet.expectCell('EDU01', 'Y', '✓ 已达标');
		expect(await lineCount(await sheet.cell('EDU01', 'Y'))).toBe(1);
		// The comparison sheet (and its printout) keeps the full word.
		await page.getByRole('link', { name: '对照表' }).click();
		await expect(page.getByText('— 数据不足').first()).toBeVisible();
	});
}
