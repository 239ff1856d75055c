// Running scenarios in Web Workers from the page. Shared memory is used when the page is
// cross-origin isolated; on a plain static host the coordinator carries logs between workers.
import { wrap } from 'comlink';
import type { EngineWorkerApi } from './protocol.ts';
import type { SpawnWorker, WorkerHost } from './coordinator.ts';

export const spawnBrowserWorker: SpawnWorker = (index) => {
  const worker = new Worker(new URL('./engine.worker.ts', import.meta.url), { type: 'module' });
  // comlink never rejects a pending call when its worker dies: fail it ourselves.
  const failed = new Promise<never>((_, reject) => {
    worker.addEventListener('error', (event) => {
      event.preventDefault();
      reject(new Error(`engine worker ${index} failed: ${event.message || 'it could not be loaded'}`));
    });
    worker.addEventListener('messageerror', () => reject(new Error(`engine worker ${index} sent a message that could not be read`)));
  });
  failed.catch(() => undefined);
  const host: WorkerHost = { api: wrap<EngineWorkerApi>(worker), failed, terminate: () => worker.terminate() };
  return host;
};

/** Whether this page can share memory with its workers (needs COOP/COEP headers). */
export function canShareMemory(): boolean {
  return typeof SharedArrayBuffer !== 'undefined' && globalThis.crossOriginIsolated === true;
}

/** Leave a core to the page: it draws while the workers step. */
export function browserWorkers(): number {
  return Math.max(1, Math.min(4, (navigator.hardwareConcurrency || 2) - 1));
}

/** Assumed when the browser does not say how much memory the device has (Firefox, Safari). */
const UNKNOWN_DEVICE_GIB = 4;

/**
 * Bytes a world may take in this page: half the device memory the browser reports
 * (`navigator.deviceMemory`, in GiB, which browsers round down and cap at 8), at most 4 GiB — what
 * one tab can allocate in typed arrays before "Array buffer allocation failed". The same estimate
 * as the command line's (engine/memory-estimate.ts) is checked against it before building.
 */
export function browserMemoryLimitBytes(): number {
  const deviceGib = (navigator as Navigator & { deviceMemory?: number }).deviceMemory ?? UNKNOWN_DEVICE_GIB;
  return Math.min(4, deviceGib / 2) * 2 ** 30;
}
