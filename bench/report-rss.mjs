// Loaded with --import by the benchmark: writes this process's peak RSS (kB) where EXPANSIM_BENCH_RSS_FILE says.
import { writeFileSync } from 'node:fs';

const file = process.env.EXPANSIM_BENCH_RSS_FILE;
if (file) process.on('exit', () => writeFileSync(file, String(process.resourceUsage().maxRSS)));
