// expect: none
exports.up = async function up(knex) {
  await knex.schema.createTable("webhooks", (table) => {
    table.increments("id");
    table.string("url").notNullable();
    table.string("secret").notNullable();
    table.index(["url"]);
  });
  await knex.schema.alterTable("invoices", (table) => {
    table.string("currency", 3).notNullable().defaultTo("EUR");
    table.string("note").nullable();
  });
  await knex.raw("CREATE INDEX CONCURRENTLY invoices_currency_idx ON invoices (currency)");
};

exports.down = async function down(knex) {
  await knex.schema.dropTable("webhooks");
};

exports.config = { transaction: false };
