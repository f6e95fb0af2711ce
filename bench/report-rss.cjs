// Loaded with `node --require` before the command line: reports the process's peak memory and the
// CPU it used (user + system, all threads: scrypt in the thread pool counts) on exit.
process.on('exit', () => {
  const usage = process.resourceUsage();
  process.stderr.write(`\npeak-rss-kib ${usage.maxRSS}\ncpu-us ${usage.userCPUTime + usage.systemCPUTime}\n`);
});
