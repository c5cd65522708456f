// What the benchmarks read about a running process from /proc (Linux): memory and CPU time.
const fs = require('node:fs');

/** Peak (VmHWM) and current (VmRSS) resident memory of a process, in KiB, from /proc. */
function memoryOf(pid) {
  try {
    const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
    const field = (name) => Number(new RegExp(`^${name}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? 0);
    return { peak: field('VmHWM'), current: field('VmRSS') };
  } catch {
    return { peak: 0, current: 0 };
  }
}

/** CPU time (user + system, in clock ticks) a process has used, from /proc. */
function cpuTicks(pid) {
  try {
    const fields = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
    return Number(fields[11]) + Number(fields[12]);
  } catch {
    return 0;
  }
}

module.exports = { memoryOf, cpuTicks };
