// The renderer's one way to the main side: calls a channel and turns a failure into an error
// carrying the main side's readable message.
import type { ChannelName } from '../shared/channels';
import type { ChannelArgs, ChannelResult, FailureCode, Outcome } from '../shared/contract';

export class DeskFailure extends Error {
  constructor(
    readonly code: FailureCode,
    message: string,
  ) {
    super(message);
    this.name = 'DeskFailure';
  }
}

export async function call<C extends ChannelName>(channel: C, args: ChannelArgs<C>): Promise<ChannelResult<C>> {
  // Indexing the API by a generic channel loses the per-channel pairing TypeScript can check.
  const request = window.desk[channel] as unknown as (args: ChannelArgs<C>) => Promise<Outcome<ChannelResult<C>>>;
  const outcome = await request(args);
  if (!outcome.ok) throw new DeskFailure(outcome.error.code, outcome.error.message);
  return outcome.value;
}

export const messageOf = (error: unknown): string => (error instanceof Error ? error.message : String(error));
