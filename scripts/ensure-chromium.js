#!/usr/bin/env node
// Make sure a system Chromium (and CJK fonts) is available for the Playwright tests, and
// LibreOffice Calc's `soffice`, which tests/e2e/xlsx-export.spec.ts uses to open an exported
// .xlsx as a planner's spreadsheet program would (converted to CSV and to PDF).
// Never downloads a browser via `playwright install`; uses Debian's `chromium` package.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { findChromium } from './chromium-path.js';

export { findChromium };

const INSTALL_HINT =
	'Run:  sudo apt-get install chromium fonts-noto-cjk\n' +
	'(or set CHROMIUM_PATH=/path/to/chromium if Chromium is installed elsewhere)';

function isRoot() {
	return typeof process.getuid === 'function' && process.getuid() === 0;
}

/** @param {string} cmd */
function commandExists(cmd) {
	const r = spawnSync('sh', ['-c', `command -v ${cmd}`], { stdio: 'ignore' });
	return r.status === 0;
}

/**
 * Run a command with inherited stdio.
 * @param {string} cmd
 * @param {string[]} args
 * @returns {boolean} true on exit status 0
 */
function run(cmd, args) {
	console.log(`[ensure-chromium] $ ${cmd} ${args.join(' ')}`);
	const r = spawnSync(cmd, args, {
		stdio: 'inherit',
		env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' }
	});
	if (r.error) console.error(`[ensure-chromium] ${cmd}: ${r.error.message}`);
	return r.status === 0;
}

/** @param {string[]} packages */
function aptInstall(packages) {
	if (!run('apt-get', ['update'])) return false;
	return run('apt-get', ['install', '-y', '--no-install-recommends', ...packages]);
}

function hasCjkFonts() {
	if (commandExists('fc-list')) {
		const r = spawnSync('fc-list', [':lang=zh'], { encoding: 'utf8' });
		if (r.status === 0 && r.stdout.trim() !== '') return true;
	}
	return existsSync('/usr/share/fonts/opentype/noto');
}

function canApt() {
	return isRoot() && commandExists('apt-get');
}

export function main() {
	let chromium = findChromium();

	if (!chromium) {
		if (canApt()) {
			console.log(
				'[ensure-chromium] Chromium not found; installing Debian packages chromium and fonts-noto-cjk with apt-get...'
			);
			aptInstall(['chromium', 'fonts-noto-cjk']);
			chromium = findChromium();
		}
		if (!chromium) {
			console.error(
				'[ensure-chromium] Chromium was not found (checked $CHROMIUM_PATH, $PLAYWRIGHT_CHROMIUM_EXECUTABLE_PATH, /usr/bin/chromium, /usr/bin/chromium-browser).'
			);
			console.error(INSTALL_HINT);
			return 1;
		}
	}

	if (!hasCjkFonts()) {
		if (canApt()) {
			console.log(
				'[ensure-chromium] CJK fonts missing; installing fonts-noto-cjk so Chinese text renders...'
			);
			if (!aptInstall(['fonts-noto-cjk'])) {
				console.warn(
					'[ensure-chromium] warning: could not install fonts-noto-cjk; Chinese text may render as boxes in screenshots/PDF.'
				);
			}
		} else {
			console.warn(
				'[ensure-chromium] warning: no CJK fonts found; Chinese text may render as boxes. Run: sudo apt-get install fonts-noto-cjk'
			);
		}
	}

	if (!commandExists('soffice')) {
		if (canApt()) {
			console.log(
				'[ensure-chromium] soffice missing; installing libreoffice-calc-nogui for the .xlsx export test...'
			);
			aptInstall(['libreoffice-calc-nogui']);
		}
		if (!commandExists('soffice')) {
			console.warn(
				'[ensure-chromium] warning: soffice not found; tests/e2e/xlsx-export.spec.ts will fail. Run: sudo apt-get install libreoffice-calc-nogui'
			);
		}
	}

	console.log(`[ensure-chromium] using Chromium at ${chromium}`);
	return 0;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
	process.exit(main());
}
