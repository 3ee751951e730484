export interface Progress {
  step(message: string): void;
}

/** Progress lines on stderr for people watching a long run; silent for pipes and CI logs by default. */
export function createProgress(mode: 'auto' | 'always' | 'never'): Progress {
  const enabled = mode === 'always' || (mode === 'auto' && process.stderr.isTTY === true);
  const started = Date.now();
  return {
    step(message) {
      if (enabled) process.stderr.write(`specsmith [${((Date.now() - started) / 1000).toFixed(1)}s] ${message}\n`);
    },
  };
}
