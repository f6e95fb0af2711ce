import type { FailureCode } from '../../shared/contract';

/** A failure meant for the user: its message is shown as it is, so it must be readable. */
export class DeskError extends Error {
  constructor(
    readonly code: FailureCode,
    message: string,
  ) {
    super(message);
    this.name = 'DeskError';
  }
}
