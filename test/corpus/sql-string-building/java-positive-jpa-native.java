// expect: sql-string-building@16, sql-string-building@21
package com.acme.reports;

import jakarta.persistence.EntityManager;
import java.util.List;

public class ReportRepository {
    private final EntityManager em;

    public ReportRepository(EntityManager em) {
        this.em = em;
    }

    @SuppressWarnings("unchecked")
    public List<Object[]> revenueByRegion(String region, String sortColumn) {
        String sql = "SELECT region, sum(amount) FROM sales WHERE region = '" + region + "' GROUP BY region ORDER BY " + sortColumn;
        return em.createNativeQuery(sql).getResultList();
    }

    public int purge(String tenant) {
        return em.createQuery(String.format("DELETE FROM AuditEvent e WHERE e.tenant = '%s'", tenant)).executeUpdate();
    }
}
