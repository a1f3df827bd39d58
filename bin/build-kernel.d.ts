/** asc's options for the kernel (part of its key). */
export const KERNEL_COMPILE_OPTIONS: string[];
/** The kernel's sources, as paths from the repository root, for the build stamp. */
export function kernelInputs(): string[];
/** The hash of the kernel's compile options and sources that names dist/kernel-<key>.wasm. */
export function kernelKey(sources?: string): string;
/** Compiles the kernel unless dist/ holds it already; resolves with its file name. */
export function buildKernel(): Promise<string>;
/** buildKernel, or null with a warning on stderr. */
export function buildKernelOrExplain(): Promise<string | null>;
