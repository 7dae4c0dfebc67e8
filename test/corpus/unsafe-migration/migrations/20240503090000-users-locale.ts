// expect: unsafe-migration@6, unsafe-migration@7, unsafe-migration@8, unsafe-migration@12
import type { QueryInterface } from "sequelize";
import { DataTypes } from "sequelize";

export async function up(queryInterface: QueryInterface) {
  await queryInterface.addColumn("users", "locale", { type: DataTypes.STRING(8), allowNull: false });
  await queryInterface.changeColumn("users", "bio", { type: DataTypes.TEXT });
  await queryInterface.sequelize.query("CREATE INDEX users_locale_idx ON users (locale)");
}

export async function down(queryInterface: QueryInterface) {
  await queryInterface.removeColumn("users", "locale");
}
