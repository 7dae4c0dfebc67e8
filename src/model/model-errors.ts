/**
 * The model client's errors, in a module of their own: whoever only needs to recognise them (describing
 * a failure for the check run or the command line) does not load the SDK.
 */
export { ModelOutputError } from "./review-output-schema.js";

/** The model could not be reached or kept failing after the SDK's retries. */
export class ModelUnavailableError extends Error {
  constructor(
    message: string,
    readonly status: number | undefined,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}
