-- expect: none
-- Safe variants: nullable column, constant default, concurrent index.
ALTER TABLE customers ADD COLUMN tier text;
ALTER TABLE customers ADD COLUMN plan text NOT NULL DEFAULT 'free';
CREATE INDEX CONCURRENTLY idx_orders_customer_id ON orders (customer_id);
ALTER TABLE customers ADD CONSTRAINT customers_tier_not_null CHECK (tier IS NOT NULL) NOT VALID;
COMMENT ON COLUMN customers.tier IS 'DROP COLUMN later; do not ALTER COLUMN TYPE here';
