import { CommandError } from '../src/index';

/** Runs `fn` and returns the CommandError it throws (fails the test otherwise). */
export function errorOf(fn: () => unknown): CommandError {
  try {
    fn();
  } catch (err) {
    if (err instanceof CommandError) return err;
    throw err;
  }
  throw new Error('expected a CommandError, but the command succeeded');
}
