// expect: n-plus-one@16, n-plus-one@17
package com.acme.billing;

import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;

public class InvoiceTotals {
    private final JdbcTemplate jdbcTemplate;

    public InvoiceTotals(JdbcTemplate jdbcTemplate) {
        this.jdbcTemplate = jdbcTemplate;
    }

    public void recompute(List<Long> invoiceIds) {
        invoiceIds.forEach(id -> {
            Long total = jdbcTemplate.queryForObject("SELECT sum(amount) FROM invoice_lines WHERE invoice_id = ?", Long.class, id);
            jdbcTemplate.update("UPDATE invoices SET total = ? WHERE id = ?", total, id);
        });
    }
}
