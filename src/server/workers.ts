/** Starting the server's worker threads, from the built JavaScript or (tests, development) the TypeScript sources. */
import { Worker } from 'node:worker_threads';

/** `name` is a module beside this one, without extension: 'scan-worker'. */
export function startWorker(name: string, workerData: unknown): Worker {
  const here = import.meta.url;
  const fromSource = here.endsWith('.ts');
  const url = new URL(`./${name}${fromSource ? '.ts' : '.js'}`, here);
  if (!fromSource) return new Worker(url, { workerData });
  // From the sources the worker registers the TypeScript loader, for imports and for require (the
  // knowledge-base compiler is required on demand), before importing its module.
  const source = `Promise.all([import('tsx/esm/api'), import('tsx/cjs/api')]).then(([esm, cjs]) => { esm.register(); cjs.register(); return import(${JSON.stringify(url.href)}); })`;
  return new Worker(source, { eval: true, workerData });
}
