/**
 * Where the code of the mock's other threads is (src/mock/thread.ts). The package's build
 * replaces this module with the bundled file's address (scripts/build-package.ts).
 */
export const threadEntry = new URL('./thread.ts', import.meta.url);
