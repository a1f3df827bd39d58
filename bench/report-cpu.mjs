// Loaded with --import by bench/strategies-bench.ts: writes this process's CPU time (µs, all threads) where EXPANSIM_BENCH_CPU_FILE says.
import { writeFileSync } from 'node:fs';

const file = process.env.EXPANSIM_BENCH_CPU_FILE;
if (file) {
  process.on('exit', () => {
    const usage = process.resourceUsage();
    writeFileSync(file, JSON.stringify({ userMicros: usage.userCPUTime, systemMicros: usage.systemCPUTime }));
  });
}
