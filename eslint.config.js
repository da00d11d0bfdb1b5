import js from '@eslint/js';
import ts from 'typescript-eslint';
import svelte from 'eslint-plugin-svelte';
import globals from 'globals';
import svelteConfig from './svelte.config.js';

export default ts.config(
	js.configs.recommended,
	...ts.configs.recommended,
	...svelte.configs.recommended,
	{
		languageOptions: { globals: { ...globals.browser, ...globals.node } }
	},
	{
		files: ['**/*.svelte', '**/*.svelte.ts'],
		languageOptions: {
			parserOptions: {
				projectService: true,
				extraFileExtensions: ['.svelte'],
				parser: ts.parser,
				svelteConfig
			}
		}
	},
	{
		rules: {
			'@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }]
		}
	},
	{
		// The pure core: the plan model, parsing and maths. It must run in Node and in any UI,
		// so it may not reach for Svelte, storage, the grid, the formula engine or the page.
		files: ['src/lib/core/**/*.ts'],
		ignores: ['src/lib/core/**/*.test.ts'],
		rules: {
			'no-restricted-imports': [
				'error',
				{
					patterns: [
						{ group: ['svelte', 'svelte/*', '$app/*'], message: 'The core imports no Svelte.' },
						{ group: ['dexie', '$lib/storage/*'], message: 'The core imports no storage.' },
						{
							group: ['handsontable', 'handsontable/*', 'hyperformula'],
							message: 'The core imports no grid or engine.'
						},
						{ group: ['$lib/*', '!$lib/core/*'], message: 'The core imports only the core.' }
					]
				}
			],
			'no-restricted-globals': ['error', 'window', 'document', 'localStorage', 'indexedDB', 'navigator']
		}
	},
	{
		// State speaks the grid's contract ($lib/grid/contract), never a component's module.
		files: ['src/lib/state/**/*.ts'],
		rules: {
			'no-restricted-imports': [
				'error',
				{
					patterns: [
						{
							group: ['$lib/components/*', '../components/*'],
							message: 'State imports no component; use $lib/grid/contract.'
						}
					]
				}
			]
		}
	},
	{
		ignores: ['build/', '.svelte-kit/', 'node_modules/', 'test-results/', 'playwright-report/']
	}
);
