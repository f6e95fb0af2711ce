// Loaded with `node --require` before the command line: reports the process's peak memory on exit.
process.on('exit', () => process.stderr.write(`\npeak-rss-kib ${process.resourceUsage().maxRSS}\n`));
