import { describe, expect, it } from "@jest/globals";
import { type Command, parseCommand } from "../../src/commands/parse-command.js";

const commandCases: { name: string; body: string; expected: Command }[] = [
  { name: "bare command", body: "/architect", expected: { kind: "review", scope: "auto" } },
  { name: "trailing spaces", body: "/architect   ", expected: { kind: "review", scope: "auto" } },
  { name: "upper case", body: "/ARCHITECT", expected: { kind: "review", scope: "auto" } },
  { name: "leading spaces", body: "   /architect full", expected: { kind: "review", scope: "full" } },
  { name: "blank lines before", body: "\n\r\n  \n/architect", expected: { kind: "review", scope: "auto" } },
  { name: "CRLF line ends", body: "/architect help\r\nthanks", expected: { kind: "help" } },
  { name: "full", body: "/architect full", expected: { kind: "review", scope: "full" } },
  { name: "sub-command in any case", body: "/Architect FULL", expected: { kind: "review", scope: "full" } },
  {
    name: "tab before the sub-command",
    body: "/architect\tfull",
    expected: { kind: "review", scope: "full" },
  },
  { name: "help", body: "/architect help", expected: { kind: "help" } },
  {
    name: "security focus",
    body: "/architect security",
    expected: { kind: "review", scope: "auto", focus: ["security"] },
  },
  {
    name: "performance focus",
    body: "/architect performance",
    expected: { kind: "review", scope: "auto", focus: ["performance"] },
  },
  {
    name: "architecture focus",
    body: "/architect architecture",
    expected: { kind: "review", scope: "auto", focus: ["architecture"] },
  },
  {
    name: "reliability focus",
    body: "/architect reliability",
    expected: { kind: "review", scope: "auto", focus: ["reliability"] },
  },
  {
    name: "maintainability focus",
    body: "/architect maintainability",
    expected: { kind: "review", scope: "auto", focus: ["maintainability"] },
  },
  {
    name: "text after the sub-command is ignored",
    body: "/architect security please look at the auth changes\nand the session code",
    expected: { kind: "review", scope: "auto", focus: ["security"] },
  },
  {
    name: "following lines are ignored",
    body: "/architect\n/architect help",
    expected: { kind: "review", scope: "auto" },
  },
  { name: "unknown word", body: "/architect secuirty", expected: { kind: "unknown", word: "secuirty" } },
  {
    name: "unknown word keeps its case",
    body: "/architect Please",
    expected: { kind: "unknown", word: "Please" },
  },
];

const notCommandCases: { name: string; body: string }[] = [
  { name: "empty", body: "" },
  { name: "blank", body: "  \n \n" },
  { name: "ordinary comment", body: "LGTM, thanks!" },
  { name: "command later in the line", body: "Could you run /architect please?" },
  { name: "command on a later line", body: "Thanks!\n/architect" },
  { name: "/architecture is not the command", body: "/architecture" },
  { name: "/architect- prefix", body: "/architect-review" },
  { name: "/architects", body: "/architects full" },
  { name: "quoted", body: "> /architect full\nI agree" },
  { name: "quoted with leading space", body: "  > /architect" },
  { name: "fenced code block", body: "```\n/architect\n```" },
  { name: "tilde code block", body: "~~~\n/architect\n~~~" },
  { name: "indented code block (4 spaces)", body: "    /architect" },
  { name: "indented code block (tab)", body: "\t/architect" },
  { name: "inline code", body: "`/architect`" },
  { name: "no slash", body: "architect full" },
];

describe("parseCommand", () => {
  it.each(commandCases)("reads $name", ({ body, expected }) => {
    expect(parseCommand(body)).toEqual(expected);
  });

  it.each(notCommandCases)("ignores $name", ({ body }) => {
    expect(parseCommand(body)).toBeNull();
  });
});
