// See https://svelte.dev/docs/kit/types#app.d.ts
declare global {
	namespace App {}
	const __HOT_LICENSE_KEY__: string;
	const __HF_LICENSE_KEY__: string;
	const __APP_VERSION__: string;
}
export {};
