-- expect: unsafe-migration@3, unsafe-migration@4
/* MySQL 8: widen the amount column */
ALTER TABLE payments MODIFY COLUMN amount DECIMAL(14, 2) NOT NULL;
CREATE UNIQUE INDEX uq_payments_reference ON payments (reference);
