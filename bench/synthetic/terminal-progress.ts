/**
 * Progress of a long benchmark step on stderr: a cli-progress bar on a terminal, a plain line
 * every 10% in logs and CI (where a redrawn bar would be noise).
 */
import cliProgress from 'cli-progress';

export interface Progress {
  update: (done: number, total: number) => void;
  stop: () => void;
}

export function terminalProgress(label: string): Progress {
  if (process.stderr.isTTY) {
    const bar = new cliProgress.SingleBar(
      {
        format: `${label} [{bar}] {value}/{total} relationships, {duration_formatted}`,
        stream: process.stderr,
      },
      cliProgress.Presets.shades_classic,
    );
    let started = false;
    return {
      update: (done, total) => {
        if (!started) bar.start(total, 0);
        started = true;
        bar.update(done);
      },
      stop: () => {
        if (started) bar.stop();
      },
    };
  }
  let lastTenth = -1;
  return {
    update: (done, total) => {
      const tenth = Math.floor((done / Math.max(total, 1)) * 10);
      if (tenth !== lastTenth) console.error(`${label}: ${done}/${total} relationships`);
      lastTenth = tenth;
    },
    stop: () => {},
  };
}
