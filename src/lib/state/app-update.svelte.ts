// The service worker as the page sees it: registered once the app has opened, and, when a new
// version has installed and waits, an offer to reload into it. It never reloads by itself:
// the planner chooses the moment (edits are saved as they are made, so any moment is safe
// once 保存中 is gone; the page still asks before closing while a write is under way).
import { dev } from '$app/environment';
import { base } from '$app/paths';

export class AppUpdate {
	/** A new version has installed and waits for the page to let it take over. */
	waiting = $state(false);
	#registration: ServiceWorkerRegistration | null = null;

	async start(): Promise<void> {
		const container = globalThis.navigator?.serviceWorker;
		if (!container || this.#registration) return;
		try {
			const registration = await container.register(`${base}/service-worker.js`, {
				type: dev ? 'module' : 'classic'
			});
			this.#registration = registration;
			const check = () => {
				// A waiting worker with a controller present is an update; without a controller
				// it is the first install, which takes the page by itself.
				this.waiting = !!registration.waiting && !!container.controller;
			};
			check();
			registration.addEventListener('updatefound', () => {
				registration.installing?.addEventListener('statechange', check);
			});
			// The page stays open for days: look for a new version whenever it is shown again.
			document.addEventListener('visibilitychange', () => {
				if (document.visibilityState === 'visible') void registration.update().catch(() => undefined);
			});
		} catch {
			// No service worker (private mode, an old browser, a file:// copy): the app works
			// online as before; there is nothing the planner can do about it.
		}
	}

	/** Let the waiting version take over, and reload into it once it has. */
	reload(): void {
		const waiting = this.#registration?.waiting;
		if (!waiting) {
			location.reload();
			return;
		}
		navigator.serviceWorker.addEventListener('controllerchange', () => location.reload(), { once: true });
		waiting.postMessage({ type: 'skip-waiting' });
	}
}

export const appUpdate = new AppUpdate();
