import { type RepoConfig, renderEffectiveConfig, toCodeSpan } from "../config/repo-config.js";
import { encodeFencedBlock } from "../security/encode-markdown.js";

export interface BuildHelpTextOptions {
  /** The word after `/architect` that was not understood. */
  unknownWord?: string;
}

/** The configuration shown in the help comment is cut here (a comment holds 65,536 characters). */
const maxConfigLength = 20_000;
const maxWordLength = 40;

/**
 * The answer to `/architect help` and to unknown sub-commands: the commands, who may use them, the
 * cooldown and the effective configuration. Never contains an @mention (nobody is notified by it).
 *
 * @example
 * buildHelpText(defaultRepoConfig, { unknownWord: "secuirty" });
 */
export function buildHelpText(config: RepoConfig, options: BuildHelpTextOptions = {}): string {
  const sections: string[] = [];
  if (options.unknownWord !== undefined) {
    sections.push(`Unknown command ${toCodeSpan(`/architect ${toShortWord(options.unknownWord)}`)}.`);
  }
  sections.push(
    [
      "**Backend Architect commands** (write the command on the first line of a pull request comment):",
      "",
      "| Command | What it does |",
      "| --- | --- |",
      "| `/architect` | Review the changes since the last review (the whole pull request if there was none) |",
      "| `/architect full` | Review the whole pull request again |",
      "| `/architect security` | Review with a focus on security; likewise `architecture`, `performance`, `reliability`, `maintainability` |",
      "| `/architect help` | Show this message |",
    ].join("\n"),
  );
  sections.push(`${describeWhoMayUse(config)} ${describeCooldown(config)}`);
  sections.push(
    [
      "<details>",
      "<summary>Effective configuration (<code>.github/architect.yml</code> with defaults applied)</summary>",
      "",
      toCodeBlock(truncate(renderEffectiveConfig(config), maxConfigLength), "yaml"),
      "",
      "</details>",
    ].join("\n"),
  );
  return neutralizeMentions(sections.join("\n\n"));
}

function describeWhoMayUse(config: RepoConfig): string {
  const roles = config.commands.allowed_permissions;
  if (roles.length === 0)
    return "Commands are turned off in this repository (`commands.allowed_permissions` is empty).";
  return `Commands may be used by people with the ${joinWords(roles)} role on this repository.`;
}

function describeCooldown(config: RepoConfig): string {
  const seconds = config.commands.cooldown_seconds;
  if (seconds === 0) return "There is no cooldown between commands.";
  return `A pull request accepts one review command every ${seconds} ${seconds === 1 ? "second" : "seconds"}.`;
}

function joinWords(words: readonly string[]): string {
  if (words.length <= 1) return words.join("");
  return `${words.slice(0, -1).join(", ")} or ${words[words.length - 1]}`;
}

function toShortWord(word: string): string {
  const line = word.replace(/\s+/g, " ");
  return line.length > maxWordLength ? `${line.slice(0, maxWordLength - 1)}…` : line;
}

function truncate(text: string, maxLength: number): string {
  return text.length > maxLength ? `${text.slice(0, maxLength)}\n# … (cut: too long to show)\n` : text;
}

/** The configuration as a fenced block (`encodeFencedBlock`: no fence break, no marker, no hidden characters). */
function toCodeBlock(text: string, language: string): string {
  return encodeFencedBlock(text.endsWith("\n") ? text.slice(0, -1) : text, language);
}

/**
 * GitHub notifies `@login` and `@org/team` outside code; a zero-width space after `@` keeps the text
 * readable and notifies nobody. Applied to everything, code included, as the cheap safe choice.
 */
function neutralizeMentions(text: string): string {
  return text.replace(/@(?=[A-Za-z0-9])/g, "@\u200b");
}
