// `testimony` on the command line, for batch work with the same code as the app:
//   testimony export --data-dir DIR --interview ID --format FORMAT --out FILE [--text source|target] [--with-queries]
// Exit codes: 0 written, 1 failed, 2 wrong usage, 3 refused by the leak check.
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { ExportFormat, exportFormats } from '../shared/contract';
import { DeskError } from './services/desk-error';
import { exportInterview } from './services/export/export-interview';
import { Library } from './services/library';

export type CliOutput = { out: (line: string) => void; err: (line: string) => void };

const USAGE = `Usage:
  testimony export --data-dir DIR --interview ID --format ${exportFormats.join('|')} --out FILE [--text source|target] [--with-queries]`;

export async function runCli(argv: readonly string[], io: CliOutput): Promise<number> {
  const [command, ...rest] = argv;
  if (command !== 'export') {
    io.err(command ? `Unknown command “${command}”.\n${USAGE}` : USAGE);
    return 2;
  }
  let values;
  try {
    ({ values } = parseArgs({
      args: [...rest],
      options: {
        'data-dir': { type: 'string' },
        interview: { type: 'string' },
        format: { type: 'string' },
        out: { type: 'string' },
        text: { type: 'string', default: 'source' },
        'with-queries': { type: 'boolean', default: false },
      },
      strict: true,
    }));
  } catch (error) {
    io.err(`${(error as Error).message}\n${USAGE}`);
    return 2;
  }
  const format = ExportFormat.safeParse(values.format);
  const missing = (['data-dir', 'interview', 'out'] as const).filter((name) => !values[name]);
  if (missing.length > 0 || !format.success || (values.text !== 'source' && values.text !== 'target')) {
    io.err(`${missing.length ? `Missing --${missing.join(', --')}. ` : ''}${format.success ? '' : 'Give a --format. '}\n${USAGE}`);
    return 2;
  }
  const dataDir = resolve(values['data-dir']!);
  if (!existsSync(dataDir)) {
    io.err(`There is no library folder at ${dataDir}.`);
    return 1;
  }
  try {
    const library = await Library.open(dataDir);
    const interview = await library.get(values.interview!);
    const target = resolve(values.out!);
    await exportInterview(interview, library.settings, { format: format.data, language: values.text, includeOpenQueries: values['with-queries']! }, target);
    io.out(target);
    return 0;
  } catch (error) {
    if (error instanceof DeskError) {
      io.err(error.message);
      return error.code === 'leak' ? 3 : 1;
    }
    // Only the kind of failure: messages may quote file contents.
    io.err(`Export failed (${error instanceof Error ? error.name : 'unknown error'}).`);
    return 1;
  }
}

/** Entry for bin/testimony.cjs and `node out/main/cli.js`. */
export function main(): void {
  const io: CliOutput = { out: (line) => process.stdout.write(`${line}\n`), err: (line) => process.stderr.write(`${line}\n`) };
  void runCli(process.argv.slice(2), io).then((code) => {
    process.exitCode = code;
  });
}

if (require.main === module) main();
