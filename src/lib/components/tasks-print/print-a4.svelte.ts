// The printed page of a task printout: A4 (the county's report upright, the city's matrix
// across), with the printout's running title at the top of every page and 「第 X 页 共 Y 页」
// at the bottom, in CSS page-margin boxes (drawn by Chromium 131 and later). Set only while
// such a page is open. Call during a component's initialisation.
import { pageCounterContent } from '../comparison-display';

function cssText(text: string): string {
	return `"${text.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, ' ')}"`;
}

export function printOnA4(
	name: string,
	orientation: 'portrait' | 'landscape',
	texts: () => { pageNumber: string; running: string }
): void {
	$effect(() => {
		const { pageNumber, running } = texts();
		const style = document.createElement('style');
		style.dataset.print = name;
		style.textContent = `@page {
	size: A4 ${orientation};
	margin: 14mm 12mm 14mm;
	@top-right {
		content: ${cssText(running)};
		font-size: 8pt;
		color: #000;
	}
	@bottom-center {
		content: ${pageCounterContent(pageNumber)};
		font-size: 8.5pt;
		color: #000;
	}
}`;
		document.head.append(style);
		return () => style.remove();
	});
}
