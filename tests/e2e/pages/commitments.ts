// The plan's commitment rows (FIN01…) as a planner meets them: the toggle on a county sheet's
// toolbar, their table on the comparison sheet, and the city view's table of them.
import { expect, type Locator, type Page } from '@playwright/test';

export class CommitmentRows {
	readonly toggle: Locator;
	constructor(readonly page: Page) {
		this.toggle = page.getByRole('checkbox', { name: /规划承诺行|Plan commitments/ });
	}

	/** The comparison sheet's (or the city's) table of commitments, found by its heading. */
	section(name: RegExp = /^规划承诺/): Locator {
		return this.page.getByRole('region', { name });
	}

	/** One commitment's row in a section, by its code. */
	row(section: Locator, code: string): Locator {
		return section
			.getByRole('row')
			.filter({ has: this.page.getByRole('rowheader', { name: new RegExp(code) }) });
	}

	async expectRow(section: Locator, code: string, cells: (string | RegExp)[]): Promise<void> {
		await expect(this.row(section, code).getByRole('cell')).toHaveText(cells);
	}
}
