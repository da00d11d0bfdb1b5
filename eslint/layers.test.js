// The layer rule judges where an import lands, not how it is spelt.
import { RuleTester } from 'eslint';
import { describe, it } from 'vitest';
import { resolve } from 'node:path';
import { layers } from './layers.js';

RuleTester.describe = describe;
RuleTester.it = it;
const tester = new RuleTester({ languageOptions: { ecmaVersion: 2022, sourceType: 'module' } });
const at = (path) => resolve('src/lib', path);

tester.run('layers', layers, {
	valid: [
		{ code: "import { PLAN } from './plan';", filename: at('core/compare.ts') },
		{ code: "import { x } from '../backup/tables';", filename: at('core/exchange/import.ts') },
		{ code: "import regions from '../../../seeds/regions.json';", filename: at('core/plan.ts') },
		{ code: "import { z } from 'zod';", filename: at('core/model.ts') },
		{ code: "import { db } from '$lib/storage/db';", filename: at('state/workbook.svelte.ts') },
		{ code: "import { HyperFormula } from 'hyperformula';", filename: at('engine/workbook-engine.ts') },
		{
			code: "import Grid from '$lib/components/SheetGrid.svelte';",
			filename: at('components/SheetWorkspace.svelte')
		},
		// Tests may reach across layers to set up what they check.
		{ code: "import { Workbook } from '$lib/state/workbook.svelte';", filename: at('storage/db.test.ts') }
	],
	invalid: [
		{
			code: "import { db } from '../storage/db';",
			filename: at('core/compare.ts'),
			errors: [{ messageId: 'forbidden' }]
		},
		{
			code: "import { f } from '../../backup/folder';",
			filename: at('core/exchange/import.ts'),
			errors: [{ messageId: 'forbidden' }]
		},
		{
			code: "import { db } from '$lib/storage/db';",
			filename: at('core/plan.ts'),
			errors: [{ messageId: 'forbidden' }]
		},
		{
			code: "import x from '../../../src/routes/+page.svelte';",
			filename: at('core/plan.ts'),
			errors: [{ messageId: 'forbidden' }]
		},
		{
			code: "import Dexie from 'dexie';",
			filename: at('core/model.ts'),
			errors: [{ messageId: 'corePackage' }]
		},
		{
			code: "export * from '$lib/state/workbook.svelte';",
			filename: at('storage/index.ts'),
			errors: [{ messageId: 'forbidden' }]
		},
		{
			code: "import { s } from '../state/engine-session';",
			filename: at('engine/workbook-engine.ts'),
			errors: [{ messageId: 'forbidden' }]
		},
		{
			code: "import P from '../components/ImportPanel.svelte';",
			filename: at('state/import-session.svelte.ts'),
			errors: [{ messageId: 'forbidden' }]
		},
		{
			code: "const m = import('$lib/components/SheetGrid.svelte');",
			filename: at('state/workbook.svelte.ts'),
			errors: [{ messageId: 'forbidden' }]
		},
		{
			code: "import { HyperFormula } from 'hyperformula';",
			filename: at('grid/grid-keyboard.ts'),
			errors: [{ messageId: 'owned' }]
		}
	]
});
