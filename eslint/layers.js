// The layers of src/lib and what each may import, as one ESLint rule.
//
// Why a rule of our own: ESLint's no-restricted-imports matches the text of an import, so
// `../storage/db` from one folder and `../storage/db` from another look the same, and a relative
// import slipped past the old patterns. This rule resolves every `$lib/…` and relative specifier
// to the folder it lands in under src/lib before judging it, with no resolver to configure.
import { dirname, relative, resolve, sep } from 'node:path';

const LIB = resolve('src/lib');
const SEEDS = resolve('seeds');

/**
 * Layer → layers it must never import. A layer not named may import any layer; the core's
 * rule is an allow-list instead (it imports only itself and the seed data).
 */
const FORBIDDEN = {
	storage: ['state', 'components', 'grid'],
	engine: ['state', 'components', 'storage'],
	state: ['components'],
	grid: ['state', 'components', 'storage']
};
const CORE_MAY_IMPORT = new Set(['core', 'seeds']);

/** Packages only one layer may import: the formula engine belongs to engine/ alone. */
const OWNED_PACKAGES = { hyperformula: 'engine' };
/** Packages the core may not import (it runs in Node and any UI). */
const CORE_FORBIDDEN_PACKAGES = /^(svelte|\$app|dexie|handsontable|hyperformula)(\/|$)/;

function layerOfPath(absolute) {
	const rel = relative(LIB, absolute);
	if (rel.startsWith('..') || rel === '') return null;
	return rel.split(sep)[0].replace(/\.(svelte\.)?ts$/, '');
}

function targetOf(specifier, filename) {
	if (specifier.startsWith('$lib/')) return resolve(LIB, specifier.slice(5));
	if (specifier.startsWith('.')) return resolve(dirname(filename), specifier);
	return null;
}

const isTest = (f) => /\.(test|spec)\.ts$/.test(f) || f.endsWith(`${sep}test-workbooks.ts`);

export const layers = {
	meta: {
		type: 'problem',
		docs: { description: 'Keep each layer of src/lib to the imports its role allows.' },
		schema: [],
		messages: {
			forbidden: '{{from}}/ may not import {{to}}/ ({{why}}).',
			owned: 'Only {{owner}}/ imports {{pkg}}; go through {{owner}}/.',
			corePackage: 'The core imports no {{pkg}}: it must run in Node and in any UI.'
		}
	},
	create(context) {
		const filename = context.filename;
		const from = layerOfPath(filename);
		if (!from || isTest(filename)) return {};
		function check(node, specifier) {
			if (typeof specifier !== 'string') return;
			const target = targetOf(specifier, filename);
			if (!target) {
				const pkg = Object.keys(OWNED_PACKAGES).find((p) => specifier === p || specifier.startsWith(`${p}/`));
				if (pkg && OWNED_PACKAGES[pkg] !== from) {
					context.report({ node, messageId: 'owned', data: { owner: OWNED_PACKAGES[pkg], pkg } });
				} else if (from === 'core' && CORE_FORBIDDEN_PACKAGES.test(specifier)) {
					context.report({ node, messageId: 'corePackage', data: { pkg: specifier } });
				}
				return;
			}
			const to = layerOfPath(target) ?? (relative(SEEDS, target).startsWith('..') ? null : 'seeds');
			if (to === from) return;
			if (!to) {
				if (from === 'core') {
					context.report({
						node,
						messageId: 'forbidden',
						data: { from, to: relative('.', target), why: 'the core imports only the core and the seeds' }
					});
				}
				return;
			}
			if (from === 'core' && !CORE_MAY_IMPORT.has(to)) {
				context.report({
					node,
					messageId: 'forbidden',
					data: { from, to, why: 'the core imports only the core and the seeds' }
				});
			} else if (FORBIDDEN[from]?.includes(to)) {
				context.report({ node, messageId: 'forbidden', data: { from, to, why: `${from} sits below ${to}` } });
			}
		}
		return {
			ImportDeclaration: (node) => check(node, node.source.value),
			ExportNamedDeclaration: (node) => node.source && check(node, node.source.value),
			ExportAllDeclaration: (node) => check(node, node.source.value),
			ImportExpression: (node) => node.source.type === 'Literal' && check(node, node.source.value)
		};
	}
};

export default { rules: { layers } };
