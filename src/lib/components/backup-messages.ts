// The words the backup pages show for problems, times and sizes (all through the catalog).
import { regionByCode } from '$lib/core/plan';
import { locale } from '$lib/i18n/locale.svelte';
import type { RestoreProblem } from '$lib/state/restore.svelte';

export function timeText(ms: number): string {
	return new Date(ms).toLocaleString(locale.lang === 'zh' ? 'zh-CN' : 'en-GB', {
		year: 'numeric',
		month: '2-digit',
		day: '2-digit',
		hour: '2-digit',
		minute: '2-digit'
	});
}

export function sizeText(bytes: number): string {
	if (bytes < 1024) return `${bytes} B`;
	if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
	if (bytes < 1024 * 1024 * 1024) return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
	return `${(bytes / 1024 / 1024 / 1024).toFixed(1)} GB`;
}

export function problemText(p: RestoreProblem): string {
	switch (p.code) {
		case 'storage': {
			const e = p.error;
			if (e.code === 'conflict' && e.details.reason === 'changed-since')
				return locale.t('restore.problem.changed-since');
			if (e.code === 'conflict' && e.details.reason === 'snapshot-gone')
				return locale.t('restore.problem.snapshot-gone');
			const detail = locale.tDynamic(`storage.${e.code}`, e.code, { detail: e.code });
			return locale.t('restore.problem.storage', { detail: detail.replace(/[。.]$/, '') });
		}
		case 'newer-format':
			return locale.t('restore.problem.newer-format', { version: p.version });
		case 'bad-envelope':
			return locale.t('restore.problem.bad-envelope', { field: p.field });
		case 'bad-row': {
			const reason = locale.tDynamic(`restore.reason.${p.reason}`, locale.t('restore.reason.schema'));
			if (p.place) {
				const region = regionByCode(p.place.regionCode);
				const values = {
					region: region ? (locale.lang === 'zh' ? region.nameZh : region.nameEn) : p.place.regionCode,
					indicator: p.place.indicatorCode,
					row: p.row,
					reason
				};
				return p.place.year
					? locale.t('restore.problem.bad-figure', { ...values, year: p.place.year })
					: locale.t('restore.problem.bad-series', values);
			}
			return locale.t('restore.problem.bad-row', {
				table: locale.tDynamic(`restore.table.${p.table}`, p.table),
				row: p.row,
				field: p.field,
				reason
			});
		}
		default:
			return locale.t(`restore.problem.${p.code}`);
	}
}

/** The snapshot a problem is about, when it is an undo refused because of later changes. */
export function changedSinceId(p: RestoreProblem | null): number | null {
	if (p?.code !== 'storage' || p.error.code !== 'conflict' || p.error.details.reason !== 'changed-since')
		return null;
	return Number(p.error.details.id);
}
