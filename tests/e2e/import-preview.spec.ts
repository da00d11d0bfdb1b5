// The import preview of a big file: counts in full, long lists a page at a time.
import { expect, test } from '@playwright/test';
import { csvFile, ImportPage } from './pages/import-page';

test('450 refused rows are counted in full and listed 200 at a time, with 显示更多', async ({ page }) => {
	const lines = ['地区代码,指标代码,类型,年份,数值'];
	for (let n = 0; n < 450; n++) lines.push(`620721,EDU01,实际,${2020 + (n % 16)},不详${n}`);
	lines.push('620721,EDU02,实际,2024,99.1');
	const imports = new ImportPage(page);
	await imports.importFiles([csvFile('many.csv', lines.join('\r\n'))]);
	await imports.waitForPreview();
	await expect(imports.refusedHeading).toHaveText('不导入的行（450 行）');
	expect(await imports.count('肃南裕固族自治县', '拒绝的行')).toBe(450);
	expect(await imports.count('肃南裕固族自治县', '新增')).toBe(1);

	const refused = await imports.refusedRows();
	expect(refused).toHaveLength(200);
	expect(refused[0]).toEqual(['2', '数值', '“不详0”不是数字。可写 99.5、99.5%，或以 = 开头的公式。']);
	await expect(page.getByText('已列出 200 项，共 450 项。')).toBeVisible();
	await page.getByRole('button', { name: '显示更多（200 项）' }).click();
	await expect(page.getByText('已列出 400 项，共 450 项。')).toBeVisible();
	await page.getByRole('button', { name: '显示更多（50 项）' }).click();
	expect(await imports.refusedRows()).toHaveLength(450);
	expect((await imports.refusedRows()).at(-1)?.[0]).toBe('451');
	await expect(page.getByRole('button', { name: /显示更多/ })).toHaveCount(0);

	await imports.apply();
	await expect(imports.appliedStatus).toContainText('新增 1 项');
});
