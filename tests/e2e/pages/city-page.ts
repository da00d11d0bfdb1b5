// Page object for the city's view (/city): the six counties side by side, found as a
// planner reads them, by the indicator's name and the county's name.
import { expect, type Locator, type Page } from '@playwright/test';

export class CityPage {
	readonly title: Locator;
	readonly table: Locator;
	readonly certification: Locator;

	constructor(readonly page: Page) {
		this.title = page.getByRole('heading', { level: 1 });
		this.table = page.getByRole('table').first();
		this.certification = page.getByRole('region', { name: /优质均衡县认定情况|certified for high-quality/ });
	}

	async open(query = ''): Promise<void> {
		await this.page.goto(`/city${query}`);
		await expect(this.title).toBeVisible();
		await expect(this.row('学前教育毛入园率')).toBeVisible();
	}

	/** An indicator's row (or, flipped, a county's row), by the start of its row header. */
	row(name: string): Locator {
		return this.table
			.getByRole('row')
			.filter({ has: this.page.getByRole('rowheader', { name: new RegExp(`^${name}`) }) });
	}

	/** A county's figure of an indicator: a link whose label names both. */
	figure(county: string, indicator: string): Locator {
		return this.table.getByRole('link', { name: new RegExp(`^${county}，${indicator}`) });
	}

	/** 「n/6 达标」 of an indicator: the last cell of its row. */
	met(indicator: string): Locator {
		return this.row(indicator).getByRole('cell').last();
	}

	async choose(options: { against?: '市目标' | '省目标'; targetYear?: 2025 | 2035; year?: string }) {
		if (options.against) await this.page.getByRole('radio', { name: options.against }).check();
		if (options.targetYear) await this.page.getByRole('radio', { name: `${options.targetYear}年` }).check();
		if (options.year) await this.page.getByLabel('数据年份').selectOption({ label: options.year });
	}
}
