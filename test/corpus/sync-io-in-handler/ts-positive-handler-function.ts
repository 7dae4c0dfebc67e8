// expect: sync-io-in-handler@8, sync-io-in-handler@9, eval-or-shell-injection@9
import { execSync } from "node:child_process";
import { writeFileSync } from "node:fs";
import type { Request, Response } from "express";

export function exportReport(req: Request, res: Response) {
  const out = `/tmp/report-${Date.now()}.csv`;
  writeFileSync(out, toCsv(req.body.rows));
  const size = execSync(`wc -c < ${out}`).toString().trim();
  res.json({ out, size });
}

function toCsv(rows: string[][]): string {
  return rows.map((r) => r.join(",")).join("\n");
}
