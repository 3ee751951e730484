/**
 * Resolves when a long-running command (mock, proxy) should stop: SIGINT, SIGTERM or SIGHUP, or its parent
 * gone. `npx` runs the command under `npm exec` and a shell; when npm is killed, the command is handed to
 * another parent and no signal reaches it, so the parent is watched too. Installed before anything slow
 * runs, so a signal at any moment after start ends the command with exit 0.
 */
export function untilStopped(): Stopper {
  stopper ??= createStopper();
  return stopper;
}

interface Stopper {
  /** Resolves with what stopped the command. */
  stopped: Promise<string>;
  isStopped(): boolean;
}

/** One per process: main.ts installs it before the command's modules load, the command awaits the same. */
let stopper: Stopper | undefined;

function createStopper(): Stopper {
  let stopped = false;
  let resolve: (reason: string) => void = () => {};
  const promise = new Promise<string>((done) => (resolve = done));
  const parent = process.ppid;
  const stop = (reason: string) => {
    if (stopped) return;
    stopped = true;
    clearInterval(watch);
    for (const signal of signals) process.removeListener(signal, handlers[signal]);
    resolve(reason);
  };
  const signals = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;
  const handlers = Object.fromEntries(signals.map((signal) => [signal, () => stop(signal)])) as Record<
    (typeof signals)[number],
    () => void
  >;
  for (const signal of signals) process.on(signal, handlers[signal]);
  const watch = setInterval(() => {
    if (process.ppid !== parent) stop('the parent process is gone');
  }, 250);
  watch.unref();
  return { stopped: promise, isStopped: () => stopped };
}
