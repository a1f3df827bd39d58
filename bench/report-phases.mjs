// Loaded with --import by bench/start-up-bench.ts beside report-cpu.mjs: when EXPANSIM_BENCH_PHASES_FILE is set, records when
// (ms since this process started, and ms of CPU time it had used) each `expansim: phase <step>` line of EXPANSIM_TRACE=phases
// reached stderr, and when the process exited.
import { writeFileSync } from 'node:fs';

const file = process.env.EXPANSIM_BENCH_PHASES_FILE;
if (file) {
  const phases = [];
  const cpuMs = () => {
    const { user, system } = process.cpuUsage();
    return (user + system) / 1000;
  };
  const write = process.stderr.write.bind(process.stderr);
  process.stderr.write = (chunk, ...rest) => {
    for (const [, step] of String(chunk).matchAll(/^expansim: phase (.+)$/gm)) phases.push([step, performance.now(), cpuMs()]);
    return write(chunk, ...rest);
  };
  process.on('exit', () => {
    phases.push(['exit', performance.now(), cpuMs()]);
    writeFileSync(file, JSON.stringify(phases));
  });
}
