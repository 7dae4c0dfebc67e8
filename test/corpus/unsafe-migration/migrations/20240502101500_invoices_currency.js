// expect: unsafe-migration@4, unsafe-migration@5, unsafe-migration@6, unsafe-migration@12
exports.up = async function up(knex) {
  await knex.schema.alterTable("invoices", (table) => {
    table.string("currency", 3).notNullable();
    table.dropColumn("legacy_total");
    table.index(["customer_id", "created_at"]);
  });
};

exports.down = async function down(knex) {
  await knex.schema.alterTable("invoices", (table) => {
    table.dropColumn("currency");
  });
};
