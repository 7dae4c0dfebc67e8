-- expect: unsafe-migration@3, unsafe-migration@5
-- 2024-05-02: track customer tier for the pricing experiment
ALTER TABLE customers ADD COLUMN tier text NOT NULL;

CREATE INDEX idx_orders_customer_id ON orders (customer_id);
