// expect: n-plus-one@8
import type { Pool } from "pg";

export async function resolveManagerChain(pool: Pool, employeeId: string): Promise<string[]> {
  const chain: string[] = [];
  let current: string | null = employeeId;
  while (current) {
    const { rows } = await pool.query("SELECT manager_id FROM employees WHERE id = $1", [current]);
    current = rows[0]?.manager_id ?? null;
    if (current) chain.push(current);
  }
  return chain;
}
