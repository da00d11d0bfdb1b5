import js from '@eslint/js';
import ts from 'typescript-eslint';
import svelte from 'eslint-plugin-svelte';
import globals from 'globals';
import svelteConfig from './svelte.config.js';
import layersPlugin from './eslint/layers.js';

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
		// Each layer of src/lib imports only what its role allows (eslint/layers.js says which),
		// whether it writes `$lib/…` or a relative path.
		files: ['src/lib/**/*.ts', 'src/lib/**/*.svelte'],
		plugins: { workbook: layersPlugin },
		rules: { 'workbook/layers': 'error' }
	},
	{
		// The pure core runs in Node and in any UI: no page globals.
		files: ['src/lib/core/**/*.ts'],
		ignores: ['src/lib/core/**/*.test.ts'],
		rules: {
			'no-restricted-globals': ['error', 'window', 'document', 'localStorage', 'indexedDB', 'navigator']
		}
	},
	{
		ignores: ['build/', '.svelte-kit/', 'node_modules/', 'test-results/', 'playwright-report/']
	}
);
