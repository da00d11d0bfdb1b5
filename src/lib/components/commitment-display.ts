// How a commitment row's verdict is written on the comparison sheet and the city view: the
// rule in words, what the figure is held against, the years the rule did not hold.
import type { CommitmentCheck, CommitmentRule } from '$lib/core/commitments';
import type { Locale } from '$lib/i18n/locale.svelte';
import { displayNumber } from './cell-display';

export function ruleText(rule: CommitmentRule, locale: Locale): string {
	if (rule.kind === 'reference') return locale.t('commitments.ruleReference', { code: rule.of });
	return locale.t(`commitments.rule.${rule.kind}`);
}

/** What the judged figure is held against: 「2022年 54000」, 「公务员 2023年 96000」, 「100」. */
export function againstText(rule: CommitmentRule, check: CommitmentCheck, locale: Locale): string {
	if (check.against === null || rule.kind === 'reference') return '—';
	const value = displayNumber(check.against);
	if (rule.kind === 'reach') return locale.t('commitments.against.reach', { value });
	return locale.t(`commitments.against.${rule.kind}`, { year: check.againstYear ?? '', value });
}

export function lapsesText(check: CommitmentCheck, locale: Locale): string {
	return check.lapses.length ? check.lapses.join('、') : locale.t('commitments.none');
}
