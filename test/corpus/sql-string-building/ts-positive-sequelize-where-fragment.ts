// expect: sql-string-building@8
import { QueryTypes } from "sequelize";
import { sequelize } from "../models/index.js";

export async function listOrders(customerId: string, status?: string) {
  let sql = "SELECT * FROM orders WHERE customer_id = :customerId";
  if (status) {
    sql += ` AND status = '${status}'`;
  }
  return sequelize.query(sql, { replacements: { customerId }, type: QueryTypes.SELECT });
}
