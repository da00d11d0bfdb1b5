// The printed page of a sheet (a county's comparison sheet, the city view): A4 landscape
// with 「第 X 页 共 Y 页」 in the bottom margin, in the planner's language. Set only while
// such a page is open, so other pages print as the browser likes.
// Call during a component's initialisation: it registers an effect tied to that component.
import { pageCounterContent } from './comparison-display';

/** `pageNumber` gives the catalog line, e.g. `第 {page} 页 共 {pages} 页`. */
export function printOnA4Landscape(name: string, pageNumber: () => string): void {
	$effect(() => {
		const style = document.createElement('style');
		style.dataset.print = name;
		style.textContent = `@page {
	size: A4 landscape;
	margin: 11mm 11mm 13mm;
	@bottom-center {
		content: ${pageCounterContent(pageNumber())};
		font-size: 8.5pt;
		color: #000;
	}
}`;
		document.head.append(style);
		return () => style.remove();
	});
}
