/**
 * A problem with what the user gave the command (arguments, input diff, configuration, environment):
 * reported on stderr as is, without a stack, and the command exits 2.
 */
export class CliError extends Error {
  override readonly name = "CliError";
}
