import { expect, test } from '@playwright/test';

test('app shell loads', async ({ page }) => {
	await page.goto('/');
	await expect(page).toHaveTitle(/张掖/);
});

test('an unknown address says so in Chinese and leads back to the counties', async ({ page }) => {
	await page.goto('/no-such-page');
	await expect(page.getByRole('heading', { name: '找不到这一页' })).toBeVisible();
	await page.getByRole('link', { name: '返回县区列表' }).click();
	await expect(page.getByRole('heading', { name: '选择县区' })).toBeVisible();
});
