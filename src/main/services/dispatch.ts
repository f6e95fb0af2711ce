// The single door into the handlers: the channel must exist, its arguments must match the
// contract's schema, and whatever goes wrong comes back as a readable failure, never a stack.
import { z } from 'zod';
import { channelNames, type ChannelName } from '../../shared/channels';
import { contract, type Outcome } from '../../shared/contract';
import { DeskError } from './desk-error';
import type { Handlers } from './handlers';
import { MediaRefused } from './media/probe';
import { UnreadableFileError } from './storage/unreadable-file';

export function isChannelName(value: unknown): value is ChannelName {
  return typeof value === 'string' && (channelNames as readonly string[]).includes(value);
}

export async function dispatch(handlers: Handlers, channel: unknown, rawArgs: unknown): Promise<Outcome<unknown>> {
  if (!isChannelName(channel)) {
    return { ok: false, error: { code: 'unknown-channel', message: `There is no request named “${String(channel)}”.` } };
  }
  const parsed = contract[channel].args.safeParse(rawArgs);
  if (!parsed.success) {
    return { ok: false, error: { code: 'invalid-input', message: describeInvalidInput(channel, parsed.error) } };
  }
  try {
    const handler = handlers[channel] as (args: unknown) => Promise<unknown>;
    return { ok: true, value: await handler(parsed.data) };
  } catch (error) {
    return { ok: false, error: describeFailure(channel, error) };
  }
}

function describeInvalidInput(channel: ChannelName, error: z.ZodError): string {
  const problems = error.issues.slice(0, 3).map((issue) => `${issue.path.join('.') || 'arguments'}: ${issue.message}`);
  return `The request “${channel}” was malformed — ${problems.join('; ')}.`;
}

function describeFailure(channel: ChannelName, error: unknown): { code: DeskError['code']; message: string } {
  if (error instanceof DeskError) return { code: error.code, message: error.message };
  if (error instanceof UnreadableFileError) return { code: 'unreadable', message: error.message };
  if (error instanceof MediaRefused) return { code: 'refused', message: error.message };
  // Only the error's kind is logged: messages can quote file contents, and transcripts must
  // never reach a log.
  const kind = error instanceof Error ? `${error.name}${(error as NodeJS.ErrnoException).code ? ` ${(error as NodeJS.ErrnoException).code}` : ''}` : typeof error;
  console.error(`[testimony] ${channel} failed: ${kind}`);
  const code = (error as NodeJS.ErrnoException)?.code;
  if (code === 'ENOSPC') return { code: 'storage', message: 'The disk is full. Nothing was lost; free some space and try again.' };
  if (code === 'EACCES' || code === 'EPERM') return { code: 'storage', message: 'The library folder cannot be written to. Check its permissions.' };
  return { code: 'internal', message: 'Something went wrong on our side. Your saved work is unchanged.' };
}
